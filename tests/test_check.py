"""`engagewiz check`: every broken copy of the knowledge base gives exactly the expected
messages, the good ones pass, and the command behaves like a linter (exit 2, stdout).

Each folder under tests/kb-broken/ is examples/kb-minimal with one mistake and an
expected.txt holding check's exact output when run inside that folder with `--kb .`.
Checks run with the session's cache (tests/conftest.py), as a user's do: what check says
never depends on it, and the bundled country data, which every copy here borrows, is then
validated once per session rather than once per check (0.2 s of CPU each, 60 times).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engagewiz.cli.app import app
from engagewiz.errors import InputError
from engagewiz.kb.load import load_kb

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ROOT / "tests" / "kb-broken"
MINIMAL = ROOT / "examples" / "kb-minimal"
FIXTURES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())

# The kinds of problem the issue lists, and the fixtures that show each (so a fixture
# cannot be dropped without noticing that a kind of mistake is no longer tested).
KINDS_OF_PROBLEM = {
    "schema: missing field": ["schema-missing-field"],
    "schema: unknown field": ["schema-unknown-field", "comma-in-text"],
    "schema: wrong type": ["schema-wrong-type", "unquoted-no"],
    "duplicate ids": ["duplicate-question-id", "duplicate-route-id", "duplicate-section-id"],
    "a key written twice, which YAML drops without a word": ["key-given-twice"],
    "unknown question": ["unknown-question", "unknown-answer-question"],
    "unknown choice": ["unknown-choice", "dont-know-not-offered"],
    "unknown route attribute or value": ["unknown-route-attribute", "unknown-attribute-value",
                                         "unknown-theme"],
    "a question the code reads: missing, mistyped, a choice renamed": [
        "gate-missing-question", "gate-question-wrong-type", "gate-question-missing-choice"],
    "a parameter the gate kind does not take": ["gate-unknown-parameter"],
    "unknown country": ["unknown-country"],
    "condition never true": ["never-true-contradiction", "never-true-not-asked",
                             "never-true-is-on-multi"],
    "unreachable question": ["unreachable-question"],
    "cycles and forward references": ["cycle", "forward-reference", "self-reference"],
    "route never recommended": ["gate-never-open", "gates-never-together",
                                "route-never-recommended", "template-gate-never-open"],
    "a gate reads a question the interview never asks where the gate applies": [
        "gate-reads-unasked"],
    "missing source": ["missing-source", "unknown-source"],
    "choice without help": ["choice-without-help"],
    "urgent route without what to do now; unknown route it is reached through": [
        "urgent-without-act-now", "unknown-reached-through"],
    "a scenario's expected outcome names what the knowledge base lacks": [
        "expect-unknown-route"],
    "texts.yaml: shape, sources, conditions, questions, country facts": [
        "texts-unknown-field", "texts-unknown-source", "texts-bad-condition",
        "texts-never-true", "texts-unknown-question", "texts-unknown-fact"],
    "shortcuts: unknown question, more than 10 questions": ["shortcut-unknown-or-too-long"],
    "groups: what one screen cannot draw; questions that do not belong together": [
        "group-cannot-be-drawn", "group-not-together"],
    "short names: missing, shared": ["short-missing-or-shared"],
    "citation a reader cannot follow": ["source-mirror", "source-bare-domain",
                                        "source-path-not-recorded", "source-own-file",
                                        "source-local-path", "source-without-address",
                                        "source-bad-symbol"],
    "editor's note in user text": ["editor-note", "editor-note-texts"],
    "a note (where nothing can be filed): unknown route it points to, duplicate id": [
        "note-unknown-route"],
}


def check_in(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["check", "--kb", ".", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("name", FIXTURES)
def test_broken_copy_gives_exactly_the_expected_messages(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = (BROKEN / name / "expected.txt").read_text(encoding="utf-8")
    code, out = check_in(BROKEN / name, monkeypatch)
    assert out == expected
    assert code == 2


@pytest.mark.parametrize("name", ["gate-missing-question", "gate-question-wrong-type",
                                  "gate-question-missing-choice", "gate-unknown-parameter",
                                  "unknown-route-attribute", "unknown-answer-question"])
def test_what_the_code_relies_on_fails_at_load(name: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Not only `check`: any command given this folder as `--kb` stops at load with file,
    line and key (an InputError: exit 2), before an assessment could run on what the code
    cannot read."""
    monkeypatch.chdir(BROKEN / name)
    with pytest.raises(InputError) as raised:
        load_kb(Path("."))
    expected = (BROKEN / name / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
    assert [str(p) for p in raised.value.problems] == [expected]


def test_every_kind_of_problem_has_a_fixture() -> None:
    listed = {name for names in KINDS_OF_PROBLEM.values() for name in names}
    assert listed <= set(FIXTURES), listed - set(FIXTURES)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_is_kb_minimal_with_a_change(name: str) -> None:
    """A fixture identical to kb-minimal would test nothing (e.g. a failed copy)."""
    for file in ("questions.yaml", "mechanisms.yaml", "texts.yaml"):
        mine, base = BROKEN / name / file, MINIMAL / file
        if not mine.exists():
            return
        if mine.read_text(encoding="utf-8") != base.read_text(encoding="utf-8"):
            return
    pytest.fail(f"{name} is an unchanged copy of examples/kb-minimal")


def test_minimal_example_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = check_in(MINIMAL, monkeypatch)
    assert (code, out) == (0, "ok: the knowledge base at . passes "
                              "(3 questions, 2 routes, 2 sources)\n")


def test_bundled_knowledge_base_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check"])
    assert result.stdout.startswith("ok: the knowledge base at data passes"), result.stdout
    assert result.exit_code == 0


def test_json_format_lists_problems_with_file_line_key(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = check_in(BROKEN / "unknown-theme", monkeypatch, "--format", "json")
    data = json.loads(out)
    assert code == 2
    assert data["ok"] is False
    assert data["problems"] == [{
        "message": "unknown theme 'tortue'; expected one of any, detention, other, torture; "
                   "did you mean 'torture'?",
        "file": "mechanisms.yaml", "line": 37, "key": "mechanisms[1].themes[0]"}]
    assert data["summary"] == "1 problem in 1 file"


def test_paths_are_shown_relative_to_the_working_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["check", "--kb", "tests/kb-broken/unknown-source"])
    assert result.stdout.startswith("tests/kb-broken/unknown-source/mechanisms.yaml:18: ")


def test_broken_country_data_is_a_problem_not_a_crash(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(MINIMAL, kb)
    (kb / "countries.json").write_text('{"schema": 99}', encoding="utf-8")
    code, out = check_in(kb, monkeypatch)
    assert code == 2
    assert out.startswith("countries.json:1: schema: unsupported countries schema 99; "), out


def test_a_cached_knowledge_base_is_checked_where_it_is_now(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader's cache keeps the paths of the first load; check must not use them."""
    monkeypatch.setenv("ENGAGEWIZ_HOME", str(tmp_path / "home"))
    kb = tmp_path / "kb"
    shutil.copytree(MINIMAL, kb)
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["check", "--kb", "kb"]).exit_code == 0
    code, out = check_in(kb, monkeypatch)  # same files, another working folder
    assert (code, out.split(" at ")[0]) == (0, "ok: the knowledge base")


def test_check_in_a_checkout_reads_its_data_folder(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """After `pip install .`, the files an author edits are ./data, not the installed copy:
    check reads them, and says so."""
    shutil.copytree(BROKEN / "gate-never-open", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 2
    assert result.stdout.startswith("data/mechanisms.yaml:")  # the file names its folder


def test_command_line_exit_codes() -> None:
    """Through the real entry point: check exits 2 on problems, 0 when clean."""
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "engagewiz", *args], capture_output=True,
                              text=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin",
                                                        "XDG_CACHE_HOME": cache})

    cache = os.environ["XDG_CACHE_HOME"]  # the session's (tests/conftest.py), warm

    broken = run("check", "--kb", "tests/kb-broken/gate-never-open")
    assert broken.returncode == 2
    assert broken.stdout.splitlines()[-1] == "1 problem in 1 file"
    assert run("check", "--kb", "examples/kb-minimal").returncode == 0


def test_check_parses_each_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading builds from the YAML and the lint locates its findings in the same parse:
    parsing mechanisms.yaml a second time made `check` a third slower."""
    from engagewiz.cli.authoring import run_checks
    from engagewiz.storage import yamlfile

    parsed: list[str] = []
    real = yamlfile._yaml

    def counted(path: Path, text: str, most: int) -> yamlfile.Document:
        parsed.append(path.name)
        return real(path, text, most)

    monkeypatch.setattr(yamlfile, "_yaml", counted)
    monkeypatch.setattr(yamlfile, "_RECENT", type(yamlfile._RECENT)())
    problems, kb = run_checks(ROOT / "data")
    assert problems == [] and kb is not None
    assert {"questions.yaml", "mechanisms.yaml", "texts.yaml"} <= set(parsed)
    assert sorted(parsed) == sorted(set(parsed))


def test_a_key_written_twice_comes_before_what_it_broke(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second `type:` replaced the first: the loader's complaint follows from it, so the
    repeated key is named first, with both lines."""
    kb = tmp_path / "kb"
    shutil.copytree(MINIMAL, kb)
    questions = kb / "questions.yaml"
    text = questions.read_text(encoding="utf-8")
    questions.write_text(text.replace("    type: yes_no\n", "    type: yes_no\n    type: choice\n"),
                         encoding="utf-8")
    code, out = check_in(kb, monkeypatch)
    first = 1 + text.splitlines().index("    type: yes_no")
    assert code == 2
    assert out.startswith(f"questions.yaml:{first + 1}: questions[2].type: 'type' is given "
                          f"twice here (lines {first} and {first + 1}); "), out
    assert out.splitlines()[1] == ("questions.yaml:27: questions[2]: a 'choice' question "
                                   "needs choices")


def test_a_scenario_with_a_key_written_twice_is_a_problem(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(MINIMAL, kb)
    (kb / "scenarios").mkdir()
    (kb / "scenarios" / "pattern.yaml").write_text(
        "# Pattern\ncase_type: individual\nthemes: [torture]\ncase_type: pattern\n",
        encoding="utf-8")
    code, out = check_in(kb, monkeypatch)
    assert (code, out.splitlines()[0]) == (2, "scenarios/pattern.yaml:4: case_type: "
                                              "'case_type' is given twice here (lines 2 and "
                                              "4); YAML keeps only the one on line 4 and drops "
                                              "the other without a word: remove one, or merge "
                                              "them")
