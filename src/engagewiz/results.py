"""What an assessment says: plain data that every renderer (terminal, JSON, plan) reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OPEN, BLOCKED, UNKNOWN = "open", "blocked", "unknown"


@dataclass(frozen=True)
class Reason:
    """One contribution to a score: how many points, why, and on what authority."""

    points: int
    text: str
    source: tuple[str, ...]


@dataclass(frozen=True)
class Deadline:
    label: str
    last_day: str  # ISO date
    days_left: int


@dataclass(frozen=True)
class GateResult:
    kind: str
    status: str
    rule: str
    detail: str
    unblock: str
    check: str
    source: tuple[str, ...]
    via: str = ""  # "an ECOSOC-accredited partner": open, but not in the user's own name
    deadline: Deadline | None = None


@dataclass(frozen=True)
class Advice:
    text: str
    source: tuple[str, ...]


@dataclass(frozen=True)
class RouteResult:
    id: str
    name: str
    body: str
    family: str
    nature: str
    effort: str
    status: str  # open / blocked / unknown
    score: int
    reasons: tuple[Reason, ...]
    gates: tuple[GateResult, ...]
    cautions: tuple[Advice, ...]
    next_steps: tuple[Advice, ...]
    follow_up: tuple[Advice, ...]
    texts: dict[str, str] = field(default_factory=dict)

    def gates_with(self, status: str) -> tuple[GateResult, ...]:
        return tuple(g for g in self.gates if g.status == status)

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        return tuple(g.deadline for g in self.gates if g.deadline)


@dataclass(frozen=True)
class Prefilled:
    """An answer taken from the country data, or an explicit answer that overrode it."""

    question: str
    value: Any
    data_value: Any
    source: str
    overridden: bool


@dataclass(frozen=True)
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

    def all_routes(self) -> tuple[RouteResult, ...]:
        return self.recommended + self.other_open + self.check_first + self.blocked
