"""A group's questions on one screen, in a real pseudo-terminal at 60 columns: the arrow
screen and accessible mode, and how a group's answers go through Back, the review, a
signal and --resume. Each question of a group stays an ordinary key in answers files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engagewiz.core.model import KnowledgeBase
from engagewiz.storage import resume
from engagewiz.storage.answers import load_answers

pexpect = pytest.importorskip("pexpect")

from pty_driver import (  # noqa: E402 - only once pexpect is known to be there
    CLOSED,
    CTRL_C,
    DOWN,
    DRAWN,
    ENTER,
    ESC,
    RESULT,
    REVIEW,
    SPACE,
    Collect,
    Driver,
    finished,
    spawn,
)


def test_a_group_s_answers_come_back_after_a_signal_resume_and_back_then_edit_one(
        kb: KnowledgeBase, private_state: Path, tmp_path: Path) -> None:
    given = tmp_path / "given.yaml"
    given.write_text("org_type: rehab_centre\ncountry: Mexico\nthemes: [torture]\n")
    child = spawn("--answers", str(given))
    driver = Driver(child, kb, {"case_type": ["2"], "urgency": ["2"]})  # pattern; no
    driver.run_until(pexpect.EOF, at="outputs")
    stakes = kb.group_of("case_type")
    assert stakes is not None and driver.asked[:2] == ["case_type", "urgency"]
    assert set(driver.asked) <= set(stakes.questions)  # one screen: no progress line between
    child.send(CTRL_C)
    assert finished(child) == 130
    assert load_answers(resume.resume_path(), kb)["case_type"] == "pattern"

    saved = tmp_path / "final.yaml"
    child = spawn("--resume", "--save-answers", str(saved))
    child.expect(r"Restored \d+ answer")
    driver = Driver(child, kb)
    driver.run_until(pexpect.EOF, at="outputs")
    outputs = kb.question("outputs")
    assert outputs is not None  # the checkbox's last choice is "< Back", after every output
    child.send(DOWN * len(outputs.choices) + SPACE + ENTER)  # Back over a group's screen
    child.expect(CLOSED)
    child.expect(re.escape(stakes.title))
    child.expect(DRAWN)
    rows = re.sub(ESC, "", child.before)
    assert re.search(r"Case or pattern\s+< A pattern, a law", rows)  # the answers kept
    assert re.search(r"imminent risk\s+< No >", rows)  # (NO_COLOR: ASCII marks)
    child.send(ENTER)  # every row answered: Enter on Continue
    child.expect(CLOSED)
    driver.run_until(REVIEW)
    driver.answer(DOWN + ENTER)  # change an answer ... the imminent risk, asked alone
    driver.answer("imminent risk" + ENTER)
    child.expect("Is someone at imminent risk")
    driver.answer(DOWN + ENTER)  # from No, the current answer, to Don't know
    driver.run_until(RESULT)
    assert finished(child) == 0
    final = load_answers(saved, kb)
    assert (final["case_type"], final["urgency"]) == ("pattern", "dont_know")


def test_accessible_mode_asks_a_group_line_by_line_and_goes_back_within_it(
        kb: KnowledgeBase, private_state: Path) -> None:
    child = spawn(term="dumb")
    log = Collect()
    child.logfile_read = log
    driver = Driver(child, kb, {"case_type": ["1", ""], "urgency": ["<", "2"]},
                    menus={"mode": ["1"]}, accessible=True)
    driver.run_until(pexpect.EOF, at="outputs")
    child.sendeof()
    child.expect("Continue with: engagewiz assess --resume")  # end of input: saved, stopped
    assert finished(child) == 130
    screen = log.text()
    stakes = kb.group_of("case_type")
    assert stakes is not None and f"{stakes.title}: 2 short questions." in screen
    assert "Enter keeps 1" in screen  # "<" on the second: the first again, its answer kept
    first = driver.asked.index("case_type")
    assert driver.asked[first:first + 4] == ["case_type", "urgency", "case_type", "urgency"]
    assert "\x1b" not in screen
    saved = load_answers(resume.resume_path(), kb)
    assert (saved["case_type"], saved["urgency"]) == ("individual", "no")

