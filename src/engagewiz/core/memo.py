"""Each route's judgement remembered by the values of exactly what it reads.

Judging the routes (their gates, considerations and advice) was two thirds of an
assessment, and most of it comes out the same from one assessment to the next: a route
reads a handful of answers, and a neighbouring case (a what-if flip, another answers file
of the same workshop, another day) changes few of them. So the engine keeps each route's
`RouteResult` under the values of what judging it reads (`Reads`, derived at load):

- `answers`: what its gates (their tests; the questions their kind's code reads, as its
  registry entry declares; a parameter naming a question), its considerations (`when`,
  `{answer: QID}` matchers) and its fit to the issue read; for an answer taken from the
  country data, also where it came from and the country it is a fact of, since a gate's
  words quote the fact (its note, reservation, caveat) and `in_force` reads its dates;
- `asked`: what its advice reads, as the interview saw it (NOT_ASKED for a question that
  did not apply);
- the day, where judging a gate read it (`Context.day`: a time limit counted from a date
  given, a withdrawal that counts from the filing); and the global scoring rules that
  count for it.

A key holds every answer a route may read, and a new case changes most keys it touches
without changing what they judge to. So a route judged again takes each gate's result and
its rest (considerations and advice) from their own narrower keys, keeps equal ones as one
object (`canonical`), and finds the judgement made of those same objects by their
identities: a judgement is made afresh only when one of its parts is new. The global rules
that count are kept by the answers they read, and for a new case by which of them hold,
and a judgement with them by the identity of the route's own and those rules.

A stale memo would be a wrong legal answer, so every key errs on the side of too much:
values are compared with their type (a list is not a tuple, 1 is not True), and a memo
holding facts of one `CountryData` is emptied when another comes. tests/test_gatekinds.py
holds each registry entry to its evaluator; tests/test_memo.py checks, over every example
and its what-if variants, that judging a route looks up nothing outside its key, and that
remembered and fresh assessments are equal.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from engagewiz.core.conditions import frozen, tests
from engagewiz.core.model import Gate, KnowledgeBase, Route
from engagewiz.core.qids import COUNTRY, THEMES
from engagewiz.core.record import record
from engagewiz.core.results import GateResult, RouteResult
from engagewiz.core.routematch import reads

if TYPE_CHECKING:
    from engagewiz.core.ranking import Ranked
    from engagewiz.kb.countries import CountryData

MEMO_SIZE = 40_000  # entries per knowledge base: some 26 MB at most (0.65 KB an entry, measured)
TABLE_SIZE = 250  # entries per table: a route that changes with every case churns alone
ASKED = "?"  # tokens of `asked` answers are under "?" + id (ids are snake_case)
DATED = "by day"  # what a table holds under a key whose judgement read the day (`find`)
_DATA = object()  # marks a token of an answer taken from the country data
T = TypeVar("T")


@record
class Reads:
    """What judging a route reads."""

    answers: tuple[str, ...]  # answers its gates, considerations and fit read (question ids)
    asked: tuple[str, ...]  # answers its advice reads, as the interview saw them
    today: bool  # a gate may count days from today (a time limit, a withdrawal)


def route_reads(route: Route, kb: KnowledgeBase) -> Reads | None:
    """What judging `route` reads; None if a gate's kind reads are not known (a gate the
    loader did not make). Any parameter that names a question counts as read, whatever
    `kind_reads` says: a gate copied with other parameters keeps the copy's."""
    answers: dict[str, None] = {THEMES: None}  # ranking.fits_issue
    for gate in route.gates:
        if gate.kind_reads is None:
            return None
        answers.update(dict.fromkeys(_gate_reads(gate, kb)))
    answers.update(dict.fromkeys(considered(route)))
    asked = dict.fromkeys(t.q for kind in route.conditional_advice
                          for note in getattr(route, kind) if note.when is not None
                          for t in tests(note.when))
    return Reads(tuple(answers), tuple(asked), any(g.dated for g in route.gates))


