"""`engagewiz country`: what is open for one State, as a dict (JSON) or rich renderables.

Pure functions, no printing, so the same view serves the terminal, scripts and tests. Two
rules from the data shape every line: an empty cell is *unknown*, never "no" (shown as
"unknown - check <where>", because a user who reads "no" may drop a route that is open),
and every fact keeps its source and as-of date, with a warning when that is stale.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from engagewiz.core.results import NoteResult
from engagewiz.core.texts import CountryView, FactRow
from engagewiz.kb.countries import CountryData
from engagewiz.kb.countryfacts import Country, CountryFact
from engagewiz.kb.upr import UPR_CONFIRM, next_upr_estimate
from engagewiz.render.layout import Indented, heading

STYLE = {"yes": "green", "no": "", "dont_know": "yellow"}


def _fact(data: CountryData, country: Country, row: FactRow,
          declared: Mapping[str, tuple[FactRow, ...]]) -> dict[str, Any]:
    """One fact as JSON, with the words to show, its source's as-of date, the words quoted
    from the State's text, and the declarations shown under it; an unknown says where to
    check."""
    f = country.facts.get(row.fact) or CountryFact("dont_know", "")
    source = data.sources.get(f.source)
    out: dict[str, Any] = {"id": row.id, "label": row.label, "key": row.fact,
                           "value": f.value, "known": f.known, "date": f.date,
                           "note": f.note, "source": f.source or None,
                           "as_of": source.as_of if source else None, "quote": f.quote,
                           "declarations": [_fact(data, country, d, declared)
                                            for d in declared.get(row.id, ())]}
    if f.known:
        words = row.if_yes if f.value == "yes" else row.if_no
        if f.value == "yes" and f.date:
            words += f" since {f.date}"
    else:
        where = source.url if source else "the treaty body or regional system"
        words = f"unknown \N{EM DASH} check {where}"
        out["check_at"] = where
    if f.note and not (row.caveat and "not in force" in f.note):
        words += f" ({f.note})"
    out["text"] = words
    if row.caveat:
        out["in_force"] = False
        out["caveat"] = row.caveat.text
    if f.caveat:  # said wherever the fact is used: a contested withdrawal, a suspension
        out["data_caveat"] = f.caveat
    return out


def _warnings(data: CountryData, keys: list[str], today: date) -> list[dict[str, str]]:
    return [{"source": k, "text": w} for k in dict.fromkeys(keys)
            if k in data.sources and (w := data.sources[k].age_warning(today))]


def _value(country: Country, row: FactRow) -> str:
    f = country.facts.get(row.fact)
    return f.value if f else "dont_know"


def _upr_dict(data: CountryData, country: Country, today: date) -> dict[str, Any]:
    s, est = country.upr, next_upr_estimate(country, today)
    upr = data.sources.get("upr")
    return {
        "last": None if s is None else {"cycle": s.cycle, "session": s.session,
                                        "dates": s.dates, "status": s.status,
                                        "source": s.source, "note": s.note},
        "next_estimate": None if est is None else {
            "estimate": True, "based_on_session": est.based_on_session,
            "review_from": est.review_from.isoformat(), "review_to": est.review_to.isoformat(),
            "submission_from": est.submission_from.isoformat(),
            "submission_to": est.submission_to.isoformat(), "text": est.text,
            "confirm_at": list(est.confirm_at)},
        "check_at": upr.url if upr else UPR_CONFIRM[0],
    }


def to_dict(data: CountryData, country: Country, today: date, rows: CountryView,
            notes: tuple[NoteResult, ...] = (),
            declared: Mapping[str, tuple[FactRow, ...]] | None = None) -> dict[str, Any]:
    """Everything the command shows, in a stable shape for scripts (see tests for the keys);
    `rows` (texts.yaml) says which facts, in which words; `notes` (decided in the core)
    what does not exist for this State, and `declared` (core/declared) which reservations
    and opt-outs to show under which row."""
    shown = declared or {}
    treaties = [_fact(data, country, t.row, shown) | {
        "procedure": _fact(data, country, t.procedure, shown) if t.procedure else None}
        for t in rows.un_treaties]
    procs = [t.procedure for t in rows.un_treaties if t.procedure]
    regional = [{"system": s.name, "facts": [_fact(data, country, r, shown) for r in s.rows]}
                for s in rows.regional]
    # As for a result: a list that does not name the State (a plain "no") is no reason to
    # warn that the list is old.
    regional_sources = [country.facts[r.fact].source for s in rows.regional for r in s.rows
                        if r.fact in country.facts and country.facts[r.fact].value != "no"]
    upr_source = country.upr.source if country.upr else "upr"
    used = dict.fromkeys([f.source for f in country.facts.values()] + [upr_source])
    return {
        "country": {"iso3": country.iso3, "iso2": country.alpha2, "name": country.name,
                    "un_status": country.un_status},
        "today": today.isoformat(),
        "complaints_accepted": [p.short for p in procs
                                if _value(country, p) == "yes" and not p.caveat],
        "complaints_unknown": [p.short for p in procs if _value(country, p) == "dont_know"],
        "un_treaties": treaties,
        "regional": regional,
        "notes": [{"id": n.id, "title": n.title, "text": n.text, "check": n.check or None,
                   "source": list(n.source), "instead": [x.id for x in n.instead]}
                  for n in notes],
        "upr": _upr_dict(data, country, today),
        "sources": {k: {"citation": data.sources[k].citation, "as_of": data.sources[k].as_of,
                        "url": data.sources[k].url, "note": data.sources[k].note}
                    for k in used if k in data.sources},
        "warnings": {"un_treaties": _warnings(data, ["untc"], today),
                     "regional": _warnings(data, regional_sources, today),
                     "upr": _warnings(data, [upr_source], today)},
    }


_ASCII = str.maketrans({"\N{EM DASH}": "-", "\N{LEFT DOUBLE QUOTATION MARK}": '"',
                        "\N{RIGHT DOUBLE QUOTATION MARK}": '"',
                        "\N{RIGHT SINGLE QUOTATION MARK}": "'"})


def _plain(text: str, plain: bool) -> str:
    """ASCII marks for --plain, as the other reports use (dashes and quotation marks)."""
    return text.translate(_ASCII) if plain else text


def _line(fact: dict[str, Any], plain: bool, indent: int = 0) -> RenderableType:
    text = Text(f"{fact['label']}: ")
    text.append(_plain(fact["text"], plain), style=STYLE.get(fact["value"], ""))
    return Indented(text, indent, max(4, indent + 2))


def _lines(fact: dict[str, Any], view: dict[str, Any], plain: bool,
           indent: int = 0) -> list[RenderableType]:
    """A fact, what must be said wherever it is used (the row's caveat, the data's), then
    each reservation, opt-out or declaration shown under it: one the data hold (or cannot
    read) with its source, its as-of date and the State's own words."""
    out = [_line(fact, plain, indent)]
    out += [Indented(Text(_plain(fact[key], plain), style="yellow"), indent + 2)
            for key in ("caveat", "data_caveat") if fact.get(key)]
    for d in fact["declarations"]:
        out.append(_line(d, plain, indent + 2))
        source = view["sources"].get(d["source"])
        if d["value"] != "no" and source:
            said = f"Per {source['citation']}, as of {d['as_of'] or 'an unknown date'}" + (
                f": \N{LEFT DOUBLE QUOTATION MARK}{d['quote']}\N{RIGHT DOUBLE QUOTATION MARK}"
                if d["quote"] else ".")
            out.append(Indented(Text(_plain(said, plain), style="dim"), indent + 4))
    return out


