"""A cache of the validated knowledge base and country data, so a scripted run is quick.

Parsing and checking mechanisms.yaml costs about 100 ms, reading countries.json about 20;
unpickling the results costs a few. The key is the paths, sizes and modification times
of the data files and of the core modules, plus the engagewiz version, so any edit (or
upgrade) rebuilds it. A cache that cannot be read or written is ignored: it only ever
saves time. Set ENGAGEWIZ_NO_CACHE=1 to bypass it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from engagewiz import __version__

T = TypeVar("T")
STALE_SECONDS = 30 * 24 * 3600


def cache_dir() -> Path:
    if home := os.environ.get("ENGAGEWIZ_HOME"):
        return Path(home) / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "engagewiz"


def _key(files: list[Path]) -> str:
    """The data files' stamps, and the code's: a changed loader must not read old pickles."""
    parts = [__version__]
    for f in (*files, *sorted(Path(__file__).parents[1].rglob("*.py"))):
        st = f.stat()
        parts.append(f"{f.resolve()}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def cached(files: list[Path], build: Callable[[], T], kind: type[T]) -> T:
    """`build()`, or its pickled result from an earlier run on the same files."""
    if os.environ.get("ENGAGEWIZ_NO_CACHE"):
        return build()
    try:
        path = cache_dir() / f"{kind.__name__.lower()}-{_key(files)}.pickle"
    except OSError:
        return build()  # a missing file: let the loader say so
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
        if isinstance(found, kind):
            return found
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    built = build()
    try:
        from engagewiz.storage.fsutil import write_private

        write_private(path, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(path)
    except OSError:
        pass
    return built


def _prune(kept: Path) -> None:
    """Every edit leaves an old pickle behind: drop those of the same kind not rewritten
    for a month (a knowledge base still in use is simply rebuilt once)."""
    import time

    kind = kept.name.split("-")[0]
    for old in kept.parent.glob(f"{kind}-*.pickle"):
        if old != kept and time.time() - old.stat().st_mtime > STALE_SECONDS:
            old.unlink(missing_ok=True)
