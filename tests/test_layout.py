"""Indented lays text out as rich's own word wrap does, byte for byte.

Indented breaks printable ASCII itself (rich measures every word's cells, a third of a
report's time) and renders each line once; these texts compare it with the layout it
replaced, rich's `Text.wrap` followed by a print of each indented line, in colour so that
a style moved by one character shows.
"""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.text import Text

from engagewiz.render.layout import Indented, Page, show

WORDS = ["a", "of", "the", "rule", "Committee", "(CAT)", "[3]", "x" * 19, "y" * 20, "z" * 26,
         "https://" + "w" * 40]


def _console(width: int) -> Console:
    return Console(file=io.StringIO(), width=width, force_terminal=True,
                   color_system="truecolor", highlight=False, emoji=False)


def _expected(text: Text, first: int, rest: int, width: int) -> str:
    """The layout before Indented broke lines itself: rich wraps, each line printed; but
    a word longer than a line stays whole (a Text's own overflow "ignore" makes rich's
    `wrap` neither fold nor crop) and is printed whole, unless under 20 columns are left
    for the text: then rich wraps each line again, folding as it always did."""
    console = _console(width)
    whole = text.copy()
    whole.overflow = "ignore"
    room = width - max(first, rest)
    for n, line in enumerate(whole.wrap(console, max(room, 20))):
        line.rstrip()
        console.print(Text(" " * (rest if n else first)) + line,
                      overflow="ignore" if room >= 20 else None, crop=False)
    return console.file.getvalue()  # type: ignore[attr-defined]


def _shown(text: Text, first: int, rest: int, width: int) -> str:
    console = _console(width)
    show(console, Indented(text, first, rest))
    return console.file.getvalue()  # type: ignore[attr-defined]


def _text(rng: random.Random) -> Text:
    """Words of every length around a line's (some longer: they stay whole), runs of
    spaces, leading and trailing blanks, a styled stretch, now and then a non-ASCII word."""
    words = rng.choices([*WORDS, "é·", ""], weights=[6] * len(WORDS) + [1, 1], k=rng.randint(0, 30))
    plain = "".join(w + " " * rng.choice([1, 1, 1, 2, 3]) for w in words)
    plain = " " * rng.choice([0, 0, 0, 1, 4]) + plain.rstrip(" ") + " " * rng.choice([0, 0, 2])
    text = Text(plain, style=rng.choice(["", "dim", "bold red"]))
    if plain:
        start = rng.randrange(len(plain))
        text.stylize(rng.choice(["bold", "yellow", "dim"]), start, start + rng.randint(1, 40))
    return text


@pytest.mark.parametrize("seed", range(4))
def test_indented_wraps_as_rich_does(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(150):
        text, width = _text(rng), rng.choice([24, 30, 40, 41, 60, 100])
        first, rest = rng.choice([(0, 0), (0, 2), (3, 6), (5, 8), (8, 3)])
        assert _shown(text, first, rest, width) == _expected(text, first, rest, width), (
            text.plain, width, first, rest)


def test_a_page_prints_as_its_paragraphs_one_by_one() -> None:
    page = Page()
    page.heading("Sources", plain=False)
    page.say("[bold]1.[/bold] A route with a name long enough to wrap once or twice", 0, 3)
    page.blank()
    page.say("A note", 2, style="dim")
    page.append("a string, with [yellow]markup[/yellow]")
    shown = _console(40)
    page.show(shown)
    one_by_one = _console(40)
    for item in page:
        one_by_one.print(item)
    assert shown.file.getvalue() == one_by_one.file.getvalue()  # type: ignore[attr-defined]


def test_an_address_longer_than_the_line_gets_a_line_of_its_own_whole() -> None:
    address = "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=158"
    for plain in (f"Status: {address}.", f"Status (Strasbourg, é): {address}."):
        console = _console(40)
        show(console, Indented(Text(plain), 2, 4))
        assert console.file.getvalue().splitlines()[1] == f"    {address}."  # type: ignore


def test_the_demo_folds_an_address_its_cropped_screen_would_cut() -> None:
    address = "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=158"
    console = _console(40)
    console.print(Indented(Text(address), 2, 4, fold=True))
    rows = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert len(rows) == 3 and all(len(row) <= 40 for row in rows), rows
    assert "".join(row.strip() for row in rows) == address
