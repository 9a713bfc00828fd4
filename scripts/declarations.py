"""Reservations, opt-outs and opt-ins read from the UNTC declaration texts, for build_countries.

Why a module of its own: these facts are derived by reading treaty language, and a lawyer
must be able to check each reading rule against the texts. Each rule below says what
wording it looks for; tests/test_declarations.py holds the result to the per-State tables
a researcher drew up by hand from the same texts (every State, its value, its key words).

Input: ``un_declarations_text.csv`` (UN Treaty Collection, status as at 3 February 2026),
one row per State and instrument with the declaration and reservation texts and the
footnotes that record withdrawals. Output: one fact per State and question id, with the
verbatim key words (``quote``) that decide it. A State with no text has no such
reservation ("no"); a text whose reach is unclear gives "dont_know" (check first).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

Fact = dict[str, str]
Rows = Mapping[tuple[str, str], list[dict[str, str]]]

# The same-matter clause: another procedure of international investigation or settlement,
# or the variants States used (a body, a specialised body, the former European Commission).
_FORUM = (r"(?:procedures?|body) of (?:international )?investigation(?: or settlement)?"
          r"|international (?:procedure|body) of investigation or settlement"
          r"|international specialized body"
          r"|international body with powers of inquiry or decision"
          r"|European Commission (?:on|of) Human Rights")
_ALREADY = re.compile(r"ha(?:s|ve)\s+(?:not\s+)?(?:already\s+)?been(?:,?\s+(?:and|or)\b|\s+"
                      r"(?:examined|considered|submitted))|neither been examined"
                      r"|already (?:been )?(?:examined|considered)", re.I)
_BEING = re.compile(r"\b(?:is|are)\s+(?:not\s+)?being\s+(?:examined|considered)"
                    r"|is being or has|not being and has not|being examined", re.I)
_BOUNDARY = re.compile(r"[.;:]\s|\n")
_END = re.compile(r"[.;](?:\s|$)|\n")
_CLAUSE_START = re.compile(
    r"\b(?:if|unless|insofar as|provided that|to the effect that|in cases where|"
    r"that the (?:same matter|matter|facts)|the Committee (?:being )?(?:also )?without|"
    r"shall not (?:have competence|apply|consider)|does not accept)\b", re.I)


@dataclass(frozen=True)
class Reading:
    """What a text says for one question: the value, the deciding words, a note."""

    value: str
    quote: str = ""
    note: str = ""


def read_rows(rows: Iterable[dict[str, str]]) -> Rows:
    """Group the CSV rows by (iso3, instrument); the one row without an ISO code is dropped."""
    out: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["iso3"]:
            out[(row["iso3"], row["instrument"])].append(row)
    return out


def _flat(text: str) -> str:
    """Spaces collapsed; line breaks kept, since a heading line ends a clause."""
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in text.splitlines()).strip()


def _text(rows: Rows, iso: str, instrument: str, section: str | None = None) -> str:
    """The declaration texts (not the footnotes) of a State for an instrument, one string."""
    return _flat("\n".join(r["text"] for r in rows.get((iso, instrument), [])
                          if section is None or r["section"] == section))


def _notes(rows: Rows, iso: str, instrument: str) -> str:
    return _flat(" ".join(r["footnotes"] for r in rows.get((iso, instrument), [])))


def quote_around(text: str, match: re.Match[str], limit: int = 260) -> str:
    """The clause that holds ``match``: from the start of its sentence (or from the last
    clause opener, "if", "unless"..., when the sentence is long) to the sentence's end."""
    start = 0
    for b in _BOUNDARY.finditer(text, 0, match.start()):
        start = b.end()
    openers = list(_CLAUSE_START.finditer(text, start, match.start()))
    cut = openers[-1].start() if openers and match.end() - start > limit else start
    end_m = _END.search(text, match.end())
    words = re.sub(r"\s+", " ", text[cut:end_m.start() if end_m else len(text)])
    words = words.strip(" ,.\"“”\u2018\u2019…")
    return ("..." if cut > start else "") + words


