"""Workshop scenarios and `engagewiz demo`: every scenario is complete, plays, and reads well."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from cli_inprocess import completed
from engagewiz.authoring.citations import EDITOR_WORDS
from engagewiz.core import interview
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.prefill import with_country_facts
from engagewiz.kb.countries import CountryData
from engagewiz.storage.answers import load_answers
from engagewiz.storage.scenarios import read_scenario

ROOT = Path(__file__).resolve().parents[1]
SCENARIO_FILES = sorted((ROOT / "data" / "scenarios").glob("*.yaml"))
NAMES = [p.stem for p in SCENARIO_FILES]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line through its real entry point, in this process (cli_inprocess)."""
    return completed(*args, env={"ENGAGEWIZ_TODAY": "2026-11-23", "NO_COLOR": "1",
                                 "COLUMNS": "100"})


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
    lines = [x for x in path.read_text().splitlines()[1:] if x.startswith("#")
             and not x.startswith(("# sources:", "# what if:"))]
    lines = lines[:lines.index(next(x for x in lines if "Drawn from" in x)) + 1]
    assert 2 <= len(lines) <= 5, "a 2-4 line description (plus where it is drawn from)"
    assert "Drawn from" in scenario.description
    assert scenario.sources, "a '# sources: KEY, KEY' line: the published sources, by key"
    # by published title, never by our file names ("seed 003") or editor's shorthand
    assert not EDITOR_WORDS.search(scenario.description), scenario.description


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=NAMES)
def test_scenario_answers_every_applicable_question(path: Path, kb: KnowledgeBase,
                                                    countries: CountryData) -> None:
    answers = load_answers(path, kb, resolver(countries))
    assert interview.effective(kb, answers) == answers, "answers to questions that do not apply"
    filled = with_country_facts(kb, answers, countries, date(2026, 11, 23))
    assert [q.id for q in interview.missing(kb, filled.answers)] == []


def test_demo_lists_scenarios_with_their_titles() -> None:
    done = cli("demo")
    assert done.returncode == 0
    for path in SCENARIO_FILES:
        assert path.stem in done.stdout
        assert read_scenario(path).title in done.stdout


def test_unknown_scenario_suggests_a_name() -> None:
    done = cli("demo", "npm-cpt-and-sp")
    assert done.returncode == 2
    assert "did you mean 'npm-cpt-and-spt'" in done.stderr
