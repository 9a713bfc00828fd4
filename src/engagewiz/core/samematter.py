"""The `same_matter` gate kind: is the case barred because another international body has it?

Each instrument words the bar its own way, and the gate's parameters say which:

- `bars`: what the instrument itself bars, a matter `pending` elsewhere, one already
  `decided`, both or neither (ICERD art. 14 has no bar at all);
- `reserved` and `reserved_bars`: what the State added by a reservation (the Human Rights
  Committee and CERD): the country data holds it, with its words, and a block quotes them;
- `examined`: what counts as "already examined": a reasoned decision on the `merits`
  (the default: an inadmissibility decision on procedural grounds has generally not counted,
  kb-audit M13), or any matter `submitted` (ECHR art. 35(2)(b));
- `special_procedures`: whether a Special Procedure communication is such a procedure
  (`bars`: HRC res. 5/1, para 87(f) says so) or is for the body to decide (`check_first`).

The other body, when the user names it, is named in the detail and in what would open the
route, so the user knows which forum holds the matter.
"""

from __future__ import annotations

from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.gates import Context, evaluates, result
from engagewiz.core.model import Gate
from engagewiz.core.qids import OTHER_BODY, OTHER_DECISION_MERITS, SAME_MATTER
from engagewiz.core.results import BLOCKED, OPEN, UNKNOWN, GateResult, Status

SPECIAL_PROCEDURE = "special_procedure"  # the answer to other_body naming one


@evaluates
def same_matter(gate: Gate, ctx: Context) -> GateResult:
    answer = ctx.answers.get(SAME_MATTER)
    if answer == "no":
        return result(gate, OPEN, "The same matter is not before another international body.")
    if answer not in ("pending", "decided"):
        return result(gate, UNKNOWN, ctx.said(SAME_MATTER))
    said = ctx.said(SAME_MATTER)
    body = ctx.answers.get(OTHER_BODY)
    question = ctx.kb.question(OTHER_BODY)
    named = question.label(body) if question and body not in (None, DONT_KNOW) else ""
    where = f" It is {'before' if answer == 'pending' else 'decided by'} {named[0].lower()}" \
            f"{named[1:]}." if named else ""
    reserved = gate.params.get("reserved")
    if answer in gate.params.get("bars", ()):
        because = said
    elif reserved and answer in gate.params.get("reserved_bars", ("decided",)):
        held = ctx.answers.get(reserved)
        if held == "no":
            return result(gate, OPEN, f"{said}: neither the instrument nor a reservation of "
                          f"the State bars it ({ctx.said(reserved)}).")
        if held != "yes":
            return result(gate, UNKNOWN, f"{said}. Whether the State's reservation bars it: "
                          f"{ctx.said(reserved)}.{where}")
        because = f"{said}. The State reserved this: {ctx.said(reserved)}"
    else:
        return result(gate, OPEN, f"{said}: this body's rule does not bar it.")
    unblock = f"{gate.unblock}{where}"
    if body == SPECIAL_PROCEDURE and gate.params.get("special_procedures") != "bars":
        return result(gate, UNKNOWN, f"{because}. Whether a Special Procedure's handling "
                      "counts as another procedure of international investigation or "
                      "settlement is for this body to decide.", unblock=unblock,
                      ask="Ask its secretariat before filing.")
    if answer == "pending" or gate.params.get("examined") == "submitted":
        return result(gate, BLOCKED, f"{because}.{where}", unblock=unblock)
    return _examined(gate, ctx, because, where, unblock)


def _examined(gate: Gate, ctx: Context, because: str, where: str, unblock: str) -> GateResult:
    """A matter decided elsewhere bars the route if that body examined it: a reasoned
    decision on the merits, not a rejection on procedural grounds alone."""
    merits = ctx.answers.get(OTHER_DECISION_MERITS)
    status: Status = BLOCKED if merits == "yes" else UNKNOWN
    why = {"yes": "",
           "no": " The other body did not decide it on the merits: a matter rejected on "
                 "procedural grounds alone has generally not counted as examined.",
           }.get(str(merits), " Whether it counts as examined turns on whether the other body "
                              "decided it on the merits, in a reasoned decision.")
    return result(gate, status, f"{because}.{where}{why}", unblock=unblock,
                  ask="" if status == BLOCKED else "Ask this body's secretariat before filing.")
