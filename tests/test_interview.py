"""The pure interview walk: which question is next, Back, and re-evaluation after an edit."""

from __future__ import annotations

from conftest import TODAY
from engagewiz.core import interview
from engagewiz.core.model import KnowledgeBase


def test_first_question_is_the_organisation(kb: KnowledgeBase) -> None:
    first = interview.next_question(kb, {})
    assert first is not None and first.id == "org_type"


def test_questions_whose_condition_is_false_are_skipped(kb: KnowledgeBase) -> None:
    ngo = {"org_type": "ngo"}
    asked = [q.id for q in interview.applicable(kb, ngo)]
    assert "nhri_status" not in asked and "ecosoc_status" in asked
    nhri = [q.id for q in interview.applicable(kb, {"org_type": "nhri"})]
    assert "nhri_status" in nhri and "ecosoc_status" not in nhri


def test_dont_know_asks_dependants_but_not_asked_closes_them(kb: KnowledgeBase) -> None:
    """Unknown means ask (better one question too many); a question not asked means no."""
    dont_know = {"org_type": "ngo", "ratified_cat": "dont_know"}
    assert "accepts_cat22" in [q.id for q in interview.missing(kb, dont_know)]
    assert "accepts_cat22" not in [q.id for q in interview.missing(kb, {"ratified_cat": "no"})]
    pattern = {"org_type": "ngo", "case_type": "pattern", "outputs": ["thematic_standards"]}
    todo = [q.id for q in interview.missing(kb, pattern)]
    assert "remedies" not in todo and "final_decision_date" not in todo


def test_back_forgets_only_the_last_answer(kb: KnowledgeBase) -> None:
    history = ["org_type", "country", "themes"]
    answers = {"org_type": "ngo", "country": "KEN", "themes": ["torture"]}
    history, answers = interview.back(history, answers)
    assert history == ["org_type", "country"]
    assert answers == {"org_type": "ngo", "country": "KEN"}
    nxt = interview.next_question(kb, answers)
    assert nxt is not None and nxt.id == "themes"


def test_edit_re_evaluates_and_keeps_answers_that_still_apply(kb: KnowledgeBase) -> None:
    answers = {"org_type": "ngo", "case_type": "individual", "outputs": ["visibility"],
               "remedies": "exhausted",
               "final_decision_date": "2026-03-03", "victim_consent": "yes", "urgency": "no"}
    answers["case_type"] = "pattern"  # edit in the review: no victim any more
    kept = interview.effective(kb, answers)
    assert "victim_consent" not in kept and "final_decision_date" not in kept
    assert kept["urgency"] == "no" and kept["org_type"] == "ngo"
    answers["case_type"] = "individual"  # and back again: nothing was lost
    assert interview.effective(kb, answers)["final_decision_date"] == "2026-03-03"


def test_progress_counts_questions_asked_not_facts_prefilled(kb: KnowledgeBase) -> None:
    facts = {"ratified_cat": "yes", "accepts_cat22": "no"}
    step = interview.progress(kb, {"org_type": "ngo"}, facts)
    assert step.number == 2
    before_country = interview.progress(kb, {"org_type": "ngo"})
    prefilled = [q for q in kb.questions if q.prefill]
    assert len(prefilled) > 20
    assert before_country.remaining < step.remaining  # the State's facts are not counted


def test_the_engine_ignores_answers_to_questions_that_do_not_apply(kb: KnowledgeBase) -> None:
    """An answers file may say nhri_status: a for an NGO; the interview would never ask it,
    and the A-status NHRI's speaking rights must not open the Council to an NGO."""
    from engagewiz.core.engine import assess
    from engagewiz.core.results import OPEN

    base = {"org_type": "ngo", "ecosoc_status": "has_status", "themes": ["torture"]}
    stale = assess(kb, {**base, "nhri_status": "a"}, today=TODAY)
    clean = assess(kb, base, today=TODAY)
    assert "nhri_status" not in stale.answers
    assert [(r.id, r.score, r.status) for r in stale.all_routes()] == \
        [(r.id, r.score, r.status) for r in clean.all_routes()]
    oral = next(r for r in stale.all_routes() if r.id == "hrc-oral-statement")
    assert oral.status == OPEN and "NHRI" not in " ".join(x.text for x in oral.reasons)


def test_advice_about_a_question_not_asked_stays_quiet(kb: KnowledgeBase) -> None:
    """`same_matter` is asked only for a specific case: for a pattern, the caution about
    'the same matter before another body' must not show as if the answer were unknown."""
    from engagewiz.core.engine import assess

    def cautions(answers: dict[str, object]) -> str:
        route = next(r for r in assess(kb, answers, today=TODAY).all_routes()
                     if r.id == "sp-communication")
        return " ".join(c.text for c in route.cautions)

    case = {"org_type": "ngo", "case_type": "individual", "themes": ["torture"]}
    assert "same-matter" in cautions(case)  # unknown for a case: warn
    assert "same-matter" not in cautions({**case, "case_type": "pattern"})
