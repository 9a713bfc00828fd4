"""`@record`: a frozen dataclass, without the cost of making one at every start.

`dataclasses.dataclass` writes out and compiles the source of five methods for each class,
about a millisecond per class every time a module defining one is imported: the thirty-odd
classes on the path of a scripted run were a third of its start-up. `record` gives a class
the same behaviour from a few shared methods that are compiled once, with the module.

Nor does it import `dataclasses`, which imports `inspect`: the two were 37 million
instructions of a scripted run (a twelfth), for a module it never otherwise needs. Fields
are declared with this module's `field()`; the `dataclasses.Field` objects that
`dataclasses.fields`, `replace`, `asdict` and `is_dataclass` read are made, importing
`dataclasses`, the first time one of them reads `__dataclass_fields__`, so they work on a
record as on a dataclass; and mypy checks a record as a frozen dataclass (PEP 681).

What it supports is what the knowledge base and the results use: fields with a default or
a `field(default_factory=..., hash=..., compare=..., repr=...)`, inheritance from another
record, and a class that adds methods or properties (`cached_property` included: it writes
to the instance's `__dict__`, which frozen records allow, as frozen dataclasses do).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    def dataclass_transform(**_: object) -> Callable[[Any], Any]:
        return lambda decorated: decorated

T = TypeVar("T")


class _Missing:
    """No default (dataclasses.MISSING, without importing dataclasses)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """A field as `field()` declares it and `record` reads it."""

    __slots__ = ("compare", "default", "default_factory", "hash", "name", "repr", "type")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING,
                 hash: bool | None = None, compare: bool = True, repr: bool = True) -> None:
        self.name, self.type = "", ""
        self.default, self.default_factory = default, default_factory
        self.hash, self.compare, self.repr = hash, compare, repr


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] = MISSING,
          hash: bool | None = None, compare: bool = True, repr: bool = True) -> Any:
    """A field with a default or a default factory, or left out of the hash, comparisons
    or repr, as `dataclasses.field` declares one."""
    return Field(default, default_factory, hash, compare, repr)


class _DataclassFields:
    """A record's `__dataclass_fields__`: the `dataclasses.Field` objects that the
    functions of `dataclasses` read, made the first time one of them asks, then kept."""

    def __get__(self, instance: object, owner: type) -> dict[str, Any]:
        import dataclasses

        made: dict[str, Any] = {}
        for name, spec in owner.__record_fields__.items():  # type: ignore[attr-defined]
            made[name] = dataclasses.field(
                default=dataclasses.MISSING if spec.default is MISSING else spec.default,
                default_factory=(dataclasses.MISSING if spec.default_factory is MISSING
                                 else spec.default_factory),
                hash=spec.hash, compare=spec.compare, repr=spec.repr)
            made[name].name, made[name].type = name, spec.type
            made[name]._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        type.__setattr__(owner, "__dataclass_fields__", made)
        return made


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """Make `cls` a frozen dataclass: __init__, __repr__, __eq__, __hash__, no assignment."""
    fields: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        fields.update(getattr(base, "__record_fields__", {}))
    for name, kind in _own_annotations(cls).items():
        if str(kind).startswith(("ClassVar", "typing.ClassVar")):
            continue
        given = cls.__dict__.get(name, MISSING)
        if type(given).__module__ == "dataclasses":
            raise TypeError(f"{cls.__name__}.{name}: a record's fields are declared with "
                            "engagewiz.core.record.field, not dataclasses.field")
        spec = given if isinstance(given, Field) else Field(default=given)
        spec.name, spec.type = name, kind
        fields[name] = spec
        if spec.default is MISSING and name in cls.__dict__:
            delattr(cls, name)
        elif spec.default is not MISSING:
            setattr(cls, name, spec.default)
    names = tuple(fields)
    defaults: list[tuple[str, Any, Any]] = [
        (f.name, f.default, f.default_factory) for f in fields.values()
        if f.default is not MISSING or f.default_factory is not MISSING]
    required = frozenset(names) - {name for name, _, _ in defaults}
    compared = tuple(f.name for f in fields.values() if f.compare)
    hashed = tuple(f.name for f in fields.values()
                   if f.hash or (f.hash is None and f.compare))
    shown = tuple(f.name for f in fields.values() if f.repr)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__}() takes {len(names)} positional arguments "
                            f"but {len(args)} were given")
        values = dict(zip(names, args, strict=False))  # too many: refused above
        for key in kwargs:
            if key in values or key not in fields:
                raise TypeError(f"{cls.__name__}() got an unexpected or repeated "
                                f"argument {key!r}")
        values.update(kwargs)
        if len(values) < len(names):
            if missing := sorted(required - values.keys()):
                raise TypeError(f"{cls.__name__}() missing arguments: {', '.join(missing)}")
            for name, default, factory in defaults:
                if name not in values:
                    values[name] = default if default is not MISSING else factory()
        self.__dict__.update({name: values[name] for name in names})  # frozen: not setattr

    def __repr__(self: Any) -> str:
        shown_fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({shown_fields})"

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in compared)

    def __hash__(self: Any) -> int:
        return hash(tuple(getattr(self, name) for name in hashed))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self: Any, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    for method in (__init__, __repr__, __eq__, __hash__, __setattr__, __delattr__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
    for attribute, value in {"__record_fields__": fields, "__match_args__": names,
                             "__dataclass_fields__": _DataclassFields()}.items():
        setattr(cls, attribute, value)
    return cls


def values(item: Any) -> dict[str, Any]:
    """A record's fields and their values, in order: `dataclasses.asdict` for a record
    whose values hold no records, without importing dataclasses."""
    return {name: getattr(item, name) for name in item.__record_fields__}


def _own_annotations(cls: type) -> dict[str, Any]:
    """The class's own annotations, read as dataclasses reads them (strings here, as every
    module starts with `from __future__ import annotations`)."""
    own = cls.__dict__.get("__annotations__")  # noqa: RUF063 - inspect costs 3 ms to import
    if own is None:  # Python 3.14 computes them on demand
        import inspect

        own = inspect.get_annotations(cls)
    return dict(own)
