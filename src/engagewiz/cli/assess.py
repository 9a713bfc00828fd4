"""`engagewiz assess`: from answers (a file, an interview, or both) to a ranked, explained list.

The command as typer sees it: its options, their help, its --help. What it does is in
`cli/assessing.py`, which imports no typer, so that a scripted run (`cli/scripted.py`)
can run it without building this command.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from engagewiz.cli import common, options
from engagewiz.cli.app import app


@app.command()
def assess(
    answers: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--answers", "-a", help="An answers file (YAML or JSON; see 'engagewiz template'), "
        "or a workshop scenario's name (see 'engagewiz demo'). On a terminal, questions it "
        "leaves out are asked.", show_default=False)] = None,
    format: options.FormatOption = common.Format.rich,
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
    plain: options.PlainOption = False,
    kb: options.KbOption = None,
    today: options.TodayOption = None,
) -> None:
    """Find the routes that fit your case: ranked, explained, sourced.

    Each route says why it fits, what blocks the others and what would open them.

    At a terminal, engagewiz interviews you; with --answers it asks only what the file
    leaves out; with --no-input (or no terminal) it never asks.
    """
    from engagewiz.cli.assessing import assess as run

    run(answers=answers, format=format, top=top, output=output, brief=brief, resume_=resume_,
        save_answers=save_answers, no_input=no_input, quick=quick, accessible=accessible,
        compact=compact, plain=plain, kb=kb, today=today)
