"""Where each answer is read: the index behind `tree`, `explain` and `check`.

A knowledge base reads answers in three ways: conditions (`when`, `test`, `if`), gate kinds
that read fixed questions in code (as their entries in kb/gatekinds declare), and scoring
matchers `{answer: QID}`. Listing them in one place keeps "which routes does this answer
affect?" (tree) and "does anything use this question?" (check) from disagreeing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import product
from typing import Any

from engagewiz.core.conditions import DONT_KNOW, Condition, Not, Test, tests
from engagewiz.core.model import Consideration, KnowledgeBase, Question, Route
from engagewiz.core.routematch import may_apply
from engagewiz.errors import KeyPath
from engagewiz.kb.gatekinds import gate_reads

ANY = "*"  # "every answer of this question matters"


@dataclass(frozen=True)
class Site:
    """One condition in the knowledge base, with where it is and what it decides.

    `part` is the key path inside the route when `route` is set (the locator turns it into
    a file path, templates included), else the full key path in its file.
    """

    condition: Condition
    kind: str                     # when, gate, consideration, scoring, caution, next_step, ...
    part: KeyPath
    route: Route | None = None
    routes: tuple[str, ...] = ()  # routes whose status or score it can change
    question: str | None = None   # for `when`: the question it guards


def rule_can_apply(rule: Consideration, route: Route, kb: KnowledgeBase) -> bool:
    """Do some answers make a scoring rule's `route:`/`not_route:` select this route?

    Tries each answer of the questions named by `{answer: QID}`: a route with no themes is
    never selected by `themes: {answer: themes}`, whatever the user answers.
    """
    verdict = may_apply(rule, route)
    if verdict is not None:
        return verdict
    asked = [kb.question(qid) for qid in dict.fromkeys(matcher_questions(rule))]
    questions = [q for q in asked if q is not None and q.choices]
    if len(questions) < len(asked):
        return True  # free answers (a date, a text): assume they can match
    return any(
        may_apply(rule, route, {q.id: _shaped(q, v)
                                     for q, v in zip(questions, values, strict=True)}) is True
        for values in product(*(q.values() for q in questions)))


def sites(kb: KnowledgeBase) -> Iterator[Site]:
    """Every condition, in file order: questions' `when`, scoring rules, routes, notes."""
    for i, question in enumerate(kb.questions):
        if question.when is not None:
            yield Site(question.when, "when", ("questions", i, "when"), question=question.id)
    for i, rule in enumerate(kb.scoring):
        chosen = tuple(m.id for m in kb.routes if rule_can_apply(rule, m, kb))
        yield Site(rule.when, "scoring", ("scoring", i, "if"), routes=chosen)
    for m in kb.routes:
        for g, gate in enumerate(m.gates):
            if gate.test is not None:
                yield Site(gate.test, "gate", ("gates", g, "test"), m, (m.id,))
        for c, rule in enumerate(m.considerations):
            yield Site(rule.when, "consideration", ("considerations", c, "if"), m, (m.id,))
        for name, notes in (("cautions", m.cautions), ("next_steps", m.next_steps),
                            ("follow_up", m.follow_up)):
            for n, note in enumerate(notes):
                if note.when is not None:
                    yield Site(note.when, name, (name, n, "when"), m)
    for i, system_note in enumerate(kb.notes):
        yield Site(system_note.when, "note", ("notes", i, "when"))
    yield from _text_sites(kb)


def _text_sites(kb: KnowledgeBase) -> Iterator[Site]:
    """The conditions of texts.yaml: the safety section's and its texts' (no other part
    of the file has any)."""
    plan = kb.texts.plan
    if plan.safety is not None:
        at: KeyPath = ("plan", "safety")
        if plan.safety.when is not None:
            yield Site(plan.safety.when, "texts", (*at, "when"))
        for name in ("intro", "warnings", "protect", "reprisals"):
            for n, note in enumerate(getattr(plan.safety, name)):
                if note.when is not None:
                    yield Site(note.when, "texts", (*at, name, n, "when"))


Effects = dict[str, dict[str, dict[str, set[str]]]]


