"""The commands as a user meets them: the real entry point, no terminal, real files.

Each bad input must give one message naming the file, the line, the key and what was
expected, exit with code 2, and never show a traceback.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from cli_inprocess import completed
from engagewiz import __version__
from engagewiz.core.model import KnowledgeBase
from engagewiz.errors import InputError
from engagewiz.storage import resume

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "rehab-centre-open-state.yaml"


def engagewiz(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return completed(*args, cwd=cwd)  # in this process: test_shell runs the real process


def fails_clearly(done: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr.startswith("engagewiz: error: "), done.stderr
    for text in expected:
        assert text in done.stderr, done.stderr


def edited(tmp_path: Path, key: str, line: str) -> Path:
    """The example with the line for `key` replaced: a realistic slip in a real file."""
    text = EXAMPLE.read_text(encoding="utf-8").splitlines()
    out = [line if row.startswith(f"{key}:") else row for row in text]
    assert out != text
    path = tmp_path / "answers.yaml"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def line_of(path: Path, key: str) -> int:
    rows = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, row in enumerate(rows, 1) if row.split(":")[0] == key)


def test_version() -> None:
    done = engagewiz("--version")
    assert (done.returncode, done.stdout) == (0, f"engagewiz {__version__}\n")


def test_help_lists_every_command() -> None:
    out = engagewiz("--help").stdout
    for command in ("assess", "country", "check", "tree", "explain", "schema", "template",
                    "mechanisms", "demo", "compare"):
        assert f" {command} " in out, command


def test_assess_json_has_the_documented_shape() -> None:
    done = engagewiz("assess", "--answers", str(EXAMPLE), "--format", "json")
    result = json.loads(done.stdout)
    assert {"recommended", "check_first", "blocked", "other_open"} <= set(result)
    first = result["recommended"][0]
    assert {"id", "name", "score", "reasons", "cautions", "next_steps"} <= set(first)
    assert all("blocked_by" in r and r["blocked_by"] for r in result["blocked"])
    assert all(r["check"] for r in result["check_first"])


def test_assess_on_screen_without_a_terminal_prints_the_ranked_routes() -> None:
    done = engagewiz("assess", "--answers", str(EXAMPLE), "--plain")
    assert done.returncode == 0, done.stderr
    assert "RECOMMENDED ROUTES (5 OF" in done.stdout
    assert "\x1b[" not in done.stdout  # no colour codes in a pipe


def test_template_lists_every_question_and_its_choices(kb: KnowledgeBase) -> None:
    text = engagewiz("template").stdout
    for question in kb.questions:
        assert f"{question.id}:" in text, question.id
    assert "rehab_centre" in text


def test_mechanisms_list_one_route_and_json(kb: KnowledgeBase) -> None:
    listing = engagewiz("mechanisms").stdout
    assert all(m.id in listing for m in kb.routes)
    one = engagewiz("mechanisms", "cat-communication")
    assert one.returncode == 0 and "article 22" in one.stdout
    data = json.loads(engagewiz("mechanisms", "--format", "json").stdout)
    assert len(data) == len(kb.routes) >= 40


def test_unknown_route_id() -> None:
    fails_clearly(engagewiz("mechanisms", "cat-complaint"), "cat-complaint")


def test_unknown_key_names_the_line_and_suggests(tmp_path: Path) -> None:
    path = edited(tmp_path, "org_type", "org_typ: ngo")
    fails_clearly(engagewiz("assess", "--answers", str(path), "--no-input"),
                  f"answers.yaml:{line_of(path, 'org_typ')}: org_typ:", "did you mean 'org_type'")


def test_invalid_choice_says_what_is_allowed(tmp_path: Path) -> None:
    path = edited(tmp_path, "reprisal_risk", "reprisal_risk: huge")
    fails_clearly(engagewiz("assess", "--answers", str(path)),
                  f"answers.yaml:{line_of(path, 'reprisal_risk')}: reprisal_risk: expected one "
                  "of low, medium, high, dont_know; found 'huge'")


@pytest.mark.parametrize(("line", "expected"), [
    ("org_type: 3", "org_type: expected one of ngo"),
    ("org_type: {a: 1}", "org_type: expected one of ngo"),
])
def test_wrong_type(tmp_path: Path, line: str, expected: str) -> None:
    fails_clearly(engagewiz("assess", "--answers", str(edited(tmp_path, "org_type", line))),
                  expected)


@pytest.mark.parametrize("value", ["yesterday", "2026-02-30"])
def test_bad_dates(tmp_path: Path, value: str) -> None:
    source = ROOT / "examples" / "kenya-torture-survivor.yaml"
    text = source.read_text(encoding="utf-8").replace("2026-03-03", value)
    path = tmp_path / "kenya.yaml"
    path.write_text(text, encoding="utf-8")
    fails_clearly(engagewiz("assess", "--answers", str(path)),
                  f"kenya.yaml:{line_of(path, 'final_decision_date')}: final_decision_date: "
                  f"expected a date as YYYY-MM-DD or dont_know; found '{value}'")


def test_invalid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("org_type: ngo\nthemes: [torture\n", encoding="utf-8")
    fails_clearly(engagewiz("assess", "--answers", str(path)), "broken.yaml:3: invalid YAML")


def test_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{"org_type": "ngo",}', encoding="utf-8")
    fails_clearly(engagewiz("assess", "--answers", str(path)), "answers.json:1: invalid JSON")


def test_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- ngo\n", encoding="utf-8")
    fails_clearly(engagewiz("assess", "--answers", str(path)), "expected a mapping")


def test_missing_file() -> None:
    fails_clearly(engagewiz("assess", "--answers", "no-such-file.yaml"),
                  "no-such-file.yaml: file not found")


def test_unknown_country_suggests(tmp_path: Path) -> None:
    fails_clearly(engagewiz("assess", "--answers", str(edited(tmp_path, "country",
                                                               "country: Kenia"))),
                  "unknown country 'Kenia'", "Kenya")


def test_knowledge_base_error_names_file_and_line(tmp_path: Path) -> None:
    broken = ROOT / "tests" / "kb-broken" / "schema-wrong-type"
    done = engagewiz("assess", "--answers", str(EXAMPLE), "--kb", str(broken))
    fails_clearly(done, "mechanisms.yaml:50: mechanisms[1].considerations[0].points: expected a "
                  "whole number, found 'three'")


def test_no_input_names_every_missing_question(tmp_path: Path) -> None:
    path = tmp_path / "part.yaml"
    path.write_text(yaml.safe_dump({"org_type": "npm", "country": "Kenya"}), encoding="utf-8")
    done = engagewiz("assess", "--answers", str(path), "--no-input")
    fails_clearly(done, "unanswered", "themes", "reprisal_risk", "dont_know is an answer")
    assert "ratified_cat" not in done.stderr  # Kenya's facts come from the data


def test_no_terminal_and_no_answers_says_how_to_run_without_one() -> None:
    fails_clearly(engagewiz("assess"), "needs a terminal", "engagewiz template",
                  "--answers answers.yaml --format json")


def test_save_answers_reproduces_the_run(tmp_path: Path) -> None:
    saved = tmp_path / "saved.yaml"
    first = engagewiz("assess", "--answers", str(EXAMPLE), "--format", "json",
                      "--save-answers", str(saved))
    assert saved.stat().st_mode & 0o777 == 0o600
    again = engagewiz("assess", "--answers", str(saved), "--format", "json")
    assert json.loads(first.stdout)["recommended"] == json.loads(again.stdout)["recommended"]


def test_the_answers_path_is_never_a_network_address() -> None:
    fails_clearly(engagewiz("assess", "--answers", "https://example.org/a.yaml"),
                  "file not found")


def test_an_explicit_answer_beats_the_country_data_and_the_report_says_so(tmp_path: Path) -> None:
    """Kenya has not made the CAT art. 22 declaration per the data; a user who knows of a
    newer declaration says so, and wins."""
    text = (ROOT / "examples" / "kenya-torture-survivor.yaml").read_text(encoding="utf-8")
    path = tmp_path / "kenya.yaml"
    path.write_text(text + 'accepts_cat22: "yes"\n', encoding="utf-8")
    result = json.loads(engagewiz("assess", "--answers", str(path), "--format", "json").stdout)
    [fact] = [p for p in result["prefilled"] if p["question"] == "accepts_cat22"]
    assert (fact["value"], fact["data_value"], fact["overridden"]) == ("yes", "no", True)
    blocked = {r["id"] for r in result["blocked"]}
    assert "cat-communication" not in blocked
    screen = engagewiz("assess", "--answers", str(path), "--plain").stdout
    assert "Your answer overrides the data: Has it made the article 22 declaration" in \
        " ".join(screen.split())
    plain = engagewiz("assess", "--answers", str(ROOT / "examples" / "kenya-torture-survivor.yaml"),
                      "--format", "json").stdout
    assert "cat-communication" in {r["id"] for r in json.loads(plain)["blocked"]}


def test_upr_routes_carry_the_estimated_next_review() -> None:
    kenya = str(ROOT / "examples" / "kenya-torture-survivor.yaml")
    result = json.loads(engagewiz("assess", "--answers", kenya, "--format", "json").stdout)
    assert result["upr_estimate"].startswith("Estimate: next UPR review of Kenya")
    assert "Confirm the session and the deadline" in result["upr_estimate"]
    screen = " ".join(engagewiz("assess", "--answers", kenya, "--plain", "--top", "20").stdout
                      .split())
    assert "Next review: Estimate: next UPR review of Kenya" in screen


def test_an_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    fails_clearly(engagewiz("assess", "--answers", str(EXAMPLE), "--save-answers",
                            str(tmp_path)),
                  f"{tmp_path}: cannot write: it is a folder, not a regular file")


def test_folders_made_for_private_files_are_private_too(tmp_path: Path) -> None:
    plan = tmp_path / "new" / "deeper" / "plan.md"
    assert engagewiz("assess", "--answers", str(EXAMPLE), "--output", str(plan)).returncode == 0
    assert plan.stat().st_mode & 0o777 == 0o600
    for folder in (tmp_path / "new", plan.parent):  # every folder made on the way
        assert folder.stat().st_mode & 0o777 == 0o700, folder


def test_each_answer_rewrites_the_answers_and_the_run_state_only_when_it_changed(
        kb: KnowledgeBase, private_state: Path) -> None:
    """Every write is synced to disk: an answer costs one, not two (the state changes a
    few times a run); a changed state is written, and reads back."""
    quick = resume.RunState(quick=True)
    resume.save({"org_type": "ngo"}, kb, quick)
    state = private_state / "resume.json"
    written = state.stat().st_ino  # each write replaces the file: a new inode
    resume.save({"org_type": "ngo", "country": "KEN"}, kb, quick)
    assert state.stat().st_ino == written
    assert resume.load_state() == quick
    resume.save({"org_type": "ngo", "country": "KEN"}, kb, resume.RunState(quick=True,
                                                                           reviewed=True))
    assert resume.load_state().reviewed and state.stat().st_ino != written


def test_answers_are_never_kept_in_a_folder_others_can_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kb: KnowledgeBase) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    monkeypatch.setenv("ENGAGEWIZ_HOME", str(shared))
    # the session's knowledge base: one loaded here would be built anew, the cache in a
    # folder others can write being refused too (and only the save is meant to raise)
    with pytest.raises(InputError, match=f"others can write to {shared}"):
        resume.save({"org_type": "ngo"}, kb)
    assert not (shared / "resume.yaml").exists()
