"""The cases issue 16 names, run through the engine with the bundled country data.

One row per situation a lawyer would check: the State, what the user says, the route, the
verdict and the rule that gives it. Everything else in the answers is the same ordinary
individual case (a person tortured, remedies exhausted last month, nothing elsewhere), so
a row fails only if the rule it names stops holding.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import TODAY
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, RouteResult
from engagewiz.kb.countries import CountryData

CASE: dict[str, Any] = {
    "org_type": "lawyer", "themes": ["torture"], "case_type": "individual", "urgency": "no",
    "outputs": ["individual_redress"], "victim_kind": "person", "remedies": "exhausted",
    "final_decision_date": "2026-10-30", "same_matter": "no", "victim_consent": "yes",
    "facts_date": "2025-06-01",
}

# (State, what the user says beyond CASE, route, gate kind that decides, verdict, the rule)
ROWS: list[tuple[str, dict[str, Any], str, str, str, str]] = [
    # 1. Time
    ("RUS", {"facts_date": "2022-09-15"}, "ecthr-application", "in_force", OPEN,
     "ECHR: Russia for facts up to 16 September 2022 (CM/Res(2022)3)"),
    ("RUS", {"facts_date": "2022-09-16"}, "ecthr-application", "in_force", BLOCKED,
     "ECHR: Russia ceased to be a party on 16 September 2022"),
    ("RUS", {"facts_date": "dont_know"}, "ecthr-application", "in_force", UNKNOWN,
     "without the date of the facts: check first, never blocked"),
    ("VEN", {"facts_date": "2012-05-01"}, "iacthr-case", "in_force", OPEN,
     "ACHR art. 78(2): acts before 10 September 2013 stay under the Convention"),
    ("VEN", {"facts_date": "2014-05-01"}, "iacthr-case", "in_force", BLOCKED,
     "ACHR: Venezuela's denunciation took effect on 10 September 2013"),
    ("TTO", {"facts_date": "1998-05-01"}, "iacthr-case", "in_force", OPEN,
     "ACHR art. 78(2): Trinidad and Tobago, acts before 28 May 1999"),
    ("JAM", {}, "ccpr-communication", "in_force", BLOCKED,
     "OP1-ICCPR art. 12(2): denounced; no new communication whatever the date"),
    ("TUN", {}, "afchpr-direct-application", "in_force", BLOCKED,
     "Court Protocol art. 34(6): Tunisia's withdrawal took effect in March 2026"),
    ("GHA", {}, "afchpr-direct-application", "in_force", OPEN,
     "Court Protocol art. 34(6): Ghana keeps its declaration"),
    ("MEX", {"themes": ["disappearance"], "facts_date": "2008-01-01"},
     "ced-communication", "in_force", BLOCKED,
     "ICPPED art. 35: a disappearance that began before entry into force"),
    # 2. Reservations and opt-outs, from the country data
    ("FRA", {"same_matter": "decided", "other_body": "ecthr", "other_decision_merits": "yes"},
     "ccpr-communication", "same_matter", BLOCKED,
     "France's reservation: matters already considered elsewhere"),
    ("FRA", {"same_matter": "decided", "other_body": "ecthr", "other_decision_merits": "no"},
     "ccpr-communication", "same_matter", UNKNOWN,
     "kb-audit M13: a procedural rejection has generally not counted as examined"),
    ("NLD", {"same_matter": "decided", "other_body": "ecthr", "other_decision_merits": "yes"},
     "ccpr-communication", "same_matter", OPEN,
     "OP1-ICCPR art. 5(2)(a): no reservation, only a pending matter is barred"),
    ("AUT", {"same_matter": "decided", "other_body": "ecthr", "other_decision_merits": "yes"},
     "ccpr-communication", "same_matter", UNKNOWN,
     "Austria's text names only the former European Commission: check first"),
    ("RUS", {"same_matter": "decided", "other_body": "ecthr", "other_decision_merits": "yes"},
     "ccpr-communication", "same_matter", OPEN,
     "the USSR's understanding restates the Protocol's bar on pending matters"),
    ("CHE", {"themes": ["race"], "same_matter": "pending", "other_body": "ecthr"},
     "cerd-communication", "same_matter", BLOCKED,
     "Switzerland's article 14 declaration: matters being examined elsewhere"),
    ("DEU", {"themes": ["race"], "same_matter": "pending", "other_body": "un_committee"},
     "cerd-communication", "same_matter", BLOCKED,
     "Germany's article 14 declaration"),
    ("URY", {"themes": ["race"], "same_matter": "pending", "other_body": "un_committee"},
     "cerd-communication", "same_matter", OPEN,
     "ICERD art. 14: no same-matter bar without a declaration"),
    ("ESP", {"themes": ["race"], "final_decision_date": "2026-07-01"}, "cerd-communication",
     "time_limit", UNKNOWN, "Spain's declaration: 3 months from the final judicial decision"),
    ("PRT", {"themes": ["race"], "final_decision_date": "2026-07-01"}, "cerd-communication",
     "time_limit", OPEN, "ICERD art. 14(5): 6 months"),
    # 3. Treaty, not membership
    ("NIC", {}, "iachr-petition", "requires", OPEN,
     "ACHR art. 44: Nicaragua left the OAS, not the American Convention"),
    ("PSE", {"case_type": "pattern", "outputs": ["country_recommendations"]},
     "upr-stakeholder-submission", "requires", BLOCKED,
     "the UPR reviews UN Member States; Palestine is an observer State"),
    ("RUS", {"case_type": "pattern", "outputs": ["country_recommendations"]},
     "cpt-information", "requires", UNKNOWN,
     "ECPT: Russia's status after its 2025 denunciation law is not confirmed"),
    ("RUS", {"ecthr_cases": ["judgment"], "facts_date": "2021-05-01"},
     "coe-cm-rule9-submission", "in_force", OPEN,
     "ECHR art. 46(2): the Committee of Ministers supervises judgments on earlier facts"),
    ("RUS", {"ecthr_cases": ["judgment"], "facts_date": "dont_know"},
     "coe-cm-rule9-submission", "in_force", UNKNOWN, "without the date: check first"),
    ("RUS", {"ecthr_cases": ["communicated"], "facts_date": "2022-09-16"},
     "ecthr-third-party-intervention", "in_force", BLOCKED,
     "no case on facts from the day Russia ceased to be a party"),
    ("UKR", {"ecthr_cases": ["judgment"]}, "coe-cm-rule9-submission", "in_force", OPEN,
     "a State bound by the Convention"),
    ("KEN", {"ecthr_cases": ["judgment"]}, "coe-cm-rule9-submission", "in_force", BLOCKED,
     "never bound by the Convention"),
    # 5. Exceptions to exhaustion, removal, standing
    ("FRA", {"remedies": "doubtful"}, "cat-communication", "exhaustion", UNKNOWN,
     "doubts about a remedy do not excuse trying it"),
    ("FRA", {"remedies": "pending", "urgency": "yes", "remedy_suspends": "no",
             "themes": ["torture", "migrants"]},
     "cat-communication", "exhaustion", UNKNOWN,
     "kb-audit M11: an appeal that does not stop the removal"),
    ("FRA", {"victim_kind": "organisation"}, "ccpr-communication", "requires", BLOCKED,
     "OP1-ICCPR art. 1: individuals"),
    ("FRA", {"victim_kind": "organisation"}, "ecthr-application", "", OPEN,
     "ECHR art. 34: an NGO can be a victim"),
    ("MEX", {"victim_kind": "organisation"}, "iachr-petition", "requires", UNKNOWN,
     "ACHR art. 1(2): 'person' means every human being; exceptions: check first"),
]


def route(kb: KnowledgeBase, countries: CountryData, iso: str,
          extra: dict[str, Any], rid: str) -> RouteResult:
    answers = {**CASE, "country": iso, **extra}
    found = next(r for r in assess(kb, answers, today=TODAY, countries=countries).all_routes()
                 if r.id == rid)
    return found


@pytest.mark.parametrize(("iso", "extra", "rid", "kind", "verdict", "rule"), ROWS,
                         ids=[f"{r[0]}-{r[2]}-{r[4]}" for r in ROWS])
def test_the_rule_gives_the_verdict(kb: KnowledgeBase, countries: CountryData, iso: str,
                                    extra: dict[str, Any], rid: str, kind: str, verdict: str,
                                    rule: str) -> None:
    result = route(kb, countries, iso, extra, rid)
    if not kind:  # no gate of the body stands in the way
        assert not [g for g in result.gates if g.status == BLOCKED], rule
        return
    deciding = [g.status for g in result.gates if g.kind == kind]
    assert verdict in deciding, f"{rule}: {[(g.kind, g.status, g.detail) for g in result.gates]}"
    if verdict == OPEN:
        assert all(s != BLOCKED for s in deciding), rule


def test_a_reservation_block_quotes_the_reservation(kb: KnowledgeBase,
                                                   countries: CountryData) -> None:
    result = route(kb, countries, "TUR", {"same_matter": "decided", "other_body": "ecthr",
                                          "other_decision_merits": "yes"},
                   "ccpr-communication")
    block = next(g for g in result.gates if g.kind == "same_matter")
    assert block.status == BLOCKED
    assert "has already been considered or is being considered" in block.detail
    assert "European Court of Human Rights" in block.unblock


def test_an_exception_to_exhaustion_comes_with_a_caution(kb: KnowledgeBase,
                                                         countries: CountryData) -> None:
    result = route(kb, countries, "FRA", {"remedies": "prolonged"}, "cat-communication")
    assert any("will not take it on your word" in c.text for c in result.cautions)


def test_venezuelas_contested_oas_withdrawal_is_said(kb: KnowledgeBase,
                                                     countries: CountryData) -> None:
    result = route(kb, countries, "VEN", {}, "iachr-petition")
    gate = next(g for g in result.gates if g.kind == "requires")
    assert gate.status == OPEN and "contested" in gate.detail


@pytest.mark.parametrize(("themes", "fit", "not_fit"), [
    # ICCPR art. 24(2)-(3): birth registration and a child's nationality
    (["nationality"], {"ccpr-communication", "ccpr-periodic-review"},
     {"crc-communication", "cedaw-communication"}),
    # each treaty for its own people: the CRC for a child, CEDAW art. 9 for a woman
    (["nationality", "children"], {"ccpr-communication", "crc-communication"},
     {"cedaw-communication"}),
    (["nationality", "women"], {"ccpr-communication", "cedaw-communication"},
     {"crc-communication"}),
])
def test_nationality_reaches_the_committees_whose_treaty_covers_it(
        kb: KnowledgeBase, countries: CountryData, themes: list[str], fit: set[str],
        not_fit: set[str]) -> None:
    result = assess(kb, {**CASE, "country": "GHA", "themes": themes}, today=TODAY,
                    countries=countries)
    fits = {r.id: r.fits for r in result.all_routes()}
    assert all(fits[r] for r in fit), {r: fits[r] for r in fit}
    assert not any(fits[r] for r in not_fit), {r: fits[r] for r in not_fit}


# Each body reads its own languages (issue 16.6): the rule that counts, per route, per
# language written. UN routes of medium or high effort: the six UN languages, English,
# French and Spanish without delay; the IACHR: the four OAS languages; never an urgent route.
LANGUAGES = [
    ("en", "ccpr-communication", set()),
    ("ru", "ccpr-communication", {"un-translation-delay"}),
    ("pt", "ccpr-communication", {"no-un-language"}),
    ("other", "ccpr-communication", {"no-un-language"}),
    ("pt", "iachr-petition", set()),
    ("ru", "iachr-petition", {"iachr-language"}),
    ("other", "iachr-petition", {"iachr-language"}),
    ("other", "iachr-precautionary-measures", set()),
    ("other", "sp-communication", set()),
    ("other", "ecthr-application", set()),  # any official language of a State party at first
]


@pytest.mark.parametrize(("language", "rid", "rules"), LANGUAGES,
                         ids=[f"{lang}-{rid}" for lang, rid, _ in LANGUAGES])
def test_each_body_reads_its_own_languages(kb: KnowledgeBase, countries: CountryData,
                                           language: str, rid: str, rules: set[str]) -> None:
    answers = {**CASE, "country": "MEX", "urgency": "yes",
               "outputs": ["individual_redress", "urgent_protection"],
               "writing_language": language}
    found = next(r for r in assess(kb, answers, today=TODAY, countries=countries).all_routes()
                 if r.id == rid)
    said = {getattr(s, "id", "") for s in found.reasons} & {
        "no-un-language", "un-translation-delay", "iachr-language"}
    assert said == rules
