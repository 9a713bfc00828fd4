"""Decisions the core makes for every renderer: the plan's safety advice, which blocked
routes are out of the State's region (tested on the Assessment, with no rendering), and
which reservations and opt-outs the country view lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from engagewiz.core.declared import declared
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.results import Assessment
from engagewiz.core.texts import CountryView, FactRow, Treaty
from engagewiz.kb.countries import CountryData
from engagewiz.kb.countryfacts import Country, CountryFact
from engagewiz.kb.load import load_kb

ROOT = Path(__file__).resolve().parents[1]
KENYA = {**yaml.safe_load((ROOT / "examples" / "kenya-torture-survivor.yaml").read_text("utf-8")),
         "country": "KEN"}
DETENTION = ("You have access to places of detention that public criticism could put at "
             "risk: decide before going public how you will keep that access.")


def run(kb: KnowledgeBase, countries: CountryData | None, **changes: Any) -> Assessment:
    answers = {k: v for k, v in {**KENYA, **changes}.items() if v is not None}
    return assess(kb, answers, today=date(2026, 11, 23), countries=countries)


def texts(notes: Any) -> list[str]:
    return [n.text for n in notes]


@pytest.mark.parametrize(("risk", "answer"), [
    ("medium", "Medium"), ("high", "High"), ("dont_know", "Don't know"), (None, "")])
def test_safety_advice_applies_unless_the_risk_is_known_to_be_low(
        kb: KnowledgeBase, countries: CountryData, risk: str | None, answer: str) -> None:
    safety = run(kb, countries, reprisal_risk=risk).safety
    assert safety is not None
    assert safety.answer == ("Reprisal risk", answer)
    assert safety.intro and safety.protect and safety.reprisals
    assert all(n.source for n in (*safety.intro, *safety.protect, *safety.reprisals))


def test_no_safety_advice_when_the_risk_is_low(kb: KnowledgeBase,
                                               countries: CountryData) -> None:
    assert run(kb, countries, reprisal_risk="low").safety is None


@pytest.mark.parametrize(("org", "access", "warned"), [
    ("rehab_centre", "yes", True),
    ("rehab_centre", "dont_know", True),   # when unsure, warn (as a route's cautions do)
    ("rehab_centre", "no", False),
    ("lawyer", None, False),               # not asked of a lawyer: nothing to warn about
])
def test_the_detention_warning_follows_the_answer_as_asked(
        kb: KnowledgeBase, countries: CountryData, org: str, access: str | None,
        warned: bool) -> None:
    safety = run(kb, countries, org_type=org, detention_access=access).safety
    assert safety is not None
    assert (DETENTION in texts(safety.warnings)) is warned


@pytest.mark.parametrize(("org", "opcat", "shown"), [
    ("npm", "no", True), ("ngo", "yes", True), ("ngo", "dont_know", True), ("ngo", "no", False)])
def test_the_opcat_reprisals_text_needs_an_npm_or_an_opcat_state(
        kb: KnowledgeBase, org: str, opcat: str, shown: bool) -> None:
    safety = run(kb, None, country=None, org_type=org, ratified_opcat=opcat).safety
    assert safety is not None
    assert any("OPCAT article 15" in t for t in texts(safety.reprisals)) is shown


def test_confidential_routes_that_fit_are_named(kb: KnowledgeBase,
                                                countries: CountryData) -> None:
    a = run(kb, countries, reprisal_risk="high")
    assert a.safety is not None
    fitting = {r.id for r in (*a.recommended, *a.check_first)}
    confidential = {r.id for r in kb.routes if r.exposure == "confidential"}
    assert a.safety.confidential_routes
    assert set(a.safety.confidential_routes) <= fitting & confidential


def test_a_knowledge_base_without_safety_texts_gives_no_safety_advice() -> None:
    minimal = load_kb(ROOT / "examples" / "kb-minimal")
    a = assess(minimal, {"case_type": "individual"}, today=date(2026, 11, 23))
    assert a.safety is None


def test_regional_routes_of_a_system_the_state_is_not_in_are_out_of_region(
        kb: KnowledgeBase, countries: CountryData) -> None:
    blocked = {r.id: r for r in run(kb, countries).blocked}
    assert blocked["ecthr-application"].out_of_region      # Kenya is not in the CoE
    assert blocked["iachr-petition"].out_of_region         # nor in the OAS
    assert not any(r.out_of_region for r in blocked.values() if r.family != "regional")


def test_a_regional_route_blocked_for_another_reason_is_not_out_of_region(
        kb: KnowledgeBase, countries: CountryData) -> None:
    """France is in the Council of Europe: an application blocked by a pending appeal is a
    route the user can open later, so it is not out of region."""
    a = run(kb, countries, country="FRA", remedies="pending", final_decision_date=None)
    route = next(r for r in a.blocked if r.id == "ecthr-application")
    assert not route.out_of_region


@pytest.mark.parametrize(("route", "state", "step", "changes"), [
    ("cat-communication", "MEX", "Confirm that your State accepts the procedure", {}),
    ("afchpr-direct-application", "GHA", "Confirm on african-court.org", {}),
    ("esc-collective-complaint", "FRA", "Check that the State accepted the procedure",
     {"themes": ["esc_rights"], "case_type": "pattern"}),
])
def test_a_step_to_confirm_what_the_country_data_says_is_left_out(
        kb: KnowledgeBase, countries: CountryData, route: str, state: str, step: str,
        changes: dict[str, Any]) -> None:
    """Newcomer problem 24: the user reads only what is still to check. Where the data says
    the State accepts the procedure, there is nothing to confirm; without a State, or where
    the user does not know, the step stays."""
    def steps(**more: Any) -> list[str]:
        result = run(kb, countries, **{**changes, **more})
        found = next(r for r in result.all_routes() if r.id == route)
        return [s.text for s in found.next_steps]

    assert not any(s.startswith(step) for s in steps(country=state))
    assert any(s.startswith(step) for s in steps(country=None))


def _state(**facts: str) -> Country:
    return Country("XXX", "Testland", "XX", "member", "Testland", (),
                   {k: CountryFact(v, "untc") for k, v in facts.items()})


OPT_OUT = FactRow("CAT-28", "Inquiry opt-out", "inquiry_opt_out_cat", "made", "none")
CAT = CountryView((Treaty(FactRow("CAT", "CAT", "ratified_cat", declarations=(OPT_OUT,))),))


@pytest.mark.parametrize(("facts", "shown"), [
    ({"ratified_cat": "yes", "inquiry_opt_out_cat": "no"}, True),   # bound: "none" informs
    ({"ratified_cat": "yes", "inquiry_opt_out_cat": "yes"}, True),
    ({"ratified_cat": "no", "inquiry_opt_out_cat": "no"}, False),   # not bound: nothing to say
    ({"ratified_cat": "no", "inquiry_opt_out_cat": "yes"}, True),   # the data hold one
    ({"ratified_cat": "no", "inquiry_opt_out_cat": "dont_know"}, True),
    ({"ratified_cat": "no"}, True),                                 # not in the data: unknown
    ({"inquiry_opt_out_cat": "no"}, True),                          # bound or not: unknown
])
def test_a_declaration_is_shown_where_it_can_matter(facts: dict[str, str], shown: bool) -> None:
    assert declared(CAT, _state(**facts)) == {"CAT": (OPT_OUT,) if shown else ()}
