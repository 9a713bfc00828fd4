"""The rules of issue 16 at their edges: dates of the facts, reservations, same matter,
exceptions to exhaustion and their caution, removal and suspensive effect, standing.

Each case is one answer (or one day) either side of open, blocked and check first, on
gates built here so that the rule, not the knowledge base's wording, is under test.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import TODAY
from engagewiz.core import conditions
from engagewiz.core.gates import Context, evaluate
from engagewiz.core.model import Gate, KnowledgeBase
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, GateResult
from engagewiz.kb.countryfacts import CountryFact


def gate(kind: str, **params: Any) -> Gate:
    test = params.pop("test", None)
    return Gate(kind, f"the {kind} rule", "what opens it", "where to check", ("src",),
                params, conditions.parse(test) if test else None)


def judge(kb: KnowledgeBase, g: Gate, answers: dict[str, Any],
          facts: dict[str, CountryFact] | None = None, today: date = TODAY) -> GateResult:
    return evaluate(g, Context(kb, answers, today, {}, facts or {}))


# --- in_force: the date of the facts against the days the State was bound ---------------

RUSSIA_ECHR = {"echr_party": CountryFact("no", "coe", until="2022-09-16")}
VENEZUELA_ACHR = {"achr_party": CountryFact("no", "oas", since="1977-08-09",
                                            until="2013-09-10")}
ECHR_FACTS = gate("in_force", fact="echr_party", end="facts", start="none")
ACHR_FACTS = gate("in_force", fact="achr_party", end="facts")


@pytest.mark.parametrize(("facts_date", "expected"), [
    ("2022-09-15", OPEN),      # the last day before it ceased to be a party
    ("2022-09-16", BLOCKED),   # the day it ceased to be one
    (None, UNKNOWN),           # without the date: check first, never blocked
    ("dont_know", UNKNOWN),
])
def test_russia_and_the_european_court_turn_on_the_date(kb: KnowledgeBase,
                                                        facts_date: str | None,
                                                        expected: str) -> None:
    answers = {"echr_party": "no"} | ({"facts_date": facts_date} if facts_date else {})
    result = judge(kb, ECHR_FACTS, answers, RUSSIA_ECHR)
    assert result.status == expected
    if expected == UNKNOWN:
        assert "16 September 2022" in result.detail and "date of the facts" in result.detail


@pytest.mark.parametrize(("facts_date", "expected"), [
    ("1977-08-08", UNKNOWN),   # before the Convention bound it: only if it continued after
    ("1990-05-01", OPEN),
    ("2013-09-09", OPEN),      # acts before the denunciation took effect (ACHR art. 78(2))
    ("2013-09-10", BLOCKED),
])
def test_a_denounced_convention_keeps_earlier_facts(kb: KnowledgeBase, facts_date: str,
                                                    expected: str) -> None:
    answers = {"achr_party": "no", "facts_date": facts_date}
    assert judge(kb, ACHR_FACTS, answers, VENEZUELA_ACHR).status == expected


def test_a_state_never_bound_is_blocked_and_an_override_drops_the_dates(
        kb: KnowledgeBase) -> None:
    assert judge(kb, ECHR_FACTS, {"echr_party": "no"}).status == BLOCKED
    # The user says "yes" against the data: the answer wins, the data's dates are not used.
    assert judge(kb, ECHR_FACTS, {"echr_party": "yes", "facts_date": "2024-01-01"}
                 ).status == OPEN
    assert judge(kb, ECHR_FACTS, {"echr_party": "dont_know"}).status == UNKNOWN


TUNISIA_34_6 = {"afcourt_34_6": CountryFact("no", "afcourt", since="2017-06-02",
                                            until="2026-03-07")}
COURT_FILING = gate("in_force", fact="afcourt_34_6", end="filing", start="none")


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 3, 6), OPEN),     # lodged the day before the withdrawal takes effect
    (date(2026, 3, 7), BLOCKED),  # 12 months after it was deposited (Ingabire)
])
def test_a_withdrawn_34_6_declaration_counts_from_the_day_the_case_is_lodged(
        kb: KnowledgeBase, today: date, expected: str) -> None:
    result = judge(kb, COURT_FILING, {"afcourt_34_6": "no", "facts_date": "2010-01-01"},
                   TUNISIA_34_6, today)
    assert result.status == expected
    if expected == OPEN:
        assert "7 March 2026" in result.caution  # the last day, said as a caution
    else:
        assert "lodged before that day are not affected" in result.detail


ACCEPTED_2010 = {"accepts_cat22": CountryFact("yes", "untc", date="2010-05-01")}
UN_DECLARATION = gate("in_force", fact="accepts_cat22", end="filing", settle_months=3)
CED_ART_35 = gate("in_force", fact="ratified_cped", before="blocked", settle_months=1)


@pytest.mark.parametrize(("g", "fact", "facts_date", "expected"), [
    (UN_DECLARATION, "accepts_cat22", "2010-04-30", UNKNOWN),  # before: if it continued
    (UN_DECLARATION, "accepts_cat22", "2010-06-01", UNKNOWN),  # entry into force: check
    (UN_DECLARATION, "accepts_cat22", "2010-08-01", OPEN),
    (CED_ART_35, "ratified_cped", "2010-04-30", BLOCKED),     # ICPPED art. 35: outright
    (CED_ART_35, "ratified_cped", "2010-05-15", UNKNOWN),
    (CED_ART_35, "ratified_cped", "2010-06-01", OPEN),
])
def test_facts_before_the_state_was_bound(kb: KnowledgeBase, g: Gate, fact: str,
                                          facts_date: str, expected: str) -> None:
    facts = {fact: CountryFact("yes", "untc", date="2010-05-01")}
    assert judge(kb, g, {fact: "yes", "facts_date": facts_date}, facts).status == expected


def test_a_nationality_route_checks_another_states_dates(kb: KnowledgeBase) -> None:
    """CED urgent action for a national of a State party: the State where the person
    disappeared is not bound, and the other State's date is not in the data."""
    g = gate("in_force", fact="ratified_cped", before="blocked", not_bound="check_first")
    assert judge(kb, g, {"ratified_cped": "no"}).status == UNKNOWN
    g = gate("in_force", fact="ratified_cped", before="blocked", not_bound="open")
    assert judge(kb, g, {"ratified_cped": "no"}).status == OPEN