def _gate_reads(gate: Gate, kb: KnowledgeBase) -> list[str]:
    """What a gate reads: its test's questions, its kind's, any parameter naming one."""
    return [*gate.reads, *(gate.kind_reads or ()),
            *[v for v in gate.params.values() if isinstance(v, str) and kb.question(v)]]


def considered(route: Route) -> list[str]:
    """The answers its considerations read (their `when`s and matchers)."""
    return [q for rule in route.considerations
            for q in [*(t.q for t in tests(rule.when)), *reads(rule)]]


Getter = Callable[[Mapping[str, Hashable]], Any]  # the tokens of a key, as the key
# per gate of a route: what its key is made of, and its results (or DATED) by key
GateSlots = tuple[tuple[Getter, dict[Hashable, GateResult | str]], ...]
RestSlot = tuple[Getter, dict[Hashable, Any]]  # a route's considerations and advice
# What judging a route again uses (engine._judged_again): its gates' and its rest's slots;
# its judgements by the identities of what they were made from (gate results and rest,
# kept alive by the entry, so no other object takes their ids); and the gate results and
# rests it judged, each value kept as one object (`canonical`), so that a new key that
# judges to the same values finds the judgement made from them.
Judging = tuple[GateSlots, RestSlot, dict[Hashable, Any], dict[Hashable, Any]]


