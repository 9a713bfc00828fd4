"""The knowledge base as typed, immutable objects: what the core reads, never raw YAML."""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal, get_args

from engagewiz.core.conditions import DONT_KNOW, Condition, tests
from engagewiz.core.record import field, record
from engagewiz.core.texts import Texts

# The closed vocabularies of the YAML, as types (mypy catches a misspelt comparison) and as
# tuples (the loader's choices and the JSON Schema's enums).
QuestionType = Literal["choice", "multi", "yes_no", "country", "date", "text"]
# what each does: kb/gatekinds.py
GateKindName = Literal["requires", "exhaustion", "same_matter", "time_limit",
                       "act_time_limit", "ecosoc", "consent", "in_force", "closed"]
Nature = Literal["political", "expert", "judicial"]
Family = Literal["charter", "treaty", "regional", "national"]
# `accountability`: evidence kept and cases built against the persons responsible (UN
# inquiries and investigative mechanisms, the ICC). `capacity`: the route strengthens the
# organisation itself (a status that opens other routes, a grant), and produces no output
# of a body.
RouteKind = Literal["country_recommendations", "case_decision", "thematic_standards",
                    "urgent_intervention", "visibility", "prevention", "accountability",
                    "capacity"]
Effort = Literal["low", "medium", "high"]
# Who can see what a route puts forward (docs/ranking.md, "Exposure"): your voice on the
# public record; a case put to the State without a public voice of yours; nothing public
# while the procedure runs.
Exposure = Literal["public", "case", "confidential"]
# a route's lists of advice, each note shown unless its `when` is certainly false
AdviceKind = Literal["cautions", "next_steps", "follow_up", "act_now"]
# what a scoring rule's `route:` and `not_route:` may match on (Route.attribute_set)
RouteAttribute = Literal["id", "family", "nature", "kinds", "themes", "effort", "exposure",
                         "individual", "urgent"]

QUESTION_TYPES: tuple[QuestionType, ...] = get_args(QuestionType)
NATURES: tuple[Nature, ...] = get_args(Nature)
FAMILIES: tuple[Family, ...] = get_args(Family)
ROUTE_KINDS: tuple[RouteKind, ...] = get_args(RouteKind)
EFFORTS: tuple[Effort, ...] = get_args(Effort)
EXPOSURES: tuple[Exposure, ...] = get_args(Exposure)
ROUTE_ATTRIBUTES: tuple[RouteAttribute, ...] = get_args(RouteAttribute)
FLAGS = ("individual", "urgent")  # the yes/no route attributes


@record
class Option:
    value: str
    label: str
    help: str = ""


@record
class Section:
    id: str
    title: str
    intro: str = ""


@record
class Question:
    id: str
    section: str
    text: str
    help: str
    type: QuestionType
    choices: tuple[Option, ...] = ()
    dont_know: bool = False
    when: Condition | None = None
    prefill: bool = False
    membership: bool = False  # the answer is the State's membership of a regional system
    short: str = ""   # a few words that name it in lists ("ICCPR (civil and political)")
    derive: str = ""  # worked out from the country data instead of asked (DERIVATIONS)

    def values(self) -> tuple[str, ...]:
        """Every value an answer may take (the words, not the labels)."""
        own = tuple(c.value for c in self.choices)
        return (*own, DONT_KNOW) if self.dont_know else own

    def label(self, value: Any) -> str:
        """How an answer reads to a person: "A victim's lawyer", not "lawyer"."""
        if isinstance(value, list):
            return ", ".join(self.label(v) for v in value) or "(none)"
        if value == DONT_KNOW:
            return "Don't know"
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return str(value)


@record
class Shortcut:
    """A short way through the interview: only the questions in `ask` are asked.

    `when` starts it by itself (the urgent fast track, once imminent harm is "yes"); one
    without `when` is chosen by the user (quick mode). Everything else counts as "don't
    know" until the user goes on to the full interview.
    """

    id: str
    ask: tuple[str, ...]
    when: Condition | None = None


