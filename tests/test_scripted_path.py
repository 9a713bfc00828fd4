"""What a scripted run loads: guarded by what it imports, not by a timing.

`engagewiz assess --answers FILE --format json` must start close to the floor of the stack
(typer and PyYAML): timings are too noisy to assert on a shared machine, but every module
and every runtime-compiled class on the path is a cost a test can see. `bench/run.py`
measures the times by hand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kenya-torture-survivor.yaml"
PROBE = """
import builtins, json, sys
sys.argv = ["engagewiz", *sys.argv[1:]]
compiled = []  # what is compiled as the run goes (not modules without a .pyc)
def counted(source, filename, mode, *args, _compile=builtins.compile, **kwargs):
    if mode == "eval":
        compiled.append(str(source)[:60])
    return _compile(source, filename, mode, *args, **kwargs)
builtins.compile = counted
from engagewiz.cli.launch import run
try:
    run()
except SystemExit as stop:
    assert not stop.code, stop.code
generated = [f"{name}.{attr}" for name, module in list(sys.modules.items())
             if name.startswith("engagewiz") for attr, obj in vars(module).items()
             if isinstance(obj, type) and obj.__module__ == name
             and getattr(getattr(obj, "__init__", None), "__code__", None) is not None
             and obj.__init__.__code__.co_filename == "<string>"]
print(json.dumps({"modules": sorted(sys.modules), "generated": generated,
                  "compiled": compiled}), file=sys.stderr)
"""


def probe(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, env=os.environ, check=False)
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stderr.splitlines()[-1])
    return found


@pytest.fixture(scope="module")
def scripted() -> dict[str, Any]:
    """What one scripted run on a warm cache imported and compiled (both tests read it)."""
    args = ("assess", "--answers", str(EXAMPLE), "--format", "json")
    probe(*args)  # the cache is warm from here on
    return probe(*args)


def test_a_scripted_run_imports_no_terminal_ui_no_typer_and_nothing_of_the_builder(
        scripted: dict[str, Any]) -> None:
    """typer reads every other command line; a plain `assess` is read by cli/scripted.py
    (typer and building the command were a fifth of a scripted run)."""
    modules = set(scripted["modules"])
    heavy = {m for m in modules
             if m.split(".")[0] in ("rich", "questionary", "prompt_toolkit", "typer", "click")}
    assert not heavy
    ours = {m for m in modules if m.startswith("engagewiz.")}
    cold = {m for m in ours if m.startswith((
        "engagewiz.authoring", "engagewiz.kb.build", "engagewiz.kb.schema", "engagewiz.kb.spec",
        "engagewiz.cli.interactive", "engagewiz.cli.grid", "engagewiz.render.terminal"))}
    cold |= {"engagewiz.cli.app", "engagewiz.cli.assess", "engagewiz.cli.options"} & ours
    assert not cold, "imported on a warm cache: " + ", ".join(sorted(cold))
    assert not {"pickle", "pycountry", "engagewiz.cli.workshop"} & modules
    # core/record.py makes dataclasses' fields only when asked: dataclasses imports inspect
    assert not {"dataclasses", "inspect"} & modules


def test_no_class_on_the_scripted_path_compiles_code_at_start_up(
        scripted: dict[str, Any]) -> None:
    """A @dataclass writes and compiles five methods at import (about 1 ms a class): the
    classes a run imports use engagewiz.core.record instead. A NamedTuple compiles each
    field's annotation given as a string (`from __future__ import annotations`), and the
    first compile() of a process costs 9 million instructions: those modules do without."""
    assert scripted["generated"] == []
    assert scripted["compiled"] == []