# --- same_matter: the instrument, the State's reservation, what "examined" means --------

CCPR = gate("same_matter", bars=["pending"], reserved="ccpr_reserves_examined")
CERD = gate("same_matter", bars=[], reserved="cerd_reserves_examined",
            reserved_bars=["pending", "decided"])
ECTHR = gate("same_matter", bars=["pending", "decided"], examined="submitted")


@pytest.mark.parametrize(("g", "answers", "expected"), [
    # OP1-ICCPR bars a pending matter; a decided one only where the State reserved it
    (CCPR, {"same_matter": "pending"}, BLOCKED),
    (CCPR, {"same_matter": "decided", "ccpr_reserves_examined": "no"}, OPEN),
    (CCPR, {"same_matter": "decided", "ccpr_reserves_examined": "dont_know"}, UNKNOWN),
    (CCPR, {"same_matter": "decided", "ccpr_reserves_examined": "yes",
            "other_decision_merits": "yes"}, BLOCKED),
    # kb-audit M13: a rejection on procedural grounds has generally not counted as examined
    (CCPR, {"same_matter": "decided", "ccpr_reserves_examined": "yes",
            "other_decision_merits": "no"}, UNKNOWN),
    (CCPR, {"same_matter": "decided", "ccpr_reserves_examined": "yes"}, UNKNOWN),
    # ICERD art. 14 bars nothing; eighteen declarations bar both
    (CERD, {"same_matter": "pending", "cerd_reserves_examined": "no"}, OPEN),
    (CERD, {"same_matter": "pending", "cerd_reserves_examined": "yes"}, BLOCKED),
    # ECHR art. 35(2)(b): a matter already submitted elsewhere, whatever became of it
    (ECTHR, {"same_matter": "decided", "other_decision_merits": "no"}, BLOCKED),
    # a Special Procedure's handling is for the body to weigh, except where the text
    # names it (HRC res. 5/1, para 87(f))
    (ECTHR, {"same_matter": "pending", "other_body": "special_procedure"}, UNKNOWN),
    (gate("same_matter", bars=["pending"], special_procedures="bars"),
     {"same_matter": "pending", "other_body": "special_procedure"}, BLOCKED),
])
def test_same_matter(kb: KnowledgeBase, g: Gate, answers: dict[str, Any],
                     expected: str) -> None:
    assert judge(kb, g, answers).status == expected


