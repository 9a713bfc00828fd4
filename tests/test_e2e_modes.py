"""The short ways through the interview, signals and resuming, in a real pseudo-terminal.

Quick mode and the urgent fast track show a first result, then offer the rest; accessible
mode asks line by line with numbers; a signal at any kind of prompt saves what was answered
and restores the terminal; a run never silently replaces an interrupted interview.
"""

from __future__ import annotations

import re
import signal
import stat
from pathlib import Path

import pytest

from engagewiz.core import interview
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
    MODE,
    NEXT,
    PROGRESS,
    RESULT,
    REVIEW,
    SPACE,
    UP,
    WAITING,
    Collect,
    Driver,
    finished,
    spawn,
)

ROOT = Path(__file__).resolve().parents[1]
LAWYER = DOWN * 4 + ENTER  # the fifth kind of organisation
STOP_HERE = DOWN + ENTER   # after a short result: "Refine" first, then "Stop here"


def quick_questions(kb: KnowledgeBase) -> set[str]:
    return set(next(s for s in kb.shortcuts if s.id == interview.QUICK).ask)


def test_quick_mode_asks_at_most_ten_then_stops_with_the_answers_saved(
        kb: KnowledgeBase, private_state: Path, tmp_path: Path) -> None:
    saved = tmp_path / "quick.yaml"
    child = spawn("--quick", "--save-answers", str(saved))
    driver = Driver(child, kb, {"urgency": ["2"]}, menus={"next": [STOP_HERE]})
    driver.run_until(RESULT)
    child.expect("This was a quick result: (\\d+) question")
    assert int(child.match.group(1)) > 10  # what the full interview would still ask
    driver.run_until(pexpect.EOF)
    assert finished(child) == 0
    assert driver.shown == ["next"]  # --quick: no first screen asking how much time
    assert len(driver.asked) <= 10 and set(driver.asked) <= quick_questions(kb)
    answers = load_answers(saved, kb)
    assert answers["urgency"] == "no" and set(answers) <= quick_questions(kb)
    assert not resume.resume_path().exists()


def test_quick_chosen_on_the_first_screen_then_refine_keeps_every_answer(
        kb: KnowledgeBase, private_state: Path) -> None:
    child = spawn()
    driver = Driver(child, kb, {"urgency": ["2"]},
                    menus={"mode": [DOWN + ENTER]})  # quick
    driver.run_until(NEXT)
    quick = list(driver.asked)
    driver.answer(ENTER)  # Refine
    driver.run_until(PROGRESS)  # the first question of the rest of the interview
    child.expect(DRAWN)
    child.send(CTRL_C)
    child.expect("Continue with: engagewiz assess --resume")
    assert finished(child) == 130
    kept = load_answers(resume.resume_path(), kb)
    assert set(quick) <= set(kept)  # refining kept the quick answers, and saved them
    assert resume.load_state().done == ("quick",)  # after --resume: the rest, not quick


def test_imminent_harm_shows_urgent_routes_within_six_questions(
        kb: KnowledgeBase, private_state: Path) -> None:
    child = spawn()
    driver = Driver(child, kb, {"org_type": [LAWYER], "country": ["France" + ENTER]},
                    menus={"next": [STOP_HERE]})  # urgency: "yes" is the first choice
    driver.run_until(r"(?i)urgent: someone is at imminent risk")
    assert driver.shown == ["mode"] and len(driver.asked) <= 6, driver.asked
    child.expect("This was the urgent fast track")
    driver.run_until(pexpect.EOF)
    assert finished(child) == 0
    assert driver.shown == ["mode", "next"]


def test_accessible_mode_asks_line_by_line_with_numbers(kb: KnowledgeBase,
                                                        private_state: Path) -> None:
    """TERM=dumb: numbered choices, no redraws, no escape sequence at all; '<' goes back."""
    child = spawn("--quick", term="dumb")
    log = Collect()
    child.logfile_read = log
    driver = Driver(child, kb, {"org_type": ["2"], "themes": ["1 2", "1"],
                                "case_type": ["<", "1"], "urgency": ["2"]},
                    menus={"next": ["2"]}, accessible=True)
    driver.run_until(pexpect.EOF)
    assert finished(child) == 0
    assert driver.asked.count("themes") == 2  # Back from case_type asked it again
    screen = log.text()
    assert "\x1b" not in screen
    assert "  2. A torture-rehabilitation centre" in screen and "Type a number: " in screen
    assert "Chosen: Torture or ill-treatment; " in screen  # the multi-select echo


@pytest.mark.parametrize(("sig", "at", "code"), [
    (signal.SIGINT, "themes", 130),     # a checkbox: kill -INT was ignored there
    (signal.SIGHUP, "case_type", 129),  # a group's screen
], ids=["kill-INT-at-a-checkbox", "SIGHUP-at-a-group"])
def test_a_signal_at_a_prompt_saves_and_restores_the_terminal(
        kb: KnowledgeBase, private_state: Path, sig: int, at: str, code: int) -> None:
    child = spawn()
    Driver(child, kb, {"themes": [SPACE + ENTER]}).run_until(pexpect.EOF, at=at)
    saved = killed(child, sig, code, kb)
    assert "org_type" in saved and at not in saved


