"""docs/commands.md is generated from --help; it must match what the commands say now."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_command_reference_is_current() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_cli_docs.py"),
                           "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_readme_worked_example_is_real_output() -> None:
    """The README shows the start of a real run; this keeps it from going stale."""
    import os

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("prints (at 88 columns;")
    opening = readme.index("```\n", start) + 4
    block = readme[opening:readme.index("\n```", opening)]
    shown = block.split("\n[...")[0]
    assert shown.count("\n") > 10, "the worked example's output block was not found"
    done = subprocess.run(
        [sys.executable, "-m", "engagewiz", "assess", "--answers",
         str(ROOT / "examples" / "kenya-torture-survivor.yaml"), "--top", "3", "--compact",
         "--plain"], capture_output=True, text=True, check=True,
        env={**os.environ, "COLUMNS": "88"})
    assert done.stdout.lstrip("\n").startswith(shown), "update the README's worked example"


def test_readme_urgent_example_is_real_output() -> None:
    """The urgent banner and the time limits in the README are pieces of a real run, in
    the order shown (the `[...]` lines stand for what is left out)."""
    import os
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("opens with what cannot wait (at 88 columns):")
    opening = readme.index("```\n", start) + 4
    block = readme[opening:readme.index("\n```", opening)]
    pieces = [p.strip("\n") for p in re.split(r"^\[\.\.\..*$", block, flags=re.M)]
    assert len(pieces) == 3 and all(p.count("\n") > 3 for p in pieces[:2]), pieces
    done = subprocess.run(
        [sys.executable, "-m", "engagewiz", "assess", "--answers",
         str(ROOT / "examples" / "europe-removal-to-torture.yaml"), "--top", "3",
         "--compact", "--plain"], capture_output=True, text=True, check=True,
        env={**os.environ, "COLUMNS": "88"})
    at = 0
    for piece in pieces:
        found = done.stdout.find(piece, at)
        assert found >= at, f"update the README's urgent example: {piece[:60]!r}"
        at = found + len(piece)
