"""Snapshot files: compare a text with its stored copy under tests/snapshots/.

Run with ENGAGEWIZ_UPDATE_SNAPSHOTS=1 to rewrite the stored copies, then review the diff
before committing: a snapshot is only worth something if a person has read it. A missing
snapshot is written and the test fails, so a new one is never accepted unseen.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = "ENGAGEWIZ_UPDATE_SNAPSHOTS"


def assert_snapshot(name: str, text: str) -> None:
    """`name` is a path under tests/snapshots/, e.g. "plans/kenya-torture-survivor.md"."""
    path = SNAPSHOTS / name
    if os.environ.get(UPDATE) == "1" or not path.exists():
        existed = path.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not existed and os.environ.get(UPDATE) != "1":
            pytest.fail(f"new snapshot written to {path}; review it and run the tests again")
        return
    stored = path.read_text(encoding="utf-8")
    if stored != text:
        diff = "".join(difflib.unified_diff(
            stored.splitlines(keepends=True), text.splitlines(keepends=True),
            f"stored {name}", "now", n=2))
        pytest.fail(f"{name} differs from its snapshot (set {UPDATE}=1 to accept):\n"
                    f"{diff[:6000]}")