def test_the_block_names_the_body_that_holds_the_matter_and_quotes_the_reservation(
        kb: KnowledgeBase) -> None:
    answers = {"same_matter": "decided", "other_body": "ecthr", "other_decision_merits": "yes",
               "ccpr_reserves_examined": "yes"}
    ctx = Context(kb, answers, TODAY, {"ccpr_reserves_examined": 'per UNTC; the text reads: '
                                       '"if the same matter ... has already been considered"'})
    result = evaluate(CCPR, ctx)
    assert result.status == BLOCKED
    assert "already been considered" in result.detail  # the block quotes the reservation
    assert result.unblock.endswith("It is decided by the European Court of Human Rights.")


# --- time_limit: the body's own rule when there is no final decision, earlier limits -----

def test_a_reasonable_time_at_the_iachr_is_never_unknown_for_lack_of_a_date(
        kb: KnowledgeBase) -> None:
    g = gate("time_limit", months=6, expired="blocked", no_final_decision="reasonable",
             exception="A reasonable time (IACHR Rules art. 32(2)).")
    result = judge(kb, g, {"remedies": "prolonged"})
    assert result.status == OPEN and "reasonable time" in result.caution


@pytest.mark.parametrize(("facts_date", "expected"), [
    ("2026-08-01", OPEN),      # 4 months from the facts: last day 2026-12-01
    ("2026-07-01", UNKNOWN),   # passed, but a rule from case law never blocks
    (None, UNKNOWN),
])
def test_no_effective_remedy_counts_from_the_facts(kb: KnowledgeBase,
                                                   facts_date: str | None,
                                                   expected: str) -> None:
    g = gate("time_limit", months=4, expired="blocked", no_final_decision="from_facts")
    answers = {"remedies": "unavailable"} | ({"facts_date": facts_date} if facts_date else {})
    assert judge(kb, g, answers).status == expected


def test_the_limit_that_applied_on_the_day_of_the_decision(kb: KnowledgeBase) -> None:
    """ECtHR: 4 months from 1 February 2022 (Protocol No. 15), 6 months before."""
    g = gate("time_limit", months=4, expired="blocked",
             earlier={"before": "2022-02-01", "months": 6})
    before = judge(kb, g, {"remedies": "exhausted", "final_decision_date": "2022-01-31"},
                   today=date(2022, 7, 1))
    after = judge(kb, g, {"remedies": "exhausted", "final_decision_date": "2022-02-01"},
                  today=date(2022, 7, 1))
    assert (before.status, after.status) == (OPEN, BLOCKED)
    assert before.deadline is not None and before.deadline.last_day == "2022-07-31"


NOT_EXTENDED = "not extended on a weekend"


@pytest.mark.parametrize(("decided", "today", "said"), [
    # 4 months from 2026-10-30: Sunday 2027-02-28; from 2026-10-29: Sunday 28 Feb too
    ("2026-10-30", "2026-11-23", "Last day 2027-02-28 (a Sunday): 97 days left"),
    ("2026-10-27", "2026-11-23", "Last day 2027-02-27 (a Saturday): 96 days left"),
    ("2026-10-26", "2026-11-23", "Last day 2027-02-26: 95 days left"),  # a Friday: not named
    ("2026-10-30", "2027-03-01", "The 4 months ended on 2027-02-28 (a Sunday), 1 days ago."),
])
def test_the_last_day_says_its_weekday_and_the_bodys_rule(kb: KnowledgeBase, decided: str,
                                                         today: str, said: str) -> None:
    """kb-audit M9: the European Court does not extend a last day on a weekend; a user who
    counts on the Monday is a day late, so the weekend day is named next to the rule."""
    g = gate("time_limit", months=4, expired="blocked", last_day=NOT_EXTENDED)
    found = judge(kb, g, {"remedies": "exhausted", "final_decision_date": decided},
                  today=date.fromisoformat(today))
    assert found.detail.startswith(said) and NOT_EXTENDED in found.detail
    assert "(a " not in judge(kb, gate("time_limit", months=4, expired="blocked"),
                              {"remedies": "exhausted", "final_decision_date": "2026-10-26"}
                              ).detail


@pytest.mark.parametrize(("ended", "expected"), [
    ("2024-01-10", OPEN),     # 3 years after the other procedure: last day 2027-01-10
    ("2023-01-10", UNKNOWN),  # passed: an abuse of the right of submission, unless justified
    (None, UNKNOWN),
])
def test_three_years_after_another_procedure(kb: KnowledgeBase, ended: str | None,
                                             expected: str) -> None:
    g = gate("time_limit", years=5, expired="check_first", other_procedure_years=3)
    answers = {"remedies": "exhausted", "final_decision_date": "2015-01-01",
               "same_matter": "decided"} | ({"other_procedure_ended": ended} if ended else {})
    assert judge(kb, g, answers).status == expected


