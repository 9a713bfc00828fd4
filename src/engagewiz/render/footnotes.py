"""Numbered source marks, `[3]`, shared by the screen and the plans.

A reason cites one or more sources by key; a reader wants a short mark beside it and the
list under the result. Sources are numbered in order of first use, so the list reads in
the order the marks appear.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import NamedTuple

from engagewiz.core.model import Source

REREAD = "Not the text first read: re-read it before citing it."


class Entry(NamedTuple):
    number: int
    key: str
    title: str      # the short title, for a list on screen
    citation: str   # the official title and provision, for a printed page
    url: str        # where a reader opens it ("" when the key is unknown)
    approximate: bool = False  # the provision covers the point but is not the text read


    @property
    def listed(self) -> str:
        """The entry in a list on screen: `[3] Short title (key)`; the key is what
        `engagewiz sources KEY` takes."""
        return f"[{self.number}] {self.title} ({self.key})"

    @property
    def sentence(self) -> str:
        """The citation as a footnote ends it: with a full stop, unless it has one. A
        lawyer copies footnotes into a brief, so one whose provision was not the text read
        says to re-read it (docs/sources.md, `approximate`)."""
        ended = self.citation if self.citation.rstrip("'\")").endswith((".", "?", "!")) \
            else self.citation + "."
        return f"{ended} {REREAD}" if self.approximate else ended


def mark(numbers: tuple[int, ...]) -> str:
    """`[3]`, `[3,5]` or `[3-6,9]` for ascending numbers, or "" for none. No space after a
    comma, so a line never wraps inside a mark."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}-{r[-1]}" if len(r) > 2 else ",".join(map(str, r)) for r in runs]
    return f"[{','.join(parts)}]" if parts else ""


class Footnotes:
    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.numbers: dict[str, int] = {}

    def __call__(self, keys: Iterable[str]) -> tuple[int, ...]:
        """The numbers of `keys`, each once and in ascending order, giving new keys the
        next numbers."""
        return tuple(sorted({self.numbers.setdefault(key, len(self.numbers) + 1)
                             for key in keys}))

    def mark(self, keys: Iterable[str]) -> str:
        """`[3]` or `[3,4]`, or "" for no source."""
        return mark(self(keys))

    def entries(self, only: Collection[int] | None = None) -> tuple[Entry, ...]:
        """The sources numbered so far, in order; `only` those numbers, if given."""
        out = []
        for key, number in self.numbers.items():
            if only is not None and number not in only:
                continue
            s = self.sources.get(key)
            out.append(Entry(number, key, s.title, s.citation, s.link, s.approximate) if s
                       else Entry(number, key, key, key, ""))
        return tuple(out)
