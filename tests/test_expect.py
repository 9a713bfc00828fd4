"""Every example and workshop scenario meets the outcome a trainer signed in its `expect:`
block: urgent routes first, running time limits shown, the right routes at the top, the
right rule behind each block, and the words that must (or must never) be said.

Snapshots record what the tool says; these state what it must say, so a snapshot refresh
cannot quietly accept wrong advice. The expectation language: authoring/expect.py.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console

from conftest import TODAY
from engagewiz.authoring import expect
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.results import Assessment
from engagewiz.kb.countries import CountryData
from engagewiz.render import DEFAULT_TOP, plan_md
from engagewiz.render.plan import build_plan
from engagewiz.render.terminal import render
from engagewiz.storage.answers import load_answers

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "data" / "scenarios").glob("*.yaml")])


def _run(path: Path, kb: KnowledgeBase,
         countries: CountryData) -> tuple[Assessment, dict[str, str]]:
    def resolve(text: str) -> tuple[str | None, list[str]]:
        found = countries.search(text)
        return (found.iso3 if found else None), []

    result = assess(kb, load_answers(path, kb, resolve), today=TODAY, countries=countries)
    screen = io.StringIO()
    render(result, kb, Console(file=screen, width=200, no_color=True, highlight=False),
           top=DEFAULT_TOP, plain=True)
    plan = plan_md.render(build_plan(result, kb, top=DEFAULT_TOP, countries=countries))
    return result, {"screen": screen.getvalue(), "plan": plan}


def _expectation(path: Path, kb: KnowledgeBase) -> expect.Expectation:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert expect.EXPECT in raw, f"{path.name}: add an `expect:` block (what a trainer signs)"
    found, problems = expect.parse(raw[expect.EXPECT], kb)
    assert found is not None, f"{path.name}: {problems}"
    return found


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_the_outcome_a_trainer_signed(path: Path, kb: KnowledgeBase,
                                      countries: CountryData) -> None:
    wanted = _expectation(path, kb)
    result, texts = _run(path, kb, countries)
    assert expect.unmet(wanted, result, kb, texts) == []


def test_every_urgent_example_and_no_other_has_the_banner(kb: KnowledgeBase) -> None:
    """A non-urgent case never gets the banner: each file says which it is."""
    for path in FILES:
        wanted = _expectation(path, kb)
        urgent = yaml.safe_load(path.read_text(encoding="utf-8")).get("urgency") == "yes"
        assert wanted.urgent is not None, f"{path.name}: say `urgent: [...]` (or [])"
        assert bool(wanted.urgent) == urgent, path.name


def test_unmet_expectations_are_reported_in_words(kb: KnowledgeBase,
                                                  countries: CountryData) -> None:
    """The checker can fail: a wrong expectation on a real run is named precisely."""
    path = ROOT / "examples" / "kenya-torture-survivor.yaml"
    result, texts = _run(path, kb, countries)
    wrong, problems = expect.parse({
        "urgent": ["sp-communication"], "top3": ["ecthr-application"],
        "not_top3": [result.recommended[0].id], "deadlines": ["achpr-communication"],
        "blocked": {"cat-communication": "same_matter", "achpr-communication": "exhaustion"},
        "says": ["no such words"], "plan_says": ["nor these"],
        "never_says": [result.recommended[0].name]}, kb)
    assert wrong is not None, problems
    failures = expect.unmet(wrong, result, kb, texts)
    assert len(failures) == 11, failures  # says and never_says: screen and plan each
    assert "ecthr-application should be in the top 3" in failures[1]
    assert "it is blocked" in failures[1]
    assert failures[4] == ("cat-communication should be blocked by same_matter; it is blocked "
                           "by accepts_cat22, in_force")
    assert "achpr-communication should be blocked by exhaustion; it is recommended" in failures[5]


@pytest.mark.parametrize(("block", "message"), [
    ({"top3": ["ecthr-aplication"]}, "unknown route 'ecthr-aplication'; did you mean "
                                     "'ecthr-application'?"),
    ({"blocked": {"cat-communication": "coe_member"}}, "no rule of 'cat-communication' is "
                                                      "'coe_member'"),
    ({"top": ["x"]}, "unknown field 'top'"),
])
def test_a_wrong_expectation_is_refused_with_a_reason(kb: KnowledgeBase, block: dict[str, Any],
                                                      message: str) -> None:
    found, problems = expect.parse(block, kb)
    assert found is None and message in problems[0][1]
