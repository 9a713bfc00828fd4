"""The `in_force` gate kind: was the State bound by the treaty or the declaration for these facts?

A gate kind of its own because the answer turns on dates the user and the country data
give together: the date of the facts (`facts_date`), and the days the State was first and
last bound (the country fact's `since` and `until`). Each instrument says how a denunciation
or a withdrawal works, and the gate says it in `end`:

- `facts`: earlier facts stay within (the American Convention, art. 78(2); the European
  Convention, art. 58(2): Russia for acts up to 16 September 2022);
- `filing`: what counts is when the case is lodged (a 34(6) declaration, a year after its
  withdrawal was deposited; OP1-ICCPR, art. 12(2): communications submitted before).

Facts before the State was bound are outside the body's competence unless the violation
continued after that day: "check first" (`before: check_first`), or blocked where the
instrument excludes them outright (`before: blocked`, ICPPED art. 35 for a disappearance
that began earlier). Without the date of the facts, a rule that turns on it is "check
first", never blocked. An answer the user gave against the data is taken as it is: the
data's dates are not used for it.
"""

from __future__ import annotations

from datetime import date

from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.deadlines import add_months
from engagewiz.core.gates import Context, evaluates, result
from engagewiz.core.model import Gate
from engagewiz.core.qids import FACTS_DATE
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, GateResult


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text and len(text) == 10 else None


def _long(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def facts_date(ctx: Context) -> date | None:
    """The date of the facts, when the user gave one."""
    raw = ctx.answers.get(FACTS_DATE)
    if raw in (None, DONT_KNOW):
        return None
    return raw if isinstance(raw, date) else date.fromisoformat(str(raw))


@evaluates
def in_force(gate: Gate, ctx: Context) -> GateResult:
    qid = gate.params["fact"]
    answer = ctx.answers.get(qid)
    fact = ctx.facts.get(qid)  # absent when the user's answer overrides the data
    said = ctx.said(qid)
    if answer not in ("yes", "no"):
        return result(gate, UNKNOWN, said)
    since = _day(fact.bound_from) if fact else None
    until = _day(fact.until) if fact else None
    when = facts_date(ctx)
    if answer == "no":
        if until is None:
            not_bound = gate.params.get("not_bound", "blocked")
            if not_bound == "open":  # another gate of the route says whether it is bound
                return result(gate, OPEN, f"{said}: the dates do not apply.")
            return result(gate, UNKNOWN if not_bound == "check_first" else BLOCKED, said)
        if gate.params.get("end", "facts") == "filing":
            return _filing(gate, ctx, said, until)
        if when is None:
            return result(gate, UNKNOWN, f"{said}. The State was bound until "
                          f"{_long(until)}: facts before that day can still be brought. "
                          "Give the date of the facts.")
        if when >= until:
            return result(gate, BLOCKED, f"{said}. The facts ({when.isoformat()}) come "
                          f"after {_long(until)}, when the State ceased to be bound.")
    return _started(gate, ctx, said, since, until, when)


def _filing(gate: Gate, ctx: Context, said: str, until: date) -> GateResult:
    """A withdrawal that counts from when the case is lodged: before it takes effect, the
    route is open, and the user is told the last day."""
    if ctx.day() >= until:
        return result(gate, BLOCKED, f"{said}. The withdrawal took effect on {_long(until)}: "
                      "no new case can be lodged, whatever the date of the facts; cases "
                      "lodged before that day are not affected.")
    left = (until - ctx.day()).days
    return result(gate, OPEN, f"The withdrawal takes effect on {_long(until)}, in {left} "
                  "days: an application lodged before then is not affected.",
                  caution=f"Lodge the application before {_long(until)}, when the State's "
                  "withdrawal takes effect.")


def _started(gate: Gate, ctx: Context, said: str, since: date | None, until: date | None,
             when: date | None) -> GateResult:
    """Facts on or after the day the State was bound are within; earlier ones are outside
    unless they continued (or outright, with `before: blocked`)."""
    within = f" and before {_long(until)}" if until else ""
    if since is None or gate.params.get("start", "facts") == "none":
        return result(gate, OPEN, f"{said}{'; facts before ' + _long(until) if until else ''}.")
    if when is None:
        return result(gate, UNKNOWN, f"{said}. It bound the State from {_long(since)}: "
                      "earlier facts count only if the violation continued after that day. "
                      "Give the date of the facts.")
    if when < since:
        blocked = gate.params.get("before") == "blocked"
        return result(gate, BLOCKED if blocked else UNKNOWN,
                      f"The facts ({when.isoformat()}) come before {_long(since)}, when it "
                      "bound the State" + ("." if blocked else ": they count only if the "
                                           "violation continued after that day."))
    settle = int(gate.params.get("settle_months", 0))
    if settle and when < add_months(since, settle):
        return result(gate, UNKNOWN, f"The facts ({when.isoformat()}) come within {settle} "
                      f"months of {_long(since)}, the date of deposit; the instrument can "
                      "enter into force for the State some time after it.")
    return result(gate, OPEN, f"The facts ({when.isoformat()}) come after {_long(since)}, "
                  f"when it bound the State{within}.")
