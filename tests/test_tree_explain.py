"""`engagewiz tree` and `engagewiz explain`: what a trainer projects must be true and complete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from cli_inprocess import run_cli
from engagewiz.authoring.search import Space, max_score, unreachable_questions
from engagewiz.cli.app import app
from engagewiz.core.model import KnowledgeBase, Route
from engagewiz.kb.load import load_kb
from engagewiz.render import explain, tree

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "examples" / "kb-minimal"
BROKEN = ROOT / "tests" / "kb-broken"


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENGAGEWIZ_NO_CACHE", "1")
    monkeypatch.setenv("NO_COLOR", "1")


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


def rich_tree(kb: KnowledgeBase) -> object:
    """As the command draws it: the search finds the unreachable questions, the view marks them."""
    return tree.rich_tree(kb, unreachable=unreachable_questions(kb))


def mermaid(kb: KnowledgeBase) -> str:
    return tree.mermaid(kb, unreachable=unreachable_questions(kb))


def explanation(kb: KnowledgeBase, route: Route) -> dict[str, object]:
    return explain.explanation(kb, route, max_score=max_score(route, kb, Space(kb)))


def plain(renderable: object) -> str:
    console = Console(width=200, no_color=True, highlight=False, record=True)
    console.print(renderable)
    return console.export_text()


def test_tree_shows_what_each_answer_changes() -> None:
    text = plain(rich_tree(load_kb(MINIMAL)))
    assert "case_type (choice) Are you working on a specific victim's case" in text
    assert "individual: A specific victim -> cat-communication (score)" in text
    assert "pattern: A pattern or a law -> upr-stakeholder-submission (score)" in text
    # a gate changes with every answer that decides it, "no" as much as "yes"
    assert "yes: Yes -> cat-communication (gate)" in text
    assert "no: No -> cat-communication (gate)" in text
    # and "don't know" too: it leaves the gate unknown, so the route is "check first"
    assert "dont_know: Don't know -> cat-communication (gate)" in text
    # {answer: themes} selects CAT only for torture
    assert "torture: Torture or ill-treatment -> cat-communication (score), " \
           "upr-stakeholder-submission (score)" in text
    assert "detention: Conditions of detention -> upr-stakeholder-submission (score)" in text


def test_tree_describes_when_and_marks_unreachable_questions() -> None:
    kb = load_kb(BROKEN / "unreachable-question")
    text = plain(rich_tree(kb))
    assert "systematic (yes_no) Is torture systematic in the State? UNREACHABLE" in text
    assert "asked if case_type is A specific victim and case_type is A pattern or a law" in text


def test_mermaid_flowchart() -> None:
    assert mermaid(load_kb(BROKEN / "never-true-not-asked")) == """flowchart TD
  subgraph s_organisation["Your organisation and goal"]
    q_case_type["case_type<br/>Are you working on a specific victim's case, or on a patter…"]
    q_themes["themes<br/>What is the issue about? Choose all that apply."]
    q_ratified_cat["ratified_cat<br/>Has the State ratified the Convention against Torture?"]
    q_victim_consent["victim_consent<br/>Has the victim consented to the complaint?"]
  end
  q_case_type -->|"case_type is individual"| q_victim_consent
"""
    assert mermaid(load_kb(BROKEN / "unreachable-question")).endswith(
        "  class q_systematic unreachable\n")


def test_mermaid_section_filter_and_quoting(tmp_path: Path) -> None:
    code, out = cli("tree", "--kb", str(MINIMAL), "--format", "mermaid", "--section", "nope")
    assert code != 0  # an InputError: the entry point prints it and exits 2
    code, out = cli("tree", "--kb", str(MINIMAL), "--format", "mermaid", "--section",
                    "organisation")
    assert code == 0 and out.startswith("flowchart TD\n")
    assert '"' not in out.split('["', 1)[1].split('"]', 1)[0]  # quotes inside are entities


def test_explain_lists_every_gate_and_consideration_with_sources() -> None:
    kb = load_kb(MINIMAL)
    route = kb.route("cat-communication")
    assert route is not None
    data = explanation(kb, route)
    assert data["gates"] == [{
        "kind": "requires", "rule": "The State must be party to the Convention against Torture.",
        "opens_when": "ratified_cat is Yes",
        "unblock": "Use the UPR or Special Procedures, which cover every UN Member State.",
        "check": "UN Treaty Collection, chapter IV.9 (treaties.un.org).",
        "source": ["cat-art22"]}]
    rules = {(c["from"], c["id"], c["points"], c["if"]) for c in data["considerations"]}
    assert rules == {("route", None, 3, "case_type is A specific victim"),
                     ("scoring", "theme-covered", 2, "themes is answered")}
    # pattern-fits-review selects kinds country_recommendations: not this route
    assert data["max_score"] == 5
    assert [s["title"] for s in data["sources"]] == [
        "Convention against Torture, art. 22", "New Tactics, which mechanism to use"]


def test_explain_in_the_terminal() -> None:
    code, out = cli("explain", "cat-communication", "--kb", str(MINIMAL))
    assert code == 0
    assert "open when: ratified_cat is Yes" in out
    assert "+3 if case_type is A specific victim" in out
    assert "from scoring rule theme-covered, for routes with themes matching your answer to " \
           "themes (depends on your answers)" in " ".join(out.split())
    assert all(line == line.rstrip() for line in out.splitlines())  # pastes cleanly


def test_explain_json_is_the_same_data() -> None:
    code, out = cli("explain", "upr-stakeholder-submission", "--kb", str(MINIMAL), "-f", "json")
    kb = load_kb(MINIMAL)
    route = kb.route("upr-stakeholder-submission")
    assert route is not None
    assert (code, json.loads(out)) == (0, explanation(kb, route))
    code, out = cli("explain", "cat-communication", "--kb", str(MINIMAL), "-f", "json")
    assert json.loads(out)["max_score"] == 5  # 3 of its own, 2 from theme-covered


def test_explain_unknown_route_suggests_close_ids() -> None:
    result = run_cli("explain", "cat-comunication", "--kb", str(MINIMAL),
                     env={"ENGAGEWIZ_NO_CACHE": "1"})  # the real entry point, in this process
    assert result.code == 2
    assert result.err == ("engagewiz: error: ID: unknown route 'cat-comunication'; did you "
                          "mean 'cat-communication'?\n")


def test_explain_every_bundled_route() -> None:
    """Smoke: every route of the bundled knowledge base explains without error."""
    kb = load_kb()
    for route in kb.routes:
        data = explanation(kb, route)
        assert data["id"] == route.id
        assert all(k["if"] for k in data["considerations"])
