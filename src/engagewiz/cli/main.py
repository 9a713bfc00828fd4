"""Entry point: registers the commands and turns user errors into one message and exit 2."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from engagewiz import __version__
from engagewiz.cli import assess, authoring, country, info, workshop  # noqa: F401 - registers the commands
from engagewiz.cli.app import app
from engagewiz.errors import InputError


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


def run() -> None:
    try:
        app(prog_name="engagewiz")
    except InputError as exc:
        lines = str(exc).splitlines()
        print(f"engagewiz: error: {lines[0]}", file=sys.stderr)
        for line in lines[1:]:
            print(f"engagewiz: error: {line}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("\nengagewiz: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # a bug: say so without printing answers in a traceback
        if os.environ.get("ENGAGEWIZ_DEBUG"):
            raise
        print(f"engagewiz: internal error ({type(exc).__name__}); this is a bug. Run again "
              "with ENGAGEWIZ_DEBUG=1 to see the details.", file=sys.stderr)
        sys.exit(1)
