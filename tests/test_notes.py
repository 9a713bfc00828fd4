"""Notes where nothing can be filed: decided in the core, carried by the Assessment.

A State with no regional complaint body is told so, with the UN routes that fill the gap
and where each stands; a note never shows on an unknown; a route of a regional system the
State is not in is never offered as filling the gap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import TODAY
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.kb.countries import CountryData
from engagewiz.render import json_out
from engagewiz.render.plan import build_plan

ROOT = Path(__file__).resolve().parents[1]


def answers_of(name: str, **changes: Any) -> dict[str, Any]:
    raw = yaml.safe_load((ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8"))
    raw.pop("expect", None)
    return {**raw, **changes}


def note_ids(kb: KnowledgeBase, countries: CountryData | None,
             answers: dict[str, Any]) -> list[str]:
    return [n.id for n in assess(kb, answers, today=TODAY, countries=countries).notes]


def regional(kb: KnowledgeBase, countries: CountryData | None,
             answers: dict[str, Any]) -> list[str]:
    """The notes about the State's region (universal jurisdiction is about the case)."""
    return [n for n in note_ids(kb, countries, answers) if n != "universal-jurisdiction"]


@pytest.mark.parametrize(("country", "expected"), [
    ("PAK", ["no-regional-complaint-body"]),   # Asia, not ASEAN, no Arab Charter
    ("VNM", ["asean-no-complaint-body"]),
    ("JOR", ["arab-system-no-complaints"]),
    ("EGY", ["arab-system-no-complaints"]),    # and the African Commission: no general note
    ("ZMB", ["sadc-tribunal-closed"]),
    ("RUS", ["russia-left-council-of-europe"]),  # the Court still, for earlier facts
    ("KEN", []), ("FRA", []), ("CHL", []), ("USA", []),
])
def test_the_note_for_each_region(kb: KnowledgeBase, countries: CountryData, country: str,
                                  expected: list[str]) -> None:
    answers = answers_of("asia-no-regional-system", country=country)
    assert regional(kb, countries, answers) == expected


def test_a_note_never_shows_on_an_unknown(kb: KnowledgeBase, countries: CountryData) -> None:
    """Without the country data the memberships are unknown: saying that no regional body
    exists would be a guess."""
    answers = answers_of("asia-no-regional-system", country="PAK")
    assert regional(kb, None, answers) == []
    facts = {"coe_member": "no", "oas_member": "no", "african_charter_party": "no",
             "asean_member": "no", "arab_charter_party": "dont_know"}
    assert regional(kb, None, {**answers, **facts}) == []
    assert regional(kb, None, {**answers, **facts, "arab_charter_party": "no"}) == [
        "no-regional-complaint-body"]


def test_the_routes_that_fill_the_gap_say_where_they_stand(kb: KnowledgeBase,
                                                           countries: CountryData) -> None:
    a = assess(kb, answers_of("asia-no-regional-system", country="PAK"), today=TODAY,
               countries=countries)
    (note,) = [n for n in a.notes if n.id == "no-regional-complaint-body"]
    standing = {x.id: x.standing for x in note.instead}
    recommended = {r.id for r in a.recommended}
    assert standing["sp-communication"] == "recommended" and "sp-communication" in recommended
    assert standing["cat-communication"] == "blocked"  # Pakistan: no article 22 declaration
    assert "achpr-communication" not in standing


def test_a_route_out_of_the_states_region_never_fills_the_gap(
        kb: KnowledgeBase, countries: CountryData) -> None:
    """The Arab note names the African Commission for the Arab States in Africa only."""
    for country, offered in (("EGY", True), ("JOR", False)):
        a = assess(kb, answers_of("asia-no-regional-system", country=country), today=TODAY,
                   countries=countries)
        (note,) = [n for n in a.notes if n.id == "arab-system-no-complaints"]
        assert ("achpr-communication" in [x.id for x in note.instead]) is offered, country


def test_universal_jurisdiction_where_atrocities_or_no_remedy(
        kb: KnowledgeBase, countries: CountryData) -> None:
    base = answers_of("kenya-torture-survivor", country="KEN")
    assert "universal-jurisdiction" not in note_ids(kb, countries, base)
    assert "universal-jurisdiction" in note_ids(kb, countries, {**base,
                                                                "atrocity_crimes": "yes"})


def test_json_and_plan_carry_the_notes(kb: KnowledgeBase, countries: CountryData) -> None:
    a = assess(kb, answers_of("asia-no-regional-system", country="PAK"), today=TODAY,
               countries=countries)
    data = json_out.to_dict(a, kb.sources)
    assert data["notes"][0]["id"] == "no-regional-complaint-body"
    cited = data["notes"][0]["source"]
    assert cited and all(data["sources"][k]["url"].startswith("https://") for k in cited)
    assert {"id": "sp-communication", "name": "Special Procedures: urgent appeal or letter",
            "status": "open", "recommended": True} in data["notes"][0]["instead"]
    plan = build_plan(a, kb, countries=countries)
    (section,) = [s for s in plan.sections if s.kind == "notes"]
    assert section.parts[0].title == a.notes[0].title