# a group's row: the question's `short` name, then its answer, at 60 columns (`check`
# holds the knowledge base to it; the interview's grid lays rows out by it)
MAX_ROW_NAME = 28


@record
class Group:
    """Short questions asked together on one screen: a row each, in the order listed.

    Only questions that apply and have no answer are shown; one left alone is asked as any
    other question. Each stays an ordinary question everywhere else (answers files, review,
    Back, the result): the group decides how they are asked, never what they mean.
    """

    id: str
    title: str
    questions: tuple[str, ...]


@record
class Note:
    """A sentence shown to the user, with the source that supports it."""

    text: str
    source: tuple[str, ...]
    when: Condition | None = None


@record
class SystemNote:
    """Where nothing can be filed, said plainly: a body closed to individuals (the SADC
    Tribunal), a region with no complaint body (Asia, the Arab region), a route outside the
    international system (universal jurisdiction). It holds when its `when` is true, and
    names the routes that fill the gap (`instead`), whose standing the result reports."""

    id: str
    title: str
    text: str
    when: Condition
    source: tuple[str, ...]
    instead: tuple[str, ...] = ()
    check: str = ""  # where to check what the note says (whom to ask, where)


@record
class Gate:
    """A hard rule of a route: what it requires, in words and sources; its kind's evaluator
    (core/gates.evaluate) judges it."""

    kind: GateKindName
    rule: str
    unblock: str
    check: str
    source: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)
    test: Condition | None = None
    # What its kind's code reads besides its test (kb/gatekinds.gate_reads), and whether
    # its verdict or words turn on today's date, set by the loader from the registry: what
    # the engine's memo keys a route's judgement by (core/memo.py). None: not known, and a
    # route with such a gate is judged afresh every time.
    kind_reads: tuple[str, ...] | None = None
    dated: bool = True

    @cached_property
    def reads(self) -> tuple[str, ...]:
        """The questions its `test` reads, each once, in order: what its detail line says."""
        return tuple(dict.fromkeys(t.q for t in tests(self.test))) if self.test else ()


@record
class Consideration:
    """A weighted, explained contribution to a route's score."""

    id: str
    when: Condition
    points: int
    text: str  # `reason:` in the YAML: what a report says when the rule counts
    source: tuple[str, ...]
    route: dict[str, Any] | None = None
    not_route: dict[str, Any] | None = None


@record
class Route:
    id: str
    name: str
    body: str
    family: Family
    summary: str
    nature: Nature
    kinds: tuple[RouteKind, ...]
    themes: tuple[str, ...]
    effort: Effort
    source: tuple[str, ...]
    individual: bool = False
    urgent: bool = False
    exposure: Exposure = "public"
    reached_through: tuple[str, ...] = ()  # routes this one is reached through (ids)
    texts: dict[str, str] = field(default_factory=dict)  # who, timeline, time_limits, ...
    gates: tuple[Gate, ...] = ()
    considerations: tuple[Consideration, ...] = ()
    cautions: tuple[Note, ...] = ()
    next_steps: tuple[Note, ...] = ()
    follow_up: tuple[Note, ...] = ()
    act_now: tuple[Note, ...] = ()  # what to do in the next 48 hours, for urgent routes
    template: str | None = None

    def attribute_set(self, name: str) -> frozenset[Any]:
        """The values of a route attribute a scoring rule matches on, as a set (one value,
        or the tuple's); the loader accepts no other name in `route:` and `not_route:`, so
        anything else is a bug."""
        found = self._attribute_sets.get(name)
        if found is None:
            raise KeyError(f"'{name}' is not a route attribute")
        return found

    @cached_property
    def conditional_advice(self) -> frozenset[AdviceKind]:
        """The lists of advice with a note that has a `when`: the others show whole."""
        return frozenset(kind for kind in get_args(AdviceKind)
                         if any(note.when is not None for note in getattr(self, kind)))

    @cached_property
    def _attribute_sets(self) -> dict[str, frozenset[Any]]:
        return {name: frozenset(value if isinstance(value, tuple) else (value,))
                for name in ROUTE_ATTRIBUTES for value in [getattr(self, name)]}

