"""The condition language: three-valued, so "don't know" never reads as "no"."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from conftest import ROOT
from engagewiz.core import conditions
from engagewiz.core.conditions import DONT_KNOW, NOT_ASKED, Condition, ConditionError, parse
from engagewiz.core.interview import walked
from engagewiz.core.model import AdviceKind, KnowledgeBase
from engagewiz.storage.answers import load_answers


@pytest.mark.parametrize(("raw", "answers", "expected"), [
    ({"q": "org", "is": "ngo"}, {"org": "ngo"}, True),
    ({"q": "org", "is": "ngo"}, {"org": "npm"}, False),
    ({"q": "org", "is": "ngo"}, {}, None),
    ({"q": "org", "is": "ngo"}, {"org": "dont_know"}, None),
    ({"q": "org", "is": "dont_know"}, {"org": "dont_know"}, True),
    ({"q": "org", "in": ["ngo", "npm"]}, {"org": "npm"}, True),
    ({"q": "themes", "has": "torture"}, {"themes": ["women", "torture"]}, True),
    ({"q": "themes", "has": "torture"}, {"themes": ["women"]}, False),
    ({"q": "themes", "has_any": ["torture", "race"]}, {"themes": ["race"]}, True),
    ({"q": "d", "answered": True}, {"d": "dont_know"}, True),
    ({"q": "d", "answered": True}, {}, False),
    ({"q": "ok", "is": True}, {"ok": "yes"}, True),  # YAML's unquoted yes is the word yes
])
def test_tests(raw: dict, answers: dict, expected: bool | None) -> None:
    assert parse(raw).evaluate(answers) is expected


def test_three_valued_combinators() -> None:
    known_false = {"q": "a", "is": "x"}
    unknown = {"q": "b", "is": "y"}
    answers = {"a": "z"}
    assert parse({"all": [known_false, unknown]}).evaluate(answers) is False
    assert parse({"any": [known_false, unknown]}).evaluate(answers) is None
    assert parse({"any": [{"q": "a", "is": "z"}, unknown]}).evaluate(answers) is True
    assert parse({"not": unknown}).evaluate(answers) is None
    assert parse({"not": known_false}).evaluate(answers) is True


@pytest.mark.parametrize(("raw", "message"), [
    ("org is ngo", "must be a mapping"),
    ({"q": "org", "equals": "ngo"}, "unknown test 'equals'"),
    ({"q": "org", "is": "ngo", "in": ["a"]}, "exactly one of"),
    ({"all": []}, "non-empty list"),
    ({"all": [{"q": "a", "is": "b"}], "q": "x"}, "must stand alone"),
    ({"q": "org", "in": "ngo"}, "non-empty list"),
    ({"is": "ngo"}, "expected 'q: QUESTION_ID'"),
])
def test_malformed_conditions_say_what_is_wrong(raw: object, message: str) -> None:
    with pytest.raises(ConditionError, match=message):
        parse(raw)


# Kleene's logic, written as an order: false < unknown < true.
_RANK = {False: 0, None: 1, True: 2}
_VALUE = {rank: value for value, rank in _RANK.items()}


def _rule(cond: Condition, answers: dict[str, Any]) -> bool | None:
    """The three-valued rule of docs/authoring.md, stated apart from the engine's: `all`
    is the least of its parts, `any` the greatest, `not` turns false and true round."""
    if isinstance(cond, conditions.All):
        return _VALUE[min(_RANK[_rule(p, answers)] for p in cond.parts)]
    if isinstance(cond, conditions.AnyOf):
        return _VALUE[max(_RANK[_rule(p, answers)] for p in cond.parts)]
    if isinstance(cond, conditions.Not):
        return _VALUE[2 - _RANK[_rule(cond.part, answers)]]
    value = answers.get(cond.q)
    if cond.op == "answered":
        return (value is not None and value != NOT_ASKED) is cond.values[0]
    if cond.op in ("is", "in") and value in cond.values:  # "is: dont_know" may be asked
        return True
    if value is None or value == DONT_KNOW:
        return None
    if cond.op in ("is", "in"):
        return False
    chosen = value if isinstance(value, list) else [value]
    return True if set(chosen) & set(cond.values) else (None if DONT_KNOW in chosen
                                                        else False)


def _conditions(kb: KnowledgeBase) -> list[Condition]:
    """Every condition of the knowledge base: `when`s of questions, shortcuts, scoring
    rules, considerations and advice; gates' tests."""
    found = [c.when for c in (*kb.questions, *kb.shortcuts, *kb.scoring)]
    for route in kb.routes:
        found += [rule.when for rule in route.considerations]
        found += [gate.test for gate in route.gates]
        found += [note.when for kind in get_args(AdviceKind) for note in getattr(route, kind)]
    return [c for c in found if c is not None]


def test_every_condition_is_evaluated_by_the_rule(kb: KnowledgeBase) -> None:
    """Over every example, as given and as the interview sees it (questions not asked),
    each condition of the knowledge base says what the rule says: a faster evaluation
    (closures made from the conditions, say) would have to pass this too."""
    conditions = _conditions(kb)
    assert len(conditions) > 500
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        given = load_answers(path, kb)
        for answers in (given, walked(kb, given)):
            for cond in conditions:
                assert cond.evaluate(answers) is _rule(cond, answers), (path.name, cond)
