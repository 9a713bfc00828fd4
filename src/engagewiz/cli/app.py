"""The typer application that every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="engagewiz",
    help="Which UN or regional human-rights route fits your organisation, and what to do next.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # our errors are messages; a traceback could leak answers
    rich_markup_mode=None,
)
