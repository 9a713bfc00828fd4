"""Text from users and knowledge bases, made safe to show: no terminal hijacking, no floods.

An answers file, a country argument or a route name may hold an escape sequence that sets
the window title or clears the screen, and a hostile file may hold a value of 20 MB.
Whatever reaches a terminal or a message goes through `visible()` (control characters
shown as `\\x1b`) and, when it quotes a value, `quoted()` (clipped to a few dozen
characters). Kept free of imports so every layer can use it.
"""

from __future__ import annotations

import functools
import re
import reprlib
from collections.abc import Callable
from typing import Any

# C0 controls but tab and newline (layout), DEL, C1 controls (0x9b is CSI on some
# terminals), lone surrogates (unprintable, and invalid in UTF-8 and XML), the Unicode
# non-characters XML forbids, and the bidirectional overrides that reorder what is shown.
_WIDE = ("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
         "\u202a-\u202e\u2066-\u2069]")
_ASCII = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # the same, for ASCII text


class _Control:
    """The pattern of control characters, as `search` and `sub`. Compiling it takes as
    long as a twentieth of a scripted run (a class beyond U+00FF makes Python's regex
    compiler walk all 65,536 code points), so ASCII text, most answers files, is searched
    with a pattern of its own and the whole one is compiled when first needed."""

    def pattern(self, text: str) -> re.Pattern[str]:
        return _ASCII if text.isascii() else self.wide

    @functools.cached_property
    def wide(self) -> re.Pattern[str]:
        return re.compile(_WIDE)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern(text).search(text)

    def sub(self, replace: Callable[[re.Match[str]], str], text: str) -> str:
        return self.pattern(text).sub(replace, text)


CONTROL = _Control()
QUOTED_MAX = 60  # characters of a value quoted in a message

_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = QUOTED_MAX
_repr.maxlist = _repr.maxdict = _repr.maxtuple = _repr.maxset = 4
_repr.maxlevel = 2


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character written out (ESC as `\\x1b`); newlines stay."""
    return CONTROL.sub(_escape, text)


def first_control(text: str) -> str | None:
    """The first control character in `text`, written out, or None if there is none."""
    found = CONTROL.search(text)
    return _escape(found) if found else None


def quoted(value: Any) -> str:
    """A value as a message quotes it: repr-like, clipped, control characters visible.

    Bounded whatever the value: a 20 MB string or an alias bomb quotes in a line.
    """
    if isinstance(value, str):
        shown = value if len(value) <= QUOTED_MAX else value[:QUOTED_MAX] + "..."
        return "'" + visible(shown).replace("'", "\\'") + "'"
    try:
        return visible(_repr.repr(value))
    except (ValueError, RecursionError):  # an int past Python's digit limit, a cycle
        return f"a {type(value).__name__}"
