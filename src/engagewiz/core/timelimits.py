"""The `time_limit` gate kind: is a complaint still in time, and until when?

A time limit runs from the final domestic decision in calendar months or years. The body's
own rules decide the rest, and the gate's parameters say them:

- `expired`: a passed limit is `blocked` only where the instrument allows no exception
  (ECtHR, IACHR); where the body can accept a late case, it is `check_first`;
- `earlier`: the limit that applied to earlier decisions ({before: DATE, months: N}: the
  ECtHR's 6 months for final decisions before 1 February 2022, Protocol No. 15);
- `no_final_decision`: when an exception to exhaustion leaves no final decision to count
  from, the body's own rule: `reasonable` (a reasonable time, IACHR Rules art. 32(2)),
  `from_facts` (the limit counted from the facts, never a block: it rests on case law),
  or `check_first`;
- `other_procedure_years`: a limit counted from the end of another international
  procedure when the matter went there first (the Human Rights Committee's 3 years, rule
  99(c) of CCPR/C/3/Rev.12);
- `declared_limit` and `declared_months`: a shorter limit a State's declaration sets, read
  from the country data (Spain's 3 months for CERD);
- `last_day`: what the body does with a last day on a weekend or a public holiday, said
  next to the day (the European Court does not extend it); a Saturday or Sunday is named.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.deadlines import days_left, last_day
from engagewiz.core.gates import Context, evaluates, result
from engagewiz.core.model import Gate
from engagewiz.core.qids import (
    ACT_DATE,
    FINAL_DECISION_DATE,
    OTHER_PROCEDURE_ENDED,
    REMEDIES,
    SAME_MATTER,
)
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, Deadline, GateResult, Status
from engagewiz.core.temporal import facts_date

EXCEPTIONS = ("unavailable", "ineffective", "prolonged")  # no final decision to count from


def _span(months: int | None, years: int | None) -> str:
    return f"{months} months" if months else f"{years} year{'s' if years != 1 else ''}"


def _date(raw: Any) -> date | None:
    if raw in (None, DONT_KNOW):
        return None
    return raw if isinstance(raw, date) else date.fromisoformat(str(raw))


@evaluates
def time_limit(gate: Gate, ctx: Context) -> GateResult:
    months, years = gate.params.get("months"), gate.params.get("years")
    span = _span(months, years)
    other_years = gate.params.get("other_procedure_years")
    if other_years and ctx.answers.get(SAME_MATTER) == "decided":
        ended = _date(ctx.answers.get(OTHER_PROCEDURE_ENDED))
        if ended is None:
            return result(gate, UNKNOWN, f"After another international procedure the limit "
                          f"is {_span(None, other_years)} from its end; give the date it "
                          "ended to see the last day.")
        return _count(gate, ctx, ended, None, other_years, "the end of the other "
                      "international procedure", gate.params["expired"])
    remedies = ctx.answers.get(REMEDIES)
    if remedies in ("pending", "not_tried", "doubtful"):
        return result(gate, OPEN, f"The {span} will run from the final domestic decision.")
    if remedies in EXCEPTIONS:
        return _without_decision(gate, ctx, span, months, years)
    decided = _date(ctx.answers.get(FINAL_DECISION_DATE))
    if decided is None:
        return result(gate, UNKNOWN, f"The limit is {span} from the final domestic decision; "
                      "give its date to see the last day.")
    earlier = gate.params.get("earlier")
    declared = gate.params.get("declared_limit")
    if declared and ctx.answers.get(declared) == "yes":
        months, years = int(gate.params["declared_months"]), None
    elif earlier and decided < date.fromisoformat(str(earlier["before"])):
        months, years = int(earlier["months"]), None
    counted = _count(gate, ctx, decided, months, years, "the final decision",
                     gate.params["expired"])
    if declared and ctx.answers.get(declared) == "yes":  # the State will rely on it: say so
        counted = counted._replace(detail=f"{counted.detail} {ctx.said(declared)}.")
    return counted


def _without_decision(gate: Gate, ctx: Context, span: str, months: int | None,
                      years: int | None) -> GateResult:
    """An exception to exhaustion: the body's own rule says from when time runs."""
    rule = gate.params.get("no_final_decision", "check_first")
    exception = gate.params.get("exception", "")
    if rule == "reasonable":
        return result(gate, OPEN, f"With no final decision to count from, the {span} do not "
                      f"apply as such. {exception}".strip(), caution=exception)
    facts = facts_date(ctx)
    if rule == "from_facts" and facts is not None:
        counted = _count(gate, ctx, facts, months, years, "the facts", "check_first")
        return counted._replace(caution=exception) if exception else counted
    return result(gate, UNKNOWN, f"With no final decision to count from, the {span} limit "
                  f"may run from another date. {exception}".strip())


def _count(gate: Gate, ctx: Context, start: date, months: int | None, years: int | None,
           what: str, expired: str) -> GateResult:
    span = _span(months, years)
    last = last_day(start, months=months, years=years)
    left = days_left(last, ctx.day())
    deadline = Deadline(f"{span} from {what} of {start.isoformat()}", last.isoformat(), left)
    day = last.isoformat() + _weekend(last)
    said = gate.params.get("last_day", "")
    if left >= 0:
        return result(gate, OPEN, _words(f"Last day {day}: {left} days left ({span} from "
                                         f"{start.isoformat()}).", said), deadline=deadline)
    status: Status = BLOCKED if expired == "blocked" else UNKNOWN
    return result(gate, status, _words(f"The {span} ended on {day}, {-left} days ago.", said,
                                       gate.params.get("exception", "")), deadline=deadline)


def _weekend(last: date) -> str:
    """A last day on a Saturday or Sunday is named: some bodies do not extend it (kb-audit
    M9), and a user who counts on the Monday files too late."""
    return f" (a {('Saturday', 'Sunday')[last.weekday() - 5]})" if last.weekday() >= 5 else ""


def _words(*parts: str) -> str:
    return " ".join(p for p in parts if p)


@evaluates
def act_time_limit(gate: Gate, ctx: Context) -> GateResult:
    """A limit that runs from the act complained of (or the day the complainant learnt of
    it), whatever the state of domestic remedies: the East African Court's two months."""
    months, years = gate.params.get("months"), gate.params.get("years")
    start = _date(ctx.answers.get(ACT_DATE))
    if start is None:
        return result(gate, UNKNOWN, f"The limit is {_span(months, years)} from the act "
                      "complained of (or the day you learnt of it); give that date to see "
                      "the last day.")
    return _count(gate, ctx, start, months, years, "the act", gate.params["expired"])
