"""Workshop commands: `demo` plays a bundled scenario, `compare` shows what one answer changes.

Trainers run these in front of a room: the demo walks the interview one answer at a time,
then the result route by route, then what one changed answer would do (render/demo.py says
what each screen holds, cli/player.py paces them); compare puts two assessments side by
side with the reason for every move, so "what if the risk were high?" gets an answer in
seconds (`--set reprisal_risk=high`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from engagewiz.cli import common, options
from engagewiz.cli.app import app
from engagewiz.cli.common import escape
from engagewiz.errors import InputError
from engagewiz.storage.scenarios import (
    Scenario,
    answers_path,
    find_scenario,
    scenario_dir,
    scenarios,
)
from engagewiz.textsafe import quoted, visible

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console

    from engagewiz.core.model import KnowledgeBase, Question
    from engagewiz.core.results import Assessment
    from engagewiz.kb.countries import CountryData
    from engagewiz.render.demo import Screen

MAX_DELAY = 60.0  # seconds; also keeps out nan and inf, which time.sleep refuses
DELAY = 4.0  # seconds a screen stays with --auto (a result screen twice as long)


@app.command()
def demo(
    name: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[NAME]", help="The scenario to play; leave out to list them.",
        show_default=False)] = None,
    auto: Annotated[bool, typer.Option(
        help="Move on by itself; keys still work (s: the result, q: quit).")] = False,
    delay: Annotated[float, typer.Option(
        help="Seconds each screen stays with --auto; a result screen stays twice as long.",
        min=0, max=MAX_DELAY)] = DELAY,
    big: Annotated[bool, typer.Option(
        "--big", help="For a projector: fewer words, more space.")] = False,
    top: Annotated[int, typer.Option(help="Routes shown in the result.", min=1)] = 3,
    plain: options.PlainOption = False,
    kb: options.KbOption = None,
    today: options.TodayOption = None,
) -> None:
    """Play a workshop scenario, screen by screen, for a room.

    Each screen fits the terminal: the scenario, each answer, the State's facts, then the
    result route by route (urgent routes and time limits first), the blocked routes with
    their rules, and what one changed answer would do. Keys: Enter (or space) next, b back,
    s straight to the result, q quit; no Enter needed.
    """
    from engagewiz.cli.player import Player
    from engagewiz.core.engine import assess
    from engagewiz.render import demo as view
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
    result = assess(knowledge, answers, today=day, countries=countries)
    player = Player(console, auto=auto, delay=delay, waits=sys.stdin.isatty(), plain=plain)
    based_on = [knowledge.sources[k].citation for k in scenario.sources
                if k in knowledge.sources]
    screens = [view.intro(scenario, based_on, big),
               *_questions(knowledge, answers, countries, day, big),
               *view.result(result, knowledge.sources, top, big),
               _what_if(scenario, knowledge, answers, result, countries, day, console,
                        player.height(), big, plain),
               view.take_home(scenario.name)]
    player.play(screens)


def _questions(kb: KnowledgeBase, answers: dict[str, Any], countries: CountryData | None,
               day: date, big: bool) -> list[Screen]:
    """A screen per answer in interview order; the facts the country data filled in, as
    one screen after the State is named."""
    from engagewiz.core import interview
    from engagewiz.core.prefill import with_country_facts
    from engagewiz.render import demo as view

    filled = with_country_facts(kb, answers, countries, day)
    asked = [q for q in interview.applicable(kb, filled.answers) if q.id in filled.answers]
    own = [q for q in asked if q.id in answers]
    facts = [(q.short or q.text, q.label(filled.answers[q.id])) for q in asked
             if q.id not in answers]
    where = "; ".join(dict.fromkeys(filled.provenance[q.id].removeprefix("per ")
                                    for q in asked if q.id in filled.provenance))
    titles = {s.id: s.title for s in kb.sections}
    screens: list[Screen] = []
    earlier: dict[str, list[tuple[str, str]]] = {}  # per section: asked, and answered
    for number, q in enumerate(own, 1):
        shown = _shown(q, answers[q.id], countries)
        done = earlier.setdefault(q.section, [])
        screens.append(view.question(number, len(own), titles.get(q.section, q.section),
                                     q.text, shown, q.help, list(done), big))
        done.append((q.short or q.text, shown))
        if q.type == "country" and facts:
            screens.append(view.facts(facts, where, shown, big))
    return screens


def _what_if(scenario: Scenario, kb: KnowledgeBase, answers: dict[str, Any],
             before: Assessment, countries: CountryData | None, day: date, console: Console,
             height: int, big: bool, plain: bool) -> Screen:
    """The scenario's own flip (`# what if: KEY=VALUE`) or the one the core finds."""
    from engagewiz.core.compare import compare as diff
    from engagewiz.core.engine import assess
    from engagewiz.core.whatif import Flip, what_would_change
    from engagewiz.render import demo as view

    flip: Flip | None
    if scenario.what_if:
        changed = _apply(answers, [scenario.what_if], kb, countries, day)
        qid = scenario.what_if.partition("=")[0].strip()
        after = assess(kb, changed, today=day, countries=countries)
        flip = Flip(qid, answers.get(qid), changed.get(qid), diff(before, after, kb))
    else:
        flip = what_would_change(kb, answers, before, today=day, countries=countries)
    question = kb.question(flip.question) if flip else None
    if flip is None or question is None:
        return view.what_if(None, "", "", "", scenario.name, console, height, big)
    return view.what_if(flip, question.short or question.text,
                        _shown(question, flip.before, countries),
                        _shown(question, flip.after, countries), scenario.name, console,
                        height, big, plain)


def _list(console: Console, kb_dir: Path | None) -> None:
    from rich.text import Text

    from engagewiz.render.layout import Indented, show

    found = scenarios(kb_dir)
    if not found:
        console.print(f"No scenarios in {scenario_dir(kb_dir)}.")
        return
    console.print("[bold]Workshop scenarios[/bold]  (play one: engagewiz demo NAME)\n")
    for s in found:
        console.print(f"[bold cyan]{escape(s.name)}[/bold cyan]")
        show(console, Indented(Text(s.title), 2))
        if s.drawn:
            show(console, Indented(Text(s.drawn, style="dim"), 2))
    console.print("\nAdd --auto to play by itself, --big for a projector; compare two with "
                  "'engagewiz compare A B' or 'engagewiz compare A --set key=value'.")


def _shown(q: Question, value: Any, countries: CountryData | None) -> str:
    """A country answer reads as its name ("Georgia"), anything else as its choice label."""
    if q.type == "country" and countries is not None:
        found = countries.get(str(value))
        if found is not None:
            return found.name
    return q.label(value)


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
    format: options.FormatOption = common.Format.rich,
    plain: options.PlainOption = False,
    kb: options.KbOption = None,
    today: options.TodayOption = None,
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
    path_a = answers_path(first, kb)
    path_b = answers_path(second, kb) if second else path_a
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
