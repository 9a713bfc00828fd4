"""engagewiz in a shell: a closed pipe, the order of --help, which knowledge base is read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from cli_inprocess import completed
from engagewiz.cli.app import AUTHORING, COMMANDS
from pty_driver import finished

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "kenya-torture-survivor.yaml")

EVERY_COMMAND = [
    ["--help"], ["assess", "--answers", EXAMPLE], ["assess", "--answers", EXAMPLE, "-f", "json"],
    ["country", "France"], ["mechanisms"], ["demo"], ["demo", "npm-cpt-and-spt", "--auto",
                                                    "--delay", "0"],
    ["compare", "npm-cpt-and-spt", "--set", "reprisal_risk=high"], ["template"], ["check"],
    ["tree"], ["explain", "cat-communication"], ["schema", "answers"],
]


@pytest.mark.parametrize("args", EVERY_COMMAND, ids=lambda a: " ".join(a[:2]))
def test_a_closed_pipe_ends_the_run_quietly(args: list[str]) -> None:
    """`engagewiz country France | head`: the reader has gone before the first write (its
    end of the pipe is closed), so every write fails. That is no error: exit 0, nothing on
    stderr (rich and click each turned it into exit 1)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "engagewiz", *args], stdout=write_end,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                              cwd=ROOT, timeout=60, check=False)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_pipe_closed_midway_is_quiet_too() -> None:
    done = subprocess.run(f"'{sys.executable}' -m engagewiz country France | head -n 2; "
                          "echo \"status=${PIPESTATUS[0]}\"", shell=True, executable="/bin/bash",
                          capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert done.stdout.splitlines()[0].startswith("France (FRA / FR)")
    assert done.stdout.splitlines()[-1] == "status=0" and done.stderr == ""


def test_help_lists_the_users_commands_first_each_with_its_whole_description() -> None:
    done = completed("--help", env={"COLUMNS": "80"})  # the console script, in this process
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    users = lines.index("Commands:")
    authors = lines.index("For knowledge-base authors:")
    listed = [line.split()[0] for line in lines[users + 1:] if line.startswith("  ")]
    assert listed == [*COMMANDS, *AUTHORING]
    assert list(COMMANDS)[:6] == ["assess", "country", "mechanisms", "demo", "compare",
                                  "template"]
    assert users < authors
    for line in lines[users + 1:]:
        if line.startswith("  "):
            assert line.startswith("  ") and line.rstrip().endswith("."), line  # one line each
            assert "..." not in line and len(line) <= 80, line


def test_kb_names_the_folder_read_at_a_terminal() -> None:
    """With --kb, a person at a terminal is told which folder was read."""
    minimal = ROOT / "examples" / "kb-minimal"
    child = pexpect.spawn(sys.executable, ["-m", "engagewiz", "mechanisms", "--kb", str(minimal)],
                          env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1"},
                          encoding="utf-8", dimensions=(30, 100), timeout=30)
    assert finished(child) == 0
    assert f"knowledge base minimal-1 from {minimal}" in child.before
