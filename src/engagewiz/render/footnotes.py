"""Numbered source marks, `[3]`, shared by the screen and the plans.

A reason cites one or more sources by key; a reader wants a short mark beside it and the
list under the result. Sources are numbered in order of first use, so the list reads in
the order the marks appear.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from engagewiz.core.model import Source


class Entry(NamedTuple):
    number: int
    key: str
    title: str      # the short title, for a list on screen
    citation: str   # the official title and provision, for a printed page
    url: str        # where a reader opens it ("" when the key is unknown)

    @property
    def sentence(self) -> str:
        """The citation as a footnote ends it: with a full stop, unless it has one."""
        return self.citation if self.citation.rstrip("'\")").endswith((".", "?", "!")) \
            else self.citation + "."


class Footnotes:
    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.numbers: dict[str, int] = {}

    def __call__(self, keys: Iterable[str]) -> tuple[int, ...]:
        """The numbers of `keys`, each once, giving new keys the next numbers."""
        return tuple(dict.fromkeys(self.numbers.setdefault(key, len(self.numbers) + 1)
                                   for key in keys))

    def mark(self, keys: Iterable[str]) -> str:
        """`[3]` or `[3, 4]`, or "" for no source."""
        numbers = self(keys)
        return f"[{', '.join(map(str, numbers))}]" if numbers else ""

    def entries(self) -> tuple[Entry, ...]:
        out = []
        for key, number in self.numbers.items():
            s = self.sources.get(key)
            out.append(Entry(number, key, s.title, s.citation, s.link) if s
                       else Entry(number, key, key, key, ""))
        return tuple(out)
