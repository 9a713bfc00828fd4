"""The typer application, its global options, and the entry point.

Each command module registers itself on `app` when imported. A run imports only the module
of the command it was asked for, so typer builds one command instead of ten: about 10 ms
of a scripted run. `engagewiz.cli.main` imports them all (for --help, docs and tests).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated

import typer

from engagewiz import __version__
from engagewiz.errors import InputError

app = typer.Typer(
    name="engagewiz",
    help="Which UN or regional human-rights route fits your organisation, and what to do next.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # our errors are messages; a traceback could leak answers
    rich_markup_mode=None,
)

# command -> the module under engagewiz.cli that defines it; --help lists them in this order
COMMANDS = {"assess": "assess", "check": "authoring", "tree": "authoring",
            "explain": "authoring", "schema": "authoring", "country": "country",
            "template": "info", "mechanisms": "info", "demo": "workshop", "compare": "workshop"}


def register(argv: list[str] | None = None) -> None:
    """Import the module of the command in `argv`, or every command module."""
    wanted = COMMANDS.get(argv[0]) if argv else None
    for module in [wanted] if wanted else dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"engagewiz.cli.{module}")


def _version(value: bool) -> None:
    if value:
        print(f"engagewiz {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Which UN or regional human-rights route fits your organisation, and what to do next.

    engagewiz gives guidance, not legal advice. It never uses the network.
    """


def _tolerant_streams() -> None:
    """A character the terminal's encoding lacks (PYTHONIOENCODING=ascii and "Côte
    d'Ivoire") is written as an escape rather than ending the run."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def run() -> None:
    """The console script: one message and exit code 2 for bad input, never a traceback."""
    _tolerant_streams()
    try:
        register(sys.argv[1:])
        app(prog_name="engagewiz")
    except InputError as exc:
        lines = str(exc).splitlines()
        print(f"engagewiz: error: {lines[0]}", file=sys.stderr)
        for line in lines[1:]:
            print(f"engagewiz: error: {line}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt as stop:  # Ctrl-C, SIGTERM or SIGHUP (engagewiz.entry)
        from engagewiz.entry import interrupted

        interrupted(stop)
    except Exception as exc:  # a bug: say so without printing answers in a traceback
        if os.environ.get("ENGAGEWIZ_DEBUG"):
            raise
        print(f"engagewiz: internal error ({type(exc).__name__}); this is a bug. Run again "
              "with ENGAGEWIZ_DEBUG=1 to see the details.", file=sys.stderr)
        sys.exit(1)
