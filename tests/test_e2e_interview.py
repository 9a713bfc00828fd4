"""Full interviews in a real pseudo-terminal (pexpect), 60 columns wide, as a person types.

Pipes would miss terminal-only behaviour (raw mode, redraws, isatty), so these tests spawn
the installed `engagewiz` in a pty. Each prompt line carries the question id, which is how
the driver knows what it is being asked.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import TODAY
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase, Question
from engagewiz.kb.countries import CountryData
from engagewiz.storage.answers import load_answers

pexpect = pytest.importorskip("pexpect")

DOWN, UP, ENTER, SPACE, CTRL_C = "\x1b[B", "\x1b[A", "\r", " ", "\x03"
PROGRESS = r"Question \d+ of "  # then the question: no internal ids are shown
REVIEW, FACTS, RESULT = "Review your answers", "Is this still right", r"(?i)recommended routes"
MODE = "How much time do you have"
ESC = r"\x1b\[[0-9;?]*[A-Za-z]"
TIMEOUT = 20
DRAWN = r"\x1b\[\?7h"  # prompt_toolkit turns line wrap back on when a render ends
# ... and bracketed paste off when a prompt ends. Waiting for it matters: the answered
# prompt's last line repeats its title, which must not be read as the next screen.
CLOSED = r"\x1b\[\?2004l"


def spawn(*args: str) -> pexpect.spawn:
    """The interview in a pty; the environment (state folder, date) is the test's own."""
    env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1", "COLUMNS": "60", "LINES": "40",
           # no cursor-position queries: prompt_toolkit would wait for replies a pty never sends
           "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "engagewiz", "assess", *args], env=env,
                          dimensions=(40, 60), encoding="utf-8", timeout=TIMEOUT)
    child.delaybeforesend = None  # the driver waits for each prompt to be drawn instead
    return child


def asked(q: Question) -> str:
    """A question on screen: "? " then its text, wrapped at 60 columns between words."""
    gap = rf"(?:\s|{ESC})+"  # one alternation, no nested star: no runaway backtracking
    return rf"\?{gap}" + gap.join(re.escape(w) for w in q.text.split())


Keys = str | Callable[[], str]


class Driver:
    """Answers each question by id from a script; anything unscripted takes the first choice."""

    def __init__(self, child: pexpect.spawn, kb: KnowledgeBase, script: dict[str, list[str]]):
        self.child, self.kb = child, kb
        self.script = {k: list(v) for k, v in script.items()}  # a list: asked again -> next
        self.asked: list[str] = []
        self.ids = [q.id for q in kb.questions]
        self.patterns = [asked(q) for q in kb.questions]

    def default(self, qid: str) -> str:
        q = self.kb.question(qid)
        assert q is not None
        if qid in self.asked[:-1]:
            return ENTER  # asked again: the previous answer is the default
        return {"multi": SPACE + ENTER, "date": "?" + ENTER, "text": "x" + ENTER,
                "country": "Kenya" + ENTER}.get(q.type, ENTER)

    def run_until(self, stop: str, review: list[str] | None = None) -> None:
        review = list(review or [])
        while True:
            index = self.child.expect([stop, PROGRESS, REVIEW, FACTS, MODE])
            if index == 0:
                return
            if index == 1:
                qid = self.ids[self.child.expect(self.patterns)]
                self.asked.append(qid)
                keys = self.script[qid].pop(0) if self.script.get(qid) else self.default(qid)
                self.answer(keys)
            elif index == 2:
                self.answer(review.pop(0) if review else ENTER)
            else:
                self.answer(ENTER)

    def answer(self, keys: str) -> None:
        """Type `keys` once the prompt is on screen, and wait until it has closed."""
        self.child.expect(DRAWN)
        self.child.send(keys)
        self.child.expect(CLOSED)


def first_route(child: pexpect.spawn) -> str:
    child.expect(r"1\. ([^\r\n]+?)\s+score")
    return re.sub(r"\x1b\[[0-9;]*m", "", child.match.group(1)).strip()  # bold, even in NO_COLOR


def test_full_interview_with_two_backs_and_an_edit(kb: KnowledgeBase, countries: CountryData,
                                                  private_state: Path, tmp_path: Path) -> None:
    saved = tmp_path / "final.yaml"
    child = spawn("--save-answers", str(saved))
    driver = Driver(child, kb, {
        "org_type": [DOWN + ENTER],                       # rehabilitation centre
        "themes": [SPACE + ENTER],                        # torture
        "case_type": [UP + ENTER, ENTER],                 # Back once, then specific victims
        "urgency": [DOWN + ENTER],                        # no
        "advocacy_strategy": [UP + ENTER, ENTER],         # Back again, then yes
        "remedies": [ENTER],                              # exhausted
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
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
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
    driver.run_until(r"Question 3 of")  # themes, after the organisation and the State
    child.expect(DRAWN)
    child.send(CTRL_C)
    child.expect("Continue with: engagewiz assess --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = private_state / "resume.yaml"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    text = saved.read_text()
    assert "org_type: lawyer" in text and "country: KEN" in text

    child = spawn("--resume")
    child.expect(r"Restored 2 answer\(s\)")
    driver = Driver(child, kb, {"themes": [SPACE + ENTER], "urgency": [DOWN + ENTER]})
    driver.run_until(RESULT)
    assert "org_type" not in driver.asked and "themes" in driver.asked
    first_route(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_answers_file_asks_only_the_missing_questions(kb: KnowledgeBase, tmp_path: Path) -> None:
    answers = tmp_path / "partial.yaml"
    answers.write_text("org_type: npm\ncountry: France\nthemes: [torture, detention]\n"
                       "case_type: pattern\n")
    saved = tmp_path / "final.yaml"
    child = spawn("--answers", str(answers), "--save-answers", str(saved),
                  "--format", "json")
    driver = Driver(child, kb, {"urgency": [DOWN + ENTER]})  # no: the full interview
    driver.run_until(r'"recommended"')
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not {"org_type", "country", "themes", "case_type"} & set(driver.asked)
    assert "nhri_status" in driver.asked  # an NPM is asked about its accreditation
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert re.search(r"^country: FRA$", saved.read_text(), re.M)
