"""The console script's run: the command line to a command, errors to exit codes.

Imports no typer: a plain `assess` is run by `cli/scripted.py` without it, and everything
else by the typer application (`cli/app.py`), which is imported only then.
"""

import os
import sys

from engagewiz.cli.pipes import quiet_when_closed
from engagewiz.errors import InputError


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
        from engagewiz.cli.scripted import run as run_scripted

        if not run_scripted(sys.argv[1:]):
            from engagewiz.cli.app import app

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
