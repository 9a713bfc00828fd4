"""The ordering rule: urgent routes first, then time limits about to run out, then score,
and never a route above the one it is reached through.

Scores are domain knowledge and live in the knowledge base (considerations, with sources);
this module only orders what the engine judged. The rule, in order (docs/ranking.md):

1. **Urgent.** When someone faces imminent, irreparable harm, the routes that can act
   within days (`urgent: true`) and cover the issue come first, whatever their score: an
   urgent route is never cut or left among the weak fits.
2. **Time limits.** A fitting route whose time limit ends within `SOON_DAYS` comes next,
   soonest first: a missed deadline cannot be repaired, a lower score can.
3. **Score**, then effort (lighter first), then id, so equal answers give equal order.
4. **Dependencies.** A route reached only through another (`reached_through`) is placed
   after it; it is closed when that route is closed, and "check first" when it is.

Every running time limit of an open or "check first" route that fits the issue is also
collected for the "Time limits running" block, soonest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from engagewiz.core.model import KnowledgeBase, Route
from engagewiz.core.qids import THEMES, URGENCY
from engagewiz.core.record import record
from engagewiz.core.results import (
    BLOCKED,
    OPEN,
    UNKNOWN,
    GateResult,
    RouteResult,
    RunningLimit,
    Status,
)
from engagewiz.core.routematch import matches

SOON_DAYS = 60      # a limit ending within this many days is promoted and shown as a warning
_EFFORT_ORDER = {"low": 0, "medium": 1, "high": 2}
_ISSUE = {"themes": {"answer": THEMES}}  # the body covers the issues the user chose


def imminent(answers: Mapping[str, Any]) -> bool:
    return answers.get(URGENCY) == "yes"


def fits_issue(route: Route, answers: Mapping[str, Any]) -> bool:
    """Does the body cover the issue? Unknown themes count as a fit (when unsure, show)."""
    return matches(_ISSUE, route, answers) is not False


def set_aside(routes: Iterable[RouteResult], urgent_case: bool) -> list[RouteResult]:
    """Mark the routes made for another kind of case: a body for other issues, or an
    urgent procedure when nobody is at imminent risk. They are listed last, in brief."""
    return [_aside(r) if not r.fits or (r.urgent and not urgent_case) else r for r in routes]


def _aside(r: RouteResult) -> RouteResult:
    """r._replace(aside=True), without its cost (a tenth of ranking a new case's routes)."""
    return tuple.__new__(RouteResult, (*r[:-1], True))


assert RouteResult._fields[-1] == "aside"


def by_score(r: RouteResult) -> tuple[int, int, str]:
    return (-r.score, _EFFORT_ORDER.get(r.effort, 1), r.id)


def _soonest(r: RouteResult) -> str | None:
    """The last day of the route's earliest running limit within SOON_DAYS, if any."""
    days = [g.deadline.last_day for g in r.running
            if g.deadline and g.deadline.days_left <= SOON_DAYS]
    return min(days) if days else None


def order(routes: Iterable[RouteResult], urgent_first: bool) -> list[RouteResult]:
    """Urgent (when `urgent_first`), then limits ending soon, then score: `routes` come in
    the order of their scores (`by_score`, as `rank` sorts them), which sorting by the
    first two alone keeps among equals (sorting by score again was a tenth of ranking)."""
    tiers: list[tuple[int, str, int, RouteResult]] = []
    for i, r in enumerate(routes):
        soon = _soonest(r) if r.fits else None
        tier = 0 if urgent_first and r.urgent and r.fits else 1 if soon else 2
        tiers.append((tier, soon or "", i, r))
    return [r for *_, r in sorted(tiers)]


def after_prerequisites(ranked: Sequence[RouteResult],
                        needs: Mapping[str, tuple[str, ...]]) -> list[RouteResult]:
    """Move each route that comes before a route it is reached through to just after it."""
    out = list(ranked)
    for _ in range(len(out)):  # a chain of n dependencies settles in at most n passes
        moved = False
        for r in [r for r in out if needs.get(r.id)]:
            position = {p.id: i for i, p in enumerate(out)}
            here = position[r.id]
            after = [position[p] for p in needs[r.id] if position.get(p, -1) > here]
            if after:
                out.insert(max(after), out.pop(here))
                moved = True
        if not moved:
            break
    return out


def split(open_routes: Sequence[RouteResult], urgent_first: bool,
          needs: Mapping[str, tuple[str, ...]]) -> tuple[list[RouteResult], list[RouteResult]]:
    """Recommended and other open routes (`open_routes` in the order of their scores). A
    route is recommended when it scores above 0, or is an urgent route for an urgent
    case; one reached through a route that is not recommended is not recommended either."""
    wanted = {r.id for r in open_routes
              if r.score > 0 or (urgent_first and r.urgent and r.fits)}
    opened = {o.id for o in open_routes}
    for _ in range(len(open_routes)):
        dropped = {r.id for r in open_routes if r.id in wanted
                   and any(p not in wanted for p in needs.get(r.id, ()) if p in opened)}
        if not dropped:
            break
        wanted -= dropped
    recommended = after_prerequisites(
        order((r for r in open_routes if r.id in wanted), urgent_first), needs)
    others = after_prerequisites([r for r in open_routes if r.id not in wanted], needs)
    return recommended, others


@record
class Ranked:
    """The judged routes as the Assessment carries them, in the order of the rule."""

    results: tuple[RouteResult, ...]  # every route, its dependencies resolved, by score
    recommended: tuple[RouteResult, ...]
    other_open: tuple[RouteResult, ...]
    check_first: tuple[RouteResult, ...]
    blocked: tuple[RouteResult, ...]
    urgent: tuple[RouteResult, ...]  # urgent routes open or to check first, best first
    deadlines: tuple[RunningLimit, ...]


def rank(judged: list[RouteResult], kb: KnowledgeBase, urgent: bool) -> Ranked:
    """Dependencies resolved, then the rule: recommended and other open routes, "check
    first" (those for another kind of case last), blocked (those too; then fewest blocking
    gates first: a route one declaration away matters more than one the State would need
    to join; the sort is stable, so the score order holds among equals)."""
    results = resolve_dependencies(judged, kb)
    results.sort(key=by_score)
    needs = kb.needs
    having: dict[str, list[RouteResult]] = {OPEN: [], UNKNOWN: [], BLOCKED: []}
    for r in results:
        having[r.status].append(r)
    recommended, other_open = split(having[OPEN], urgent, needs)
    check_first = set_aside(after_prerequisites(order(having[UNKNOWN], urgent), needs), urgent)
    return Ranked(
        tuple(results), tuple(recommended), tuple(other_open),
        tuple(sorted(check_first, key=lambda r: r.aside)),
        tuple(sorted(set_aside(having[BLOCKED], urgent),
                     key=lambda r: (r.aside, [g.status for g in r.gates].count(BLOCKED)))),
        tuple(r for r in (*recommended, *check_first) if urgent and r.urgent and r.fits),
        running_limits((*recommended, *other_open, *check_first)))


def resolve_dependencies(results: list[RouteResult], kb: KnowledgeBase) -> list[RouteResult]:
    """A route reached through a closed route is closed; through an unknown one, unknown.

    Each dependency becomes a gate result after the route's own gates (open, blocked or
    unknown), read like any other rule; a route always has the same results, in the same
    order, so two assessments can be compared gate by gate.
    """
    by_id = {r.id: r for r in results}
    needs = kb.needs
    done: dict[str, RouteResult] = {}

    def settle(rid: str) -> RouteResult:
        if rid in done:
            return done[rid]
        r = by_id[rid]
        route = kb.route(rid)
        extra: list[GateResult] = []
        for pid in route.reached_through if route else ():
            if pid not in by_id:
                continue
            p = settle(pid)
            extra.append(_through(p, p.name, route.source if route else ()))
        if extra:
            gates = (*r.gates, *extra)
            statuses = {g.status for g in gates}
            status: Status = (BLOCKED if BLOCKED in statuses
                              else UNKNOWN if UNKNOWN in statuses else OPEN)
            r = r._replace(gates=gates, status=status)
        done[rid] = r
        return r

    return [settle(r.id) if r.id in needs else r for r in results]


def _through(p: RouteResult, name: str, source: tuple[str, ...]) -> GateResult:
    """The rule "reached only through X", sourced by the route that declares it."""
    rule = f"This route is reached only through '{name}'."
    if p.status == OPEN:
        return GateResult("reached_through", OPEN, rule, f"'{name}' is open to you.",
                          f"Open '{name}' first.", f"See '{name}'.", source)
    if p.status == BLOCKED:
        return GateResult("reached_through", BLOCKED, rule, f"'{name}' is closed here.",
                          f"Open '{name}' first: its entry says what would open it.",
                          f"See '{name}'.", source)
    return GateResult("reached_through", UNKNOWN, rule, f"'{name}' needs checking first.",
                      f"Open '{name}' first.",
                      f"Check '{name}' first: its open questions decide this route too.", source)


def running_limits(routes: Iterable[RouteResult]) -> tuple[RunningLimit, ...]:
    """Every running time limit of the routes given that fit the issue, soonest first."""
    found = [RunningLimit(r.id, r.name, r.status, g.deadline.last_day, g.deadline.days_left,
                          g.deadline.label, g.rule, g.source, g.deadline.days_left < SOON_DAYS)
             for r in routes if r.fits and r.status in (OPEN, UNKNOWN)
             for g in r.running if g.deadline]
    return tuple(sorted(found, key=lambda x: (x.last_day, x.route)))
