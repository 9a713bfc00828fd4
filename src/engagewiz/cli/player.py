"""Plays the demo's screens: one at a time, sized to the terminal, at the room's pace.

At a terminal each screen clears the one before and ends with a key line at the bottom;
a screen taller than the terminal becomes several pages, so nothing scrolls away. Keys
are single presses (cli/keys.py): Enter, space or right for the next screen, b or left to
go back, s straight to the result, q to stop. With --auto each screen stays `delay`
seconds (a result screen twice as long) and the same keys still work. Off a terminal
(a pipe, a file, a test), the screens are printed one after the other, each under its
title, and nothing waits.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.console import Console, RenderableType
from rich.rule import Rule
from rich.segment import SegmentLines
from rich.text import Text

from engagewiz.cli import keys
from engagewiz.render.demo import RESULT, Screen
from engagewiz.render.fit import SCREEN_LINES, Lines, drawn, pages

CHROME = 3  # lines a page gives to its title rule, the blank under it and the key line
NEXT, BACK, SKIP, QUIT = "next", "back", "skip", "quit"
ACTIONS = {"enter": NEXT, "space": NEXT, "right": NEXT, "n": NEXT, "down": NEXT,
           "b": BACK, "left": BACK, "p": BACK, "up": BACK, "backspace": BACK,
           "s": SKIP, "q": QUIT, "escape": QUIT, "eof": QUIT}


@dataclass
class Page:
    screen: Screen
    body: list[RenderableType]
    title: str
    lines: Lines  # the body drawn at `width` when the pages were cut: printed as they are
    width: int


class Player:
    def __init__(self, console: Console, *, auto: bool, delay: float, waits: bool,
                 plain: bool = False) -> None:
        """`waits`: someone is at the keyboard (standard input is a terminal)."""
        self.console, self.auto, self.delay, self.waits = console, auto, delay, waits
        self.rule = "-" if plain else "─"
        self.live = console.is_terminal and (waits or auto)  # else: print, never clear
        self.single_keys = self.live and waits and keys.available()

    def height(self) -> int:
        """Lines a page holds: the terminal's, or a 30-line screen's off a terminal."""
        return max((self.console.size.height if self.live else SCREEN_LINES) - CHROME, 8)

    def play(self, screens: list[Screen]) -> None:
        try:
            self._turn(self._pages(screens))
        finally:  # q, Ctrl-C or the end: the shell's prompt starts on a line of its own
            if self.live:
                self.console.print()

    def _turn(self, book: list[Page]) -> None:
        at = 0
        while 0 <= at < len(book):
            self._show(book[at], at, len(book))
            action = self._wait(book[at]) if self.live else NEXT
            if action == QUIT:
                return
            if action == BACK:
                at = max(at - 1, 0)
            elif action == SKIP:
                at = next((n for n, p in enumerate(book) if n > at and p.screen.part == RESULT),
                          at + 1)
            else:
                at += 1

    def _pages(self, screens: list[Screen]) -> list[Page]:
        book = []
        for screen in screens:
            cut = pages(self.console, screen.body, self.height()) or [[]]
            for n, page in enumerate(cut):
                title = screen.title + (f" ({n + 1}/{len(cut)})" if len(cut) > 1 else "")
                book.append(Page(screen, [item for item, _ in page], title,
                                 [line for _, lines in page for line in lines],
                                 self.console.width))
        return book

    def _show(self, page: Page, at: int, of: int) -> None:
        out = self.console
        if self.live:
            out.clear()
        else:
            out.print()
        out.print(Rule(Text(page.title, style="bold"), align="left", characters=self.rule))
        out.print()
        lines = page.lines if page.width == out.width else [  # resized: laid out again
            line for item in page.body for line in drawn(out, item)]
        out.print(SegmentLines(lines))
        if self.live:
            used = len(lines) + 2
            out.print("\n" * max(out.size.height - used - 1, 0), end="")
            out.print(Text(self._keys_line() + f"  {at + 1}/{of}", style="dim"), end="")

    def _keys_line(self) -> str:
        if self.auto and not self.single_keys:
            return ""
        go = "any key: next" if self.auto else "Enter: next"
        return f"{go}  b: back  s: the result  q: quit"

    def _wait(self, page: Page) -> str:
        pause = self.delay * (2 if page.screen.slow else 1) if self.auto else None
        if self.single_keys:
            key = keys.read_key(pause)
            return NEXT if key is None else ACTIONS.get(key, NEXT)
        if self.auto:
            time.sleep(pause or 0)
            return NEXT
        try:  # a terminal without termios (Windows): a line, then Enter
            typed = input(" ").strip().lower()
        except EOFError:
            return QUIT
        return ACTIONS.get(typed[:1] or "enter", NEXT)
