"""What would change this? The one answer whose change moves the top of a result most.

The demo ends on it: a room sees that the ranking is no oracle but follows from answers it
can question ("if the risk of reprisals were high, the confidential routes would rise").
A scenario may name its own (`# what if: KEY=VALUE`); otherwise every other value of every
single-choice answer the user gave is tried (a few dozen assessments, under a second), and
the winner is the flip that changes the top routes while moving the fewest routes. A flip
that would leave a question unanswered (a new branch of the interview) is passed over, so
the comparison never rests on "not known".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from engagewiz.core import interview
from engagewiz.core.compare import CLOSED, OPENED, Comparison, compare
from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.prefill import with_country_facts
from engagewiz.core.results import Assessment

if TYPE_CHECKING:
    from engagewiz.kb.countries import CountryData

FLIPPABLE = ("choice", "yes_no")  # one value among a few: a change a room can picture
TOP = 3


@dataclass(frozen=True)
class Flip:
    question: str       # its id
    before: Any
    after: Any
    comparison: Comparison

    @property
    def setting(self) -> str:
        """The same change for `engagewiz compare NAME --set ...`."""
        return f"{self.question}={self.after}"


def what_would_change(kb: KnowledgeBase, answers: Mapping[str, Any], before: Assessment, *,
                      today: date, countries: CountryData | None = None) -> Flip | None:
    """The most focused flip of one of `answers` that changes the top routes; None if no
    single flip does."""
    best: tuple[tuple[int, ...], Flip] | None = None
    order = {q.id: n for n, q in enumerate(kb.questions)}
    for qid, value in answers.items():
        question = kb.question(qid)
        if question is None or question.type not in FLIPPABLE or value == DONT_KNOW:
            continue
        for other in (c.value for c in question.choices if c.value != value):
            changed = interview.effective(kb, {**answers, qid: other})
            filled = with_country_facts(kb, changed, countries, today).answers
            if interview.missing(kb, filled):
                continue
            after = assess(kb, changed, today=today, countries=countries)
            flip = Flip(qid, value, other, compare(before, after, kb))
            weight = (*_weight(before, after, flip.comparison), -order.get(qid, 0))
            if weight[0] and (best is None or weight > best[0]):
                best = (weight, flip)
    return best[1] if best else None


def _weight(before: Assessment, after: Assessment, c: Comparison) -> tuple[int, int]:
    """(it changes the top routes, how few routes it moves): a focused flip teaches more
    than one that turns the whole case over (an urgent case is another case)."""
    top_before = {r.id for r in before.recommended[:TOP]}
    top_after = {r.id for r in after.recommended[:TOP]}
    gates = any(x.movement in (OPENED, CLOSED) and (x.id in top_before or x.id in top_after)
                for x in c.changes)
    return int(top_after != top_before or gates), -sum(1 for x in c.changes if x.own)
