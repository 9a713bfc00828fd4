"""Write files that may hold sensitive answers: owner-only (0600), atomically, never partial."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
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
    make_private_dirs(path.parent)
    import tempfile  # here: with `random`, a tenth of the modules a scripted run imports

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


def make_private_dirs(folder: Path) -> None:
    """Make `folder` and every missing folder above it owner-only (0700): mkdir(parents=True)
    gives the parents the umask's mode (often 0755), and the umask can narrow the last."""
    missing: list[Path] = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for made in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another run
            made.mkdir(mode=0o700)
            os.chmod(made, 0o700)


class UnsafeFolder(Exception):
    """A folder that someone else owns or can write to: what is in it may not be ours."""


def check_private_dir(folder: Path) -> None:
    """Raise UnsafeFolder unless `folder` is a folder of this user that no one else can
    write to (FileNotFoundError if it does not exist)."""
    st = os.stat(folder)
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeFolder(f"{folder} is not a folder")
    if st.st_uid != os.getuid():
        raise UnsafeFolder(f"{folder} belongs to another user (uid {st.st_uid}); use a "
                           "folder of your own (set ENGAGEWIZ_HOME)")
    if st.st_mode & 0o022:
        raise UnsafeFolder(f"others can write to {folder} (mode "
                           f"{stat.S_IMODE(st.st_mode):o}); fix it with: chmod go-w {folder}")


def save_for_user(path: Path, content: str | bytes) -> None:
    """write_private for a path the user chose: a failure is their input, not our bug."""
    from engagewiz.errors import InputError

    try:
        write_private(path, content)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError.one(f"cannot write: {reason.lower()}", str(path)) from None
