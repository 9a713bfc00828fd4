"""The limits a file must keep before anything is built from it, checked in one pass.

Any input, valid or not, must be answered within a second and 100 MiB. A YAML file is
first composed into nodes (libyaml, fast, bounded to 1,000 levels by libyaml itself);
`check_nodes` then walks them once, without recursion, for what would make building the
data slow, unsafe or crash: explicit tags (`!!float abc` raises deep in PyYAML,
`!!python/...` is refused anyway), aliases that expand a 400-byte file into gigabytes,
nesting deeper than the files need, numbers Python cannot print (over 4,300 digits), and
control characters (an ESC in a route name reaches every terminal that shows it).
JSON gets the same checks on its data. Each finding is (key path, line, message).
"""

# Annotations are evaluated as read (no `from __future__ import annotations`): a string
# annotation of a NamedTuple field is compiled, and the first compile() of a process costs a
# scripted run 9 million instructions (tests/test_scripted_path.py).

import contextlib
import gc
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import yaml

from engagewiz.storage.readfile import KiB, MiB
from engagewiz.textsafe import CONTROL, first_control


class Limits(NamedTuple):
    """How large a kind of file may be: bytes read, values once aliases are expanded."""

    bytes: int
    values: int


# questions.yaml and mechanisms.yaml: 34 KB and 217 KB today, 1,500 and 10,000 values
KB_FILE = Limits(1 * MiB, 40_000)
COUNTRIES = Limits(4 * MiB, 200_000)  # countries.json: 400 KB and 23,000 values today
ANSWERS = Limits(256 * KiB, 5_000)    # an answers file: 1 KB (22 KB with `template`'s comments)
MAX_DEPTH = 40                 # nesting levels (mechanisms.yaml: 12)
MAX_DIGITS = 30                # digits of a number (no answer or rule needs more than 4)
PROBLEMS_SHOWN = 20            # findings of this kind listed before "and N more"
SHOWN_KEYS = 6                 # keys of a path named where it is too deep to show whole

Found = tuple[tuple[str | int, ...], "int | None", str]
_MAP, _SEQ, _INT = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:int"


class LimitError(ValueError):
    """A limit broken while parsing JSON, where there is no line to give."""


def rough_node_count(text: str) -> int:
    """An upper bound of the nodes a YAML text can compose to, without parsing it.

    Every node but the first is introduced by a `:`, `,`, `-`, `?`, `[` or `{`, and at most
    two per mark (a key and its value). Prose overestimates it: only past the limit is
    `count_events` (exact, streaming, little memory) run before composing.
    """
    return 1 + text.count("-") + 2 * sum(text.count(c) for c in ":,?[{")


def count_events(text: str, loader: type[yaml.SafeLoader], most: int) -> list[Found]:
    """Whether the text composes to at most `most` values, streaming (little memory)."""
    count = 0
    for count, _event in enumerate(yaml.parse(text, Loader=loader), 1):
        if count > 2 * most:  # a value is one event, a list or mapping two
            break
    return [] if count <= 2 * most else [((), 1, _too_many(most))]


def _too_deep() -> str:
    return f"nested more than {MAX_DEPTH} levels deep"


def _too_many(most: int) -> str:
    return f"more than {most:,} values; a file this large is not one engagewiz reads"


def _scalar_problem(value: str, tag: str, controls: bool = True) -> str | None:
    if tag == _INT and len(value.lstrip("+-").replace("_", "")) > MAX_DIGITS:
        return f"a number of more than {MAX_DIGITS} digits"
    control = first_control(value) if controls else None
    if control:
        return (f"contains a control character ({control}); remove it (only tabs and line "
                "breaks are allowed in text)")
    return None


_STR = "tag:yaml.org,2002:str"
_SAFE_TAGS = (_STR, "tag:yaml.org,2002:merge")


