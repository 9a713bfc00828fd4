"""A closed pipe is a reader who has seen enough (`engagewiz country France | head`), not
an error: the run stops quietly with exit 0.

Python raises BrokenPipeError on the next write, rich turns it into exit 1 and click into
exit 1 as well, each at its own layer. Wrapping standard output once, before any of them
writes, answers every command and --help the same way.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any, NoReturn


def stop_quietly() -> NoReturn:
    """Point standard output at /dev/null (the interpreter's last flush would fail again
    and print "Exception ignored") and end the run with success."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    raise SystemExit(0)


class QuietStdout:
    """Standard output as it was, except that a closed pipe stops the run quietly."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            stop_quietly()

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            stop_quietly()

    def __getattr__(self, name: str) -> Any:  # encoding, isatty, fileno, buffer...
        return getattr(self._stream, name)


def quiet_when_closed() -> None:
    if not isinstance(sys.stdout, QuietStdout) and sys.stdout is not None:
        sys.stdout = QuietStdout(sys.stdout)