class Judgements:
    """The remembered judgements of one knowledge base's routes (`for_kb`): for each
    route, its own judgement by its key (`own`), and with the global scoring rules that
    count for it (`full`, by which own judgement and which rules); which of those rules
    count for which route (`shared`, `selections`); and the routes ranked (`rankings`)."""

    DATED = DATED  # for the engine, which imports this module only once it has a memo

    def __init__(self, kb: KnowledgeBase) -> None:
        known = [route_reads(r, kb) for r in kb.routes]
        # per route, what its key is made of; None: not remembered (no Reads for it)
        getters: list[Getter | None] = [
            None if r is None else _getter([*r.answers, *[ASKED + q for q in r.asked]])
            for r in known]
        # a route's own judgements (a RouteResult, or DATED: see `find`) by key
        self.own: list[dict[Hashable, Any]] = [{} for _ in kb.routes]
        self.full: list[dict[Hashable, tuple[RouteResult, RouteResult]]] = [
            {} for _ in kb.routes]
        # per route: for each gate, what its key is made of and its results by key; what
        # the key of its considerations and advice is made of, and what they say by key
        # (engine._rest); its judgements by what made them, and its values (`Judging`)
        self.judging: list[Judging | None] = [
            None if r is None else (
                tuple((_getter(_gate_reads(g, kb)), {}) for g in route.gates),
                (_getter([THEMES, *considered(route), *[ASKED + q for q in r.asked]]), {}),
                {}, {}) for route, r in zip(kb.routes, known, strict=True)]
        self.slots = list(zip(kb.routes, getters, self.own, self.full, self.judging,
                              strict=True))  # engine._judged's loop, per route
        self.rule_reads = [reads(rule) for rule in kb.scoring]
        # the answers the global rules read, and those their matchers read
        rules = [rule for rule, routes in zip(kb.scoring, kb.rule_routes, strict=True)
                 if routes]
        matched = dict.fromkeys(q for rule in rules for q in reads(rule))
        shared = {**dict.fromkeys(t.q for rule in rules for t in tests(rule.when)), **matched}
        self.shared_getter = _getter(list(shared))
        self.matched_getter = _getter(list(matched))
        self.answer_ids = tuple({**shared, **dict.fromkeys(q for r in known if r
                                                           for q in r.answers)})
        self.asked_ids = tuple((q, ASKED + q) for q in
                               dict.fromkeys(q for r in known if r for q in r.asked))
        # engine._judged: the rules that count, by the answers the rules read, and by
        # which rules' `when`s hold and what their matchers read (many more cases share)
        self.shared: dict[Hashable, dict[str, tuple[int, ...]]] = {}
        self.counted: dict[Hashable, dict[str, tuple[int, ...]]] = {}
        self.selections: dict[Hashable, tuple[Route, ...]] = {}
        self.rankings: dict[Hashable, tuple[list[RouteResult], Ranked]] = {}  # engine._ranked
        self.size = 0
        self.countries: CountryData | None = None

    def tokens(self, answers: Mapping[str, Any], asked: Mapping[str, Any],
               provenance: Mapping[str, str]) -> dict[str, Hashable]:
        """What the keys are made of, for one assessment: each answer read, as `frozen`
        (with where it came from, for a fact of the country data); each answer the advice
        reads, as the interview saw it; and the day."""
        get = answers.get
        out = {q: get(q) for q in self.answer_ids}
        for q, value in out.items():  # most are words or None
            if value is not None and value.__class__ is not str:
                out[q] = frozen(value)
        if provenance:
            country = frozen(answers.get(COUNTRY))
            for q in self.answer_ids:
                if q in provenance:
                    out[q] = (_DATA, out[q], provenance[q], country)
        for q, key in self.asked_ids:
            out[key] = frozen(asked.get(q))
        return out

    def bind(self, countries: CountryData | None) -> None:
        """Forget what was judged on another country data's facts: a token of a fact names
        its country, not the data it was read from."""
        if countries is not None and countries is not self.countries:
            if self.countries is not None:
                self.clear()
            self.countries = countries

    def store(self, table: dict[Hashable, T], key: Hashable, value: T) -> T:
        """Remember `value` in one of the tables. A table that reaches TABLE_SIZE is
        emptied (a route judged afresh every day, say), and all of them when they hold
        MEMO_SIZE (a long-lived process seeing ever new cases)."""
        if self.size >= MEMO_SIZE:
            self.clear()
        elif len(table) >= TABLE_SIZE:
            self.size -= len(table)
            table.clear()
        table[key] = value
        self.size += 1
        return value

    def find(self, table: dict[Hashable, Any], key: Hashable,
             today: date) -> tuple[Any, Hashable]:
        """What `table` remembers under `key` (None: nothing), and the key it is or would
        be under: `key`, or `key` and the day where judging it read the day (`DATED`).
        Whether it reads the day turns on what the key holds (a date to count from), and
        not on the day, so a result judged on one day without reading it holds on all."""
        found = table.get(key)
        if found is DATED:
            key = (key, today)
            found = table.get(key)
        return found, key

    def keep(self, table: dict[Hashable, Any], key: Hashable, at: Hashable, value: object,
             dated: bool, today: date) -> None:
        """Remember `value` where `find` said (`at`); if judging it read the day, and `key`
        was not yet known to, mark it so and remember `value` for this day alone."""
        if dated and at is key:
            self.store(table, key, DATED)
            at = (key, today)
        self.store(table, at, value)

    def canonical(self, values: dict[Hashable, T], value: T, key: Hashable = None) -> T:
        """The object remembered for a value equal to `value` (or made of the same parts:
        `key`), or `value` itself, now remembered: gate results and rests judged under two
        keys share one identity."""
        key = value if key is None else key
        found = values.get(key)
        return self.store(values, key, value) if found is None else found

    def clear(self) -> None:
        tables: list[dict[Any, Any]] = [*self.own, *self.full, self.shared, self.counted,
                                        self.selections, self.rankings]
        for gate_slots, (_, rests), made, values in filter(None, self.judging):
            tables += [*(results for _, results in gate_slots), rests, made, values]
        for table in tables:
            table.clear()
        self.size = 0


def _getter(keys: list[str]) -> Getter:
    """The tokens of these keys, as one key (a tuple of them, or the one token)."""
    return itemgetter(*keys) if keys else lambda tokens: ()


def for_kb(kb: KnowledgeBase, countries: CountryData | None = None) -> Judgements:
    """The knowledge base's judgements, made on first use, bound to this country data."""
    found = kb.memos.get("judgements")
    if found is None:
        found = kb.memos["judgements"] = Judgements(kb)
    assert isinstance(found, Judgements)
    found.bind(countries)
    return found
