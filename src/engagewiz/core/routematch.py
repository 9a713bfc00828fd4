"""Does a scoring rule's `route:` / `not_route:` select a route? Shared by engine and tools.

A matcher compares route attributes (family, nature, kinds, themes, ...) with fixed values
or with an answer (`themes: {answer: themes}`). Most matchers do not read answers at all,
so the knowledge-base loader decides them once per route (`KnowledgeBase.scoring_for`) and
an assessment only evaluates the rules that can apply: that is what makes 1,000
assessments a second possible.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import Consideration, Route


def matches(match: Mapping[str, Any], route: Route,
            answers: Mapping[str, Any]) -> bool | None:
    """True or False; None when it reads an answer that is missing or "don't know"."""
    for attribute, expected in match.items():
        have = route.attribute(attribute)
        if isinstance(expected, dict) and "answer" in expected:
            expected = answers.get(expected["answer"])
            if expected is None or expected == DONT_KNOW:
                return None
        have_set = set(have) if isinstance(have, (tuple, list)) else {have}
        want_set = set(expected) if isinstance(expected, (tuple, list)) else {expected}
        if attribute == "themes" and "any" in have_set:
            continue
        if not have_set & want_set:
            return False
    return True


def may_apply(rule: Consideration, route: Route,
              answers: Mapping[str, Any] | None = None) -> bool | None:
    """Can a scoring rule count for this route? True, False, or None: "depends on answers".

    `route:` must match and `not_route:` must fail; `{answer: QID}` matchers cannot be
    decided without that answer.
    """
    verdicts: list[bool | None] = []
    if rule.route is not None:
        verdicts.append(matches(rule.route, route, answers or {}))
    if rule.not_route is not None:
        negative = matches(rule.not_route, route, answers or {})
        verdicts.append(None if negative is None else not negative)
    if False in verdicts:
        return False
    return None if None in verdicts else True
