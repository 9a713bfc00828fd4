"""`check` on what a lawyer reads: citations and the wording of user-facing text.

A source must be something a reader can follow to the official text: an https address or a
UN document symbol, never a copy on a document-sharing site, a bare domain, "path not
recorded" or one of our own files. And the text a user reads must not carry notes meant for
editors ("seed 003", "not confirmed in our sources"): a hedge says whom to ask and where.
docs/sources.md explains the rules to the people who edit the YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from engagewiz.authoring.locate import MECHANISMS, QUESTIONS, TEXTS, Finding, Locator
from engagewiz.errors import KeyPath
from engagewiz.storage import yamlfile

# Copies of official texts on document-sharing sites, test mirrors and development servers:
# never the citation, and not worth keeping as `read_at` either (the official text replaces
# them; sources-and-resolutions, section A).
MIRRORS = (
    "web.test.ohchr.un-icc.cloud", "un-icc.cloud", "dokumen.tips", "studylib", "yumpu",
    "scribd", "hozir.org", "topicsexpress", "muhaz", "docsbay", "9pdf", "staging.",
    "issuu", "essaydocs", "docplayer", "pdfcoffee", "vdocuments", "kupdf", "idoc.pub",
    "fliphtml5", "coursehero", "slideshare", "gist.github.com", "pdfslide", "docslib",
    "docest", "php-dev", "adattar.minorityforum",
)
_OWN_FILES = re.compile(r"\bseeds?/|\bshared/|\breference/|mechanisms-facts|"
                        r"\b\d{3}_[0-9a-f]{16}\.txt\b|\.md\b")
_SYMBOL = re.compile(r"^[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9.()\-]+)+$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(?:/\S*)?$")
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$", re.IGNORECASE)

# Words that belong in an editor's note, not in what the user reads.
EDITOR_WORDS = re.compile(
    r"\bseeds?\b|(?<!terms of )\breferences?\b|\bour (?:own )?(?:sources?|data)\b"
    r"|\bunconfirmed\b|\bnot re-read\b", re.IGNORECASE)
# An instruction to go and find out, in a gate's rule: it belongs in the gate's `check`,
# which the screen shows once per route; in the rule it would be a second hedge (12.3).
HEDGE_IN_RULE = re.compile(
    r"\bcheck (?:with|first|the|whether|on|before)\b|\bconfirm\b|\bbefore citing\b"
    r"|\bask (?:the|its|a|your) (?:[\w-]+ )?(?:secretariat|registry|lawyer|committee|court"
    r"|commission|body)\b", re.IGNORECASE)
# Keys whose values are identifiers or conditions, not text a user reads.
_NOT_TEXT = {"sources", "source", "src", "when", "if", "test", "route", "not_route", "id",
             "key", "value", "type", "kind", "section", "family", "nature", "kinds",
             "themes", "effort", "bars", "exceptions", "check_first", "expired", "as_of",
             "partner", "nhri_a", "without", "version", "kb_version"}


def source_problems(fields: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(field, what is wrong) for one source's fields; shared with the country data."""
    for name, value in fields.items():
        text = str(value)
        own = _OWN_FILES.search(text)
        if "path not recorded" in text.lower():
            yield name, ("'path not recorded' is not an address a reader can follow: give the "
                         "official address (url) or the UN document symbol")
        elif own:
            word = text[:own.end()].split()[-1] + text[own.end():].split(" ", 1)[0]
            yield name, (f"'{word}' is one of our own files, which no reader has: cite the "
                         "published document (title, publisher, address) instead")
    url = fields.get("url")
    if isinstance(url, str):
        yield from (("url", m) for m in _url_problems(url))
    read_at = str(fields.get("read_at", "")).lower()
    mirror = next((m for m in MIRRORS if m in read_at), None)
    if mirror:
        yield "read_at", (f"'{mirror}' holds copies, not the official text: re-read the fact in "
                          "the official text the citation names, and keep only that (or a "
                          "translation, textbook or publisher's page) as read_at")
    symbol = fields.get("symbol")
    if isinstance(symbol, str) and not _SYMBOL.match(symbol):
        yield "symbol", (f"'{symbol}' is not a UN document symbol (e.g. CCPR/C/3/Rev.12, "
                         "A/HRC/RES/5/1); put a web address under url instead")


def _url_problems(url: str) -> Iterator[str]:
    if "path not recorded" in url.lower() or _OWN_FILES.search(url):
        return  # already said
    if not _URL.match(url):
        if _DOMAIN.match(url):
            yield (f"'{url}' is a bare domain, not an address a reader can follow: give the "
                   "full https:// address of the page")
        else:
            yield (f"'{url}' is not a web address (a local path or a description?): give the "
                   "official https:// address")
        return
    host = (urlsplit(url).hostname or "").lower()
    mirror = next((m for m in MIRRORS if m in host), None)
    if mirror:
        yield (f"'{host}' is a copy of the document, not its official publisher: cite the "
               "official address")


def lint_sources(where: Locator) -> Iterator[Finding]:
    sources = where.raw_m.get("sources")
    for key, fields in (sources.items() if isinstance(sources, dict) else ()):
        if isinstance(fields, dict):
            for name, message in source_problems(fields):
                yield Finding(MECHANISMS, ("sources", key, name), message)


def lint_wording(where: Locator) -> Iterator[Finding]:
    """Editor's notes in any text the user reads, in every file (an aliased text once)."""
    texts = where.files[TEXTS]
    raw_t = yamlfile.load(texts) if texts.is_file() else {}
    for role, raw in ((QUESTIONS, where.raw_q), (MECHANISMS, where.raw_m), (TEXTS, raw_t)):
        for path, text in user_texts(raw):
            found = EDITOR_WORDS.search(text)
            if found:
                yield Finding(role, path, editor_note_message(found.group(0)))
            elif path[-1] == "rule" and (hedge := HEDGE_IN_RULE.search(text)):
                yield Finding(role, path, (
                    f"'{hedge.group(0)}' in a gate's rule is a hedge: state the rule here, and "
                    "say whom to ask in the gate's check, which the screen shows once per "
                    "route (docs/sources.md)"))


def editor_note_message(word: str) -> str:
    return (f"'{word}' is an editor's note in text the user reads: say what the user should "
            "do instead, e.g. \"Check with <body> before filing: <where>\" (docs/sources.md)")


def user_texts(raw: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every text with a space in it outside sources, conditions and identifiers; what a
    YAML alias shares is visited once (the loader gives an alias the anchor's object)."""
    seen: set[int] = set()

    def walk(node: Any, at: KeyPath) -> Iterator[tuple[KeyPath, str]]:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in _NOT_TEXT and not str(key).endswith("_source"):
                    yield from walk(value, (*at, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, (*at, i))
        elif isinstance(node, str) and " " in node:
            yield at, node

    yield from walk(raw, path)
