"""What an assessment says: plain data that every renderer (terminal, JSON, plan) reads.

The per-route records are NamedTuples, not frozen dataclasses: an assessment builds a few
hundred of them, and a frozen dataclass's __init__ (one object.__setattr__ per field)
made up a third of the engine's time. They are just as immutable.

This module's annotations are evaluated as they are read (no `from __future__ import
annotations`): `typing.NamedTuple` turns each annotation given as a string into a
ForwardRef, which compiles it, and the first compile() of a process sets up Python's syntax
tree types, 9 million instructions of a scripted run; a scripted run compiles nothing
(tests/test_scripted_path.py).
"""

from collections.abc import Mapping
from typing import Any, Final, Literal, NamedTuple, Protocol

from engagewiz.core.model import GateKindName
from engagewiz.core.record import record
from engagewiz.core.texts import Action

Status = Literal["open", "blocked", "unknown"]  # unknown: "check first"
OPEN: Final = "open"
BLOCKED: Final = "blocked"
UNKNOWN: Final = "unknown"


class Scored(Protocol):
    """One contribution to a score: how many points, why, and on what authority (the
    knowledge base's Consideration itself, shown as it is)."""

    @property
    def points(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def source(self) -> tuple[str, ...]: ...


class Deadline(NamedTuple):
    label: str
    last_day: str  # ISO date
    days_left: int


class RunningLimit(NamedTuple):
    """A time limit still running on a route that is open or "check first" and fits the
    issue: every one is shown at the top of a result, whatever `--top` cuts."""

    route: str       # the route's id
    name: str        # the route's name
    status: str      # open / unknown
    last_day: str    # ISO date
    days_left: int
    label: str       # "4 months from the final decision of 2026-09-07"
    rule: str        # the gate's rule, in the knowledge base's words
    source: tuple[str, ...]
    soon: bool       # under the warning threshold (results are shown in a warning style)


_SETTLED_BY_A_DATE = ("time_limit", "act_time_limit")


class GateResult(NamedTuple):
    kind: GateKindName | Literal["reached_through"]  # the latter added by core/ranking
    status: Status
    rule: str
    detail: str
    unblock: str
    check: str
    source: tuple[str, ...]
    via: str = ""  # "an ECOSOC-accredited partner": open, but not in the user's own name
    deadline: Deadline | None = None
    # What the user must know although the gate does not block: an exception to exhaustion
    # they rely on and must substantiate, a withdrawal about to take effect.
    caution: str = ""


class Said(Protocol):
    """Words with their sources: a knowledge-base note shown as it is, or an Advice."""

    @property
    def text(self) -> str: ...

    @property
    def source(self) -> tuple[str, ...]: ...


class Advice(NamedTuple):
    """Advice the engine words itself (e.g. "open via a partner")."""

    text: str
    source: tuple[str, ...]


class RouteResult(NamedTuple):
    id: str
    name: str
    body: str
    family: str
    nature: str
    effort: str
    status: Status
    score: int
    reasons: tuple[Scored, ...]
    gates: tuple[GateResult, ...]
    cautions: tuple[Said, ...]
    next_steps: tuple[Said, ...]
    follow_up: tuple[Said, ...]
    texts: Mapping[str, str]  # who, timeline, time_limits, ...: shared with the route
    urgent: bool = False      # the route can act within days (the knowledge base's `urgent`)
    fits: bool = True         # the body covers the issue the user works on
    act_now: tuple[Said, ...] = ()  # what to do in the next 48 hours (urgent routes)
    # Blocked because the State is not in that regional system (a question marked
    # `membership`): nothing the user can do opens it, so it is listed last, or counted.
    out_of_region: bool = False
    aside: bool = False  # closed or unchecked, but made for another kind of case (ranking)

    @property
    def is_upr(self) -> bool:
        """A Universal Periodic Review route, where the next review's date matters."""
        return self.id.startswith("upr-")

    def gates_with(self, status: Status) -> tuple[GateResult, ...]:
        """The gates with this status, the decisive point first (kb-audit M14): a time limit,
        which a date alone settles, comes after the rules on who, what and when."""
        found = [g for g in self.gates if g.status == status]
        return tuple(sorted(found, key=lambda g: g.kind in _SETTLED_BY_A_DATE))

    @property
    def strongest(self) -> tuple[Scored, ...]:
        """The reasons that count for the route, strongest first (ties keep the scoring
        order): a short view shows these, so the reason a route leads is never cut off by
        the general rules that come before the route's own."""
        return tuple(sorted((x for x in self.reasons if x.points > 0), key=lambda x: -x.points))

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        return tuple(g.deadline for g in self.gates if g.deadline)

    @property
    def running(self) -> tuple[GateResult, ...]:
        """The gates whose time limit is still running (the last day is today or later)."""
        return tuple(g for g in self.gates if g.deadline and g.deadline.days_left >= 0)


class Alternative(NamedTuple):
    """A route that fills the gap a note describes, and where it stands for this user."""

    id: str
    name: str
    status: str        # open / unknown / blocked; "" when the result does not judge it
    recommended: bool  # open and among the recommended routes

    @property
    def standing(self) -> str:
        """"recommended", "open", "check first", "blocked"."""
        if self.recommended:
            return "recommended"
        return {UNKNOWN: "check first"}.get(self.status, self.status or "not judged")


class NoteResult(NamedTuple):
    """A note of the knowledge base that holds here: where nothing can be filed."""

    id: str
    title: str
    text: str
    check: str
    source: tuple[str, ...]
    instead: tuple[Alternative, ...]


@record
class Prefilled:
    """An answer taken from the country data, or an explicit answer that overrode it."""

    question: str
    value: Any
    data_value: Any
    source: str
    overridden: bool


@record
class Safety:
    """The plan's safety advice (texts.yaml, `plan.safety`), as far as it applies here."""

    answer: tuple[str, str] | None  # (label, the answer as the user read it; "" if none)
    intro: tuple[Said, ...]
    warnings: tuple[Said, ...]      # in the intro, highlighted
    protect: tuple[Said, ...]
    reprisals: tuple[Said, ...]
    confidential_routes: tuple[str, ...]  # ids of confidential routes open or to check


@record
class Assessment:
    kb_version: str
    today: str
    answers: dict[str, Any]
    recommended: tuple[RouteResult, ...]
    other_open: tuple[RouteResult, ...]
    check_first: tuple[RouteResult, ...]
    blocked: tuple[RouteResult, ...]
    prefilled: tuple[Prefilled, ...] = ()
    notices: tuple[str, ...] = ()
    upr_estimate: str = ""  # "Estimate: next UPR review of Kenya around ...; confirm on ..."
    imminent_risk: bool = False  # someone faces imminent, irreparable harm: the urgent banner
    urgent: tuple[RouteResult, ...] = ()  # urgent routes open or "check first", best first
    deadlines: tuple[RunningLimit, ...] = ()  # every running time limit, soonest first
    safety: Safety | None = None  # None: risk known to be low, or no safety texts in the KB
    follow_up: tuple[Action, ...] = ()  # the plan's follow-up actions that apply here
    urgent_advice: tuple[Said, ...] = ()  # what the urgent banner says (texts.yaml `urgent`)
    notes: tuple[NoteResult, ...] = ()  # where nothing can be filed, and what fills the gap

    def data_sources(self) -> str:
        """The sources of the prefilled facts, each once: "UN Treaty Collection, ...; ..."."""
        return "; ".join(dict.fromkeys(p.source for p in self.prefilled))

    def worth_opening(self, status: Status) -> tuple[RouteResult, ...]:
        """Check-first (`unknown`) or blocked routes that fit the goal, made for this kind
        of case, in a system the State is part of: those worth saying what would open."""
        pool = self.check_first if status == UNKNOWN else self.blocked
        return tuple(r for r in pool if r.score > 0 and not r.aside and not r.out_of_region)

    def all_routes(self) -> tuple[RouteResult, ...]:
        return self.recommended + self.other_open + self.check_first + self.blocked