def _same_matter(text: str, *, being_is_treaty: bool) -> Reading | None:
    """A same-matter clause in ``text``: which limbs it bars, and its key words."""
    m = re.search(_FORUM, text, re.I)
    if m is None:
        return None
    clause = quote_around(text, m)
    if re.search(r"European Commission (?:on|of) Human Rights", clause, re.I):
        return Reading("dont_know", clause, "names only the former European Commission of "
                       "Human Rights; whether it reaches decisions of the European Court "
                       "is for the Committee to decide")
    if _ALREADY.search(clause):
        note = "keyed to matters submitted elsewhere, the broadest text" if re.search(
            r"submitted", clause) else ""
        return Reading("yes", clause, note)
    if _BEING.search(clause):
        note = ("restates the Protocol's own bar on matters being examined; a matter "
                "already decided elsewhere is not excluded") if being_is_treaty else ""
        return Reading("yes" if not being_is_treaty else "no", clause, note)
    return None


def ccpr_reserves_examined(rows: Rows, iso: str) -> Reading | None:
    """OP1-ICCPR: did the State exclude matters already examined elsewhere (art. 5(2)(a))?

    The Protocol itself bars only a matter *being* examined; a reservation or
    understanding that adds "has been examined/considered" (or "submitted") extends it.
    """
    return _same_matter(_text(rows, iso, "ICCPR-OP1"), being_is_treaty=True)


def cerd_reserves_examined(rows: Rows, iso: str) -> Reading | None:
    """ICERD art. 14 has no same-matter bar: any clause in a declaration adds one."""
    return _same_matter(_text(rows, iso, "ICERD", "article"), being_is_treaty=False)


def cerd_limit_3_months(rows: Rows, iso: str) -> Reading | None:
    """A declaration that shortens CERD's 6 months to three (Spain)."""
    text = _text(rows, iso, "ICERD", "article")
    m = re.search(r"within three months following the date of the final judicial decision",
                  text)
    return Reading("yes", quote_around(text, m)) if m else None


_ART20 = re.compile(
    r"(?:not recogni[sz]e the (?:competence|jurisdiction|authority)[^.;]{0,90}?"
    r"articles?\s*(?:\(s\)\s*)?\(?20\b"
    r"|not consider itself bound by article 20|With reservations as to article \(20\)"
    r"|reservation on article 20)", re.I)
_WITHDRAWAL = re.compile(r"[^.]*\bwithdr(?:aw|ew)\b[^.]{0,300}?(?:articles?\s*"
                         r"(?:\d+\s*(?:\(\d\))?\s*(?:,|and)\s*)*\(?20\b"
                         r"|authority of the committee)[^.]*", re.I)
_DATE = re.compile(r"\b(\d{1,2} (?:January|February|March|April|May|June|July|August|"
                   r"September|October|November|December) \d{4})\b")


def _withdrawn(notes: str) -> str | None:
    """The note for a withdrawn art. 20 reservation, with its date when only one is given
    (a footnote that lists several States "respectively" names no single date)."""
    m = _WITHDRAWAL.search(notes)
    if m is None:
        return None
    dates = _DATE.findall(m.group(0))
    when = f" on {dates[0]}" if len(dates) == 1 and "respectively" not in m.group(0) else ""
    return f"reservation to article 20 withdrawn{when} (UNTC footnote)"


def cat_art20_opt_out(rows: Rows, iso: str) -> Reading | None:
    """CAT art. 28(1): a State that does not recognise the art. 20 inquiry competence.

    In force where the text says so and no footnote records its withdrawal; a declaration
    "in accordance with article 28" that only conditions the inquiry (Cuba) is unclear.
    """
    text, notes = _text(rows, iso, "CAT", "general"), _notes(rows, iso, "CAT")
    withdrawn = _withdrawn(notes)
    if withdrawn:
        return Reading("no", "", withdrawn)
    m = _ART20.search(text)
    if m:
        return Reading("yes", quote_around(text, m))
    c = re.search(r"in accordance with article 28[^.]*article 20[^.]*prior consent", text, re.I)
    if c:
        return Reading("dont_know", quote_around(text, c), "a declaration under article 28 "
                       "that conditions the inquiry on the State's prior consent without "
                       "excluding it")
    return None


def _opt_out(instrument: str, pattern: str) -> Callable[[Rows, str], Reading | None]:
    def read(rows: Rows, iso: str) -> Reading | None:
        text = _text(rows, iso, instrument)
        m = re.search(pattern, text, re.I)
        return Reading("yes", quote_around(text, m)) if m else None
    return read


