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
from typing import TYPE_CHECKING, Any

from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import Gate, KnowledgeBase
from engagewiz.core.qids import (
    ECOSOC_STATUS,
    NHRI_STATUS,
    ORG_TYPE,
    REMEDIES,
    REMEDY_SUSPENDS,
    URGENCY,
    VICTIM_CONSENT,
)
from engagewiz.core.record import field, record
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, Deadline, GateResult, Status

if TYPE_CHECKING:
    from engagewiz.kb.countryfacts import CountryFact


@record
class Context:
    kb: KnowledgeBase
    answers: Mapping[str, Any]
    today: date
    provenance: Mapping[str, str]  # question id -> where a prefilled answer came from
    # question id -> the country fact behind a prefilled answer (not one the user
    # overrode): the dates and words the rules on time and reservations read
    facts: Mapping[str, CountryFact] = field(default_factory=dict)
    # what `said` answered for each question: many gates read the same few answers
    words: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    # each time an evaluator read the day (`day`): the memo keeps a result for other days
    # only when judging it did not (core/memo.py)
    days_read: list[date] = field(default_factory=list, compare=False, repr=False)

    def day(self) -> date:
        """Today, for an evaluator that counts days, noted as read: a gate of a kind that
        may count days (a time limit, a withdrawal) mostly does not, for lack of a date
        to count from, and its result then holds whatever the day."""
        self.days_read.append(self.today)
        return self.today

    def said(self, qid: str) -> str:
        """"Has the State ratified CAT? No (UN Treaty Collection, as of 2026-02-03)"."""
        if qid not in self.words:
            self.words[qid] = self._said(qid)
        return self.words[qid]

    def _said(self, qid: str) -> str:
        question = self.kb.question(qid)
        value = self.answers.get(qid)
        label = "not answered" if value is None else (question.label(value) if question else value)
        where = self.provenance.get(qid, "")
        fact = self.facts.get(qid)
        if fact is not None:  # what decides it: the reservation's words, a caveat, a gap
            where += "".join((f": {fact.note}" if not fact.known and fact.note else "",
                              f'; the text reads: "{fact.quote}"' if fact.quote else "",
                              f"; {fact.caveat}" if fact.caveat else ""))
        text = question.text if question else qid
        return f"{text} {label}" + (f" ({where})" if where else "")


def result(gate: Gate, status: Status, detail: str, via: str = "",
           deadline: Deadline | None = None, caution: str = "",
           unblock: str | None = None, ask: str = "") -> GateResult:
    """A gate's result in its own words (rule, unblock, check, source) and these; `unblock`
    replaces the gate's own when the evaluator can say more (which body holds the matter).
    `ask` is whom to ask about this answer, said before the gate's own `check`: the detail
    states facts only, so the result has one place that says whom to ask (issue 12.3)."""
    return GateResult(gate.kind, status, gate.rule, detail,
                      gate.unblock if unblock is None else unblock,
                      f"{ask} {gate.check}" if ask else gate.check,
                      gate.source, via, deadline, caution)


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
    detail = "; ".join([ctx.said(q) for q in gate.reads])
    if verdict is False and gate.params.get("otherwise") == "check_first":
        return result(gate, UNKNOWN, detail)  # a rule the instrument does not make absolute
    return result(gate, _VERDICT[verdict], detail)


_REMEDY_WORDS = {
    "exhausted": "Domestic remedies are exhausted.",
    "pending": "A domestic remedy (an appeal) is still pending.",
    "not_tried": "Domestic remedies have not been tried.",
}
SUBSTANTIATE = ("You rely on an exception to exhausting domestic remedies ({said}). The "
                "body will not take it on your word: set out the remedies that exist, the "
                "steps taken and their dates, the delays, and why they could not bring "
                "relief. Doubts about a remedy's prospects are not enough.")


