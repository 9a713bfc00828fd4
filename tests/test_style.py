"""The code stays ruff-clean and mypy-clean (strict): CI runs only the test command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ["XDG_CACHE_HOME"])  # the test session's own (conftest.py)


@pytest.mark.parametrize("command", [
    ["ruff", "check", "--no-cache", "src", "tests", "scripts", "bench"],
    ["mypy", f"--cache-dir={CACHE / 'mypy'}"],
], ids=["ruff", "mypy"])
def test_clean(command: list[str]) -> None:
    tool = shutil.which(command[0], path=str(Path(sys.executable).parent))
    if tool is None:
        pytest.skip(f"{command[0]} is not installed (pip install -e '.[test]')")
    if command[0] == "mypy" and (ROOT / ".mypy_cache").is_dir():
        # A copy of the checkout's own cache, if `mypy` has been run there: mypy re-checks
        # whatever changed since (a cold run costs 7 s of CPU, a warm one half a second).
        shutil.copytree(ROOT / ".mypy_cache", CACHE / "mypy", dirs_exist_ok=True)
    elif command[0] == "mypy":
        # A fresh clone (CI): no cache to start from, and none worth writing, since the
        # sandbox goes at the end; not writing it saves 1 to 2 s of the cold run's CPU.
        command = ["mypy", "--no-incremental", "--cache-dir=/dev/null"]
    done = subprocess.run([tool, *command[1:]], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
