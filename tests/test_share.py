"""What organisations pass on: the one-page brief, the PDF plan, the 16:9 slide, and the HTML
plan's title and links."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING
from unittest.mock import patch

import pytest
import yaml

from cli_inprocess import completed, run_cli
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.kb.countries import CountryData
from engagewiz.render import plan_md
from engagewiz.render.brief import build_brief
from engagewiz.storage.answers import check_answers

if TYPE_CHECKING:
    from pypdf import PageObject

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "data" / "scenarios"
DEADLINE = SCENARIOS / "rehab-centre-complaint-deadline.yaml"  # Georgia, ECtHR limit running
URGENT = SCENARIOS / "defenders-urgent-action.yaml"            # Venezuela, someone at risk
TODAY = "2026-11-23"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return completed(*args, cwd=cwd, env={"ENGAGEWIZ_TODAY": TODAY, "NO_COLOR": "1"})


def brief_of(path: Path, kb: KnowledgeBase, countries: CountryData) -> str:
    answers = check_answers(yaml.safe_load(path.read_text()), kb)[0]
    result = assess(kb, answers, today=date.fromisoformat(TODAY), countries=countries)
    return plan_md.render(build_brief(result, kb, countries))


# -- the brief ----------------------------------------------------------------------------------

def test_brief_says_who_where_when_the_top_three_the_limits_and_three_steps(
        kb: KnowledgeBase, countries: CountryData) -> None:
    text = brief_of(DEADLINE, kb, countries)
    assert text.startswith("# Engagement brief for a torture-rehabilitation centre in Georgia, "
                           "23 November 2026\n")
    sections = re.findall(r"^## (.+)$", text, re.M)
    assert sections == ["Time limits running", "Top 3 routes", "Next 3 steps", "Staying safe",
                        "Sources"]
    limits = text.split("## Time limits running")[1].split("##")[0]
    assert "**2027-01-15:** **53 days left: European Court of Human Rights: application.**" \
        in limits  # under 60 days: highlighted
    top = text.split("## Top 3 routes")[1].split("##")[0]
    assert re.findall(r"^\d\. ", top, re.M) == ["1. ", "2. ", "3. "]
    assert "1. **European Court of Human Rights: application (effort high; last day " \
           "2027-01-15, 53 days left):** **Apply to the Court" in top
    steps = text.split("## Next 3 steps")[1].split("##")[0]
    assert len(re.findall(r"^\d\. \*\*", steps, re.M)) == 3
    assert "Write down the date of the final domestic decision" in steps
    assert "## Your answers" not in text and "## Your situation" not in text
    assert "guidance, not legal advice" in text


def test_brief_for_someone_at_risk_leads_with_the_urgent_routes_and_their_48_hours(
        kb: KnowledgeBase, countries: CountryData) -> None:
    text = brief_of(URGENT, kb, countries)
    sections = re.findall(r"^## (.+)$", text, re.M)
    assert sections[0] == "Urgent: someone is at imminent risk"
    assert "**Urgent routes:** Special Procedures: urgent appeal or letter; IACHR: " \
           "precautionary measures" in text
    steps = text.split("## Next 3 steps")[1].split("##")[0]
    assert "Write to the mandate that fits, marked URGENT" in steps  # its act_now, not step 1


def test_brief_flag_prints_it_and_a_brief_file_name_writes_it(tmp_path: Path) -> None:
    shown = cli("assess", "--answers", str(DEADLINE), "--brief")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("# Engagement brief for a torture-rehabilitation centre")
    out = tmp_path / "brief.html"
    assert cli("assess", "--answers", str(DEADLINE), "-o", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert "<title>Engagement brief for a torture-rehabilitation centre in Georgia, " \
           "23 November 2026</title>" in html
    svg = cli("assess", "--answers", str(DEADLINE), "--brief", "-o", str(tmp_path / "b.svg"))
    assert svg.returncode == 2 and "cannot write a brief as .svg" in svg.stderr


# -- the HTML plan ------------------------------------------------------------------------------

def test_html_plan_title_names_the_organisation_the_state_and_the_date(tmp_path: Path) -> None:
    out = tmp_path / "plan.html"
    assert cli("assess", "--answers", str(URGENT), "-o", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert "<title>Engagement plan for a non-governmental organisation (NGO) in Venezuela, " \
           "23 November 2026</title>" in html
    links = re.findall(r'<a href="(https?://[^"]+)">([^<]+)</a>', html)
    assert links and all(unescape(href) == unescape(text) for href, text in links)
    assert not any(href.endswith((".", ",", ";", ")")) for href, _ in links)


# -- PDF ----------------------------------------------------------------------------------------



@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    made = {}
    for name, answers in (("brief.pdf", URGENT), ("plan.pdf", DEADLINE)):
        done = cli("assess", "--answers", str(answers), "-o", str(folder / name))
        assert done.returncode == 0, done.stderr
        made[name] = folder / name
    return made


def page_words(page: PageObject) -> str:
    """A page's text, its words joined by single spaces. pypdf takes a quarter of a second
    of CPU a page of WeasyPrint's output (every glyph a hex string), so tests read only
    the pages they look at."""
    return " ".join(page.extract_text().split())


def test_brief_pdf_is_one_page_with_its_content(pdfs: dict[str, Path]) -> None:
    from pypdf import PdfReader

    path = pdfs["brief.pdf"]
    assert path.read_bytes()[:5] == b"%PDF-" and oct(path.stat().st_mode)[-3:] == "600"
    pages = PdfReader(path).pages
    assert len(pages) == 1
    words = page_words(pages[0])
    assert "Engagement brief for a non-governmental organisation (NGO) in Venezuela" in words
    assert "Urgent: someone is at imminent risk" in words and "Next 3 steps" in words


def test_plan_pdf_holds_the_whole_plan_with_page_numbers(pdfs: dict[str, Path]) -> None:
    """The first page opens the plan with its time limits; the plan runs to its last
    section, "Your answers", found reading back from the last page; the first and last
    pages are numbered "n / total"."""
    from pypdf import PdfReader

    pages = PdfReader(pdfs["plan.pdf"]).pages
    total = len(pages)
    assert total > 3
    first, last = page_words(pages[0]), page_words(pages[-1])
    assert "Engagement plan for a torture-rehabilitation centre in Georgia" in first
    assert "Time limits running" in first
    assert "Your answers" in last or any(
        "Your answers" in page_words(pages[n]) for n in range(total - 2, 0, -1))
    for number, words in ((1, first), (total, last)):
        assert words.endswith((f"{number} / {total}", f"{number}/{total}")), words[-60:]


def pdf_loads(path: Path) -> list[str]:
    """What a PDF would fetch or run when opened (issue 12.4): any action but a link to
    click or a jump inside the file, a script, an attached file, a font not carried in it."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    found = [f"catalogue {key}" for key in ("/OpenAction", "/AA", "/AcroForm") if key in root]
    names = root.get("/Names", {})
    found += [f"names {key}" for key in ("/JavaScript", "/EmbeddedFiles") if key in names]
    for number, page in enumerate(reader.pages, 1):
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            kind = action.get_object().get("/S") if action is not None else None
            if kind not in (None, "/URI", "/GoTo"):
                found.append(f"page {number}: a {kind} action")
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            inner = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font \
                else font
            descriptor = inner.get("/FontDescriptor")
            if descriptor is None or not {"/FontFile", "/FontFile2", "/FontFile3"} & set(
                    descriptor.get_object()):
                found.append(f"page {number}: font {font.get('/BaseFont')} not embedded")
    return found