def _explicit_tag(node: yaml.Node, loader: Any) -> str | None:
    """The tag written on a node, when it differs from what the node would be without it.

    A text is harmless whatever its tag (`!!str 12` is the text "12"), so only other
    scalars are resolved again, which is the expensive part.
    """
    if node.tag in _SAFE_TAGS:
        return None
    if isinstance(node, yaml.ScalarNode):
        plain = node.style in (None, "")
        implicit = loader.resolve(yaml.ScalarNode, node.value, (plain, not plain))
    else:
        implicit = _MAP if isinstance(node, yaml.MappingNode) else _SEQ
    return None if node.tag == implicit else str(node.tag).replace("tag:yaml.org,2002:", "!!")


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Many small objects and no cycles to collect: the collector would only slow it down."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def check_nodes(root: yaml.Node, loader: Any, most: int,
                text: str) -> tuple[list[Found], list[Any]]:
    """Findings and duplicate keys, from one walk over the composed nodes (each visited
    once: an alias is a second reference to the same node). What the text cannot hold is
    not looked for: no `!` means no tag, no backslash or control character means no
    control character in any value."""
    with _no_gc():
        return _walk(root, loader, most, "!" in text,
                     "\\" in text or CONTROL.search(text) is not None)


# a key path as a chain (parent chain, key): cheap to extend, made a tuple only when shown
Chain = tuple[Any, str | int] | tuple[()]


def _keys(chain: Chain) -> tuple[str | int, ...]:
    out: list[str | int] = []
    while chain:
        chain, key = chain
        out.append(key)
    return tuple(reversed(out))


def _walk(root: yaml.Node, loader: Any, most: int, tags: bool,
          controls: bool) -> tuple[list[Found], list[Any]]:
    found: list[Found] = []
    duplicates: list[Any] = []
    size: dict[int, int] = {}    # values below and including a node, aliases expanded
    height: dict[int, int] = {}  # nesting levels
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, Chain, list[tuple[Chain, yaml.Node]] | None]] = [
        (root, (), None)]
    while stack:
        node, chain, done = stack.pop()
        key = id(node)
        if done is not None:  # every child measured: measure the node
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(c)] for _, c in done)
            height[key] = 1 + max((height[id(c)] for _, c in done), default=0)
            if size[key] > most:
                return [((), 1, _too_many(most) + " (aliases expand it)")], duplicates
            if height[key] > MAX_DEPTH:
                return [(_keys(chain)[:SHOWN_KEYS], node.start_mark.line + 1, _too_deep())], []
            continue
        if key in size:
            continue
        line = node.start_mark.line + 1
        if key in open_nodes:
            return [(_keys(chain), line, "an alias refers to a value that contains it")], []
        tag = _explicit_tag(node, loader) if tags else None
        if tag:
            found.append((_keys(chain), line,
                          f"explicit tag {tag} is not allowed; write the value without it"))
        if isinstance(node, yaml.ScalarNode):
            size[key] = height[key] = 1
            problem = _scalar_problem(node.value, node.tag, controls)
            if problem:
                found.append((_keys(chain), line, problem))
            continue
        children = _children(node, chain)
        if isinstance(node, yaml.MappingNode):
            duplicates += _twice(node, chain)
        open_nodes.add(key)
        stack.append((node, chain, children))
        stack.extend((child, sub, None) for sub, child in reversed(children)
                     if id(child) not in size)
    return found, duplicates


def _twice(node: yaml.MappingNode, chain: Chain) -> list[Any]:
    from engagewiz.storage.yamlfile import Duplicate

    seen: dict[str, int] = {}
    out = []
    for k, _v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.tag != "tag:yaml.org,2002:merge":
            line = k.start_mark.line + 1
            if k.value in seen:
                out.append(Duplicate((*_keys(chain), k.value), seen[k.value], line))
            seen[k.value] = line
    return out


def _children(node: yaml.Node, chain: Chain) -> list[tuple[Chain, yaml.Node]]:
    if isinstance(node, yaml.SequenceNode):
        return [((chain, i), child) for i, child in enumerate(node.value)]
    out: list[tuple[Chain, yaml.Node]] = []
    for k, v in node.value:
        sub = (chain, str(k.value) if isinstance(k, yaml.ScalarNode) else "?")
        out += [(sub, k), (sub, v)]
    return out


