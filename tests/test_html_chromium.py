"""The HTML plan in a real browser: headless Chromium renders it, prints it on A4, shows it.

A plan is handed out on paper, so "the HTML is valid" is not enough: these tests open it
in Chromium (Debian packages chromium and chromium-driver), take a screenshot at A4
proportions, print it to PDF and read back the DOM. They skip, saying why, only when no
Chromium is installed; .ci/run installs it.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from html import escape
from pathlib import Path

import pytest

from cli_inprocess import run_cli

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "data" / "scenarios" / "rehab-centre-complaint-deadline.yaml"
BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="headless Chromium not installed (apt-get install chromium "
    "chromium-driver); .ci/run installs it")
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync")


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The HTML plan of one scenario, and the name of its top route (from the JSON)."""
    import json

    folder = tmp_path_factory.mktemp("plan")
    env = {"ENGAGEWIZ_TODAY": "2026-11-23"}
    base = ["assess", "-a", str(SCENARIO), "--no-input"]
    assert run_cli(*base, "-o", str(folder / "plan.html"), env=env).code == 0
    data = json.loads(run_cli(*base, "--format", "json", env=env).out)
    return folder / "plan.html", data["recommended"][0]["name"]


@pytest.fixture(scope="module")
def browsed(plan: tuple[Path, str],
            tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """One headless Chromium run over the plan: its screenshot and its print to PDF (files
    in the folder returned), the DOM it read back, and what it said on stderr. Chromium's
    new headless mode (`--headless=new` from Chromium 112, the only mode from 132) does all
    three jobs in one start, and a start was most of each test's time."""
    assert BROWSER is not None
    folder = tmp_path_factory.mktemp("chromium")
    done = subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={folder / 'profile'}",
         f"--screenshot={folder / 'plan.png'}", "--window-size=1240,1754",
         "--no-pdf-header-footer", f"--print-to-pdf={folder / 'plan.pdf'}", "--dump-dom",
         plan[0].as_uri()], capture_output=True, text=True, timeout=120, cwd=folder)
    return folder, done.stdout, done.stderr[-2000:]


def png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the (filtered) rows of an 8-bit RGB or RGBA PNG: no Pillow needed.

    Rows are compared as filtered bytes: identical pixels give identical filtered rows, so
    a blank page has one or two distinct rows and a page of text has hundreds.
    """
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), f"unexpected PNG format {depth}/{colour}"
    stride = width * (4 if colour == 6 else 3) + 1
    raw = zlib.decompress(idat)
    assert len(raw) == stride * height
    return width, height, [raw[i * stride + 1:(i + 1) * stride] for i in range(height)]


def test_screenshot_at_a4_proportions_is_not_blank(browsed: tuple[Path, str, str]) -> None:
    folder, _, stderr = browsed
    shot = folder / "plan.png"
    assert shot.exists(), stderr
    width, height, rows = png_rows(shot.read_bytes())
    assert (width, height) == (1240, 1754)
    _background, count = Counter(rows).most_common(1)[0]
    inked = height - count
    assert len(set(rows)) > 100, "the page looks blank"
    assert inked > height * 0.3, f"only {inked} of {height} rows carry anything"


def test_dom_holds_the_top_route_and_the_disclaimer(plan: tuple[Path, str],
                                                    browsed: tuple[Path, str, str]) -> None:
    _, dom, stderr = browsed
    assert "<h1>Engagement plan</h1>" in dom, stderr
    top = escape(plan[1], quote=False)
    assert re.search(r'<span class="num">1</span>' + re.escape(top), dom)
    assert "guidance, not legal advice" in dom


def test_prints_to_a4_pages(browsed: tuple[Path, str, str]) -> None:
    folder, _, stderr = browsed
    pdf = folder / "plan.pdf"
    assert pdf.exists(), stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert boxes, "no pages"
    for w, h in boxes:  # A4 is 595 x 842 points
        assert abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert 2 <= pages <= 30