def effects(kb: KnowledgeBase) -> Effects:
    """question id -> answer value (or ANY) -> route id -> {"gate", "score"}.

    An answer affects a gate when it decides a test the gate reads (open or blocked), and
    a score when it makes a test count towards the condition (`not` reversed) or makes a
    scoring rule's `{answer: QID}` select the route. What `tree` shows under each answer.
    """
    out: Effects = {}

    def add(qid: str, values: Iterable[str], routes: Iterable[str], how: str) -> None:
        per_value = out.setdefault(qid, {})
        for value in values:
            for route in routes:
                per_value.setdefault(str(value), {}).setdefault(route, set()).add(how)

    def unknown(qid: str) -> tuple[str, ...]:
        """"Don't know" leaves a gate unknown: the route becomes "check first"."""
        question = kb.question(qid)
        return (DONT_KNOW,) if question is not None and question.dont_know else ()

    for site in sites(kb):
        if site.kind in ("gate", "consideration"):
            how = "gate" if site.kind == "gate" else "score"
            for test, positive in polar_tests(site.condition):
                add(test.q, _deciding(kb, test, positive, how), site.routes, how)
                if how == "gate":
                    add(test.q, unknown(test.q), site.routes, how)
    for rule in kb.scoring:
        chosen = [m for m in kb.routes if rule_can_apply(rule, m, kb)]
        matched = matcher_questions(rule)
        for qid in dict.fromkeys([*(t.q for t in tests(rule.when)), *matched]):
            question = kb.question(qid)
            values = {v for t, positive in polar_tests(rule.when) if t.q == qid
                      for v in _deciding(kb, t, positive, "score")}
            if question is None or not question.choices:
                add(qid, (ANY,), [m.id for m in chosen], "score")
                continue
            for value in question.values():
                if value in values or qid in matched:
                    given = {qid: _shaped(question, value)}
                    add(qid, (value,), [m.id for m in chosen
                                        if may_apply(rule, m, given) is not False], "score")
    for m in kb.routes:
        for gate in m.gates:
            for qid, gate_values in gate_reads(gate):
                add(qid, (*(gate_values or (ANY,)), *unknown(qid)), (m.id,), "gate")
    return out


def _deciding(kb: KnowledgeBase, test: Test, positive: bool, how: str) -> list[str]:
    """The answers that decide a test (gate), or that make it count (score)."""
    question = kb.question(test.q)
    if question is None or not question.choices:
        return [ANY]
    found = []
    for value in question.values():
        verdict = test.evaluate({test.q: _shaped(question, value)})
        if verdict is not None and (how == "gate" or verdict == positive):
            found.append(value)
    return found


def _shaped(question: Question, value: str) -> Any:
    """One answer as the engine sees it: a list for a multiple-choice question."""
    return [value] if question.type == "multi" and value != DONT_KNOW else value


def polar_tests(condition: Condition, positive: bool = True) -> Iterator[tuple[Test, bool]]:
    """Each test with its polarity: False under an odd number of `not`s."""
    if isinstance(condition, Test):
        yield condition, positive
    elif isinstance(condition, Not):
        yield from polar_tests(condition.part, not positive)
    else:
        for part in condition.parts:
            yield from polar_tests(part, positive)


def matcher_questions(rule: Consideration) -> list[str]:
    """The questions named by `{answer: QID}` in a rule's `route:` and `not_route:`."""
    found = []
    for match in (rule.route or {}, rule.not_route or {}):
        for expected in match.values():
            if isinstance(expected, dict) and isinstance(expected.get("answer"), str):
                found.append(expected["answer"])
    return found


def readers(kb: KnowledgeBase, kb_sites: Iterable[Site] | None = None) -> set[str]:
    """Every question whose answer something reads (a condition, a gate kind, a matcher);
    `kb_sites`: the knowledge base's sites, when the caller has listed them already."""
    used = {t.q for site in (sites(kb) if kb_sites is None else kb_sites)
            for t in tests(site.condition)}
    used |= {qid for m in kb.routes for g in m.gates for qid, _ in gate_reads(g)}
    used |= {qid for rule in kb.scoring for qid in matcher_questions(rule)}
    return used
