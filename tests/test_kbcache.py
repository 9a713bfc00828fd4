"""The knowledge-base cache: reused when nothing changed, rebuilt when a file did, pruned."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from engagewiz.kb import cache as kbcache


def test_cache_is_reused_then_rebuilt_after_an_edit(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENGAGEWIZ_NO_CACHE", raising=False)
    data = tmp_path / "data.txt"
    data.write_text("one", encoding="utf-8")
    builds: list[str] = []

    def build() -> str:
        builds.append(data.read_text(encoding="utf-8"))
        return builds[-1]

    assert kbcache.cached([data], build, str) == "one"
    assert kbcache.cached([data], build, str) == "one"
    assert builds == ["one"]
    data.write_text("two!", encoding="utf-8")  # another size: another key
    assert kbcache.cached([data], build, str) == "two!"
    assert builds == ["one", "two!"]
    pickles = list(kbcache.cache_dir().glob("str-*.pickle"))
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in pickles)


def test_old_pickles_of_the_same_kind_are_pruned(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENGAGEWIZ_NO_CACHE", raising=False)
    folder = kbcache.cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    old, recent = folder / "str-old.pickle", folder / "str-recent.pickle"
    for path in (old, recent):
        path.write_bytes(b"")
    month_ago = time.time() - kbcache.STALE_SECONDS - 60
    os.utime(old, (month_ago, month_ago))
    data = tmp_path / "data.txt"
    data.write_text("x", encoding="utf-8")
    kbcache.cached([data], lambda: "x", str)
    assert not old.exists() and recent.exists()
