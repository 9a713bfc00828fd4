"""The bundled examples, each with its reviewed result.

The snapshot is a summary a trainer can read in a minute: the ranked routes with their
scores, what to check first and why, and the first rule that blocks each other route.
The full text of every example is pinned by the plan snapshots (tests/snapshots/plans).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from cli_inprocess import run_cli
from conftest import TODAY
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.prefill import with_country_facts
from engagewiz.kb.countries import CountryData
from engagewiz.storage.answers import load_answers
from snapshot_util import assert_snapshot

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@cache
def assess_json(path: Path, *extra: str) -> dict[str, Any]:
    """The scripted run's JSON, run once per example in this process (the snapshot and the
    score checks read the same result; a subprocess each cost 0.3 s of CPU)."""
    done = run_cli("assess", "--answers", str(path), "--format", "json", *extra)
    assert done.code == 0, done.err
    result: dict[str, Any] = json.loads(done.out)
    return result


def summary(result: dict[str, Any]) -> str:
    lines = [f"today {result['today']}, knowledge base {result['kb_version']}", "", "recommended:"]
    lines += [f"  {i}. {r['id']} ({r['score']:+d})" for i, r in
              enumerate(result["recommended"], 1)]
    lines += ["", "other open:"] + [f"  {r['id']}" for r in result["other_open"]]
    lines += ["", "check first:"]
    for r in result["check_first"]:
        lines.append(f"  {r['id']} ({r['score']:+d}): {r['check'][0]['rule']}")
    lines += ["", "blocked:"]
    for r in result["blocked"]:
        lines.append(f"  {r['id']}: {r['blocked_by'][0]['detail']}")
    overridden = [p["question"] for p in result["prefilled"] if p["overridden"]]
    if overridden:
        lines += ["", "your answers override the country data on: " + ", ".join(overridden)]
    return "\n".join(lines) + "\n"


# The situations the guide walks through, each as answers an example must give (a list
# answer must include the value), after the country data is filled in: removing or
# rewriting an example must not leave one of them without a worked, reviewed result.
SITUATIONS: dict[str, dict[str, str]] = {
    "a rehabilitation centre with a survivor's case": {"org_type": "rehab_centre",
                                                       "case_type": "individual"},
    "a lawyer whose domestic remedies are still pending": {"org_type": "lawyer",
                                                           "remedies": "pending"},
    "a National Preventive Mechanism": {"org_type": "npm"},
    "an NGO without ECOSOC status, with a partner that has it": {"org_type": "ngo",
                                                                 "ecosoc_status": "partner"},
    "someone at imminent risk of torture": {"urgency": "yes", "themes": "torture"},
    "a high risk of reprisals": {"reprisal_risk": "high"},
    "a State closed to the UN": {"state_openness": "closed"},
    "a State that has not ratified the Convention against Torture": {"ratified_cat": "no"},
    "standards rather than action on one State": {"outputs": "thematic_standards"},
}


def _gives(answers: dict[str, Any], wanted: dict[str, str]) -> bool:
    return all(v in answers.get(k, ()) if isinstance(answers.get(k), list)
               else answers.get(k) == v for k, v in wanted.items())


def test_there_are_examples_for_each_situation_the_guide_names(
        kb: KnowledgeBase, countries: CountryData) -> None:
    def resolve(text: str) -> tuple[str | None, list[str]]:
        found = countries.search(text)
        return (found.iso3 if found else None), []

    examples = [with_country_facts(kb, load_answers(path, kb, resolve), countries, TODAY).answers
                for path in EXAMPLES]
    missing = [name for name, wanted in SITUATIONS.items()
               if not any(_gives(answers, wanted) for answers in examples)]
    assert not missing, f"no example for: {missing}"


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_result_matches_its_reviewed_snapshot(example: Path) -> None:
    assert_snapshot(f"examples/{example.stem}.txt", summary(assess_json(example)))


def test_top_limits_the_recommended_list() -> None:
    full = assess_json(EXAMPLES[0])
    top = assess_json(EXAMPLES[0], "--top", "2")
    assert [r["id"] for r in top["recommended"]] == [r["id"] for r in full["recommended"][:2]]


def test_every_score_point_is_explained_with_a_source() -> None:
    for example in EXAMPLES:
        for route in assess_json(example)["recommended"]:
            assert route["score"] == sum(r["points"] for r in route["reasons"]), route["id"]
            assert all(r["source"] for r in route["reasons"]), route["id"]


def test_the_scoring_index_and_memo_only_save_time(kb: KnowledgeBase,
                                                  countries: CountryData) -> None:
    """`scoring_for` (which rules may select which route, decided at load) is a shortcut:
    without it every rule is tried on every route, and every example ranks the same. So is
    the memo (core/memo.py; tests/test_memo.py attacks it): `kb` keeps what the examples
    before selected and judged, each copy starts empty."""
    import dataclasses

    from engagewiz.core import memo
    from engagewiz.core.engine import assess

    for path in EXAMPLES:
        answers = load_answers(path, kb)
        unindexed = dataclasses.replace(kb, scoring_for={})
        assert (assess(unindexed, answers, today=TODAY, countries=countries)
                == assess(kb, answers, today=TODAY, countries=countries)), path.name
    assert memo.for_kb(kb).size
