"""Workshop commands: `demo` plays a bundled scenario, `compare` shows what one answer changes.

Trainers run these in front of a room: the demo walks the interview one answer at a time
(Enter to advance, or --auto) and ends with a short result; compare puts two assessments
side by side with the reason for every move, so "what if the risk were high?" gets an
answer in seconds (`--set reprisal_risk=high`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from engagewiz.cli import common
from engagewiz.cli.app import app
from engagewiz.cli.common import escape
from engagewiz.errors import InputError
from engagewiz.storage.scenarios import find_scenario, scenario_dir, scenarios
from engagewiz.textsafe import quoted, visible

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console

    from engagewiz.core.model import KnowledgeBase, Question
    from engagewiz.core.results import Assessment
    from engagewiz.kb.countries import CountryData

MAX_DELAY = 60.0  # seconds; also keeps out nan and inf, which time.sleep refuses


@app.command()
def demo(
    name: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[NAME]", help="The scenario to play; leave out to list them.",
        show_default=False)] = None,
    auto: Annotated[bool, typer.Option(help="Play without waiting for Enter.")] = False,
    delay: Annotated[float, typer.Option(help="Seconds between answers with --auto.",
                                         min=0, max=MAX_DELAY)] = 0.0,
    top: Annotated[int, typer.Option(help="Routes shown in the result.", min=1)] = 3,
    plain: common.PlainOption = False,
    kb: common.KbOption = None,
    today: common.TodayOption = None,
) -> None:
    """Play a workshop scenario, screen by screen, for a room."""
    from engagewiz.render.terminal import make_console

    if not 0 <= delay <= MAX_DELAY:  # nan fails both comparisons
        raise InputError.one(f"expected seconds from 0 to {MAX_DELAY:g}, found {delay}",
                             key="--delay")
    plain = common.plain_wanted(plain)
    console = make_console(plain)
    if name is None:
        _list(console, kb)
        return
    scenario = find_scenario(name, kb)
    knowledge, countries, day = common.load_kb(kb), common.load_countries(kb), common.today(today)
    answers = _load(scenario.path, knowledge, countries, day)
    wait = _Pacer(console, auto or not sys.stdin.isatty(), delay)
    console.rule(f"[bold]{escape(scenario.title)}[/bold]")
    console.print(escape(scenario.description))
    _play(console, knowledge, answers, countries, day, wait)
    from engagewiz.core.engine import assess
    from engagewiz.core.qids import REPRISAL_RISK
    from engagewiz.render.terminal import render

    result = assess(knowledge, answers, today=day, countries=countries)
    render(result, knowledge, console, top=top, plain=plain, compact=True)
    flip = "low" if answers.get(REPRISAL_RISK) == "high" else "high"
    console.print(f"\nWhat if? engagewiz compare {scenario.name} --set {REPRISAL_RISK}={flip}\n"
                  f"Plan:    engagewiz assess --answers {_short(scenario.path)} "
                  "--output plan.html", style="dim")


def _short(path: Path) -> str:
    """The path relative to the working folder when it is inside it: easier to read aloud."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _list(console: Console, kb_dir: Path | None) -> None:
    from rich.text import Text

    from engagewiz.render.layout import Indented

    found = scenarios(kb_dir)
    if not found:
        console.print(f"No scenarios in {scenario_dir(kb_dir)}.")
        return
    console.print("[bold]Workshop scenarios[/bold]  (play one: engagewiz demo NAME)\n")
    for s in found:
        drawn = s.description[s.description.find("Drawn from"):] if "Drawn from" in (
            s.description) else ""
        console.print(f"[bold cyan]{escape(s.name)}[/bold cyan]")
        console.print(Indented(Text(s.title), 2))
        if drawn:
            console.print(Indented(Text(drawn, style="dim"), 2))
    console.print("\nAdd --auto to play without pressing Enter; compare two with "
                  "'engagewiz compare A B' or 'engagewiz compare A --set key=value'.")


class _Pacer:
    """Waits for Enter at a terminal; 's' plays the rest without stopping, 'q' quits."""

    def __init__(self, console: Console, auto: bool, delay: float) -> None:
        self.console, self.auto, self.delay = console, auto, delay

    def __call__(self) -> None:
        if self.auto:
            if self.delay:
                time.sleep(self.delay)
            return
        try:
            key = input("  [Enter] next  [s] skip to the result  [q] quit ").strip().lower()
        except EOFError:
            key = "s"
        if key == "q":
            raise typer.Exit(0)
        if key == "s":
            self.auto, self.delay = True, 0.0


def _play(console: Console, kb: KnowledgeBase, answers: dict[str, Any],
          countries: CountryData | None, day: date, wait: _Pacer) -> None:
    """Questions in interview order; facts from the country data are shown as one group."""
    from engagewiz.core import interview
    from engagewiz.core.prefill import with_country_facts

    filled = with_country_facts(kb, answers, countries, day)
    asked = [q for q in interview.applicable(kb, filled.answers) if q.id in filled.answers]
    own = sum(1 for q in asked if q.id in answers)
    titles = {s.id: s.title for s in kb.sections}
    section, number = "", 0
    facts: list[tuple[str, str, str]] = []
    for q in asked:
        if q.section != section:
            section = q.section
            _facts(console, facts, filled.provenance, wait)
            facts = []
            console.print()
            console.rule(f"[bold]{escape(titles.get(q.section, q.section))}[/bold]",
                         align="left", style="dim")
        if q.id not in answers:
            facts.append((q.text, q.label(filled.answers[q.id]), q.id))
            continue
        number += 1
        shown = _shown(q, filled.answers[q.id], countries)
        console.print(f"\n[dim]Question {number} of {own}[/dim]\n[bold]{escape(q.text)}"
                      f"[/bold]\n[bold cyan]-> {escape(shown)}[/bold cyan]")
        wait()
    _facts(console, facts, filled.provenance, wait)


