"""Every gate kind at the edge of its rule: one answer either side of open, blocked, unknown."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import TODAY
from engagewiz.core import conditions
from engagewiz.core.gates import Context, evaluate
from engagewiz.core.model import Gate, KnowledgeBase
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN


def gate(kind: str, **params: Any) -> Gate:
    test = params.pop("test", None)
    return Gate(kind, f"the {kind} rule", "what opens it",
                "where to check", ("src",), params, conditions.parse(test) if test else None)


def status(kb: KnowledgeBase, g: Gate, today: date = TODAY, **answers: Any) -> str:
    return evaluate(g, Context(kb, answers, today, {})).status


EXHAUSTION = gate("exhaustion", exceptions=["unavailable", "prolonged", "ineffective"])
CCPR_EXHAUSTION = gate("exhaustion", exceptions=["unavailable", "prolonged"],
                       check_first=["ineffective"])


@pytest.mark.parametrize(("g", "remedies", "expected"), [
    (EXHAUSTION, "exhausted", OPEN),
    (EXHAUSTION, "pending", BLOCKED),          # an appeal still pending blocks ...
    (EXHAUSTION, "ineffective", OPEN),         # ... an ineffective remedy is an exception
    (EXHAUSTION, "not_tried", BLOCKED),
    (EXHAUSTION, "dont_know", UNKNOWN),
    (EXHAUSTION, None, UNKNOWN),
    (CCPR_EXHAUSTION, "ineffective", UNKNOWN),  # the source does not settle it: check first
    (CCPR_EXHAUSTION, "prolonged", OPEN),
    (gate("exhaustion", exceptions=["prolonged"]), "ineffective", BLOCKED),
])
def test_exhaustion(kb: KnowledgeBase, g: Gate, remedies: str | None, expected: str) -> None:
    answers = {} if remedies is None else {"remedies": remedies}
    assert status(kb, g, **answers) == expected


DECLARATION = gate("requires", test={"q": "accepts_cat22", "is": "yes"})


@pytest.mark.parametrize(("answer", "expected"), [
    ("yes", OPEN), ("no", BLOCKED), ("dont_know", UNKNOWN), (None, UNKNOWN),
])
def test_declaration_made_not_made_unknown(kb: KnowledgeBase, answer: str | None,
                                           expected: str) -> None:
    answers = {} if answer is None else {"accepts_cat22": answer}
    result = evaluate(DECLARATION, Context(kb, answers, TODAY, {}))
    assert result.status == expected
    assert "article 22" in result.detail  # the user sees which answer decided it


@pytest.mark.parametrize(("answers", "partner", "expected", "via"), [
    ({"org_type": "ngo", "ecosoc_status": "has_status"}, "open", OPEN, ""),
    ({"org_type": "ngo", "ecosoc_status": "partner"}, "open", OPEN, "partner"),
    ({"org_type": "ngo", "ecosoc_status": "partner"}, "blocked", BLOCKED, ""),
    ({"org_type": "ngo", "ecosoc_status": "none"}, "open", OPEN, "still need to find"),
    ({"org_type": "ngo", "ecosoc_status": "none"}, "blocked", BLOCKED, ""),
    ({"org_type": "ngo", "ecosoc_status": "dont_know"}, "open", UNKNOWN, ""),
    ({"org_type": "nhri", "nhri_status": "a"}, "open", OPEN, ""),
    ({"org_type": "nhri", "nhri_status": "dont_know"}, "open", UNKNOWN, ""),
    # kb-audit M4: an NPM that is an A-status NHRI takes the NHRI's slot
    ({"org_type": "npm", "nhri_status": "a"}, "open", OPEN, ""),
    # kb-audit M5: without A status, an NHRI or NPM takes part through a partner, never
    # blocked where a partner can lend its name; the written statement stays closed
    ({"org_type": "nhri", "nhri_status": "b", "ecosoc_status": "partner"}, "open", OPEN,
     "partner"),
    ({"org_type": "nhri", "nhri_status": "b", "ecosoc_status": "none"}, "open", OPEN,
     "still need to find"),
    ({"org_type": "nhri", "nhri_status": "b", "ecosoc_status": "partner"}, "blocked",
     BLOCKED, ""),
    ({"org_type": "npm", "nhri_status": "none", "ecosoc_status": "partner"}, "open", OPEN,
     "partner"),
    ({"org_type": "nhri", "nhri_status": "b"}, "open", UNKNOWN, ""),
])
def test_ecosoc_status_partner_none(kb: KnowledgeBase, answers: dict[str, str], partner: str,
                                    expected: str, via: str) -> None:
    result = evaluate(gate("ecosoc", partner=partner, nhri_a="open"),
                      Context(kb, answers, TODAY, {}))
    assert result.status == expected
    assert via in result.via


FOUR_MONTHS = gate("time_limit", months=4, expired="blocked")


@pytest.mark.parametrize(("today", "expected", "days_left"), [
    (date(2026, 7, 3), OPEN, 0),       # the last day itself is inside
    (date(2026, 7, 2), OPEN, 1),
    (date(2026, 7, 4), BLOCKED, -1),   # one day late
])
def test_time_limit_one_day_inside_and_outside(kb: KnowledgeBase, today: date, expected: str,
                                               days_left: int) -> None:
    answers = {"remedies": "exhausted", "final_decision_date": "2026-03-03"}
    result = evaluate(FOUR_MONTHS, Context(kb, answers, today, {}))
    assert result.status == expected
    assert result.deadline is not None
    assert (result.deadline.last_day, result.deadline.days_left) == ("2026-07-03", days_left)


def test_time_limit_check_first_when_expiry_is_not_a_hard_bar(kb: KnowledgeBase) -> None:
    g = gate("time_limit", years=5, expired="check_first")
    answers = {"remedies": "exhausted", "final_decision_date": "2020-01-01"}
    assert status(kb, g, **answers) == UNKNOWN


@pytest.mark.parametrize(("answers", "expected"), [
    ({"remedies": "exhausted", "final_decision_date": "dont_know"}, UNKNOWN),
    ({"remedies": "pending"}, OPEN),      # not started: the exhaustion gate blocks instead
    ({"remedies": "prolonged"}, UNKNOWN),  # no final decision to count from
])
def test_time_limit_without_a_date(kb: KnowledgeBase, answers: dict[str, str],
                                   expected: str) -> None:
    assert status(kb, FOUR_MONTHS, **answers) == expected


TWO_MONTHS_FROM_ACT = gate("act_time_limit", months=2, expired="blocked")


@pytest.mark.parametrize(("today", "expected", "days_left"), [
    (date(2026, 12, 29), OPEN, 0),     # two calendar months from 29 October: 29 December
    (date(2026, 12, 30), BLOCKED, -1),
])
def test_act_time_limit_counts_from_the_act_whatever_the_remedies(
        kb: KnowledgeBase, today: date, expected: str, days_left: int) -> None:
    """The East African Court's two months run from the act, even while an appeal is
    pending at home: unlike `time_limit`, the clock never waits for the courts."""
    for remedies in ("pending", "not_tried", "exhausted", None):
        answers = {"act_date": "2026-10-29", "remedies": remedies}
        result = evaluate(TWO_MONTHS_FROM_ACT, Context(kb, answers, today, {}))
        assert result.status == expected, remedies
        assert result.deadline is not None
        assert (result.deadline.last_day, result.deadline.days_left) == ("2026-12-29",
                                                                         days_left)
        assert result.deadline.label == "2 months from the act of 2026-10-29"


@pytest.mark.parametrize("act_date", [None, "dont_know"])
def test_act_time_limit_without_the_date_is_check_first(kb: KnowledgeBase,
                                                         act_date: str | None) -> None:
    result = evaluate(TWO_MONTHS_FROM_ACT, Context(kb, {"act_date": act_date}, TODAY, {}))
    assert result.status == UNKNOWN and "give that date" in result.detail


def test_act_time_limit_past_and_waivable_is_check_first(kb: KnowledgeBase) -> None:
    g = gate("act_time_limit", months=2, expired="check_first")
    assert status(kb, g, act_date="2020-01-01") == UNKNOWN


@pytest.mark.parametrize(("bars", "answer", "expected"), [
    (["pending"], "pending", BLOCKED),
    (["pending"], "decided", OPEN),        # OP1-ICCPR bars only a pending matter
    (["pending", "decided"], "decided", UNKNOWN),  # examined on the merits? (kb-audit M13)
    (["pending", "decided"], "no", OPEN),
    (["pending", "decided"], "dont_know", UNKNOWN),
])
def test_same_matter(kb: KnowledgeBase, bars: list[str], answer: str, expected: str) -> None:
    assert status(kb, gate("same_matter", bars=bars), same_matter=answer) == expected


@pytest.mark.parametrize(("without", "answers", "expected"), [
    ("blocked", {"org_type": "lawyer", "victim_consent": "yes"}, OPEN),
    ("blocked", {"org_type": "lawyer", "victim_consent": "no"}, BLOCKED),
    ("check_first", {"org_type": "ngo", "victim_consent": "no"}, UNKNOWN),
    ("blocked", {"org_type": "ngo", "victim_consent": "dont_know"}, UNKNOWN),
    ("blocked", {"org_type": "victim"}, OPEN),
])
def test_consent(kb: KnowledgeBase, without: str, answers: dict[str, str], expected: str) -> None:
    assert status(kb, gate("consent", without=without), **answers) == expected


def test_closed_is_always_blocked_and_says_since_when(kb: KnowledgeBase) -> None:
    result = evaluate(gate("closed", as_of="2026-02-03"), Context(kb, {}, TODAY, {}))
    assert result.status == BLOCKED
    assert "2026-02-03" in result.detail


@pytest.mark.parametrize(("national", "expected"), [("yes", OPEN), ("no", BLOCKED),
                                                    ("dont_know", UNKNOWN), (None, UNKNOWN)])
def test_ced_urgent_action_for_a_national_of_a_state_party(kb: KnowledgeBase, national: str | None,
                                                           expected: str) -> None:
    """The State where the person disappeared has not ratified; per CED guidance the
    Committee can still act for a national of a State party (reference 6.6)."""
    route = kb.route("ced-urgent-action")
    assert route is not None
    [party] = [g for g in route.gates if "ratified_cped" in str(g.test)]
    answers = {"ratified_cped": "no", "themes": ["disappearance"]}
    if national is not None:
        answers["national_of_cped_party"] = national
    assert evaluate(party, Context(kb, answers, TODAY, {})).status == expected
