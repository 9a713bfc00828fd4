"""A cache of the validated knowledge base, so a scripted run does not re-parse the YAML.

Parsing and checking mechanisms.yaml costs about 100 ms; unpickling the result costs a few.
The cache key is the files' paths, sizes and modification times plus the engagewiz
version, so any edit (or upgrade) rebuilds it. A cache that cannot be read or written is
ignored: it only ever saves time. Set ENGAGEWIZ_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from engagewiz import __version__
from engagewiz.model import KnowledgeBase


def cache_dir() -> Path:
    if home := os.environ.get("ENGAGEWIZ_HOME"):
        return Path(home) / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "engagewiz"


def _key(files: list[Path]) -> str:
    parts = [__version__]
    for f in files:
        st = f.stat()
        parts.append(f"{f.resolve()}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def cached(files: list[Path], build: Callable[[], KnowledgeBase]) -> KnowledgeBase:
    if os.environ.get("ENGAGEWIZ_NO_CACHE"):
        return build()
    try:
        path = cache_dir() / f"kb-{_key(files)}.pickle"
    except OSError:
        return build()  # a missing file: let the loader say so
    try:
        with path.open("rb") as handle:
            kb = pickle.load(handle)
        if isinstance(kb, KnowledgeBase):
            return kb
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    kb = build()
    try:
        from engagewiz.fsutil import write_private

        write_private(path, pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return kb
