"""The report a person reads at a terminal or on a projector: ranked, explained, sourced.

Only rich text and rules, no tables or boxes, so it wraps cleanly at 60 columns and reads
the same in `--plain` (no colour, ASCII only) and under NO_COLOR.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from engagewiz.results import Assessment, RouteResult

if TYPE_CHECKING:
    from engagewiz.model import KnowledgeBase


def make_console(plain: bool = False, stderr: bool = False, width: int | None = None) -> Console:
    return Console(
        stderr=stderr, highlight=False, emoji=False, width=width,
        no_color=plain or None,  # None: rich follows NO_COLOR and the terminal
        safe_box=True, legacy_windows=False,
    )


def _src(source: tuple[str, ...]) -> str:
    return f" [dim]\\[{escape(', '.join(source))}][/dim]" if source else ""


def _heading(console: Console, title: str, plain: bool) -> None:
    console.print()
    if plain:
        console.print(title.upper())
        console.print("-" * min(len(title), 60))
    else:
        console.rule(f"[bold]{escape(title)}[/bold]", align="left")


def render(assessment: Assessment, kb: KnowledgeBase, console: Console, *, top: int = 5,
           plain: bool = False, compact: bool = False) -> None:
    a = assessment
    for notice in a.notices:
        console.print(f"[yellow]Note:[/yellow] {escape(notice)}")
    overridden = [p for p in a.prefilled if p.overridden]
    if a.prefilled:
        console.print(f"Country facts filled in from {escape(a.prefilled[0].source)}"
                      f" ({len(a.prefilled)} answers); yours win where they differ"
                      + (f": {len(overridden)} overridden." if overridden else "."))
    _heading(console, f"Recommended routes ({min(top, len(a.recommended))} of "
             f"{len(a.recommended)})", plain)
    if not a.recommended:
        console.print("No open route fits well yet. See 'check first' below: one answer "
                      "may open several routes.")
    for rank, route in enumerate(a.recommended[:top], 1):
        _route(console, rank, route, compact)
    if a.check_first:
        _heading(console, "Check first (an answer is not known)", plain)
        for route in a.check_first[: top if compact else None]:
            console.print(f"[bold]{escape(route.name)}[/bold] (score {route.score:+d})")
            for g in route.gates_with("unknown"):
                console.print(f"  ? {escape(g.rule)}{_src(g.source)}")
                console.print(f"    {escape(g.detail)}", style="dim")
                console.print(f"    Where to check: {escape(g.check)}")
    if a.blocked:
        _heading(console, "Blocked routes, and what would open them", plain)
        for route in a.blocked[: top if compact else None]:
            console.print(f"[bold]{escape(route.name)}[/bold]")
            for g in route.gates_with("blocked"):
                console.print(f"  x {escape(g.rule)}{_src(g.source)}")
                console.print(f"    {escape(g.detail)}", style="dim")
                console.print(f"    To open it: {escape(g.unblock)}")
    if compact and (len(a.check_first) > top or len(a.blocked) > top):
        console.print("\n(compact view: use --format json or drop --compact for every route)")
    console.print()
    console.print(Text(f"Knowledge base {a.kb_version}, assessed {a.today}. engagewiz "
                       "gives guidance, not legal advice: check each rule with the body "
                       "before you file.", style="dim"))


def _route(console: Console, rank: int, route: RouteResult, compact: bool) -> None:
    console.print()
    console.print(f"[bold]{rank}. {escape(route.name)}[/bold]  [cyan]score {route.score:+d}"
                  f"[/cyan]")
    console.print(f"   {escape(route.body)} · {route.nature} · effort {route.effort}",
                  style="dim")
    for reason in route.reasons if not compact else route.reasons[:3]:
        console.print(f"   {reason.points:+d} {escape(reason.text)}{_src(reason.source)}")
    for deadline in route.deadlines:
        console.print(f"   [bold]Deadline:[/bold] {deadline.last_day} "
                      f"({deadline.days_left} days left; {escape(deadline.label)})")
    if compact:
        return
    for caution in route.cautions:
        console.print(f"   [yellow]! {escape(caution.text)}[/yellow]{_src(caution.source)}")
    if route.next_steps:
        console.print("   Next steps:")
        for i, step in enumerate(route.next_steps, 1):
            console.print(f"     {i}. {escape(step.text)}{_src(step.source)}")
