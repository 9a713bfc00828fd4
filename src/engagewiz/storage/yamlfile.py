"""Read YAML and JSON files fast, and find the line of a key only when an error needs it.

Parsing with node marks costs several times more than a plain load, so the happy path uses
the C loader and an error re-reads the file to turn a key path into a line number.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from engagewiz.errors import InputError

try:
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined,assignment,unused-ignore]
except AttributeError:  # PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader that keeps an impossible date such as 2026-02-30 as text.

    PyYAML raises a bare ValueError with no line for it; as text, the answers check
    reports it like any other bad date, with the file, line and key.
    """

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)

PathKey = tuple[str | int, ...]


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError.one("file not found", str(path)) from None
    except IsADirectoryError:
        raise InputError.one("is a folder, expected a YAML or JSON file", str(path)) from None
    except UnicodeDecodeError:
        raise InputError.one("not UTF-8 text", str(path)) from None
    except OSError as exc:
        raise InputError.one(f"cannot read: {exc.strerror}", str(path)) from None


def load(path: Path) -> Any:
    """Load a YAML (or JSON, which is YAML) file; syntax errors name the line and column."""
    text = read_text(path)
    if path.suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError.one(
                f"invalid JSON: {exc.msg} (column {exc.colno})", str(path), exc.lineno
            ) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = f" (column {mark.column + 1})" if mark else ""
        raise InputError.one(f"invalid YAML: {exc.problem or exc}{col}", str(path), line) from None
    except yaml.YAMLError as exc:
        raise InputError.one(f"invalid YAML: {exc}", str(path)) from None


def line_of(path: Path, keys: PathKey) -> int | None:
    """The 1-based line where the value at `keys` starts, or the nearest parent's line."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError):
        return None
    line = node.start_mark.line + 1 if node else None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            found = next((kv for kv in node.value if kv[0].value == key), None)
            if found is None:
                return line
            line = found[0].start_mark.line + 1
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            if key >= len(node.value):
                return line
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def dotted(keys: PathKey) -> str:
    """`mechanisms[3].gates[0].rule`: how a key path is shown to an author."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out
