"""A plain `engagewiz assess ...` run without typer: its command line read with the
grammar typer made of the command's own options.

Why: importing typer and building the command was a fifth of a scripted run's
instructions (about 100 million of 535), as much as everything it does after reading its
answers. The options stay declared once, for typer, in `cli/assess.py`; what this module
reads is derived from them.

How: when the grammar is not cached (the first run after an install or an edit), typer
builds the command as it would anyway, and `grammar_of` keeps what it made of each option:
its names, its kind (a path, a text, a choice, a flag), its default and its environment
variable. The grammar is cached like the knowledge base (`kb/cache.py`: JSON checked on
reading, keyed by every module of the package, and here by typer's own), so an edit of
an option or an upgrade of typer makes it again. A later run parses a command line with
it, but only a plain one: `assess` followed by options it knows, each given once, as
`--name VALUE`, `--name=VALUE`, `-n VALUE` or a flag, no value empty or starting with "-".
Anything else (`--help`, an unknown or repeated option, a missing value, another
command) goes to typer, which answers with its own message and exit code. What this
module takes, it gives `cli/assessing.assess` the values typer would have given, and it
ends the run as typer's `main` would (tests/test_scripted.py holds the two together).
"""

from __future__ import annotations

import errno
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typer._click import Command

COMMAND = "assess"
KINDS = ("path", "text", "choice", "flag")
# The path checks a typer path option makes by default (TyperPath): only these are read.
PLAIN_PATH = {"exists": False, "file_okay": True, "dir_okay": True, "writable": False,
              "resolve_path": False, "allow_dash": False}
Grammar = list[dict[str, Any]]


def run(args: list[str]) -> bool:
    """Run `engagewiz ARGS` if it is a plain `assess` (raising SystemExit as typer does);
    False when typer must read it."""
    if not args or args[0] != COMMAND or os.environ.get("_ENGAGEWIZ_COMPLETE"):
        return False  # typer's shell completion answers when that variable is set
    grammar = load_grammar()
    given = parse(args[1:], grammar) if grammar else None
    if given is None:
        return False
    from engagewiz.cli.assessing import assess

    values = convert(grammar, given) if grammar else None
    if values is None:
        return False
    try:
        assess(**values)
    except EOFError:  # as typer.core._main ends a run
        print("\nAborted!", file=sys.stderr)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        from typer._click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)
        sys.stderr = PacifyFlushWrapper(sys.stderr)
        raise SystemExit(1) from None
    raise SystemExit(0)


def parse(args: list[str], grammar: Grammar) -> dict[str, str | bool] | None:
    """The options given, by parameter name (text, or True/False for a flag); None unless
    every argument is a known option, given once, in a plain form."""
    options: dict[str, tuple[dict[str, Any], bool]] = {}
    for entry in grammar:
        options.update({name: (entry, True) for name in entry["opts"]})
        options.update({name: (entry, False) for name in entry["off"]})
    given: dict[str, str | bool] = {}
    rest = iter(args)
    for arg in rest:
        name, equals, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in options:
            return None
        entry, on = options[name]
        if entry["name"] in given or (equals and entry["kind"] == "flag"):
            return None
        value: str | bool | None = on if entry["kind"] == "flag" else (
            inline if equals else next(rest, None))
        if value is None or value == "" or (type(value) is str and value.startswith("-")):
            return None
        given[entry["name"]] = value
    return given


def convert(grammar: Grammar, given: dict[str, str | bool]) -> dict[str, Any] | None:
    """Every parameter's value as typer passes it: from the command line, else the
    environment variable (unless empty), else the default; None where typer would refuse
    the value (a choice it does not offer, a path it cannot read) or reads it its own way
    (a flag from an environment variable: "0", "no", "off"...)."""
    values: dict[str, Any] = {}
    for entry in grammar:
        name, kind = entry["name"], entry["kind"]
        raw = given.get(name)
        if raw is None and entry["envvar"]:
            raw = os.environ.get(entry["envvar"]) or None
        if kind == "flag":
            if type(raw) is str:
                return None
            values[name] = entry["default"] if raw is None else raw
        elif kind == "text":
            values[name] = raw if raw is not None else entry["default"]
        elif kind == "path":
            if raw is not None and not _readable(str(raw), entry["readable"]):
                return None
            values[name] = None if raw is None else Path(str(raw))
        else:
            choice = entry["default"] if raw is None else raw
            enum = _enum(entry["enum"])
            if enum is None or choice not in entry["choices"]:
                return None
            values[name] = enum(choice)
    return values


