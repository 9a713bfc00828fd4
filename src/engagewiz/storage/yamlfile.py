"""Read YAML and JSON files that may be hostile, once, and find the line of any key in them.

A file is parsed once into a `Document`: its data, plus what is needed to turn a key path
into a line (the YAML nodes, or the JSON text), so reporting a thousand problems costs one
parse, not a thousand. Before anything is built from a file it is checked against limits
(`storage/limits.py`): no explicit tags (`!!float abc`, `!!python/...`), bounded size,
nesting and alias expansion, no control characters, no number of thousands of digits.
Each breach is a message with the file, line and key, never a traceback or a hang.
"""

# Annotations are evaluated as read (no `from __future__ import annotations`): a string
# annotation of a NamedTuple field is compiled, and the first compile() of a process costs a
# scripted run 9 million instructions (tests/test_scripted_path.py).

import json
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from engagewiz.errors import InputError, KeyPath, Problem
from engagewiz.storage import limits
from engagewiz.storage.readfile import read_text

try:
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined,assignment,unused-ignore]
except AttributeError:  # PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader that keeps an impossible date such as 2026-02-30 as text.

    PyYAML raises a bare ValueError with no line for it; as text, the answers check
    reports it like any other bad date, with the file, line and key.
    """

    _STARTS = frozenset(_Base.yaml_implicit_resolvers)  # first characters of non-texts

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        """PyYAML's tag, without its search for a text: a quoted value, or a plain one whose
        first character starts no other type, is text. libyaml calls this for every value:
        the search took a third of composing mechanisms.yaml."""
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers and (
                not implicit[0] or (value and value[0] not in self._STARTS)):
            return _STR
        return str(super().resolve(kind, value, implicit))

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


class Duplicate(NamedTuple):
    """A key given twice in one mapping: the second one counts, as in YAML and JSON."""

    keys: KeyPath
    first: int | None
    second: int | None


class Document:
    """One parsed file: its data, and the lines of its keys without parsing it again."""

    def __init__(self, path: Path, data: Any, duplicates: list[Duplicate],
                 root: yaml.Node | None = None, text: str = "") -> None:
        self.path, self.data, self.duplicates = path, data, duplicates
        self._root, self._text = root, text
        self._index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def line(self, keys: KeyPath) -> int | None:
        """The 1-based line where the value at `keys` starts, or the nearest parent's line."""
        if self._root is None:
            return limits.json_lines(self._text, keys)[-1] if self._text else None
        node = self._root
        line = node.start_mark.line + 1
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                found = self._members(node).get(str(key))
                if found is None:
                    return line
                line = found[0].start_mark.line + 1
                node = found[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) \
                    and 0 <= key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def _members(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """A mapping's keys, indexed once: a lookup is then constant time."""
        index = self._index.get(id(node))
        if index is None:
            index = {str(k.value): (k, v) for k, v in node.value
                     if isinstance(k, yaml.ScalarNode)}
            self._index[id(node)] = index
        return index


_RECENT: OrderedDict[tuple[Any, ...], Document] = OrderedDict()
_RECENT_MAX = 6  # questions, mechanisms, texts, places, countries, an answers file


def document(path: Path, limit: limits.Limits = limits.KB_FILE) -> Document:
    """The file parsed and checked, from a small memo when it has not changed since."""
    try:
        st = os.stat(path)
        stamp: tuple[Any, ...] | None = (str(path), limit, st.st_dev, st.st_ino, st.st_size,
                                         st.st_mtime_ns)
    except (OSError, ValueError):
        stamp = None  # read_text says what is wrong with it
    if stamp is not None and stamp in _RECENT:
        _RECENT.move_to_end(stamp)
        return _RECENT[stamp]
    text = read_text(path, limit.bytes)
    doc = _json(path, text, limit.values) if path.suffix == ".json" else _yaml(path, text,
                                                                               limit.values)
    if stamp is not None:
        _RECENT[stamp] = doc
        while len(_RECENT) > _RECENT_MAX:
            _RECENT.popitem(last=False)
    return doc


def load(path: Path, limit: limits.Limits = limits.KB_FILE) -> Any:
    """Load a YAML (or JSON) file; every problem names the file, line and key."""
    return document(path, limit).data


def line_of(path: Path, keys: KeyPath) -> int | None:
    """The line of `keys` in a file already loaded (no second parse), or None."""
    for doc in reversed(_RECENT.values()):
        if doc.path == path:
            return doc.line(keys)
    try:
        return document(path).line(keys)
    except InputError:
        return None


def _raise(path: Path, found: list[limits.Found]) -> None:
    if found:
        shown = found[:limits.PROBLEMS_SHOWN]
        problems = [Problem(message, str(path), line, dotted(keys) or None)
                    for keys, line, message in shown]
        if len(found) > len(shown):
            problems.append(Problem(f"and {len(found) - len(shown)} more problems of this "
                                    "kind", str(path)))
        raise InputError(problems)


def _yaml(path: Path, text: str, most: int) -> Document:
    if limits.rough_node_count(text) > most:
        _raise(path, limits.count_events(text, _Loader, most))
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return Document(path, None, [], None)
        found, duplicates = limits.check_nodes(root, loader, most, text)
        _raise(path, found)
        return Document(path, _construct(root, loader), duplicates, root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = f" (column {mark.column + 1})" if mark else ""
        raise InputError.one(f"invalid YAML: {exc.problem or exc}{col}", str(path), line) from None
    except yaml.YAMLError as exc:
        raise InputError.one(f"invalid YAML: {exc}", str(path)) from None
    finally:
        loader.dispose()


class _Unusual(Exception):
    """A merge key (`<<`) or a key that is a list or mapping: PyYAML builds the document."""


_STR, _MAP, _SEQ = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:map",
                    "tag:yaml.org,2002:seq")


def _construct(root: yaml.Node, loader: Any) -> Any:
    """The data of checked nodes, as PyYAML's `construct_document` makes it, in a third of
    its time (texts, lists and mappings built here: a third of `check` went on PyYAML's
    general constructor). Anything else is PyYAML's: other scalars, and whole documents
    with a merge key. `check_nodes` has bounded the nesting and refused cyclic aliases."""
    built: dict[int, Any] = {}  # an alias gives the anchor's object, as in PyYAML

    def value(node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else loader.construct_object(node)
        if id(node) in built:
            return built[id(node)]
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            items: list[Any] = []
            built[id(node)] = items
            items.extend(value(child) for child in node.value)
            return items
        if not isinstance(node, yaml.MappingNode) or node.tag != _MAP:
            raise _Unusual
        mapping: dict[Any, Any] = {}
        built[id(node)] = mapping
        for key, child in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                raise _Unusual
            mapping[value(key)] = value(child)
        return mapping

    try:
        return value(root)
    except _Unusual:
        return loader.construct_document(root)


def _json(path: Path, text: str, most: int) -> Document:
    pairs = limits.JsonPairs()
    try:
        data = json.loads(text, object_pairs_hook=pairs,
                          parse_int=limits.json_int, parse_constant=limits.json_constant)
    except json.JSONDecodeError as exc:
        raise InputError.one(f"invalid JSON: {exc.msg} (column {exc.colno})", str(path),
                             exc.lineno) from None
    except limits.LimitError as exc:
        raise InputError.one(str(exc), str(path)) from None
    except RecursionError:
        raise InputError.one(f"nested more than {limits.MAX_DEPTH} levels deep",
                             str(path)) from None
    found, duplicates = limits.check_json(data, pairs, text, most)
    _raise(path, found)
    return Document(path, data, duplicates, None, text)


def dotted(keys: KeyPath) -> str:
    """`mechanisms[3].gates[0].rule`: how a key path is shown to an author."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out
