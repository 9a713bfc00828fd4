"""The pure interview walk: which question is next, Back, and re-evaluation after an edit."""

from __future__ import annotations

from typing import Any

from conftest import TODAY
from engagewiz.core import interview
from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import KnowledgeBase, Question
from engagewiz.core.prefill import with_country_facts
from engagewiz.kb.countries import CountryData


def test_first_question_is_the_organisation(kb: KnowledgeBase) -> None:
    first = interview.next_question(kb, {})
    assert first is not None and first.id == "org_type"


def test_questions_whose_condition_is_false_are_skipped(kb: KnowledgeBase) -> None:
    ngo = {"org_type": "ngo"}
    asked = [q.id for q in interview.applicable(kb, ngo)]
    assert "nhri_status" not in asked and "ecosoc_status" in asked
    nhri_a = [q.id for q in interview.applicable(kb, {"org_type": "nhri", "nhri_status": "a"})]
    assert "nhri_status" in nhri_a and "ecosoc_status" not in nhri_a
    # without A status, an NHRI or an NPM speaks at the Council through a partner, as an
    # NGO does: ECOSOC status is asked (kb-audit M4, M5)
    for org in ("nhri", "npm"):
        other = [q.id for q in interview.applicable(kb, {"org_type": org, "nhri_status": "b"})]
        assert "ecosoc_status" in other, org


def test_dont_know_asks_dependants_but_not_asked_closes_them(kb: KnowledgeBase) -> None:
    """Unknown means ask (better one question too many); a question not asked means no."""
    dont_know = {"org_type": "ngo", "ratified_cat": "dont_know"}
    assert "accepts_cat22" in [q.id for q in interview.missing(kb, dont_know)]
    assert "accepts_cat22" not in [q.id for q in interview.missing(kb, {"ratified_cat": "no"})]
    pattern = {"org_type": "ngo", "case_type": "pattern", "outputs": ["thematic_standards"]}
    todo = [q.id for q in interview.missing(kb, pattern)]
    assert "victim_consent" not in todo and "facts_date" not in todo
    # the Council's complaint procedure takes patterns and needs remedies exhausted: asked
    # (kb-audit M6), and the date of a final decision only once remedies are exhausted
    assert "remedies" in todo and "same_matter" in todo
    todo = [q.id for q in interview.missing(kb, {**pattern, "remedies": "not_tried"})]
    assert "final_decision_date" not in todo


def test_back_forgets_only_the_last_screen(kb: KnowledgeBase) -> None:
    history = [("org_type",), ("country",), ("themes",)]
    answers = {"org_type": "ngo", "country": "KEN", "themes": ["torture"]}
    history, answers = interview.back(history, answers)
    assert history == [("org_type",), ("country",)]
    assert answers == {"org_type": "ngo", "country": "KEN"}
    nxt = interview.next_question(kb, answers)
    assert nxt is not None and nxt.id == "themes"
    grouped = {**answers, "themes": ["torture"], "case_type": "individual", "urgency": "no"}
    history = [*history, ("themes",), ("case_type", "urgency")]
    history, kept = interview.back(history, grouped)  # a group's screen: all its answers
    assert history[-1] == ("themes",) and "case_type" not in kept and "urgency" not in kept


# -- groups: short questions on one screen ---------------------------------------------------

NGO_IN_KENYA = {"org_type": "ngo", "country": "KEN", "themes": ["torture"]}


def ids(questions: tuple[Question, ...] | list[Question]) -> list[str]:
    return [q.id for q in questions]


def test_a_group_comes_on_one_screen_with_only_what_is_left_to_ask(kb: KnowledgeBase) -> None:
    assert ids(interview.next_screen(kb, NGO_IN_KENYA)) == ["case_type", "urgency"]
    # answered in a file: the rest of its group is asked alone, as any other question
    assert ids(interview.next_screen(kb, {**NGO_IN_KENYA, "case_type": "pattern"})) == ["urgency"]
    answers: dict[str, Any] = {"org_type": "lawyer", "country": "KEN", "upr_soon": "no"}
    while "reprisal_risk" not in ids(screen := interview.next_screen(kb, answers)):
        answers |= {q.id: first_choice(q) for q in screen}
    # a lawyer: no detention access
    assert ids(screen) == ["reprisal_risk", "reprisal_suffered", "tb_review_soon"]


