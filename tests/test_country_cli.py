"""`engagewiz country`: the at-a-glance view of one State, as text and as JSON.

Error cases run the real entry point (in this process: cli_inprocess), because the
one-line message and exit 2 (never a traceback) come from `run()`, not from the typer app.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from shutil import copytree
from typing import Any

import pytest
from typer.testing import CliRunner

from cli_inprocess import completed
from engagewiz.cli.app import app

PLAIN_60 = {"NO_COLOR": "1", "COLUMNS": "60", "ENGAGEWIZ_TODAY": "2026-11-23"}


def show(*args: str, columns: int = 80) -> str:
    env = {**PLAIN_60, "COLUMNS": str(columns)}
    result = CliRunner().invoke(app, ["country", *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def as_json(name: str, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(show(name, "--format", "json", *args))
    return data


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return completed("country", *args, env={"ENGAGEWIZ_TODAY": "2026-11-23", "NO_COLOR": "1"})


def line(text: str, start: str) -> str:
    """The entry that starts with ``start``, its wrapped continuation lines joined."""
    rows = text.splitlines()
    for i, row in enumerate(rows):
        if row.strip().startswith(start):
            indent = len(row) - len(row.lstrip())
            parts = [row.strip()]
            for more in rows[i + 1:]:
                depth = len(more) - len(more.lstrip())
                if not more.strip() or depth <= indent or depth < 4:
                    break
                parts.append(more.strip())
            return " ".join(parts)
    raise AssertionError(f"no line starting {start!r} in:\n{text}")


@pytest.mark.parametrize("name", ["Kenya", "kenya", "KEN", "KE", "ken"])
def test_kenya_by_name_and_iso(name: str) -> None:
    out = show(name)
    assert out.startswith("Kenya (KEN / KE), UN member State")
    assert "party since 1997-02-21" in line(out, "CAT, Convention against Torture")
    assert line(out, "Individual complaints (art. 22").endswith("not accepted")
    assert "Traceback" not in out


def test_kenya_json() -> None:
    data = as_json("KEN")
    cat = data["un_treaties"][0]
    assert (cat["id"], cat["value"], cat["date"], cat["source"]) == (
        "CAT", "yes", "1997-02-21", "untc")
    assert (cat["procedure"]["id"], cat["procedure"]["value"]) == ("CAT-22", "no")
    assert data["complaints_accepted"] == []


def test_usa_not_party_to_cedaw() -> None:
    out = show("United States")
    assert "not party (signed 1980-07-17" in line(out, "CEDAW")
    cedaw = next(t for t in as_json("USA")["un_treaties"] if t["id"] == "CEDAW")
    assert cedaw["value"] == "no" and cedaw["known"] is True


def test_canada_made_article_22() -> None:
    out = show("Canada")
    assert "accepted since 1989-11-13" in line(out, "Individual complaints (art. 22")
    assert "CAT art. 22" in line(out, "UN individual complaints accepted")


def test_json_shape_is_stable() -> None:
    data = as_json("Kenya")
    assert list(data) == ["country", "today", "complaints_accepted", "complaints_unknown",
                          "un_treaties", "regional", "notes", "upr", "sources", "warnings"]
    assert data["country"] == {"iso3": "KEN", "iso2": "KE", "name": "Kenya",
                               "un_status": "member"}
    assert data["today"] == "2026-11-23"
    assert [t["id"] for t in data["un_treaties"]] == [
        "CAT", "OP-CAT", "ICCPR", "ICESCR", "ICERD", "CEDAW", "CRC", "CRPD", "CPED", "ICMW"]
    fact_keys = {"id", "label", "key", "value", "known", "date", "note", "source", "as_of",
                 "quote", "declarations", "text"}
    for t in data["un_treaties"]:
        assert fact_keys <= set(t) and "procedure" in t
    assert [r["system"] for r in data["regional"]] == [
        "African system", "European system", "Inter-American system", "Arab system",
        "South-East Asia"]
    assert data["notes"] == []  # Kenya has the African Commission and the EAC's Court
    assert set(data["upr"]) == {"last", "next_estimate", "check_at"}
    assert data["upr"]["last"]["session"] == 49
    est = data["upr"]["next_estimate"]
    assert est["estimate"] is True and est["text"].startswith("Estimate")
    assert (est["submission_from"], est["submission_to"]) == ("2029-02-28", "2029-04-28")
    assert any("ohchr.org" in c for c in est["confirm_at"])
    assert data["sources"]["untc"]["as_of"] == "2026-02-03"
    assert set(data["warnings"]) == {"un_treaties", "regional", "upr"}


def test_unknown_is_shown_as_unknown_never_no() -> None:
    data = as_json("KEN")
    acrwc = next(f for s in data["regional"] for f in s["facts"] if f["id"] == "acrwc")
    assert acrwc["value"] == "dont_know" and acrwc["known"] is False
    assert acrwc["check_at"] == "https://au.int/en/treaties"
    out = show("Kenya")
    assert "unknown - check https://au.int/en/treaties" in line(out, "African Children's")
    assert "not party" not in line(out, "African Children's")


def declaration(data: dict[str, Any], row: str, did: str) -> dict[str, Any]:
    """The declaration `did` under treaty or procedure `row` of `as_json`'s view."""
    rows = [r for t in data["un_treaties"] for r in (t, t["procedure"]) if r]
    found: dict[str, Any] = next(d for d in next(r for r in rows if r["id"] == row)
                                 ["declarations"] if d["id"] == did)
    return found


