"""The small condition language of `when`, `test` and `if`: declarative, so it can be checked.

Conditions are three-valued (True, False, None for unknown): a question nobody answered, or
answered "don't know", makes its tests unknown instead of silently false. That is what lets
a gate say "check first" rather than "blocked" (docassemble's falsy `None` trap).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping
from typing import Any, Union

from engagewiz.core.record import record
from engagewiz.errors import KeyPath

DONT_KNOW = "dont_know"
NOT_ASKED = "not_asked"  # a question whose own condition was false: its tests are false
Answers = Mapping[str, Any]
Tri = Union[bool, None]  # noqa: UP007 - a readable alias


@record
class Test:
    """A test on one answer: `is`, `in`, `has`, `has_any` or `answered`."""

    q: str
    op: str
    values: tuple[Any, ...]

    def evaluate(self, answers: Answers) -> Tri:
        value = answers.get(self.q)
        op = self.op
        if op == "is" or op == "in":  # most tests: checked first
            if value in self.values:
                return True
            return None if value is None or value == DONT_KNOW else False
        if op == "answered":
            return (value not in (None, NOT_ASKED)) == bool(self.values[0])
        if value is None or value == DONT_KNOW:
            return None
        chosen = value if isinstance(value, list) else [value]
        hit = any(v in chosen for v in self.values)
        return None if not hit and DONT_KNOW in chosen else hit


@record
class All:
    parts: tuple[Condition, ...]

    def evaluate(self, answers: Answers) -> Tri:
        unknown = False
        for part in self.parts:  # the first false part decides: conditions have no effects
            result = part.evaluate(answers)
            if result is False:
                return False
            unknown = unknown or result is None
        return None if unknown else True


@record
class AnyOf:
    parts: tuple[Condition, ...]

    def evaluate(self, answers: Answers) -> Tri:
        unknown = False
        for part in self.parts:  # the first true part decides
            result = part.evaluate(answers)
            if result is True:
                return True
            unknown = unknown or result is None
        return None if unknown else False


@record
class Not:
    part: Condition

    def evaluate(self, answers: Answers) -> Tri:
        result = self.part.evaluate(answers)
        return None if result is None else not result


Condition = Union[Test, All, AnyOf, Not]  # noqa: UP007
TEST_OPS = ("is", "in", "has", "has_any", "answered")


def frozen(value: Any) -> Hashable:
    """An answer as a key for a memo: a word as it is, anything else with its type (a list
    of themes, a date), so that only answers the code cannot tell apart share a key."""
    return value if value is None or value.__class__ is str else (value.__class__,
                                                                   repr(value))


class ConditionError(ValueError):
    """A malformed condition; `path` says where inside the condition."""

    def __init__(self, message: str, path: KeyPath = ()) -> None:
        super().__init__(message)
        self.path = path


def parse(raw: Any, path: KeyPath = ()) -> Condition:
    if not isinstance(raw, dict):
        raise ConditionError("a condition must be a mapping such as {q: org_type, is: ngo}", path)
    for combinator in ("all", "any"):
        if combinator in raw:
            if len(raw) != 1:
                raise ConditionError(f"'{combinator}' must stand alone in its mapping", path)
            items = raw[combinator]
            if not isinstance(items, list) or not items:
                raise ConditionError(f"'{combinator}' takes a non-empty list of conditions", path)
            parts = tuple(parse(item, (*path, combinator, i)) for i, item in enumerate(items))
            return All(parts) if combinator == "all" else AnyOf(parts)
    if "not" in raw:
        if len(raw) != 1:
            raise ConditionError("'not' must stand alone in its mapping", path)
        return Not(parse(raw["not"], (*path, "not")))
    return _parse_test(raw, path)


def _parse_test(raw: dict[str, Any], path: KeyPath) -> Test:
    if not isinstance(raw.get("q"), str):
        raise ConditionError("expected 'q: QUESTION_ID' or one of all / any / not", path)
    ops = [k for k in raw if k != "q"]
    unknown = [k for k in ops if k not in TEST_OPS]
    if unknown:
        raise ConditionError(
            f"unknown test '{unknown[0]}'; expected one of {', '.join(TEST_OPS)}", path
        )
    if len(ops) != 1:
        raise ConditionError(f"expected exactly one of {', '.join(TEST_OPS)} beside 'q'", path)
    op = ops[0]
    value = raw[op]
    if op in ("in", "has_any"):
        if not isinstance(value, list) or not value:
            raise ConditionError(f"'{op}' takes a non-empty list of values", (*path, op))
        values = tuple(value)
    elif op == "answered":
        if not isinstance(value, bool):
            raise ConditionError("'answered' takes true or false", (*path, op))
        values = (value,)
    else:
        if isinstance(value, (list, dict)):
            raise ConditionError(f"'{op}' takes one value", (*path, op))
        values = (value,)
    # YAML 1.1 reads an unquoted yes/no as a boolean; the answers are the words.
    values = tuple({True: "yes", False: "no"}.get(v, v) if op != "answered" else v for v in values)
    return Test(raw["q"], op, values)


def tests(cond: Condition) -> Iterator[Test]:
    """Every answer test inside a condition (for static checks: ids, values, reachability)."""
    if isinstance(cond, Test):
        yield cond
    elif isinstance(cond, Not):
        yield from tests(cond.part)
    else:
        for part in cond.parts:
            yield from tests(part)