def _shown(q: Question, value: Any, countries: CountryData | None) -> str:
    """A country answer reads as its name ("Georgia"), anything else as its choice label."""
    if q.type == "country" and countries is not None:
        found = countries.get(str(value))
        if found is not None:
            return found.name
    return q.label(value)


def _facts(console: Console, facts: list[tuple[str, str, str]], provenance: dict[str, str],
           wait: _Pacer) -> None:
    """The State's ratifications in one step: the room needs the picture, not 20 pauses."""
    if not facts:
        return
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, style="bold cyan")
    for text, label, _qid in facts:
        grid.add_row(escape(text), escape(label))
    where = provenance.get(facts[0][2], "")
    console.print(f"\n[bold]From the country data[/bold] [dim]{escape(where)}[/dim]")
    console.print(grid)
    wait()


def _load(path: Path, kb: KnowledgeBase, countries: CountryData | None,
          day: date) -> dict[str, Any]:
    from engagewiz.core import interview
    from engagewiz.storage.answers import load_answers

    return interview.effective(kb, load_answers(path, kb, common.resolver(countries), day))


# -- compare ----------------------------------------------------------------------------------


@app.command()
def compare(
    first: Annotated[str, typer.Argument(
        metavar="A", help="An answers file or a scenario name.", show_default=False)],
    second: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[B]", help="Another answers file or scenario; leave out to use A with --set.",
        show_default=False)] = None,
    set_: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--set", help="Change one answer of B (or of A when B is left out): KEY=VALUE; "
        "multiple choices as KEY=a,b; KEY= forgets the answer. Repeatable.",
        show_default=False)] = None,
    top: Annotated[int, typer.Option(help="Routes shown side by side.", min=1)] = 3,
    full: Annotated[bool, typer.Option(
        "--full", help="Every answer that differs and every reason of every move; without "
        "it, a summary that fits the screen.")] = False,
    format: common.FormatOption = common.Format.rich,
    plain: common.PlainOption = False,
    kb: common.KbOption = None,
    today: common.TodayOption = None,
) -> None:
    """What changes between two sets of answers, and why."""
    from engagewiz.core.compare import compare as diff
    from engagewiz.core.engine import assess
    from engagewiz.render import compare as view
    from engagewiz.render.terminal import make_console

    if second is None and not set_:
        raise InputError.one("give a second answers file or scenario, or --set KEY=VALUE",
                             key="B")
    knowledge, countries, day = common.load_kb(kb), common.load_countries(kb), common.today(today)
    path_a = _answers_path(first, kb)
    path_b = _answers_path(second, kb) if second else path_a
    answers_a = _load(path_a, knowledge, countries, day)
    answers_b = _apply(_load(path_b, knowledge, countries, day), set_ or [], knowledge,
                       countries, day)
    label_b = (Path(second).stem if second else Path(first).stem) + (
        " + " + ", ".join(set_) if set_ else "")
    results: list[Assessment] = []
    for label, answers in ((Path(first).stem, answers_a), (label_b, answers_b)):
        _warn_missing(label, answers, knowledge, countries, day)
        results.append(assess(knowledge, answers, today=day, countries=countries))
    comparison = diff(results[0], results[1], knowledge)
    if format is common.Format.json:
        common.write_json(view.to_dict(comparison))
        return
    plain = common.plain_wanted(plain)
    view.render(comparison, make_console(plain), labels=(Path(first).stem, label_b), top=top,
                plain=plain, full=full)


def _answers_path(text: str, kb_dir: Path | None) -> Path:
    """A file if one exists at that path, else a bundled scenario of that name."""
    path = Path(text)
    try:
        if path.exists():  # a folder or a FIFO: load_answers says what is wrong with it
            return path
    except OSError:  # a name too long for the file system is no file
        pass
    if path.suffix in (".yaml", ".yml", ".json") or "/" in text:
        raise InputError.one("answers file not found", text)
    return find_scenario(text, kb_dir).path


def _apply(answers: dict[str, Any], changes: list[str], kb: KnowledgeBase,
           countries: CountryData | None, day: date) -> dict[str, Any]:
    """--set KEY=VALUE, checked like an answers file: unknown ids get a "did you mean"."""
    from engagewiz.core import interview
    from engagewiz.storage.answers import check_answers

    out = dict(answers)
    for change in changes:
        key, sep, value = change.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InputError.one(f"expected KEY=VALUE, found {quoted(change)}", key="--set")
        if not value.strip():
            out.pop(key, None)
            continue
        question = kb.question(key)
        raw: Any = value.strip()
        if question is not None and question.type == "multi":
            raw = [v.strip() for v in raw.split(",") if v.strip()]
        checked, problems = check_answers({key: raw}, kb, common.resolver(countries), day)
        if problems:
            raise InputError.one(problems[0][1], key=f"--set {problems[0][0]}")
        out |= checked
    return interview.effective(kb, out)


def _warn_missing(label: str, answers: dict[str, Any], kb: KnowledgeBase,
                  countries: CountryData | None, day: date) -> None:
    """Unanswered questions count as not known; say so rather than compare silently."""
    from engagewiz.core import interview
    from engagewiz.core.prefill import with_country_facts

    todo = interview.missing(kb, with_country_facts(kb, answers, countries, day).answers)
    if todo:
        print(f"engagewiz: note: {visible(label)} leaves {len(todo)} question(s) unanswered "
              f"(treated as not known): {', '.join(q.id for q in todo)}", file=sys.stderr)
