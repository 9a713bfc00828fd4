"""Sub-regional and other regional facts for build_countries: ECOWAS, the EAC, SADC, ASEAN,
the Arab Charter on Human Rights and the European Social Charter's collective complaints.

Kept apart from regional.py because these bodies come from one vendored file of their own
(`regional_communities.csv`, one row per State and body, with its source) and because most
of them matter for a single route or note: the ECOWAS Court and the East African Court
judge only cases against their members; the SADC Tribunal, ASEAN and the Arab system take
no complaints at all, and the tool must say so. A State a list does not name is not a
member ("no"), except for the Social Charter, where a Council of Europe member that is not
among the States known to accept collective complaints is unknown (a later acceptance may
be missing), never "no".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Fact = dict[str, str]
MakeFact = Callable[..., Fact]
Row = dict[str, str]

BODIES = {"ECOWAS": "ecowas_member", "EAC": "eac_member", "SADC": "sadc_member",
          "ASEAN": "asean_member", "ARAB_CHARTER": "arab_charter_party",
          "ESC_CC": "esc_collective_complaints"}
SOURCE = {"ECOWAS": "ecowas", "EAC": "eac", "SADC": "sadc", "ASEAN": "asean",
          "ARAB_CHARTER": "arab-charter", "ESC_CC": "esc"}
ESC_UNKNOWN = ("not among the 16 States known to accept collective complaints (Spain, from "
               "2021, the latest found); a later acceptance would be on the Council of Europe "
               "Treaty Office's list (ETS No. 158)")

SOURCES: dict[str, dict[str, str | None]] = {
    "ecowas": {
        "citation": "ECOWAS, member States (after the withdrawals of Burkina Faso, Mali "
                    "and Niger)",
        "as_of": "2025-07", "url": "https://www.ecowas.int",
        "note": "12 members; Burkina Faso, Mali and Niger ceased to be members on 29 January "
                "2025 (66th Ordinary Session of the Authority, December 2024, as reported by the "
                "ECOWAS Commission President and news of the summit); read on ReliefWeb's "
                "ECOWAS page and news reports"},
    "eac": {
        "citation": "East African Community, Partner States",
        "as_of": "2024-03",
        "url": "https://www.eac.int/press-releases/3046-somalia-to-deposit-her-instrument-of-"
               "ratification-on-the-treaty-of-accession-to-the-eac-today",
        "note": "8 Partner States: Burundi, DR Congo, Kenya, Rwanda, Somalia (the 8th: "
                "ratification of the Treaty of Accession deposited on 4 March 2024), South "
                "Sudan, Tanzania, Uganda"},
    "sadc": {
        "citation": "SADC, member States",
        "as_of": "2022", "url": "https://www.sadc.int/member-states",
        "note": "16 members since the Comoros joined in August 2017; read in news reports "
                "of the 37th Summit (2017) and lists of members"},
    "asean": {
        "citation": "ASEAN, member States",
        "as_of": "2025-10-26", "url": "https://asean.org/member-states/",
        "note": "11 members since Timor-Leste's admission on 26 October 2025; read in news "
                "reports quoting ASEAN's statement on the admission"},
    "arab-charter": {
        "citation": "Arab Charter on Human Rights, States parties (as listed by IJRC)",
        "as_of": "2021-01", "url": "https://ijrcenter.org/regional/middle-east-and-north-africa",
        "note": "League of Arab States, Arab Charter on Human Rights (2004, in force 15 March "
                "2008): 16 parties in January 2021 (International Justice Resource Center); "
                "later ratifications not checked"},
    "esc": {
        "citation": "European Social Charter, collective complaints (ETS No. 158): "
                    "accepting States",
        "as_of": "2022",
        "url": "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=158",
        "note": "15 States in an older Council of Europe list plus Spain (from 2021); a "
                "later acceptance would be on the Treaty Office's list"},
}


def community_facts(iso: str, rows: Iterable[Row], coe_member: bool,
                    fact: MakeFact) -> dict[str, Fact]:
    """The six facts for one State, from its rows of regional_communities.csv."""
    mine = {r["body"]: r for r in rows if r["iso3"] == iso}
    out: dict[str, Fact] = {}
    for body, key in BODIES.items():
        row, src = mine.get(body), SOURCE[body]
        if row is None:
            out[key] = _absent(body, coe_member, fact)
            continue
        status, since, until, note = row["status"], row["since"], row["until"], row["note"]
        if status in ("member", "party", "accepted"):
            out[key] = fact("yes", src, since, note, since=since)
        elif status == "suspended":  # a member, with what that means for the user said
            out[key] = fact("yes", src, since, caveat=note)
        elif status == "left":
            out[key] = fact("no", src, until, note, until=until)
        elif status == "not_party":
            out[key] = fact("no", src, note=note)
        else:
            raise ValueError(f"{iso}: unknown status {status!r} for {body}")
    return out


def _absent(body: str, coe_member: bool, fact: MakeFact) -> Fact:
    if body != "ESC_CC":
        return fact("no", SOURCE[body])
    if coe_member:
        return fact("dont_know", "esc", note=ESC_UNKNOWN)
    return fact("no", "esc")
