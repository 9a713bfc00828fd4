"""A rich console that shows control characters instead of obeying them.

Route names, answers, country arguments, scenario titles and paths all reach the screen
through rich, whose markup escape and Text handle `[` and a few controls but let ESC
through (`\\x1b]0;title\\x07` sets the window title, `\\x1b[2J` clears the screen). One hook
on every console rewrites the text of what is printed, after layout and before colours
are added, so no renderer has to remember it and an SVG export stays valid XML.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderHook, RenderResult
from rich.segment import Segment

from engagewiz.textsafe import CONTROL, visible


class _Shown:
    """A renderable whose text segments have their control characters made visible."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control or not CONTROL.search(segment.text):
                yield segment
            else:
                yield Segment(visible(segment.text), segment.style)


class ShowControls(RenderHook):
    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [_Shown(r) for r in renderables]


def guard(console: Console) -> Console:
    """`console`, with every later print passed through the hook."""
    console.push_render_hook(ShowControls())
    return console


__all__ = ["guard"]
