"""The demo's screens: what a room sees, one step at a time.

Each screen is one idea: the scenario, one answer, the State's facts, the urgent routes,
the time limits running, one recommended route, one blocked route with its rules, what one
changed answer would do, how to take the result home. The player (cli/player.py) cuts a
screen taller than the terminal into pages and decides when to move on; this module only
says what each screen holds. `big` is the projector layout: fewer words (no sources, one
reason, one step) and a blank line between items. Otherwise each reason, rule and step of
the result carries a numbered mark, `[3]`, and each screen lists under it the sources its
marks point to; the numbers hold across the result's screens, as they do in a plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.markup import escape
from rich.text import Text

from engagewiz.core.ranking import SOON_DAYS
from engagewiz.core.results import BLOCKED, UNKNOWN, Assessment, RouteResult
from engagewiz.render.footnotes import Footnotes, mark
from engagewiz.render.layout import Indented

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.console import Console

    from engagewiz.core.model import Source
    from engagewiz.core.whatif import Flip
    from engagewiz.storage.scenarios import Scenario

INTRO, QUESTIONS, RESULT, END = "intro", "questions", "result", "end"
BLOCKED_SHOWN = 3  # blocked routes given a screen each
REASONS, STEPS = 3, 2  # per route, in the normal layout (one of each when big)


@dataclass
class Screen:
    title: str
    body: list[RenderableType] = field(default_factory=list)
    part: str = QUESTIONS
    slow: bool = False  # a result to read: --auto waits longer


class _Writer:
    """Builds a screen's body; `big` puts a blank line before each item. `ref` numbers the
    sources of the result's screens."""

    def __init__(self, big: bool, ref: Footnotes | None = None) -> None:
        self.big = big
        self.body: list[RenderableType] = []
        self.ref = ref
        self.cited: set[int] = set()

    def src(self, source: tuple[str, ...]) -> str:
        """The numbered mark of a line's sources (none when big), noted for the list."""
        if self.big or self.ref is None:
            return ""
        numbers = self.ref(source)
        self.cited.update(numbers)
        return f" [dim]{escape(mark(numbers))}[/dim]" if numbers else ""

    def screen(self, title: str) -> Screen:
        """A result screen, with the sources its marks point to under it."""
        if self.ref is not None and self.cited:
            self.blank()
            for e in self.ref.entries(self.cited):
                self.say(escape(e.listed), 0, len(str(e.number)) + 3, style="dim", gap=False)
        return Screen(title, self.body, RESULT, slow=True)

    def say(self, markup: str, first: int = 0, rest: int | None = None, style: str = "",
            gap: bool = True) -> None:
        if self.big and gap and self.body and not _is_blank(self.body[-1]):
            self.body.append(Text(""))
        self.body.append(Indented(Text.from_markup(markup, style=style), first, rest, fold=True))

    def blank(self) -> None:
        self.body.append(Text(""))


def _is_blank(item: RenderableType) -> bool:
    return isinstance(item, Text) and not item.plain


def intro(s: Scenario, based_on: list[str], big: bool) -> Screen:
    w = _Writer(big)
    w.say(escape(s.story))
    if s.drawn:
        w.blank()
        w.say(f"[dim]{escape(s.drawn)}[/dim]")
    if based_on and not big:
        w.blank()
        w.say("[dim]Based on:[/dim]", gap=False)
        for title in based_on:
            w.say(f"[dim]{escape(title)}[/dim]", 2, 4, gap=False)
    return Screen(s.title, w.body, INTRO)


def question(number: int, total: int, section: str, text: str, answer: str, help_text: str,
             earlier: list[tuple[str, str]], big: bool) -> Screen:
    """One answer, under the answers already given in its section (dim), so the room
    keeps the thread."""
    w = _Writer(big)
    if not big:
        for asked, given in earlier:
            w.say(f"[dim]{escape(asked)} -> {escape(given)}[/dim]", 0, 2)
        if earlier:
            w.blank()
    w.say(f"[bold]{escape(text)}[/bold]")
    w.say(f"[bold cyan]-> {escape(answer)}[/bold cyan]", 0, 3, gap=True)
    if help_text and not big:
        w.blank()
        w.say(f"[dim]{escape(help_text)}[/dim]")
    return Screen(f"{section} · question {number} of {total}", w.body)


def facts(rows: list[tuple[str, str]], where: str, state: str, big: bool) -> Screen:
    """The State's ratifications in one step: the room needs the picture, not 20 pauses."""
    from rich.table import Table

    # One grid per row, all with the same second column, so that a long list is paged
    # between rows like any other screen.
    first = max((len(text) for text, _ in rows), default=0)
    body: list[RenderableType] = []
    for text, label in rows:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(min_width=first)
        grid.add_column(no_wrap=True, style="bold cyan")
        grid.add_row(escape(text), escape(label))
        body.append(grid)
    if where and not big:
        body += [Text(""), Indented(Text(f"From {where}.", style="dim"), 0, 2, fold=True)]
    return Screen(f"What {state} has accepted, from the country data", body)


def result(a: Assessment, sources: Mapping[str, Source], top: int,
           big: bool) -> list[Screen]:
    """Urgent routes and time limits first where the case has them, then the top routes
    one by one, then the blocked routes worth opening, each with its rules."""
    ref = Footnotes(sources)
    screens = [s for s in (_urgent(a, _Writer(big, ref)), _limits(a, _Writer(big, ref))) if s]
    routes = a.recommended[:top]
    for n, r in enumerate(routes, 1):
        screens.append(_route(r, n, len(routes), a.upr_estimate, _Writer(big, ref)))
    if not routes:
        w = _Writer(big)
        w.say("No open route fits well yet. The routes below may open with one more answer.")
        screens.append(w.screen("Recommended routes"))
    blocked = a.worth_opening(BLOCKED)[:BLOCKED_SHOWN]
    for n, r in enumerate(blocked, 1):
        screens.append(_blocked(r, n, len(blocked), _Writer(big, ref)))
    return screens


