"""Commands for people who edit a knowledge base: `check`, `tree`, `explain`, `schema`.

`check` prints like check-jsonschema (one `FILE:LINE: KEY: message` line per problem, then
a summary) on stdout and exits 2 on problems, so CI and editors can read it; the other
commands only show the knowledge base, never change it.
"""

from __future__ import annotations

import os
import re
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from engagewiz.cli import common, options
from engagewiz.cli.app import app
from engagewiz.errors import InputError, Problem

if TYPE_CHECKING:
    from engagewiz.core.model import KnowledgeBase


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class TreeFormat(str, Enum):
    rich = "rich"
    mermaid = "mermaid"


class SchemaName(str, Enum):
    answers = "answers"
    questions = "questions"
    mechanisms = "mechanisms"
    texts = "texts"


@app.command()
def check(
    kb: options.KbOption = None,
    format: Annotated[CheckFormat, typer.Option(
        "--format", "-f", help="text (one line per problem) or json.")] = CheckFormat.text,
) -> None:
    """Check the knowledge base: each problem with file and line.

    Exit 2 if there is any problem. Inside a checkout of engagewiz it checks ./data, the
    folder you edit, rather than the installed copy; --kb names another folder. Each
    problem names its file, and a clean run names the folder.
    """
    from engagewiz.kb.load import checkout_data, default_dir

    folder = kb or checkout_data() or default_dir()
    problems, knowledge = run_checks(folder)
    problems = [_relative(p) for p in problems]
    files = len({p.file for p in problems})
    if problems:
        summary = f"{_count(len(problems), 'problem')} in {_count(files, 'file')}"
    else:
        assert knowledge is not None
        summary = (f"ok: the knowledge base at {_shown(str(folder))} passes "
                   f"({_count(len(knowledge.questions), 'question')}, "
                   f"{_count(len(knowledge.routes), 'route')}, "
                   f"{_count(len(knowledge.sources), 'source')})")
    if format is CheckFormat.json:
        data = {"ok": not problems, "summary": summary,
                "problems": [vars(p) for p in problems]}
        common.write_json(data)
    else:
        common.write_output("".join(f"{p}\n" for p in problems) + summary + "\n", None)
    if problems:
        raise typer.Exit(2)


def run_checks(kb_dir: Path | None) -> tuple[list[Problem], KnowledgeBase | None]:
    """The loader's problems if it fails (nothing deeper can run), else the lint's; keys
    written twice either way, first, since a lost key often explains the rest."""
    from engagewiz.authoring.twice import repeated_keys
    from engagewiz.kb.load import default_dir, load_kb

    folder = kb_dir or default_dir()
    try:
        knowledge = load_kb(kb_dir)
    except InputError as exc:
        return repeated_keys(folder) + [_with_hint(p) for p in exc.problems], None
    twice = repeated_keys(folder)  # before the scenarios push these parses out of the memo
    return twice + _deeper(knowledge, kb_dir, folder), knowledge


def _deeper(knowledge: KnowledgeBase, kb_dir: Path | None, folder: Path) -> list[Problem]:
    """What loads but is wrong: the lint, and the scenarios' expectations and headers."""
    from engagewiz.authoring.expect import check_files
    from engagewiz.authoring.lint import lint
    from engagewiz.authoring.scenarios import scenario_problems
    from engagewiz.storage.scenarios import SCENARIOS

    try:
        countries = common.load_countries(kb_dir)
    except InputError as exc:
        return exc.problems
    found = lint(knowledge, folder, countries)
    files = sorted((folder / SCENARIOS).glob("*.yaml"))
    return found + check_files(knowledge, files) + scenario_problems(knowledge, files)


_HINTS = (  # (how a loader message starts, what to add): the fix, for a YAML-only reader
    ("missing required field 'source'", "; every gate, consideration, caution, step and route "
     "names the source that supports it: add `source: KEY` with a key listed under `sources:`"),
    ("missing required field: 'url' or 'symbol'", "; a source names where a reader finds the "
     "official text: url: https://... or symbol: CCPR/C/3/Rev.12 (docs/sources.md)"),
    ("invalid YAML: mapping values are not allowed", "; a text that contains ': ' must be in "
     "quotes, e.g. text: \"Note: ...\""),
    ("file not found", "; a knowledge-base folder holds questions.yaml and mechanisms.yaml "
     "(copy examples/kb-minimal to start one)"),
    ("duplicate question id", "; give each question its own id (answers files and "
     "conditions name questions by id)"),
)
_COMMA_HINT = ("; if this is the end of a text, a comma inside `{...}` cut it: put the text "
               'in quotes, e.g. help: "Prisons, police cells."')
