"""The report a person reads at a terminal or on a projector: ranked, explained, sourced."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, Assessment, RouteResult, Status
from engagewiz.render import DEFAULT_TOP
from engagewiz.render.footnotes import Footnotes
from engagewiz.render.layout import Page
from engagewiz.render.visible import guard

if TYPE_CHECKING:
    from engagewiz.core.model import KnowledgeBase


def make_console(plain: bool = False, stderr: bool = False, width: int | None = None) -> Console:
    return guard(Console(
        stderr=stderr, highlight=False, emoji=False, width=width,
        no_color=plain or None,  # None: rich follows NO_COLOR and the terminal
        safe_box=True, legacy_windows=False,
    ))


def _src(ref: Footnotes, source: tuple[str, ...]) -> str:
    """The numbered mark of a line's sources; the list comes under the result."""
    mark = ref.mark(source)
    return f" [dim]{escape(mark)}[/dim]" if mark else ""


def _named(route: RouteResult) -> str:
    """A route's name with its id, which `engagewiz explain ID` takes."""
    return f"{escape(route.name)} [dim]({route.id})[/dim]"


def render(assessment: Assessment, kb: KnowledgeBase, console: Console,
           *, top: int | None = DEFAULT_TOP, plain: bool = False, compact: bool = False) -> None:
    """The result; `top=None` shows every recommended route."""
    a, page = assessment, Page()
    ref = Footnotes(kb.sources)
    if a.imminent_risk:
        _urgent(page, a, plain, ref)
    if a.deadlines:
        _limits(page, a, plain, ref)
    if a.notes:
        _system_notes(page, a, plain, ref)
    listed = a.recommended[:top]
    page.heading(f"Recommended routes ({len(listed)} of {len(a.recommended)})", plain)
    if not a.recommended:
        page.append("No open route fits well yet. See 'check first' below: one answer "
                    "may open several routes.")
    for rank, route in enumerate(listed, 1):
        _route(page, rank, route, compact, a.upr_estimate, ref)
    if len(listed) < len(a.recommended):
        page.blank()
        page.say(f"{len(a.recommended) - len(listed)} more recommended route(s) not shown: "
                 "add --top all to see every one.", style="bold")
    if a.other_open:
        page.heading("Also open, but a weaker fit", plain)
        page.say("; ".join(f"{_named(r)} {r.score:+d}" for r in a.other_open) + ".")
    shown = top if compact else None
    checks = [r for r in a.check_first if not r.aside]
    if checks:
        page.heading("Check first (an answer is not known)", plain)
        for route in checks[:shown]:
            page.say(f"[bold]{_named(route)}[/bold] (score {route.score:+d})")
            _gates(page, route, UNKNOWN, "?", "Where to check", "check", ref)
    closed = [r for r in a.blocked if not r.aside]
    if closed:
        page.heading("Blocked routes, and what would open them", plain)
        # Routes of a regional system the State is not in go last: nothing opens them.
        for route in sorted(closed, key=lambda r: r.out_of_region)[:shown]:
            page.say(f"[bold]{_named(route)}[/bold]")
            _gates(page, route, BLOCKED, "x", "To open it", "unblock", ref)
    aside = [r for r in (*a.check_first, *a.blocked) if r.aside]
    if aside:
        page.heading("For other kinds of case", plain)
        page.say("Bodies for other issues, or urgent procedures for a case that is not "
                 "urgent: " + "; ".join(_named(r) for r in aside) + ".", style="dim")
    if shown is not None and (len(checks) > shown or len(closed) > shown):
        page.append("\n(compact view: use --format json or drop --compact for every route)")
    _about_the_data(page, a, kb, plain)
    _sources(page, ref, plain)
    page.blank()
    page.say(f"Knowledge base {a.kb_version}, assessed {a.today}. engagewiz gives "
             "guidance, not legal advice: check each rule with the body before you file.",
             style="dim")
    page.show(console)


def _urgent(page: Page, a: Assessment, plain: bool, ref: Footnotes) -> None:
    """The banner of an urgent case: the routes that can act within days, and the first
    thing to do with each, before anything else."""
    page.heading("Urgent: someone is at imminent risk", plain)
    for note in a.urgent_advice:
        page.say(f"{escape(note.text)}{_src(ref, note.source)}", style="bold red")
    for n, route in enumerate(a.urgent, 1):
        pending = "" if route.status == OPEN else "  [yellow](check first)[/yellow]"
        page.say(f"[bold]{n}. {_named(route)}[/bold]{pending}", 0, 3)
        for step in route.act_now:
            page.say(f"Next 48 hours: {escape(step.text)}{_src(ref, step.source)}", 3, 5)
        pending_gates = route.gates_with(UNKNOWN)
        for n, g in enumerate(pending_gates):
            page.say(f"[yellow]? {escape(g.rule)}[/yellow]{_src(ref, g.source)}"
                     + (f" Where to check: {escape(g.check)}" if n == 0 else ""), 3, 5)
        if len(pending_gates) > 1:
            page.say(_more_checks(route, len(pending_gates) - 1), 3, 5, style="dim")


