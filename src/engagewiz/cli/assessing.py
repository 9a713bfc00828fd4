"""What `engagewiz assess` does, once its options are read: from answers (a file, an
interview, or both) to a ranked, explained list.

Apart from the typer declaration (`cli/assess.py`) and importing no typer, because a
scripted run calls it straight from `cli/scripted.py`: building the typer command and
importing typer cost a scripted run a fifth of its instructions.
"""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engagewiz.cli import common
from engagewiz.cli.asking import Asking
from engagewiz.errors import InputError

if TYPE_CHECKING:
    from datetime import date

    from engagewiz.core.model import KnowledgeBase
    from engagewiz.kb.countries import CountryData


STDOUT = Path("-")


def assess(*, answers: Path | None, format: common.Format, top: str | None,
           output: Path | None, brief: bool, resume_: bool, save_answers: Path | None,
           no_input: bool, quick: bool, accessible: bool, compact: bool, plain: bool,
           kb: Path | None, today: str | None) -> None:
    """`engagewiz assess` with the values of its options (see `cli/assess.py`). The engine
    and the YAML writer are imported once a result or a file is due: an interview's first
    question waits for neither."""
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
        from engagewiz.core.engine import assess as run_assessment
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
    if save_answers:
        from engagewiz.storage.answers import dump_answers

        saved = dump_answers(given, knowledge, "# engagewiz answers\n")
        common.write_output(saved, None if save_answers == STDOUT else save_answers)
        if save_answers == STDOUT and not output:
            return  # standard output carries one document: the answers
    if outcome.shown and not (output or brief or format is common.Format.json):
        return  # a shortcut's result, kept as the last: on screen already
    from engagewiz.core.engine import assess as run_assessment

    result = run_assessment(knowledge, given, today=day, countries=countries)
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
    else:
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
    if path is None and not resume_:
        return {}  # a new interview: nothing to read, and no YAML reader to import
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


