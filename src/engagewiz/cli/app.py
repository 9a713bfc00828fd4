"""The typer application and its global options (the console script's run is `cli/launch.py`).

Commands are loaded lazily: the group knows every command's name (MODULES) but imports the
module that defines one, and has typer build it, only when it is asked for. A run builds
the one command it runs instead of ten (about 10 ms of a scripted run); --help, the
generated docs and tests ask for all of them.
"""

import importlib
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info

from engagewiz import __version__

if TYPE_CHECKING:
    from typer._click import Command, Context, HelpFormatter

# command -> the module under engagewiz.cli that defines it. --help lists them in this
# order: the user's commands first, then those for people who edit a knowledge base.
COMMANDS = {"assess": "assess", "country": "country", "mechanisms": "info", "demo": "workshop",
            "compare": "workshop", "template": "info", "sources": "info"}
AUTHORING = {"check": "authoring", "tree": "authoring", "explain": "authoring",
             "schema": "authoring"}
MODULES = COMMANDS | AUTHORING


class Commands(TyperGroup):
    """The commands, each imported when first asked for; --help in two groups, each command
    with its whole first sentence (click cuts it at about 45 characters, which left "Show
    what a State has accepted: UN treaties and complaints,..." on the screen)."""

    def list_commands(self, ctx: "Context") -> list[str]:
        return list(MODULES)

    def get_command(self, ctx: "Context", name: str) -> "Command | None":
        if name not in self.commands and name in MODULES:
            importlib.import_module(f"engagewiz.cli.{MODULES[name]}")  # registers on `app`
            for info in app.registered_commands:
                built = get_command_from_info(info, rich_markup_mode=app.rich_markup_mode,
                                              pretty_exceptions_short=app.pretty_exceptions_short)
                if built.name and built.name not in self.commands:
                    self.add_command(built)
        return self.commands.get(name)

    def format_commands(self, ctx: "Context", formatter: "HelpFormatter") -> None:
        found = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        rows = [(name, command) for name, command in found
                if command is not None and not command.hidden]
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