def test_sigterm_at_a_list_saves_and_restores_the_terminal(kb: KnowledgeBase,
                                                           private_state: Path) -> None:
    """The terminal was left raw: the list is the menu after a quick result."""
    child = spawn("--quick")
    Driver(child, kb, {"urgency": ["2"]}).run_until(NEXT)
    child.expect(DRAWN)
    assert "org_type" in killed(child, signal.SIGTERM, 143, kb)


def killed(child: pexpect.spawn, sig: int, code: int, kb: KnowledgeBase) -> dict[str, object]:
    """Send `sig` to the prompt on screen: the terminal restored, the exit code the signal's,
    the answers so far in the resume file (0600)."""
    child.kill(sig)
    child.expect(CLOSED)  # prompt_toolkit restored the terminal on its way out
    child.expect("Continue with: engagewiz assess --resume")
    assert finished(child) == code
    saved = resume.resume_path()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    return load_answers(saved, kb)


def test_ctrl_c_before_any_answer_says_nothing_was_saved(private_state: Path) -> None:
    child = spawn()
    child.expect(MODE)
    child.expect(DRAWN)
    child.send(CTRL_C)
    child.expect("nothing was saved")
    assert finished(child) == 130
    assert not resume.resume_path().exists()


def test_resume_after_the_review_shows_it_again_and_honours_save_answers(
        kb: KnowledgeBase, private_state: Path, tmp_path: Path) -> None:
    example = (ROOT / "examples" / "kenya-torture-survivor.yaml").read_text()
    partial = tmp_path / "partial.yaml"
    partial.write_text(re.sub(r"(?m)^reprisal_risk:.*\n", "", example))
    saved = tmp_path / "final.yaml"
    child = spawn("--answers", str(partial), "--save-answers", str(saved))
    driver = Driver(child, kb)
    driver.run_until(REVIEW)
    assert driver.asked == ["reprisal_risk"] and driver.shown == []
    child.expect(DRAWN)
    child.send(CTRL_C)
    child.expect("Continue with")
    assert finished(child) == 130

    child = spawn("--resume")
    child.expect(r"Restored \d+ answer")
    driver = Driver(child, kb)
    driver.run_until(RESULT)
    assert driver.asked == [] and driver.shown == ["review"]
    assert finished(child) == 0
    assert load_answers(saved, kb)["reprisal_risk"] == "low"  # the first choice
    assert not list(resume.state_dir().iterdir())  # both resume files gone


@pytest.mark.parametrize(("pick", "then"), [
    (ENTER, r"Restored 2 answer"),           # resume it
    (DOWN * 2 + ENTER, r"Kept in \S+interrupted-\d{8}-\d{6}\.yaml"),  # keep both
], ids=["resume", "keep-both"])
def test_a_new_interview_never_silently_replaces_an_interrupted_one(
        kb: KnowledgeBase, private_state: Path, pick: str, then: str) -> None:
    resume.save({"org_type": "lawyer", "country": "KEN"}, kb)
    child = spawn()
    child.expect(WAITING)
    Driver(child, kb).answer(pick)
    child.expect(then)
    child.expect(PROGRESS if pick == ENTER else MODE)  # on with it, or a new interview
    child.expect(DRAWN)
    child.send(CTRL_C)
    assert finished(child) == 130
    if pick == ENTER:
        assert load_answers(resume.resume_path(), kb)["org_type"] == "lawyer"
    else:
        kept = next(resume.state_dir().glob("interrupted-*.yaml"))
        assert load_answers(kept, kb)["country"] == "KEN"
        assert not resume.resume_path().exists()  # nothing answered in the new one yet


def test_facts_can_be_changed_and_the_change_cancelled(kb: KnowledgeBase,
                                                       private_state: Path,
                                                       tmp_path: Path) -> None:
    """Change a fact (search by typing), cancel one change with Back: only one sticks."""
    example = (ROOT / "examples" / "kenya-torture-survivor.yaml").read_text()
    given = tmp_path / "kenya.yaml"
    given.write_text(re.sub(r"(?m)^reprisal_risk:.*\n", "", example))
    saved = tmp_path / "final.yaml"
    child = spawn("--answers", str(given), "--save-answers", str(saved))
    driver = Driver(child, kb)
    driver.run_until("What Kenya has accepted, from public data")  # on the review ...
    child.expect(REVIEW)  # ... last, above its menu
    driver.answer(DOWN * 2 + ENTER)  # change a fact: type to find CAT complaints, then Yes
    driver.answer("art. 22" + ENTER)
    child.expect("Has it made the article 22 declaration")
    driver.answer(UP + ENTER)  # from the current answer, No
    child.expect(REVIEW)
    driver.answer(DOWN * 2 + ENTER)  # change another fact ...
    driver.answer("ICCPR (civil" + ENTER)
    driver.answer(DOWN * 3 + ENTER)  # ... but go Back: no change
    child.expect(REVIEW)
    driver.answer(ENTER)  # see the results
    driver.run_until(RESULT)
    assert finished(child) == 0
    final = load_answers(saved, kb)
    assert final["accepts_cat22"] == "yes" and "ratified_iccpr" not in final