_DUPLICATE_ROUTE = re.compile(r"duplicate route id '(.+)'")


def _with_hint(problem: Problem) -> Problem:
    """Loader messages, completed where they say what is wrong but not where or how."""
    message = problem.message
    hints = [hint for start, hint in _HINTS if message.startswith(start)]
    if message.startswith("unknown field '") and " " in message.split("'")[1]:
        hints.append(_COMMA_HINT)
    found = _DUPLICATE_ROUTE.fullmatch(message)
    if found and problem.key is None and problem.file:
        return _locate_duplicate(problem, Path(problem.file), found.group(1))
    return Problem(message + "".join(hints), problem.file, problem.line, problem.key)


def _locate_duplicate(problem: Problem, file: Path, route_id: str) -> Problem:
    """The loader names a duplicate route without a line; find its second entry."""
    from engagewiz.storage import yamlfile

    raw = yamlfile.load(file)
    ids = [m.get("id") if isinstance(m, dict) else None for m in raw.get("mechanisms") or []]
    if ids.count(route_id) < 2:
        return problem  # made by a template: the message names it, that must do
    first = ids.index(route_id)
    path = ("mechanisms", ids.index(route_id, first + 1), "id")
    return Problem(f"{problem.message} (also at mechanisms[{first}]); give each route its "
                   "own id", problem.file, yamlfile.line_of(file, path), yamlfile.dotted(path))


@app.command()
def tree(
    kb: options.KbOption = None,
    format: Annotated[TreeFormat, typer.Option(
        "--format", "-f", help="rich for the terminal, mermaid for documents and slides."
    )] = TreeFormat.rich,
    section: Annotated[Optional[str], typer.Option(  # noqa: UP045
        help="Show one section only (its id).", show_default=False)] = None,
) -> None:
    """Show the decision tree: each question and when it is asked."""
    from engagewiz.authoring.search import unreachable_questions
    from engagewiz.render import tree as render_tree

    knowledge = common.load_kb(kb)
    if section is not None and section not in {s.id for s in knowledge.sections}:
        raise InputError.one(f"unknown section '{section}'; expected one of "
                             + ", ".join(s.id for s in knowledge.sections), key="--section")
    dead = unreachable_questions(knowledge)
    if format is TreeFormat.mermaid:
        common.write_output(render_tree.mermaid(knowledge, section, unreachable=dead), None)
        return
    from engagewiz.render.terminal import make_console

    make_console(common.plain_wanted(False)).print(
        render_tree.rich_tree(knowledge, section, unreachable=dead))


@app.command()
def explain(
    route_id: Annotated[str, typer.Argument(
        metavar="ID", help="A route's id, or a source's key.")],
    kb: options.KbOption = None,
    format: options.FormatOption = common.Format.rich,
) -> None:
    """Why a route ranks as it does: every rule, weight and source."""
    from engagewiz.authoring.search import Space, max_score
    from engagewiz.render import explain as render_explain

    knowledge = common.load_kb(kb)
    route = knowledge.route(route_id)
    if route is None and route_id in knowledge.sources:
        from engagewiz.cli.info import sources

        sources(route_id, format, kb)  # a key from a result's list of sources
        return
    if route is None:
        raise common.unknown_route(route_id, knowledge)
    data = render_explain.explanation(knowledge, route,
                                      max_score=max_score(route, knowledge, Space(knowledge)))
    if format is common.Format.json:
        common.write_json(data)
        return
    from engagewiz.render.terminal import make_console

    render_explain.render(data, make_console(common.plain_wanted(False)))


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="Which file's schema.")],
    kb: options.KbOption = None,
) -> None:
    """Print a JSON Schema for answers or knowledge-base files."""
    from engagewiz.kb import jsonschemas

    knowledge = common.load_kb(kb) if name is SchemaName.answers else None
    common.write_output(jsonschemas.dump(jsonschemas.schema(name.value, knowledge)), None)


def _relative(problem: Problem) -> Problem:
    return Problem(problem.message, _shown(problem.file) if problem.file else None,
                   problem.line, problem.key)


def _shown(path: str) -> str:
    """A path as the author would type it: relative to here when it is below here."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
