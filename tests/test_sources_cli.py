"""Citations people can follow: a numbered mark per reason on screen and the list under
the result, `engagewiz sources [KEY]`, `explain KEY`, and each reason's sources in JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cli_inprocess import run_cli
from engagewiz.render.footnotes import mark
from marks import LISTED, MARK, numbers

ROOT = Path(__file__).resolve().parents[1]
KENYA = ROOT / "examples" / "kenya-torture-survivor.yaml"


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENGAGEWIZ_TODAY", "2026-11-23")
    monkeypatch.setenv("COLUMNS", "100")


cli = run_cli


@pytest.mark.parametrize(("given", "shown"), [
    ((), ""), ((4,), "[4]"), ((1, 2), "[1,2]"), ((3, 4, 5, 6), "[3-6]"),
    ((1, 3, 4, 5, 9, 10), "[1,3-5,9,10]")])
def test_a_mark_is_short_and_never_breaks_a_line(given: tuple[int, ...], shown: str) -> None:
    assert mark(given) == shown
    assert " " not in shown
    if shown:
        assert numbers(shown[1:-1]) == list(given)


def test_marks_are_numbered_in_order_and_listed_under_the_result() -> None:
    done = cli("assess", "--answers", str(KENYA), "--plain")
    assert done.code == 0, done.err
    body, listing = done.out.split("\nSOURCES\n-------\n")
    listing = re.sub(r"\n +", " ", listing)  # a title in the list may wrap
    marks = [numbers(m) for m in MARK.findall(body)]
    assert all(m == sorted(set(m)) for m in marks)  # ascending within a mark
    used = [n for m in marks for n in m]
    assert list(dict.fromkeys(used)) == list(range(1, max(used) + 1))  # first use, in order
    listed = LISTED.findall(listing)
    assert [int(n) for n, _ in listed] == list(range(1, max(used) + 1))
    assert not re.search(r"\[[a-z]+-[a-z0-9-]+\]", body)  # no bare keys as marks
    first = dict(listed)["1"]
    assert cli("sources", first).code == 0  # each key in the list can be looked up


def test_route_ids_stand_next_to_route_names() -> None:
    done = cli("assess", "--answers", str(KENYA), "--plain", "--top", "2")
    assert "1. African Commission: communication (achpr-communication)  score" in done.out
    assert "CAT: individual complaint (cat-communication)\n" in done.out  # blocked


def test_sources_lists_every_key_and_shows_one_in_full() -> None:
    listing = cli("sources")
    assert listing.code == 0, listing.err
    assert re.search(r"^ccpr-rules +Human Rights Committee rules, CCPR/C/3/Rev.12$",
                     listing.out, re.M)
    one = cli("sources", "ccpr-rules")
    assert "Official address: https://undocs.org/CCPR/C/3/Rev.12" in one.out
    assert "re-read it before you rely on it" in one.out  # approximate: says so
    assert "ccpr-communication" in one.out  # which routes rest on it
    assert cli("explain", "ccpr-rules").out == one.out


def test_an_unknown_source_key_is_a_clear_error() -> None:
    done = cli("sources", "ccpr-rule")
    done.fails_clearly("KEY: unknown source 'ccpr-rule'; did you mean 'ccpr-rules'")


def _keys(tree: object) -> set[str]:
    """Every key named by a `source` list anywhere in a JSON tree."""
    if isinstance(tree, list):
        return set().union(*map(_keys, tree))
    if not isinstance(tree, dict):
        return set()
    own = set(tree["source"]) if isinstance(tree.get("source"), list) else set()
    return own.union(*(_keys(v) for k, v in tree.items() if k != "sources"))


def test_json_gives_each_cited_key_its_title_citation_and_url_once() -> None:
    done = cli("assess", "--answers", str(KENYA), "--format", "json")
    data = json.loads(done.out)
    assert data["format"] == 2
    table = data["sources"]
    assert set(table) == _keys(data)  # every key cited, and only those
    assert list(table) == sorted(table)
    reason = data["recommended"][0]["reasons"][0]
    assert "sources" not in reason and reason["source"]
    for key in reason["source"]:
        s = table[key]
        assert s["title"] and s["citation"] and s["url"].startswith("https://")
    blocked = next(r for r in data["blocked"] if r["id"] == "cat-communication")
    cited = {k for g in blocked["blocked_by"] for k in g["source"]}
    assert "untc-chapter-iv" in cited
    assert table["untc-chapter-iv"]["url"].startswith("https://treaties.un.org/")
    listed = json.loads(cli("sources", "--format", "json").out)
    assert {"key": "cat-rules", "url": "https://undocs.org/CAT/C/3/Rev.6"}.items() <= next(
        s for s in listed if s["key"] == "cat-rules").items()


def test_a_plan_footnote_says_when_the_provision_must_be_re_read(tmp_path: Path) -> None:
    """ccpr-rules cites the current rules for a point read in an older edition (approximate):
    the lawyer who copies the footnote is told to re-read it; an exact one is not."""
    plan = tmp_path / "plan.md"
    done = cli("assess", "--answers", str(ROOT / "examples" / "europe-removal-to-torture.yaml"),
               "-o", str(plan))
    assert done.code == 0, done.err
    notes = {key: text for text, key in
             re.findall(r"^\d+\. (.*) \(([a-z0-9-]+)\)$", plan.read_text(), re.M)}
    assert "Not the text first read: re-read it before citing it." in notes["ccpr-rules"]
    assert "re-read" not in notes["cat-rules"]


def test_a_home_page_address_is_said_to_be_one() -> None:
    """Where only the publisher's front page is known, the reader is told to look for the
    document there; a page's own address is not flagged."""
    home = cli("sources", "achpr-rules").out
    assert "Official address: https://achpr.au.int\n" in home
    assert "publisher's home page, not the document" in re.sub(r"\s+", " ", home)
    assert "home page" not in cli("sources", "cat-art-22").out
