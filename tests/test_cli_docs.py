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
