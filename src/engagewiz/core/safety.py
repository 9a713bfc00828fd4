"""Whether the plan's safety advice applies to these answers, and which of its texts hold.

The texts are data (texts.yaml, `plan.safety`); deciding which of them a user sees is the
core's job, like a route's cautions: a text shows unless its `when` is certainly false on
the answers as the interview saw them (a question nobody was asked counts as false), so
when unsure, warn.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from engagewiz.core.conditions import NOT_ASKED
from engagewiz.core.model import KnowledgeBase, Note
from engagewiz.core.results import RouteResult, Safety


def safety_advice(kb: KnowledgeBase, asked: Mapping[str, Any],
                  fitting: Iterable[RouteResult]) -> Safety | None:
    """None when the knowledge base has no safety texts or their `when` is false (the risk
    is known to be low). `asked` is interview.walked(answers); `fitting` are the routes open
    or to check first, best first: the confidential ones that fit are named."""
    texts = kb.texts.plan.safety
    if texts is None or not _holds(texts.when, asked):
        return None
    answer = None
    if texts.answer is not None:
        question, value = kb.question(texts.answer.q), asked.get(texts.answer.q)
        shown = question.label(value) if question and value not in (None, NOT_ASKED) else ""
        answer = (texts.answer.label, shown)
    confidential = tuple(r.id for r in fitting if r.score > 0
                         and (route := kb.route(r.id)) is not None
                         and route.exposure == "confidential")
    return Safety(answer, _shown(texts.intro, asked), _shown(texts.warnings, asked),
                  _shown(texts.protect, asked), _shown(texts.reprisals, asked), confidential)


def _holds(when: Any, asked: Mapping[str, Any]) -> bool:
    return when is None or when.evaluate(asked) is not False


def _shown(notes: tuple[Note, ...], asked: Mapping[str, Any]) -> tuple[Note, ...]:
    return tuple(n for n in notes if _holds(n.when, asked))