def _urgent(a: Assessment, w: _Writer) -> Screen | None:
    if not a.imminent_risk:
        return None
    big = w.big
    if not a.urgent:
        w.say("None of the urgent routes we know is open or to check for this State and "
              "this case: see what would open one, and get a lawyer's help at once.",
              style="bold red")
    else:
        w.say("Act in the next 48 hours. These routes can act within days; use several at "
              "once:", style="bold red")
    for n, r in enumerate(a.urgent, 1):
        pending = "  [yellow](check first)[/yellow]" if r.status == UNKNOWN else ""
        w.say(f"[bold]{n}. {escape(r.name)}[/bold]{pending}", 0, 3, gap=not big or n == 1)
        if not big:
            for step in r.act_now[:1]:
                w.say(f"Next 48 hours: {escape(step.text)}{w.src(step.source)}", 3, 5,
                      gap=False)
    return w.screen("Urgent: someone is at imminent risk")


def _limits(a: Assessment, w: _Writer) -> Screen | None:
    if not a.deadlines:
        return None
    for d in a.deadlines:
        style = "bold red" if d.soon else ""
        pending = " (check first)" if d.status == UNKNOWN else ""
        rule = "" if w.big else f" {escape(d.rule)}{w.src(d.source)}"
        w.say(f"{d.last_day}: {d.days_left} days left. [bold]{escape(d.name)}[/bold]"
              f"{pending}.{rule}", 0, 2, style=style)
    return w.screen("Time limits running")


def _route(r: RouteResult, n: int, of: int, upr_estimate: str, w: _Writer) -> Screen:
    big = w.big
    w.say(f"[bold]{escape(r.name)}[/bold]", style="cyan")
    w.say(f"{escape(r.body)} · {r.nature} · effort {r.effort}", style="dim", gap=False)
    for d in r.deadlines:
        w.say(f"[bold]Last day to file: {d.last_day}[/bold], {d.days_left} days left"
              + ("" if big else f" ({escape(d.label)})"), 0, 2,
              style="red" if d.days_left < SOON_DAYS else "")
    if r.is_upr and upr_estimate and not big:
        w.say(f"Next review: {escape(upr_estimate)}", 0, 2, style="dim")
    w.blank()
    w.say("[bold]Why it fits[/bold]", gap=False)
    for x in r.strongest[:1 if big else REASONS]:
        w.say(f"{x.points:+d} {escape(x.text)}{w.src(x.source)}", 2, 5, gap=big)
    if r.next_steps:
        w.blank()
        w.say("[bold]First steps[/bold]", gap=False)
        for i, step in enumerate(r.next_steps[:1 if big else STEPS], 1):
            w.say(f"{i}. {escape(step.text)}{w.src(step.source)}", 2, 5, gap=big)
    return w.screen(f"Recommended route {n} of {of}")


def _blocked(r: RouteResult, n: int, of: int, w: _Writer) -> Screen:
    w.say(f"[bold]{escape(r.name)}[/bold]", style="cyan")
    for g in r.gates_with(BLOCKED):
        w.say(f"[red]x[/red] {escape(g.rule)}{w.src(g.source)}", 0, 2)
        if g.detail and not w.big:
            w.say(escape(g.detail), 2, style="dim", gap=False)
        w.say(f"[bold]To open it:[/bold] {escape(g.unblock)}", 2, 4, gap=False)
    return w.screen(f"Blocked route {n} of {of}, and what would open it")


def what_if(flip: Flip | None, question: str, before: str, after: str, scenario: str,
            console: Console, height: int, big: bool, plain: bool = False) -> Screen:
    """One changed answer, live: what it opens, closes and moves, with the reason for each."""
    from engagewiz.render.compare import summary

    title = "What would change this?"
    if flip is None:
        return Screen(title, [Indented(Text("No single answer changes the top routes of this "
                                            "case: its result is robust."), 0)], RESULT)
    lead: list[RenderableType] = [
        Indented(Text.from_markup(f"[bold]{escape(question)}[/bold]"), 0, 2),
        Indented(Text.from_markup(f"As played: {escape(before)}"), 2, 4),
        Indented(Text.from_markup(f"What if:   [bold cyan]{escape(after)}[/bold cyan]"), 2, 4),
        Text("")]
    tail = Indented(Text(f"Try it: engagewiz compare {scenario} --set {flip.setting}",
                         style="dim"), 0, 2)
    body = summary(flip.comparison, console, lead=lead, tail=tail, top=3,
                   height=height, columns=("As played", "What if"), plain=plain)
    return Screen(title, body, RESULT, slow=True)


def take_home(scenario: str) -> Screen:
    w = _Writer(False)
    for what, command in (
            ("The one-page brief, for a director or a donor",
             f"engagewiz assess --answers {scenario} --output brief.pdf"),
            ("The full plan, with every reason and source",
             f"engagewiz assess --answers {scenario} --output plan.html"),
            ("A slide for your deck", f"engagewiz assess --answers {scenario} --output "
             "slide.svg"),
            ("Your own case", "engagewiz assess")):
        w.say(what, gap=False)
        w.say(f"[cyan]{escape(command)}[/cyan]", 2, 4, gap=False)
        w.blank()
    return Screen("Take it home", w.body, END)
