"""The validated knowledge base as JSON, and back: what the cache stores.

Plain data, not pickle: a pickle runs code when it is read, and a cache folder is one a user
may share. Reading builds nothing but engagewiz's own record classes (frozen dataclasses and
NamedTuples of modules already imported), filled in without calling any code the file
names; anything else in the file is an error, and the cache then rebuilds.

The mapping follows the model's own convention, so that decoding is one pass of json's C
parser and a small hook per object: a record is `{"@": "module:Class", field: value, ...}`,
and an array in a record's field is a tuple (nested arrays too); elsewhere (in the plain
dicts of gate parameters and matchers, which hold YAML values) an array is a list. A
NamedTuple is `{"@tuple": "module:Class", "items": [...]}`, a dict whose keys are not all
strings (or one starts with "@") is `{"@dict": [[key, value], ...]}`, and a date is
`{"@date": "YYYY-MM-DD"}`. A value that breaks the convention (a list in a record, a tuple
in a plain dict) or of another type cannot be encoded (TypeError) and is simply not cached.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

_SCALARS = (str, int, float, bool, type(None))


def dumps(value: Any) -> bytes:
    """`value` as compact JSON (UTF-8)."""
    return json.dumps(_plain(value, False), ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def loads(data: bytes) -> Any:
    """The value `dumps` wrote; ValueError, KeyError or TypeError for anything else."""
    return json.loads(data, object_hook=_Reviver().revive)


def _plain(value: Any, in_record: bool) -> Any:
    if isinstance(value, _SCALARS):
        return value
    kind = type(value)
    if kind is (tuple if in_record else list):
        return [_plain(v, in_record) for v in value]
    if hasattr(kind, "__dataclass_fields__"):
        return {"@": _name(kind), **{k: _plain(getattr(value, k), True)
                                     for k in kind.__dataclass_fields__}}
    if isinstance(value, tuple) and hasattr(kind, "_fields"):
        return {"@tuple": _name(kind), "items": [_plain(v, True) for v in value]}
    if kind is dict:
        if all(type(k) is str and not k.startswith("@") for k in value):
            return {k: _plain(v, False) for k, v in value.items()}
        return {"@dict": [[_plain(k, False), _plain(v, False)] for k, v in value.items()]}
    if kind is date:
        return {"@date": value.isoformat()}
    where = "in a record" if in_record else "outside a record"
    raise TypeError(f"cannot cache a {kind.__name__} {where}")


def _name(kind: type) -> str:
    return f"{kind.__module__}:{kind.__qualname__}"


def _tuples(value: list[Any]) -> tuple[Any, ...]:
    return tuple(_tuples(v) if type(v) is list else v for v in value)


class _Reviver:
    """json's object_hook: each object, innermost first, back to what was encoded."""

    def __init__(self) -> None:
        self.classes: dict[str, Any] = {}

    def revive(self, obj: dict[str, Any]) -> Any:
        name = obj.pop("@", None)
        if name is None:
            return self.tagged(obj) if len(obj) <= 2 else obj
        kind = self.classes.get(name) or self.find(name, "__dataclass_fields__")
        fields = kind.__dataclass_fields__
        if obj.keys() != fields.keys():
            raise KeyError(f"not the fields of {name}")
        made = kind.__new__(kind)
        # The class's own (interned) field names as keys, not the parser's copies: Python
        # finds an attribute by the identity of its name first, so reading one is twice as
        # fast. Frozen: no __setattr__, and no __init__ code runs.
        made.__dict__.update({key: _tuples(value) if type(value) is list else value
                              for key in fields for value in (obj[key],)})
        return made

    def tagged(self, obj: dict[str, Any]) -> Any:
        if "@tuple" in obj:
            return self.find(obj["@tuple"], "_fields")._make(_tuples(obj["items"]))
        if len(obj) == 1 and "@dict" in obj:
            return dict(obj["@dict"])
        if len(obj) == 1 and "@date" in obj:
            return date.fromisoformat(obj["@date"])
        return obj

    def find(self, name: Any, marker: str) -> Any:
        """The class `module:Class`, only from an engagewiz module already imported."""
        module, _, qualname = str(name).partition(":")
        found = sys.modules.get(module) if module.startswith("engagewiz.") else None
        kind = getattr(found, qualname, None)
        if not isinstance(kind, type) or not hasattr(kind, marker):
            raise KeyError(f"not a record class of engagewiz: {name!r}")
        self.classes[str(name)] = kind
        return kind
