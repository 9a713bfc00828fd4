"""The hard rules: each gate kind's evaluator turns answers into open, blocked or unknown
("check first").

Gate kinds are code because each reads answers in its own way (dates, exceptions, who is
asking); what a gate requires, its words and its sources are data in mechanisms.yaml. What
each evaluator reads and which parameters it takes is declared in kb/gatekinds.py, its
entry in the registry. An evaluator is found by its gate's kind (`evaluate`), not stored in
the gate: the cached knowledge base is plain data, and a function is not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from engagewiz.core.conditions import DONT_KNOW, tests
from engagewiz.core.deadlines import days_left, last_day
from engagewiz.core.model import Gate, KnowledgeBase
from engagewiz.core.qids import (
    ACT_DATE,
    ECOSOC_STATUS,
    FINAL_DECISION_DATE,
    NHRI_STATUS,
    ORG_TYPE,
    REMEDIES,
    SAME_MATTER,
    VICTIM_CONSENT,
)
from engagewiz.core.record import record
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, Deadline, GateResult, Status


@record
class Context:
    kb: KnowledgeBase
    answers: Mapping[str, Any]
    today: date
    provenance: Mapping[str, str]  # question id -> where a prefilled answer came from

    def said(self, qid: str) -> str:
        """"Has the State ratified CAT? No (UN Treaty Collection, as of 2026-02-03)"."""
        question = self.kb.question(qid)
        value = self.answers.get(qid)
        label = "not answered" if value is None else (question.label(value) if question else value)
        where = f" ({self.provenance[qid]})" if qid in self.provenance else ""
        text = question.text if question else qid
        return f"{text} {label}{where}"


def _result(gate: Gate, status: Status, detail: str, via: str = "",
            deadline: Deadline | None = None) -> GateResult:
    return GateResult(gate.kind, status, gate.rule, detail, gate.unblock, gate.check,
                      gate.source, via, deadline)


Evaluator = Callable[[Gate, "Context"], GateResult]
EVALUATORS: dict[str, Evaluator] = {}


def evaluates(evaluator: Evaluator) -> Evaluator:
    """Register an evaluator under its own name, which is the gate kind it judges."""
    EVALUATORS[evaluator.__name__] = evaluator
    return evaluator


def evaluate(gate: Gate, ctx: Context) -> GateResult:
    """Open, blocked or unknown for these answers, with a detail line."""
    return EVALUATORS[gate.kind](gate, ctx)


_VERDICT: dict[bool | None, Status] = {True: OPEN, False: BLOCKED, None: UNKNOWN}


@evaluates
def requires(gate: Gate, ctx: Context) -> GateResult:
    assert gate.test is not None  # the loader insists on it
    verdict = gate.test.evaluate(ctx.answers)
    asked = dict.fromkeys(t.q for t in tests(gate.test))
    detail = "; ".join(ctx.said(q) for q in asked)
    return _result(gate, _VERDICT[verdict], detail)


_REMEDY_WORDS = {
    "exhausted": "Domestic remedies are exhausted.",
    "pending": "A domestic remedy (an appeal) is still pending.",
    "not_tried": "Domestic remedies have not been tried.",
}


@evaluates
def exhaustion(gate: Gate, ctx: Context) -> GateResult:
    answer = ctx.answers.get(REMEDIES)
    said = ctx.said(REMEDIES)
    if answer == "exhausted":
        return _result(gate, OPEN, _REMEDY_WORDS["exhausted"])
    if answer in gate.params.get("exceptions", ()):
        return _result(gate, OPEN, f"{said}: an exception this body recognises; "
                       "be ready to show why the remedies were not worth pursuing.")
    if answer is None or answer == DONT_KNOW or answer in gate.params.get("check_first", ()):
        return _result(gate, UNKNOWN, f"{said}: check with the body before filing whether "
                       "that is enough here." if answer not in (None, DONT_KNOW) else said)
    return _result(gate, BLOCKED, _REMEDY_WORDS.get(answer, f"{said}: not an exception here."))


@evaluates
def same_matter(gate: Gate, ctx: Context) -> GateResult:
    answer = ctx.answers.get(SAME_MATTER)
    if answer == "no":
        return _result(gate, OPEN, "The same matter is not before another international body.")
    if answer in ("pending", "decided"):
        if answer in gate.params.get("bars", ()):
            return _result(gate, BLOCKED, ctx.said(SAME_MATTER))
        return _result(gate, OPEN, f"{ctx.said(SAME_MATTER)}: this body's rule does not bar it.")
    return _result(gate, UNKNOWN, ctx.said(SAME_MATTER))


def _span(gate: Gate) -> str:
    months, years = gate.params.get("months"), gate.params.get("years")
    return f"{months} months" if months else f"{years} year{'s' if years != 1 else ''}"


def _as_date(raw: Any) -> date:
    return raw if isinstance(raw, date) else date.fromisoformat(str(raw))


def _counted(gate: Gate, ctx: Context, start: date, event: str) -> GateResult:
    """Open while the limit counted from `start` runs; once it has passed, blocked or
    check first as the gate says. The deadline goes with the result either way."""
    span = _span(gate)
    last = last_day(start, months=gate.params.get("months"), years=gate.params.get("years"))
    left = days_left(last, ctx.today)
    deadline = Deadline(f"{span} from {event} of {start.isoformat()}", last.isoformat(), left)
    if left >= 0:
        return _result(gate, OPEN, f"Last day {last.isoformat()}: {left} days left "
                       f"({span} from {start.isoformat()}).", deadline=deadline)
    status: Status = BLOCKED if gate.params.get("expired") == "blocked" else UNKNOWN
    exception = gate.params.get("exception", "")
    return _result(gate, status, f"The {span} ended on {last.isoformat()}, {-left} days ago. "
                   f"{exception}".strip(), deadline=deadline)


@evaluates
def time_limit(gate: Gate, ctx: Context) -> GateResult:
    span = _span(gate)
    remedies = ctx.answers.get(REMEDIES)
    if remedies in ("pending", "not_tried"):
        return _result(gate, OPEN, f"The {span} will run from the final domestic decision.")
    if remedies in ("unavailable", "ineffective", "prolonged"):
        exception = gate.params.get("exception", "")
        return _result(gate, UNKNOWN, f"With no final decision to count from, the {span} limit "
                       f"may run from another date. {exception}".strip())
    raw = ctx.answers.get(FINAL_DECISION_DATE)
    if raw in (None, DONT_KNOW):
        return _result(gate, UNKNOWN, f"The limit is {span} from the final domestic decision; "
                       "give its date to see the last day.")
    return _counted(gate, ctx, _as_date(raw), "the final decision")


@evaluates
def act_time_limit(gate: Gate, ctx: Context) -> GateResult:
    """A limit that runs from the act complained of (or the day the complainant learnt of
    it), whatever the state of domestic remedies: the East African Court's two months."""
    raw = ctx.answers.get(ACT_DATE)
    if raw in (None, DONT_KNOW):
        return _result(gate, UNKNOWN, f"The limit is {_span(gate)} from the act complained "
                       "of (or the day you learnt of it); give that date to see the last day.")
    return _counted(gate, ctx, _as_date(raw), "the act")


