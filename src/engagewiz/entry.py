"""The console script's first module: signals are handled before anything heavy is imported.

Importing typer, rich and the knowledge base takes long enough (about 100 ms) that Ctrl-C
often lands inside an import; without this module that printed a traceback. SIGTERM and
SIGHUP are turned into `Stopped`, a KeyboardInterrupt, so every place that saves progress on
Ctrl-C (the interview, the prompts) saves it on them too, and the exit code says which
signal it was: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from types import FrameType
from typing import NoReturn


class Stopped(KeyboardInterrupt):
    """A signal other than SIGINT, raised where Ctrl-C would be."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


def install() -> None:
    """Turn SIGTERM and SIGHUP into `Stopped` (SIGINT already raises KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _raise)


def exit_code(stop: BaseException) -> int:
    """128 + the signal number, as a shell reports a process ended by that signal."""
    return 128 + (stop.signum if isinstance(stop, Stopped) else signal.SIGINT)


def interrupted(stop: BaseException) -> NoReturn:
    """The usual message and exit code for a run stopped before it could save anything."""
    print("\nengagewiz: interrupted", file=sys.stderr)
    sys.exit(exit_code(stop))


def main() -> None:
    install()
    try:
        from engagewiz.cli.launch import run
    except KeyboardInterrupt as stop:
        interrupted(stop)
    try:
        run()
    except SystemExit as done:
        leave(done.code)
    leave(0)


def leave(code: str | int | None) -> NoReturn:
    """End the process as `sys.exit(code)` would, but without the interpreter's teardown:
    freeing the knowledge base and every module's objects one by one was 8 million
    instructions of a scripted run, for a process about to end. The exit handlers still
    run and the standard streams are flushed; a process with another thread still running
    ends the usual way, which waits for it. Only the console script does this, never
    `cli/launch.run` (tests run that in their own process)."""
    import atexit
    import os
    import threading

    if threading.active_count() > 1:
        sys.exit(code)
    status = code if isinstance(code, int) else 0 if code is None else 1
    if isinstance(code, str):
        print(code, file=sys.stderr)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, SystemExit):  # closed: nothing to say
            stream.flush()
    os._exit(status)
