"""The engine's memo (core/memo.py) only saves time: a remembered judgement is the one the
route would get afresh, whatever came before.

A stale memo is a wrong legal answer given with confidence, so these tests attack the key:
the same route judged under answers differing in one answer it reads, on another day, on
another country data; judging a route looks up nothing its key leaves out (answers,
provenance, facts, the interview's view, the day); and over every example and every
one-answer change of it (what-if style), on two days, assessments made with a memo full
of the cases before are equal to assessments made afresh.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, TODAY
from engagewiz.core import engine, gates, interview, memo
from engagewiz.core.engine import assess
from engagewiz.core.model import Gate, KnowledgeBase, Route
from engagewiz.core.prefill import CountryAnswers, with_country_facts
from engagewiz.core.qids import REMEDIES, THEMES
from engagewiz.core.results import Assessment, GateResult
from engagewiz.kb.countries import CountryData
from engagewiz.storage.answers import load_answers
from noted import Noted

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
LATER = TODAY + timedelta(days=400)


def fresh(kb: KnowledgeBase) -> KnowledgeBase:
    """The same knowledge base with empty memos: its first assessment judges every route
    and walks every walk."""
    return dataclasses.replace(kb)


def flips(kb: KnowledgeBase, answers: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The answers, then each single-choice answer changed to each of its other values."""
    yield dict(answers)
    for qid, value in answers.items():
        question = kb.question(qid)
        if question is not None and question.type in ("choice", "yes_no"):
            for choice in question.choices:
                if choice.value != value:
                    yield {**answers, qid: choice.value}


def example(path: Path, kb: KnowledgeBase, countries: CountryData) -> dict[str, Any]:
    """An example's answers, its country named by ISO3 as the CLI names it (so the
    country data's facts are read)."""
    def resolve(text: str) -> tuple[str | None, list[str]]:
        found = countries.search(text)
        return (found.iso3 if found else None), []

    return load_answers(path, kb, resolve)


@pytest.fixture(scope="module")
def cases(kb: KnowledgeBase, countries: CountryData) -> list[tuple[str, dict[str, Any]]]:
    return [(f"{path.name} {_changed(given, case)}", case)
            for path in EXAMPLES for given in [example(path, kb, countries)]
            for case in flips(kb, given)]


def _changed(given: Mapping[str, Any], case: Mapping[str, Any]) -> list[str]:
    return [f"{k}={v}" for k, v in case.items() if given.get(k) != v]


def judged(kb: KnowledgeBase, result: Assessment, rid: str) -> Any:
    return next(r for r in result.all_routes() if r.id == rid)


def a_route(kb: KnowledgeBase, test: Any) -> Route:
    return next(r for r in kb.routes if test(r))


def test_a_route_is_judged_again_when_one_answer_it_reads_changes(
        kb: KnowledgeBase, countries: CountryData) -> None:
    kb = dataclasses.replace(kb)  # a memo of its own
    route = a_route(kb, lambda r: any(g.kind == "exhaustion" for g in r.gates))
    assert REMEDIES in memo.route_reads(route, kb).answers
    answers = example(EXAMPLES[0], kb, countries)
    results = {}
    for remedies in ("exhausted", "not_tried", "exhausted"):
        given = {**answers, REMEDIES: remedies}
        results[remedies] = judged(kb, assess(kb, given, today=TODAY, countries=countries),
                                   route.id)
        assert results[remedies] == judged(fresh(kb), assess(
            fresh(kb), given, today=TODAY, countries=countries), route.id)
    assert results["exhausted"].gates != results["not_tried"].gates
    assert memo.for_kb(kb).own[kb.routes.index(route)]  # it was remembered