@evaluates
def exhaustion(gate: Gate, ctx: Context) -> GateResult:
    answer = ctx.answers.get(REMEDIES)
    said = ctx.said(REMEDIES)
    if answer == "exhausted":
        return result(gate, OPEN, _REMEDY_WORDS["exhausted"])
    if answer in gate.params.get("exceptions", ()):
        return result(gate, OPEN, f"{said}: an exception this body recognises, if you can "
                      "show it.", caution=SUBSTANTIATE.format(said=_label(ctx, answer)))
    if answer == "doubtful":
        return result(gate, UNKNOWN, f"{said}: doubts about whether a remedy would work do "
                      "not excuse trying it. Only a remedy with no prospect of success, "
                      "shown by facts, may be left aside.",
                      ask="Ask a lawyer or the body's secretariat whether yours had any.")
    if (answer == "pending" and ctx.answers.get(REMEDY_SUSPENDS) == "no"
            and ctx.answers.get(URGENCY) == "yes"):
        return result(gate, UNKNOWN, f"{said}, and it does not stop the harm feared (no "
                      "suspensive effect). Bodies have not generally treated such an appeal "
                      "as an effective remedy against an imminent removal: ask for urgent "
                      "measures now.",
                      ask="Check the exhaustion rule with the body's secretariat.")
    if answer is None or answer == DONT_KNOW or answer in gate.params.get("check_first", ()):
        return result(gate, UNKNOWN, f"{said}: whether this body excuses it is not settled."
                      if answer not in (None, DONT_KNOW) else said)
    return result(gate, BLOCKED, _REMEDY_WORDS.get(answer, f"{said}: not an exception here."))


def _label(ctx: Context, answer: Any) -> str:
    question = ctx.kb.question(REMEDIES)
    return question.label(answer) if question else answer


@evaluates
def ecosoc(gate: Gate, ctx: Context) -> GateResult:
    org = ctx.answers.get(ORG_TYPE)
    if org in ("nhri", "npm"):
        status = ctx.answers.get(NHRI_STATUS)
        if status == "a":  # an NPM that is an A-status NHRI takes the NHRI's slot
            how = gate.params.get("nhri_a", "open")
            verdicts: dict[str, Status] = {"open": OPEN, "blocked": BLOCKED}
            return result(gate, verdicts.get(how, UNKNOWN),
                          {"open": "An A-status NHRI speaks in its own right.",
                           "blocked": "A-status NHRIs have no such right here."}.get(
                              how, "Whether an A-status NHRI can do this in its own right is "
                              "not settled; an ECOSOC-accredited NGO or a State can be your "
                              "partner."),
                          ask="" if how in verdicts else "Ask OHCHR's civil society section.")
        if org == "nhri" and status in (None, DONT_KNOW):
            return result(gate, UNKNOWN, f"{ctx.said(NHRI_STATUS)}: only A-status NHRIs "
                          "take part in their own right.")
        # An institution without A status takes part as any organisation without ECOSOC
        # status: through a partner (reference section 0, points 7 and 8).
    answer = ctx.answers.get(ECOSOC_STATUS)
    if answer == "has_status":
        return result(gate, OPEN, "Your organisation has ECOSOC consultative status.")
    if answer not in ("partner", "none"):
        return result(gate, UNKNOWN, ctx.said(ECOSOC_STATUS))
    if gate.params.get("partner", "open") != "open":
        return result(gate, BLOCKED, "Without ECOSOC status of your own, this route is closed "
                      "in your name, even through a partner.")
    # Lack of status never blocks Council participation: a partner lends its name (reference
    # section 0, point 7). Without a partner yet, finding one is the first step.
    if answer == "partner":
        return result(gate, OPEN, "Open through your ECOSOC-accredited partner, under its "
                      "name.", via="an ECOSOC-accredited partner")
    return result(gate, OPEN, "You have no ECOSOC status and no partner yet: this route opens "
                  "once an accredited NGO agrees to work with you.",
                  via="an ECOSOC-accredited partner you still need to find")


@evaluates
def consent(gate: Gate, ctx: Context) -> GateResult:
    if ctx.answers.get(ORG_TYPE) == "victim":
        return result(gate, OPEN, "You are the victim or the victim's family.")
    answer = ctx.answers.get(VICTIM_CONSENT)
    if answer == "yes":
        return result(gate, OPEN, "The victim (or family) consents.")
    if answer == "no":
        status: Status = BLOCKED if gate.params.get("without") == "blocked" else UNKNOWN
        return result(gate, status, "The victim has not consented.")
    return result(gate, UNKNOWN, ctx.said(VICTIM_CONSENT))


@evaluates
def closed(gate: Gate, ctx: Context) -> GateResult:
    return result(gate, BLOCKED, f"Not in force (as of {gate.params.get('as_of')}).")



# Kinds whose evaluators live in modules of their own register themselves on import.
from engagewiz.core import samematter, temporal, timelimits  # noqa: E402, F401
