"""Answers files survive upgrades: they carry the knowledge-base version they were made
for, and `changes:` in questions.yaml says how to read one from an earlier version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from cli_inprocess import run_cli
from engagewiz.kb.changes import parse_changes, version_order
from engagewiz.kb.load import load_kb

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "examples" / "kb-minimal"
EXAMPLE = ROOT / "examples" / "kenya-torture-survivor.yaml"
CHANGES = """changes:
  - version: minimal-2
    renamed: {issues: themes}
    removed: [old_question]
  - version: minimal-3
    added: [case_type]
sections:"""


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """kb-minimal at version minimal-3: `themes` was `issues` before minimal-2, which also
    dropped `old_question`; `case_type` is new in minimal-3."""
    folder = tmp_path / "kb"
    shutil.copytree(MINIMAL, folder)
    questions = folder / "questions.yaml"
    questions.write_text(questions.read_text().replace("sections:", CHANGES, 1))
    mechanisms = folder / "mechanisms.yaml"
    mechanisms.write_text(mechanisms.read_text().replace('kb_version: "minimal-1"',
                                                         'kb_version: "minimal-3"'))
    return folder


def answers(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_template_and_saved_answers_say_which_knowledge_base_they_are_for(
        tmp_path: Path) -> None:
    version = load_kb().version
    template = run_cli("template").out
    assert f'kb_version: "{version}"' in template.splitlines()
    saved = run_cli("assess", "--answers", str(EXAMPLE), "--save-answers", "-").out
    assert yaml.safe_load(saved)["kb_version"] == version
    again = run_cli("assess", "--answers", str(answers(tmp_path, saved)), "--format", "json")
    assert again.code == 0 and again.err == "", again.err


def test_a_file_from_an_earlier_version_still_runs(kb: Path, tmp_path: Path) -> None:
    path = answers(tmp_path, 'kb_version: "minimal-1"\nissues: [torture]\nold_question: x\n'
                             "ratified_cat: 'yes'\n")
    ran = run_cli("assess", "--kb", str(kb), "--answers", str(path), "--format", "json",
                  "--no-input")
    assert ran.code == 0, ran.err
    made = f"engagewiz: note: {path}: made for knowledge base minimal-1 (this is minimal-3): "
    assert made + "renamed since, read under the new id: issues is now themes" in ran.err
    assert made + "no longer asked, ignored: old_question" in ran.err
    assert made + "questions added since are taken as \"don't know\": case_type" in ran.err
    result = json.loads(ran.out)
    assert result["answers"]["themes"] == ["torture"]
    assert result["answers"]["case_type"] == "dont_know"


def test_a_file_without_a_version_is_mapped_but_not_filled_in(kb: Path, tmp_path: Path) -> None:
    path = answers(tmp_path, "issues: [torture]\nratified_cat: 'yes'\n")
    ran = run_cli("assess", "--kb", str(kb), "--answers", str(path), "--format", "json",
                  "--no-input")
    assert "without kb_version (this is minimal-3): renamed since, read under the new id: " \
        "issues is now themes" in ran.err
    assert ran.code == 2 and f"error: {path}: 1 question(s) unanswered: case_type." in ran.err


def test_a_file_from_a_newer_version_says_so(kb: Path, tmp_path: Path) -> None:
    path = answers(tmp_path, 'kb_version: "minimal-10"\nthemes: [torture]\ncase_type: pattern\n'
                             "ratified_cat: 'yes'\nsomething_new: 1\n")
    ran = run_cli("assess", "--kb", str(kb), "--answers", str(path), "--format", "json")
    assert "made for knowledge base minimal-10, newer than this one (minimal-3)" in ran.err
    assert ran.code == 2 and f"error: {path}:5: something_new: unknown question id" in ran.err


@pytest.mark.parametrize(("old", "new", "message"), [
    ("added: [case_type]", "added: [nope]",
     "changes[1].added[0]: 'nope' is added here, but there is no such question now"),
    ("renamed: {issues: themes}", "renamed: {issues: topics}",
     "changes[0].renamed.issues: 'issues' is renamed to 'topics', but there is no such"),
    ("removed: [old_question]", "removed: [themes]",
     "changes[0].removed[0]: 'themes' is removed here, but it is still a question"),
    ("version: minimal-3", "version: minimal-4",
     "changes[1].version: 'minimal-4' is newer than this knowledge base's kb_version"),
    ("version: minimal-3", "version: minimal-1",
     "changes[1].version: 'minimal-1' must come after 'minimal-2': list the changes oldest"),
])
def test_check_validates_the_changes(kb: Path, old: str, new: str, message: str) -> None:
    questions = kb / "questions.yaml"
    text = questions.read_text().replace(old, new)
    questions.write_text(text)
    line = 1 + text.splitlines().index(next(row for row in text.splitlines() if new in row))
    ran = run_cli("check", "--kb", str(kb))
    assert ran.code == 2
    assert f"questions.yaml:{line}: {message}" in ran.out, ran.out


def test_versions_are_ordered_naturally() -> None:
    assert version_order("2026.9") < version_order("2026.11") < version_order("2027.1")
    assert version_order("minimal-2") < version_order("minimal-10")


def test_a_question_renamed_twice_follows_both_renames() -> None:
    changes, issues = parse_changes(
        [{"version": "2", "renamed": {"a": "b"}}, {"version": "3", "renamed": {"b": "c"}}],
        {"c"}, "3")
    assert issues == []
    assert [c.renamed for c in changes] == [(("a", "b"),), (("b", "c"),)]