def test_a_shortcut_shows_only_its_own_questions_of_a_group(kb: KnowledgeBase) -> None:
    urgent = next(s for s in kb.shortcuts if s.id == "urgent")
    answers = {**NGO_IN_KENYA, "case_type": "individual", "urgency": "yes"}
    screen = interview.next_screen(kb, answers, urgent)
    assert ids(screen) == ["victim_consent"]  # ecosoc_status and same_matter wait


def test_a_group_is_only_a_way_of_asking(kb: KnowledgeBase) -> None:
    """Answers files and the engine see a group's questions as ordinary questions."""
    from engagewiz.core.engine import assess
    from engagewiz.kb.jsonschemas import answers_schema

    keys = answers_schema(kb)["properties"]
    grouped = [qid for g in kb.groups for qid in g.questions]
    assert len(grouped) > 20 and all(qid in keys for qid in grouped)
    result = assess(kb, {**NGO_IN_KENYA, "case_type": "pattern", "urgency": "no",
                         "experience": "none"}, today=TODAY)
    assert result.answers["experience"] == "none"


def test_screens_put_a_group_where_its_first_question_is(kb: KnowledgeBase) -> None:
    questions = [kb.question(q) for q in ("themes", "case_type", "urgency", "outputs")]
    assert [ids(s) for s in interview.screens(kb, questions)] == [  # type: ignore[arg-type]
        ["themes"], ["case_type", "urgency"], ["outputs"]]
    fewest, most = interview.length(kb)
    always = [q for q in kb.questions if q.when is None and not q.prefill and not q.derive]
    assert fewest == len(interview.screens(kb, always)) < len(always)
    assert fewest < most < len([q for q in kb.questions if not q.prefill])


def test_edit_re_evaluates_and_keeps_answers_that_still_apply(kb: KnowledgeBase) -> None:
    answers = {"org_type": "ngo", "case_type": "individual", "outputs": ["visibility"],
               "facts_date": "2025-01-10", "remedies": "exhausted",
               "final_decision_date": "2026-03-03", "victim_consent": "yes", "urgency": "no"}
    answers["case_type"] = "pattern"  # edit in the review: no victim any more
    kept = interview.effective(kb, answers)
    assert "victim_consent" not in kept and "facts_date" not in kept
    assert kept["final_decision_date"] == "2026-03-03"  # remedies count for a pattern too
    assert kept["urgency"] == "no" and kept["org_type"] == "ngo"
    answers["case_type"] = "individual"  # and back again: nothing was lost
    assert interview.effective(kb, answers)["facts_date"] == "2025-01-10"


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
    """`remedy_suspends` is asked only while an appeal is pending and harm is imminent: once
    remedies are exhausted, the caution about an appeal that does not stop a removal must
    not show as if the answer were unknown."""
    from engagewiz.core.engine import assess

    def cautions(answers: dict[str, object]) -> str:
        route = next(r for r in assess(kb, answers, today=TODAY).all_routes()
                     if r.id == "cat-interim-measures")
        return " ".join(c.text for c in route.cautions)

    case = {"org_type": "lawyer", "case_type": "individual", "themes": ["torture"],
            "urgency": "yes", "remedies": "pending"}
    assert "does not stop the removal" in cautions(case)  # unknown: warn
    assert "does not stop the removal" not in cautions({**case, "remedy_suspends": "yes"})
    assert "does not stop the removal" not in cautions({**case, "remedies": "exhausted"})


# -- shortcuts (quick mode, the urgent fast track) and what the data answers -------------------

LAWYER_AT_RISK = {"org_type": "lawyer", "country": "FRA", "themes": ["torture"],
                  "case_type": "individual", "urgency": "yes"}


def first_choice(q: Question) -> Any:
    if q.type == "multi":
        return [q.choices[0].value]
    return q.choices[0].value if q.choices else DONT_KNOW


def walk(kb: KnowledgeBase, countries: CountryData, script: dict[str, Any],
         chosen: str | None, done: tuple[str, ...] = ()) -> tuple[list[str], str | None]:
    """The questions a shortcut asks, as the terminal loop walks them: the shortcut in
    force is looked up again after every answer (imminent harm starts the urgent one)."""
    answers: dict[str, Any] = {}
    asked: list[str] = []
    while True:
        known = with_country_facts(kb, answers, countries, TODAY,
                                   unknown_as_dont_know=False).answers
        cut = interview.shortcut(kb, known, chosen, done)
        q = interview.next_question(kb, known, cut)
        if q is None:
            return asked, cut.id if cut else None
        asked.append(q.id)
        answers[q.id] = script.get(q.id, first_choice(q))


