"""What-if comparisons (core.compare): routes that open, close, move, and the reason for
each move; and the `compare` command that shows them."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from cli_inprocess import completed
from engagewiz.core import compare as diff
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.results import Assessment
from engagewiz.kb.countries import CountryData
from engagewiz.kb.load import load_kb
from engagewiz.render.compare import said
from engagewiz.storage.answers import check_answers

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)
DEADLINE = ROOT / "data" / "scenarios" / "rehab-centre-complaint-deadline.yaml"


@pytest.fixture(scope="module")
def minimal() -> KnowledgeBase:
    return load_kb(ROOT / "examples" / "kb-minimal")


def run(kb: KnowledgeBase, answers: dict[str, Any],
        countries: CountryData | None = None) -> Assessment:
    return assess(kb, answers, today=TODAY, countries=countries)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {"ENGAGEWIZ_TODAY": "2026-11-23", "NO_COLOR": "1", "COLUMNS": "100"}
    return completed(*args, env=env)


def test_one_gate_flips_and_the_route_closes_with_its_rule(minimal: KnowledgeBase) -> None:
    before = run(minimal, {"case_type": "individual", "ratified_cat": "yes"})
    after = run(minimal, {"case_type": "individual", "ratified_cat": "no"})
    result = diff.compare(before, after, minimal)
    (change,) = result.changes
    assert change.id == "cat-communication" and change.movement == diff.CLOSED
    assert change.before.rank == 1 and change.after.status == "blocked"
    assert change.reasons == (diff.Why(
        diff.RULE, "The State must be party to the Convention against Torture",
        "Has the State ratified the Convention against Torture? No", "open", "blocked"),)
    assert change.own and change.main == change.reasons[0]
    assert said(change.main) == ("now blocked (was open): The State must be party to the "
                                 "Convention against Torture")
    assert result.unchanged == 1  # the UPR route did not move
    assert [a.question for a in result.answers] == ["ratified_cat"]
    assert (result.answers[0].before, result.answers[0].after) == ("Yes", "No")


def test_the_reverse_opens_it_and_dont_know_means_check_first(minimal: KnowledgeBase) -> None:
    blocked = run(minimal, {"case_type": "individual", "ratified_cat": "no"})
    opened = diff.compare(blocked, run(minimal, {"case_type": "individual",
                                                 "ratified_cat": "yes"}), minimal)
    assert [c.movement for c in opened.changes] == [diff.OPENED]
    unsure = diff.compare(blocked, run(minimal, {"case_type": "individual",
                                                 "ratified_cat": "dont_know"}), minimal)
    assert [c.movement for c in unsure.changes] == [diff.NOW_CHECK]
    assert (unsure.changes[0].main.was, unsure.changes[0].main.now) == ("blocked", "unknown")


def test_score_reasons_added_and_removed_are_named(minimal: KnowledgeBase) -> None:
    before = run(minimal, {"case_type": "individual", "ratified_cat": "yes"})
    after = run(minimal, {"case_type": "pattern", "ratified_cat": "yes"})
    result = diff.compare(before, after, minimal)
    by_id = {c.id: c for c in result.changes}
    upr, cat = by_id["upr-stakeholder-submission"], by_id["cat-communication"]
    assert upr.movement == diff.UP and upr.after.rank == 1
    assert upr.reasons == (diff.Why(diff.POINTS, "You work on a pattern, and this route ends "
                                    "in recommendations to the State.", points=2),)
    assert said(upr.main) == ("gained 2 points: You work on a pattern, and this route ends in "
                              "recommendations to the State.")
    assert cat.movement == diff.DOWN
    assert (cat.main.points, cat.main.applies) == (-3, False)  # a +3 that no longer applies
    assert said(cat.main).startswith("lost 3 points, no longer true: You act for a specific")


def test_a_route_that_gained_but_fell_has_no_reason_of_its_own_to_fall(
        kb: KnowledgeBase, countries: CountryData) -> None:
    """CAT's complaint gains a point when the risk is high, but others gain more: its one
    reason would say "gained" under "Fell", so it has none (moved because others moved)."""
    answers = check_answers(yaml.safe_load(DEADLINE.read_text()), kb)[0]
    result = diff.compare(run(kb, answers, countries),
                          run(kb, answers | {"reprisal_risk": "high"}, countries), kb)
    for change in result.changes:
        if change.main is not None and change.main.kind == diff.POINTS:
            rose = change.movement == diff.UP or change.after.score > change.before.score
            assert (change.main.points > 0) == rose, change
    cat = next(c for c in result.changes if c.id == "cat-communication")
    assert cat.movement == diff.DOWN and cat.own and cat.main is None


def test_identical_answers_change_nothing(kb: KnowledgeBase, countries: CountryData) -> None:
    answers = check_answers(yaml.safe_load(DEADLINE.read_text()), kb)[0]
    a = run(kb, answers, countries)
    result = diff.compare(a, run(kb, answers, countries), kb)
    assert result.changes == () and result.answers == ()
    assert result.unchanged == len(a.all_routes())


def test_pending_appeal_closes_the_complaints_and_others_ripple(
        kb: KnowledgeBase, countries: CountryData) -> None:
    answers = check_answers(yaml.safe_load(DEADLINE.read_text()), kb)[0]
    pending = {k: v for k, v in answers.items() if k != "final_decision_date"}
    pending["remedies"] = "pending"
    before = run(kb, answers, countries)
    result = diff.compare(before, run(kb, pending, countries), kb)
    closed = {c.id for c in result.changes if c.movement == diff.CLOSED}
    assert {"cat-communication", "ccpr-communication", "ecthr-application"} <= closed
    ecthr = next(c for c in result.changes if c.id == "ecthr-application")
    assert any((r.was, r.now) == ("open", "blocked") and "still pending" in r.detail
               for r in ecthr.reasons)
    ripple = [c for c in result.changes if not c.own]
    assert ripple and all(c.movement == diff.UP for c in ripple)
    assert len(result.changes) + result.unchanged == len(before.all_routes())


def test_cli_compare_with_set_shows_the_move_and_its_reason() -> None:
    done = cli("compare", "rehab-centre-complaint-deadline", "--set", "remedies=pending")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "B rehab-centre-complaint-deadline + remedies=pending" in out
    # the European Court leads A: its 4-month limit ends within the warning window
    assert "\nClosed (" in out
    assert "x European Court of Human Rights: application (was #1): Domestic remedies" in out
    assert "moved only because others moved" in out
    full = cli("compare", "rehab-centre-complaint-deadline", "--set", "remedies=pending",
               "--full").stdout
    assert "x closed  European Court of Human Rights: application (was #1)" in full
    assert "now blocked (was open): Domestic remedies must be exhausted" in full
    assert "lost 1 point, no longer true: Your domestic remedies are exhausted" in full
    assert "A domestic remedy (an appeal) is still pending." in full


@pytest.mark.parametrize("columns", ["100", "60"])
def test_two_scenarios_compare_on_one_screen(columns: str) -> None:
    """Two scenarios differ in 24 answers and move most routes: the summary still fits a
    30-line screen, and names what opened and what closed, each with its reason."""
    env = {"ENGAGEWIZ_TODAY": "2026-11-23", "NO_COLOR": "1", "COLUMNS": columns}
    done = completed("compare", "rehab-centre-complaint-deadline", "defenders-urgent-action",
                     env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) < 30 and max(len(x) for x in lines) <= int(columns)  # and the prompt
    out = " ".join(done.stdout.split())  # as read, whatever the wrapping
    assert "answers differ; --full lists them" in out
    assert "Opened (" in out and "Closed (" in out
    assert "+ IACHR: precautionary measures (now #2): The State must be an OAS member" in out
    assert "more move(s) not shown" in out and "--full" in out
    assert "(+1)" not in out.split("Opened")[1]  # points are said in words, not signs


def test_cli_compare_two_files_as_json(tmp_path: Path) -> None:
    other = tmp_path / "what-if.yaml"
    answers = yaml.safe_load(DEADLINE.read_text())
    answers["reprisal_risk"] = "high"
    other.write_text(yaml.safe_dump(answers))
    done = cli("compare", str(DEADLINE), str(other), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [a["question"] for a in data["answers"]] == ["reprisal_risk"]
    assert all(c["reasons"] for c in data["changes"] if c["own"])
    risen = [c for c in data["changes"] if c["movement"] == "up" and c["main"]]
    assert risen and all(c["main"]["points"] > 0 for c in risen)


def test_cli_set_checks_keys_values_and_multi_choices() -> None:
    typo = cli("compare", "npm-cpt-and-spt", "--set", "reprisal_rsk=high")
    assert typo.returncode == 2 and "did you mean 'reprisal_risk'" in typo.stderr
    bad = cli("compare", "npm-cpt-and-spt", "--set", "reprisal_risk=huge")
    assert bad.returncode == 2 and "expected one of low, medium, high" in bad.stderr
    multi = cli("compare", "npm-cpt-and-spt", "--set", "themes=torture,women")
    assert multi.returncode == 0, multi.stderr
    assert "Women's rights" in " ".join(multi.stdout.split())
    none = cli("compare", "npm-cpt-and-spt")
    assert none.returncode == 2 and "--set KEY=VALUE" in none.stderr
    missing = cli("compare", "no-such-file.yaml", "npm-cpt-and-spt")
    assert missing.returncode == 2 and "not found" in missing.stderr


def test_cli_warns_about_questions_the_change_leaves_unanswered() -> None:
    done = cli("compare", "children-upr-after-crc", "--set", "case_type=individual")
    assert done.returncode == 0, done.stderr
    assert "leaves" in done.stderr and "facts_date" in done.stderr