def test_a_time_limit_is_counted_again_on_another_day(kb: KnowledgeBase,
                                                       countries: CountryData) -> None:
    kb = dataclasses.replace(kb)
    route = a_route(kb, lambda r: any(g.kind == "time_limit" for g in r.gates))
    assert memo.route_reads(route, kb).today
    answers = {**example(EXAMPLES[0], kb, countries), REMEDIES: "exhausted",
               "final_decision_date": TODAY - timedelta(days=30)}
    days = [judged(kb, assess(kb, answers, today=day, countries=countries), route.id)
            for day in (TODAY, LATER, TODAY)]
    assert days[0] == days[2] != days[1]
    assert days[1] == judged(kb, assess(fresh(kb), answers, today=LATER,
                                        countries=countries), route.id)
    for day in (LATER, TODAY + timedelta(days=1)):  # the facts' age, the next UPR review
        assert (assess(kb, answers, today=day, countries=countries)
                == assess(fresh(kb), answers, today=day, countries=countries))


def test_only_a_gate_that_counted_days_is_judged_again_on_another_day(
        kb: KnowledgeBase, countries: CountryData, monkeypatch: pytest.MonkeyPatch) -> None:
    """A gate of a kind that may count days (a time limit, a withdrawal) is remembered for
    every day when judging it did not read the day: no date to count from, no withdrawal."""
    warm = dataclasses.replace(kb)
    answers = {**example(EXAMPLES[0], kb, countries), REMEDIES: "exhausted",
               "final_decision_date": TODAY - timedelta(days=30)}
    judged: list[tuple[int, bool]] = []  # each gate judged, and whether it read the day
    evaluate = gates.evaluate

    def noting(gate: Gate, ctx: gates.Context) -> GateResult:
        before = len(ctx.days_read)
        result = evaluate(gate, ctx)
        judged.append((id(gate), len(ctx.days_read) > before))
        return result

    monkeypatch.setattr(gates, "evaluate", noting)
    for _ in range(2):  # the first assessment keeps nothing; the second fills the memo
        assess(warm, answers, today=TODAY, countries=countries)
    counted = {gate for gate, read in judged if read}
    may = [g for r in kb.routes for g in r.gates if g.dated]
    assert counted and len(counted) < len(may) / 2
    judged.clear()
    later = assess(warm, answers, today=LATER, countries=countries)
    assert {gate for gate, _ in judged} == counted
    assert later == assess(fresh(kb), answers, today=LATER, countries=countries)


def test_another_country_data_is_not_read_from_the_memo(
        kb: KnowledgeBase, countries: CountryData) -> None:
    """Facts are keyed by their country and where they came from; a memo filled on one
    country data is emptied when another comes, since both may name the same State."""
    kb = dataclasses.replace(kb)
    answers = example(EXAMPLES[0], kb, countries)
    before = assess(kb, answers, today=TODAY, countries=countries)
    state = countries.get(str(answers["country"]))
    assert state is not None
    facts = {q: dataclasses.replace(f, value="no") if f.value == "yes" else f
             for q, f in state.facts.items()}
    other = CountryData(countries.built, countries.sources,
                        {state.iso3: dataclasses.replace(state, facts=facts)})
    after = assess(kb, answers, today=TODAY, countries=other)
    assert after == assess(fresh(kb), answers, today=TODAY, countries=other)
    assert after != before


def test_judging_a_route_reads_nothing_its_key_leaves_out(
        kb: KnowledgeBase, countries: CountryData,
        cases: list[tuple[str, dict[str, Any]]]) -> None:
    """Every answer, provenance and fact looked up is one of the route's `answers` (a
    gate's: one its test or kind reads), every answer of the interview's view one of its
    `asked`; a gate that did not read the day (`Context.day`), and a route none of whose
    gates did, is judged alike a year later and years before."""
    for name, case in cases[::40]:  # some 40 cases, from every example
        filled = with_country_facts(kb, interview.effective(kb, case), countries, TODAY)
        asked = interview.walked(kb, filled.answers)

        for route in kb.routes:
            reads = memo.route_reads(route, kb)
            assert reads is not None
            seen: set[str] = set()
            seen_asked: set[str] = set()
            results = []
            counted = False  # a gate read the day
            for gate in route.gates:
                by_gate: set[str] = set()
                ctx = _noting(kb, filled, by_gate)
                results.append(gates.evaluate(gate, ctx))
                assert by_gate <= set(memo._gate_reads(gate, kb)), (route.id, name)
                assert not ctx.days_read or gate.dated, (route.id, name)
                if not ctx.days_read:  # remembered for every day
                    for day in (LATER, TODAY - timedelta(days=3000)):
                        again = gates.evaluate(gate, _noting(kb, filled, set(), day))
                        assert again == results[-1], (route.id, name)
                counted = counted or bool(ctx.days_read)
                seen |= by_gate
            by_rest: set[str] = set()
            result = engine._judge(route, kb, tuple(results), engine._rest(
                route, Noted(filled.answers, by_rest), Noted(asked, seen_asked)))
            assert by_rest <= {THEMES, *memo.considered(route)}, (route.id, name)
            seen |= by_rest
            assert seen <= set(reads.answers), (route.id, name, seen - set(reads.answers))
            assert seen_asked <= set(reads.asked), (route.id, name)
            if not counted:
                for day in (LATER, TODAY - timedelta(days=3000)):
                    ctx = gates.Context(kb, filled.answers, day, filled.provenance,
                                        filled.facts)
                    assert engine._judged_afresh(route, kb, ctx, asked) == result, name


