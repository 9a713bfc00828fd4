"""Hedges a user can act on (issue 12.3): on screen a "check first" route says where to
check once, its rules and answers state facts, and the plan keeps every rule's advice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from cli_inprocess import run_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
HEDGE = re.compile(r"(?i)\b(?:check|ask|confirm)\b")  # an instruction to go and find out
WHERE = "Where to check: "


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENGAGEWIZ_TODAY", "2026-11-23")
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture(scope="module")
def doubts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Kenyan survivor's case with the remedies in doubt and the same matter unknown:
    the African Commission then waits on two rules."""
    answers = yaml.safe_load((ROOT / "examples" / "kenya-torture-survivor.yaml").read_text())
    answers.pop("expect")
    answers.pop("final_decision_date")
    answers.update(remedies="doubtful", same_matter="dont_know", facts_date="dont_know",
                   other_body="dont_know", other_decision_merits="dont_know",
                   other_procedure_ended="dont_know")
    path = tmp_path_factory.mktemp("doubts") / "answers.yaml"
    path.write_text(yaml.safe_dump(answers), encoding="utf-8")
    return path


def routes_in(out: str, heading: str) -> dict[str, str]:
    """The route blocks under a heading of the plain result, each on one line."""
    start = out.find(f"\n{heading}\n")
    if start < 0:
        return {}
    body = out[start:].split("\n", 3)[3]
    body = re.split(r"\n\n[A-Z][A-Z ,()'-]+\n-+\n", "\n" + body)[0]
    blocks: dict[str, str] = {}
    name = ""
    for line in body.strip("\n").split("\n"):
        if line and not line.startswith(" "):
            name = line
            blocks[name] = ""
        elif name:
            blocks[name] += (" " if line.startswith("    ") and not line.strip().startswith(
                ("? ", "Where to check:")) else "\n") + line.strip()
    return blocks


@pytest.mark.parametrize("answers", [*EXAMPLES, "doubts"], ids=lambda p: getattr(p, "stem", p))
def test_a_check_first_route_says_where_to_check_once(answers: Path | str,
                                                       request: pytest.FixtureRequest) -> None:
    """Whom to ask is said once a route, in its first rule's `check`; a rule or an answer
    that also said it would put a second hedge on the screen."""
    path = request.getfixturevalue("doubts") if answers == "doubts" else answers
    done = run_cli("assess", "--answers", str(path), "--plain")
    assert done.code == 0, done.err
    for name, block in routes_in(done.out, "CHECK FIRST (AN ANSWER IS NOT KNOWN)").items():
        lines = block.strip().split("\n")
        wheres = [line for line in lines if line.startswith(WHERE)]
        assert len(wheres) == 1, (name, block)
        said = [line for line in lines if not line.startswith(WHERE)]
        assert not [line for line in said if HEDGE.search(line)], (name, said)


def test_two_rules_to_check_one_hedge_on_screen_every_rule_in_the_plan(
        doubts: Path, tmp_path: Path) -> None:
    done = run_cli("assess", "--answers", str(doubts), "--plain", "--top", "all")
    block = routes_in(done.out, "CHECK FIRST (AN ANSWER IS NOT KNOWN)")[
        "African Commission: communication (achpr-communication) (score +12)"]
    assert block.count("\n? ") + block.startswith("? ") == 2
    assert "'engagewiz explain achpr-communication' and the plan give the advice on the other "\
           "rule." in block
    data = json.loads(run_cli("assess", "--answers", str(doubts), "--format", "json").out)
    route = next(r for r in data["check_first"] if r["id"] == "achpr-communication")
    checks = [g["check"] for g in route["check"]]
    assert len(checks) == 2
    plan = tmp_path / "plan.md"
    assert run_cli("assess", "--answers", str(doubts), "--output", str(plan)).code == 0
    text = re.sub(r"\s+", " ", plan.read_text(encoding="utf-8"))
    assert all(c in text for c in checks)
    # whom to ask, said by the engine, goes with the gate's own advice
    assert checks[0].startswith("Ask a lawyer or the body's secretariat")


def test_country_facts_say_what_was_found_not_what_to_check() -> None:
    """A fact's note and caveat reach the screen inside the answer to a rule (`said`), next
    to the gate's own `check`: they state what was found and how far it goes, never an
    instruction of their own or what "the bundled data" lacks (scripts/build_countries.py)."""
    data = json.loads((ROOT / "data" / "countries.json").read_text(encoding="utf-8"))
    words = re.compile(r"(?i)\b(?:check|confirm|bundled|stored|seeds?|our (?:sources|data))\b")
    found = {text for country in data["countries"].values()
             for fact in country["facts"].values()
             for text in (fact.get("note", ""), fact.get("caveat", "")) if words.search(text)}
    assert found == set()