def test_an_opt_out_is_listed_with_its_words_source_and_date() -> None:
    """The UAE opted out of CAT inquiries (art. 28): the view says so under CAT, quoting
    its text, with the source and its as-of date, in JSON and on screen."""
    opt_out = declaration(as_json("ARE"), "CAT", "CAT-28")
    assert (opt_out["value"], opt_out["text"], opt_out["source"], opt_out["as_of"]) == (
        "yes", "made", "untc", "2026-02-03")
    assert "does not recognize the competence of the Committee against Torture referred " \
           "to in article 20" in opt_out["quote"]
    out = show("ARE", "--plain")
    said = line(out, "Inquiry opt-out (art. 28")
    assert said.startswith("Inquiry opt-out (art. 28: no inquiry under art. 20): made Per UN "
                           "Treaty Collection, chapter IV (status pages), as of 2026-02-03: "
                           '"In accordance with paragraph 1 of article 28')
    assert said.endswith('referred to in article 20 of the Convention"')
    assert out.index("Inquiry opt-out (art. 28") < out.index("Individual complaints (art. 22")


def test_a_reservation_under_a_complaint_procedure_and_a_withdrawn_one() -> None:
    """Spain's art. 14 declaration cut CERD's time limit to 3 months (under the procedure);
    Germany withdrew its art. 20 reservation, which the view says beside "none"."""
    spain = declaration(as_json("ESP"), "CERD-14", "CERD-14-3-months")
    assert spain["value"] == "yes" and "within three months" in spain["quote"]
    assert declaration(as_json("ESP"), "CERD-14", "CERD-14-examined")["text"] == "none"
    assert "three months following" in show("Spain", "--plain")
    germany = line(show("Germany", "--plain"), "Inquiry opt-out (art. 28")
    assert germany.endswith("none (reservation to article 20 withdrawn on 13 September 1990 "
                            "(UNTC footnote))")


def test_a_declaration_the_data_cannot_read_is_unknown_never_none() -> None:
    """Austria's OP1 reservation names only the former European Commission: the data leave
    its reach open, so the view says unknown, where to check, and quotes the text."""
    austria = declaration(as_json("AUT"), "CCPR-OP1", "CCPR-OP1-examined")
    assert (austria["value"], austria["known"]) == ("dont_know", False)
    assert austria["check_at"].startswith("https://treaties.un.org/")
    assert "European Commission on Human Rights" in austria["quote"]
    said = line(show("Austria", "--plain"), "Reservation excluding a matter already examined")
    assert ": unknown - check https://treaties.un.org/" in said and "none" not in said


def test_no_reservation_is_listed_where_the_state_is_not_bound() -> None:
    """Kenya accepts no complaint procedure: no same-matter reservation under OP1, while
    its CAT opt-out question (a party) reads "none"."""
    kenya = as_json("KEN")
    op1 = next(t for t in kenya["un_treaties"] if t["id"] == "ICCPR")["procedure"]
    assert op1["value"] == "no" and op1["declarations"] == []
    assert declaration(kenya, "CAT", "CAT-28")["text"] == "none"
    assert "Reservation excluding" not in show("Kenya")


def regional(data: dict[str, Any], rid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for s in data["regional"] for f in s["facts"]
                                 if f["id"] == rid)
    return found


@pytest.mark.parametrize(("state", "row", "start", "words"), [
    ("VEN", "oas", "OAS (Inter-American", "withdrawal from the OAS is contested"),
    ("GIN", "ecowas", "ECOWAS (the ECOWAS", "suspended from ECOWAS decision-making bodies"),
    ("RUS", "ecpt", "European Convention for the Prevention", "a law denouncing it was signed"),
])
def test_what_the_data_say_of_a_fact_is_said_with_it(state: str, row: str, start: str,
                                                      words: str) -> None:
    """A fact the data qualify (a contested withdrawal, a suspension, a denunciation under
    way) is never shown bare: its caveat follows it, on screen and in the JSON."""
    assert words in regional(as_json(state), row)["data_caveat"]
    assert words in line(show(state, "--plain", columns=200), start)


def test_cmw77_not_in_force() -> None:
    mex = next(t for t in as_json("MEX")["un_treaties"] if t["id"] == "ICMW")["procedure"]
    assert mex["value"] == "yes" and mex["in_force"] is False
    assert "ICMW art. 77" not in as_json("MEX")["complaints_accepted"]
    assert "Article 77 is not in force: fewer than 10 States" in show("Kenya")


