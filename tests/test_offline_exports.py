"""Nothing we write reaches the network: no export loads a font, a style, a script or an
image from the web when it is opened. Links a person clicks (`<a href>`, a Markdown
autolink, an address in JSON) are what a citation is for, and are fine.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.kb.countries import CountryData
from engagewiz.render.export import BRIEFS, EXPORTERS
from engagewiz.render.plan_html import ANSWERS_ID
from engagewiz.storage.answers import load_answers

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT / "examples" / "kenya-torture-survivor.yaml",
            ROOT / "examples" / "urgent-torture-risk.yaml"]
REMOTE = r"""\s*['"]?\s*(?:https?:)?//"""
LOADS = re.compile(
    rf"url\({REMOTE}"                                       # CSS: fonts, backgrounds
    r"|@import\b"                                           # CSS: another style sheet
    r"|<link\b[^>]*\bhref="                                 # HTML: style sheets, icons
    r"|<(?:script|img|iframe|frame|embed|object|source|audio|video|image|use|track)\b"
    rf"[^>]*\b(?:src|href|xlink:href|data|srcset|poster)\s*={REMOTE}"  # HTML and SVG
    rf"|!\[[^\]]*\]\(\s*<?{REMOTE}",                        # Markdown images
    re.IGNORECASE)


def network_loads(text: str) -> list[str]:
    return [m.group(0) for m in LOADS.finditer(text)]


@pytest.mark.parametrize("text", [
    '@font-face { src: url("https://cdnjs.cloudflare.com/fira.woff2") }',
    "<style>@import 'https://example.org/x.css';</style>",
    '<link rel="stylesheet" href="https://example.org/x.css">',
    '<img alt="" src="https://example.org/pixel.png">',
    '<script src="//example.org/x.js"></script>',
    '<image xlink:href="https://example.org/logo.png"/>',
    "![logo](https://example.org/logo.png)",
])
def test_the_scan_finds_each_kind_of_load(text: str) -> None:
    assert network_loads(text), text


def test_the_scan_allows_links_a_person_clicks() -> None:
    text = ('<a href="https://undocs.org/A/HRC/RES/5/1">A/HRC/RES/5/1</a> '
            "<https://www.ohchr.org/en/treaty-bodies/cat> [CAT](https://www.ohchr.org/) "
            '"url": "https://undocs.org/CCPR/C/3/Rev.12" clip-path="url(#terminal)"')
    assert network_loads(text) == []


# Every text export: plans and briefs, the slide, the JSON. A PDF is laid out from the HTML
# with fetching refused; test_share scans the PDFs themselves (pdf_loads).
TEXT_EXPORTS = {**{f"plan{s}": e for s, e in EXPORTERS.items() if s != ".pdf"},
                **{f"brief{s}": e for s, e in BRIEFS.items() if s != ".pdf"}}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("name", sorted(TEXT_EXPORTS))
def test_no_export_loads_anything_from_the_network(
        path: Path, name: str, kb: KnowledgeBase, countries: CountryData) -> None:
    result = assess(kb, load_answers(path, kb), today=date(2026, 11, 23), countries=countries)
    text = TEXT_EXPORTS[name](result, kb, None, countries)
    assert isinstance(text, str)
    suffix = name[name.index("."):]
    assert network_loads(text) == []
    if suffix == ".html":  # self-contained: nothing runs, nothing is fetched
        assert "default-src 'none'" in text
        scripts = set(re.findall(r"<script\b[^>]*>", text))
        assert scripts <= {f'<script type="application/yaml" id="{ANSWERS_ID}">'}  # data only
        assert '<a href="https://' in text  # the sources' official addresses, to click
    if suffix == ".md":
        assert "<https://" in text  # an autolink: a link to click, not a load
