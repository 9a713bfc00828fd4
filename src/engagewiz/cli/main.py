"""Every command registered: for `--help`, the generated docs and tests (CliRunner).

The console script starts at engagewiz.cli.app.run, which imports only the command it runs.
"""

from __future__ import annotations

from engagewiz.cli.app import app, register, run

register()

__all__ = ["app", "run"]
