"""Build data/countries.json from the country CSVs in scripts/country-sources/ (see its README).

Why a build step: the CSVs are the audited record (every value transcribed from a named
source); the tool needs one small, fast file with the answers the interview prefills.
pycountry (names, codes) and pycountry_convert (continents) are used here only, so the
installed tool never imports them. Rerun after the CSVs are refreshed:

    python scripts/build_countries.py [DATA_DIR] [--out data/countries.json] [--built DATE]

Rules kept from the README: an empty cell is UNKNOWN ("dont_know"), never "no"; every fact
keeps its source key and date. The script fails loudly on anything it cannot map.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "scripts" / "country-sources"  # the audited CSVs, with their README
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
from communities import SOURCES as COMMUNITY_SOURCES  # noqa: E402
from communities import community_facts  # noqa: E402
from declarations import declaration_facts, read_rows  # noqa: E402
from regional import african, american, european, iso_plus  # noqa: E402

from engagewiz.kb.countries import load_countries, normalize  # noqa: E402

Fact = dict[str, str]

TREATIES = {"ratified_cat": "CAT", "ratified_iccpr": "ICCPR", "ratified_icescr": "ICESCR",
            "ratified_icerd": "ICERD", "ratified_cedaw": "CEDAW", "ratified_crc": "CRC",
            "ratified_crpd": "CRPD", "ratified_cped": "CPED", "ratified_icmw": "ICMW",
            "ratified_opcat": "OP-CAT"}
PROCEDURES = {"accepts_cat22": "CAT-22", "accepts_ccpr_op1": "CCPR-OP1",
              "accepts_cescr_op": "CESCR-OP", "accepts_cerd14": "CERD-14",
              "accepts_cedaw_op": "CEDAW-OP", "accepts_crc_op3": "CRC-OP3",
              "accepts_crpd_op": "CRPD-OP", "accepts_ced31": "CED-31", "accepts_cmw77": "CMW-77"}

# Names people actually type that pycountry and UNTC do not give (all resolve uniquely).
ALIASES: dict[str, list[str]] = {
    "RUS": ["Russia"], "IRN": ["Iran"], "SYR": ["Syria"], "TUR": ["Turkey", "Türkiye"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire"], "CPV": ["Cape Verde", "Cabo Verde"],
    "CZE": ["Czech Republic", "Czechia"], "VNM": ["Vietnam", "Viet Nam"],
    "LAO": ["Laos", "Lao PDR"], "BOL": ["Bolivia"], "VEN": ["Venezuela"], "TZA": ["Tanzania"],
    "KOR": ["South Korea", "Republic of Korea"], "PRK": ["North Korea", "DPRK"],
    "MDA": ["Moldova"], "PSE": ["Palestine", "State of Palestine"],
    "VAT": ["Vatican", "Vatican City", "Holy See"], "FSM": ["Micronesia"],
    "COG": ["Congo-Brazzaville", "Republic of the Congo", "Congo Republic"],
    "COD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of the Congo"],
    "SWZ": ["Eswatini", "Swaziland"], "MMR": ["Myanmar", "Burma"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "USA": ["USA", "U.S.A.", "US", "U.S.", "United States"], "NLD": ["Holland"],
    "MKD": ["Macedonia"], "TLS": ["East Timor"], "ARE": ["UAE"], "BRN": ["Brunei"],
    "GMB": ["The Gambia"], "BIH": ["Bosnia"], "STP": ["Sao Tome"], "CAF": ["CAR"],
    "KNA": ["Saint Kitts"], "VCT": ["Saint Vincent"],
}
# Display names where pycountry's short name is an inverted list form ("Korea, Republic of").
DISPLAY = {"COD": "Democratic Republic of the Congo", "FSM": "Micronesia",
           "PSE": "State of Palestine", "VAT": "Holy See"}
# pycountry_convert 0.7.2 (2018) has no entry for these codes; UN M49 places them so.
CONTINENT_GAPS = {"TL": "AS", "VA": "EU"}
CHARTER_NOTE = ("54 of 55 AU members, all but Morocco, are Charter parties (African Union "
                "treaty status list); no list of parties in the data")


def read(data_dir: Path, name: str) -> list[dict[str, str]]:
    """Read one CSV as a list of dicts, stripped, so empty cells are "" (= unknown)."""
    with (data_dir / name).open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def fact(value: str, source: str, when: str = "", note: str = "", **more: str) -> Fact:
    """One fact; empty fields are left out to keep the file small. ``more``: ``since`` and
    ``until`` (the days the State was first and last bound, where they matter for dates),
    ``quote`` (a declaration's deciding words) and ``caveat`` (said wherever it is used)."""
    if more.get("since") == when:
        del more["since"]  # a "yes" fact's date is when the State was first bound
    out = {"value": value, "source": source}
    out.update((k, v) for k, v in (("date", when), ("note", note), *more.items()) if v)
    return out


def african_states(isos: list[str]) -> tuple[set[str] | None, str]:
    """African States per pycountry_convert, or None when it is not installed.

    None makes the Africa-dependent facts "dont_know" rather than guessed.
    """
    try:
        from pycountry_convert import (  # type: ignore[import-untyped]
            country_alpha2_to_continent_code as cont,
        )
    except ImportError:
        print("warning: pycountry_convert missing; African facts left unknown", file=sys.stderr)
        return None, ""
    out = set()
    for iso in isos:
        a2 = pycountry.countries.lookup(iso).alpha_2
        code = CONTINENT_GAPS[a2] if a2 in CONTINENT_GAPS else cont(a2)
        if code == "AF":
            out.add(iso)
    assert len(out) == 54 and "MAR" in out, "expected the 54 African UN member States"
    return out, "pycountry_convert"


def denunciation(footnote: str) -> tuple[str, str]:
    """(the date it took effect, note) for a denounced instrument, from the UNTC footnote.

    A footnote that gives only the notification (Jamaica, OP1) takes effect three months
    later: OP1 art. 12(1), as Belarus's footnote states ("with effect from 8 February 2023
    in accordance with article 12(1)", notified 8 November 2022)."""
    dates = re.findall(r"with effect from (\d{1,2} [A-Z][a-z]+ \d{4})", footnote)
    if dates:
        d = datetime.strptime(dates[-1], "%d %B %Y").date().isoformat()
        return d, f"denounced with effect from {d} (UNTC footnote)"
    m = re.search(r"(\d{1,2} [A-Z][a-z]+ \d{4})", footnote)
    if m is None:
        return "", "denounced (UNTC footnote)"
    notified = datetime.strptime(m.group(1), "%d %B %Y").date().isoformat()
    d = iso_plus(notified, 3)
    return d, (f"denounced: notified {notified}, effective {d} (3 months later, OP1 art. "
               "12(1); computed, not in the footnote)")


def treaty_fact(row: dict[str, str] | None) -> Fact:
    """ratified_* from one un_treaty_status row."""
    status = row["status"] if row else ""
    if row is None or not status:
        return fact("dont_know", "untc")
    if status == "party":
        return fact("yes", "untc", row["consent_date"], row["consent_type"].replace("_", " "),
                    since=row["consent_date"])
    if status == "signatory":
        return fact("no", "untc", note=f"signed {row['signature_date']}, not ratified")
    if status == "withdrawn":
        until, note = denunciation(row["untc_footnotes"])
        return fact("no", "untc", until, note, since=row["consent_date"], until=until)
    if status == "no_action":
        return fact("no", "untc")
    raise ValueError(f"unknown treaty status {status!r}")


def procedure_fact(row: dict[str, str] | None, op1: dict[str, str]) -> Fact:
    """accepts_* from one un_individual_complaints row (the ICCPR-OP1 status row for
    denunciations: the footnote says when it took effect)."""
    accepted = row["accepted"] if row else ""
    if row is None or not accepted:
        return fact("dont_know", "untc")
    if accepted == "yes":
        note = ""
        if row["procedure"] == "CMW-77":
            note = "declaration made, but art. 77 is not in force (needs 10 declarations)"
        return fact("yes", "untc", row["date"], note, since=row["date"])
    if accepted == "withdrawn":
        until, why = denunciation(op1.get("untc_footnotes", ""))
        return fact("no", "untc", until, why, since=op1.get("consent_date", ""), until=until)
    if accepted == "no":
        note = "declaration covers inter-State communications only" if "inter-State" in \
            row["basis"] else ""
        return fact("no", "untc", note=note)
    raise ValueError(f"unknown acceptance {accepted!r}")


def names(iso: str, untc_name: str) -> tuple[str, str, list[str]]:
    """(display name, alpha-2, aliases) from pycountry, UNTC and the ALIASES table."""
    c = pycountry.countries.get(alpha_3=iso)
    if c is None:
        raise KeyError(f"pycountry does not know {iso}")
    display = DISPLAY.get(iso) or getattr(c, "common_name", None) or c.name
    if "," in display:
        raise ValueError(f"{iso}: add a DISPLAY name for {display!r}")
    cands = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None),
             untc_name, *ALIASES.get(iso, [])]
    for n in list(cands):
        if n and ", " in n:  # "Korea, Republic of" -> "Republic of Korea"
            head, tail = n.split(", ", 1)
            cands.append(f"{tail} {head}")
        if n and "(" in n:  # "Bolivia (Plurinational State of)" -> "Bolivia"
            cands.append(n.split("(")[0].strip())
    aliases: list[str] = []
    seen = {normalize(display)}
    for n in cands:
        if n and normalize(n) not in seen:
            seen.add(normalize(n))
            aliases.append(n)
    return display, c.alpha_2, aliases


