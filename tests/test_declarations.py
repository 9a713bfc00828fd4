"""Reservations, opt-outs and opt-ins in the country data, State by State.

The tables below are the per-State tables a researcher drew up by hand from the UN Treaty
Collection texts (status as at 3 February 2026): which States reserved what, and the key
words that say so. scripts/declarations.py reads the same texts by rule; every State listed
here must come out with the value shown, its fact must quote the key words, and no State
outside a table may come out "yes". A lawyer signs these tables, not the regular
expressions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FACTS: dict[str, dict[str, dict[str, Any]]] = {
    iso: c["facts"] for iso, c in
    json.loads((ROOT / "data" / "countries.json").read_text(encoding="utf-8"))["countries"].items()}

# OP1-ICCPR art. 5(2)(a): the Protocol bars only a matter *being* examined elsewhere; these
# States also exclude a matter already examined (or, El Salvador, submitted) elsewhere.
CCPR_EXAMINED = {
    "HRV": "if the same matter is being examined or has already been examined under another "
           "procedure of international investigation or settlement",
    "DNK": "if the matter has already been considered under other procedures of international "
           "investigation",
    "SLV": "without competence to examine communications and/or complaints which have been "
           "submitted to other procedures of international investigation or settlement",
    "FRA": "if the same matter is being examined or has already been considered under another "
           "procedure of international investigation or settlement",
    "DEU": "which have already been considered under another procedure of international "
           "investigation or settlement",
    "ISL": "if the matter is being examined or has been examined under another procedure of "
           "international investigation or settlement",
    "IRL": "if the matter has already been considered under another procedure of "
           "international investigation or settlement",
    "ITA": "the same matter is not being and has not been examined under another procedure "
           "of international investigation or settlement",
    "LUX": "the same matter is not being examined or has not already been examined under "
           "another procedure of international investigation or settlement",
    "MLT": "the same matter is not being examined or has not already been examined under "
           "another procedure of international investigation or settlement",
    "NOR": "if the same matter has already been examined under other procedures of "
           "international investigation or settlement",
    "POL": "in cases where the matter has already been examined under another procedure of "
           "international investigation or settlement",
    "MDA": "if the matter is being or has already been examined by another international "
           "specialized body",
    "ROU": "if the matter is being or has already been examined under another procedure of "
           "international investigation or settlement",
    "SVN": "if the same matter is being examined or has already been considered under "
           "another procedure of international investigation or settlement",
    "ESP": "the same matter has not been or is not being examined under another procedure of "
           "international investigation or settlement",
    "LKA": "the same matter is not being examined or has not been examined under another "
           "procedure of international investigation or settlement",
    "SWE": "the same matter is not being examined or has not been examined under another "
           "procedure of international investigation or settlement",
    "TUR": "if the same matter has already been considered or is being considered under "
           "another procedure of international investigation or settlement",
    "UGA": "if the matter in question has already been considered under another procedure "
           "of international investigation or settlement",
}
# Austria names only the former European Commission of Human Rights: check first.
CCPR_UNCLEAR = {"AUT": "the same matter has not been examined by the European Commission on "
                       "Human Rights"}
# The USSR's understanding restates the Protocol's bar on pending matters only.
CCPR_BEING_ONLY = {"RUS": "the same matter is not being examined under another procedure of "
                          "international investigation or settlement"}
# Texts on the OP1 page that are not same-matter clauses (temporal, death penalty, ...).
CCPR_NOT_SAME_MATTER = ("CHL", "GTM", "KAZ", "GUY", "VEN", "TTO")

# ICERD art. 14 has no same-matter bar; these 18 declarations add one (both limbs).
CERD_EXAMINED = {
    "AND": "the same matter is not being examined, or has not been examined by another "
           "international body of investigation or settlement",
    "AUT": "the facts of the case are not being examined or have not been examined under "
           "another procedure of international investigation or settlement",
    "DNK": "the same matter has not been, and is not being, examined under another procedure "
           "of international investigation or settlement",
    "EST": "the same matter is not being considered or has not already been considered by "
           "another international body of investigation or settlement",
    "FIN": "the same matter is not being examined or has not been examined under another "
           "procedure of international investigation or settlement",
    "DEU": "the same matter is not being or has not been examined under another procedure of "
           "international investigation or settlement",
    "ISL": "the same matter is not being examined or has not been examined under another "
           "procedure of international investigation or settlement",
    "IRL": "the same matter is not being considered or has not already been considered by "
           "another international body of investigation or settlement",
    "ITA": "the same matter is not being considered or has not already been considered by "
           "another international body of investigation or settlement",
    "LIE": "the same matter is not being considered or has not already been considered under "
           "another international procedure of investigation or settlement",
    "MLT": "the same matter is not being considered or has not already been considered by "
           "another international body of investigation or settlement",
    "MKD": "the same matter has not been, and is not being, examined under another procedure "
           "of international investigation or settlement",
    "NOR": "the same matter is not being examined or has not been examined under another "
           "procedure of international investigation or settlement",
    "PRT": "the matter has neither been examined nor is it subject to appreciation by any "
           "other international body with powers of inquiry or decision",
    "MDA": "the same matter is not being examined or has not been examined under another "
           "procedure of international investigation or settlement",
    "SVN": "the same matter has not been, and is not being, examined under another procedure "
           "of international investigation or settlement",
    "SWE": "the same matter is not being examined or has not been examined under another "
           "procedure of international investigation or settlement",
    "CHE": "the same matter is not being examined or has not been examined under another "
           "procedure of international investigation or settlement",
}
CERD_3_MONTHS = {"ESP": "it must be exercised within three months following the date of the "
                        "final judicial decision"}

# CAT art. 28(1): no art. 20 inquiry; in force at 3 February 2026.
CAT_OPT_OUT = {
    "BHS": "does not recognize the competence of the Committee against Torture as provided "
           "for in Article 20",
    "CHN": "does not recognize the competence of the Committee against Torture as provided "
           "for in article 20",
    "DMA": "does not recognize the competence of the Committee against Torture as provided "
           "for in Article 20",
    "GNQ": "it does not recognize the competence of the Committee provided for in article 20",
    "ERI": "does not recognize the competence of the Committee provided for it in article 20",
    "FJI": "does not recognize the competence of the Committee against Torture as provided "
           "for in article(s) 20, 21 and 22",
    "ISR": "does not recognize the competence of the Committee provided for in article 20",
    "KWT": "With reservations as to article (20)",
    "LAO": "does not recognize the competence of the Committee against Torture under Article 20",
    "MRT": "does not recognize the competence granted to the Committee in article 20",
    "OMN": "does not recognize the competence of the Committee against Torture as set out in "
           "article 20",
    "PAK": "does not recognize the competence of the Committee provided for in Article 20",
    "POL": "does not consider itself bound by article 20",
    "WSM": "does not recognise the competence of the Committee against Torture as provided "
           "for in Article 20",
    "SAU": "does not recognize the jurisdiction of the Committee as provided for in article 20",
    "SYR": "does not recognize the competence of the Committee against Torture provided for "
           "in article 20",
    "ARE": "does not recognize the competence of the Committee against Torture referred to in "
           "article 20",
    "VNM": "does not recognize the competence of the Committee provided for in article 20",
}
CAT_UNCLEAR = {"CUB": "implemented with the prior consent of the States Parties"}
# Withdrawn (art. 20 applies), and the dates the footnotes give where they name one day.
CAT_WITHDRAWN = {"AFG": "17 April 2018", "BHR": "4 August 1998", "BGR": "", "CHL":
                 "7 September 1990", "CZE": "", "SVK": "", "DEU": "", "HUN": "13 September 1989",
                 "MAR": "19 October 2006", "RUS": "", "BLR": "", "UKR": "", "ZMB":
                 "19 February 1999"}
CAT_NOT_OPT_OUT = ("IDN", "QAT")

CEDAW_OPT_OUT = {"BGD": "would not undertake the obligations arising out of Articles 8 and 9",
                 "BLZ": "does not recognize the competence of the Committee provided for in "
                        "Articles 8 and 9",
                 "TJK": "without recognizing the competence of the United Nations Committee on "
                        "the Elimination of Discrimination against Women, provided in Articles "
                        "8 and 9"}
CEDAW_NOT = ("COL", "CUB", "CHL")  # withdrawn 2022; signatory only; interpretative
CRPD_OPT_OUT = {"GNB": "does not recognize the competence of the Committee under articles 6 "
                       "and 7",
                "SYR": "does not recognize the competence of the Committee provided for in "
                       "articles 6 and 7"}
CRC_OPT_OUT = {"MCO": "Pursuant to Article 13, paragraph 7, of the Protocol"}
CESCR_OPT_IN = {"BEL": "articles 11 and 12 of the Optional Protocol, an inquiry",
                "SLV": "With respect to article 11",
                "FIN": "an inquiry procedure provided for in article 11",
                "SMR": "With respect to article 11"}
CED_ART33 = {"OMN": "does not recognize the competence of the Committee in cases of "
                    "enforced disappearances provided in article 33"}

TABLES = [  # question id, the States that say "yes" and their key words
    ("ccpr_reserves_examined", CCPR_EXAMINED), ("cerd_reserves_examined", CERD_EXAMINED),
    ("cerd_limit_3_months", CERD_3_MONTHS), ("inquiry_opt_out_cat", CAT_OPT_OUT),
    ("inquiry_opt_out_cedaw", CEDAW_OPT_OUT), ("inquiry_opt_out_crpd", CRPD_OPT_OUT),
    ("inquiry_opt_out_crc", CRC_OPT_OUT), ("inquiry_opt_in_cescr", CESCR_OPT_IN),
    ("ced_refuses_art33", CED_ART33),
]


@pytest.mark.parametrize(("qid", "table"), TABLES, ids=[t[0] for t in TABLES])
def test_exactly_the_listed_states_say_yes_with_their_key_words(
        qid: str, table: dict[str, str]) -> None:
    yes = {iso for iso, facts in FACTS.items() if facts[qid]["value"] == "yes"}
    assert yes == set(table)
    for iso, words in table.items():
        fact = FACTS[iso][qid]
        assert fact["source"] == "untc"
        assert words in fact["quote"], (iso, fact["quote"])


@pytest.mark.parametrize(("qid", "iso", "words"), [
    ("ccpr_reserves_examined", *next(iter(CCPR_UNCLEAR.items()))),
    ("inquiry_opt_out_cat", *next(iter(CAT_UNCLEAR.items())))])
def test_unclear_texts_are_check_first_with_their_words(qid: str, iso: str, words: str) -> None:
    fact = FACTS[iso][qid]
    assert fact["value"] == "dont_know"
    # the note says why the words are unclear; whom to ask is the gate's `check` (12.3)
    assert words in fact["quote"] and fact["note"] and "check" not in fact["note"]
    assert sum(f[qid]["value"] == "dont_know" for f in FACTS.values()) == 1


def test_a_restated_treaty_bar_is_no_but_quoted() -> None:
    for iso, words in CCPR_BEING_ONLY.items():
        fact = FACTS[iso]["ccpr_reserves_examined"]
        assert fact["value"] == "no" and words in fact["quote"]
        assert "already decided elsewhere is not excluded" in fact["note"]


@pytest.mark.parametrize("iso", CCPR_NOT_SAME_MATTER)
def test_other_op1_texts_are_not_same_matter_clauses(iso: str) -> None:
    assert FACTS[iso]["ccpr_reserves_examined"] == {"value": "no", "source": "untc"}


@pytest.mark.parametrize(("iso", "when"), CAT_WITHDRAWN.items())
def test_withdrawn_cat_opt_outs_let_the_inquiry_apply(iso: str, when: str) -> None:
    fact = FACTS[iso]["inquiry_opt_out_cat"]
    assert fact["value"] == "no"
    if when:
        assert f"withdrawn on {when}" in fact["note"]


@pytest.mark.parametrize(("qid", "iso"), [
    *(("inquiry_opt_out_cat", i) for i in CAT_NOT_OPT_OUT),
    *(("inquiry_opt_out_cedaw", i) for i in CEDAW_NOT)])
def test_declarations_that_are_not_opt_outs(qid: str, iso: str) -> None:
    assert FACTS[iso][qid]["value"] == "no"


def test_cescr_opt_in_unknown_for_other_parties_not_no() -> None:
    """The stored UNTC section may miss article 11 declarations: a party without one is
    unknown (asked, or check first), a State outside the Protocol is a plain no."""
    for iso, facts in FACTS.items():
        fact = facts["inquiry_opt_in_cescr"]
        if iso in CESCR_OPT_IN:
            continue
        party = facts["accepts_cescr_op"]["value"] == "yes"
        assert fact["value"] == ("dont_know" if party else "no"), iso
        if party:
            assert "may be incomplete" in fact["note"]
