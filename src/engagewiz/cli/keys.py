"""Single key presses for the demo: `s` skips to the result without Enter.

The terminal is put in cbreak mode (keys arrive one by one, unechoed; Ctrl-C still
interrupts) only while a key is awaited, and restored in a `finally`, so Ctrl-C, SIGTERM
or SIGHUP (turned into exceptions by engagewiz.entry), an error or a normal exit all leave
the terminal as it was. Works in any pty (a test's pexpect included), which is what the
demo runs in. Where there is no termios (Windows) or standard input is no terminal, the
caller falls back to Enter-terminated lines.
"""

from __future__ import annotations

import os
import sys

ARROWS = {"\x1b[C": "right", "\x1b[D": "left", "\x1b[A": "up", "\x1b[B": "down",
          "\x1bOC": "right", "\x1bOD": "left"}
NAMED = {"\r": "enter", "\n": "enter", " ": "space", "\x1b": "escape", "\x04": "eof",
         "\x7f": "backspace"}


def available() -> bool:
    """Single keys can be read: a terminal on standard input, and termios to drive it."""
    try:
        import termios  # noqa: F401
    except ImportError:
        return False
    return sys.stdin is not None and sys.stdin.isatty()


def name(data: str) -> str:
    """"enter", "space", "left", "right", "escape", "eof", or the key itself, lower-cased."""
    if data in ARROWS:
        return ARROWS[data]
    if data in NAMED:
        return NAMED[data]
    return data[:1].lower()


def read_key(timeout: float | None = None) -> str | None:
    """The next key pressed, by `name()`; None if `timeout` seconds pass without one."""
    import select
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd, termios.TCSANOW)
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return None
        data = os.read(fd, 16)  # an arrow key arrives as one escape sequence
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    return name(data.decode("utf-8", "replace")) if data else "eof"
