"""Workshop scenarios and `engagewiz demo`: every scenario is complete, plays, and reads well."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import typer

from engagewiz.authoring.citations import EDITOR_WORDS
from engagewiz.cli import workshop
from engagewiz.core import interview
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.prefill import with_country_facts
from engagewiz.kb.countries import CountryData
from engagewiz.render.terminal import make_console
from engagewiz.storage.answers import load_answers
from engagewiz.storage.scenarios import read_scenario

ROOT = Path(__file__).resolve().parents[1]
SCENARIO_FILES = sorted((ROOT / "data" / "scenarios").glob("*.yaml"))
NAMES = [p.stem for p in SCENARIO_FILES]


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ENGAGEWIZ_TODAY": "2026-11-23", "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "engagewiz", *args], capture_output=True,
                          text=True, env=env, input=stdin, timeout=60)


def resolver(countries: CountryData):  # type: ignore[no-untyped-def]
    def resolve(text: str) -> tuple[str | None, list[str]]:
        found = countries.search(text)
        return (found.iso3 if found else None), []
    return resolve


def test_at_least_eight_distinct_situations(kb: KnowledgeBase, countries: CountryData) -> None:
    """A room sees different organisations, individual cases and patterns, never a repeat."""
    scenarios = [load_answers(path, kb, resolver(countries)) for path in SCENARIO_FILES]
    distinct = {tuple(sorted((k, str(v)) for k, v in a.items())) for a in scenarios}
    assert len(distinct) == len(scenarios) >= 8
    assert len({a["org_type"] for a in scenarios}) >= 5
    assert {"individual", "pattern"} <= {a["case_type"] for a in scenarios}
    assert len({a["country"] for a in scenarios}) >= 6


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=NAMES)
def test_scenario_header_names_it_and_its_sources(path: Path) -> None:
    scenario = read_scenario(path)
    assert scenario.title != path.stem, "needs a '# name:' line"
    lines = [x for x in path.read_text().splitlines()[1:] if x.startswith("#")]
    assert 2 <= len(lines) <= 5, "a 2-4 line description (plus where it is drawn from)"
    assert "Drawn from" in scenario.description
    # by published title, never by our file names ("seed 003") or editor's shorthand
    assert not EDITOR_WORDS.search(scenario.description), scenario.description


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=NAMES)
def test_scenario_answers_every_applicable_question(path: Path, kb: KnowledgeBase,
                                                    countries: CountryData) -> None:
    answers = load_answers(path, kb, resolver(countries))
    assert interview.effective(kb, answers) == answers, "answers to questions that do not apply"
    filled = with_country_facts(kb, answers, countries, date(2026, 11, 23))
    assert [q.id for q in interview.missing(kb, filled.answers)] == []


@pytest.mark.parametrize("name", NAMES)
def test_demo_auto_plays_every_scenario(name: str, kb: KnowledgeBase) -> None:
    done = cli("demo", name, "--auto")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    scenario = read_scenario(ROOT / "data" / "scenarios" / f"{name}.yaml")
    assert scenario.title in out
    assert "Question 1 of" in out and kb.questions[0].text in out
    assert "From the country data" in out
    result = out.upper().split("RECOMMENDED ROUTES (3 OF")  # the result, short: the top three
    assert len(result) == 2
    assert "\n4. " not in result[1].split("CHECK FIRST")[0]
    assert "\x1b[" not in out  # NO_COLOR and a pipe: no escape codes


def test_demo_shows_questions_in_interview_order(kb: KnowledgeBase) -> None:
    out = cli("demo", "rehab-centre-complaint-deadline", "--auto").stdout
    positions = [out.find(f"\n{q.text}\n") for q in kb.questions
                 if f"\n{q.text}\n" in out]
    assert len(positions) > 15 and positions == sorted(positions)
    assert "-> Georgia" in out  # a country answer reads as its name
    assert "-> Final decision given; no further appeal" in out  # labels, not values


def test_demo_lists_scenarios_with_their_titles() -> None:
    done = cli("demo")
    assert done.returncode == 0
    for path in SCENARIO_FILES:
        assert path.stem in done.stdout
        assert read_scenario(path).title in done.stdout


def test_unknown_scenario_suggests_a_name() -> None:
    done = cli("demo", "npm-cpt-and-sp")
    assert done.returncode == 2
    assert "did you mean 'npm-cpt-and-spt'?" in done.stderr


def test_demo_without_a_terminal_never_waits() -> None:
    # stdin is a pipe with nothing in it: reading it would hang or end the demo early.
    done = cli("demo", "defenders-urgent-action", stdin="")
    assert done.returncode == 0 and "RECOMMENDED ROUTES" in done.stdout


def test_pacer_waits_for_enter_and_s_plays_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = iter(["", "s"])
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt="": asked.append(prompt) or next(keys))
    pacer = workshop._Pacer(make_console(True), auto=False, delay=0)
    pacer()
    pacer()
    pacer()  # after "s", no more questions asked
    assert len(asked) == 2 and "[Enter] next" in asked[0]


def test_pacer_q_quits_and_auto_sleeps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("builtins.input", lambda prompt="": "q")
    with pytest.raises(typer.Exit):
        workshop._Pacer(make_console(True), auto=False, delay=0)()
    slept: list[float] = []
    monkeypatch.setattr(workshop.time, "sleep", slept.append)
    monkeypatch.setattr("builtins.input", lambda prompt="": pytest.fail("auto never asks"))
    workshop._Pacer(make_console(True), auto=True, delay=1.5)()
    assert slept == [1.5]
