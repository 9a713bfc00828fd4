"""The ordering rule on a tiny knowledge base: urgent first, then time limits about to run
out, then score; the recommended / other-open split; routes reached through another.

Each route's score is set by one answer (`fit_<route>`), so every test states the scores
it ranks and nothing else moves them.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.ranking import SOON_DAYS
from engagewiz.core.results import Assessment
from engagewiz.errors import InputError
from engagewiz.kb.build import build_kb

TODAY = date(2026, 11, 23)
ROUTES = ("review", "appeal", "rule39", "elsewhere", "petition", "court", "complaint")

QUESTIONS = """
version: 1
sections:
  - {id: s, title: Section}
questions:
  - {id: themes, section: s, text: Themes?, help: h, type: multi,
     choices: [{value: torture, label: Torture}, {value: race, label: Race}]}
  - {id: urgency, section: s, text: Urgent?, help: h, type: yes_no}
  - {id: remedies, section: s, text: Remedies?, help: h, type: choice, dont_know: true,
     choices: [{value: exhausted, label: Exhausted}, {value: pending, label: Pending}]}
  - {id: final_decision_date, section: s, text: When?, help: h, type: date, dont_know: true}
  - {id: ok, section: s, text: Open?, help: h, type: yes_no}
"""


def _route(rid: str, extra: str = "", themes: str = "[any]", urgent: str = "false") -> str:
    return textwrap.indent(textwrap.dedent(f"""\
        - id: {rid}
          name: "Route {rid}"
          body: Body
          family: treaty
          summary: S.
          nature: expert
          kinds: [case_decision]
          themes: {themes}
          urgent: {urgent}
          effort: medium
          source: src
          considerations:
            - if: {{q: fit_{rid}, answered: true}}
              points: 1
              reason: Base point.
              source: src
        """) + textwrap.indent(textwrap.dedent(extra), "  "), "  ")


ACT_NOW = """\
act_now:
  - {text: Send the request today., source: src}
"""
URGENCY_GATE = """\
gates:
  - {kind: requires, test: {q: urgency, is: "yes"}, rule: Only when urgent., unblock: u,
     check: c, source: src}
"""


def _limit(months: int) -> str:
    return f"""\
gates:
  - {{kind: time_limit, months: {months}, expired: blocked, rule: "Within {months} months.",
     unblock: u, check: c, source: src}}
"""


MECHANISMS = "\n".join([
    "version: 1", "sources:", "  src: {citation: A source, url: https://example.org/a}",
    "mechanisms:",
    _route("review"),
    _route("appeal", _limit(4)),
    _route("rule39", ACT_NOW + URGENCY_GATE, urgent="true"),
    _route("elsewhere", ACT_NOW, themes="[race]", urgent="true"),
    _route("petition", """\
gates:
  - {kind: requires, test: {q: ok, is: "yes"}, rule: Must be open., unblock: u, check: c,
     source: src}
