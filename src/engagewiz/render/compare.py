"""`engagewiz compare` on screen and in JSON: the diff of core.compare, shown.

By default a summary a room can read from the back: the top routes side by side, then the
routes that opened, closed, rose and fell, each with the one reason that moved it, cut to
fit one screen. `--full` adds every answer that differs and every reason of every move.
Points are said in words ("lost 2 points: ..."), never as a sign to decode.
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
    RULE,
    SCORE,
    UP,
    Change,
    Comparison,
    Standing,
    Why,
)
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN
from engagewiz.render.fit import Budget, lines_of

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table

SUMMARY_TOP = 3       # routes side by side in the summary
ANSWERS_LISTED = 3    # a summary lists the changed answers when there are this few
STANDING_WORDS = {RECOMMENDED: "recommended", OTHER_OPEN: "open, weak fit",
                  UNKNOWN: "check first", BLOCKED: "blocked"}
STATUS_WORDS = {OPEN: "open", BLOCKED: "blocked", UNKNOWN: "check first"}
GROUPS = ((OPENED, "Opened", "+", "green"), (CLOSED, "Closed", "x", "red"),
          (NOW_CHECK, "Now to check first", "?", "yellow"), (UP, "Rose", "^", "green"),
          (DOWN, "Fell", "v", "red"), (SCORE, "Same place, new score", "~", "cyan"))


def words(standing: Standing) -> str:
    """"#2" for a recommended route, else its status: "blocked"."""
    return f"#{standing.rank}" if standing.rank else STANDING_WORDS[standing.status]


def said(why: Why, brief: bool = False) -> str:
    """A reason in words: "lost 2 points: ...", "now open (was blocked): <rule>"; `brief`
    leaves a rule's status to the heading it is listed under ("Closed")."""
    if why.kind == RULE:
        return why.text if brief else (f"now {STATUS_WORDS[why.now]} (was "
                                       f"{STATUS_WORDS[why.was]}): {why.text}")
    n = abs(why.points)
    verb = f"{'gained' if why.points > 0 else 'lost'} {n} point{'' if n == 1 else 's'}"
    return f"{verb}: {why.text}" if why.applies else f"{verb}, no longer true: {why.text}"


def to_dict(c: Comparison) -> dict[str, Any]:
    from dataclasses import asdict

    return {"answers": [asdict(x) for x in c.answers],
            "changes": [{**asdict(x), "own": x.own} for x in c.changes],
            "unchanged": c.unchanged}


def render(c: Comparison, console: Console, *, labels: tuple[str, str], top: int = SUMMARY_TOP,
           plain: bool = False, full: bool = False, height: int | None = None) -> None:
    """The summary, cut to `height` lines (the terminal's; 30 off a terminal), or with
    `full` everything."""
    if full:
        _full(c, console, labels, top, plain)
    else:
        _summary(c, console, labels, top, plain, height)


def _text(markup: str, first: int = 0, rest: int | None = None) -> RenderableType:
    from rich.text import Text

    from engagewiz.render.layout import Indented

    return Indented(Text.from_markup(markup), first, rest)


def _head(c: Comparison, labels: tuple[str, str]) -> list[RenderableType]:
    from rich.markup import escape

    return [_text(f"[bold]A[/bold] {escape(labels[0])}", 0, 2),
            _text(f"[bold]B[/bold] {escape(labels[1])}", 0, 2)]


def _answers_brief(c: Comparison) -> list[RenderableType]:
    from rich.markup import escape

    if not c.answers:
        return [_text("The two sets of answers are the same.")]
    if len(c.answers) > ANSWERS_LISTED:
        return [_text(f"{len(c.answers)} answers differ; --full lists them.", 0, 2)]
    return [_text(f"{escape(x.text)} [dim]{escape(x.before)}[/dim] -> [bold]"
                  f"{escape(x.after)}[/bold]", 0, 2) for x in c.answers]


def _summary(c: Comparison, console: Console, labels: tuple[str, str], top: int,
             plain: bool, height: int | None) -> None:
    from rich.console import Group
    from rich.text import Text

    from engagewiz.render.layout import show

    lead = [*_head(c, labels), *_answers_brief(c), Text("")]
    tail = _text("[dim]Every answer and every reason: --full. For scripts: --format json."
                 "[/dim]")
    show(console, Group(*summary(c, console, lead=lead, tail=tail, top=top, plain=plain,
                                 height=height)))


