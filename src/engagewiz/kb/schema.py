"""One definition of each file's shape, used twice: to validate and to publish a JSON Schema.

Writing the shape once keeps `engagewiz check` and the schemas editors use from drifting
apart. The specs are deliberately few: text, flag, integer, choice, list, object, condition.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from engagewiz.errors import KeyPath
from engagewiz.textsafe import quoted

Issue = tuple[KeyPath, str]  # where, what is wrong


class Spec:
    description: str = ""

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def _with_doc(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {**schema, "description": self.description} if self.description else schema


@dataclass
class Text(Spec):
    description: str = ""

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if isinstance(value, bool):
            # YAML 1.1 reads unquoted yes/no/on/off as true/false: the commonest slip.
            yield path, (f"expected a text, found {_kind(value)}: YAML reads unquoted yes, no, "
                         f"on and off as true/false; put the word in quotes, e.g. \"no\"")
        elif not isinstance(value, str) or not value.strip():
            yield path, f"expected a non-empty text, found {_kind(value)}"

    def json_schema(self) -> dict[str, Any]:
        return self._with_doc({"type": "string", "minLength": 1})


@dataclass
class Flag(Spec):
    description: str = ""

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if not isinstance(value, bool):
            yield path, f"expected true or false, found {_kind(value)}"

    def json_schema(self) -> dict[str, Any]:
        return self._with_doc({"type": "boolean"})


@dataclass
class Integer(Spec):
    description: str = ""
    minimum: int | None = None
    maximum: int | None = None

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if isinstance(value, bool) or not isinstance(value, int):
            yield path, f"expected a whole number, found {_kind(value)}"
        elif (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            yield path, f"expected a number from {self.minimum} to {self.maximum}, found {value}"

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return self._with_doc(schema)


@dataclass
class Choice(Spec):
    values: tuple[str, ...]
    description: str = ""

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if value not in self.values:
            yield path, f"expected one of {', '.join(self.values)}, found {_kind(value)}"

    def json_schema(self) -> dict[str, Any]:
        return self._with_doc({"enum": list(self.values)})


@dataclass
class ListOf(Spec):
    item: Spec
    description: str = ""
    allow_single: bool = False  # `source: op1-iccpr` as well as `source: [a, b]`

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if self.allow_single and not isinstance(value, list):
            yield from self.item.check(value, path)
            return
        if not isinstance(value, list):
            yield path, f"expected a list, found {_kind(value)}"
            return
        for i, item in enumerate(value):
            yield from self.item.check(item, (*path, i))

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.allow_single:
            schema = {"anyOf": [self.item.json_schema(), schema]}
        return self._with_doc(schema)


@dataclass
class Obj(Spec):
    fields: dict[str, Spec]
    required: tuple[str, ...] = ()
    description: str = ""
    open_keys: Spec | None = None  # a mapping of free keys to this spec (e.g. sources)
    one_of: tuple[str, ...] = ()   # exactly one of these fields (months or years)
    any_of: tuple[str, ...] = ()   # at least one of these fields (url or symbol)
    noun: str = ""                 # "a gate of kind 'time_limit'": names it in messages

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if not isinstance(value, dict):
            yield path, f"expected a mapping (key: value lines), found {_kind(value)}"
            return
        for name in self.required:
            if name not in value:
                yield path, f"missing required field '{name}'{self._of()}"
        if self.one_of and sum(name in value for name in self.one_of) != 1:
            yield path, (f"give one of {' or '.join(repr(n) for n in self.one_of)} "
                         f"(not both){self._of()}")
        if self.any_of and not any(name in value for name in self.any_of):
            yield path, "missing required field: " + " or ".join(f"'{n}'" for n in self.any_of)
        for key, item in value.items():
            spec = self.fields.get(key, self.open_keys)
            if spec is None:
                yield (*path, key), _unknown_field(key, self.fields, self._of())
            else:
                yield from spec.check(item, (*path, key))

    def _of(self) -> str:
        return f" for {self.noun}" if self.noun else ""

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {k: s.json_schema() for k, s in self.fields.items()},
            "additionalProperties": self.open_keys.json_schema() if self.open_keys else False,
        }
        if self.required:
            schema["required"] = list(self.required)
        if self.one_of:
            schema["oneOf"] = [{"required": [name]} for name in self.one_of]
        if self.any_of:
            schema["anyOf"] = [{"required": [name]} for name in self.any_of]
        return self._with_doc(schema)


@dataclass
class Tagged(Spec):
    """A mapping whose other fields depend on one of them: a gate's fields on its `kind`."""

    tag: str
    variants: dict[str, Obj]
    description: str = ""

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if not isinstance(value, dict):
            yield path, f"expected a mapping (key: value lines), found {_kind(value)}"
        elif self.tag not in value:
            yield path, f"missing required field '{self.tag}'"
        elif (variant := self.variants.get(value[self.tag])) is None:
            yield from Choice(tuple(self.variants)).check(value[self.tag], (*path, self.tag))
        else:
            yield from variant.check(value, path)

    def json_schema(self) -> dict[str, Any]:
        return self._with_doc({"oneOf": [
            _with_const(variant.json_schema(), self.tag, name)
            for name, variant in self.variants.items()]})


@dataclass
class ConditionSpec(Spec):
    """Shape only; the condition parser gives the detailed message."""

    description: str = "a condition: {q: ID, is|in|has|has_any|answered: ...} or all/any/not"

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if not isinstance(value, dict):
            yield path, f"expected a condition mapping, found {_kind(value)}"

    def json_schema(self) -> dict[str, Any]:
        return self._with_doc({"type": "object"})


@dataclass
class AnyValue(Spec):
    description: str = ""

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        return iter(())

    def json_schema(self) -> dict[str, Any]:
        return self._with_doc({})


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return quoted(value)
    return {bool: "true/false", int: "a number", float: "a number",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _unknown_field(key: str, fields: dict[str, Spec], of: str = "") -> str:
    from engagewiz.hints import did_you_mean

    hint = did_you_mean(key, fields, otherwise=f"; expected one of {', '.join(fields)}")
    return f"unknown field {quoted(key)}{of}{hint}"


def _with_const(schema: dict[str, Any], tag: str, value: str) -> dict[str, Any]:
    """A variant's schema, told apart from the others by the value of its tag."""
    return {**schema, "properties": {**schema["properties"], tag: {"const": value}}}
