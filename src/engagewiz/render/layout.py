"""Layout shared by the terminal reports: headings and text with a hanging indent.

Only rules and wrapped text, no tables or boxes, so reports wrap cleanly at 60 columns and
read the same in `--plain` (ASCII) and under NO_COLOR.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.rule import Rule
from rich.text import Text


class Indented:
    """Text with a hanging indent and no trailing spaces (rich's Padding pads every line
    to the full width, which litters copied text and files with blanks)."""

    def __init__(self, text: Text, first: int, rest: int | None = None) -> None:
        self.text, self.first, self.rest = text, first, first if rest is None else rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width - max(self.first, self.rest), 20)
        for n, line in enumerate(self.text.wrap(console, width)):
            line.rstrip()
            yield Text(" " * (self.rest if n else self.first)) + line


def heading(title: str, plain: bool) -> list[RenderableType]:
    """A blank line and a titled rule; in --plain, the title in capitals over dashes."""
    if plain:
        return [Text(""), Text(title.upper()), Text("-" * min(len(title), 60))]
    return [Text(""), Rule(Text(title, style="bold"), align="left")]
