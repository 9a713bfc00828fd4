"""Read a file someone named, whatever it turns out to be: bounded, and never blocking.

`--answers /dev/zero` must not read forever, a FIFO must not wait for a writer, and a
20 MB file must not cost 20 MB of messages. So a file is opened without blocking, must be
a regular file, and is read up to a limit; anything else is one clear message.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from engagewiz.errors import InputError

KiB = 1024
MiB = 1024 * KiB


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _size(n: int) -> str:
    return f"{n // MiB} MiB" if n >= MiB and n % MiB == 0 else f"{n // KiB} KiB"


def read_bytes(path: Path, limit: int, expected: str = "a YAML or JSON file") -> bytes:
    """The bytes of a regular file no larger than `limit`, or an InputError naming it."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError.one("file not found", str(path)) from None
    except IsADirectoryError:
        raise InputError.one(f"is a folder, expected {expected}", str(path)) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "invalid name"
        raise InputError.one(f"cannot read: {reason.lower()}", str(path)) from None
    try:
        info = os.fstat(fd)
        kind = special_kind(info.st_mode)
        if kind is not None:
            raise InputError.one(f"is {kind}, expected {expected}", str(path))
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(limit + 1 - total, MiB))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputError.one(f"cannot read: {(exc.strerror or 'error').lower()}",
                             str(path)) from None
    finally:
        os.close(fd)
    if total > limit:
        raise InputError.one(f"larger than {_size(limit)}; expected {expected}", str(path))
    return b"".join(chunks)


def read_text(path: Path, limit: int, expected: str = "a YAML or JSON file") -> str:
    """`read_bytes` decoded as UTF-8; other encodings are named with the line of the byte."""
    data = read_bytes(path, limit, expected)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError.one(f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file "
                             "as UTF-8", str(path), line) from None
