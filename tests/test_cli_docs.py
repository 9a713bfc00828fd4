"""docs/commands.md is generated from --help; it must match what the commands say now."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from cli_inprocess import run_cli

ROOT = Path(__file__).resolve().parents[1]
README_DAY = "2026-11-23"  # the day the README's examples were run: days left depend on it


def test_command_reference_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    """What `python scripts/make_cli_docs.py` would write, each --help taken in this process
    (the script's 13 subprocesses cost 2 s of CPU; the texts are the same)."""
    spec = importlib.util.spec_from_file_location("make_cli_docs",
                                                  ROOT / "scripts" / "make_cli_docs.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    def help_text(*args: str) -> str:
        done = run_cli(*args, "--help", env={"COLUMNS": "88", "NO_COLOR": "1", "TERM": "dumb"})
        assert done.code == 0, done.err
        return done.out.rstrip() + "\n"

    monkeypatch.setattr(script, "help_text", help_text)
    assert script.render() == script.TARGET.read_text(encoding="utf-8"), \
        "docs/commands.md is stale: run python scripts/make_cli_docs.py"


def readme_block(lead: str) -> str:
    """The output block after `lead` in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    opening = readme.index("```\n", readme.index(lead)) + 4
    return readme[opening:readme.index("\n```", opening)]


def assert_real_output(lead: str, *args: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README block after `lead` is pieces of a real run (88 columns, on the day the
    README was written), in the order shown; a `[...]` line stands for what is left out."""
    pieces = [p.strip("\n") for p in re.split(r"^\[\.\.\..*$", readme_block(lead), flags=re.M)]
    pieces = [p for p in pieces if p]
    assert pieces and all(p.count("\n") > 3 for p in pieces), pieces
    monkeypatch.setenv("COLUMNS", "88")
    monkeypatch.setenv("ENGAGEWIZ_TODAY", README_DAY)
    monkeypatch.delenv("NO_COLOR", raising=False)
    done = run_cli(*args)
    assert done.code == 0, done.err
    at = 0
    for piece in pieces:
        found = done.out.find(piece, at)
        assert found >= at, f"update the README's output after {lead!r}: {piece[:60]!r}"
        at = found + len(piece)


def test_readme_worked_example_is_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's worked example, and the list of sources that ends it."""
    assert_real_output("prints (at 88 columns;", "assess", "--answers",
                       str(ROOT / "examples" / "kenya-torture-survivor.yaml"), "--top", "3",
                       "--compact", "--plain", monkeypatch=monkeypatch)
    assert readme_block("prints (at 88 columns;").startswith("RECOMMENDED ROUTES")


def test_readme_urgent_example_is_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """The urgent banner and the time limits in the README."""
    assert_real_output("opens with what cannot wait (at 88 columns):", "assess", "--answers",
                       str(ROOT / "examples" / "europe-removal-to-torture.yaml"), "--top", "3",
                       "--compact", "--plain", monkeypatch=monkeypatch)


def test_readme_sources_example_is_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """`engagewiz sources KEY` as the README shows it."""
    assert_real_output("`engagewiz sources cat-art-22` prints:", "sources", "cat-art-22",
                       monkeypatch=monkeypatch)


@pytest.mark.parametrize(("lead", "args"), [
    ("whose client was beaten in custody on 1 September 2022",
     ("compare", "russia-facts-before-exit.yaml", "--set", "facts_date=2022-10-01")),
    ("quoted in the reason", ("assess", "--answers", "france-decided-in-strasbourg.yaml")),
    ("which made no such reservation",
     ("compare", "france-decided-in-strasbourg.yaml", "--set", "country=Netherlands")),
    ("why reporting the reprisal comes first",
     ("assess", "--answers", "reprisal-after-un-review.yaml", "--top", "1")),
])
def test_readme_law_on_the_day_is_real_output(lead: str, args: tuple[str, ...],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The date of the facts and a State's reservation, as the README shows them."""
    command, *rest = args
    rest = [str(ROOT / "examples" / a) if a.endswith(".yaml") else a for a in rest]
    assert_real_output(lead, command, *rest, "--plain", monkeypatch=monkeypatch)