def _noting(kb: KnowledgeBase, filled: CountryAnswers, seen: set[str],
            day: date = TODAY) -> gates.Context:
    """A context whose answers, provenance and facts note every look-up in `seen`."""
    return gates.Context(kb, Noted(filled.answers, seen), day, Noted(filled.provenance, seen),
                         Noted(filled.facts, seen))


@pytest.mark.parametrize("day", [TODAY, date(2023, 2, 28)])
def test_remembered_assessments_equal_fresh_ones(
        kb: KnowledgeBase, countries: CountryData,
        cases: list[tuple[str, dict[str, Any]]], day: date) -> None:
    """Every example and each one-answer change of it, in turn on one knowledge base whose
    memo keeps what the cases before it left, against the same case judged afresh."""
    warm = dataclasses.replace(kb)
    for name, case in cases[::16] if day == TODAY else cases[8::16]:  # 100 each
        remembered = assess(warm, case, today=day, countries=countries)
        afresh = assess(fresh(kb), case, today=day, countries=countries)
        assert remembered == afresh, name
        assert list(remembered.answers) == list(afresh.answers), name  # the JSON's order
    filled = memo.for_kb(warm)
    assert 0 < filled.size <= memo.MEMO_SIZE


def test_the_facts_filled_in_for_an_interview_are_remembered_apart(
        kb: KnowledgeBase, countries: CountryData,
        cases: list[tuple[str, dict[str, Any]]]) -> None:
    """The interview leaves a fact the data does not know unanswered (to be asked), a
    scripted run reads it as "don't know": the same answers, two results, two entries."""
    warm = dataclasses.replace(kb)
    for name, case in cases[::16]:
        for asking in (False, True):
            remembered = with_country_facts(warm, case, countries, TODAY,
                                            unknown_as_dont_know=asking)
            afresh = with_country_facts(fresh(kb), case, countries, TODAY,
                                        unknown_as_dont_know=asking)
            assert remembered == afresh, name
            assert list(remembered.answers) == list(afresh.answers), name


def test_the_walk_remembered_is_the_walk(kb: KnowledgeBase,
                                         cases: list[tuple[str, dict[str, Any]]]) -> None:
    warm = dataclasses.replace(kb)
    for name, case in cases[::2]:
        assert interview.effective(warm, case) == interview.effective(fresh(kb), case), name
        assert (interview.applicable(warm, case)
                == interview.applicable(fresh(kb), case)), name


def test_the_memo_is_bounded(kb: KnowledgeBase, countries: CountryData,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "MEMO_SIZE", 50)
    warm = dataclasses.replace(kb)
    answers = example(EXAMPLES[0], kb, countries)
    for n in range(5):
        assess(warm, answers, today=TODAY + timedelta(days=n), countries=countries)
        assert memo.for_kb(warm).size <= 50


def test_the_loader_says_what_every_gate_reads(kb: KnowledgeBase) -> None:
    """So every bundled route is remembered (a gate made elsewhere says nothing, and its
    route is judged afresh each time)."""
    assert all(g.kind_reads is not None for r in kb.routes for g in r.gates)
    assert all(memo.route_reads(r, kb) is not None for r in kb.routes)