def _readable(path: str, readable: bool) -> bool:
    """TyperPath's check: a path that exists must be readable (a missing one is the
    command's to report)."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return True
    return not readable or os.access(path, os.R_OK)


def _enum(name: str) -> Any:
    """The Enum class `module:Class` of an engagewiz module already imported, else None."""
    from enum import Enum

    module, _, qualname = name.partition(":")
    found = getattr(sys.modules.get(module) if module.startswith("engagewiz.") else None,
                    qualname, None)
    return found if isinstance(found, type) and issubclass(found, Enum) else None


def load_grammar() -> Grammar | None:
    """The grammar of `assess`: cached, else made by typer (and cached)."""
    from engagewiz.kb.cache import cached

    spec = importlib.util.find_spec("typer")
    files = [Path(spec.origin)] if spec and spec.origin else []
    return cached("commands", files, _build, _encode, _decode)


def _build() -> Grammar | None:
    import typer.main
    from typer._click import Context

    from engagewiz.cli.app import app

    group = typer.main.get_command(app)
    command = getattr(group, "get_command")(Context(group), COMMAND)  # noqa: B009
    return grammar_of(command) if command is not None else None


def grammar_of(command: Command) -> Grammar | None:
    """What typer made of each option of `command`; None if one is of a kind this module
    does not read as typer would (then typer reads every command line)."""
    grammar = [_entry(p) for p in command.params]
    return None if None in grammar else grammar  # type: ignore[return-value]


def _entry(p: Any) -> dict[str, Any] | None:
    from enum import Enum

    kind, default = type(p.type).__name__, p.default
    if (p.param_type_name != "option" or p.multiple or p.nargs != 1 or p.count
            or p.callback is not None or p.required or not p.expose_value or p.is_eager
            or p.prompt is not None or not isinstance(p.envvar, (str, type(None)))):
        return None
    entry = {"name": p.name, "opts": list(p.opts), "off": list(p.secondary_opts),
             "envvar": p.envvar}
    if p.is_flag:
        return {**entry, "kind": "flag", "default": default} if (
            p.is_bool_flag and type(default) is bool) else None
    if entry["off"]:
        return None
    if kind == "TyperPath" and default is None and p.type.type is None and all(
            bool(getattr(p.type, key)) is value for key, value in PLAIN_PATH.items()):
        return {**entry, "kind": "path", "default": None, "readable": bool(p.type.readable)}
    if kind == "StringParamType" and (default is None or type(default) is str):
        return {**entry, "kind": "text", "default": default}
    if kind == "TyperChoice" and p.type.case_sensitive and isinstance(default, Enum):
        values = [m.value for m in type(default)]
        if [getattr(c, "value", c) for c in p.type.choices] == values:
            return {**entry, "kind": "choice", "default": default.value, "choices": values,
                    "enum": f"{type(default).__module__}:{type(default).__qualname__}"}
    return None


def _encode(grammar: Grammar | None) -> bytes:
    return json.dumps(grammar).encode("ascii")


# what each kind of option holds besides its name, names and environment variable
FIELDS: dict[str, dict[str, Any]] = {
    "flag": {"default": bool}, "text": {"default": (str, type(None))},
    "path": {"default": type(None), "readable": bool},
    "choice": {"default": str, "choices": list, "enum": str}}


def _decode(payload: bytes) -> Grammar | None:
    """The cached grammar, checked entry by entry; ValueError for anything else."""
    grammar = json.loads(payload)
    if grammar is None:
        return None
    if type(grammar) is not list:
        raise ValueError("not a grammar")
    for entry in grammar:
        kind = entry.get("kind") if type(entry) is dict else None
        if kind not in FIELDS or set(entry) != {"name", "opts", "off", "envvar", "kind",
                                                 *FIELDS[kind]}:
            raise ValueError("not an option")
        names = [n for key in ("opts", "off") if type(entry[key]) is list for n in entry[key]]
        if (type(entry["name"]) is not str or not entry["opts"]
                or len(names) != len(entry["opts"]) + len(entry["off"])
                or not all(type(n) is str and n.startswith("-") for n in names)
                or not isinstance(entry["envvar"], (str, type(None)))
                or not all(isinstance(entry[k], t) for k, t in FIELDS[kind].items())
                or not all(type(c) is str for c in entry.get("choices", []))):
            raise ValueError("not an option")
    return grammar
