"""A web address in terminal output is never broken across lines, nor cropped.

A lawyer copies addresses out of the output: rich's word wrap folded one longer than the
room left on a line, so the copied link was cut (`treatynu` / `m=158`). Every address
the output shows must be one the knowledge base or the country data holds, whole.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from cli_inprocess import run_cli
from engagewiz.core.model import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
ADDRESS = re.compile(r"https?://[^\s\"'<>]+")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
TRAILING = ".,;:)]"  # punctuation that closes the sentence or bracket around an address
WIDTHS = (40, 60, 80)
# Examples whose reports quote long addresses (the country data's sources, UPR hedges).
REPORTS = ("sahel-ecowas-exit", "closed-state-high-risk", "europe-collective-complaint")


@cache
def written() -> frozenset[str]:
    """Every address in the knowledge base's files and the country data, as written."""
    files = [*(ROOT / "data").rglob("*.yaml"), ROOT / "data" / "countries.json"]
    return frozenset(a.rstrip(TRAILING) for f in files
                     for a in ADDRESS.findall(f.read_text(encoding="utf-8")))


@pytest.fixture
def known(kb: KnowledgeBase) -> frozenset[str]:
    """Those, and the addresses made from UN document symbols (undocs.org)."""
    return written() | {s.link for s in kb.sources.values()}


def addresses(*args: str, width: int, colour: bool = False) -> list[str]:
    env = {"COLUMNS": str(width), "FORCE_COLOR": "1" if colour else ""}
    if not colour:
        env["NO_COLOR"] = "1"
    done = run_cli(*args, env=env)
    assert done.code == 0, done.err
    return [a.rstrip(TRAILING) for a in ADDRESS.findall(ANSI.sub("", done.out))]


def test_the_country_view_keeps_the_treaty_status_address_whole(known: frozenset[str]) -> None:
    shown = addresses("country", "AUT", "--plain", width=80)
    assert ("https://www.coe.int/en/web/conventions/full-list?module=treaty-detail"
            "&treatynum=158") in shown
    assert set(shown) <= known, set(shown) - known


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("colour", [False, True])
def test_country_views_and_reports_keep_every_address_whole(
        width: int, colour: bool, known: frozenset[str]) -> None:
    plain = () if colour else ("--plain",)
    runs = [("country", "AUT", *plain), *(("assess", "--answers", str(ROOT / "examples" /
            f"{name}.yaml"), *plain) for name in REPORTS)]
    for args in runs:
        shown = addresses(*args, width=width, colour=colour)
        assert set(shown) <= known, (args, set(shown) - known)
    assert shown, "the last report shows no address: the test would check less than it says"


def test_explain_keeps_every_address_whole(kb: KnowledgeBase, known: frozenset[str]) -> None:
    """Every eighth route: each cites long addresses at 40 columns (all of them did fold)."""
    for route in kb.routes[::8]:
        shown = addresses("explain", route.id, width=40)
        assert set(shown) <= known, (route.id, set(shown) - known)
