"""`engagewiz assess`: from answers (a file, an interview, or both) to a ranked, explained list."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from engagewiz.cli import common
from engagewiz.cli.app import app
from engagewiz.cli.asking import Asking
from engagewiz.errors import InputError

if TYPE_CHECKING:
    from datetime import date

    from engagewiz.core.model import KnowledgeBase
    from engagewiz.kb.countries import CountryData


STDOUT = Path("-")


@app.command()
def assess(
    answers: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--answers", "-a", help="An answers file (YAML or JSON; see 'engagewiz template'), "
        "or a workshop scenario's name (see 'engagewiz demo'). On a terminal, questions it "
        "leaves out are asked.", show_default=False)] = None,
    format: common.FormatOption = common.Format.rich,
    top: Annotated[Optional[str], typer.Option(  # noqa: UP045
        metavar="N|all", help="How many recommended routes to show: a number, or 'all' "
        "[default: 5 on screen and in plans, all in JSON]. Urgent routes and running time "
        "limits are always shown.", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--output", "-o", help="Write the result to a file: .md, .html or .pdf (a plan; "
        "a file named brief.* holds the one-page brief), .svg (a 16:9 slide), .json. "
        "Written privately (0600); only a regular file or a new path. PDF needs "
        "'pip install engagewiz[pdf]'.", show_default=False)] = None,
    brief: Annotated[bool, typer.Option(
        "--brief", help="The one-page brief for a director or a donor: the top 3 routes, "
        "time limits, urgent actions, next 3 steps. Printed as Markdown, or written with "
        "--output (.md, .html, .pdf).")] = False,
    resume_: Annotated[bool, typer.Option(
        "--resume", help="Continue an interview that was interrupted.")] = False,
    save_answers: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--save-answers", help="Write the final answers to a file that reproduces this run "
        "with --answers; '-' prints them instead of the result.", show_default=False)] = None,
    no_input: Annotated[bool, typer.Option(
        "--no-input", help="Never ask; fail (exit 2) naming every unanswered question.")] = False,
    quick: Annotated[bool, typer.Option(
        "--quick", help="At most 10 questions; the rest count as \"don't know\" (you may "
        "refine after the result).")] = False,
    accessible: Annotated[bool, typer.Option(
        "--accessible", help="Line-by-line prompts with numbered choices, for screen readers "
        "(also when TERM=dumb).")] = False,
    compact: Annotated[bool, typer.Option(help="Reasons only: for projectors.")] = False,
    plain: common.PlainOption = False,
    kb: common.KbOption = None,
    today: common.TodayOption = None,
) -> None:
    """Find the routes that fit your case: ranked, explained, sourced.

    Each route says why it fits, what blocks the others and what would open them.

    At a terminal, engagewiz interviews you; with --answers it asks only what the file
    leaves out; with --no-input (or no terminal) it never asks.
    """
    from engagewiz.core.engine import assess as run_assessment
    from engagewiz.storage.answers import dump_answers

    count = _top(top)
    if output == STDOUT:
        raise InputError.one("the result is printed on standard output already: leave out "
                             "--output (add --format json for JSON), or give a file name",
                             key="--output")
    knowledge = common.load_kb(kb)
    countries = common.load_countries(kb)
    day = common.today(today)
    plain = common.plain_wanted(plain)
    accessible = accessible or os.environ.get("TERM") == "dumb"
    if answers is not None and not _exists(answers):  # a scenario's name, or a mistake
        from engagewiz.storage.scenarios import answers_path

        answers = answers_path(str(answers), kb)
    given = _starting_answers(answers, resume_, knowledge, countries, day)
    def show(partial: dict[str, Any]) -> None:
        """A shortcut's result (urgent, quick), on screen before more is asked."""
        from engagewiz.render import DEFAULT_TOP
        from engagewiz.render.terminal import make_console, render

        render(run_assessment(knowledge, partial, today=day, countries=countries), knowledge,
               make_console(plain, stderr=format is common.Format.json or output is not None),
               top=count or DEFAULT_TOP, plain=plain, compact=compact)

    asked = Asking(knowledge, countries, day, plain or accessible, accessible, quick, show)
    outcome = asked.complete(given, no_input, started=bool(answers or resume_),
                             resuming=resume_, save_answers=save_answers,
                             file=str(answers) if answers else None)
    given, save_answers = outcome.answers, outcome.save_answers
    result = run_assessment(knowledge, given, today=day, countries=countries)
    if save_answers:
        saved = dump_answers(given, knowledge, "# engagewiz answers\n")
        common.write_output(saved, None if save_answers == STDOUT else save_answers)
        if save_answers == STDOUT and not output:
            return  # standard output carries one document: the answers
    if output:
        from engagewiz.render.export import write_export

        write_export(result, knowledge, output, top=count, countries=countries, brief=brief)
    elif brief:
        from engagewiz.render import plan_md
        from engagewiz.render.brief import build_brief

        common.write_output(plan_md.render(build_brief(result, knowledge, countries)), None)
    elif format is common.Format.json:
        from engagewiz.render.json_out import render as render_json

        common.write_output(render_json(result, knowledge.sources, count,
                                        pretty=sys.stdout.isatty()), None)
    elif not outcome.shown:
        from engagewiz.render import DEFAULT_TOP
        from engagewiz.render.terminal import make_console, render

        render(result, knowledge, make_console(plain), top=count or DEFAULT_TOP, plain=plain,
               compact=compact)


def _top(text: str | None) -> int | None:
    """`--top`: a number from 1, or "all"; None when not given (each format's default)."""
    from engagewiz.render import ALL
    from engagewiz.textsafe import quoted

    if text is None:
        return None
    if text.strip().lower() == "all":
        return ALL
    if text.strip().isdigit() and len(text.strip()) <= 6 and int(text) >= 1:
        return int(text)
    raise InputError.one(f"expected a number from 1, or 'all'; found {quoted(text)}",
                         key="--top")


def _exists(path: Path) -> bool:
    """True also when the system cannot say (a name too long): load_answers explains."""
    try:
        return path.exists()
    except OSError:
        return True


def _starting_answers(path: Path | None, resume_: bool, kb: "KnowledgeBase",
                      countries: "CountryData | None", day: "date") -> dict[str, Any]:
    from engagewiz.storage.answers import load_answers
    from engagewiz.storage.resume import resume_path

    given: dict[str, Any] = {}
    if resume_:
        saved = resume_path()
        if not saved.is_file():
            raise InputError.one("no interrupted interview to resume", str(saved))
        given = load_answers(saved, kb, common.resolver(countries), day)
    if path:
        given |= load_answers(path, kb, common.resolver(countries), day)
    return given


