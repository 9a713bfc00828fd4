"""Citations a lawyer can follow, outside what `check` reads (the country data's sources),
and the rules themselves.

The broken copies in tests/kb-broken (source-*, editor-note) test `check`'s messages.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from engagewiz.authoring.citations import EDITOR_WORDS, source_problems, user_texts
from engagewiz.kb.countries import CountryData


def problems(**fields: Any) -> list[tuple[str, str]]:
    return list(source_problems(fields))


def test_an_official_address_or_symbol_passes() -> None:
    assert problems(citation="CAT art. 22", url="https://www.ohchr.org/en/treaty-bodies/cat") == []
    assert problems(citation="HRC res. 5/1", symbol="A/HRC/RES/5/1") == []
    assert problems(citation="CCPR rules", symbol="CCPR/C/3/Rev.12") == []


@pytest.mark.parametrize(("url", "says"), [
    ("https://studylib.net/doc/123/oral-guidelines", "'studylib.net' is a copy"),
    ("http://hozir.org/international-law-handbook.html?page=384", "'hozir.org' is a copy"),
    ("https://3672.staging.lexmea.de/gesetz/iccpr", "is a copy"),
    ("upr-info.org", "'upr-info.org' is a bare domain"),
    ("ohchr.org .../SP/Pages/CommunicationsreportsSP.aspx", "not a web address"),
    ("stored copy", "not a web address"),
    ("shared/reference/mechanisms-facts.md", "one of our own files"),
    ("coe.int (path not recorded)", "'path not recorded'"),
])
def test_an_address_a_reader_cannot_follow_is_named(url: str, says: str) -> None:
    found = problems(citation="x", url=url)
    assert len(found) == 1 and found[0][0] == "url" and says in found[0][1], found


def test_where_a_fact_was_read_may_be_kept_but_not_our_own_files() -> None:
    assert problems(citation="x", symbol="A/62/18", read_at="minelres.lv copy") == []
    found = problems(citation="x", symbol="A/62/18", read_at="seeds/003_9f9855e584d2c0e2.txt")
    assert [name for name, _ in found] == ["read_at"]


@pytest.mark.parametrize("read_at", [
    "test mirror of ohchr.org (web.test.ohchr.un-icc.cloud)",
    "UN International Law Handbook copy on hozir.org, p. 263",
    "FIDH guide (pdfslide.us copy)",
])
def test_a_copy_on_a_sharing_site_is_not_kept_as_read_at(read_at: str) -> None:
    """The official text replaces such copies (they were only ever copies of it), so a
    lawyer's file never points to one, not even as where the fact was first read."""
    found = problems(citation="x", symbol="A/62/18", read_at=read_at)
    assert [name for name, _ in found] == ["read_at"]
    assert "holds copies, not the official text" in found[0][1]


def test_country_data_sources_are_citations(countries: CountryData) -> None:
    for key, source in countries.sources.items():
        fields = {"citation": source.citation, "url": source.url, "note": source.note or ""}
        assert list(source_problems(fields)) == [], key
        assert not EDITOR_WORDS.search(" ".join(fields.values())), key


def test_editor_words_spare_terms_of_reference() -> None:
    assert not EDITOR_WORDS.search("The terms of reference allow unannounced visits.")
    assert EDITOR_WORDS.search("Drawn from seed 003 and the reference.")
    assert EDITOR_WORDS.search("(not confirmed in our sources)")


def test_a_text_shared_through_an_alias_is_reported_once() -> None:
    raw = yaml.safe_load("""
a: {text: &t "shared words here", source: [seed-000]}
b: {text: *t, when: {q: x, is: "our sources say"}}
c: {reason: "own words here"}
""")
    assert [path for path, _ in user_texts(raw)] == [("a", "text"), ("c", "reason")]
