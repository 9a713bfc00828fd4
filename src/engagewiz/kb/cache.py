"""A cache of the validated knowledge base and country data, so a scripted run is quick
(and of the grammar typer makes of `assess`, `cli/scripted.py`).

Building the knowledge base from YAML costs about 80 ms; reading it back from the cache a
few. What is cached is data (JSON, see `codec`), never code: a cache folder may be one that
someone else can write to, and whatever they put there must not run. Each file starts with
a header line holding the key and a CRC-32 of what follows, and is used only if both match;
a file that is unreadable, truncated, corrupt, foreign or tampered with is ignored and
rebuilt, never an error. The key covers the engagewiz version, every module of the package
(path, size, modification time) and the data files, so an edit or an upgrade rebuilds.

Why a CRC and not SHA-256: the check is against damage (a flipped byte, a file cut short),
which a CRC-32 always catches. Against someone who can write the file no unkeyed digest
helps (they recompute it), which is why the folder must be ours alone; SHA-256 would add
about 10 ms to every run (importing hashlib and hashing 1 MB).

The folder must be ours: owned by the user and writable by no one else, like its parent.
Otherwise the cache is not read or written, with one warning: the tool still works (the
cache only saves time), and the warning says how to fix the folder. ENGAGEWIZ_NO_CACHE=1
bypasses the cache.
"""

from __future__ import annotations

import functools
import json
import os
import stat
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from engagewiz import __version__

T = TypeVar("T")
FORMAT = 3  # 3: records as rows of a table of classes (kb/codec.py)
STALE_SECONDS = 30 * 24 * 3600
MAX_BYTES = 32 * 1024 * 1024  # far above any real knowledge base; bounds a planted file
_warned: set[str] = set()


def cache_dir() -> Path:
    if home := os.environ.get("ENGAGEWIZ_HOME"):
        return Path(home) / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "engagewiz"


def cached(kind: str, files: list[Path], build: Callable[[], T],
           encode: Callable[[T], bytes], decode: Callable[[bytes], T]) -> T:
    """`build()`, or what `encode` stored of it by an earlier run on the same files."""
    if os.environ.get("ENGAGEWIZ_NO_CACHE"):
        return build()
    try:
        key = _key(files)
    except OSError:
        return build()  # a missing file: let the loader say so
    folder = cache_dir()
    stamp = key.encode()
    path = folder / f"{kind}-{zlib.crc32(stamp):08x}{zlib.adler32(stamp):08x}.json"
    usable: bool | None = False
    try:
        usable = _usable(folder)
        data = _read(path, key) if usable else None
        if data is not None:
            return decode(data)
    except Exception:  # corrupt, truncated, too deep, foreign: rebuilt, never an error
        pass
    built = build()
    if usable is not False:
        _write(path, key, built, encode)
    return built


def _key(files: list[Path]) -> str:
    """The data files' stamps, and the code's: a changed loader must not read old data."""
    return "|".join([_code_stamp(), *map(_stamp, files)])


def _stamp(path: str | Path) -> str:
    st = os.stat(path)
    return f"{os.path.abspath(path)}:{st.st_size}:{st.st_mtime_ns}"


@functools.cache
def _code_stamp() -> str:
    """The version and every module of the package, once per run."""
    return "|".join([__version__, *map(_stamp, _modules(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))))])


def _modules(package: str) -> list[str]:
    found: list[str] = []
    for entry in os.scandir(package):
        if entry.is_dir() and entry.name != "__pycache__":
            found += _modules(entry.path)
        elif entry.name.endswith(".py"):
            found.append(entry.path)
    return sorted(found)


def _usable(folder: Path) -> bool | None:
    """True when the folder and its parent are ours alone; None when the folder does not
    exist yet (it will be made 0700); False, with a warning, otherwise."""
    from engagewiz.storage.fsutil import UnsafeFolder, check_private_dir

    try:
        check_private_dir(folder)
        check_private_dir(folder.parent)
    except FileNotFoundError:
        return None
    except UnsafeFolder as unsafe:
        if str(folder) not in _warned:
            _warned.add(str(folder))
            print(f"engagewiz: warning: not using the cache: {unsafe}", file=sys.stderr)
        return False
    return True


def _read(path: Path, key: str) -> bytes | None:
    """The payload of our regular file at `path` if its header matches, else None."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None  # missing, or a symlink: rebuilt
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_size > MAX_BYTES:
            return None
        head, _, payload = handle.read(MAX_BYTES).partition(b"\n")
    expected = {"format": FORMAT, "key": key, "crc32": zlib.crc32(payload)}
    return payload if json.loads(head) == expected else None


def _write(path: Path, key: str, built: T, encode: Callable[[T], bytes]) -> None:
    from engagewiz.storage.fsutil import write_private

    try:
        payload = encode(built)
        head = json.dumps({"format": FORMAT, "key": key, "crc32": zlib.crc32(payload)})
        write_private(path, head.encode() + b"\n" + payload)
        _prune(path)
    except (OSError, TypeError, ValueError, RecursionError):
        pass  # the cache only saves time


def _prune(kept: Path) -> None:
    """Every edit leaves an old file behind: drop those of the same kind not rewritten for
    a month (a knowledge base still in use is simply rebuilt once), and the pickles an
    earlier engagewiz wrote, which nothing reads any more."""
    import time

    kind = kept.name.split("-")[0]
    for old in kept.parent.glob(f"{kind}-*"):
        stale = time.time() - old.stat().st_mtime > STALE_SECONDS
        if old != kept and (stale or old.suffix == ".pickle"):
            old.unlink(missing_ok=True)
