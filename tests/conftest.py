"""Shared fixtures, and a test run that writes nothing outside its own temporary folders.

This module is imported before any test module is collected (some load the knowledge base
at import time), so the folders are isolated here, at import: the XDG cache and state
folders point into one temporary folder for the whole session, and nothing reaches the
tester's ~/.cache or ~/.local/state. The cache of the validated knowledge base is therefore
built once per session and shared by every CLI subprocess (a cold build per call tripled
the CLI tests' time). With pytest-xdist each worker is a session of its own: it imports
this module, so it has its own folder and cache, and removes them when it ends. Each test
then gets a state folder of its own, so no test sees another's interrupted interview.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")
TODAY = date(2026, 11, 23)
SANDBOX = Path(tempfile.mkdtemp(prefix="engagewiz-tests-"))  # 0700, ours

for _var, _name in {"XDG_CACHE_HOME": "cache", "XDG_STATE_HOME": "state",
                    "XDG_CONFIG_HOME": "config", "XDG_DATA_HOME": "share"}.items():
    (SANDBOX / _name).mkdir(mode=0o700)
    os.environ[_var] = str(SANDBOX / _name)
for _var in ("ENGAGEWIZ_HOME", "ENGAGEWIZ_KB", "ENGAGEWIZ_NO_CACHE", "ENGAGEWIZ_DEBUG"):
    os.environ.pop(_var, None)
os.environ["ENGAGEWIZ_TODAY"] = TODAY.isoformat()

from engagewiz.core.model import KnowledgeBase  # noqa: E402 - after the folders are isolated
from engagewiz.kb import countrycache, load  # noqa: E402
from engagewiz.kb.countries import CountryData, load_countries  # noqa: E402
from engagewiz.kb.load import default_dir, load_kb  # noqa: E402


def _decoded_once(decode: Callable[[bytes], T]) -> Callable[[bytes], T]:
    """`decode`, remembered by the exact bytes it was given.

    Hundreds of tests run the real command line in this process (tests/cli_inprocess.py),
    and each run read the knowledge base back from the cache: 27 ms of CPU to decode the
    same bytes into the same frozen records every time. The cache's own checks still run
    on every read (header, key, CRC: a damaged or stale file is still rebuilt, which
    test_kbcache.py tests), and bytes never decoded before are decoded as ever."""
    memo: dict[bytes, T] = {}

    @functools.wraps(decode)  # `__wrapped__`: the decoder itself, for a test of decoding
    def once(payload: bytes) -> T:
        if payload not in memo:
            memo[payload] = decode(payload)
        return memo[payload]

    return once


load._decode = _decoded_once(load._decode)
countrycache._decode = _decoded_once(countrycache._decode)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own, which reads these options
def pytest_cmdline_main(config: pytest.Config) -> None:
    """The whole suite (`python -m pytest`, README's command and CI's) on every core: one
    pytest-xdist worker per logical CPU ("auto" counts physical cores when psutil is there,
    one on a 2-vCPU machine with hyperthreads), each test file on one worker so its fixtures
    (the PDFs, a warmed-up CLI) are made once. Named files or tests, an explicit `-n`, or no
    pytest-xdist installed: one process, as a debugger, `-s` and a quick rerun want."""
    if (config.pluginmanager.hasplugin("xdist") and not hasattr(config, "workerinput")
            and config.args_source is not pytest.Config.ArgsSource.ARGS
            and config.getoption("numprocesses") is None):
        config.option.numprocesses = "logical"
        if config.getoption("dist") == "no":
            config.option.dist = "loadfile"


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(SANDBOX, ignore_errors=True)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def countries() -> CountryData:
    return load_countries(default_dir() / "countries.json")


@pytest.fixture(autouse=True)
def private_state(monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own engagewiz state folder (where resume files go), in the session's
    folder. A random name: pytest's numbered folders list the whole temp folder for each new
    one, which over 1,700 tests cost seconds."""
    state = Path(tempfile.mkdtemp(prefix="state-", dir=SANDBOX))  # 0700
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    return state / "engagewiz"