# -- JSON ------------------------------------------------------------------------------------


class JsonPairs:
    """json's object_pairs_hook: a dict as usual, noting the keys given twice in it."""

    def __init__(self) -> None:
        # id -> (the object, kept alive so no other object takes its id; its twice-given keys)
        self.twice: dict[int, tuple[dict[str, Any], list[str]]] = {}

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) < len(pairs):
            names = [k for k, _ in pairs]
            self.twice[id(out)] = (out, list(dict.fromkeys(k for k in names
                                                          if names.count(k) > 1)))
        return out


def json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise LimitError(f"a number of more than {MAX_DIGITS} digits")
    return int(text)


def json_constant(name: str) -> float:
    raise LimitError(f"{name} is not a number JSON allows")


# a JSON escape that can make a control character: a walk over the strings is needed
_ESCAPED_CONTROL = re.compile(
    r"\\([bfr]|u(00[01]|007f|008|009|d[89a-f]|fff[ef]|202[a-e]|206[6-9]))", re.IGNORECASE)


def check_json(data: Any, pairs: JsonPairs, text: str, most: int) -> tuple[list[Found],
                                                                           list[Any]]:
    """The checks of `check_nodes` on parsed JSON (which has no aliases or tags). Strings
    are read only when the text has a control character or an escape that makes one."""
    from engagewiz.storage.yamlfile import Duplicate

    strings = bool(CONTROL.search(text) or _ESCAPED_CONTROL.search(text))
    found: list[tuple[tuple[str | int, ...], str]] = []
    duplicates: list[Duplicate] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    count = 0
    while stack:
        value, path = stack.pop()
        count += 1
        if len(path) >= MAX_DEPTH or count > most:
            found = [(path[:SHOWN_KEYS], _too_deep() if count <= most else _too_many(most))]
            break
        if isinstance(value, str):
            problem = _scalar_problem(value, "", strings)
            if problem:
                found.append((path, problem))
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
        elif isinstance(value, dict):
            for name in pairs.twice.get(id(value), (None, []))[1]:
                lines = json_lines(text, (*path, name))
                duplicates.append(Duplicate((*path, name), lines[0], lines[-1]))
            for k, v in value.items():
                problem = _scalar_problem(k, "", strings)
                if problem:
                    found.append(((*path, k), problem))
                stack.append((v, (*path, k)))
    # lines cost a pass each: only for the findings that are shown
    return [(p, json_lines(text, p)[-1] if i < PROBLEMS_SHOWN else None, message)
            for i, (p, message) in enumerate(found)], duplicates


_scan: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_skip_value = json.JSONDecoder().raw_decode


def _skip(text: str, pos: int) -> int:
    """The position after any white space at `pos`."""
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def json_lines(text: str, keys: tuple[str | int, ...]) -> list[int]:
    """The lines of every member named by the last of `keys` (a key given twice has two),
    or of the nearest parent found. The text is valid JSON already: one pass at most."""
    pos = _skip(text, 0)
    found = [pos]
    try:
        for key in keys:
            starts: list[int] = []
            value = pos
            if text.startswith("{", pos) and isinstance(key, str):
                pos = _skip(text, pos + 1)
                while text[pos] == '"':
                    name, after = _scan(text, pos + 1)
                    start, after = pos, _skip(text, _skip(text, after) + 1)
                    if name == key:
                        starts.append(start)
                        value = after
                    pos = _skip(text, _skip_value(text, after)[1])
                    pos = _skip(text, pos + 1) if text[pos] == "," else pos
            elif text.startswith("[", pos) and isinstance(key, int):
                pos = _skip(text, pos + 1)
                for _ in range(key):
                    pos = _skip(text, _skip_value(text, pos)[1])
                    pos = _skip(text, pos + 1)
                if text[pos] != "]":
                    starts, value = [pos], pos
            if not starts:
                break
            found, pos = starts, value
    except (ValueError, IndexError):
        pass
    return [text.count("\n", 0, p) + 1 for p in found]
