"""Conditions that can never be true, questions never asked, routes never recommended.

Decided by brute force, which is exact and easy to trust: a condition reads a few
questions, each with a few answers, so we try every combination (with "don't know" and
"no answer" included). Two things keep the number small. Only the values a condition
mentions matter, plus one stand-in for "any other answer". And a question's own `when`
counts: the interview does not ask `nhri_status` of an NGO, so `org_type is ngo and
nhri_status is a` can never be true. Past LIMIT combinations we check without the `when`s
(fewer questions): if that finds no way, there is none; otherwise we say nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import combinations, product
from typing import Any

from engagewiz.authoring.describe import describe
from engagewiz.authoring.index import Site, rule_can_apply
from engagewiz.authoring.locate import MECHANISMS, QUESTIONS, Finding, Locator
from engagewiz.core.conditions import DONT_KNOW, NOT_ASKED, All, AnyOf, Condition, Test, tests
from engagewiz.core.interview import applies
from engagewiz.core.model import KnowledgeBase, Question, Route

LIMIT = 5000
_OTHER = "\x00another answer"  # stands for every answer a condition does not mention
A_DATE = date(2026, 1, 1)  # stands for every answer to a date question
_NOTES = {"cautions": "caution", "next_steps": "next step", "follow_up": "follow-up",
          "texts": "plan text"}


class Space:
    """The answers a knowledge base allows, searched for one that makes a condition true."""

    def __init__(self, kb: KnowledgeBase, walked: bool = False) -> None:
        """`walked`: read a question that is not asked as NOT_ASKED (false), as the interview
        does for later `when`s and the engine for advice; else as unanswered (unknown), as
        the engine does for gates and considerations."""
        self.kb = kb
        self.walked = walked
        self.order = {q.id: i for i, q in enumerate(kb.questions)}  # file order
        self._cache: dict[tuple[Condition, frozenset[str]], bool | None] = {}

    def can_be_true(self, condition: Condition, free: frozenset[str] = frozenset()) -> bool | None:
        """True if some answers make it true, False if none can, None if too many to try.

        `free` names questions whose own `when` is ignored (to find which one is to blame).
        """
        key = (condition, free)
        if key in self._cache:
            return self._cache[key]
        parts = [self.can_be_true(p, free) for p in getattr(condition, "parts", ())]
        if isinstance(condition, AnyOf):  # one true alternative is enough: no joint search
            self._cache[key] = True if True in parts else None if None in parts else False
        elif isinstance(condition, All) and False in parts:
            self._cache[key] = False
        elif isinstance(condition, All) and len(groups := self._groups(condition.parts)) > 1:
            # parts that share no question are independent: each group on its own
            verdicts = [self.can_be_true(All(group), free) for group in groups]
            self._cache[key] = False if False in verdicts else None if None in verdicts else True
        else:
            verdict = self._search(condition, self.closure(condition), free)
            if verdict is None:
                mentioned = {t.q for t in tests(condition)}
                loose = self._search(condition, mentioned, frozenset(mentioned))
                verdict = False if loose is False else None
            self._cache[key] = verdict
        return self._cache[key]

    def _groups(self, parts: tuple[Condition, ...]) -> list[tuple[Condition, ...]]:
        """Parts joined when their questions (with what their `when`s read) overlap."""
        groups: list[tuple[set[str], list[Condition]]] = []
        for part in parts:
            reads, members = self.closure(part), [part]
            for group in [g for g in groups if g[0] & reads]:
                groups.remove(group)
                reads, members = reads | group[0], group[1] + members
            groups.append((reads, members))
        return [tuple(members) for _, members in groups]

    def closure(self, condition: Condition) -> set[str]:
        """The questions a condition reads, and those their `when`s read, transitively."""
        found: set[str] = set()
        todo = [t.q for t in tests(condition)]
        while todo:
            qid = todo.pop()
            question = self.kb.question(qid)
            if qid in found or question is None:
                continue
            found.add(qid)
            if question.when is not None:
                todo.extend(t.q for t in tests(question.when))
        return found

    def _search(self, condition: Condition, qids: set[str], free: frozenset[str]) -> bool | None:
        questions = sorted((q for q in self.kb.questions if q.id in qids),
                           key=lambda q: self.order[q.id])
        read = [condition, *(q.when for q in questions if q.when and q.id not in free)]
        mentioned: dict[str, set[Any]] = {}
        for test in (t for c in read for t in tests(c)):
            mentioned.setdefault(test.q, set()).update(test.values)
        domains: list[list[Any]] = []
        size = 1
        for question in questions:
            values = domain(question, mentioned.get(question.id, set()))
            size *= len(values) if values is not None else LIMIT + 1
            if values is None or size > LIMIT:
                return None
            domains.append(values)
        for combination in product(*domains):
            answers: dict[str, Any] = {}
            for question, value in zip(questions, combination, strict=True):
                # the interview's rule: each question sees only the answers before it
                if question.id in free or applies(question, answers):
                    if value is not None:
                        answers[question.id] = value
                elif self.walked:
                    answers[question.id] = NOT_ASKED
            if condition.evaluate(answers) is True:
                return True
        return False


def domain(question: Question, mentioned: set[Any]) -> list[Any] | None:
    """The answers worth trying: no answer, don't know, the mentioned values, one other."""
    base: list[Any] = [None, DONT_KNOW] if question.dont_know else [None]
    if question.type == "multi":
        picks = [c.value for c in question.choices if c.value in mentioned]
        others = [c.value for c in question.choices if c.value not in mentioned]
        elements = picks + others[:1]
        if len(elements) > 12:
            return None
        return base + [list(s) for n in range(1, len(elements) + 1)
                       for s in combinations(elements, n)]
    if question.choices:
        picks = [c.value for c in question.choices if c.value in mentioned]
        others = [c.value for c in question.choices if c.value not in mentioned]
        return base + picks + others[:1]
    if question.type == "date":  # conditions only ask whether it was answered; gates read it
        return [*base, A_DATE]
    return base + sorted((v for v in mentioned if v != DONT_KNOW), key=str) + [_OTHER]