"""),
    _route("court", "reached_through: petition\n"),
    _route("complaint", _limit(12) + "  - {kind: requires, test: {q: ok, is: \"yes\"}, "
           "rule: Must be open., unblock: u, check: c, source: src}\n"),
])


def _score_questions() -> str:
    return "".join(f"  - {{id: fit_{rid}, section: s, text: Fit?, help: h, type: choice, "
                   f"choices: [{{value: a, label: A}}]}}\n" for rid in ROUTES)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("tiny-kb")
    questions = folder / "questions.yaml"
    questions.write_text(QUESTIONS + _score_questions())
    mechanisms = folder / "mechanisms.yaml"
    mechanisms.write_text(MECHANISMS)
    return build_kb(questions, mechanisms)


def _run(kb: KnowledgeBase, scores: dict[str, int], **answers: Any) -> Assessment:
    """Each route scores 1 point plus `scores[id] - 1` from a consideration added here."""
    given: dict[str, Any] = {"themes": ["torture"], "urgency": "no", "ok": "yes", **answers}
    for rid in ROUTES:
        if scores.get(rid, 1) != 0:
            given[f"fit_{rid}"] = "a"
    adjusted = _with_points(kb, scores)
    return assess(adjusted, given, today=TODAY)


def _with_points(kb: KnowledgeBase, scores: dict[str, int]) -> KnowledgeBase:
    import dataclasses

    routes = []
    for route in kb.routes:
        points = scores.get(route.id, 1) or 1
        considerations = tuple(dataclasses.replace(c, points=points)
                               for c in route.considerations)
        routes.append(dataclasses.replace(route, considerations=considerations))
    return dataclasses.replace(kb, routes=tuple(routes))


def _ids(routes: Any) -> list[str]:
    return [r.id for r in routes]


def _decided(days_left: int, months: int) -> str:
    """A final-decision date that leaves `days_left` days under a limit of `months`."""
    from engagewiz.core.deadlines import add_months

    last = date.fromordinal(TODAY.toordinal() + days_left)
    return add_months(last, -months).isoformat()


def test_without_urgency_or_deadlines_routes_rank_by_score(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {"review": 5, "petition": 3, "court": 2, "complaint": 4},
             remedies="pending")
    assert _ids(a.recommended)[:3] == ["review", "complaint", "petition"]
    assert not a.imminent_risk and a.urgent == () and a.deadlines == ()


def test_urgent_routes_that_fit_come_first_whatever_their_score(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {"review": 9, "rule39": -3}, urgency="yes", remedies="pending")
    assert a.imminent_risk
    assert _ids(a.recommended)[0] == "rule39"  # recommended although it scores -3
    assert _ids(a.urgent) == ["rule39"]
    assert a.urgent[0].act_now[0].text == "Send the request today."
    # an urgent route for another issue is no urgent route for this case
    assert "elsewhere" not in _ids(a.urgent)
    assert _ids(a.recommended).index("elsewhere") > _ids(a.recommended).index("review")


def test_a_case_that_is_not_urgent_never_gets_urgent_routes(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {"elsewhere": 9}, remedies="pending", themes=["race"])
    assert a.urgent == () and not a.imminent_risk
    assert "rule39" in _ids(a.blocked)


def test_a_limit_ending_within_the_warning_window_outranks_score(tiny: KnowledgeBase) -> None:
    decided = _decided(SOON_DAYS - 1, months=4)
    a = _run(tiny, {"review": 9, "appeal": 1}, remedies="exhausted",
             final_decision_date=decided)
    assert _ids(a.recommended)[0] == "appeal"
    assert next((d.route, d.days_left, d.soon) for d in a.deadlines) == (
        "appeal", SOON_DAYS - 1, True)


def test_a_limit_further_away_is_listed_but_not_promoted(tiny: KnowledgeBase) -> None:
    decided = _decided(SOON_DAYS + 1, months=4)
    a = _run(tiny, {"review": 9, "appeal": 1}, remedies="exhausted",
             final_decision_date=decided)
    assert _ids(a.recommended)[0] == "review"
    appeal = next(d for d in a.deadlines if d.route == "appeal")
    assert not appeal.soon and appeal.rule == "Within 4 months."


def test_deadlines_are_soonest_first_and_include_weak_and_unchecked_routes(
        tiny: KnowledgeBase) -> None:
    decided = _decided(20, months=4)  # the 12-month limit ends 8 months later
    a = _run(tiny, {"appeal": 0, "complaint": 5}, remedies="exhausted",
             final_decision_date=decided, ok="dont_know")
    assert "appeal" in _ids(a.other_open) and "complaint" in _ids(a.check_first)
    assert [(d.route, d.status) for d in a.deadlines] == [("appeal", "open"),
                                                          ("complaint", "unknown")]


def test_a_limit_that_has_passed_blocks_and_is_not_running(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {}, remedies="exhausted", final_decision_date=_decided(-1, months=4))
    assert "appeal" in _ids(a.blocked)
    assert "appeal" not in [d.route for d in a.deadlines]


def test_routes_scoring_zero_or_less_are_other_open(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {"review": 0, "appeal": -2}, remedies="pending")
    assert {"review", "appeal"} <= set(_ids(a.other_open))
    assert all(r.score > 0 for r in a.recommended)
    assert _ids(a.other_open).index("review") < _ids(a.other_open).index("appeal")


def test_a_route_reached_through_another_never_ranks_above_it(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {"court": 8, "petition": 2, "review": 5}, remedies="pending")
    ranked = _ids(a.recommended)
    assert ranked.index("petition") < ranked.index("court")
    assert ranked.index("review") < ranked.index("petition")


def test_a_route_reached_through_a_closed_one_is_closed(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {"court": 8}, remedies="pending", ok="no")
    court = next(r for r in a.blocked if r.id == "court")
    through = court.gates_with("blocked")[0]
    assert through.kind == "reached_through" and "Route petition" in through.rule
    assert through.source == ("src",)


def test_a_route_reached_through_an_unknown_one_is_check_first(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {"court": 8}, remedies="pending", ok="dont_know")
    assert "court" in _ids(a.check_first)


def test_a_route_reached_through_a_weak_fit_is_not_recommended(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {"court": 8, "petition": 0}, remedies="pending")
    assert "court" not in _ids(a.recommended)
    assert _ids(a.other_open).index("petition") < _ids(a.other_open).index("court")


def test_urgent_routes_to_check_first_are_listed_after_the_open_ones(
        tiny: KnowledgeBase) -> None:
    a = _run(tiny, {}, urgency="dont_know", remedies="pending")
    assert not a.imminent_risk and a.urgent == ()
    assert "rule39" in _ids(a.check_first)


@pytest.mark.parametrize(("extra", "message"), [
    ("reached_through: nowhere\n", "unknown route 'nowhere'"),
    ("reached_through: solo\n", "reached through itself"),
])
def test_reached_through_must_name_another_route(tmp_path: Path, extra: str,
                                                 message: str) -> None:
    questions = tmp_path / "questions.yaml"
    questions.write_text(QUESTIONS + "  - {id: fit_solo, section: s, text: F?, help: h, "
                         "type: yes_no}\n")
    mechanisms = tmp_path / "mechanisms.yaml"
    mechanisms.write_text("\n".join(["version: 1", "sources:", "  src: {citation: T, url: https://example.org/t}",
                                     "mechanisms:", _route("solo", extra)]))
    with pytest.raises(InputError) as caught:
        build_kb(questions, mechanisms)
    assert message in str(caught.value)
    assert caught.value.problems[0].line is not None


def test_the_banner_says_what_to_do_or_that_no_urgent_route_is_open() -> None:
    from engagewiz.core.conditions import parse
    from engagewiz.core.model import Note
    from engagewiz.core.texts import UrgentTexts

    texts = UrgentTexts(
        intro=(Note("Act now.", ("s",)),
               Note("Choose one forum.", ("s",), parse({"q": "coe_member", "is": "yes"}))),
        none_open=(Note("No urgent route is open.", ("s",)),))
    europe = [n.text for n in texts.for_case(True, {"coe_member": "yes"})]
    assert europe == ["Act now.", "Choose one forum."]
    assert [n.text for n in texts.for_case(True, {"coe_member": "no"})] == ["Act now."]
    assert [n.text for n in texts.for_case(False, {})] == ["No urgent route is open."]


def test_a_case_that_is_not_urgent_has_no_banner_text(tiny: KnowledgeBase) -> None:
    a = _run(tiny, {}, remedies="pending")
    assert a.urgent_advice == ()