# OP-CEDAW art. 10 (arts 8-9), OP-CRPD art. 8 (arts 6-7), OPIC art. 13(7).
cedaw_opt_out = _opt_out("OP-CEDAW", r"(?:not undertake the obligations arising out of|"
                         r"(?:not|without) recogni[sz]\w* the competence of the[^.]{0,120}?)"
                         r"\s*Articles 8 and 9")
crpd_opt_out = _opt_out("OP-CRPD", r"not recognize the competence of the Committee[^.]{0,60}?"
                        r"articles 6 and 7")
crc_opt_out = _opt_out("OP3-CRC", r"Article 13, paragraph 7[^.]*does not recognize the "
                       r"competence")


def cescr_opt_in(rows: Rows, iso: str) -> Reading | None:
    """OP-ICESCR art. 11 is opt-in: a declaration recognising the inquiry competence. The
    deciding line is the one naming article 11, joined to the "recognizes" clause when
    the State listed the procedures under one opening sentence (Belgium)."""
    text = _text(rows, iso, "OP-ICESCR", "article")
    for line in text.splitlines():
        m = re.search(r"\barticles? 11\b", line, re.I)
        if m is None or line.strip().lower() in ("article 11",):
            continue
        r = re.search(r"recogni[sz]\w* the competence[^\n]*?(?=\s*$|\n)", text)
        if "recogni" in line.lower():
            return Reading("yes", quote_around(line, m, limit=400))
        if r:
            return Reading("yes", f"{r.group(0).strip()} ... {line.strip(' -')}")
    return None


# ICPPED art. 33 (visits): a State that does not recognise that competence (Oman).
ced_art33_refused = _opt_out("CPED", r"not recognize the competence of the Committee[^.]{0,80}"
                             r"article 33")


# question id -> (instrument whose parties the reading concerns, reader, what a State
# that the reader finds nothing for gets). The instrument is the procedure in
# un_individual_complaints / un_treaty_status that must be in force for the fact to
# matter; elsewhere the fact is "no" (nothing reserved or declared).
READERS: dict[str, tuple[str, Callable[[Rows, str], Reading | None]]] = {
    "ccpr_reserves_examined": ("CCPR-OP1", ccpr_reserves_examined),
    "cerd_reserves_examined": ("CERD-14", cerd_reserves_examined),
    "cerd_limit_3_months": ("CERD-14", cerd_limit_3_months),
    "inquiry_opt_out_cat": ("CAT", cat_art20_opt_out),
    "inquiry_opt_out_cedaw": ("OP-CEDAW", cedaw_opt_out),
    "inquiry_opt_out_crpd": ("OP-CRPD", crpd_opt_out),
    "inquiry_opt_out_crc": ("OP3-CRC", crc_opt_out),
    "inquiry_opt_in_cescr": ("OP-ICESCR", cescr_opt_in),
    "ced_refuses_art33": ("CPED", ced_art33_refused),
}
# Where the data cannot show a "no": the stored OP-ICESCR section may miss declarations
# (the researcher's note on the UNTC page), so a party without one is not known.
NOT_SHOWN = {"inquiry_opt_in_cescr": "no article 11 declaration in the UNTC section read, "
             "which may be incomplete"}


def declaration_facts(rows: Rows, iso: str, bound: Callable[[str], bool]) -> dict[str, Fact]:
    """The reservation, opt-out and opt-in facts of one State. ``bound(instrument)`` says
    whether the State is party to it (or accepts the procedure) today."""
    out: dict[str, Fact] = {}
    for qid, (instrument, reader) in READERS.items():
        reading = reader(rows, iso)
        party = bound(instrument)
        if reading is not None and reading.value == "yes" and not party:
            reading = Reading("no", "", f"made when signing; the State is not a party "
                              f"to {instrument}") if reading.quote else None
        if reading is None:
            reading = Reading("dont_know", "", NOT_SHOWN[qid]) if (
                party and qid in NOT_SHOWN) else Reading("no")
        fact = {"value": reading.value, "source": "untc"}
        fact.update({k: v for k, v in (("quote", reading.quote), ("note", reading.note)) if v})
        out[qid] = fact
    return out
