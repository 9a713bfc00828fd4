"""Fitting output to one screen: the compare summary and the demo's pages.

A room reads what is on the projector; a line that scrolled off is a line nobody saw. The
height is the terminal's, or 30 lines when the output goes to a file or a pipe (a typical
projected terminal), and every renderable is measured as rich will lay it out.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, RenderableType
from rich.segment import Segment

SCREEN_LINES = 30  # off a terminal: the screen we write for
Lines = list[list[Segment]]  # rendered lines, as rich's render_lines gives them


def screen_height(console: Console, height: int | None = None) -> int:
    if height:
        return height
    return console.size.height if console.is_terminal else SCREEN_LINES


def lines_of(console: Console, renderable: RenderableType) -> int:
    """How many lines `renderable` takes at this console's width."""
    return len(console.render_lines(renderable, console.options, pad=False))


class Budget:
    """Renderables kept while they fit in `height` lines, less a line for the prompt."""

    def __init__(self, console: Console, height: int | None = None) -> None:
        self.console = console
        self.limit = screen_height(console, height) - 1
        self.used = self.reserved = 0
        self.items: list[RenderableType] = []

    def room(self, lines: int) -> bool:
        return self.used + lines <= self.limit - self.reserved

    def add(self, *items: RenderableType, force: bool = False) -> bool:
        """Keep all of `items`, or none of them if they do not fit (unless `force`)."""
        need = sum(lines_of(self.console, item) for item in items)
        if not force and not self.room(need):
            return False
        self.items += items
        self.used += need
        return True

    def reserve(self, lines: int) -> None:
        """Keep `lines` free for what must close the screen."""
        self.reserved = lines

    def release(self) -> None:
        self.reserved = 0


def drawn(console: Console, renderable: RenderableType) -> Lines:
    """`renderable` laid out at this console's width: its lines, each with its line break,
    to print as they are (rich's `SegmentLines`) instead of laying it out again."""
    return console.render_lines(renderable, console.options, pad=False, new_lines=True)


def pages(console: Console, items: Iterable[RenderableType], height: int) -> list[
        list[tuple[RenderableType, Lines]]]:
    """`items` in order, each with its lines, cut into pages of at most `height` lines; an
    item taller than a page gets a page of its own (rich wraps it; nothing is lost).
    Measuring an item is drawing it: the demo prints the lines measured here."""
    out: list[list[tuple[RenderableType, Lines]]] = [[]]
    used = 0
    for item in items:
        lines = drawn(console, item)
        if out[-1] and used + len(lines) > height:
            out.append([])
            used = 0
        out[-1].append((item, lines))
        used += len(lines)
    return [page for page in out if page]
