"""The bundled examples, each with its reviewed result.

The snapshot is a summary a trainer can read in a minute: the ranked routes with their
scores, what to check first and why, and the first rule that blocks each other route.
The full text of every example is pinned by the plan snapshots (tests/snapshots/plans).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from snapshot_util import assert_snapshot

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def assess_json(path: Path, *extra: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "engagewiz", "assess", "--answers", str(path),
         "--format", "json", *extra],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, env=os.environ, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def summary(result: dict[str, Any]) -> str:
    lines = [f"today {result['today']}, knowledge base {result['kb_version']}", "", "recommended:"]
    lines += [f"  {i}. {r['id']} ({r['score']:+d})" for i, r in
              enumerate(result["recommended"], 1)]
    lines += ["", "other open:"] + [f"  {r['id']}" for r in result["other_open"]]
    lines += ["", "check first:"]
    for r in result["check_first"]:
        lines.append(f"  {r['id']} ({r['score']:+d}): {r['check'][0]['rule']}")
    lines += ["", "blocked:"]
    for r in result["blocked"]:
        lines.append(f"  {r['id']}: {r['blocked_by'][0]['detail']}")
    overridden = [p["question"] for p in result["prefilled"] if p["overridden"]]
    if overridden:
        lines += ["", "your answers override the country data on: " + ", ".join(overridden)]
    return "\n".join(lines) + "\n"


def test_there_are_examples_for_each_situation_the_guide_names() -> None:
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_result_matches_its_reviewed_snapshot(example: Path) -> None:
    assert_snapshot(f"examples/{example.stem}.txt", summary(assess_json(example)))


def test_top_limits_the_recommended_list() -> None:
    full = assess_json(EXAMPLES[0])
    top = assess_json(EXAMPLES[0], "--top", "2")
    assert [r["id"] for r in top["recommended"]] == [r["id"] for r in full["recommended"][:2]]


def test_every_score_point_is_explained_with_a_source() -> None:
    for example in EXAMPLES:
        for route in assess_json(example)["recommended"]:
            assert route["score"] == sum(r["points"] for r in route["reasons"]), route["id"]
            assert all(r["source"] for r in route["reasons"]), route["id"]
