"""Citations people can follow: a numbered mark per reason on screen and the list under
the result, `engagewiz sources [KEY]`, `explain KEY`, and each reason's sources in JSON."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KENYA = ROOT / "examples" / "kenya-torture-survivor.yaml"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ENGAGEWIZ_TODAY": "2026-11-23", "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "engagewiz", *args], capture_output=True,
                          text=True, env=env, timeout=60)


def test_marks_are_numbered_in_order_and_listed_under_the_result() -> None:
    done = cli("assess", "--answers", str(KENYA), "--plain")
    assert done.returncode == 0, done.stderr
    body, listing = done.stdout.split("\nSOURCES\n-------\n")
    body = re.sub(r"\s+", " ", body)  # a mark may wrap across lines
    listing = re.sub(r"\n +", " ", listing)  # so may a title in the list
    used = [int(n) for mark in re.findall(r"\[(\d+(?:, \d+)*)\]", body)
            for n in mark.split(", ")]
    assert list(dict.fromkeys(used)) == list(range(1, max(used) + 1))  # first use, in order
    listed = re.findall(r"^\[(\d+)\] (.+) \(([a-z0-9-]+)\)$", listing, re.M)
    assert [int(n) for n, _, _ in listed] == list(range(1, max(used) + 1))
    assert not re.search(r"\[[a-z]+-[a-z0-9-]+\]", body)  # no bare keys as marks
    first = dict((n, key) for n, _, key in listed)["1"]
    assert cli("sources", first).returncode == 0  # each key in the list can be looked up


def test_route_ids_stand_next_to_route_names() -> None:
    done = cli("assess", "--answers", str(KENYA), "--plain", "--top", "2")
    assert "1. African Commission: communication (achpr-communication)  score" in done.stdout
    assert "CAT: individual complaint (cat-communication)\n" in done.stdout  # blocked


def test_sources_lists_every_key_and_shows_one_in_full() -> None:
    listing = cli("sources")
    assert listing.returncode == 0, listing.stderr
    assert re.search(r"^ccpr-rules +Human Rights Committee rules, CCPR/C/3/Rev.12$",
                     listing.stdout, re.M)
    one = cli("sources", "ccpr-rules")
    assert "Official address: https://undocs.org/CCPR/C/3/Rev.12" in one.stdout
    assert "re-read it before you rely on it" in one.stdout  # approximate: says so
    assert "ccpr-communication" in one.stdout  # which routes rest on it
    assert cli("explain", "ccpr-rules").stdout == one.stdout


def test_an_unknown_source_key_is_a_clear_error() -> None:
    done = cli("sources", "ccpr-rule")
    assert done.returncode == 2
    assert done.stderr.startswith("engagewiz: error: KEY: unknown source 'ccpr-rule'; did you "
                                  "mean 'ccpr-rules'")


def test_json_gives_each_reason_its_sources_title_citation_and_url() -> None:
    done = cli("assess", "--answers", str(KENYA), "--format", "json")
    data = json.loads(done.stdout)
    reason = data["recommended"][0]["reasons"][0]
    assert reason["source"] == [s["key"] for s in reason["sources"]]
    for s in reason["sources"]:
        assert s["title"] and s["citation"] and s["url"].startswith("https://")
    blocked = next(r for r in data["blocked"] if r["id"] == "cat-communication")
    cited = {s["key"]: s for g in blocked["blocked_by"] for s in g["sources"]}
    assert cited["untc-chapter-iv"]["url"].startswith("https://treaties.un.org/")
    listed = json.loads(cli("sources", "--format", "json").stdout)
    assert {"key": "cat-rules", "url": "https://undocs.org/CAT/C/3/Rev.6"}.items() <= next(
        s for s in listed if s["key"] == "cat-rules").items()
