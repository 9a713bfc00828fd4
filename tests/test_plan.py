"""The engagement plan: what it says (plan.py), and the Markdown view of it (plan_md.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.results import Assessment
from engagewiz.kb.countries import CountryData
from engagewiz.kb.load import load_kb
from engagewiz.render import plan_md
from engagewiz.render.plan import Plan, Section, build_plan
from engagewiz.storage.answers import check_answers, load_answers
from snapshot_util import assert_snapshot

ROOT = Path(__file__).resolve().parents[1]
TODAY_ = "2026-11-23"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
SCENARIOS = ROOT / "data" / "scenarios"


def _assess(kb: KnowledgeBase, countries: CountryData, answers: dict[str, Any]) -> Assessment:
    from datetime import date

    return assess(kb, answers, today=date.fromisoformat(TODAY_), countries=countries)


def _from_file(path: Path, kb: KnowledgeBase, countries: CountryData) -> Assessment:
    def resolve(text: str) -> tuple[str | None, list[str]]:
        found = countries.search(text)
        return (found.iso3 if found else None), []

    return _assess(kb, countries, load_answers(path, kb, resolve))


def _plan(path: Path, kb: KnowledgeBase, countries: CountryData, top: int = 5) -> Plan:
    return build_plan(_from_file(path, kb, countries), kb, top=top, countries=countries)


def _section(plan: Plan, kind: str) -> list[Section]:
    return [s for s in plan.sections if s.kind == kind]


def _texts(section: Section) -> str:
    lines = [*section.intro, *(x for p in section.parts for x in p.lines)]
    return "\n".join(f"{x.label}: {x.text}" for x in lines)


@pytest.mark.skipif(not EXAMPLES, reason="no examples/*.yaml yet")
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_plan_snapshot_for_every_example(example: Path, kb: KnowledgeBase,
                                         countries: CountryData) -> None:
    text = plan_md.render(_plan(example, kb, countries))
    assert_snapshot(f"plans/{example.stem}.md", text)


def test_plan_has_every_part_the_issue_asks_for(kb: KnowledgeBase,
                                                countries: CountryData) -> None:
    plan = _plan(SCENARIOS / "rehab-centre-complaint-deadline.yaml", kb, countries)
    situation = dict(plan.situation)
    assert situation["State"] == "Georgia"  # a name, not an ISO code
    assert situation["Organisation"] == "A torture-rehabilitation centre"
    routes = _section(plan, "route")
    assert [s.number for s in routes] == list(range(1, len(routes) + 1))
    assert routes[0].title == plan.top_route
    for route in routes:
        titles = [p.title for p in route.parts]
        assert "Why it fits" in titles and "Dates and deadlines" in titles
        assert "Effort" in titles and "Next steps" in titles
        steps = next(p for p in route.parts if p.title == "Next steps")
        assert steps.ordered
    follow = _texts(_section(plan, "follow-up")[0])
    for action in ("Media", "Monitoring implementation", "Government and parliament",
                   "Implementation plan", "NHRI and national mechanism"):
        assert f"{action}:" in follow
    assert "not legal advice" in plan.disclaimer


def test_deadline_counted_from_the_final_decision(kb: KnowledgeBase,
                                                  countries: CountryData) -> None:
    plan = _plan(SCENARIOS / "rehab-centre-complaint-deadline.yaml", kb, countries)
    ecthr = next(s for s in _section(plan, "route") if "European Court" in s.title)
    dates = next(p for p in ecthr.parts if p.title == "Dates and deadlines")
    deadline = next(x for x in dates.lines if x.tone == "deadline")
    # 15 September 2026 + 4 months (Protocol 15) = 15 January 2027; 53 days after 23 Nov.
    assert deadline.text.startswith("2027-01-15, 53 days left")
    assert deadline.label == "Last day to file"
    glance = _texts(_section(plan, "glance")[0])
    assert "deadline 2027-01-15" in glance


def test_unknown_decision_date_says_check_the_dates(kb: KnowledgeBase,
                                                    countries: CountryData) -> None:
    path = SCENARIOS / "rehab-centre-complaint-deadline.yaml"
    answers = yaml.safe_load(path.read_text()) | {"final_decision_date": "dont_know"}
    a = _assess(kb, countries, check_answers(answers, kb)[0])
    plan = build_plan(a, kb, countries=countries)
    text = plan_md.render(plan)
    assert "2027-01-15" not in text
    # A time limit with no date to count from is never guessed: the route waits under
    # "check first", saying which date to give.
    ecthr = next(p for p in _section(plan, "check")[0].parts if "European Court" in p.title)
    assert any(x.label == "Check" and "give its date" in x.text for x in ecthr.lines)
    # ... and every recommended route without a computed deadline says to check the dates.
    for route in _section(plan, "route"):
        dates = next(p for p in route.parts if p.title == "Dates and deadlines")
        assert any(x.tone == "deadline" for x in dates.lines) or any(
            x.text.startswith("Check the dates") for x in dates.lines)


@pytest.mark.parametrize(("risk", "shown"), [("low", False), ("medium", True),
                                             ("high", True), ("dont_know", True)])
def test_safety_section_unless_risk_is_low(risk: str, shown: bool, kb: KnowledgeBase,
                                           countries: CountryData) -> None:
    path = SCENARIOS / "women-torture-cat-then-upr.yaml"
    answers = check_answers(yaml.safe_load(path.read_text()) | {"reprisal_risk": risk}, kb)[0]
    plan = build_plan(_assess(kb, countries, answers), kb, countries=countries)
    assert bool(_section(plan, "safety")) is shown


def test_safety_names_the_reprisal_channels(kb: KnowledgeBase,
                                            countries: CountryData) -> None:
    plan = _plan(SCENARIOS / "hostile-state-partner-route.yaml", kb, countries)
    safety = _texts(_section(plan, "safety")[0])
    assert "HRC resolution 12/2" in safety
    assert "Assistant Secretary-General for Human Rights" in safety
    assert "Ask the committee's secretariat whether it has a rapporteur" in safety
    assert "Consent" in safety and "Confidentiality" in safety
    # Myanmar has not ratified OPCAT and the user is no NPM: OPCAT art. 15 is beside the point.
    assert "OPCAT article 15" not in safety


def test_opcat_protection_shown_to_an_npm_at_risk(kb: KnowledgeBase,
                                                 countries: CountryData) -> None:
    path = SCENARIOS / "npm-cpt-and-spt.yaml"
    answers = check_answers(yaml.safe_load(path.read_text()) | {"reprisal_risk": "high"}, kb)[0]
    plan = build_plan(_assess(kb, countries, answers), kb, countries=countries)
    assert "OPCAT article 15" in _texts(_section(plan, "safety")[0])


def test_blocked_routes_say_what_would_open_them(kb: KnowledgeBase,
                                                 countries: CountryData) -> None:
    plan = _plan(SCENARIOS / "children-upr-after-crc.yaml", kb, countries)
    blocked = _section(plan, "blocked")[0]
    for part in blocked.parts:
        labels = [x.label for x in part.lines]
        if part.title:
            assert labels.count("Blocked") == labels.count("To open it") >= 1
    # Kenya is in no European or American system: those courts are counted, not listed.
    titles = " ".join(p.title for p in blocked.parts)
    assert "European Court" not in titles and "Inter-American" not in titles


def test_footnotes_are_numbered_in_order_and_all_resolve(kb: KnowledgeBase,
                                                        countries: CountryData) -> None:
    plan = _plan(SCENARIOS / "defenders-urgent-action.yaml", kb, countries)
    numbers = [s.number for s in plan.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    used = [n for s in plan.sections for x in (*s.intro, *(y for p in s.parts for y in p.lines))
            for n in x.refs]
    assert set(used) == set(numbers)
    first_use = list(dict.fromkeys(used))
    assert first_use == sorted(first_use)  # numbered by first appearance in reading order
    assert all(s.title and s.title != s.key for s in plan.sources)


def test_answers_block_reruns_to_the_same_plan(kb: KnowledgeBase,
                                              countries: CountryData) -> None:
    path = SCENARIOS / "nhri-council-and-upr.yaml"
    before = _from_file(path, kb, countries)
    plan = build_plan(before, kb, countries=countries)
    text = plan_md.render(plan)
    block = re.search(r"```yaml\n(.*?)\n```", text, re.S)
    assert block is not None
    reloaded = check_answers(yaml.safe_load(block.group(1)), kb)
    assert reloaded[1] == []
    assert "ratified_cat" not in reloaded[0]  # country facts are re-filled, not frozen
    after = _assess(kb, countries, reloaded[0])
    assert [r.id for r in after.recommended] == [r.id for r in before.recommended]


def test_plan_texts_come_from_the_knowledge_base_and_nowhere_else(
        countries: CountryData) -> None:
    """kb-minimal's texts.yaml has a situation summary but no safety or follow-up texts:
    its plan shows the one and leaves out the others, citing nothing the KB does not list."""
    minimal = load_kb(ROOT / "examples" / "kb-minimal")
    a = _assess(minimal, countries, {"case_type": "individual", "ratified_cat": "yes"})
    plan = build_plan(a, minimal, countries=countries)
    assert plan.situation == (("Case or pattern", "A specific victim"),)
    assert {s.kind for s in plan.sections} == {"glance", "route"}
    assert {s.key for s in plan.sources} <= set(minimal.sources)


def test_markdown_escapes_markup_and_fences_the_answers() -> None:
    assert plan_md.esc("*bold* <b>[x]</b>") == r"\*bold\* \<b\>\[x\]\</b\>"
    assert plan_md.esc("# title") == r"\# title"
    plan = Plan("T", "S", (("Issue", "a `b` c"),), (), (), (), "note: ```x```\n", "D", "")
    text = plan_md.render(plan)
    assert "````yaml\nnote: ```x```\n````" in text
    assert r"a \`b\` c" in text
