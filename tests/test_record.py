"""`@record` (core/record.py) behaves as a frozen dataclass for the functions of
`dataclasses`, which it does not import until one of them asks."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from engagewiz.core.record import field, record, values


@record
class Point:
    x: int
    y: int = 0
    tags: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)


def test_the_functions_of_dataclasses_read_a_record() -> None:
    p = Point(1, tags={"a": 1})
    assert dataclasses.is_dataclass(p)
    assert [f.name for f in dataclasses.fields(p)] == ["x", "y", "tags"]
    assert dataclasses.replace(p, y=5) == Point(1, 5)
    assert dataclasses.asdict(p) == values(p) == {"x": 1, "y": 0, "tags": {"a": 1}}
    assert repr(p) == "Point(x=1, y=0)"
    assert hash(p) == hash(Point(1)) and p == Point(1, tags={"b": 2})
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2  # type: ignore[misc]


def test_a_default_factory_gives_each_record_its_own() -> None:
    assert Point(1).tags is not Point(2).tags


def test_a_field_of_dataclasses_is_refused() -> None:
    with pytest.raises(TypeError, match=r"engagewiz\.core\.record\.field"):
        @record
        class Wrong:
            x: list[int] = dataclasses.field(default_factory=list)