UNDOCS = "https://undocs.org/"  # resolves a UN document symbol to the Official Document System


@record
class Source:
    """A document cited as a lawyer would cite it: official title and provision, with the
    official address or UN symbol. `read_at` records a copy where a fact was first read;
    it is never shown as the citation."""

    key: str
    citation: str
    short: str = ""
    url: str = ""
    symbol: str = ""
    read_at: str = ""
    verified: bool = False     # the address or symbol was seen in an official copy
    approximate: bool = False  # the provision covers the point but was not the text read

    @property
    def title(self) -> str:
        """The short title for lists on screen (the full citation when none is given)."""
        return self.short or self.citation

    @property
    def link(self) -> str:
        """The address a reader clicks: the official page, else the symbol on undocs.org."""
        return self.url or (UNDOCS + self.symbol if self.symbol else "")


@record
class QuestionChange:
    """What one knowledge-base version changed in the questions, so that an answers file
    made for an earlier version still runs (storage/upgrade.py)."""

    version: str                        # the kb_version that first has the change
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()  # (old id, new id)


@record
class KnowledgeBase:
    version: str
    sections: tuple[Section, ...]
    questions: tuple[Question, ...]
    routes: tuple[Route, ...]
    scoring: tuple[Consideration, ...]
    sources: dict[str, Source]
    files: dict[str, str] = field(default_factory=dict)  # role -> path, for messages
    texts: Texts = field(default_factory=Texts)  # texts.yaml: plan texts, country-view rows
    shortcuts: tuple[Shortcut, ...] = ()
    changes: tuple[QuestionChange, ...] = ()  # questions.yaml `changes:`, oldest first
    notes: tuple[SystemNote, ...] = ()  # mechanisms.yaml `notes:`: where nothing can be filed
    groups: tuple[Group, ...] = ()  # questions asked together on one screen
    # route id -> {index in `scoring` of a rule whose `route:` may select the route: whether
    # that depends on answers}; decided at load (routematch.may_apply). A route missing here
    # is matched against every rule.
    scoring_for: dict[str, dict[int, bool]] = field(default_factory=dict)

    @cached_property
    def _questions(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def _groups(self) -> dict[str, Group]:
        return {qid: g for g in self.groups for qid in g.questions}

    @cached_property
    def _routes(self) -> dict[str, Route]:
        return {r.id: r for r in self.routes}

    @cached_property
    def rule_routes(self) -> tuple[tuple[tuple[Route, bool], ...], ...]:
        """For each rule of `scoring`, the routes it may select and whether that depends on
        answers: `scoring_for` turned around, so an assessment visits only those."""
        every = dict.fromkeys(range(len(self.scoring)), True)  # a route not in the index
        found: list[list[tuple[Route, bool]]] = [[] for _ in self.scoring]
        for route in self.routes:
            for i, depends in self.scoring_for.get(route.id, every).items():
                found[i].append((route, depends))
        return tuple(map(tuple, found))

    @cached_property
    def needs(self) -> dict[str, tuple[str, ...]]:
        """The routes each route is reached through, for those that have any: ranking
        reads it at every assessment."""
        return {r.id: r.reached_through for r in self.routes if r.reached_through}

    @cached_property
    def memos(self) -> dict[str, Any]:
        """The core's memos by name (core/memo.py, the interview's walk): they live and
        die with the knowledge base whose rules they remember."""
        return {}

    def question(self, qid: str) -> Question | None:
        return self._questions.get(qid)

    def group_of(self, qid: str) -> Group | None:
        """The group a question is asked in, if any (a question is in one group at most)."""
        return self._groups.get(qid)

    def route(self, rid: str) -> Route | None:
        return self._routes.get(rid)
