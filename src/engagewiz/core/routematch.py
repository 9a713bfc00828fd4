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
        have = route.attribute_set(attribute)
        if isinstance(expected, dict) and "answer" in expected:
            expected = answers.get(expected["answer"])
            if expected is None or expected == DONT_KNOW:
                return None
        if attribute == "themes" and "any" in have:
            continue
        if have.isdisjoint(expected if isinstance(expected, (tuple, list)) else (expected,)):
            return False
    return True


def reads(rule: Consideration) -> tuple[str, ...]:
    """The question ids a rule's `route:` / `not_route:` reads (`{answer: QID}`)."""
    return tuple(v["answer"] for match in (rule.route, rule.not_route) if match
                 for v in match.values() if isinstance(v, dict) and "answer" in v)


def may_apply(rule: Consideration, route: Route,
              answers: Mapping[str, Any] | None = None) -> bool | None:
    """Can a scoring rule count for this route? True, False, or None: "depends on answers".

    `route:` must match and `not_route:` must fail; `{answer: QID}` matchers cannot be
    decided without that answer.
    """
    verdict: bool | None = True
    if rule.route is not None:
        found = matches(rule.route, route, answers or {})
        if found is False:
            return False
        verdict = found
    if rule.not_route is not None:
        negative = matches(rule.not_route, route, answers or {})
        if negative is True:
            return False
        verdict = None if negative is None else verdict
    return verdict