def why_never(condition: Condition, space: Space) -> str:
    """Why no answers make a condition true, in words an author can act on."""
    for test in dict.fromkeys(tests(condition)):
        if space.can_be_true(test) is False:
            return test_reason(test, space)
    for qid in sorted(space.closure(condition), key=space.order.__getitem__):
        question = space.kb.question(qid)
        if question and question.when and space.can_be_true(condition, frozenset({qid})):
            return (f"{qid} is asked only when {describe(question.when, space.kb)} (its "
                    "`when`), so it has no answer when the rest of this condition holds")
    if isinstance(condition, All):
        for part in condition.parts:
            if space.can_be_true(part) is False:
                return why_never(part, space)
        for a, b in combinations(condition.parts, 2):
            if space.can_be_true(All((a, b))) is False:
                return (f"it asks for {describe(a, space.kb)} and {describe(b, space.kb)} "
                        "at the same time")
    if isinstance(condition, AnyOf):
        return "none of its alternatives can be true: " + why_never(condition.parts[0], space)
    return "no combination of answers makes it true"


def test_reason(test: Test, space: Space) -> str:
    """Why one test on its own can never be true."""
    question = space.kb.question(test.q)
    if question is None:
        return f"there is no question '{test.q}'"
    if question.type == "multi" and test.op in ("is", "in"):
        return (f"{test.q} takes several answers (a list): test it with `has` or `has_any`, "
                f"not `{test.op}`")
    if question.when is not None and space.can_be_true(question.when) is False:
        return f"{test.q} is never asked: its `when` can never be true"
    return f"`{describe(test, space.kb)}` matches no answer {test.q} can have"


def unreachable_questions(kb: KnowledgeBase) -> set[str]:
    """Questions whose `when` can never be true (`engagewiz check` says why)."""
    space = Space(kb)
    return {q.id for q in kb.questions if q.when and space.can_be_true(q.when) is False}


def reach_findings(kb: KnowledgeBase, space: Space, where: Locator,
                   kb_sites: list[Site]) -> Iterator[Finding]:
    """`kb_sites`: the knowledge base's sites (index.sites), listed once by the caller."""
    yield from _order_findings(kb, space)
    walk = Space(kb, walked=True)  # `when`s and advice see a skipped question as not asked
    unreachable = set()
    for site in kb_sites:
        if site.kind == "when" and walk.can_be_true(site.condition) is False:
            assert site.question is not None
            unreachable.add(site.question)
            yield Finding(QUESTIONS, site.part, f"question '{site.question}' is unreachable: "
                          f"its `when` can never be true ({why_never(site.condition, walk)})")
    for site in kb_sites:
        if site.kind != "when":
            yield from _site_findings(site, walk if site.kind in _NOTES else space, where,
                                      unreachable)
    for route in kb.routes:
        yield from _route_findings(route, kb, space, where)


