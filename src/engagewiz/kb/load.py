"""Where the knowledge base lives, and the validated KnowledgeBase (cached between runs).

The parsing and checking is in kb/build.py, imported only when the cache is cold: a
scripted run on an unchanged knowledge base never pays for it.
"""

from __future__ import annotations

import functools
import gc
from pathlib import Path

from engagewiz.core.model import KnowledgeBase
from engagewiz.errors import InputError
from engagewiz.kb import codec
from engagewiz.kb.cache import cached

QUESTIONS = "questions.yaml"
MECHANISMS = "mechanisms.yaml"
TEXTS = "texts.yaml"  # optional: without it, plans carry route advice only


def default_dir() -> Path:
    """The bundled data folder (installed as the package engagewiz.data)."""
    import importlib.util

    spec = importlib.util.find_spec("engagewiz.data")
    if spec and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[3] / "data"


def checkout_data() -> Path | None:
    """./data when the working folder is a checkout of engagewiz: the files an author edits.

    After `pip install .` the tool reads its installed copy, so `check` run in the checkout
    would otherwise validate files nobody is editing."""
    here = Path("data")
    return here if (here / QUESTIONS).is_file() and (here / MECHANISMS).is_file() else None


def load_kb(data_dir: Path | None = None) -> KnowledgeBase:
    """The validated knowledge base; from the cache when the files have not changed."""
    folder = data_dir or default_dir()
    if not folder.is_dir():
        raise InputError.one("knowledge-base folder not found", str(folder))
    qfile, mfile, tfile = folder / QUESTIONS, folder / MECHANISMS, folder / TEXTS
    texts = tfile if tfile.is_file() else None

    def build() -> KnowledgeBase:
        from engagewiz.kb.build import build_kb

        return build_kb(qfile, mfile, texts)

    kb: KnowledgeBase = cached("knowledgebase", [qfile, mfile, *([texts] if texts else [])],
                               build, codec.dumps, _decode)
    _settle()
    return kb


@functools.cache
def _settle() -> None:
    """Out of the cyclic garbage collector's sight, once a process, go the objects made so
    far: the knowledge base (60,000 of them), the modules, the classes, all of which live
    as long as the process. Each later collection, and the one at exit, would otherwise
    walk them all again: a twentieth of a scripted run, a sixth of an assessment."""
    gc.freeze()


def _decode(payload: bytes) -> KnowledgeBase:
    """The cached knowledge base, read with the cyclic collector paused: every object made
    here lives as long as the process (and is frozen next, `_settle`), so the collections
    its 60,000 objects set off would each walk them for nothing (5 million instructions)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        kb = codec.loads(payload)
    finally:
        if collecting:
            gc.enable()
    if not isinstance(kb, KnowledgeBase):
        raise TypeError("the cache holds no knowledge base")
    return kb
