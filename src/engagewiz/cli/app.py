"""The typer application, its global options, and the entry point.

Each command module registers itself on `app` when imported. A run imports only the module
of the command it was asked for, so typer builds one command instead of ten: about 10 ms
of a scripted run. `engagewiz.cli.main` imports them all (for --help, docs and tests).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup

from engagewiz import __version__
from engagewiz.cli.pipes import quiet_when_closed
from engagewiz.errors import InputError

if TYPE_CHECKING:
    from typer._click import Context, HelpFormatter

# command -> the module under engagewiz.cli that defines it. --help lists them in this
# order: the user's commands first, then those for people who edit a knowledge base.
COMMANDS = {"assess": "assess", "country": "country", "mechanisms": "info", "demo": "workshop",
            "compare": "workshop", "template": "info"}
AUTHORING = {"check": "authoring", "tree": "authoring", "explain": "authoring",
             "schema": "authoring"}
MODULES = COMMANDS | AUTHORING


class Commands(TyperGroup):
    """--help in two groups, each command with its whole first sentence (click cuts it at
    about 45 characters, which left "Show what a State has accepted: UN treaties and
    complaints,..." on the screen)."""

    def list_commands(self, ctx: Context) -> list[str]:
        order = list(MODULES)
        return sorted(self.commands, key=lambda n: order.index(n) if n in order else len(order))

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        rows = [(name, self.commands[name]) for name in self.list_commands(ctx)
                if not self.commands[name].hidden]
        width = max((len(name) for name, _ in rows), default=0)  # one column for both groups
        for title, names in (("Commands", COMMANDS), ("For knowledge-base authors", AUTHORING)):
            shown = [(n.ljust(width), c.get_short_help_str(limit=1_000)) for n, c in rows
                     if n in names]
            if shown:
                with formatter.section(title):
                    formatter.write_dl(shown)


app = typer.Typer(
    name="engagewiz",
    cls=Commands,
    help="Which UN or regional human-rights route fits your organisation, and what to do next.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # our errors are messages; a traceback could leak answers
    rich_markup_mode=None,
)


def register(argv: list[str] | None = None) -> None:
    """Import the module of the command in `argv`, or every command module."""
    wanted = MODULES.get(argv[0]) if argv else None
    for module in [wanted] if wanted else dict.fromkeys(MODULES.values()):
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
    quiet_when_closed()
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
