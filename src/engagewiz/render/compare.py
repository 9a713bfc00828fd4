"""`engagewiz compare` on screen and in JSON: the diff of core.compare, shown.

Routes that only moved because others moved are counted, not listed: on a projector the
room should see the handful of changes that have a reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagewiz.core.compare import (
    CLOSED,
    DOWN,
    NOW_CHECK,
    OPENED,
    OTHER_OPEN,
    RECOMMENDED,
    SCORE,
    UP,
    Comparison,
    Standing,
)
from engagewiz.core.results import BLOCKED, UNKNOWN
from engagewiz.render import DEFAULT_TOP

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

STANDING_WORDS = {RECOMMENDED: "recommended", OTHER_OPEN: "open, weak fit",
                  UNKNOWN: "check first", BLOCKED: "blocked"}


def words(standing: Standing) -> str:
    """"#2 (+7)" for a recommended route, else its status: "blocked (+3)"."""
    where = f"#{standing.rank}" if standing.rank else STANDING_WORDS[standing.status]
    return f"{where} ({standing.score:+d})"


_MARK = {OPENED: ("+", "green"), CLOSED: ("x", "red"), NOW_CHECK: ("?", "yellow"),
         UP: ("^", "green"), DOWN: ("v", "red"), SCORE: ("~", "cyan")}


def to_dict(c: Comparison) -> dict[str, Any]:
    from dataclasses import asdict

    return {"answers": [asdict(x) for x in c.answers],
            "changes": [asdict(x) for x in c.changes], "unchanged": c.unchanged}


def render(c: Comparison, console: Console, *, labels: tuple[str, str], top: int = DEFAULT_TOP,
           plain: bool = False) -> None:
    """Answers changed, the two top lists side by side, then every move with its reasons."""
    from rich.markup import escape
    from rich.text import Text

    from engagewiz.render.layout import Indented

    def say(markup: str, first: int, rest: int) -> None:
        console.print(Indented(Text.from_markup(markup), first, rest))

    console.print()
    console.print(f"[bold]A[/bold] = {escape(labels[0])}   [bold]B[/bold] = {escape(labels[1])}")
    console.print("\n[bold]What changed in the answers[/bold]")
    for x in c.answers:
        say(escape(x.text), 2, 2)
        say(f"[dim]{escape(x.before)}[/dim] -> [bold]{escape(x.after)}[/bold]", 4, 6)
    if not c.answers:
        console.print("  Nothing: the two sets of answers are the same.")
    console.print(f"\n[bold]Recommended routes, top {top}, side by side[/bold]")
    console.print(_table(c, top, plain))
    console.print()
    in_top = {n for n, _ in (*c.before_top[:top], *c.after_top[:top])}
    shown = [x for x in c.changes if x.own and (x.movement != SCORE or x.name in in_top)]
    console.print("[bold]What moved, and why[/bold]")
    for change in shown:
        mark, colour = _MARK[change.movement]
        say(f"[{colour}]{mark} {change.movement}[/{colour}]  [bold]{escape(change.name)}"
            f"[/bold]: {words(change.before)} -> {words(change.after)}", 2, 4)
        for why in change.reasons:
            say(escape(why), 6, 6)
    if not shown:
        console.print("  No route moved for a reason of its own.")
    ripple = sum(1 for x in c.changes if not x.own)
    quiet = [x.name for x in c.changes if x.own and x not in shown]
    if ripple:
        console.print(f"\n{ripple} route(s) moved only because others moved past them.",
                      style="dim")
    if quiet:
        console.print(f"Score changed, same place: {escape('; '.join(quiet))}.", style="dim")
    console.print(f"{c.unchanged} route(s) did not move. Details: --format json.", style="dim")


def _table(c: Comparison, top: int, plain: bool) -> Table:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=box.ASCII if plain else box.SIMPLE_HEAD, show_edge=False,
                  pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("A", overflow="fold", ratio=1)
    table.add_column("B", overflow="fold", ratio=1)
    before, after = c.before_top[:top], c.after_top[:top]
    names_before = {n for n, _ in before}
    for i in range(max(len(before), len(after))):
        left = f"{escape(before[i][0])} ({before[i][1].score:+d})" if i < len(before) else ""
        right = ""
        if i < len(after):
            name, standing = after[i]
            right = f"{escape(name)} ({standing.score:+d})"
            if name not in names_before:
                right = f"[bold green]{right}[/bold green]"
        table.add_row(str(i + 1), left, right)
    return table
