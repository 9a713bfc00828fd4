"""A plain `engagewiz assess ...` runs without typer (cli/scripted.py): held to typer; and
the console script ends without the interpreter's teardown (entry.leave).

Each command line goes both ways, to a stand-in for `cli/assessing.assess` that records
what it is given: where the scripted path takes a line, it must pass exactly the values
typer passes and end the run with the same exit code and message; every other line it
must leave to typer.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from engagewiz.cli import assessing, scripted

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "kenya-torture-survivor.yaml")
Calls = list[dict[str, Any]]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    made: Calls = []
    monkeypatch.setattr(assessing, "assess", lambda **values: made.append(values))
    return made


def scripted_run(args: list[str], calls: Calls) -> tuple[int | str | None, Any]:
    """(exit code, values given) of the scripted path; ("typer", None) if it declines."""
    try:
        taken = scripted.run(args)
    except SystemExit as stop:
        return stop.code, calls.pop() if calls else None
    assert not taken and not calls
    return "typer", None


def typer_run(args: list[str], calls: Calls) -> tuple[int | str | None, Any]:
    from engagewiz.cli.app import app

    with pytest.raises(SystemExit) as stop:
        app(args=args, prog_name="engagewiz")
    return stop.value.code, calls.pop() if calls else None


@pytest.mark.parametrize("args", [
    ["assess", "--answers", EXAMPLE, "--format", "json"],
    ["assess"],
    ["assess", "-a", EXAMPLE, "-f", "rich", "--top", "3", "--plain", "--no-compact", "--brief"],
    ["assess", "--answers=x.yaml", "--format=json", "--top=all", "--output", "o.md",
     "--save-answers", "s.yaml", "--resume", "--no-input", "--quick", "--accessible",
     "--compact", "--no-plain", "--kb", "data", "--today", "2026-01-01"],
    ["assess", "--kb=elsewhere", "--top", "0", "--today", "not a day"],
])
@pytest.mark.parametrize("env", [{}, {"ENGAGEWIZ_KB": "data", "ENGAGEWIZ_TODAY": "2026-01-02"},
                                 {"ENGAGEWIZ_KB": "", "ENGAGEWIZ_TODAY": ""}])
def test_a_plain_command_line_gets_the_values_typer_gives(
        args: list[str], env: dict[str, str], calls: Calls,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    fast = scripted_run(args, calls)
    assert fast[0] == 0, "the scripted path left a plain command line to typer"
    assert fast == typer_run(args, calls)


@pytest.mark.parametrize("args", [
    [], ["--version"], ["country", "France"], ["assess", "--help"], ["assess", "-h"],
    ["assess", "--format", "xml"], ["assess", "--answers"], ["assess", "--plain=yes"],
    ["assess", f"-a{EXAMPLE}"], ["assess", "--answers", "a", "--answers", "b"],
    ["assess", "--top", "-1"], ["assess", "extra"], ["assess", "--unknown"],
    ["assess", "--answers", ""], ["assess", "--", "--plain"], ["assess", "--plain", "--no-plain"],
    ["assess", "--answers", "-"], ["assess", "--FORMAT", "json"], ["assess", "-a=x"],
])
def test_anything_else_is_left_to_typer(args: list[str], calls: Calls) -> None:
    assert scripted_run(args, calls) == ("typer", None)


def test_shell_completion_is_left_to_typer(calls: Calls, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_ENGAGEWIZ_COMPLETE", "bash_complete")
    assert scripted_run(["assess"], calls) == ("typer", None)


@pytest.mark.parametrize("error", [KeyboardInterrupt, EOFError])
def test_a_run_ends_as_typer_ends_it(error: type[BaseException], calls: Calls,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    def stopped(**values: Any) -> None:
        raise error

    monkeypatch.setattr(assessing, "assess", stopped)
    args = ["assess", "--answers", EXAMPLE]
    fast = scripted_run(args, calls)
    said = capsys.readouterr()
    assert fast == typer_run(args, calls)
    assert (said.out, said.err) == capsys.readouterr()


def test_a_flag_set_by_an_environment_variable_is_left_to_typer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Click reads "0", "off" or "no" in a flag's variable as False; a grammar from a
    damaged cache, or a future flag with a variable, must not pass the word on as True."""
    grammar = [{"name": "plain", "opts": ["--plain"], "off": ["--no-plain"],
                "envvar": "ENGAGEWIZ_PLAIN", "kind": "flag", "default": False}]
    assert scripted.convert(grammar, {}) == {"plain": False}
    monkeypatch.setenv("ENGAGEWIZ_PLAIN", "0")
    assert scripted.convert(grammar, {}) is None
    assert scripted.convert(grammar, {"plain": True}) == {"plain": True}


def test_the_cached_grammar_is_what_typer_made_of_the_options() -> None:
    grammar = scripted._build()
    assert grammar is not None, "an option of assess is of a kind scripted.py cannot read"
    assert {entry["name"] for entry in grammar} >= {"answers", "format", "kb", "today"}
    assert scripted._decode(scripted._encode(grammar)) == grammar
    assert scripted.load_grammar() == grammar


@pytest.mark.parametrize("payload", [
    b"{}", b"[1]", b'[{"kind": "flag"}]', b"[" + b"[" * 100 + b"]" * 101,
    b'[{"name": "plain", "opts": "--plain", "off": [], "envvar": null, "kind": "flag",'
    b' "default": false}]',
    b'[{"name": "plain", "opts": ["plain"], "off": [], "envvar": null, "kind": "flag",'
    b' "default": false}]',
    b'[{"name": "format", "opts": ["-f"], "off": [], "envvar": null, "kind": "choice",'
    b' "default": "json", "choices": [1], "enum": "engagewiz.cli.common:Format"}]',
])
def test_a_damaged_grammar_is_refused(payload: bytes) -> None:
    with pytest.raises((ValueError, RecursionError)):
        scripted._decode(payload)


def ended(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", f"from engagewiz.entry import leave\n{code}"],
                          capture_output=True, text=True, timeout=30, check=False)


def test_the_console_script_ends_as_sys_exit_would_without_the_teardown() -> None:
    """`entry.leave` skips freeing every object, not the exit handlers or what is buffered."""
    done = ended("import atexit\natexit.register(lambda: print('handler ran'))\n"
                 "print('buffered', end=' ')\nleave('a message')")
    assert (done.returncode, done.stdout, done.stderr) == (1, "buffered handler ran\n",
                                                          "a message\n")
    assert ended("leave(None)").returncode == 0
    assert ended("leave(3)").returncode == 3


def test_the_console_script_waits_for_a_thread_still_running() -> None:
    done = ended("import threading, time\n"
                 "threading.Thread(target=lambda: (time.sleep(0.3), print('late'))).start()\n"
                 "leave(0)")
    assert (done.returncode, done.stdout) == (0, "late\n")