def summary(c: Comparison, console: Console, *, lead: list[RenderableType],
            tail: RenderableType, top: int = SUMMARY_TOP, plain: bool = False,
            height: int | None = None, columns: tuple[str, str] = ("A", "B")
            ) -> list[RenderableType]:
    """`lead`, the top routes side by side, then what opened, closed, rose and fell, each
    with its one reason, as many as fit in `height` lines with `tail` at the end."""
    from rich.markup import escape
    from rich.text import Text

    budget = Budget(console, height)
    budget.add(*lead, _table(c, top, plain, columns), force=True)
    budget.reserve(lines_of(console, tail) + 3)  # a blank, and "N more moves" (two lines)
    groups = [(g, [x for x in c.changes if x.movement == g[0] and x.main is not None])
              for g in GROUPS[:-1]]
    chosen = _round_robin(console, budget, [(
        _text(f"\n[bold]{title}[/bold] ({len(found)})"),
        [_text(f"[{colour}]{mark}[/{colour}] [bold]{escape(x.name)}[/bold] {_move(x)}: "
               f"{escape(said(x.main, brief=True))}", 2, 4) for x in found if x.main])
        for (_, title, mark, colour), found in groups])
    left = sum(len(found) for _, found in groups) - sum(len(items) - 1 for items in chosen)
    for items in chosen:
        budget.add(*items, force=True)
    quiet = sum(1 for x in c.changes if x.main is None or x.movement == SCORE)
    more = [f"{left} more move(s) not shown"] if left else []
    more += [f"{quiet} route(s) moved only because others moved, or kept their place"] \
        if quiet else []
    budget.release()
    if more:
        budget.add(_text(f"\n[dim]{'; '.join(more)}.[/dim]"), force=True)
    else:
        budget.add(Text(""), force=True)
    budget.add(tail, force=True)
    return budget.items


def _round_robin(console: Console, budget: Budget,
                 groups: list[tuple[RenderableType, list[RenderableType]]]
                 ) -> list[list[RenderableType]]:
    """The first item of every group, then the second of each, and so on while they fit:
    a room sees what opened *and* what closed, not six openings. Each chosen group comes
    back as its heading then its items, in the groups' order."""
    chosen: list[list[RenderableType]] = [[] for _ in groups]
    full = [False] * len(groups)
    for k in range(max((len(items) for _, items in groups), default=0)):
        for n, (heading, items) in enumerate(groups):
            if full[n] or k >= len(items):
                continue
            need = lines_of(console, items[k]) + (lines_of(console, heading) if k == 0 else 0)
            if budget.room(need):
                budget.used += need
                chosen[n] += [heading, items[k]] if k == 0 else [items[k]]
            else:
                full[n] = True
    budget.used -= sum(lines_of(console, item) for items in chosen for item in items)
    return [items for items in chosen if items]


def _move(change: Change) -> str:
    """Where it went: "#4 -> #1", "now #2" (opened), "was #1" (closed)."""
    before, after = words(change.before), words(change.after)
    if change.movement in (OPENED, CLOSED, NOW_CHECK):
        return f"(now {after})" if change.movement == OPENED else f"(was {before})"
    return f"({before} -> {after})"


def _full(c: Comparison, console: Console, labels: tuple[str, str], top: int,
          plain: bool) -> None:
    """Every answer that differs, the top routes side by side, every move and reason."""
    from functools import partial

    from rich.markup import escape

    out = partial(console.print, crop=False)  # as layout.show: an address runs past whole
    for item in _head(c, labels):
        out(item)
    out("\n[bold]What changed in the answers[/bold]")
    for x in c.answers:
        out(_text(escape(x.text), 2))
        out(_text(f"[dim]{escape(x.before)}[/dim] -> [bold]{escape(x.after)}[/bold]", 4, 6))
    if not c.answers:
        out("  Nothing: the two sets of answers are the same.")
    out(f"\n[bold]Recommended routes, top {top}, side by side[/bold]")
    out(_table(c, top, plain))
    out("\n[bold]What moved, and why[/bold]")
    for (movement, title, mark, colour) in GROUPS:
        for change in (x for x in c.changes if x.movement == movement and x.own):
            out(_text(f"[{colour}]{mark} {title.lower()}[/{colour}]  [bold]"
                      f"{escape(change.name)}[/bold] {_move(change)}", 2, 4))
            for why in change.reasons:
                out(_text(escape(said(why)), 6, 8))
                if why.detail:
                    out(_text(f"[dim]{escape(why.detail)}[/dim]", 8))
    ripple = sum(1 for x in c.changes if not x.own)
    if ripple:
        out(f"\n{ripple} route(s) moved only because others moved past them.", style="dim")
    out(f"{c.unchanged} route(s) did not move.", style="dim")


def _table(c: Comparison, top: int, plain: bool, columns: tuple[str, str] = ("A", "B")
           ) -> Table:
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=box.ASCII if plain else box.SIMPLE_HEAD, show_edge=False,
                  pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column(columns[0], overflow="fold", ratio=1)
    table.add_column(columns[1], overflow="fold", ratio=1)
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