def _notes(warnings: list[dict[str, str]]) -> list[RenderableType]:
    return [Indented(Text.assemble(("Warning: ", "yellow"), w["text"]), 0, 2)
            for w in warnings]


def render(view: dict[str, Any], plain: bool = False) -> list[RenderableType]:
    """The terminal view of :func:`to_dict`: rules and wrapped text only (fits 60 columns)."""
    c = view["country"]
    status = "UN member State" if c["un_status"] == "member" else "UN observer State"
    accepted, unknown = view["complaints_accepted"], view["complaints_unknown"]
    out: list[RenderableType] = [
        Text(f"{c['name']} ({c['iso3']} / {c['iso2']}), {status}", style="bold"),
        Text("What is open for this State, at a glance. Guidance, not legal advice: "
             "check each fact with the body before you file."),
        Text(f"UN individual complaints accepted: {', '.join(accepted) or 'none'}."
             + (f" Unknown: {', '.join(unknown)}." if unknown else "")),
        *heading("UN treaties and complaint procedures", plain)]
    untc = view["sources"].get("untc")
    if untc:
        out.append(Text(f"Per {untc['citation']}, as of {untc['as_of']}.", style="dim"))
    out += _notes(view["warnings"]["un_treaties"])
    if not view["un_treaties"]:
        out.append(Text("No treaty is listed under `country:` in this knowledge base's "
                        "texts.yaml.", style="dim"))
    for t in view["un_treaties"]:
        out += _lines(t, view, plain)
        if t["procedure"]:
            out += _lines(t["procedure"], view, plain, indent=2)
    if view["regional"]:  # a knowledge base's texts.yaml may list none
        out += [*heading("Regional systems and courts", plain),
                *_notes(view["warnings"]["regional"])]
    for section in view["regional"]:
        out.append(Text(section["system"], style="bold"))
        out += [line for f in section["facts"] for line in _lines(f, view, plain, indent=2)]
    if view["notes"]:
        out += heading("Where nothing can be filed", plain)
    for note in view["notes"]:
        out += [Text(note["title"], style="bold"), Indented(Text(note["text"]), 2)]
    out += [*heading("Universal Periodic Review (UPR)", plain), *_notes(view["warnings"]["upr"]),
            *_upr(view["upr"], plain), *heading("Sources", plain)]
    out += [Indented(Text(f"{s['citation']}, as of {s['as_of'] or 'an unknown date'}: "
                          f"{s['url']}"), 0, 2) for s in view["sources"].values()]
    out.append(Text("The sources' notes are in --format json.", style="dim"))
    return [Indented(x, 0) if isinstance(x, Text) else x for x in out]  # no trailing blanks


def _upr(upr: dict[str, Any], plain: bool) -> list[RenderableType]:
    last, est = upr["last"], upr["next_estimate"]
    unknown = _plain(f"unknown \N{EM DASH} check {upr['check_at']}", plain)
    if last is None:
        return [Text.assemble("Last review: ", (unknown, "yellow")),
                Text.assemble("Next review and submission window: ", (unknown, "yellow"))]
    held = "held" if last["status"] == "held" else "scheduled but not held"
    line = Text(f"Last review: session {last['session']} (cycle {last['cycle']}), "
                f"{last['dates']}, {held}.")
    if last["note"]:
        line.append(f" {last['note']}", style="dim")
    out: list[RenderableType] = [Indented(line, 0, 2)]
    if est is not None:
        out += [Text("Next review and submission window (estimates):", style="bold"),
                Indented(Text(est["text"]), 2)]
    return out
