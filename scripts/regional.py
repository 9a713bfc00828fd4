"""Regional facts for build_countries: Council of Europe, Inter-American and African systems.

Kept apart because each regional treaty has its own dates that decide a case: when a State
left (Russia, 16 September 2022), when a denunciation took effect (the American Convention
for Venezuela and Trinidad and Tobago), when a withdrawal of the African Court's article
34(6) declaration took effect (12 months after it was deposited, per the Court's ruling in
Ingabire Victoire Umuhoza v. Rwanda). Those dates go into ``since`` and ``until``; what a
user must be told wherever a fact is used (a contested withdrawal, a status nobody has
confirmed) goes into ``caveat``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from engagewiz.core.deadlines import add_months

Fact = dict[str, str]
MakeFact = Callable[..., Fact]

CHARTER_FACT = "African State; all AU members but Morocco are parties (AU treaty status list)"
AFCOURT_UNKNOWN = ("not among the 33 Protocol parties identified; the Court counts 34 "
                   "and the 34th was not identified")
ECPT_RUSSIA = ("Russia stayed a party to the European Convention for the Prevention of "
               "Torture after leaving the Council of Europe (CPT President's statement); a law "
               "denouncing it was signed on 29 September 2025; the Council of Europe Treaty Office "
               "(ETS No. 126) gives the date the denunciation takes effect")
VENEZUELA_OAS = ("Venezuela's 2017-2019 withdrawal from the OAS is contested; the data keeps "
                 "it as a member (World Factbook)")
AFCOURT_NOTICE_MONTHS = 12  # the Court's Ingabire ruling: a withdrawal takes effect a year on
# Where a withdrawal's effective date is known from the Court itself, not computed: Rwanda's
# took effect on 1 March 2017 (Ingabire Victoire Umuhoza v. Rwanda; kb-audit L10), a few
# days after a year from the date in the Court's declarations table.
AFCOURT_EFFECTIVE = {"RWA": "2017-03-01"}


def iso_plus(iso: str, months: int) -> str:
    """The day ``months`` calendar months after an ISO date (a notice period)."""
    return add_months(date.fromisoformat(iso), months).isoformat()


def long_date(iso: str) -> str:
    """"2022-03-16" -> "16 March 2022" (portable: no %-d)."""
    d = date.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


def european(coe: dict[str, str] | None, fact: MakeFact) -> dict[str, Fact]:
    """Council of Europe membership, and the two conventions whose bodies the tool routes
    to: the ECHR (the Court) and the ECPT (the CPT). Membership is not the test for either."""
    if coe is None:  # README: States not in the file are not members
        return {"coe_member": fact("no", "coe"), "echr_party": fact("no", "coe"),
                "ecpt_party": fact("no", "ecpt", note="not a Council of Europe member")}
    if coe["coe_status"] == "member":
        return {"coe_member": fact("yes", "coe", coe["coe_member_since"]),
                "echr_party": fact("yes", "coe", note="every member is a High Contracting "
                                   "Party (ECHR respondent governments)"),
                "ecpt_party": fact("yes", "ecpt", note="the CPT covers every member State")}
    left, until = coe["coe_member_until"], coe["echr_party_until"]
    return {
        "coe_member": fact("no", "coe", left, f"left the Council of Europe on "
                           f"{long_date(left)}; ECHR party until {long_date(until)}"),
        "echr_party": fact("no", "coe", until, f"ceased to be a party on {long_date(until)}; "
                           f"the Court keeps jurisdiction over acts before that date "
                           f"(Committee of Ministers)", until=until),
        "ecpt_party": fact("dont_know", "ecpt", caveat=ECPT_RUSSIA),
    }


def american(iso: str, oas: dict[str, str] | None, fact: MakeFact) -> dict[str, Fact]:
    """OAS membership, the American Convention and the Court's jurisdiction, with the day a
    denunciation took effect: facts before it stay under the Convention (ACHR art. 78(2))."""
    if oas is None:  # the file lists all 35 OAS members
        return {"oas_member": fact("no", "oas"), "achr_party": fact("no", "oas"),
                "iacthr_jurisdiction": fact("no", "oas")}
    out: dict[str, Fact] = {}
    st = oas["oas_status"]
    if st == "member":
        out["oas_member"] = fact("yes", "oas", caveat=VENEZUELA_OAS if iso == "VEN" else "")
    elif st == "member_suspended":
        out["oas_member"] = fact("yes", "oas", note="member listed as suspended (World "
                                 "Factbook); Cuba does not take part in the OAS")
    elif st.startswith("withdrawn_"):
        d = st.removeprefix("withdrawn_")
        left = f"withdrew from the OAS, effective {d}"
        if oas["achr_status"] == "party":
            left += "; still party to the American Convention"
        out["oas_member"] = fact("no", "oas", d, left)
    else:
        raise ValueError(f"{iso}: unknown oas_status {st!r}")
    a, deposit = oas["achr_status"], oas["achr_deposit_date"]
    ended = a.removeprefix("denounced_effective_") if a.startswith("denounced_") else ""
    if a == "party":
        out["achr_party"] = fact("yes", "oas", deposit, since=deposit)
    elif ended:
        out["achr_party"] = fact("no", "oas", ended, f"denounced, effective {ended}; acts "
                                 "before that date stay under the Convention",
                                 since=deposit, until=ended)
    else:
        out["achr_party"] = fact("no" if a == "not_party" else "dont_know", "oas")
    j, accepted = oas["iacthr_jurisdiction"], oas["iacthr_acceptance_date"]
    if j == "yes":
        out["iacthr_jurisdiction"] = fact("yes", "oas", accepted, since=accepted)
    elif j == "withdrawn_with_denunciation":
        out["iacthr_jurisdiction"] = fact("no", "oas", ended, "ended with the denunciation of "
                                          f"the Convention ({ended})", since=accepted,
                                          until=ended)
    else:
        out["iacthr_jurisdiction"] = fact("no" if j == "no" else "dont_know", "oas")
    return out


def _withdrawal(iso: str, afr: dict[str, str], fact: MakeFact) -> Fact:
    """A withdrawn 34(6) declaration: deposited, and effective a year later."""
    declared, deposited = afr["art34_6_deposit"], afr["art34_6_withdrawal"]
    effective = AFCOURT_EFFECTIVE.get(iso) or iso_plus(deposited, AFCOURT_NOTICE_MONTHS)
    how = ("as the Court held in Ingabire" if iso in AFCOURT_EFFECTIVE else
           "12 months later, per the Court's Ingabire ruling; computed")
    note = (f"declared {declared}; withdrawal deposited {deposited}, effective {effective} "
            f"({how}); applications lodged before then are not affected")
    reported = re.search(r"take effect in ([A-Z][a-z]+ \d{4})", afr["note"])
    if reported:  # Tunisia: notified 7 March 2025, reported effective a year later
        note = (f"declared {declared}; withdrawal notified {long_date(deposited)}, reported "
                f"to take effect in {reported.group(1)} (computed: {effective}); applications "
                "lodged before then are not affected")
    return fact("no", "afcourt", deposited, note, since=declared, until=effective)


def african(iso: str, afr: dict[str, str] | None, is_african: bool | None,
            fact: MakeFact) -> dict[str, Fact]:
    """The African Court Protocol and 34(6) declaration, the Charter and the ACRWC."""
    out: dict[str, Fact] = {}
    if afr is not None:
        out["afcourt_protocol"] = fact("yes", "afcourt", afr["court_protocol_deposit"])
        d = afr["art34_6_declaration"]
        if d == "yes":
            out["afcourt_34_6"] = fact("yes", "afcourt", afr["art34_6_deposit"],
                                       since=afr["art34_6_deposit"])
        elif d == "withdrawn":
            out["afcourt_34_6"] = _withdrawal(iso, afr, fact)
        else:
            out["afcourt_34_6"] = fact("no", "afcourt")
    elif is_african is False:
        out["afcourt_protocol"] = fact("no", "afcourt")
        out["afcourt_34_6"] = fact("no", "afcourt")
    else:
        out["afcourt_protocol"] = fact("dont_know", "afcourt", note=AFCOURT_UNKNOWN)
        # The Court's table lists every State that ever made the declaration.
        out["afcourt_34_6"] = fact("no", "afcourt", note="not in the Court's declarations table")

    if is_african is None:
        out["african_charter_party"] = fact("dont_know", "african-charter")
        out["acrwc_party"] = fact("dont_know", "african-charter")
    elif not is_african:
        out["african_charter_party"] = fact("no", "african-charter", note="not an African State")
        out["acrwc_party"] = fact("no", "african-charter", note="not an African State")
    else:
        out["african_charter_party"] = (
            fact("no", "african-charter", note="the only AU member not party to the Charter")
            if iso == "MAR" else fact("yes", "african-charter", note=CHARTER_FACT))
        out["acrwc_party"] = fact("dont_know", "african-charter",
                                  note="ACRWC ratifications are on the AU treaty status list")
    return out
