"""Conditions and route matchers in words, for `explain`, `tree` and `check` messages.

A trainer asked "why did it say that?" should read `org_type is A National Human Rights
Institution (NHRI)`, not `{q: org_type, is: nhri}`: question ids stay (they are what the
author greps for), answer values become the labels the user saw in the interview.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from engagewiz.core.conditions import All, AnyOf, Condition, Not, Test
from engagewiz.core.model import KnowledgeBase


def describe(condition: Condition, kb: KnowledgeBase | None = None) -> str:
    """One readable line: "org_type is NGO and (themes include Torture or urgency is Yes)"."""
    if isinstance(condition, Test):
        return _test(condition, kb, negated=False)
    if isinstance(condition, Not):
        if isinstance(condition.part, Test):
            return _test(condition.part, kb, negated=True)
        return f"not ({describe(condition.part, kb)})"
    joiner, other = (" and ", AnyOf) if isinstance(condition, All) else (" or ", All)
    return joiner.join(f"({describe(p, kb)})" if isinstance(p, other) else describe(p, kb)
                       for p in condition.parts)


def describe_match(match: Mapping[str, Any], kb: KnowledgeBase | None = None,
                   lead: str = "routes with") -> str:
    """A scoring rule's `route:` in words: "routes with kinds case_decision and urgent true"
    (`lead` "except routes with" for a `not_route:`)."""
    parts = []
    for attribute, expected in match.items():
        if isinstance(expected, dict) and "answer" in expected:
            parts.append(f"{attribute} matching your answer to {expected['answer']}")
        else:
            shown = expected if isinstance(expected, list) else [expected]
            parts.append(f"{attribute} {_either([word(v) for v in shown], 'or')}")
    return f"{lead} {' and '.join(parts)}" if parts else "every route"


def _test(test: Test, kb: KnowledgeBase | None, negated: bool) -> str:
    question = kb.question(test.q) if kb else None
    labels = [question.label(v) if question else word(v) for v in test.values]
    if test.op == "answered":
        answered = bool(test.values[0]) != negated
        return f"{test.q} is {'answered' if answered else 'not answered'}"
    if test.op in ("is", "in"):
        if not negated:
            return f"{test.q} is {_either(labels, 'or')}"
        if len(labels) == 1:
            return f"{test.q} is not {labels[0]}"
        return f"{test.q} is neither {_either(labels, 'nor')}" if len(labels) == 2 \
            else f"{test.q} is none of {', '.join(labels)}"
    if not negated:
        return f"{test.q} include {_either(labels, 'or')}"
    if len(labels) == 1:
        return f"{test.q} do not include {labels[0]}"
    return f"{test.q} include none of {', '.join(labels)}"


def _either(words: Sequence[str], conjunction: str) -> str:
    """"A", "A or B", "A, B or C" (and "A nor B" after "neither")."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def word(value: Any) -> str:
    """YAML values as an author wrote them: true, not True."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
