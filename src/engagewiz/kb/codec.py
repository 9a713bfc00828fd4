"""The validated knowledge base as JSON, and back: what the cache stores.

Plain data, not pickle: a pickle runs code when it is read, and a cache folder is one a user
may share. Reading builds nothing but engagewiz's own record classes (frozen dataclasses and
NamedTuples of modules already imported), filled in without calling any code the file
names; anything else in the file is an error, and the cache then rebuilds.

The layout is made for a quick read, since every scripted run pays for it. A text is two
lines of JSON. The first is the table of record classes: for each, its `module:Class`, its
field names in order and which fields hold tuples. The second is the value, where a record
is `{"@": N, "v": [field values]}` (N: its row in the table). Decoding is then one pass of
json's C parser with a small hook per object that zips the values with the class's own
field names (interned, so reading an attribute later is quick) and turns the arrays of the
tuple fields into tuples, nested arrays too. Elsewhere (in the plain dicts of gate
parameters and matchers, which hold YAML values) an array is a list. A NamedTuple is
`{"@tuple": N, "items": [...]}`, a dict whose keys are not all strings (or one starts with
"@") is `{"@dict": [[key, value], ...]}`, and a date is `{"@date": "YYYY-MM-DD"}`. A value
that breaks the convention (a list in a record, a tuple in a plain dict) or of another type
cannot be encoded (TypeError) and is simply not cached. The text is ASCII (json escapes the
rest), which json parses a quarter faster than UTF-8 with a few curly quotes in it.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

_SCALARS = (str, int, float, bool, type(None))
_set = object.__setattr__
# class, its field names, the fields that hold tuples, those whose tuples hold tuples
Row = tuple[type, tuple[str, ...], tuple[int, ...], frozenset[int]]


def dumps(value: Any) -> bytes:
    """`value` as the two lines `loads` reads."""
    encoder = Encoder()
    text = encoder.dumps(value)
    return encoder.table() + b"\n" + text


def loads(data: bytes) -> Any:
    """The value `dumps` wrote; ValueError, KeyError or TypeError for anything else."""
    table, newline, text = data.partition(b"\n")
    if not newline:
        raise ValueError("no table of classes")
    return Decoder(table).loads(text)


class Encoder:
    """Values to JSON texts that share one table of classes (`table()`, once all are
    written): the country cache writes each State as its own text."""

    def __init__(self) -> None:
        self.rows: dict[type, int] = {}
        self.tuples: list[dict[int, bool]] = []  # per row: tuple field -> holds tuples

    def dumps(self, value: Any) -> bytes:
        return json.dumps(self._plain(value, False), separators=(",", ":"),
                          allow_nan=False).encode("ascii")

    def table(self) -> bytes:
        rows = [[_name(kind), list(_fields(kind)), sorted(self.tuples[index]),
                 sorted(at for at, deep in self.tuples[index].items() if deep)]
                for kind, index in self.rows.items()]
        return json.dumps(rows, separators=(",", ":")).encode("ascii")

    def _row(self, kind: type) -> int:
        if kind not in self.rows:
            self.rows[kind] = len(self.rows)
            self.tuples.append({})
        return self.rows[kind]

    def _plain(self, value: Any, in_record: bool) -> Any:
        if isinstance(value, _SCALARS):
            return value
        kind = type(value)
        if kind is (tuple if in_record else list):
            return [self._plain(v, in_record) for v in value]
        if hasattr(kind, "__record_fields__"):
            row = self._row(kind)
            values = [getattr(value, name) for name in _fields(kind)]
            tuples = self.tuples[row]
            for at, v in enumerate(values):
                if type(v) is tuple:
                    tuples[at] = tuples.get(at, False) or any(type(x) is tuple for x in v)
            return {"@": row, "v": [self._plain(v, True) for v in values]}
        if isinstance(value, tuple) and hasattr(kind, "_fields"):
            return {"@tuple": self._row(kind), "items": [self._plain(v, True) for v in value]}
        if kind is dict:
            if all(type(k) is str and not k.startswith("@") for k in value):
                return {k: self._plain(v, False) for k, v in value.items()}
            return {"@dict": [[self._plain(k, False), self._plain(v, False)]
                              for k, v in value.items()]}
        if kind is date:
            return {"@date": value.isoformat()}
        where = "in a record" if in_record else "outside a record"
        raise TypeError(f"cannot cache a {kind.__name__} {where}")


class Decoder:
    """Reads texts written against one table of classes. The table is checked before any
    text is read: each class must be a record class (or NamedTuple) of an engagewiz module
    already imported, with exactly the fields the table names."""

    def __init__(self, table: bytes) -> None:
        self.rows: list[Row] = [_row(entry) for entry in json.loads(table)]

    def loads(self, text: bytes) -> Any:
        return json.loads(text, object_hook=self._revive)

    def _revive(self, obj: dict[str, Any]) -> Any:
        row = obj.get("@")
        if row is None:
            return self._tagged(obj) if len(obj) <= 2 else obj
        kind, names, tuples, deep = self.rows[row]
        values = obj["v"]
        if len(values) != len(names):
            raise ValueError(f"not the fields of {kind.__name__}")
        for at in tuples:
            value = values[at]
            if value.__class__ is list:
                values[at] = _tuples(value) if at in deep else tuple(value)
        made = kind.__new__(kind)
        # Frozen: no __setattr__ of its own, and no __init__ runs. A dict made whole is
        # quicker than filling the one Python would make for the instance. The lengths are
        # checked above: zip's keyword `strict` would cost a quarter of this hook.
        _set(made, "__dict__", dict(zip(names, values)))  # noqa: B905
        return made

    def _tagged(self, obj: dict[str, Any]) -> Any:
        if "@tuple" in obj:
            kind = self.rows[obj["@tuple"]][0]
            if not issubclass(kind, tuple):
                raise KeyError(f"not a NamedTuple: {kind.__name__}")
            return kind._make(_tuples(obj["items"]))
        if len(obj) == 1 and "@dict" in obj:
            return dict(obj["@dict"])
        if len(obj) == 1 and "@date" in obj:
            return date.fromisoformat(obj["@date"])
        return obj


def _name(kind: type) -> str:
    return f"{kind.__module__}:{kind.__qualname__}"


def _fields(kind: type) -> tuple[str, ...]:
    found = getattr(kind, "__record_fields__", None)
    return tuple(found) if found is not None else tuple(kind._fields)  # type: ignore[attr-defined]


def _row(entry: Any) -> Row:
    """A row of the table as a `Row`, or KeyError."""
    name, names, tuples, deep = entry
    module, _, qualname = str(name).partition(":")
    found = sys.modules.get(module) if module.startswith("engagewiz.") else None
    kind = getattr(found, qualname, None)
    if not isinstance(kind, type) or not (hasattr(kind, "__record_fields__")
                                          or hasattr(kind, "_fields")):
        raise KeyError(f"not a record class of engagewiz: {name!r}")
    own = _fields(kind)  # the class's strings: interned, unlike the parser's copies
    if list(own) != names or not all(type(at) is int and 0 <= at < len(own)
                                     for at in (*tuples, *deep)):
        raise KeyError(f"not the fields of {name!r}")
    return kind, own, tuple(tuples), frozenset(deep)


def _tuples(value: list[Any]) -> tuple[Any, ...]:
    return tuple(_tuples(v) if type(v) is list else v for v in value)