def test_every_shortcut_is_short_and_asks_only_its_questions(
        kb: KnowledgeBase, countries: CountryData) -> None:
    quick = next(s for s in kb.shortcuts if s.id == interview.QUICK)
    asked, ended = walk(kb, countries, {"urgency": "no"}, interview.QUICK)
    assert ended == interview.QUICK
    assert asked[0] == "org_type" and "country" in asked and "urgency" in asked
    assert set(asked) <= set(quick.ask) and len(asked) <= 10
    assert all(len(s.ask) <= 10 for s in kb.shortcuts)


def test_imminent_harm_starts_the_urgent_track_within_six_questions(
        kb: KnowledgeBase, countries: CountryData) -> None:
    """The issue's promise for a lawyer whose client faces torture: urgent routes after at
    most 6 questions, in quick mode or not, and what the track skipped is named after."""
    for chosen in (None, interview.QUICK):
        asked, ended = walk(kb, countries, LAWYER_AT_RISK, chosen)
        assert ended == "urgent" and len(asked) <= 6, asked
    answers = {**LAWYER_AT_RISK, "victim_consent": "yes"}
    left = [q.id for q in interview.skipped(kb, answers)]
    assert "reprisal_risk" in left and "ratified_cat" not in left  # facts are not questions
    assert "same_matter" in left and "other_body" not in left  # a follow-up waits on it


def test_a_shortcut_is_left_once_its_result_was_shown(kb: KnowledgeBase) -> None:
    urgent = {"urgency": "yes"}
    assert interview.shortcut(kb, urgent, interview.QUICK).id == "urgent"  # type: ignore[union-attr]
    after = interview.shortcut(kb, urgent, interview.QUICK, done=("urgent",))
    assert after is not None and after.id == interview.QUICK
    assert interview.shortcut(kb, urgent, interview.QUICK, done=("urgent", "quick")) is None
    assert interview.shortcut(kb, {"urgency": "no"}, None) is None  # the full interview
    assert interview.shortcut(kb, {"urgency": "dont_know"}, None) is None


def test_upr_timing_is_asked_only_without_an_estimate(kb: KnowledgeBase,
                                                      countries: CountryData) -> None:
    base = {"org_type": "ngo", "outputs": ["country_recommendations"]}
    with_estimate = with_country_facts(kb, {**base, "country": "KEN"}, countries, TODAY,
                                       unknown_as_dont_know=False)
    assert with_estimate.answers["upr_soon"] in ("yes", "no")
    assert "upr_soon" not in [q.id for q in interview.missing(kb, with_estimate.answers)]
    assert "upr_soon" in [q.id for q in interview.missing(kb, base)]  # no State, no estimate
    # The user's own answer wins, and the report says it differs from the estimate.
    mine = "no" if with_estimate.answers["upr_soon"] == "yes" else "yes"
    overridden = with_country_facts(kb, {**base, "country": "KEN", "upr_soon": mine},
                                    countries, TODAY)
    assert overridden.answers["upr_soon"] == mine
    assert any(p.question == "upr_soon" and p.overridden for p in overridden.prefilled)


def test_african_commission_status_is_asked_only_for_an_african_charter_party(
        kb: KnowledgeBase) -> None:
    lawyer = {"org_type": "lawyer"}
    assert "achpr_observer" not in [q.id for q in interview.missing(
        kb, {**lawyer, "african_charter_party": "no"})]
    assert "achpr_observer" in [q.id for q in interview.missing(
        kb, {**lawyer, "african_charter_party": "yes"})]


def test_output_style_is_asked_only_of_those_who_want_recommendations(
        kb: KnowledgeBase) -> None:
    redress = [q.id for q in interview.missing(kb, {"outputs": ["individual_redress"]})]
    assert "output_nature" not in redress and "output_detail" not in redress
    recommendations = [q.id for q in interview.missing(kb, {"outputs": ["visibility"]})]
    assert "output_nature" in recommendations
