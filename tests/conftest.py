"""Shared fixtures: the bundled knowledge base, loaded once, and an isolated state folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from engagewiz.core.model import KnowledgeBase
from engagewiz.kb.countries import CountryData, load_countries
from engagewiz.kb.load import default_dir, load_kb

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def countries() -> CountryData:
    return load_countries(default_dir() / "countries.json")


@pytest.fixture(autouse=True)
def private_state(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    """Resume files go to a temporary folder, never the tester's home."""
    home = tmp_path_factory.mktemp("engagewiz-home")
    monkeypatch.setenv("ENGAGEWIZ_HOME", str(home))
    monkeypatch.delenv("ENGAGEWIZ_KB", raising=False)
    monkeypatch.setenv("ENGAGEWIZ_TODAY", TODAY.isoformat())
    return home