def test_upr_estimate_and_where_to_confirm() -> None:
    out = show("Kenya")
    assert "Last review: session 49 (cycle 4), 2025-04-28/2025-05-09, held." in out
    assert "(estimates)" in out
    flat = " ".join(out.split())
    assert "roughly February 2029 to April 2029" in flat
    assert "https://www.upr-info.org" in flat
    ukr = show("Ukraine")
    assert "Last review: unknown - check" in ukr  # no 4th-cycle session in the data


def test_data_age_warning_only_when_stale() -> None:
    assert as_json("KEN")["warnings"]["un_treaties"] == []
    stale = as_json("KEN", "--today", "2027-03-01")["warnings"]["un_treaties"]
    assert len(stale) == 1 and "2026-02-03" in stale[0]["text"]
    assert "more than 12 months ago" in show("KEN", "--today", "2027-03-01")
    regional = as_json("KEN")["warnings"]["regional"]
    # The OAS list does not name Kenya: its age is no reason to warn a Kenyan user.
    assert {w["source"] for w in regional} == {"afcourt", "african-charter", "eac"}


@pytest.mark.parametrize(("name", "note"), [
    ("Thailand", "asean-no-complaint-body"), ("Mongolia", "no-regional-complaint-body"),
    ("Iraq", "arab-system-no-complaints"), ("Zambia", "sadc-tribunal-closed")])
def test_a_state_with_no_regional_complaint_body_is_told_so(name: str, note: str) -> None:
    notes = as_json(name)["notes"]
    assert [n["id"] for n in notes] == [note]
    assert "sp-communication" in notes[0]["instead"]
    assert "WHERE NOTHING CAN BE FILED" in show(name)


@pytest.mark.parametrize("name", ["Ivory Coast", "Côte d'Ivoire", "cote d\u2019ivoire", "CIV"])
def test_alternative_names(name: str) -> None:
    assert as_json(name)["country"]["iso3"] == "CIV"


def test_plain_60_columns_no_colour_no_trailing_blanks() -> None:
    for name in ("Kenya", "USA", "Mexico", "Ethiopia"):
        out = show(name, columns=60)
        assert "\x1b[" not in out
        for row in out.splitlines():
            assert len(row) <= 60 or re.fullmatch(r" *https?://\S+", row), row  # whole
            assert row == row.rstrip(), row
        assert out.isascii()


def test_unknown_country_exits_2_with_suggestions() -> None:
    result = cli("Atlantis")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("engagewiz: error: ")
    assert "unknown country 'Atlantis'; did you mean" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_misspelling_suggests_the_state() -> None:
    result = cli("Kenia")
    assert result.returncode == 2 and "did you mean 'Kenya' or" in result.stderr


def test_nonsense_without_suggestions_still_says_what_to_give() -> None:
    result = cli("zzzzzzzz")
    assert result.returncode == 2 and "ISO code" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_format_is_a_usage_error() -> None:
    assert cli("Kenya", "--format", "xml").returncode == 2


def test_the_rows_are_those_of_the_knowledge_base(tmp_path: Path) -> None:
    """texts.yaml decides which facts are shown: kb-minimal lists CAT alone, and a KB
    without texts.yaml lists no treaty (it never borrows the bundled rows)."""
    minimal = Path(__file__).resolve().parents[1] / "examples" / "kb-minimal"
    data = as_json("Kenya", "--kb", str(minimal))
    assert [t["id"] for t in data["un_treaties"]] == ["CAT"]
    assert data["un_treaties"][0]["procedure"]["id"] == "CAT-22"
    assert (data["regional"], data["complaints_unknown"]) == ([], [])
    bare = copytree(minimal, tmp_path / "kb")
    (bare / "texts.yaml").unlink()
    assert as_json("Kenya", "--kb", str(bare))["un_treaties"] == []
    assert "No treaty is listed" in show("Kenya", "--kb", str(bare))


def test_a_part_of_a_state_shows_that_state_with_a_note() -> None:
    out = show("Scotland", columns=60)
    assert out.startswith("Note: Scotland: part of the United Kingdom")
    assert "United Kingdom" in out.split("\n\n", 1)[1]  # then the UK's own view
    result = cli("wales", "--format", "json")
    assert json.loads(result.stdout)["country"]["name"] == "United Kingdom"
    assert result.stderr.startswith("engagewiz: note: Wales: part of the United Kingdom")


@pytest.mark.parametrize(("place", "said"), [
    ("Kosovo", "not a member of the United Nations"),
    ("Taiwan", "resolution 2758"),
    ("Western Sahara", "Non-Self-Governing Territories")])
def test_a_place_no_state_covers_is_explained_not_unknown(place: str, said: str) -> None:
    result = cli(place)
    assert result.returncode == 2
    assert result.stderr.startswith(f"engagewiz: error: {place}: ")
    assert said in result.stderr and "Where to check" in result.stderr
    assert "unknown country" not in result.stderr and "NAME|ISO" not in result.stderr
