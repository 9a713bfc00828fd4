"""Gates stuck at "check first" because the interview never asks what they read.

A gate reads a question; the question's `when` keeps it from being asked on some path; on
that path the route's other gates can still open; and there the gate comes out "check
first", though an answer to the question would have decided it. The user is then told to
check something nobody asked them (kb-audit M6: the HRC complaint procedure takes patterns,
but `remedies` was asked only for a single victim). Found by brute force over the answers
the conditions mention, as `search` does, with each gate's own evaluator.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from engagewiz.authoring.locate import MECHANISMS, Finding, Locator
from engagewiz.authoring.search import A_DATE, LIMIT, Space, domain
from engagewiz.core.conditions import NOT_ASKED, Condition, tests
from engagewiz.core.gates import Context, evaluate
from engagewiz.core.interview import applies
from engagewiz.core.model import Gate, KnowledgeBase, Question, Route
from engagewiz.core.results import BLOCKED, UNKNOWN
from engagewiz.kb.gatekinds import gate_reads

DAY = A_DATE  # any day: the question is whether an answer exists, not its date


# The answers the interview walks to, as (what the conditions see, what was answered), on
# which a question is not asked: keyed by that question and the questions tried, each with
# the values tried; gates that read one question (a template's) share the walk.
Paths = dict[tuple[str, tuple[tuple[str, frozenset[Any]], ...]],
             list[tuple[dict[str, Any], dict[str, Any]]]]


def unasked_findings(kb: KnowledgeBase, space: Space, where: Locator) -> Iterator[Finding]:
    paths: Paths = {}
    for route in kb.routes:
        for j, gate in enumerate(route.gates):
            for qid in _reads(gate):
                question = kb.question(qid)
                if question is None or question.when is None or question.prefill:
                    continue  # asked whenever it applies, or answered by the country data
                witness = _stuck(kb, space, route, gate, question, paths)
                if witness is not None:
                    yield Finding(MECHANISMS, where.part(route, ("gates", j)), where.say(
                        route, f"this gate reads '{qid}', which the interview does not ask "
                        f"when {witness}; there the gate can only say 'check first': widen "
                        f"the `when` of '{qid}', or make the gate read something asked"))


def _reads(gate: Gate) -> list[str]:
    named = [t.q for t in tests(gate.test)] if gate.test is not None else []
    return list(dict.fromkeys([*named, *(q for q, _ in gate_reads(gate))]))


def _stuck(kb: KnowledgeBase, space: Space, route: Route, gate: Gate,
           question: Question, paths: Paths) -> str | None:
    """Answers on which `question` is not asked, the route's other tests do not block, and
    the gate says "check first" only for want of that answer; described, or None."""
    asked_when = space.closure(question.when) if question.when else set()
    # Another gate's test matters only where it shares a question with that `when`: left
    # unanswered, a test is unknown, never false, so it cannot block the route.
    others = [g.test for g in route.gates if g is not gate and g.kind == "requires" and g.test
              and asked_when & space.closure(g.test)]
    # Likewise a gate on the days a treaty bound the State, where the `when` reads its fact.
    bound = [g for g in route.gates if g is not gate and g.kind == "in_force"
             and g.params.get("fact") in asked_when]
    conditions: list[Condition] = [question.when, *others] if question.when else others
    qids = set().union(*(space.closure(c) for c in conditions)) | set(_reads(gate))
    qids.discard(question.id)
    questions = sorted((q for q in kb.questions if q.id in qids), key=lambda q: space.order[q.id])
    mentioned: dict[str, set[Any]] = {}
    for c in (*conditions, *(q.when for q in questions if q.when)):
        for t in tests(c):
            mentioned.setdefault(t.q, set()).update(t.values)
    domains = [domain(q, mentioned.get(q.id, set())) for q in questions]
    size = 1
    for d in domains:
        size *= len(d) if d is not None else LIMIT + 1
    if size > LIMIT or any(d is None for d in domains):
        return None  # too many to try: say nothing rather than guess
    key = (question.id, tuple((q.id, frozenset(mentioned.get(q.id, ()))) for q in questions))
    if key not in paths:
        paths[key] = _not_asked(question, questions, domains)  # type: ignore[arg-type]
    answers_of_q = _every_answer(question)
    for answers, given in paths[key]:
        # A State fact whose `when` is false is one the State does not have (the African
        # Court's Protocol outside Africa): read as not asked, a test on it is false.
        if any(t.evaluate(answers) is False for t in others):
            continue
        if any(_status(kb, g, given) == BLOCKED for g in bound):
            continue
        if _status(kb, gate, given) != UNKNOWN:
            continue
        if any(_status(kb, gate, {**given, question.id: v}) != UNKNOWN for v in answers_of_q):
            return _said(kb, question.when, given)
    return None


def _not_asked(question: Question, questions: list[Question], domains: list[list[Any]]
               ) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The answers the interview can walk to over the domains, in the order of their
    combinations, where `question` is not asked: (what conditions see, what was answered).

    Walked as a tree: a question that is not asked takes no values, so the combinations
    that differ only in its answers are one path, walked once."""
    found: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def walk(i: int, answers: dict[str, Any]) -> None:
        if i == len(questions):
            if not applies(question, answers):
                found.append((answers, {k: v for k, v in answers.items() if v is not NOT_ASKED}))
            return
        q = questions[i]
        if not applies(q, answers):
            walk(i + 1, {**answers, q.id: NOT_ASKED})
            return
        for value in domains[i]:
            walk(i + 1, answers if value is None else {**answers, q.id: value})

    walk(0, {})
    return found


def _every_answer(question: Question) -> list[Any]:
    if question.type == "date":
        return [A_DATE]
    values = [c.value for c in question.choices]
    return [[v] for v in values] if question.type == "multi" else values


def _status(kb: KnowledgeBase, gate: Gate, answers: dict[str, Any]) -> str:
    return evaluate(gate, Context(kb, answers, DAY, {})).status


def _said(kb: KnowledgeBase, when: Condition | None, answers: dict[str, Any]) -> str:
    """The answers that keep the question from being asked, in words."""
    shown = [f"{q} is {(kq.label(answers[q]) if (kq := kb.question(q)) else answers[q])}"
             for q in dict.fromkeys(t.q for t in tests(when)) if q in answers] if when else []
    return " and ".join(shown) or "its `when` is false"
