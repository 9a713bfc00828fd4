#!/usr/bin/env python3
"""Write docs/commands.md from each command's --help, so the reference never drifts.

    python scripts/make_cli_docs.py            # write
    python scripts/make_cli_docs.py --check    # exit 1 if docs/commands.md is stale

tests/test_cli_docs.py runs the check in CI.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from engagewiz.cli.app import MODULES  # noqa: E402 - the one list of commands

TARGET = ROOT / "docs" / "commands.md"
COMMANDS = list(MODULES)  # as --help lists them
HEADER = """# Command reference

Generated from `--help` by `python scripts/make_cli_docs.py`; do not edit by hand.
The README explains when to use which.
"""


def help_text(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "88", "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run([sys.executable, "-m", "engagewiz", *args, "--help"], env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.rstrip() + "\n"


def render() -> str:
    parts = [HEADER, "## engagewiz\n", "```\n" + help_text() + "```\n"]
    for command in COMMANDS:
        parts += [f"## engagewiz {command}\n", "```\n" + help_text(command) + "```\n"]
    return "\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; exit 1 if stale")
    text = render()
    if parser.parse_args().check:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is stale: run python scripts/make_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
