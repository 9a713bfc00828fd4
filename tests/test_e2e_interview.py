"""Full interviews in a real pseudo-terminal (pexpect), 60 columns wide, as a person types.

The driver (tests/pty_driver.py) recognises each question by its text and answers it from a
script; the other modes (quick, urgent, accessible), signals and resuming are in
test_e2e_modes.py.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from conftest import TODAY
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.kb.countries import CountryData
from engagewiz.storage.answers import load_answers

pexpect = pytest.importorskip("pexpect")

from pty_driver import (  # noqa: E402 - only once pexpect is known to be there
    CTRL_C,
    DOWN,
    ENTER,
    RESULT,
    REVIEW,
    SPACE,
    Driver,
    finished,
    spawn,
)


def first_route(child: pexpect.spawn) -> str:
    gap = r"(?:\x1b\[[0-9;]*m|\s)+"  # spaces, line breaks and colour codes
    child.expect(rf"1\. ([\s\S]+?){gap}\([a-z0-9-]+\){gap}score")  # the name, then the id
    name = re.sub(r"\x1b\[[0-9;]*m", "", child.match.group(1))  # bold, even in NO_COLOR
    return re.sub(r"\s+", " ", name).strip()  # a long name wraps at 60 columns


def test_full_interview_with_two_backs_and_an_edit(kb: KnowledgeBase, countries: CountryData,
                                                  private_state: Path, tmp_path: Path) -> None:
    saved = tmp_path / "final.yaml"
    child = spawn("--save-answers", str(saved))
    driver = Driver(child, kb, {
        "org_type": [DOWN + ENTER],                       # rehabilitation centre
        "themes": [SPACE + ENTER],                        # torture
        "case_type": ["<", "1"],                          # Back once, then specific victims
        "urgency": ["2"],                                 # no (a row: its answer's number)
        "advocacy_strategy": ["<", "1"],                  # Back again, then yes
        "facts_date": ["2025-06-01" + ENTER],             # after Canada's art. 22 declaration
        "remedies": ["1"],                                # exhausted (a row: its number)
        "final_decision_date": ["2026-03-03" + ENTER],
    })
    # Review: open the second answer (country) and change it to Canada, then see results.
    driver.run_until(REVIEW)
    driver.answer(DOWN + ENTER)  # change an answer...
    driver.answer(DOWN + ENTER)  # ... the second
    driver.answer("\x15Canada" + ENTER)  # Ctrl-U clears the previous answer first
    driver.run_until(RESULT)
    assert driver.asked.count("case_type") == 2  # asked again after Back
    assert driver.asked.count("themes") == 2      # Back from case_type re-asks themes
    route = first_route(child)
    assert finished(child) == 0, child.before
    answers = load_answers(saved, kb)
    assert (answers["org_type"], answers["country"], answers["case_type"]) == (
        "rehab_centre", "CAN", "individual")  # the scripted keys, and the edit, took effect
    result = assess(kb, answers, today=TODAY, countries=countries)
    assert route == result.recommended[0].name  # the screen shows the engine's ranking
    # Canada accepts CAT's individual complaints (art. 22); Kenya, the first answer, does not.
    assert "cat-communication" in [r.id for r in (*result.recommended, *result.other_open)]
    assert not (private_state / "resume.yaml").exists()  # deleted once complete


def test_ctrl_c_saves_then_resume_finishes(kb: KnowledgeBase, private_state: Path) -> None:
    child = spawn()
    driver = Driver(child, kb, {"org_type": [DOWN * 4 + ENTER]})  # a lawyer
    driver.run_until(pexpect.EOF, at="themes")
    child.send(CTRL_C)
    child.expect("Continue with: engagewiz assess --resume")
    assert finished(child) == 130
    saved = private_state / "resume.yaml"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    text = saved.read_text()
    assert "org_type: lawyer" in text and "country: KEN" in text

    child = spawn("--resume")
    child.expect(r"Restored 2 answer\(s\)")
    driver = Driver(child, kb, {"themes": [SPACE + ENTER], "urgency": ["2"]})
    driver.run_until(RESULT)
    assert "org_type" not in driver.asked and "themes" in driver.asked
    first_route(child)
    assert finished(child) == 0


def test_answers_file_asks_only_the_missing_questions(kb: KnowledgeBase, tmp_path: Path) -> None:
    answers = tmp_path / "partial.yaml"
    answers.write_text("org_type: npm\ncountry: France\nthemes: [torture, detention]\n"
                       "case_type: pattern\n")
    saved = tmp_path / "final.yaml"
    child = spawn("--answers", str(answers), "--save-answers", str(saved),
                  "--format", "json")
    driver = Driver(child, kb, {"urgency": ["2"]})  # no (a row, beside the NPM's status)
    driver.run_until(r'"recommended"')
    assert finished(child) == 0
    assert not {"org_type", "country", "themes", "case_type"} & set(driver.asked)
    assert "nhri_status" in driver.asked  # an NPM is asked about its accreditation
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert re.search(r"^country: FRA$", saved.read_text(), re.M)