def build(data_dir: Path, built: str) -> dict[str, Any]:
    """Assemble the whole JSON document from the CSVs in ``data_dir``."""
    summary = read(data_dir, "countries_summary.csv")
    treaty = {(r["iso3"], r["instrument"]): r for r in read(data_dir, "un_treaty_status.csv")}
    procs = {(r["iso3"], r["procedure"]): r for r in read(data_dir, "un_individual_complaints.csv")}
    coe = {r["iso3"]: r for r in read(data_dir, "regional_council_of_europe.csv")}
    oas = {r["iso3"]: r for r in read(data_dir, "regional_inter_american.csv")}
    afr = {r["iso3"]: r for r in read(data_dir, "regional_african.csv")}
    upr = {r["iso3"]: r for r in read(data_dir, "upr_4th_cycle.csv")}
    communities = read(data_dir, "regional_communities.csv")
    texts = read_rows(read(data_dir, "un_declarations_text.csv"))
    isos = [r["iso3"] for r in summary]
    africa, continent_src = african_states(isos)
    if africa is not None:
        assert set(afr) - {"ESH"} <= africa, "an African Court party is not African?"
    untc_dates = {r["untc_status_as_at"] for r in summary}
    assert len(untc_dates) == 1, untc_dates
    upr_as_of = max(r["session_dates"].split("/")[-1] for r in upr.values())

    countries: dict[str, Any] = {}
    for row in summary:
        iso = row["iso3"]
        display, alpha2, aliases = names(iso, row["untc_name"])
        facts: dict[str, Fact] = {}
        for key, inst in TREATIES.items():
            facts[key] = treaty_fact(treaty.get((iso, inst)))
        for key, proc in PROCEDURES.items():
            facts[key] = procedure_fact(procs.get((iso, proc)), treaty.get((iso, "ICCPR-OP1"), {}))
        facts["un_member"] = fact("yes", "untc") if row["un_status"] == "member" else fact(
            "no", "untc", note="a non-member observer State of the United Nations")

        def bound(instrument: str, iso: str = iso) -> bool:
            proc = procs.get((iso, instrument))
            t = treaty.get((iso, instrument))
            return (proc or {}).get("accepted") == "yes" or (t or {}).get("status") == "party"

        facts.update(declaration_facts(texts, iso, bound))
        is_african = None if africa is None else iso in africa
        if is_african is None and (iso in coe or iso in oas):
            is_african = False  # fallback without continent data: European/American States
        facts.update(european(coe.get(iso), fact))
        facts.update(american(iso, oas.get(iso), fact))
        facts.update(african(iso, afr.get(iso), is_african, fact))
        facts.update(community_facts(iso, communities, coe.get(iso, {}).get("coe_status") ==
                                     "member", fact))
        u = upr.get(iso)
        countries[iso] = {
            "name": display, "alpha2": alpha2, "un_status": row["un_status"],
            "untc_name": row["untc_name"], "aliases": aliases, "facts": facts,
            "upr": None if u is None else {
                k: v for k, v in {"session": int(u["upr_wg_session"]), "cycle": int(u["upr_cycle"]),
                                  "dates": u["session_dates"], "status": u["status"],
                                  "note": u["note"], "source": "upr"}.items() if v != ""},
        }
    charter_src = f"African States by continent from {continent_src}" if continent_src else \
        "continent package missing at build time: African States left unknown"
    sources = {
        # cited as docs/sources.md says: official title, official address
        "untc": {"citation": "UN Treaty Collection, chapter IV (status pages)",
                 "as_of": untc_dates.pop(),
                 "url": "https://treaties.un.org/Pages/Treaties.aspx?id=4&subid=A&clang=_en"},
        "coe": {"citation": "Council of Europe, member States",
                "as_of": "2026", "url": "https://www.coe.int/en/web/sarajevo/member-states-map",
                "note": "membership unchanged since Russia left on 16 March 2022"},
        "oas": {"citation": "OAS member States; American Convention (OAS B-32) parties; "
                            "Inter-American Court jurisdiction (Corte IDH, ABC 2020)",
                "as_of": "2020", "url": "https://www.corteidh.or.cr/tablas/abc-2020/ing/6/",
                "note": "OAS membership to November 2023; no source newer than 2020 "
                        "for the Court-jurisdiction list"},
        "afcourt": {"citation": "African Court, Protocol parties and article 34(6) declarations",
                    "as_of": "2022-04",
                    "url": "https://www.african-court.org/afchpr/declarations/?lang=fr",
                    "note": "33 of 34 Protocol parties identified; Tunisia's withdrawal "
                            "from 2025 reports"},
        "african-charter": {"citation": "African Union, status of the African Charter on Human "
                                        "and Peoples' Rights",
                            "as_of": None, "url": "https://au.int/en/treaties",
                            "note": f"{CHARTER_NOTE}; {charter_src}; ACRWC not covered"},
        "ecpt": {"citation": "European Convention for the Prevention of Torture (ETS No. 126): "
                             "the States the CPT visits", "as_of": "2026",
                 "url": "https://www.coe.int/en/web/cpt",
                 "note": "the CPT works in the Council of Europe's member States (CPT pages); "
                         "for Russia, which left, the Treaty Office's parties to ETS No. 126"},
        **COMMUNITY_SOURCES,
        "upr": {"citation": "OHCHR, UPR 4th cycle, Working Group sessions 41-51",
                "as_of": upr_as_of,
                "url": "https://www.ohchr.org/en/hr-bodies/upr/upr-main",
                "note": "42 UN member States without a 4th-cycle session in the data"},
    }
    return {"schema": 1, "built": built, "sources": sources, "countries": countries}


