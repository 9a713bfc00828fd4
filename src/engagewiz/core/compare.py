"""What changes if...: a pure diff of two assessments of the same knowledge base.

For each route: where it stood before and after (recommended rank, open, check first,
blocked), how it moved, and why. A "why" is never a guess: it is a gate whose status
changed (its rule and the new detail) or a scoring reason that was added or removed;
`main` is the one that moved it in the direction it went, for a summary. A route that
moved only because others moved has no reason of its own.
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
RULE, POINTS = "rule", "points"


@dataclass(frozen=True)
class Standing:
    """Where a route stands in one assessment; `rank` counts recommended routes only."""

    status: str      # recommended / open / unknown / blocked
    rank: int | None
    score: int


@dataclass(frozen=True)
class Why:
    """One reason a route moved: a rule whose status changed (`was` -> `now`), or a
    consideration that now counts or no longer does. `points` is its effect on the score,
    signed: a +2 reason that no longer applies is -2, a -2 one that now applies is -2 too."""

    kind: str            # RULE or POINTS
    text: str            # the rule, or the consideration, in the knowledge base's words
    detail: str = ""     # a rule: the answer it read
    was: str = ""        # a rule: open / blocked / unknown
    now: str = ""
    points: int = 0
    applies: bool = True  # a consideration: True if it now applies, False if no longer


@dataclass(frozen=True)
class Change:
    id: str
    name: str
    before: Standing
    after: Standing
    movement: str               # opened / closed / check first / up / down / score
    reasons: tuple[Why, ...]    # rules first, then points, biggest first; () if not own
    main: Why | None = None     # the one reason that moved it most in its direction

    @property
    def own(self) -> bool:
        """False: its own rules and points did not change; other routes moved past it."""
        return bool(self.reasons)


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
        rose = movement == UP or (movement == SCORE and now.score > was.score)
        changes.append(Change(rid, route_b.name, was, now, movement, reasons,
                              _main(movement, reasons, rose)))
    changes.sort(key=lambda c: (_ORDER[c.movement], min(c.before.rank or 999, c.after.rank or 999),
                                -c.after.score, c.id))  # the top routes' moves first
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


def _why(a: RouteResult, b: RouteResult) -> tuple[Why, ...]:
    """Gates whose status changed, then considerations gained or lost, biggest first."""
    reasons = [Why(RULE, gb.rule.rstrip("."), gb.detail, ga.status, gb.status)
               for ga, gb in zip(a.gates, b.gates, strict=True)  # same route, same gates
               if ga.status != gb.status]
    old = {(r.points, r.text) for r in a.reasons}
    new = {(r.points, r.text) for r in b.reasons}
    moved = [Why(POINTS, t, points=p, applies=True) for p, t in new - old]
    moved += [Why(POINTS, t, points=-p, applies=False) for p, t in old - new]
    return tuple(reasons + sorted(moved, key=lambda w: (-abs(w.points), w.text)))


_OPENS = {OPENED: (OPEN,), CLOSED: (BLOCKED,), NOW_CHECK: (UNKNOWN,)}


def _main(movement: str, reasons: tuple[Why, ...], rose: bool) -> Why | None:
    """The reason that moved the route in the direction it went: the rule that opened or
    closed it; else the biggest gain for a rise, the biggest loss for a fall. None when no
    reason of its own points that way (it gained a point, but others gained more)."""
    wanted = _OPENS.get(movement)
    if wanted:
        rules = [w for w in reasons if w.kind == RULE]
        return next((w for w in rules if w.now in wanted), rules[0] if rules else None)
    sign = 1 if rose else -1
    return next((w for w in reasons if w.kind == POINTS and w.points * sign > 0), None)


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