@pytest.mark.parametrize("name", ["brief.pdf", "plan.pdf"])
def test_a_pdf_loads_nothing_and_its_sources_are_links(pdfs: dict[str, Path],
                                                      name: str) -> None:
    """The PDF side of test_offline_exports: fonts embedded, no script, no action that
    opens anything but the official addresses a reader clicks."""
    from pypdf import PdfReader

    assert pdf_loads(pdfs[name]) == []
    links = [a.get_object()["/A"]["/URI"] for page in PdfReader(pdfs[name]).pages
             for a in page.get("/Annots", []) or [] if "/URI" in a.get_object().get("/A", {})]
    assert links and all(str(u).startswith("https://") for u in links)


def test_the_pdf_scan_finds_a_script_and_an_action(pdfs: dict[str, Path],
                                                   tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=pdfs["brief.pdf"])
    writer.add_attachment("payload.txt", b"opened with the file")
    writer.add_uri(0, "https://example.org/form", (0, 0, 10, 10))
    writer.pages[0]["/Annots"][-1].get_object()["/A"].update(
        {NameObject("/S"): NameObject("/Launch")})
    writer.write(tmp_path / "bad.pdf")
    found = pdf_loads(tmp_path / "bad.pdf")
    assert found == ["names /EmbeddedFiles", "page 1: a /Launch action"]


def test_pdf_fetches_nothing_even_if_a_page_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan references nothing; should some text ever do so, the fetcher refuses it
    before any connection is tried, and the PDF is still written."""
    from engagewiz.render.pdf import to_pdf

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("engagewiz tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    data = to_pdf('<html><body><img src="https://example.org/x.png">'
                  '<link rel="stylesheet" href="http://example.org/x.css">text</body></html>')
    assert data[:5] == b"%PDF-"


def test_without_weasyprint_a_pdf_is_a_clear_message(tmp_path: Path) -> None:
    with patch.dict(sys.modules, {"weasyprint": None}):
        ran = run_cli("assess", "--answers", str(DEADLINE), "-o", str(tmp_path / "plan.pdf"))
    ran.fails_clearly("pip install 'engagewiz[pdf]'", "print it to PDF from a browser")
    assert list(tmp_path.iterdir()) == []


# -- the slide ----------------------------------------------------------------------------------

@pytest.mark.parametrize("answers", [DEADLINE, URGENT], ids=["deadline", "urgent"])
def test_slide_is_16_by_9_valid_xml_and_loads_nothing(answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "slide.svg"
    assert cli("assess", "--answers", str(answers), "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # well-formed XML, or this raises
    _, _, width, height = (float(x) for x in root.attrib["viewBox"].split())
    assert width / height == pytest.approx(16 / 9)
    assert re.findall(r"https?://[^\s\"'<]+", text) == ["http://www.w3.org/2000/svg"]
    assert "@font-face" not in text and "<image" not in text
    shown = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Top routes" in shown
    if answers == DEADLINE:
        assert "Time limits running" in shown and "53 days left" in shown
        assert "1. European Court of Human Rights: application" in shown
    else:
        assert "Urgent: someone is at imminent risk" in shown
    for node in root.iter("{http://www.w3.org/2000/svg}text"):
        assert 0 < float(node.attrib["y"]) <= height  # nothing drawn off the slide