def dump(doc: dict[str, Any]) -> str:
    """Compact JSON with one country per line, so refreshes give readable git diffs."""
    def j(x: Any) -> str:
        return json.dumps(x, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    lines = [f"{j(k)}:{j(v)}" for k, v in sorted(doc["countries"].items())]
    head = {k: v for k, v in doc.items() if k != "countries"}
    return '{"countries":{\n' + ",\n".join(lines) + "\n}," + j(head)[1:] + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build, write, then reload the file with the runtime loader as a self-check."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("data_dir", nargs="?", type=Path, default=SOURCES)
    p.add_argument("--out", type=Path, default=ROOT / "data" / "countries.json")
    p.add_argument("--built", default=date.today().isoformat(), help="build date (YYYY-MM-DD)")
    args = p.parse_args(argv)
    doc = build(args.data_dir, args.built)
    text = dump(doc)
    assert json.loads(text) == doc
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")

    data = load_countries(args.out)
    for iso, c in doc["countries"].items():  # every name must find its own State
        for n in [iso, c["alpha2"], c["name"], *c["aliases"]]:
            found = data.search(n)
            assert found is not None and found.iso3 == iso, f"{n!r} -> {found} (want {iso})"
    keys = sorted({k for c in doc["countries"].values() for k in c["facts"]})
    print(f"wrote {args.out} ({len(doc['countries'])} countries)")
    for k in keys:
        vals = [c["facts"][k]["value"] for c in doc["countries"].values()]
        print(f"  {k:24} yes {vals.count('yes'):3}  no {vals.count('no'):3}  "
              f"dont_know {vals.count('dont_know'):3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
