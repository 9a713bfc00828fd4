"""Write files that may hold sensitive answers: owner-only (0600), atomically, never partial."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from engagewiz.storage.readfile import special_kind


class NotRegularFile(OSError):
    """The target exists and is a device, FIFO, socket or folder: replacing it would break
    the system (as root, `--save-answers /dev/null` would replace /dev/null)."""


def write_private(path: Path, content: str | bytes) -> None:
    """Replace `path` with `content` in one step; a crash leaves the old file or the new one.

    Only a regular file, a symbolic link (replaced, its target untouched) or a new path is
    written. Folders it has to create are owner-only too (0700).
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    kind = None if stat.S_ISLNK(mode) else special_kind(mode)
    if kind is not None:
        raise NotRegularFile(errno.EINVAL, f"it is {kind}, not a regular file")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # created 0600
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def save_for_user(path: Path, content: str | bytes) -> None:
    """write_private for a path the user chose: a failure is their input, not our bug."""
    from engagewiz.errors import InputError

    try:
        write_private(path, content)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError.one(f"cannot write: {reason.lower()}", str(path)) from None
