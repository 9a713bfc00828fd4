"""The cache: reused when nothing changed, rebuilt when anything did, and harmless.

It stores data, never code, checks a digest of what it reads, and reads only from a folder
that is the user's alone. Whatever is wrong with a cache file (corrupt, truncated, a
wrong digest, foreign, planted, a FIFO, nested too deep) the result is the one a fresh
build gives, with no error.
"""

from __future__ import annotations

import json
import os
import pickle
import stat
import time
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from engagewiz.core.model import KnowledgeBase, QuestionChange
from engagewiz.kb import cache as kbcache
from engagewiz.kb import codec, countrycache
from engagewiz.kb.countries import CountryData
from engagewiz.kb.countrycache import cached_countries
from engagewiz.kb.load import default_dir, load_kb
from engagewiz.storage import fsutil

COUNTRIES = default_dir() / "countries.json"


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own (not the session's shared one)."""
    monkeypatch.delenv("ENGAGEWIZ_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    kbcache._warned.clear()
    return kbcache.cache_dir()


class Counted:
    """A build that counts its calls, over one data file."""

    def __init__(self, tmp_path: Path, text: str = "one") -> None:
        self.data = tmp_path / "data.txt"
        self.data.write_text(text, encoding="utf-8")
        self.builds = 0

    def build(self) -> dict[str, Any]:
        self.builds += 1
        return {"text": self.data.read_text(encoding="utf-8"), "items": [1, 2]}

    def get(self) -> dict[str, Any]:
        found: dict[str, Any] = kbcache.cached("test", [self.data], self.build, codec.dumps,
                                               codec.loads)
        return found

    def file(self) -> Path:
        [path] = kbcache.cache_dir().glob("test-*.json")
        return path


def test_cache_is_reused_then_rebuilt_after_an_edit(tmp_path: Path) -> None:
    counted = Counted(tmp_path)
    assert counted.get() == counted.get() == {"text": "one", "items": [1, 2]}
    assert counted.builds == 1
    counted.data.write_text("two!", encoding="utf-8")  # another size: another key
    assert counted.get()["text"] == "two!" and counted.builds == 2
    for path in kbcache.cache_dir().glob("test-*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_folders_made_for_the_cache_are_private_all_the_way_down(tmp_path: Path) -> None:
    os.umask(0o022)
    Counted(tmp_path).get()
    for folder in (tmp_path / "xdg", tmp_path / "xdg" / "engagewiz"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_write_private_makes_every_missing_folder_0700(tmp_path: Path) -> None:
    os.umask(0o022)
    fsutil.write_private(tmp_path / "a" / "b" / "c" / "plan.md", "x")
    for folder in ("a", "a/b", "a/b/c"):
        assert stat.S_IMODE((tmp_path / folder).stat().st_mode) == 0o700, folder


def damaged(payload: bytes) -> list[tuple[str, bytes]]:
    head, _, body = payload.partition(b"\n")
    wrong = json.loads(head) | {"crc32": 0}
    return [
        ("corrupt bytes", b"\x80\x63." + payload[3:]),
        ("truncated", payload[: len(payload) // 2]),
        ("a byte flipped in the data", head + b"\n" + body.replace(b"one", b"onf")),
        ("wrong digest", json.dumps(wrong).encode() + b"\n" + body),
        ("empty", b""),
        ("no header", body),
        ("nested too deep", head + b"\n" + b"[" * 100_000 + b"]" * 100_000),
        ("a class outside engagewiz", head + b"\n" + b'{"@": "os:system", "x": 1}'),
    ]


@pytest.mark.parametrize("case", range(8), ids=[name for name, _ in damaged(b"{}\n{}")])
def test_a_damaged_file_is_ignored_and_rebuilt(tmp_path: Path, case: int) -> None:
    counted = Counted(tmp_path)
    counted.get()
    path = counted.file()
    path.write_bytes(damaged(path.read_bytes())[case][1])
    assert counted.get() == {"text": "one", "items": [1, 2]}
    assert counted.builds == 2
    assert counted.get() == {"text": "one", "items": [1, 2]} and counted.builds == 2  # repaired


def test_a_planted_pickle_never_runs(tmp_path: Path) -> None:
    counted = Counted(tmp_path)
    counted.get()
    marker = tmp_path / "ran"

    class Exploit:
        def __reduce__(self) -> tuple[Any, ...]:
            return (open, (str(marker), "w"))

    path = counted.file()
    path.write_bytes(pickle.dumps(Exploit()))
    path.with_suffix(".pickle").write_bytes(pickle.dumps(Exploit()))
    assert counted.get()["text"] == "one"
    assert not marker.exists()


def test_a_file_that_is_not_ours_or_not_a_file_is_ignored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counted = Counted(tmp_path)
    counted.get()
    path = counted.file()
    real_uid = os.getuid()
    monkeypatch.setattr(kbcache.os, "fstat", lambda fd: _as_uid(os.stat(path), real_uid + 1))
    assert counted.get()["text"] == "one" and counted.builds == 2  # another user's file
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path.unlink()
    os.mkfifo(path)  # reading a FIFO would hang
    assert counted.get()["text"] == "one" and counted.builds == 3
    path.unlink()
    path.symlink_to(tmp_path / "elsewhere.json")
    assert counted.get()["text"] == "one" and counted.builds == 4


def _as_uid(st: os.stat_result, uid: int) -> os.stat_result:
    fields = list(st)
    fields[stat.ST_UID] = uid
    return os.stat_result(fields)


def test_a_folder_others_can_write_is_not_used(
        tmp_path: Path, own_cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counted = Counted(tmp_path)
    counted.get()
    own_cache.chmod(0o777)
    counted.file().write_bytes(b"planted")
    assert counted.get()["text"] == "one" and counted.get()["text"] == "one"
    assert counted.builds == 3  # neither read nor written
    assert counted.file().read_bytes() == b"planted"
    err = capsys.readouterr().err
    assert err.count("warning: not using the cache") == 1  # once per run
    assert f"chmod go-w {own_cache}" in err


def test_a_folder_of_another_user_is_not_used(
        tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    counted = Counted(tmp_path)
    counted.get()
    monkeypatch.setattr(fsutil.os, "getuid", lambda: os.geteuid() + 1)
    assert counted.get()["text"] == "one" and counted.builds == 2
    assert "belongs to another user" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_root_does_not_use_a_cache_folder_another_user_owns(
        tmp_path: Path, own_cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counted = Counted(tmp_path)
    counted.get()
    os.chown(own_cache, 65534, 65534)  # nobody: S1 of the fuzz report, as root
    assert counted.get()["text"] == "one" and counted.builds == 2
    assert "belongs to another user (uid 65534)" in capsys.readouterr().err


def test_old_files_and_pickles_of_the_same_kind_are_pruned(tmp_path: Path,
                                                           own_cache: Path) -> None:
    own_cache.mkdir(parents=True)
    old, recent, pickled = (own_cache / "test-old.json", own_cache / "test-recent.json",
                            own_cache / "test-0123.pickle")
    for path in (old, recent, pickled):
        path.write_bytes(b"")
    month_ago = time.time() - kbcache.STALE_SECONDS - 60
    os.utime(old, (month_ago, month_ago))
    Counted(tmp_path).get()
    assert not old.exists() and not pickled.exists() and recent.exists()


def test_the_knowledge_base_and_country_data_survive_the_round_trip(
        kb: KnowledgeBase, countries: CountryData) -> None:
    fresh = load_kb()  # built: this test's cache folder is empty
    assert fresh == kb
    assert load_kb() == kb  # and read back
    first = cached_countries(COUNTRIES)
    again = cached_countries(COUNTRIES)
    assert again.built == countries.built and again.sources == countries.sources
    assert list(again) == list(countries) == list(first)
    assert again.search("Kenia") is None and again.suggest("Kenia") == countries.suggest("Kenia")
    assert again.search("KE") == countries.get("KEN")


@pytest.fixture(scope="module")
def country_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, bytes]:
    """The bundled country data's cache file (name, bytes), built once for the tests that
    read or damage one: each plants it in its own cache folder (`planted`), where building
    it again cost half a second of CPU."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg")))
        cached_countries(COUNTRIES)
        [cache] = kbcache.cache_dir().glob("countrydata-*.json")
        return cache.name, cache.read_bytes()


def planted(country_cache: tuple[str, bytes]) -> Path:
    """The country cache file in this test's cache folder, shown to be the one used."""
    name, data = country_cache
    cache = kbcache.cache_dir() / name
    fsutil.write_private(cache, data)
    made = cache.stat().st_ino
    cached_countries(COUNTRIES)
    assert cache.stat().st_ino == made, "the planted cache was rebuilt, not read"
    return cache


def test_the_interview_lists_the_states_from_the_cache_without_decoding_one(
        country_cache: tuple[str, bytes], countries: CountryData) -> None:
    """The country question lists every State's name at each start: read from the cached
    file's first line, not from 195 decoded records."""
    cache = planted(country_cache)
    decode = countrycache._decode.__wrapped__  # type: ignore[attr-defined]  # conftest's memo
    again = decode(cache.read_bytes().split(b"\n", 1)[1])
    assert again.titles() == {c.iso3: c.name for c in countries}
    assert list(again.titles()) == [c.iso3 for c in countries]
    assert again._countries.done == {}


def test_a_country_cache_whose_names_are_not_its_states_is_rebuilt(
        country_cache: tuple[str, bytes]) -> None:
    """A file whose header and checksum are right but whose list of names is not the
    States' (planted, or written by a faulty build) is decoded, refused and rebuilt."""
    cache = planted(country_cache)
    head, payload = cache.read_bytes().split(b"\n", 1)
    damaged = payload.replace(b'"KEN":"Kenya"', b'"KEN":1')
    assert damaged != payload
    header = {**json.loads(head), "crc32": zlib.crc32(damaged)}
    cache.write_bytes(json.dumps(header).encode() + b"\n" + damaged)
    assert cached_countries(COUNTRIES).titles()["KEN"] == "Kenya"
    assert b'"KEN":"Kenya"' in cache.read_bytes()  # written again, whole


def test_a_flipped_byte_in_the_country_cache_never_reaches_the_output(
        country_cache: tuple[str, bytes], countries: CountryData) -> None:
    """The fuzz report's S5: 'Kenya' -> 'Kenyb' in the cache gave a plan for 'Kenyb'."""
    cache = planted(country_cache)
    cache.write_bytes(cache.read_bytes().replace(b"Kenya", b"Kenyb"))
    found = cached_countries(COUNTRIES).search("Kenya")
    assert found is not None and found == countries.get("KEN")


def test_the_codec_builds_only_engagewiz_records() -> None:
    gate = '[["engagewiz.core.model:Gate",["kind","rule","unblock","check","source","params",'
    for payload, why in (
            (b'[["os:system",[],[],[]]]\n{"@":0,"v":[]}', "not a record class"),
            (b'[["engagewiz.kb.cache:Path",[],[],[]]]\n{"@":0,"v":[]}', "not a record class"),
            (b'[["collections:OrderedDict",[],[],[]]]\n{"@tuple":0,"items":[]}',
             "not a record class"),
            ((gate + '"test"],[],[]]]\n{"@":0,"v":["x"]}').encode(), "not the fields"),
            ((gate + '"test","extra"],[],[]]]\n{"@":0,"v":[]}').encode(), "not the fields"),
            ((gate + '"test"],[9],[]]]\n{"@":0,"v":[]}').encode(), "not the fields"),
            ((gate + '"test"],[4],[-1]]]\n{"@":0,"v":[]}').encode(), "not the fields"),
            (b'{"@":0,"v":[]}', "no table")):
        with pytest.raises((KeyError, ValueError), match=why):
            codec.loads(payload)
    with pytest.raises(TypeError):
        codec.dumps({"a": object()})


def test_the_codec_gives_back_what_it_was_given(kb: KnowledgeBase) -> None:
    renamed = QuestionChange("2027.01", renamed=(("was_id", "now_id"),))
    value = {"kb": kb, "when": date(2026, 11, 23), "keys": {1: "one", "@at": [1, 2]},
             "change": renamed}
    back = codec.loads(codec.dumps(value))
    assert back == value
    assert back["change"].renamed == (("was_id", "now_id"),)  # tuples of tuples
    assert back["kb"].routes[0].gates[0].source.__class__ is tuple
    assert codec.dumps(value).isascii()  # json parses ASCII faster
