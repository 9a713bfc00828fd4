"""Layout shared by the terminal reports: headings and text with a hanging indent.

Only rules and wrapped text, no tables or boxes, so reports wrap cleanly at 60 columns and
read the same in `--plain` (ASCII) and under NO_COLOR.
"""

from __future__ import annotations

import re

from rich._wrap import divide_line
from rich.console import Console, ConsoleOptions, Group, NewLine, RenderableType, RenderResult
from rich.containers import Lines
from rich.rule import Rule
from rich.text import Text


class Indented:
    """Text with a hanging indent and no trailing spaces (rich's Padding pads every line
    to the full width, which litters copied text and files with blanks). `fold` breaks a
    word longer than a line as rich does: for the demo's screens, read off a projector and
    drawn cropped to the width, where a whole address would lose its end."""

    def __init__(self, text: Text, first: int, rest: int | None = None,
                 fold: bool = False) -> None:
        self.text, self.first, self.rest = text, first, first if rest is None else rest
        self.fold = fold

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = max(self.first, self.rest)
        width = max(options.max_width - indent, 20)
        # A line that fits is rendered here: yielded as Text, rich would wrap it again,
        # which cost as much as the wrapping itself. Only under 20 columns of text can a
        # line not fit, and then rich folds it as before. A word longer than a line (an
        # address) gets a line of its own, whole, to be copied: `show` does not crop it.
        fits = width + indent <= options.max_width
        plain = self.text.plain
        fast = plain.isascii() and plain.isprintable()
        if self.fold:
            lines = self.text.wrap(console, width)
        else:
            lines = self.text.divide(_breaks(plain, width)) if fast else _wrap(self.text, width)
        for n, line in enumerate(lines):
            line.rstrip()
            row = Text(" " * (self.rest if n else self.first)) + line
            if fits:
                yield from row.render(console, end="\n")
            else:
                yield row


def _wrap(text: Text, width: int) -> Lines:
    """rich's `Text.wrap` without folding (its overflow options fold, crop or stop wrapping
    altogether): text of any cell width, tabs, several paragraphs."""
    lines = Lines()
    for paragraph in text.split(allow_blank=True):
        paragraph.expand_tabs()
        lines.extend(paragraph.divide(divide_line(paragraph.plain, width, fold=False)))
    return lines


_WORD = re.compile(r"\s*\S+\s*")  # a word and the spaces after it, as rich splits text


def _breaks(plain: str, width: int) -> list[int]:
    """Where rich's word wrap without folding breaks `plain`, printable ASCII (a character
    is a cell): the greedy rule of rich's `divide_line`, without measuring each word's
    cells (a third of a report's time). A word longer than a line stays whole."""
    breaks: list[int] = []
    used = 0
    for word in _WORD.finditer(plain):
        length = len(word.group().rstrip())
        if used + length <= width:
            used += len(word.group())
        elif used or length > width:  # a word longer than a line: a line of its own
            if word.start():
                breaks.append(word.start())
            used = len(word.group())
    return breaks


def heading(title: str, plain: bool) -> list[RenderableType]:
    """A blank line and a titled rule; in --plain, the title in capitals over dashes."""
    if plain:
        return [Text(""), Text(title.upper()), Text("-" * min(len(title), 60))]
    return [Text(""), Rule(Text(title, style="bold"), align="left")]


class Page(list[RenderableType]):
    """A report's paragraphs, printed at once: each `console.print` measures the terminal
    and rebuilds the console's options, which cost a third of a report of 400 lines."""

    def say(self, markup: str, first: int = 0, rest: int | None = None, style: str = "") -> None:
        """Wrapped text whose continuation lines stay under their first word."""
        self.append(Indented(Text.from_markup(markup, style=style), first, rest))

    def heading(self, title: str, plain: bool) -> None:
        self.extend(heading(title, plain))

    def blank(self) -> None:
        self.append(NewLine())

    def show(self, console: Console) -> None:
        show(console, Group(*self))


def show(console: Console, *renderables: RenderableType) -> None:
    """Print without cropping: a word longer than the line (an address) then runs past the
    edge whole, to be copied; rich lays everything else out inside the width anyway."""
    console.print(*renderables, crop=False)
