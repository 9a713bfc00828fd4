"""The condition language: three-valued, so "don't know" never reads as "no"."""

from __future__ import annotations

import pytest

from engagewiz.core.conditions import ConditionError, parse


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
