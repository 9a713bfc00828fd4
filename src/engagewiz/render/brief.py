"""The one-page brief: what a director, a board or a donor reads before saying yes.

Who it is for, which State, when; what to do in the next 48 hours when someone is at risk;
the time limits running; the top three routes with one line each; and the next three
steps. It is a `Plan` with fewer sections, so the Markdown, HTML and PDF views of the full
plan show it without a line of their own, and its sources are numbered like the plan's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engagewiz.core.qids import COUNTRY
from engagewiz.core.ranking import SOON_DAYS
from engagewiz.core.results import UNKNOWN
from engagewiz.render.footnotes import Footnotes
from engagewiz.render.plan import (
    DISCLAIMER,
    Line,
    Part,
    Plan,
    Section,
    about,
    subtitle,
)

if TYPE_CHECKING:
    from engagewiz.core.model import KnowledgeBase
    from engagewiz.core.results import Assessment, RouteResult
    from engagewiz.kb.countries import CountryData

URGENT = "Urgent: someone is at imminent risk"
ROUTES = 3      # routes on the page
STEPS = 3       # next steps on the page
FULL_PLAN = ("The full engagement plan gives every reason, requirement and source, the "
             "blocked routes and what would open them, safety advice and follow-up: "
             "engagewiz assess --answers YOUR-ANSWERS --output plan.pdf (or plan.html).")


def build_brief(a: Assessment, kb: KnowledgeBase,
                countries: CountryData | None = None) -> Plan:
    ref = Footnotes(kb.sources)
    country = countries.get(str(a.answers.get(COUNTRY, ""))) if countries else None
    routes = a.recommended[:ROUTES]
    sections = [s for s in (_urgent(a), _limits(a)) if s]
    sections.append(Section(f"Top {len(routes)} routes" if routes else "No route fits well yet",
                            (Part("", tuple(_one_line(r, kb) for r in routes), True),),
                            "glance"))
    steps = _next_steps(a, routes, ref)
    if steps:
        sections.append(Section(f"Next {len(steps)} steps", (Part("", steps, True),), "steps"))
    if a.safety is not None and a.safety.warnings:
        sections.append(Section("Staying safe", (), "safety", intro=tuple(
            Line(w.text, ref(w.source), tone="warning") for w in a.safety.warnings)))
    sections.append(Section("", (), "outro", intro=(Line(FULL_PLAN), Line(DISCLAIMER))))
    return Plan(
        title="Engagement brief",
        about=about(a, kb, country.name if country else None),
        subtitle=subtitle(a),
        situation=(),
        notices=(),
        sections=tuple(sections),
        sources=ref.entries(),
        answers_yaml="",
        disclaimer="",  # said above the sources, where a one-page brief has room
        top_route=routes[0].name if routes else "",
        brief=True,
    )


def _urgent(a: Assessment) -> Section | None:
    """The banner, and the urgent routes by name: their actions are the next steps."""
    if not a.imminent_risk:
        return None
    if not a.urgent:
        return Section(URGENT, (), "urgent", intro=(Line(
            "None of the urgent routes we know is open or to check for this State and this "
            "case: get a lawyer's help at once; the full plan says what would open one.",
            tone="warning"),))
    names = "; ".join(r.name + (" (check first)" if r.status == UNKNOWN else "")
                      for r in a.urgent)
    return Section(URGENT, (), "urgent", intro=(
        Line("Act in the next 48 hours: these routes can act within days, and you can use "
             "several at once.", tone="warning"), Line(names + ".", label="Urgent routes")))


def _limits(a: Assessment) -> Section | None:
    """Every running time limit on one line each; the rules are in the full plan."""
    if not a.deadlines:
        return None
    return Section("Time limits running", (Part("", tuple(
        Line(f"{d.days_left} days left: {d.name}"
             + (" (check first)" if d.status == UNKNOWN else "") + ".", label=d.last_day,
             tone="deadline" if d.soon else "") for d in a.deadlines)),), "deadlines")


def _one_line(r: RouteResult, kb: KnowledgeBase) -> Line:
    """The route with its effort and first deadline, then what it is (its summary: a
    description, not a conclusion, so it carries no footnotes; the plan cites them)."""
    first = min((g.deadline for g in r.running if g.deadline), key=lambda d: d.last_day,
                default=None)
    when = f"; last day {first.last_day}, {first.days_left} days left" if first else ""
    route = kb.route(r.id)
    return Line(route.summary if route else r.body, (), f"{r.name} (effort {r.effort}{when})",
                "deadline" if first and first.days_left < SOON_DAYS else "")


def _next_steps(a: Assessment, routes: tuple[RouteResult, ...],
                ref: Footnotes) -> tuple[Line, ...]:
    """When someone is at risk, what to do in the next 48 hours on each urgent route;
    otherwise the first step of each top route, then the next ones of the first."""
    if a.imminent_risk and a.urgent:
        pairs = [(r, r.act_now[0]) for r in a.urgent if r.act_now]
    else:
        pairs = [(r, r.next_steps[0]) for r in routes if r.next_steps]
        pairs += [(r, s) for r in routes[:1] for s in r.next_steps[1:]]
    return tuple(Line(s.text, ref(s.source), r.name) for r, s in pairs[:STEPS])
