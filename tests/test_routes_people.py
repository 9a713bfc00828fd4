"""The routes of issue 11 for people rather than cases, at the edges of their rules: the
Voluntary Fund's grants, reporting reprisals, the Arab Human Rights Committee, the bodies
for indigenous peoples and minorities, and the UPR between reviews.
"""

from __future__ import annotations

from typing import Any

import pytest

from cli_inprocess import run_cli
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN
from engagewiz.kb.countries import CountryData
from test_routes_more import ROOT, example, judged


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, OPEN),                                      # a rehabilitation centre
    ({"org_type": "ngo"}, OPEN),
    ({"org_type": "lawyer"}, UNKNOWN),               # through a clinic or NGO: ask the Fund
    ({"org_type": "nhri"}, BLOCKED),                 # only non-governmental organisations
    ({"org_type": "victim"}, BLOCKED),               # helped through a funded organisation
    ({"themes": ["detention"], "rehab_funding": None}, BLOCKED),  # torture victims only
])
def test_who_the_voluntary_fund_gives_grants_to(kb: KnowledgeBase, countries: CountryData,
                                                changes: dict[str, Any],
                                                expected: str) -> None:
    answers = {k: v for k, v in {**example("rehab-centre-survivors-fund"),
                                 **changes}.items() if v is not None}
    assert judged(kb, countries, answers, "unvfvt-grant")[0].status == expected


def test_a_grant_leads_only_for_a_centre_that_needs_the_money(
        kb: KnowledgeBase, countries: CountryData) -> None:
    needs, a = judged(kb, countries, example("rehab-centre-survivors-fund"), "unvfvt-grant")
    assert a.recommended[0].id == "unvfvt-grant"
    funded, b = judged(kb, countries, example("rehab-centre-survivors-fund",
                                              rehab_funding="no"), "unvfvt-grant")
    assert needs.score - funded.score == 14
    assert "unvfvt-grant" not in [r.id for r in b.recommended[:10]]


def test_a_short_view_shows_the_reason_a_route_leads() -> None:
    """--compact shows three reasons: the strongest, not the first three scored (the general
    rules come first, and the Fund's own +8 was cut off under them)."""
    fund_example = ROOT / "examples" / "rehab-centre-survivors-fund.yaml"
    ran = run_cli("assess", "--answers", str(fund_example), "--top", "1", "--compact", "--plain")
    fund = ran.out[ran.out.index("1. UN Voluntary Fund"):]
    shown = fund[:fund.index("\n\n")]
    assert "+8 You need funding" in shown
    assert shown.index("+8") < shown.index("+2")


@pytest.mark.parametrize(("suffered", "expected"), [
    ("yes", OPEN), ("no", BLOCKED), ("dont_know", UNKNOWN)])
def test_reprisals_are_reported_once_they_happened(kb: KnowledgeBase, countries: CountryData,
                                                   suffered: str, expected: str) -> None:
    route, a = judged(kb, countries, example("reprisal-after-un-review",
                                             reprisal_suffered=suffered),
                      "reprisals-ohchr-channel")
    assert route.status == expected
    if suffered == "yes":
        assert a.recommended[0].id == "reprisals-ohchr-channel"


@pytest.mark.parametrize(("country", "expected"), [("Egypt", OPEN), ("Nepal", BLOCKED)])
def test_the_arab_committee_reviews_only_the_charter_s_parties(
        kb: KnowledgeBase, countries: CountryData, country: str, expected: str) -> None:
    route, a = judged(kb, countries, example("reprisal-after-un-review", country=country),
                      "arab-charter-shadow-report")
    assert route.status == expected
    assert route.out_of_region == (expected == BLOCKED)  # listed last, never "worth opening"
    notes = [n.id for n in a.notes]
    assert ("arab-system-no-complaints" in notes) == (country == "Egypt")


@pytest.mark.parametrize(("people", "emrip", "forum"), [
    (["indigenous"], OPEN, BLOCKED),
    (["minority"], BLOCKED, OPEN),
    (["indigenous", "minority"], OPEN, OPEN),
    (["neither"], BLOCKED, BLOCKED),
    ("dont_know", UNKNOWN, UNKNOWN),
])
def test_indigenous_peoples_and_minorities_each_have_their_bodies(
        kb: KnowledgeBase, countries: CountryData, people: Any, emrip: str,
        forum: str) -> None:
    answers = example("indigenous-land-mining", people_affected=people)
    assert judged(kb, countries, answers, "emrip-participation")[0].status == emrip
    assert judged(kb, countries, answers, "unpfii-participation")[0].status == emrip
    assert judged(kb, countries, answers, "minority-forum-participation")[0].status == forum


def test_a_theme_outside_their_mandate_closes_them_with_how_to_open_them(
        kb: KnowledgeBase, countries: CountryData) -> None:
    answers = example("indigenous-land-mining", themes=["torture"])
    answers.pop("people_affected")  # not asked for torture alone
    route, _ = judged(kb, countries, answers, "emrip-participation")
    assert route.status == BLOCKED
    assert "Racial discrimination or indigenous peoples" in route.gates_with(BLOCKED)[0].unblock


@pytest.mark.parametrize(("route", "soon_minus_not"), [
    ("upr-national-consultation", 6), ("upr-pre-session", 6),
    ("upr-midterm-stakeholder-report", -3)])
def test_the_upr_cycle_decides_when_each_step_fits(kb: KnowledgeBase, countries: CountryData,
                                                   route: str, soon_minus_not: int) -> None:
    soon, _ = judged(kb, countries, example("indigenous-land-mining", upr_soon="yes"), route)
    later, _ = judged(kb, countries, example("indigenous-land-mining", upr_soon="no"), route)
    assert soon.status == later.status == OPEN
    assert soon.score - later.score == soon_minus_not