def _limits(page: Page, a: Assessment, plain: bool, ref: Footnotes) -> None:
    """Every time limit running on a route open to you, soonest first, whatever --top cuts."""
    page.heading("Time limits running", plain)
    for d in a.deadlines:
        mark, style = ("! ", "bold red") if d.soon else ("  ", "")
        pending = " (check first)" if d.status == UNKNOWN else ""
        page.say(f"{mark}{d.last_day}: {d.days_left} days left. {escape(d.name)}"
                 f"{pending}. {escape(d.rule)}{_src(ref, d.source)}", 0, 2, style=style)


def _system_notes(page: Page, a: Assessment, plain: bool, ref: Footnotes) -> None:
    """What does not exist here (a regional complaint body, a court open to individuals),
    said plainly, with the routes that fill the gap and where each stands."""
    page.heading("Where nothing can be filed", plain)
    for note in a.notes:
        page.say(f"[bold]{escape(note.title)}[/bold]")
        page.say(f"{escape(note.text)}{_src(ref, note.source)}", 2)
        if note.instead:
            page.say("Routes that fill the gap: " + "; ".join(
                f"{escape(alt.name)} ({alt.id}, {alt.standing})" for alt in note.instead)
                + ".", 2, 4)
        if note.check:
            page.say(f"Where to check: {escape(note.check)}", 2, 4)


def _gates(page: Page, route: RouteResult, status: Status, mark: str, label: str,
           advice: str, ref: Footnotes) -> None:
    """Each rule behind a route's status: the rule, the answer it read, what to do. A
    "check first" route says where to check once, for its first rule: a hedge the screen
    repeats is read as noise (issue 12.3); `explain` and the plan give every rule's."""
    gates = route.gates_with(status)
    for n, g in enumerate(gates):
        page.say(f"{mark} {escape(g.rule)}{_src(ref, g.source)}", 2, 4)
        page.say(escape(g.detail), 4, style="dim")
        if status != UNKNOWN or n == 0:
            page.say(f"{label}: {escape(getattr(g, advice))}", 4)
    if status == UNKNOWN and len(gates) > 1:
        page.say(_more_checks(route, len(gates) - 1), 2, 4, style="dim")


def _more_checks(route: RouteResult, others: int) -> str:
    rules = "rule" if others == 1 else f"{others} rules"
    return f"'engagewiz explain {route.id}' and the plan give the advice on the other {rules}."


def _about_the_data(page: Page, a: Assessment, kb: KnowledgeBase, plain: bool) -> None:
    """Where the State's facts came from, and how old they are: after the results, since
    they qualify them, but never left out."""
    if not (a.prefilled or a.notices):
        return
    page.heading("About the country data", plain)
    overridden = [p for p in a.prefilled if p.overridden]
    if a.prefilled:
        page.say(f"{len(a.prefilled)} answers about your State were filled in from "
                 f"{escape(a.data_sources())}. Yours win where they differ.", 0, 2)
    for p in overridden:
        question = kb.question(p.question)
        asked = question.text if question else p.question
        shown = question.label if question else str
        page.say(f"Your answer overrides the data: {escape(asked)} You said "
                 f"{escape(shown(p.value))}; the data says {escape(shown(p.data_value))}.", 2, 4)
    for notice in a.notices:
        page.say(f"[yellow]Note:[/yellow] {escape(notice)}", 0, 2)


def _sources(page: Page, ref: Footnotes, plain: bool) -> None:
    """The list the marks point to: short titles on screen; the full citation and the
    official address are one command away."""
    entries = ref.entries()
    if not entries:
        return
    page.heading("Sources", plain)
    for e in entries:
        page.say(escape(e.listed), 0, len(str(e.number)) + 3)
    page.say("'engagewiz sources KEY' gives the full citation and the official address.",
             style="dim")


def _route(page: Page, rank: int, route: RouteResult, compact: bool,
           upr_estimate: str, ref: Footnotes) -> None:
    page.blank()
    page.say(f"[bold]{rank}. {_named(route)}[/bold]  [cyan]score "
             f"{route.score:+d}[/cyan]", 0, 3)
    page.say(f"{escape(route.body)} · {route.nature} · effort {route.effort}", 3,
             style="dim")
    for reason in route.strongest[:3] if compact else route.reasons:
        page.say(f"{reason.points:+d} {escape(reason.text)}{_src(ref, reason.source)}",
                 3, 6)
    for deadline in route.deadlines:
        page.say(f"[bold]Deadline:[/bold] {deadline.last_day} ({deadline.days_left} "
                 f"days left; {escape(deadline.label)})", 3, 6)
    if route.is_upr and upr_estimate:
        page.say(f"[bold]Next review:[/bold] {escape(upr_estimate)}", 3, 6)
    if compact:
        return
    if route.texts.get("who"):
        page.say(f"Who can use it: {escape(route.texts['who'])}", 3, 5)
    for caution in route.cautions:
        page.say(f"[yellow]! {escape(caution.text)}[/yellow]{_src(ref, caution.source)}",
                 3, 5)
    if route.next_steps:
        page.say("Next steps:", 3)
        for i, step in enumerate(route.next_steps, 1):
            page.say(f"{i}. {escape(step.text)}{_src(ref, step.source)}", 5, 8)
