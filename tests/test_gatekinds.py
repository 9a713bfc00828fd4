"""The gate-kind registry (kb/gatekinds) held to what the evaluators actually do.

`tree`, `check` and `explain` trust each entry's declared reads (authoring.index.gate_reads
derives them), and the loader and the JSON Schema trust its parameters. Rather than restate
the entries, these tests run every evaluator on the bundled knowledge base's own gates,
over every combination of answers to the questions it declares, and check the declarations:

- complete: the evaluator looks up no other question (the answers note each look-up);
- no read too many: each declared question changes the result for some answers;
- `only`: answers outside the declared values all give the same result;
- `values`: each value the entry names gives a result an unknown word would not (the
  evaluator really reads that word, so the loader is right to insist on it).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import product
from typing import Any, get_args

import jsonschema
import pytest

from conftest import TODAY
from engagewiz.core import conditions
from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.gates import EVALUATORS, Context, evaluate
from engagewiz.core.model import Gate, GateKindName, KnowledgeBase, Question
from engagewiz.core.results import GateResult
from engagewiz.kb import jsonschemas
from engagewiz.kb.countries import CountryFact
from engagewiz.kb.gatekinds import GATE_KINDS, gate_reads
from engagewiz.kb.spec import GATE
from noted import Noted

OTHER = "an-answer-no-evaluator-names"
Answers = dict[str, Any]


def domain(question: Question) -> tuple[Any, ...]:
    """Every answer worth trying: each choice, "don't know", none, and an unknown word."""
    if question.type == "date":
        return (None, DONT_KNOW, TODAY - timedelta(days=10), TODAY.replace(year=1990))
    shaped = tuple([v] if question.type == "multi" and v != DONT_KNOW else v
                   for v in question.values())
    return (*shaped, None, DONT_KNOW, OTHER)


def gates_of(kb: KnowledgeBase, kind: str) -> list[Gate]:
    """The bundled gates of a kind, one per distinct set of parameters."""
    found: dict[str, Gate] = {}
    for route in kb.routes:
        for gate in route.gates:
            if gate.kind == kind:
                found.setdefault(repr((gate.params, gate.test)), gate)
    return list(found.values())


# The country data's dates and words for every question a gate reads as a fact, so the
# rules on time see a State first bound in 2000 and no longer bound from 2020.
FACT = CountryFact("yes", "test", since="2000-01-01", until="2020-01-01")


def judge(kb: KnowledgeBase, gate: Gate, answers: Answers) -> GateResult:
    return evaluate(gate, Context(kb, answers, TODAY, {}, _facts(kb)))


_FACTS: dict[int, dict[str, CountryFact]] = {}  # by id(kb): a KnowledgeBase hashes slowly


def _facts(kb: KnowledgeBase) -> dict[str, CountryFact]:
    """FACT for each question a gate may read as a fact (once: judge runs ~10^5 times)."""
    if id(kb) not in _FACTS:
        _FACTS[id(kb)] = {q.id: FACT for q in kb.questions if q.prefill}
    return _FACTS[id(kb)]


def fills(kb: KnowledgeBase, skip: set[str]) -> Iterator[Answers]:
    """Every other question answered: with its first answer, its last, "don't know"."""
    others = [q for q in kb.questions if q.id not in skip]
    yield {q.id: domain(q)[0] for q in others}
    yield {q.id: domain(q)[-1] for q in others}
    yield {q.id: DONT_KNOW for q in others}


def combinations(kb: KnowledgeBase, reads: list[str]) -> Iterator[tuple[Any, ...]]:
    """Every combination of answers to the questions `reads`, in their order."""
    return product(*[domain(kb.question(qid)) for qid in reads])  # type: ignore[arg-type]


def results(kb: KnowledgeBase, gate: Gate, reads: list[str], seen: set[str] | None = None
            ) -> list[tuple[tuple[Any, ...], GateResult]]:
    """The gate's result for every combination of answers to the questions it reads (with
    `seen`, the questions the evaluator looked up are added to it)."""
    table = []
    for combo in combinations(kb, reads):
        answers: Answers = dict(zip(reads, combo, strict=True))
        table.append((combo, judge(kb, gate, answers if seen is None else Noted(answers, seen))))
    return table


CODED = [k for k in GATE_KINDS if k != "requires"]  # read in code; `requires` reads its test


@pytest.mark.parametrize("kind", CODED)
def test_a_kind_reads_exactly_what_its_entry_declares(kb: KnowledgeBase, kind: str) -> None:
    gates = gates_of(kb, kind)
    assert gates, f"no gate of kind '{kind}' in data/: nothing to hold its entry to"
    changing: set[str] = set()  # questions some gate of the kind reads, whatever its params
    declared_by_kind: set[str] = set()
    for gate in gates:
        declared = dict(gate_reads(gate))
        reads = list(declared)
        declared_by_kind |= set(reads)
        seen: set[str] = set()
        table = results(kb, gate, reads, seen)
        assert seen <= set(reads), f"'{kind}' looks up {sorted(seen - set(reads))}, which " \
                                   "its entry does not declare"  # complete
        keyed = [(tuple(map(_key, combo)), result) for combo, result in table]
        for n, qid in enumerate(reads):
            by_rest: dict[tuple[Any, ...], dict[Any, GateResult]] = {}
            for key, result in keyed:  # results side by side, this answer varied
                by_rest.setdefault(key[:n] + key[n + 1:], {})[key[n]] = result
            if any(len(set(r.values())) > 1 for r in by_rest.values()):
                changing.add(qid)
            values = declared[qid]
            if values is not None:  # `only`: all other answers alike
                for per_answer in by_rest.values():
                    outside = {r for a, r in per_answer.items() if a not in values}
                    assert len(outside) == 1, f"'{kind}': answers to '{qid}' outside " \
                                              f"{values} change the result"
    # no read too many: a question a kind declares changes the result of some gate of it
    # (one its parameters make read it: the 3 years after another procedure, a reservation)
    for qid in declared_by_kind - changing:
        pytest.fail(f"'{kind}' declares that it reads '{qid}', but no answer to it changes "
                    "a result")


@pytest.mark.parametrize("kind", CODED)
def test_every_answer_an_entry_names_is_read_by_its_evaluator(kb: KnowledgeBase,
                                                              kind: str) -> None:
    reads = [r.question for r in GATE_KINDS[kind].reads]
    # Each table holds every combination, OTHER included among each question's answers, so
    # the result with the named answer swapped for OTHER is looked up, not judged again.
    tables = [{tuple(map(_key, combo)): result for combo, result in results(kb, gate, reads)}
              for gate in gates_of(kb, kind)]
    for read in GATE_KINDS[kind].reads:
        n = reads.index(read.question)
        for value in read.values:
            changes = False
            for table in tables:
                for key, result in table.items():
                    if key[n] == value:
                        changes |= table[(*key[:n], OTHER, *key[n + 1:])] != result
            assert changes, f"'{kind}' names the answer '{value}' to '{read.question}', " \
                            "but its evaluator treats it like any unknown word"


@pytest.mark.parametrize("kind", [k for k in CODED if GATE_KINDS[k].dated])
def test_a_result_that_did_not_read_the_day_holds_on_every_day(kb: KnowledgeBase,
                                                               kind: str) -> None:
    """The memo keeps such a result for every day (core/memo.py), so an evaluator reads
    the day only through `Context.day`, which notes it: here, before the State's
    withdrawal took effect (FACT), and long after."""
    counted = 0
    for gate in gates_of(kb, kind):
        reads = list(dict(gate_reads(gate)))
        for combo in combinations(kb, reads):
            answers = dict(zip(reads, combo, strict=True))
            ctx = Context(kb, answers, TODAY, {}, _facts(kb))
            result = evaluate(gate, ctx)
            counted += bool(ctx.days_read)
            if not ctx.days_read:
                for day in (date(2019, 6, 1), TODAY + timedelta(days=400)):
                    assert evaluate(gate, Context(kb, answers, day, {}, _facts(kb))) \
                        == result, (gate.rule, answers)
    assert counted, f"no gate of kind '{kind}' read the day: is it still `dated`?"


def test_a_requires_gate_reads_only_its_test(kb: KnowledgeBase) -> None:
    assert GATE_KINDS["requires"].reads == ()
    for gate in gates_of(kb, "requires"):
        assert gate.test is not None
        reads = list(dict.fromkeys(t.q for t in conditions.tests(gate.test)))
        if len(reads) > 3:
            continue  # too many combinations for a test; the few are enough
        others = list(fills(kb, set(reads)))
        for combo, result in results(kb, gate, reads):
            given = dict(zip(reads, combo, strict=True))
            for fill in others:
                assert judge(kb, gate, {**fill, **given}) == result, given


def test_one_entry_per_gate_kind_name_each_with_the_evaluator_of_that_name() -> None:
    assert tuple(GATE_KINDS) == get_args(GateKindName)
    assert all(name == kind.name for name, kind in GATE_KINDS.items())
    assert {name: kind.evaluator for name, kind in GATE_KINDS.items()} == EVALUATORS


def test_the_loader_keeps_only_the_parameters_of_each_gate_kind(kb: KnowledgeBase) -> None:
    for route in kb.routes:
        for gate in route.gates:
            assert set(gate.params) <= set(GATE_KINDS[gate.kind].params)


def _words(kind: str, **params: Any) -> dict[str, Any]:
    return {"kind": kind, "rule": "R.", "unblock": "U.", "check": "C.", "source": "s1", **params}


def _example(kind: str) -> dict[str, Any]:
    """A minimal valid gate of a kind: its required parameters, and one of `one_of`."""
    values = {"test": {"q": "x", "is": "yes"}, "bars": ["decided"], "expired": "blocked",
              "as_of": "2026-01-01", "months": 6, "fact": "accepts_x"}
    entry = GATE_KINDS[kind]
    names = [p for p, param in entry.params.items() if param.required] + list(entry.one_of[:1])
    return _words(kind, **{p: values[p] for p in names})


@pytest.fixture(scope="module")
def gate_schema() -> jsonschema.protocols.Validator:
    """The published JSON Schema of one gate (as `engagewiz schema mechanisms` gives it)."""
    schema = jsonschemas.schema("mechanisms")
    gates = schema["properties"]["mechanisms"]["items"]["properties"]["gates"]["items"]
    return jsonschema.Draft202012Validator({**gates, "$defs": schema["$defs"]})


@pytest.mark.parametrize("kind", list(GATE_KINDS))
def test_the_spec_and_the_schema_take_each_kinds_parameters_and_no_others(
        kind: str, gate_schema: jsonschema.protocols.Validator) -> None:
    entry = GATE_KINDS[kind]
    good = _example(kind)
    assert list(GATE.check(good, ())) == []
    assert gate_schema.is_valid(good)
    for name, param in entry.params.items():
        if param.required:
            missing = {k: v for k, v in good.items() if k != name}
            assert list(GATE.check(missing, ())) == [
                ((), f"missing required field '{name}' for {entry.noun}")]
            assert not gate_schema.is_valid(missing)
    foreign = {p for other in GATE_KINDS.values() for p in other.params} - set(entry.params)
    for name in sorted(foreign):
        wrong = {**good, name: _example_value(name)}
        assert [path for path, _ in GATE.check(wrong, ())] == [(name,)]
        assert not gate_schema.is_valid(wrong)


def _example_value(name: str) -> Any:
    return {"test": {"q": "x", "is": "yes"}, "months": 6, "years": 5}.get(name, "blocked")


def _key(answer: Any) -> Any:
    """An answer as a dict key and as the word an entry names (a list for multi)."""
    return answer[0] if isinstance(answer, list) else answer
