"""docs/authoring.md's worked example 2 is done as a trainer would do it (its question and
its gate pasted into a copy of examples/kb-minimal), and the output it shows is real: the
marks, the route id and the one "Where to check" of a check-first route (issue 12)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cli_inprocess import run_cli

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")


def example_2() -> str:
    start = GUIDE.index("## Worked example 2")
    return GUIDE[start:GUIDE.index("\n## ", start + 1)]


def test_worked_example_2_shows_real_output(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    text = example_2()
    question, gate = re.findall(r"```yaml\n(.*?)```", text, re.S)[:2]
    kb = tmp_path / "my-kb"
    shutil.copytree(ROOT / "examples" / "kb-minimal", kb)
    with (kb / "questions.yaml").open("a", encoding="utf-8") as fh:
        fh.write(question)
    routes = (kb / "mechanisms.yaml").read_text(encoding="utf-8")
    cat = routes.index("id: cat-communication")
    below = routes.index("\n    considerations:", cat)  # after the route's first gate
    (kb / "mechanisms.yaml").write_text(routes[:below] + "\n" + gate.rstrip("\n")
                                        + routes[below:], encoding="utf-8")
    console = text[text.index("```console\n"):]
    answers = console.split("$ cat answers.yaml\n")[1].split("$ ")[0]
    (tmp_path / "answers.yaml").write_text(answers, encoding="utf-8")
    shown = console.split("[...]\n")[1].split("```")[0]
    monkeypatch.setenv("COLUMNS", "80")
    done = run_cli("assess", "--answers", str(tmp_path / "answers.yaml"), "--kb", str(kb),
                   "--no-input", "--plain")
    assert done.code == 0, done.err
    assert shown.strip("\n") in done.out, "update docs/authoring.md's worked example 2"
