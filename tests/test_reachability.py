"""Every route can be recommended by some organisation, and blocked for another.

A route no answers can recommend is dead weight in the knowledge base; a route with gates
that nothing can block has a gate that does not work. We look for a witness: a complete,
consistent set of answers (stale answers dropped as the interview drops them) that gives
the route the status we want. The search is a seeded hill-climb, one route at a time, so
it is deterministic and quick, and a failure names the route and the best it found.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from conftest import TODAY
from engagewiz.core import conditions
from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.engine import assess
from engagewiz.core.interview import effective
from engagewiz.core.model import KnowledgeBase, Question, Route
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN
from engagewiz.kb.load import load_kb

KB = load_kb()
# A date inside every time limit, and one outside all of them.
DATES: list[Any] = [date(2026, 11, 1), date(2019, 1, 1), DONT_KNOW]
RANK = {BLOCKED: 0, UNKNOWN: 1, OPEN: 2}
NAMED_STATES = {v for r in KB.routes for g in r.gates if g.test is not None
                for t in conditions.tests(g.test) if t.q == "country" for v in t.values}


def _values(q: Question) -> list[Any]:
    if q.type == "multi":
        return [[c.value] for c in q.choices] + [[c.value for c in q.choices]]
    if q.type == "date":
        return DATES
    if q.type == "country":
        # The State's facts are asked as questions of their own; only the States the
        # knowledge base names (a mechanism for Myanmar, the ECOWAS exits) are tried.
        return sorted(NAMED_STATES)
    return list(q.values())


_ALONE: dict[tuple[int, str], KnowledgeBase] = {}


def _alone(kb: KnowledgeBase, route: Route) -> KnowledgeBase:
    """The knowledge base with this route only, so an assessment judges one route, not 88:
    one copy per route for all its searches, whose walks of the interview are `kb`'s own,
    remembered once for every route (which questions apply turns on the questions alone,
    and the copy has them unchanged). Walking the interview was half of an assessment
    here, the same walks again in each route's copy."""
    key = (id(kb), route.id)
    if key not in _ALONE:
        effective(kb, {})  # `kb` holds its walks from here on
        _ALONE[key] = alone = replace(kb, routes=(route,))
        alone.memos["walks"] = kb.memos["walks"]
    return _ALONE[key]


def _search(kb: KnowledgeBase, route: Route, want: str,
            seed: int) -> tuple[int, dict[str, Any]]:
    """Hill-climb on one route's status and score; returns (best goal value, its answers)."""
    only = _alone(kb, route)
    rng = random.Random(seed)
    domains = {q.id: _values(q) for q in kb.questions if _values(q)}
    # Three starts: at random, every yes/no question "yes", every one "no"; that gets past
    # an "any of nine ratifications" that no single change can flip. Multiple choices
    # start with every option ticked, so that every question that depends on them is asked.
    lean = {1: "yes", 2: "no"}.get(seed)
    answers = {qid: lean if lean in vals else vals[-1] if isinstance(vals[-1], list)
               else rng.choice(vals) for qid, vals in domains.items()}

    def goal(candidate: dict[str, Any]) -> int:
        result = assess(only, candidate, today=TODAY).all_routes()[0]
        if want == BLOCKED:
            return 1 if result.status == BLOCKED else 0
        # Each gate opened counts, so that a route can climb from blocked through unknown.
        return (RANK[result.status] * 1000 + 50 * len(result.gates_with(OPEN))
                + result.score)

    target = 1 if want == BLOCKED else RANK[OPEN] * 1000 + 50 * len(route.gates) + 1
    best = goal(answers)
    if best >= target:
        return best, answers
    asked = effective(kb, answers)
    for _ in range(6):
        improved = False
        for qid in rng.sample(sorted(domains), len(domains)):
            if qid not in asked:
                # Not asked: the assessment drops its answer, so every value of it scores
                # what the answers as they are score, and none can be an improvement.
                continue
            for value in domains[qid]:
                if value == answers[qid]:
                    continue  # the answers as they are: scored already
                trial = {**answers, qid: value}
                score = goal(trial)
                if score > best:
                    best, answers, improved = score, trial, True
                    if best >= target:
                        return best, answers  # a witness: nothing more is asked of it
                    asked = effective(kb, answers)
        if not improved:
            break
    return best, answers


def _witness(kb: KnowledgeBase, route: Route, want: str) -> tuple[int, dict[str, Any]]:
    """The first start that reaches the goal, else the best any start found. More random
    starts get past local optima where two answers must change at once (an opt-out that
    is asked only for a pattern, on an issue the committee covers)."""
    target = 1 if want == BLOCKED else RANK[OPEN] * 1000 + 50 * len(route.gates) + 1
    best: tuple[int, dict[str, Any]] = (-1, {})
    for seed in range(6):
        found = _search(kb, route, want, seed)
        if found[0] >= target:
            return found
        best = max(best, found, key=lambda x: x[0])
    return best


def _closed(route: Route) -> bool:
    return any(g.kind == "closed" for g in route.gates)


@pytest.mark.parametrize("route", [m for m in KB.routes if not _closed(m)],
                         ids=lambda m: m.id)
def test_route_can_be_recommended(route: Route, kb: KnowledgeBase) -> None:
    best, answers = _witness(kb, route, OPEN)
    assert best > RANK[OPEN] * 1000 + 50 * len(route.gates), (
        f"no answers found that recommend {route.id}; the best had goal {best}: {answers}")


def _via_partner(route: Route) -> bool:
    """Only an ECOSOC gate that a partner opens: lack of status never blocks it (kb-audit
    M5; reference section 0, point 7), whoever asks."""
    return all(g.kind == "ecosoc" and g.params.get("partner", "open") == "open"
               for g in route.gates)


@pytest.mark.parametrize("route", [m for m in KB.routes if m.gates and not _via_partner(m)],
                         ids=lambda m: m.id)
def test_route_can_be_blocked(route: Route, kb: KnowledgeBase) -> None:
    best = _witness(kb, route, BLOCKED)[0]
    assert best == 1, f"no answers found that block {route.id}: does each gate really test?"


@pytest.mark.parametrize("route", [m for m in KB.routes if m.gates and _via_partner(m)],
                         ids=lambda m: m.id)
def test_a_route_a_partner_opens_is_never_blocked(route: Route, kb: KnowledgeBase) -> None:
    best = _witness(kb, route, BLOCKED)[0]
    assert best != 1, f"{route.id} can be blocked, though a partner's status opens it"


def test_a_closed_procedure_is_never_open(kb: KnowledgeBase) -> None:
    """CMW article 77 is not in force: the route must never look open, whatever the answers."""
    closed = [m for m in kb.routes if _closed(m)]
    assert [m.id for m in closed] == ["cmw-communication"]
    best, answers = _search(kb, closed[0], OPEN, seed=0)
    assert best < RANK[OPEN] * 1000, answers
