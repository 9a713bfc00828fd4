"""Property-based fuzzing of everything a user or an author hands the tool.

The property, for every input: exit 0 or 2, within the budget, never an internal error,
and an error names the file it is about. Runs go through the real entry point in this
process (tests/cli_inprocess.py), about 30 ms each.

Bounded in CI by the "ci" profile (a few dozen cases a test); a longer run:
`HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py` (docs/architecture.md).
Every case hypothesis shrinks to belongs in tests/test_hostile_input.py as a named test.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
from pathlib import Path

import pytest


def _import_as_a_library() -> None:
    """Import hypothesis without pytest rewriting its asserts.

    hypothesis is a pytest plugin, so pytest rewrites the asserts of every module of it as
    it is imported, compiling each from source: 1.0 s of CPU in every pytest process, and
    every xdist worker collects this file. Those asserts are not ours; with the rewriting
    hook set aside, hypothesis loads from its .pyc like any library."""
    hooks = [h for h in sys.meta_path if type(h).__name__ == "AssertionRewritingHook"]
    sys.meta_path[:] = [h for h in sys.meta_path if h not in hooks]
    try:
        import hypothesis.strategies  # noqa: F401 - the modules the tests below use
    finally:
        sys.meta_path[:0] = hooks


_import_as_a_library()
from hypothesis import HealthCheck, given, settings  # noqa: E402 - once imported as above
from hypothesis import strategies as st  # noqa: E402

from cli_inprocess import BUDGET_SECONDS, Ran, run_cli  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MINIMAL = ROOT / "examples" / "kb-minimal"
DATA = ROOT / "data"
SLOW_BUDGET = 5.0  # `check` on the whole bundled KB: its exhaustive search alone is ~1.5 s

_common = {"deadline": None, "derandomize": True, "database": None,
           "suppress_health_check": [HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=8, **_common)
settings.register_profile("long", max_examples=1000, **_common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
_names = itertools.count()

# values that broke the tool once, or could: tags, aliases, numbers, dates, controls, nesting
NASTY = ["!!float abc", "!!python/object/apply:os.system ['true']", "*undefined", "&a [*a]",
         "7" * 5000, "1e999", ".nan", "2026-03-03 10:00:00", "9995-01-01", "0001-01-01",
         '"\\e]0;PWNED\\a"', '"\\ud800"', "\t", "[" * 60 + "]" * 60, "{a: 1, a: 2}", "~",
         "yes", "no", "dont_know", "[]", "{}", "'" + "x" * 5000 + "'", "- a\n- b", "|\n  x"]
scalar_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
yaml_value = st.one_of(st.sampled_from(NASTY), scalar_text.map(json.dumps),
                       st.integers().map(str))


def fresh(folder: Path, suffix: str) -> Path:
    """A new file name per case: the tool may memoise files by size and time."""
    return folder / f"case-{next(_names)}{suffix}"


def names_a_file(ran: Ran, *files: Path) -> None:
    """An error says which file it is about (or which argument, where no file is)."""
    if ran.code == 2:
        first = ran.err.splitlines()[0] if ran.err else ran.out.splitlines()[0]
        assert any(str(f) in ran.err + ran.out or f.name in first for f in files), ran.err


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """`text` with a few edits a person or a broken tool could make."""
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines)))
        kind = draw(st.sampled_from(["value", "line", "bytes", "cut", "twice", "indent"]))
        if kind == "value" and at < len(lines) and ":" in lines[at]:
            key = lines[at].split(":")[0]
            lines[at] = f"{key}: {draw(yaml_value)}"
        elif kind == "line":
            lines.insert(at, f"{draw(scalar_text)}: {draw(yaml_value)}")
        elif kind == "bytes":
            line = lines[at] if at < len(lines) else ""
            cut = draw(st.integers(0, len(line)))
            lines[at:at + 1] = [line[:cut] + draw(scalar_text) + line[cut:]]
        elif kind == "cut":
            del lines[at:at + draw(st.integers(1, 5))]
        elif kind == "twice" and at < len(lines):
            lines.insert(draw(st.integers(0, len(lines))), lines[at])
        elif kind == "indent" and at < len(lines):
            lines[at] = " " * draw(st.integers(1, 3)) + lines[at]
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n"]))


@pytest.fixture(scope="module")
def warm() -> None:
    run_cli("assess", "--answers", str(EXAMPLES[0]), "--format", "json")


# -- answers files ------------------------------------------------------------------------------

@given(data=st.data(), example=st.sampled_from(EXAMPLES))
def test_mutated_answers_files(warm: None, tmp_path: Path, data: st.DataObject,
                               example: Path) -> None:
    path = fresh(tmp_path, ".yaml")
    path.write_text(data.draw(mutated(example.read_text(encoding="utf-8"))), encoding="utf-8",
                    errors="surrogatepass")
    ran = run_cli("assess", "--answers", str(path), "--format", "json", "--no-input")
    ran.holds()
    names_a_file(ran, path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | scalar_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(scalar_text, inner, max_size=4),
    max_leaves=20)


@given(answers=st.dictionaries(st.sampled_from(["org_type", "country", "themes", "remedies",
                                                "final_decision_date", "x", ""]) | scalar_text,
                               json_values, max_size=6))
def test_json_answers_files(warm: None, tmp_path: Path, answers: dict[str, object]) -> None:
    path = fresh(tmp_path, ".json")
    path.write_text(json.dumps(answers), encoding="utf-8", errors="surrogatepass")
    ran = run_cli("assess", "--answers", str(path), "--format", "json", "--no-input")
    ran.holds()
    names_a_file(ran, path)


# -- knowledge-base copies ------------------------------------------------------------------------

@given(data=st.data(), name=st.sampled_from(["questions.yaml", "mechanisms.yaml",
                                             "countries.json"]))
@settings(max_examples=settings().max_examples // 2)
def test_mutated_minimal_kb(warm: None, tmp_path: Path, data: st.DataObject, name: str) -> None:
    kb = fresh(tmp_path, "")
    shutil.copytree(MINIMAL, kb)
    source = (kb / name) if name != "countries.json" else (DATA / name)
    text = source.read_text(encoding="utf-8")
    if name == "countries.json":  # a small, real one: two States
        raw = json.loads(text)
        raw["countries"] = {k: raw["countries"][k] for k in ("KEN", "FRA")}
        text = json.dumps(raw, indent=1)
    (kb / name).write_text(data.draw(mutated(text)), encoding="utf-8", errors="surrogatepass")
    files = [kb / n for n in ("questions.yaml", "mechanisms.yaml", "countries.json")]
    for command in (["check"], ["assess", "--answers", str(EXAMPLES[0]), "--format", "json"],
                    ["country", "KEN"], ["tree"]):
        ran = run_cli(*command, "--kb", str(kb))
        ran.holds()
        names_a_file(ran, *files, EXAMPLES[0])


@given(data=st.data(), name=st.sampled_from(["questions.yaml", "mechanisms.yaml"]))
@settings(max_examples=max(2, settings().max_examples // 8))
def test_mutated_bundled_kb(warm: None, tmp_path: Path, data: st.DataObject, name: str) -> None:
    kb = fresh(tmp_path, "")
    shutil.copytree(DATA, kb, ignore=shutil.ignore_patterns("countries.json", "scenarios"))
    (kb / name).write_text(data.draw(mutated((DATA / name).read_text(encoding="utf-8"))),
                           encoding="utf-8", errors="surrogatepass")
    for command, budget in ((["check"], SLOW_BUDGET),
                            (["assess", "--answers", str(EXAMPLES[0]), "--format", "json"],
                             BUDGET_SECONDS)):
        ran = run_cli(*command, "--kb", str(kb))
        assert ran.code in (0, 2) and "internal error" not in ran.err, ran.err[:2000]
        assert ran.seconds < budget, (command, ran.seconds)
        names_a_file(ran, kb / name, kb / "questions.yaml", kb / "mechanisms.yaml",
                     kb / "texts.yaml", EXAMPLES[0])


# -- the cache ------------------------------------------------------------------------------------

def _cache_files() -> list[Path]:
    from engagewiz.kb.cache import cache_dir

    folder = cache_dir()
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


@given(data=st.data())
@settings(max_examples=max(4, settings().max_examples // 4))
def test_a_damaged_cache_is_rebuilt_not_believed(data: st.DataObject) -> None:
    """Whatever format the cache has: any damage gives the same result as no cache."""
    args = ("assess", "--answers", str(EXAMPLES[0]), "--format", "json")
    expected = run_cli(*args)
    files = _cache_files()
    assert files, "nothing cached"
    target = data.draw(st.sampled_from(files))
    content = bytearray(target.read_bytes())
    how = data.draw(st.sampled_from(["flip", "cut", "junk", "empty"]))
    if how == "flip" and content:
        at = data.draw(st.integers(0, len(content) - 1))
        content[at] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        content = content[:data.draw(st.integers(0, len(content)))]
    elif how == "junk":
        content = bytearray(data.draw(st.binary(max_size=200)))
    else:
        content = bytearray()
    target.write_bytes(bytes(content))
    ran = run_cli(*args)
    ran.holds()
    assert ran.out == expected.out


# -- output paths and arguments ---------------------------------------------------------------

@settings(max_examples=max(4, settings().max_examples // 2))
@given(kind=st.sampled_from(["fifo", "folder", "deep", "long", "dash", "symlink", "file"]),
       option=st.sampled_from(["--output", "--save-answers"]),
       suffix=st.sampled_from([".md", ".html", ".svg", ".json", ".yaml", ""]))
def test_output_paths(warm: None, tmp_path: Path, kind: str, option: str, suffix: str) -> None:
    base = fresh(tmp_path, "")
    base.mkdir()
    target = base / f"out{suffix}"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "deep":
        target = base / "a" / "b" / f"out{suffix}"
    elif kind == "long":
        target = base / ("x" * 300 + suffix)
    elif kind == "dash":
        target = Path("-")
    elif kind == "symlink":
        (base / "real").write_text("keep")
        target.symlink_to(base / "real")
    elif kind == "file":
        target.write_text("old")
    ran = run_cli("assess", "--answers", str(EXAMPLES[0]), option, str(target))
    ran.holds()
    if kind == "fifo":
        assert target.is_fifo()
    if kind == "symlink":
        assert (base / "real").read_text() == "keep"


arguments = st.lists(st.one_of(
    st.sampled_from(["--format", "json", "rich", "--top", "all", "0", "--plain", "--compact",
                     "--kb", str(MINIMAL), "--today", "2026-01-01", "9999-12-31", "--set",
                     "org_type=ngo", "country=", "nan", "inf", "--auto", "-", "--",
                     "npm-cpt-and-spt", str(EXAMPLES[0]), "KEN", "--no-input", "7" * 5000]),
    scalar_text), max_size=6)


@given(command=st.sampled_from(["assess", "country", "compare", "demo", "check", "tree",
                                "explain", "schema", "template", "mechanisms", "zzz"]),
       args=arguments)
def test_arguments(warm: None, command: str, args: list[str]) -> None:
    if command == "assess" and "--answers" not in args:
        args = ["--answers", str(EXAMPLES[0]), *args]  # no interview without a terminal
    if command == "demo":
        args = [*args, "--auto"]
    ran = run_cli(command, *args)
    ran.holds()
    assert "\x1b" not in ran.err
