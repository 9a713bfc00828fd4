"""Country data: well-known facts, the unknown-is-not-no rule, lookup and estimates.

The bundled data/countries.json is checked against facts any practitioner knows (if one
of these fails, the build or a source is wrong) and against the CSVs it is built from
(scripts/country-sources, in the repository, so these checks run everywhere).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import TODAY
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.prefill import with_country_facts
from engagewiz.errors import InputError
from engagewiz.kb.countries import CountryData, load_countries, normalize
from engagewiz.kb.countryfacts import Country, data_age_warning
from engagewiz.kb.places import Found, read_places
from engagewiz.kb.upr import next_upr_estimate

ROOT = Path(__file__).resolve().parents[1]
JSON_PATH = ROOT / "data" / "countries.json"
SOURCES = ROOT / "scripts" / "country-sources"
FACT_KEYS = {
    "ratified_cat", "ratified_iccpr", "ratified_icescr", "ratified_icerd", "ratified_cedaw",
    "ratified_crc", "ratified_crpd", "ratified_cped", "ratified_icmw", "ratified_opcat",
    "accepts_cat22", "accepts_ccpr_op1", "accepts_cescr_op", "accepts_cerd14",
    "accepts_cedaw_op", "accepts_crc_op3", "accepts_crpd_op", "accepts_ced31", "accepts_cmw77",
    "coe_member", "oas_member", "achr_party", "iacthr_jurisdiction", "afcourt_protocol",
    "afcourt_34_6", "african_charter_party", "acrwc_party",
    # treaty, not membership; reservations and opt-outs (tests/test_declarations.py)
    "echr_party", "ecpt_party", "un_member", "ccpr_reserves_examined",
    "cerd_reserves_examined", "cerd_limit_3_months", "inquiry_opt_out_cat",
    "inquiry_opt_out_cedaw", "inquiry_opt_out_crpd", "inquiry_opt_out_crc",
    "inquiry_opt_in_cescr", "ced_refuses_art33",
    # sub-regional courts, regions without a complaint body, the Social Charter
    "ecowas_member", "eac_member", "sadc_member", "asean_member", "arab_charter_party",
    "esc_collective_complaints",
}


@pytest.fixture(scope="module")
def data() -> CountryData:
    return load_countries(JSON_PATH)


def csv_rows(name: str) -> list[dict[str, str]]:
    with (SOURCES / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def c(data: CountryData, iso3: str) -> Country:
    country = data.get(iso3)
    assert country is not None, iso3
    return country


# --- coverage and shape ---------------------------------------------------------------


def test_all_193_un_members_and_2_observers(data: CountryData) -> None:
    rows = csv_rows("countries_summary.csv")
    members = {r["iso3"] for r in rows if r["un_status"] == "member"}
    assert len(members) == 193
    assert {x.iso3 for x in data if x.un_status == "member"} == members
    assert {x.iso3 for x in data if x.un_status == "observer"} == {"VAT", "PSE"}
    assert len(data) == 195


def test_every_country_has_exactly_the_question_ids(data: CountryData) -> None:
    for country in data:
        assert set(country.facts) == FACT_KEYS, country.iso3
        for key, f in country.facts.items():
            assert f.value in ("yes", "no", "dont_know"), (country.iso3, key)
            assert f.source in data.sources, (country.iso3, key)


def test_sources_have_as_of_dates(data: CountryData) -> None:
    assert data.sources["untc"].as_of == "2026-02-03"
    for key in ("untc", "coe", "oas", "afcourt", "african-charter", "upr", "ecowas", "eac",
                "sadc", "asean", "arab-charter", "esc"):
        assert data.sources[key].citation and data.sources[key].url.startswith("https://")


def _members(data: CountryData, key: str) -> set[str]:
    return {c.iso3 for c in data if c.facts[key].value == "yes"}


def test_the_communities_as_the_sources_list_them(data: CountryData) -> None:
    """ECOWAS after the 2025 exits (12), the EAC with Somalia (8), SADC (16), ASEAN with
    Timor-Leste (11), the Arab Charter's 16 parties and the Social Charter's 16 acceptances."""
    assert _members(data, "ecowas_member") == {"BEN", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB",
                                               "LBR", "NGA", "SEN", "SLE", "TGO"}
    assert _members(data, "eac_member") == {"BDI", "COD", "KEN", "RWA", "SOM", "SSD", "TZA",
                                            "UGA"}
    assert len(_members(data, "sadc_member")) == 16 and "COM" in _members(data, "sadc_member")
    assert len(_members(data, "asean_member")) == 11 and "TLS" in _members(data, "asean_member")
    assert len(_members(data, "arab_charter_party")) == 16
    assert _members(data, "esc_collective_complaints") == {
        "BEL", "BGR", "HRV", "CYP", "CZE", "FIN", "FRA", "GRC", "IRL", "ITA", "NLD", "NOR",
        "PRT", "SVN", "SWE", "ESP"}


def test_the_ecowas_exits_carry_their_date_and_never_read_as_members(data: CountryData) -> None:
    for iso in ("BFA", "MLI", "NER"):
        f = data.get(iso).facts["ecowas_member"]  # type: ignore[union-attr]
        assert (f.value, f.until) == ("no", "2025-01-29"), iso
        assert "29 July 2025" in (f.note or "")
    guinea = data.get("GIN").facts["ecowas_member"]  # type: ignore[union-attr]
    assert guinea.value == "yes" and "registry" in (guinea.caveat or "")


def test_a_social_charter_acceptance_not_found_is_unknown_never_no(data: CountryData) -> None:
    """Council of Europe members outside the known list may have accepted since: unknown."""
    for c in data:
        f = c.facts["esc_collective_complaints"]
        if c.facts["coe_member"].value == "yes" and f.value != "yes":
            assert f.value == "dont_know" and "ETS No. 158" in (f.note or ""), c.iso3
        if c.facts["coe_member"].value == "no":
            assert f.value == "no", c.iso3


def test_treaty_facts_match_the_csv(data: CountryData) -> None:
    """Every ratified_* value is exactly "party -> yes, anything else -> no"."""
    inst = {"ratified_cat": "CAT", "ratified_iccpr": "ICCPR", "ratified_opcat": "OP-CAT",
            "ratified_icmw": "ICMW", "ratified_cedaw": "CEDAW", "ratified_crc": "CRC"}
    rows = {(r["iso3"], r["instrument"]): r for r in csv_rows("un_treaty_status.csv")}
    for country in data:
        for key, name in inst.items():
            row = rows[(country.iso3, name)]
            want = "yes" if row["status"] == "party" else "no"
            assert country.facts[key].value == want, (country.iso3, key)
            if want == "yes":
                assert country.facts[key].date == row["consent_date"]


def test_complaint_facts_match_the_csv(data: CountryData) -> None:
    rows = csv_rows("un_individual_complaints.csv")
    key = {"CAT-22": "accepts_cat22", "CERD-14": "accepts_cerd14", "CCPR-OP1": "accepts_ccpr_op1",
           "CMW-77": "accepts_cmw77", "CED-31": "accepts_ced31", "CRC-OP3": "accepts_crc_op3"}
    for r in rows:
        if r["procedure"] in key:
            got = c(data, r["iso3"]).facts[key[r["procedure"]]].value
            assert got == ("yes" if r["accepted"] == "yes" else "no"), r


# --- well-known facts ------------------------------------------------------------------


def test_usa(data: CountryData) -> None:
    usa = c(data, "USA")
    assert usa.facts["ratified_cedaw"].value == "no"
    assert "signed 1980" in (usa.facts["ratified_cedaw"].note or "")
    assert usa.facts["ratified_crc"].value == "no"
    assert usa.facts["ratified_cat"].value == "yes"
    assert usa.facts["accepts_cat22"].value == "no"  # art. 21 only
    assert usa.facts["oas_member"].value == "yes"
    assert usa.facts["achr_party"].value == "no"


def test_canada_and_kenya_cat(data: CountryData) -> None:
    assert c(data, "CAN").facts["accepts_cat22"].value == "yes"
    assert c(data, "CAN").facts["accepts_cat22"].date == "1989-11-13"
    ken = c(data, "KEN")
    assert ken.facts["ratified_cat"].value == "yes"
    assert ken.facts["ratified_cat"].date == "1997-02-21"
    assert ken.facts["ratified_cat"].note == "accession"
    assert ken.facts["accepts_cat22"].value == "no"


def test_uk_op_cedaw_but_not_cat22(data: CountryData) -> None:
    gbr = c(data, "GBR")
    assert gbr.facts["accepts_cedaw_op"].value == "yes"
    assert gbr.facts["accepts_cedaw_op"].date == "2004-12-17"
    assert gbr.facts["accepts_cat22"].value == "no"
    assert gbr.facts["coe_member"].value == "yes"


def test_russia_left_council_of_europe(data: CountryData) -> None:
    coe = c(data, "RUS").facts["coe_member"]
    assert coe.value == "no"
    assert coe.note == ("left the Council of Europe on 16 March 2022; "
                        "ECHR party until 16 September 2022")
    assert sum(x.facts["coe_member"].value == "yes" for x in data) == 46


def test_tunisia_withdrew_34_6(data: CountryData) -> None:
    f = c(data, "TUN").facts["afcourt_34_6"]
    assert f.value == "no"
    assert "7 March 2025" in (f.note or "") and "March 2026" in (f.note or "")
    assert c(data, "TUN").facts["afcourt_protocol"].value == "yes"
    remaining = {x.iso3 for x in data if x.facts["afcourt_34_6"].value == "yes"}
    assert remaining == {"BFA", "MWI", "MLI", "GHA", "GMB", "NER", "GNB"}


def test_ccpr_op1_denunciations_are_no_with_a_note(data: CountryData) -> None:
    for iso in ("JAM", "TTO", "BLR"):
        f = c(data, iso).facts["accepts_ccpr_op1"]
        assert f.value == "no" and "denounced" in (f.note or ""), iso
    assert c(data, "BLR").facts["accepts_ccpr_op1"].date == "2023-02-08"


def test_cmw77_only_five_and_not_in_force(data: CountryData) -> None:
    yes = {x.iso3 for x in data if x.facts["accepts_cmw77"].value == "yes"}
    assert yes == {"GTM", "MEX", "URY", "SLV", "ECU"}
    assert "not in force" in (c(data, "MEX").facts["accepts_cmw77"].note or "")


def test_inter_american(data: CountryData) -> None:
    assert sum(x.facts["oas_member"].value == "yes" for x in data) == 34
    assert "suspended" in (c(data, "CUB").facts["oas_member"].note or "")
    assert c(data, "NIC").facts["oas_member"].value == "no"
    assert c(data, "NIC").facts["achr_party"].value == "yes"  # not denounced per sources
    assert c(data, "VEN").facts["achr_party"].value == "no"
    assert c(data, "JAM").facts["achr_party"].value == "yes"
    assert c(data, "JAM").facts["iacthr_jurisdiction"].value == "no"
    assert sum(x.facts["iacthr_jurisdiction"].value == "yes" for x in data) == 20
    assert c(data, "FRA").facts["iacthr_jurisdiction"].value == "no"


# --- the days a State was bound: what the rules on the date of the facts read ----------


@pytest.mark.parametrize(("iso", "key", "since", "until"), [
    # American Convention: denounced; acts before the day it took effect stay within it
    ("VEN", "achr_party", "1977-08-09", "2013-09-10"),
    ("VEN", "iacthr_jurisdiction", "1981-06-24", "2013-09-10"),
    ("TTO", "achr_party", "1991-05-28", "1999-05-28"),
    ("TTO", "iacthr_jurisdiction", "1991-05-28", "1999-05-28"),
    # OP1-ICCPR: the day the denunciation took effect (Jamaica's computed: art. 12(1))
    ("JAM", "accepts_ccpr_op1", "1975-10-03", "1998-01-23"),
    ("TTO", "accepts_ccpr_op1", "1980-11-14", "2000-06-27"),
    ("BLR", "accepts_ccpr_op1", "1992-09-30", "2023-02-08"),
    # European Convention: Russia for acts up to 16 September 2022
    ("RUS", "echr_party", None, "2022-09-16"),
    # African Court art. 34(6): a withdrawal takes effect 12 months after its deposit
    ("RWA", "afcourt_34_6", "2013-02-06", "2017-03-01"),
    ("TZA", "afcourt_34_6", "2010-03-29", "2020-11-14"),
    ("BEN", "afcourt_34_6", "2016-02-08", "2021-03-24"),
    ("CIV", "afcourt_34_6", "2013-07-23", "2021-04-28"),
    ("TUN", "afcourt_34_6", "2017-06-02", "2026-03-07"),
])
def test_denunciations_and_withdrawals_have_the_day_they_took_effect(
        data: CountryData, iso: str, key: str, since: str | None, until: str) -> None:
    f = c(data, iso).facts[key]
    assert (f.value, f.since, f.until) == ("no", since, until)


def test_a_party_is_bound_from_its_consent_date(data: CountryData) -> None:
    assert c(data, "KEN").facts["ratified_cat"].bound_from == "1997-02-21"
    assert c(data, "CAN").facts["accepts_cat22"].bound_from == "1989-11-13"
    assert c(data, "ESP").facts["coe_member"].date == "1977"  # a year only: not a day
    assert c(data, "ESP").facts["coe_member"].bound_from is None
    assert c(data, "GBR").facts["echr_party"].bound_from is None  # no date in the data


def test_treaty_not_membership(data: CountryData) -> None:
    """Nicaragua left the OAS but not the American Convention; Russia left the Council of
    Europe, and whether it is still bound by the CPT's Convention is not confirmed;
    the two UN observer States are not Member States (the UPR reviews Members)."""
    nic = c(data, "NIC").facts
    assert nic["oas_member"].value == "no" and nic["achr_party"].value == "yes"
    assert "still party to the American Convention" in (nic["oas_member"].note or "")
    rus = c(data, "RUS").facts["ecpt_party"]
    assert rus.value == "dont_know" and "29 September 2025" in (rus.caveat or "")
    assert sum(x.facts["ecpt_party"].value == "yes" for x in data) == 46
    assert "contested" in (c(data, "VEN").facts["oas_member"].caveat or "")
    assert {x.iso3 for x in data if x.facts["un_member"].value == "no"} == {"PSE", "VAT"}


# --- unknown is not "no" -----------------------------------------------------------------


def test_african_state_not_among_33_is_unknown_not_no(data: CountryData,
                                                      kb: KnowledgeBase) -> None:
    """Ethiopia is not among the 33 identified Protocol parties: the 34th is unidentified."""
    eth = c(data, "ETH")
    assert eth.facts["afcourt_protocol"].value == "dont_know"
    assert "34" in (eth.facts["afcourt_protocol"].note or "")
    asked = with_country_facts(kb, {"country": "ETH"}, data, TODAY, unknown_as_dont_know=False)
    assert "afcourt_protocol" not in asked.answers  # the interview still asks the user
    scripted = with_country_facts(kb, {"country": "ETH"}, data, TODAY)
    assert scripted.answers["afcourt_protocol"] == "dont_know"  # a script: check first
    assert c(data, "FRA").facts["afcourt_protocol"].value == "no"  # not African: no


def test_every_unlisted_african_state_is_unknown(data: CountryData) -> None:
    listed = {r["iso3"] for r in csv_rows("regional_african.csv")}
    african = {x.iso3 for x in data if x.facts["african_charter_party"].value == "yes"} | {"MAR"}
    assert len(african) == 54 and listed - {"ESH"} <= african
    for iso in african - listed:
        assert c(data, iso).facts["afcourt_protocol"].value == "dont_know", iso
        assert c(data, iso).facts["acrwc_party"].value == "dont_know", iso


def test_african_charter(data: CountryData) -> None:
    assert c(data, "MAR").facts["african_charter_party"].value == "no"
    assert c(data, "KEN").facts["african_charter_party"].value == "yes"
    assert c(data, "ZAF").facts["african_charter_party"].value == "yes"
    assert c(data, "BRA").facts["african_charter_party"].value == "no"
    assert c(data, "BRA").facts["acrwc_party"].value == "no"


def test_prefill_keeps_known_facts_with_sources(data: CountryData, kb: KnowledgeBase) -> None:
    filled = with_country_facts(kb, {"country": "KEN"}, data, TODAY, unknown_as_dont_know=False)
    assert filled.answers["ratified_cat"] == "yes"
    assert filled.provenance["ratified_cat"].startswith("per UN Treaty Collection")
    assert filled.answers["accepts_cat22"] == "no"
    assert all(v != "dont_know" for k, v in filled.answers.items() if k != "country")


# --- lookup ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Kenya", "KEN"), ("kenya", "KEN"), ("  KENYA ", "KEN"), ("KEN", "KEN"), ("ke", "KEN"),
        ("Republic of Kenya", "KEN"),
        ("Ivory Coast", "CIV"), ("Cote d'Ivoire", "CIV"), ("Côte d\u2019Ivoire", "CIV"),
        ("COTE D IVOIRE", "CIV"),
        ("Turkiye", "TUR"), ("Türkiye", "TUR"), ("Turkey", "TUR"),
        ("Russia", "RUS"), ("Russian Federation", "RUS"),
        ("UK", "GBR"), ("U.K.", "GBR"), ("GB", "GBR"), ("Great Britain", "GBR"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("USA", "USA"), ("U.S.A.", "USA"), ("United States", "USA"), ("us", "USA"),
        ("Iran", "IRN"), ("Iran (Islamic Republic of)", "IRN"), ("Syria", "SYR"),
        ("Cape Verde", "CPV"), ("Czech Republic", "CZE"), ("Vietnam", "VNM"), ("Laos", "LAO"),
        ("Bolivia", "BOL"), ("Venezuela", "VEN"), ("Tanzania", "TZA"),
        ("South Korea", "KOR"), ("North Korea", "PRK"), ("Moldova", "MDA"),
        ("Palestine", "PSE"), ("Vatican", "VAT"), ("Holy See", "VAT"), ("Micronesia", "FSM"),
        ("Congo-Brazzaville", "COG"), ("Congo", "COG"), ("DRC", "COD"),
        ("Democratic Republic of the Congo", "COD"), ("Eswatini", "SWZ"), ("Swaziland", "SWZ"),
        ("Myanmar", "MMR"), ("Burma", "MMR"), ("St. Lucia", "LCA"), ("Saint Lucia", "LCA"),
        ("Bahamas (The)", "BHS"), ("The Gambia", "GMB"), ("Netherlands", "NLD"),
    ],
)
def test_search(data: CountryData, text: str, iso3: str) -> None:
    found = data.search(text)
    assert found is not None and found.iso3 == iso3, text


@pytest.mark.parametrize("text", ["", "   ", "Atlantis", "Korea", "XX", "Kenia"])
def test_search_does_not_guess(data: CountryData, text: str) -> None:
    assert data.search(text) is None


def test_suggest(data: CountryData) -> None:
    assert data.suggest("Kenia")[0] == "Kenya"
    assert data.suggest("Tunesia")[0] == "Tunisia"
    assert data.suggest("Ivory cost")[0] == "Côte d'Ivoire"
    assert set(data.suggest("Korea", n=2)) == {"South Korea", "North Korea"}
    s = data.suggest("Guinea", n=3)
    assert len(s) == len(set(s)) <= 3
    assert data.suggest("zzzzzzzz") == []


def test_normalize() -> None:
    assert normalize("Côte d\u2019Ivoire") == normalize("cote d'ivoire") == "cote d ivoire"
    assert normalize("U.S.A.") == "usa"
    assert normalize("St. Kitts & Nevis") == "saint kitts and nevis"


def test_get_is_case_insensitive(data: CountryData) -> None:
    assert c(data, "ken").name == "Kenya"
    assert data.get("XXX") is None


def test_runtime_does_not_import_pycountry() -> None:
    code = ("import sys, engagewiz.kb.countries; "
            "sys.exit('pycountry' in sys.modules or 'pycountry_convert' in sys.modules)")
    env_path = str(ROOT / "src")
    result = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": env_path},
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_bad_schema_is_rejected(tmp_path: Path) -> None:
    p = tmp_path / "c.json"
    p.write_text(json.dumps({"schema": 2, "built": "x", "sources": {}, "countries": {}}))
    with pytest.raises(InputError, match="unsupported countries schema 2"):
        load_countries(p)


def test_bundled_file_matches_a_fresh_build() -> None:
    """The committed JSON is what the build script makes from the CSVs today."""
    spec = importlib.util.spec_from_file_location("build_countries",
                                                  ROOT / "scripts" / "build_countries.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    bundled = json.loads(JSON_PATH.read_text(encoding="utf-8"))
    assert mod.build(SOURCES, bundled["built"]) == bundled


# --- estimates and warnings --------------------------------------------------------------


def test_next_upr_estimate_kenya(data: CountryData) -> None:
    ken = c(data, "KEN")
    assert ken.upr is not None and ken.upr.session == 49
    est = next_upr_estimate(ken, date(2026, 11, 23))
    assert est is not None
    assert est.review_from == date(2029, 10, 28)  # 28 Apr 2025 + 4.5 years
    assert est.review_to == date(2029, 11, 9)
    assert (est.submission_from, est.submission_to) == (date(2029, 2, 28), date(2029, 4, 28))
    assert est.text.startswith("Estimate")
    assert "ohchr.org" in est.text and "upr-info.org" in est.text
    assert "closed" not in est.text
    late = next_upr_estimate(ken, date(2029, 6, 1))
    assert late is not None and "closed" in late.text


def test_next_upr_estimate_month_only_dates_and_missing(data: CountryData) -> None:
    jan = [x for x in data if x.upr is not None and x.upr.dates == "2026-01"]
    assert jan, "session 51 has month-only dates"
    est = next_upr_estimate(jan[0], date(2026, 11, 23))
    assert est is not None and est.review_from == date(2030, 7, 1)
    assert est.review_to == date(2030, 7, 31)
    assert next_upr_estimate(c(data, "UKR"), date(2026, 11, 23)) is None  # not in the data
    usa = next_upr_estimate(c(data, "USA"), date(2026, 11, 23))
    assert usa is not None and "not held" in usa.text


def test_data_age_warning_boundary() -> None:
    assert data_age_warning("2026-02-03", date(2027, 2, 3)) is None  # exactly 12 months
    w = data_age_warning("2026-02-03", date(2027, 2, 4))  # 12 months + 1 day
    assert w is not None and "treaties.un.org" in w and "2026-02-03" in w
    assert data_age_warning(date(2024, 2, 29), date(2025, 2, 28)) is None
    assert data_age_warning(date(2024, 2, 29), date(2025, 3, 1)) is not None
    assert data_age_warning("2026", date(2027, 1, 1)) is None  # partial: from 1 January
    assert data_age_warning("2026", date(2027, 1, 2)) is not None
    assert data_age_warning(None, date(2026, 1, 1)) is not None


def test_source_age_warnings(data: CountryData) -> None:
    today = date(2026, 11, 23)
    assert data.sources["untc"].age_warning(today) is None
    oas = data.sources["oas"].age_warning(today)
    assert oas is not None and data.sources["oas"].url in oas
    assert data.sources["untc"].age_warning(date(2027, 2, 4)) is not None


# --- the UPR question the estimate answers ----------------------------------------------


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 5, 1), "yes"),    # France's review is estimated from 1 Nov 2027: 18 months
    (date(2026, 4, 30), "no"),    # a day earlier: not yet
])
def test_the_upr_estimate_answers_whether_the_review_is_soon(
        data: CountryData, kb: KnowledgeBase, today: date, expected: str) -> None:
    filled = with_country_facts(kb, {"country": "FRA"}, data, today)
    assert filled.answers["upr_soon"] == expected
    assert "next review around November 2027" in filled.provenance["upr_soon"]
    assert not any("UPR" in n for n in filled.notices)


def test_once_the_estimated_review_is_past_the_question_is_asked(
        data: CountryData, kb: KnowledgeBase) -> None:
    filled = with_country_facts(kb, {"country": "FRA"}, data, date(2027, 11, 13))
    assert "upr_soon" not in filled.answers  # held or postponed: the data cannot say


def test_an_answer_against_the_upr_estimate_wins_and_is_reported(
        data: CountryData, kb: KnowledgeBase) -> None:
    filled = with_country_facts(kb, {"country": "MEX", "upr_soon": "yes"}, data, TODAY)
    assert filled.answers["upr_soon"] == "yes"
    assert [p.overridden for p in filled.prefilled if p.question == "upr_soon"] == [True]
    note = next(n for n in filled.notices if "UPR" in n)
    assert "around July 2028, about 20 months from now" in note
    assert "uses your answer" in note and "You answered \"Yes\"" in note


def test_without_an_estimate_the_upr_question_is_left_to_the_user(
        data: CountryData, kb: KnowledgeBase) -> None:
    filled = with_country_facts(kb, {"country": "UKR"}, data, TODAY)
    assert "upr_soon" not in filled.answers


# -- places people type that are not States of their own (data/places.yaml) ------------------


@pytest.mark.parametrize(("typed", "iso3"), [
    ("England", "GBR"), ("SCOTLAND", "GBR"), ("northern ireland", "GBR"), ("Hong Kong", "CHN"),
    ("Macau", "CHN"), ("Kosovo", None), ("Taiwan", None), ("Western Sahara", None)])
def test_places_lead_to_their_state_or_to_none_always_with_a_note(
        countries: CountryData, typed: str, iso3: str | None) -> None:
    found = countries.find(typed)
    assert found is not None and found.iso3 == iso3
    assert found.note and "Where to check: " in found.note
    assert (countries.search(typed) is None) == (iso3 is None)  # never some other State


def test_a_state_name_or_code_is_never_taken_for_a_place(countries: CountryData) -> None:
    assert countries.find("UK") == Found("GBR", "United Kingdom")  # no note: a State's alias
    assert countries.find("China") == Found("CHN", "China")
    assert "Scotland" in countries.suggest("Scotlnd")  # places are suggested too
    assert countries.suggest("Englnd")[0] == "England"


def test_a_broken_places_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_text("places:\n  - names: [Atlantis]\n    state: ATL\n    note: sunk\n"
                    "    check: Plato\n  - names: [Lemuria]\n    check: nowhere\n")
    with pytest.raises(InputError) as raised:
        read_places(path, {"GBR"})
    assert [(p.line, p.key) for p in raised.value.problems] == [(6, "places[1]")]
    path.write_text(path.read_text().replace("    check: nowhere\n", "    note: a\n"
                                             "    check: nowhere\n"))
    with pytest.raises(InputError) as raised:
        read_places(path, {"GBR"})
    problem = raised.value.problems[0]
    assert (problem.file, problem.line, problem.key) == (str(path), 3, "places[0].state")
    assert "unknown State 'ATL'" in problem.message


def test_an_answers_file_may_name_a_place(tmp_path: Path) -> None:
    from cli_inprocess import run_cli

    answers = tmp_path / "answers.yaml"
    quick = ("org_type: ngo\nthemes: [torture]\ncase_type: pattern\nurgency: 'no'\n"
             "outputs: [visibility]\nremedies: not_tried\n")
    answers.write_text(quick + "country: Wales\n")
    done = run_cli("assess", "--answers", str(answers), "--quick", "--format", "json")
    assert done.code == 0, done.err
    assert '"country": "GBR"' in done.out
    answers.write_text("org_type: ngo\ncountry: Kosovo\n")
    refused = run_cli("assess", "--answers", str(answers), "--quick", "--format", "json")
    refused.fails_clearly("answers.yaml:2: country: Kosovo: not a member of the United Nations")