def _order_findings(kb: KnowledgeBase, space: Space) -> Iterator[Finding]:
    """A `when` may read only earlier questions: the interview asks in file order."""
    position = {q.id: i for i, q in enumerate(kb.questions)}
    for i, question in enumerate(kb.questions):
        for qid in dict.fromkeys(t.q for t in tests(question.when)) if question.when else ():
            path = ("questions", i, "when")
            if qid == question.id:
                yield Finding(QUESTIONS, path, f"the `when` of '{qid}' tests '{qid}' itself; a "
                              "question cannot depend on its own answer: remove that test")
            elif position.get(qid, -1) > i:
                later = kb.questions[position[qid]]
                cycle = question.id in space.closure(later.when) if later.when else False
                yield Finding(QUESTIONS, path, f"the `when` of '{question.id}' tests '{qid}', "
                              "which comes later in the file (questions are asked in file "
                              f"order): move '{qid}' above '{question.id}'"
                              + (f"; '{qid}' depends on '{question.id}' in turn, a cycle: "
                                 "remove one of the two tests" if cycle else ""))


def _site_findings(site: Site, space: Space, where: Locator,
                   unreachable: set[str]) -> Iterator[Finding]:
    role, path = where.site(site)
    if any(dont_know_not_offered(t, space.kb) for t in tests(site.condition)):
        return  # reported by lint; the fix changes this condition anyway
    if space.can_be_true(site.condition) is False:
        why = why_never(site.condition, space)
        yield Finding(role, path, where.say(site.route, {
            "gate": f"this gate can never open: its test can never be true ({why}), so the "
                    "route can never be recommended",
            "consideration": f"this consideration never counts: its `if` can never be true "
                             f"({why})",
            "scoring": f"this scoring rule never counts: its `if` can never be true ({why})",
            "note": f"this note never shows: its `when` can never be true ({why})",
        }.get(site.kind, f"this {_NOTES.get(site.kind, site.kind)} shows only when answers "
                         f"are missing: its `when` can never be true ({why})")))
        return
    for test in dict.fromkeys(tests(site.condition)):
        if test.q not in unreachable and space.can_be_true(test) is False:
            shown = describe(test, space.kb)
            yield Finding(role, path, where.say(site.route, f"the test `{shown}` can never be "
                                                f"true: {test_reason(test, space)}"))


def dont_know_not_offered(test: Test, kb: KnowledgeBase) -> bool:
    """A test for "don't know" on a question that does not offer it."""
    question = kb.question(test.q)
    return question is not None and not question.dont_know and DONT_KNOW in test.values


def _route_findings(route: Route, kb: KnowledgeBase, space: Space,
                    where: Locator) -> Iterator[Finding]:
    """Routes no answers can recommend: gates that cannot all open, or no positive points."""
    if any(g.kind == "closed" for g in route.gates):
        return  # closed on purpose (a procedure not in force)
    tested = [(i, g.test) for i, g in enumerate(route.gates) if g.kind == "requires" and g.test]
    if any(space.can_be_true(test) is False for _, test in tested):
        return  # reported at the gate
    for (i, a), (j, b) in combinations(tested, 2):
        if space.can_be_true(All((a, b))) is False:
            yield Finding(MECHANISMS, where.part(route, ("gates", j)), where.say(
                route, f"gates[{i}] and gates[{j}] can never be open together "
                f"({why_never(All((a, b)), space)}), so the route can never be recommended"))
            return
    best = max_score(route, kb, space)
    if best <= 0:
        yield Finding(MECHANISMS, where.route(route), f"route '{route.id}' can never be "
                      f"recommended: the most it can score is {best}, and only routes scoring "
                      "more than 0 are recommended; add a consideration with positive points, "
                      "or a scoring rule whose `route:` selects it")


def max_score(route: Route, kb: KnowledgeBase, space: Space) -> int:
    """The most a route can score: every positive consideration that can count for it.

    An upper bound (two rules may need answers that exclude each other), which is what
    "can never be recommended" needs: at or below 0, no answers recommend the route.
    """
    return sum(rule.points for rule in (*kb.scoring, *route.considerations)
               if rule.points > 0 and rule_can_apply(rule, route, kb)
               and space.can_be_true(rule.when) is not False)