def test_a_declaration_shortens_the_limit(kb: KnowledgeBase) -> None:
    """Spain's article 14 declaration: 3 months instead of CERD's 6."""
    g = gate("time_limit", months=6, expired="check_first",
             declared_limit="cerd_limit_3_months", declared_months=3)
    answers = {"remedies": "exhausted", "final_decision_date": "2026-07-01"}
    assert judge(kb, g, answers).status == OPEN
    spain = judge(kb, g, {**answers, "cerd_limit_3_months": "yes"})
    assert spain.status == UNKNOWN and spain.deadline is not None
    assert spain.deadline.last_day == "2026-10-01"


# --- exhaustion: exceptions to substantiate, doubts, removal without suspensive effect ---

EXH = gate("exhaustion", exceptions=["unavailable", "ineffective", "prolonged"])


def test_an_exception_opens_the_gate_with_a_caution_to_substantiate_it(
        kb: KnowledgeBase) -> None:
    result = judge(kb, EXH, {"remedies": "prolonged"})
    assert result.status == OPEN
    assert "will not take it on your word" in result.caution
    assert judge(kb, EXH, {"remedies": "exhausted"}).caution == ""


def test_doubts_about_a_remedy_are_not_an_exception(kb: KnowledgeBase) -> None:
    assert judge(kb, EXH, {"remedies": "doubtful"}).status == UNKNOWN


@pytest.mark.parametrize(("answers", "expected"), [
    ({"remedies": "pending"}, BLOCKED),
    ({"remedies": "pending", "urgency": "yes", "remedy_suspends": "yes"}, BLOCKED),
    # kb-audit M11: an appeal that does not stop the removal does not hard-block
    ({"remedies": "pending", "urgency": "yes", "remedy_suspends": "no"}, UNKNOWN),
])
def test_a_pending_appeal_without_suspensive_effect(kb: KnowledgeBase,
                                                    answers: dict[str, Any],
                                                    expected: str) -> None:
    assert judge(kb, EXH, answers).status == expected


# --- requires with `otherwise`, and standing -----------------------------------------------

def test_a_rule_the_instrument_leaves_open_is_check_first(kb: KnowledgeBase) -> None:
    """An organisation as the victim: blocked at the UN committees (their protocols say
    'individuals'), check first at the IACHR (ACHR art. 1(2), with exceptions)."""
    un = gate("requires", test={"not": {"q": "victim_kind", "is": "organisation"}})
    iachr = gate("requires", test={"not": {"q": "victim_kind", "is": "organisation"}},
                 otherwise="check_first")
    org = {"victim_kind": "organisation"}
    assert (judge(kb, un, org).status, judge(kb, iachr, org).status) == (BLOCKED, UNKNOWN)
    person = {"victim_kind": "person"}
    assert (judge(kb, un, person).status, judge(kb, iachr, person).status) == (OPEN, OPEN)


# --- the order a blocked or unchecked route gives its reasons (kb-audit M14) ---------------

def test_the_time_limit_is_said_after_the_rules_on_who_what_and_when() -> None:
    """A case both out of time and never accepted by the State: the report leads with the
    acceptance (nothing the user does opens it), then the time limit, in whatever order the
    knowledge base lists the gates; gates of equal rank keep that order."""
    from engagewiz.core.results import RouteResult

    def said(kind: str, status: str) -> GateResult:
        return GateResult(kind, status, f"{kind} rule", "", "", "", ())  # type: ignore[arg-type]

    gates = (said("time_limit", BLOCKED), said("in_force", BLOCKED),
             said("act_time_limit", BLOCKED), said("requires", UNKNOWN),
             said("same_matter", BLOCKED), said("time_limit", UNKNOWN))
    route = RouteResult("r", "R", "B", "treaty", "quasi-judicial", "medium", BLOCKED, 0, (),
                        gates, (), (), (), {})
    assert [g.kind for g in route.gates_with(BLOCKED)] == [
        "in_force", "same_matter", "time_limit", "act_time_limit"]
    assert [g.kind for g in route.gates_with(UNKNOWN)] == ["requires", "time_limit"]
