"""Driving the real interview in a pseudo-terminal (pexpect), as a person types at 60 columns.

Pipes would miss terminal-only behaviour (raw mode, redraws, isatty), so the interview tests
spawn `python -m engagewiz assess` in a pty. The driver never sleeps: it waits for each
prompt to be drawn, types, and waits for the prompt to close, so a loaded machine makes a
test slower, never flaky. Questions are recognised by their text (no ids are shown), a
group's screen by its title and its rows by the questions' short names.
"""

from __future__ import annotations

import os
import re
import sys

import pexpect

from engagewiz.core.model import KnowledgeBase, Question

DOWN, UP, ENTER, SPACE, CTRL_C = "\x1b[B", "\x1b[A", "\r", " ", "\x03"
PROGRESS = r"Questions? \d+ (?:to \d+ )?of "  # then the question or group: no ids shown
RESULT = r"(?i)recommended routes"
# The menus between questions, by the title the driver waits for.
MENUS = {"review": "Review your answers",
         "mode": "How much time do you have", "next": r"What next\?",
         "waiting": "An interrupted interview is waiting"}
REVIEW, MODE, NEXT, WAITING = MENUS.values()
ESC = r"\x1b\[[0-9;?]*[A-Za-z]"
TIMEOUT = 30  # generous for a loaded 2-core machine: a passing test never waits for it
DRAWN = r"\x1b\[\?7h"  # prompt_toolkit turns line wrap back on when a render ends
# ... and bracketed paste off when a prompt ends. Waiting for it matters: the answered
# prompt's last line repeats its title, which must not be read as the next screen.
CLOSED = r"\x1b\[\?2004l"
LINE_PROMPT = r"Type [^\r\n]*: "  # accessible mode: every prompt is one line ending so


class Collect:
    """A pexpect log that keeps everything the program wrote (`child.logfile_read`)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def flush(self) -> None:
        pass

    def text(self) -> str:
        return "".join(self.parts)


def spawn(*args: str, term: str = "xterm") -> pexpect.spawn:
    """The interview in a pty; the environment (state folder, date) is the test's own."""
    env = {**os.environ, "TERM": term, "NO_COLOR": "1", "COLUMNS": "60", "LINES": "40",
           # no cursor-position queries: prompt_toolkit would wait for replies a pty never sends
           "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "engagewiz", "assess", *args], env=env,
                          dimensions=(40, 60), encoding="utf-8", timeout=TIMEOUT)
    child.delaybeforesend = None  # the driver waits for each prompt to be drawn instead
    return child


def asked(q: Question, mark: str = r"\?") -> str:
    """A question on screen: `mark` ("? ", a line start in accessible mode) then its text,
    wrapped at 60 columns between words."""
    gap = rf"(?:\s|{ESC})+"  # one alternation, no nested star: no runaway backtracking
    return mark + gap + gap.join(re.escape(w) for w in q.text.split())


def finished(child: pexpect.spawn) -> int:
    """Wait for the program to end; its exit status (128 + N when signal N ended it)."""
    child.expect(pexpect.EOF)
    child.wait()  # reaped: close() need not give it the 0.1 s it waits for a live child
    child.ptyproc.delayafterclose = 0
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus)


class Driver:
    """Answers each question from a script (by id), each menu from `menus` (by name, see
    MENUS); anything unscripted takes the first choice. A list of keys: asked again, next."""

    def __init__(self, child: pexpect.spawn, kb: KnowledgeBase,
                 script: dict[str, list[str]] | None = None,
                 menus: dict[str, list[str]] | None = None, accessible: bool = False) -> None:
        self.child, self.kb, self.accessible = child, kb, accessible
        self.script = {k: list(v) for k, v in (script or {}).items()}
        self.menus = {k: list(v) for k, v in (menus or {}).items()}
        self.asked: list[str] = []   # question ids, in the order asked
        self.shown: list[str] = []   # menu names, in the order shown
        self.ids = [q.id for q in kb.questions]
        mark = r"(?:^|\n)" if accessible else r"\?"
        self.patterns = [asked(q, mark) for q in kb.questions]
        # a group's screen: "? Title" (arrows), or "Title: 2 short questions." (accessible)
        self.groups = [re.escape(g.title) + (r": \d+ short questions" if accessible else "")
                       for g in kb.groups]

    def default(self, q: Question) -> str:
        if self.accessible:
            return {"date": "?", "text": "x", "country": "Kenya"}.get(q.type, "1")
        if q.id in self.asked[:-1]:
            return ENTER  # asked again: the previous answer is the default
        return {"multi": SPACE + ENTER, "date": "?" + ENTER, "text": "x" + ENTER,
                "country": "Kenya" + ENTER}.get(q.type, ENTER)

    def run_until(self, stop: str, at: str | None = None) -> None:
        """Answer whatever comes until `stop` is on screen, or the question `at` (by id):
        then its prompt is drawn and left unanswered."""
        names = list(MENUS)
        members: list[str] = []  # accessible mode: the questions of the group being asked
        while True:
            extra = [self.patterns[self.ids.index(qid)] for qid in members]
            index = self.child.expect([stop, PROGRESS, *MENUS.values(), *extra])
            if index == 0:
                return
            members = [] if index < 2 + len(names) else members
            if index == 1:
                found = self.child.expect([*self.patterns, *self.groups])
                if found >= len(self.patterns):
                    group = self.kb.groups[found - len(self.patterns)]
                    if self.accessible:
                        members = list(group.questions)
                    elif self.grid(group.questions, at):
                        return
                    continue
                q = self.kb.questions[found]
            elif index >= 2 + len(names):
                q = self.kb.question(members[index - 2 - len(names)])  # type: ignore[assignment]
            else:
                name = names[index - 2]
                self.shown.append(name)
                queued = self.menus.get(name)
                self.answer(queued.pop(0) if queued else ("1" if self.accessible else ENTER))
                continue
            if q.id == at:
                self.child.expect(LINE_PROMPT if self.accessible else DRAWN)
                return
            self.asked.append(q.id)
            queued = self.script.get(q.id)
            self.answer(queued.pop(0) if queued else self.default(q))

    def grid(self, group: tuple[str, ...], at: str | None) -> bool:
        """A group's screen: each row's keys from the script (a number picks an answer and
        moves on; "<" goes back at once), "1" when unscripted, then Enter on Continue.
        True when a row is the question `at`: left unanswered, the screen still open."""
        self.child.expect(DRAWN)
        drawn = re.sub(ESC, "", self.child.before)
        shorts = {qid: self.kb.question(qid).short for qid in group}  # type: ignore[union-attr]
        rows = sorted((drawn.rfind(f"{short}  "), qid) for qid, short in shorts.items()
                      if f"{short}  " in drawn)
        keys = ""
        for _, qid in rows:
            if qid == at:
                return True
            self.asked.append(qid)
            queued = self.script.get(qid)
            keys += queued.pop(0) if queued else "1"
            if keys.endswith("<"):
                break
        self.child.send(keys if keys.endswith("<") else keys + ENTER)
        self.child.expect(CLOSED)
        return False

    def answer(self, keys: str) -> None:
        """Type `keys` once the prompt is on screen, and wait until it has closed."""
        if self.accessible:
            self.child.expect(LINE_PROMPT)
            self.child.sendline(keys)
            return
        self.child.expect(DRAWN)
        self.child.send(keys)
        self.child.expect(CLOSED)
