"""The gate kinds, one entry each: everything the tool knows about a kind derives from it.

A gate kind is code (an evaluator in core/gates.py) because it reads answers its own way:
remedy exceptions, calendar months from a date, who is asking. Everything else about a kind
is declared once, here: the questions its code reads and which of their answers matter, its
parameters in mechanisms.yaml, the words `explain` uses, and its evaluator. From this table
the loader validates gates (kb/build), the spec and the JSON Schema publish the parameters
(kb/spec), and `tree`, `explain` and `check` know what each gate reads (authoring/index).
tests/test_gatekinds.py holds the entries to what the evaluators actually do.

Adding a kind: its name in `model.GateKindName`, an evaluator (`@evaluates`, named as the
kind), one entry, and their tests. A
question its code reads is declared in core/qids.py; a date question is a `Read` like any
other (its declared type `date` is checked at load).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from engagewiz.core import gates, qids, samematter, temporal, timelimits
from engagewiz.core.gates import Evaluator
from engagewiz.core.model import Gate, GateKindName
from engagewiz.core.qids import Read
from engagewiz.kb.schema import (
    AnyValue,
    Choice,
    ConditionSpec,
    Integer,
    ListOf,
    Obj,
    Spec,
    Text,
)

# What every gate has, whatever its kind (the words and sources a user reads).
COMMON: dict[str, Spec] = {
    "rule": Text("the requirement, in plain words"),
    "unblock": Text("what would open the route, or what to do instead"),
    "check": Text("where to check when the answer is not known"),
}
TEST = "test"  # the parameter that holds a condition (Gate.test), not a value (Gate.params)


@dataclass(frozen=True)
class Param:
    """One parameter of a gate kind in mechanisms.yaml."""

    spec: Spec
    required: bool = False
    answers_of: str | None = None  # each value must be an answer of this question (at load)
    names_question: bool = False   # the value is a question the evaluator reads (checked)


@dataclass(frozen=True)
class GateKind:
    name: GateKindName
    opens_when: str            # in plain words, for `explain` (a `requires` gate shows its test)
    evaluator: Evaluator
    reads: tuple[Read, ...] = ()                  # besides the questions its `test` names
    params: Mapping[str, Param] = field(default_factory=dict)
    one_of: tuple[str, ...] = ()                  # exactly one of these parameters
    dated: bool = False  # its verdict or words depend on today's date (days left)

    @property
    def noun(self) -> str:
        """How messages name a gate of this kind."""
        return f"a gate of kind '{self.name}'"


# The parameters of a time limit, whatever day it counts from.
LIMIT_PARAMS: dict[str, Param] = {
    "months": Param(Integer(minimum=1, maximum=120)),
    "years": Param(Integer(minimum=1, maximum=20)),
    "expired": Param(Choice(("blocked", "check_first")), required=True),
    "exception": Param(Text("when time may run from another date")),
    "last_day": Param(Text("said next to the last day, whether it has passed or not: how the "
                           "body treats a last day on a weekend or a public holiday")),
}

GATE_KINDS: dict[str, GateKind] = {k.name: k for k in (
    GateKind(
        "requires", "its test is true", gates.requires,
        params={TEST: Param(ConditionSpec(), required=True),
                "otherwise": Param(Choice(("blocked", "check_first"), description="when the "
                                          "test is false: blocked (default), or check first "
                                          "where the instrument does not settle the point"))},
    ),
    GateKind(
        "exhaustion", "domestic remedies exhausted (answer to remedies)", gates.exhaustion,
        reads=(Read(qids.REMEDIES, ("exhausted",), needed=True),
               Read(qids.REMEDY_SUSPENDS, ("no",), only=True),
               Read(qids.URGENCY, ("yes",), only=True)),
        params={
            "exceptions": Param(ListOf(Text(), description="answers to remedies that "
                                       "open the gate as exceptions (the user is told to "
                                       "substantiate them)"),
                                answers_of=qids.REMEDIES),
            "check_first": Param(ListOf(Text(), description="answers to remedies the "
                                        "sources do not settle: check first"),
                                 answers_of=qids.REMEDIES),
        },
    ),
    GateKind(
        "same_matter",
        "the same matter not before, or examined by, another international body (as the "
        "instrument and the State's reservation bar it)",
        samematter.same_matter,
        reads=(Read(qids.SAME_MATTER, ("no",), needed=True),
               Read(qids.OTHER_BODY, (samematter.SPECIAL_PROCEDURE,)),
               Read(qids.OTHER_DECISION_MERITS, ("yes", "no"))),
        params={
            "bars": Param(ListOf(Choice(("pending", "decided"))), required=True,
                          answers_of=qids.SAME_MATTER),
            "reserved": Param(Text("the yes/no question (a country fact) saying whether the "
                                   "State reserved more than the instrument bars"),
                              names_question=True),
            "reserved_bars": Param(ListOf(Choice(("pending", "decided")),
                                          description="what the reservation bars "
                                          "(default: decided)"),
                                   answers_of=qids.SAME_MATTER),
            "examined": Param(Choice(("merits", "submitted"), description="what counts as "
                                     "examined elsewhere: a reasoned decision on the merits "
                                     "(default), or any submission")),
            "special_procedures": Param(Choice(("bars", "check_first"), description="whether "
                                               "a Special Procedure counts as another "
                                               "procedure (default: check first)")),
        },
    ),
    GateKind(
        "time_limit", "filed within the time limit after the final domestic decision",
        timelimits.time_limit,
        reads=(Read(qids.FINAL_DECISION_DATE, needed=True),
               Read(qids.REMEDIES, ("pending", "not_tried", *timelimits.EXCEPTIONS)),
               Read(qids.FACTS_DATE), Read(qids.SAME_MATTER, ("decided",), only=True),
               Read(qids.OTHER_PROCEDURE_ENDED)),
        params={
            **LIMIT_PARAMS,
            "earlier": Param(Obj({"before": Text("YYYY-MM-DD"),
                                  "months": Integer(minimum=1, maximum=120)},
                                 required=("before", "months"),
                                 description="the limit for final decisions before a date")),
            "no_final_decision": Param(Choice(("check_first", "reasonable", "from_facts"),
                                              description="under an exception to exhaustion: "
                                              "the body's rule")),
            "other_procedure_years": Param(Integer(minimum=1, maximum=20, description="the "
                                                   "limit after another international "
                                                   "procedure, from its end")),
            "declared_limit": Param(Text("the yes/no question (a country fact) saying that "
                                         "the State's declaration sets a shorter limit"),
                                    names_question=True),
            "declared_months": Param(Integer(minimum=1, maximum=120, description="that "
                                             "shorter limit, in months")),
        },
        one_of=("months", "years"), dated=True,
    ),
    GateKind(
        "act_time_limit", "filed within the time limit after the act complained of",
        timelimits.act_time_limit,
        reads=(Read(qids.ACT_DATE, needed=True),),
        params=LIMIT_PARAMS, one_of=("months", "years"), dated=True,
    ),
    GateKind(
        "ecosoc", "ECOSOC consultative status (or an A-status NHRI)", gates.ecosoc,
        reads=(Read(qids.ECOSOC_STATUS, ("has_status",), needed=True),
               Read(qids.ORG_TYPE, ("nhri", "npm"), only=True), Read(qids.NHRI_STATUS, ("a",))),
        params={"partner": Param(Choice(("open", "blocked"))),
                "nhri_a": Param(Choice(("open", "blocked", "check_first")))},
    ),
    GateKind(
        "consent", "the victim's consent (answer to victim_consent)", gates.consent,
        reads=(Read(qids.VICTIM_CONSENT, ("yes", "no"), needed=True),
               Read(qids.ORG_TYPE, ("victim",), only=True)),
        params={"without": Param(Choice(("blocked", "check_first")))},
    ),
    GateKind(
        "in_force", "the State was bound by the treaty or declaration for these facts "
        "(the country data's dates; answer to facts_date)", temporal.in_force,
        reads=(Read(qids.FACTS_DATE),),
        params={
            "fact": Param(Text("the yes/no question (a country fact) saying whether the "
                               "State is bound: its dates come from the country data"),
                          required=True, names_question=True),
            "end": Param(Choice(("facts", "filing"), description="after a denunciation or "
                                "withdrawal: earlier facts stay within (facts), or only "
                                "cases lodged before it took effect (filing)")),
            "start": Param(Choice(("facts", "none"), description="whether facts before the "
                                  "State was bound are outside (facts, default)")),
            "before": Param(Choice(("check_first", "blocked"), description="facts before "
                                   "the State was bound: check first (they may continue "
                                   "after it), or blocked where the instrument says so")),
            "settle_months": Param(Integer(minimum=1, maximum=12, description="months after "
                                           "the deposit within which entry into force is "
                                           "to be checked")),
            "not_bound": Param(Choice(("blocked", "check_first", "open"), description="a "
                                      "State not bound at all: blocked (default); check first "
                                      "where another State's date can count; open where "
                                      "another gate of the route already says so")),
        },
        dated=True,  # a withdrawal counted from the filing: has it taken effect today?
    ),
    GateKind(
        "closed", "none: the procedure is closed", gates.closed,
        params={"as_of": Param(AnyValue(description="date of the fact (YYYY-MM-DD)"),
                               required=True)},
    ),
)}


def gate_reads(gate: Gate) -> Iterator[tuple[str, tuple[str, ...] | None]]:
    """The questions a gate's kind reads in code, each with the answers that can change
    its verdict (None: any answer); the questions of its `test` are not among them."""
    kind = GATE_KINDS[gate.kind]
    for read in kind.reads:
        yield read.question, read.values if read.only else None
    for name, param in kind.params.items():
        if param.names_question and name in gate.params:
            yield gate.params[name], None

