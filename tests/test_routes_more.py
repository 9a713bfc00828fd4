"""The routes of issue 11 at the edges of their rules, on the bundled knowledge base and
country data: the ECOWAS exits, the East African Court's two months, who may lodge a
collective complaint, and observer status as the key to the African Court.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import TODAY
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, Assessment, RouteResult
from engagewiz.kb.countries import CountryData

ROOT = Path(__file__).resolve().parents[1]


def example(name: str, **changes: Any) -> dict[str, Any]:
    raw = yaml.safe_load((ROOT / "examples" / f"{name}.yaml").read_text(encoding="utf-8"))
    raw.pop("expect", None)
    return {**raw, **changes}


def judged(kb: KnowledgeBase, countries: CountryData, answers: dict[str, Any],
           rid: str) -> tuple[RouteResult, Assessment]:
    state = countries.search(str(answers["country"]))  # a name, as in the answers files
    assert state is not None
    a = assess(kb, {**answers, "country": state.iso3}, today=TODAY, countries=countries)
    return next(r for r in a.all_routes() if r.id == rid), a


@pytest.mark.parametrize(("country", "facts", "registry", "expected"), [
    ("MLI", "2023-06-15", "dont_know", UNKNOWN),  # before the exit: ask the registry
    ("MLI", "2023-06-15", "yes", OPEN),           # the registry confirmed it
    ("MLI", "2023-06-15", "no", BLOCKED),
    ("MLI", "2025-06-01", "yes", BLOCKED),        # after 29 January 2025: not a member
    ("NER", "dont_know", "yes", UNKNOWN),         # no date: check first, never open
    ("GIN", "2023-06-15", "dont_know", UNKNOWN),  # suspended: ask the registry
    ("NGA", "2023-06-15", None, OPEN),            # a member: no registry question
    ("KEN", "2023-06-15", None, BLOCKED),
])
def test_the_ecowas_court_after_the_2025_exits(kb: KnowledgeBase, countries: CountryData,
                                               country: str, facts: str,
                                               registry: str | None, expected: str) -> None:
    answers = example("sahel-ecowas-exit", country=country, facts_date=facts)
    answers.pop("ecowas_registry_confirms")
    if registry is not None:
        answers["ecowas_registry_confirms"] = registry
    route, _ = judged(kb, countries, answers, "ecowas-ccj-application")
    assert route.status == expected
    if country == "KEN":
        assert route.out_of_region


def test_the_east_african_court_counts_two_months_from_the_act(
        kb: KnowledgeBase, countries: CountryData) -> None:
    running, a = judged(kb, countries, example("east-africa-new-law-eacj"), "eacj-reference")
    assert running.status == OPEN
    assert [(d.route, d.last_day) for d in a.deadlines][:1] == [("eacj-reference",
                                                                 "2026-12-29")]
    late, _ = judged(kb, countries, example("east-africa-new-law-eacj",
                                            act_date="2026-09-01"), "eacj-reference")
    assert late.status == BLOCKED
    assert "ended on 2026-11-01" in late.gates_with(BLOCKED)[0].detail


@pytest.mark.parametrize(("country", "standing", "expected"), [
    ("FRA", "partner", OPEN),
    ("FRA", "listed_ingo", OPEN),
    ("FRA", "national_ngo", BLOCKED),  # France made no declaration for national NGOs
    ("FIN", "national_ngo", OPEN),     # Finland did (art. 2)
    ("FRA", "none", BLOCKED),
    ("DEU", "partner", UNKNOWN),       # not on the known list: a later acceptance may exist
    ("KEN", "partner", BLOCKED),
])
def test_who_may_lodge_a_collective_complaint(kb: KnowledgeBase, countries: CountryData,
                                             country: str, standing: str,
                                             expected: str) -> None:
    answers = example("europe-collective-complaint", country=country, esc_standing=standing)
    route, _ = judged(kb, countries, answers, "esc-collective-complaint")
    assert route.status == expected


def test_a_collective_complaint_is_never_about_one_victim(
        kb: KnowledgeBase, countries: CountryData) -> None:
    answers = example("europe-collective-complaint", case_type="individual")
    route, _ = judged(kb, countries, answers, "esc-collective-complaint")
    assert route.status == BLOCKED


def test_observer_status_is_the_key_to_the_african_court(
        kb: KnowledgeBase, countries: CountryData) -> None:
    """In Mali (article 34(6) kept) an NGO without observer status cannot go to the Court
    itself, so the status is worth more there than in Kenya, which has no declaration."""
    mali, _ = judged(kb, countries, example("sahel-ecowas-exit"),
                     "enabler-achpr-observer-status")
    kenya, _ = judged(kb, countries, example("sahel-ecowas-exit", country="KEN",
                                             act_date="dont_know"),
                      "enabler-achpr-observer-status")
    assert mali.status == kenya.status == OPEN
    assert mali.score == kenya.score + 3
    has_it, _ = judged(kb, countries, example("sahel-ecowas-exit", achpr_observer="yes"),
                       "enabler-achpr-observer-status")
    assert has_it.status == BLOCKED


@pytest.mark.parametrize(("country", "route", "expected"), [
    ("SYR", "iiim-submission", OPEN), ("SYR", "iimm-submission", BLOCKED),
    ("MMR", "iimm-submission", OPEN), ("MMR", "iiim-submission", BLOCKED),
    ("SYR", "icc-otp-communication", BLOCKED),   # no jurisdiction (the answer says so)
])
def test_each_investigative_mechanism_covers_its_own_situation(
        kb: KnowledgeBase, countries: CountryData, country: str, route: str,
        expected: str) -> None:
    answers = example("syria-atrocity-documentation", country=country)
    assert judged(kb, countries, answers, route)[0].status == expected


def test_the_icc_needs_atrocity_crimes_and_jurisdiction_and_victims_a_case(
        kb: KnowledgeBase, countries: CountryData) -> None:
    base = example("syria-atrocity-documentation", icc_jurisdiction="yes")
    assert judged(kb, countries, base, "icc-otp-communication")[0].status == OPEN
    assert judged(kb, countries, {**base, "atrocity_crimes": "no"},
                  "icc-otp-communication")[0].status == BLOCKED
    victims = {**base, "case_type": "both", "investigation_exists": ["icc"]}
    assert judged(kb, countries, victims, "icc-victim-participation")[0].status == OPEN
    assert judged(kb, countries, base, "icc-victim-participation")[0].status == BLOCKED