@evaluates
def ecosoc(gate: Gate, ctx: Context) -> GateResult:
    if ctx.answers.get(ORG_TYPE) == "nhri":
        status = ctx.answers.get(NHRI_STATUS)
        if status == "a":
            ok = gate.params.get("nhri_a", "open") == "open"
            return _result(gate, OPEN if ok else BLOCKED, "An A-status NHRI speaks in its own "
                           "right." if ok else "A-status NHRIs have no such right here.")
        return _result(gate, UNKNOWN if status in (None, DONT_KNOW) else BLOCKED,
                       f"{ctx.said(NHRI_STATUS)}: only A-status NHRIs take part in their own "
                       "right.")
    answer = ctx.answers.get(ECOSOC_STATUS)
    if answer == "has_status":
        return _result(gate, OPEN, "Your organisation has ECOSOC consultative status.")
    if answer not in ("partner", "none"):
        return _result(gate, UNKNOWN, ctx.said(ECOSOC_STATUS))
    if gate.params.get("partner", "open") != "open":
        return _result(gate, BLOCKED, "Without ECOSOC status of your own, this route is closed "
                       "in your name, even through a partner.")
    # Lack of status never blocks Council participation: a partner lends its name (reference
    # section 0, point 7). Without a partner yet, finding one is the first step.
    if answer == "partner":
        return _result(gate, OPEN, "Open through your ECOSOC-accredited partner, under its "
                       "name.", via="an ECOSOC-accredited partner")
    return _result(gate, OPEN, "You have no ECOSOC status and no partner yet: this route opens "
                   "once an accredited NGO agrees to work with you.",
                   via="an ECOSOC-accredited partner you still need to find")


@evaluates
def consent(gate: Gate, ctx: Context) -> GateResult:
    if ctx.answers.get(ORG_TYPE) == "victim":
        return _result(gate, OPEN, "You are the victim or the victim's family.")
    answer = ctx.answers.get(VICTIM_CONSENT)
    if answer == "yes":
        return _result(gate, OPEN, "The victim (or family) consents.")
    if answer == "no":
        status: Status = BLOCKED if gate.params.get("without") == "blocked" else UNKNOWN
        return _result(gate, status, "The victim has not consented.")
    return _result(gate, UNKNOWN, ctx.said(VICTIM_CONSENT))


@evaluates
def closed(gate: Gate, ctx: Context) -> GateResult:
    return _result(gate, BLOCKED, f"Not in force (as of {gate.params.get('as_of')}).")

