"""What changes if...: a pure diff of two assessments of the same knowledge base.

For each route: where it stood before and after (recommended rank, open, check first,
blocked), how it moved, and why. A "why" is never a guess: it is a gate whose status
changed (its rule and the new detail) or a scoring reason that was added or removed.
A route that moved only because others moved says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engagewiz.core.model import KnowledgeBase, Question
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, Assessment, RouteResult

RECOMMENDED, OTHER_OPEN = "recommended", "open"
OPENED, CLOSED, NOW_CHECK, UP, DOWN, SCORE = (
    "opened", "closed", "check first", "up", "down", "score")


@dataclass(frozen=True)
class Standing:
    """Where a route stands in one assessment; `rank` counts recommended routes only."""

    status: str      # recommended / open / unknown / blocked
    rank: int | None
    score: int


@dataclass(frozen=True)
class Change:
    id: str
    name: str
    before: Standing
    after: Standing
    movement: str               # opened / closed / check first / up / down / score
    reasons: tuple[str, ...]
    own: bool = True            # False: it moved only because other routes moved


@dataclass(frozen=True)
class AnswerChange:
    question: str
    text: str
    before: str
    after: str


@dataclass(frozen=True)
class Comparison:
    answers: tuple[AnswerChange, ...]
    changes: tuple[Change, ...]
    before_top: tuple[tuple[str, Standing], ...]   # (name, standing) of recommended routes
    after_top: tuple[tuple[str, Standing], ...]
    unchanged: int


def standings(a: Assessment) -> dict[str, tuple[RouteResult, Standing]]:
    out: dict[str, tuple[RouteResult, Standing]] = {}
    for rank, r in enumerate(a.recommended, 1):
        out[r.id] = (r, Standing(RECOMMENDED, rank, r.score))
    for r in a.other_open:
        out[r.id] = (r, Standing(OTHER_OPEN, None, r.score))
    for r in (*a.check_first, *a.blocked):
        out[r.id] = (r, Standing(r.status, None, r.score))
    return out


def compare(before: Assessment, after: Assessment, kb: KnowledgeBase) -> Comparison:
    old, new = standings(before), standings(after)
    changes, unchanged = [], 0
    for rid, (route_a, was) in old.items():
        if rid not in new:
            continue
        route_b, now = new[rid]
        movement = _movement(was, now)
        if movement is None:
            unchanged += 1
            continue
        reasons = _why(route_a, route_b)
        own = bool(reasons)
        reasons = reasons or ("Its own rules did not change: other routes moved past it.",)
        changes.append(Change(rid, route_b.name, was, now, movement, reasons, own))
    changes.sort(key=lambda c: (_ORDER[c.movement], c.after.rank or 999, -c.after.score, c.id))
    return Comparison(
        answers=answer_changes(before.answers, after.answers, kb),
        changes=tuple(changes),
        before_top=tuple((r.name, old[r.id][1]) for r in before.recommended),
        after_top=tuple((r.name, new[r.id][1]) for r in after.recommended),
        unchanged=unchanged,
    )


_ORDER = {OPENED: 0, CLOSED: 1, NOW_CHECK: 2, UP: 3, DOWN: 4, SCORE: 5}
_OPENISH = (RECOMMENDED, OTHER_OPEN)


def _movement(was: Standing, now: Standing) -> str | None:
    if was.status in _OPENISH and now.status in _OPENISH:
        if was.rank != now.rank:
            if now.rank is None:
                return DOWN
            return UP if was.rank is None or now.rank < was.rank else DOWN
        return SCORE if was.score != now.score else None
    if was.status == now.status:
        return SCORE if was.score != now.score else None
    if now.status in _OPENISH:
        return OPENED
    return CLOSED if now.status == BLOCKED else NOW_CHECK


def _why(a: RouteResult, b: RouteResult) -> tuple[str, ...]:
    """Gates whose status changed, then scoring reasons gained or lost, biggest first."""
    reasons = []
    for ga, gb in zip(a.gates, b.gates, strict=True):  # same route, same gates
        if ga.status != gb.status:
            reasons.append(f"{gb.rule.rstrip('.')}: now {_STATUS[gb.status]} (was "
                           f"{_STATUS[ga.status]}). {gb.detail}".strip())
    old = {(r.points, r.text) for r in a.reasons}
    new = {(r.points, r.text) for r in b.reasons}
    reasons += [f"Now applies ({p:+d}): {t}" for p, t in sorted(new - old, key=_by_weight)]
    reasons += [f"No longer applies ({-p:+d}): {t}"
                for p, t in sorted(old - new, key=_by_weight)]
    return tuple(reasons)


_STATUS = {OPEN: "open", BLOCKED: "blocked", UNKNOWN: "check first"}


def _by_weight(item: tuple[int, str]) -> tuple[int, str]:
    return (-abs(item[0]), item[1])


def answer_changes(before: Mapping[str, Any], after: Mapping[str, Any],
                   kb: KnowledgeBase) -> tuple[AnswerChange, ...]:
    """The answers that differ, in question order, as a person reads them."""
    out = []
    order = [q.id for q in kb.questions]
    keys = sorted(set(before) | set(after), key=lambda k: (order.index(k) if k in order
                                                          else len(order), k))
    for key in keys:
        if before.get(key) == after.get(key):
            continue
        question = kb.question(key)
        out.append(AnswerChange(key, question.text if question else key,
                                _shown(question, before.get(key)),
                                _shown(question, after.get(key))))
    return tuple(out)


def _shown(question: Question | None, value: Any) -> str:
    if value is None:
        return "(not asked)"
    return question.label(value) if question else str(value)
