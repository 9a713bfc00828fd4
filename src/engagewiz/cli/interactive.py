"""The interview at a terminal: the loop around the pure walk in engagewiz.core.interview.

Every answer is saved to the resume file as soon as it is given, so Ctrl-C, a signal, end of
input or a closed terminal loses nothing; the files are deleted when the interview completes.

A run may stop early at the end of a shortcut (the urgent fast track, quick mode): `run`
then returns with `shortcut` set, the caller shows that result, and `more` offers the rest.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from rich.markup import escape

from engagewiz.cli.screens import CHANGE_ANSWER, CHANGE_FACT, DONE, Screens, hanging
from engagewiz.core import interview
from engagewiz.core.model import KnowledgeBase, Question, Shortcut
from engagewiz.core.prefill import with_country_facts
from engagewiz.core.qids import COUNTRY
from engagewiz.storage import resume

if TYPE_CHECKING:
    from rich.console import Console

    from engagewiz.core.results import Prefilled
    from engagewiz.kb.countries import CountryData


class Prompter(Protocol):
    """What the interview needs of a prompt module (arrow menus, or numbered lines)."""

    back: object

    def ask(self, q: Question, current: Any = None, can_go_back: bool = False) -> Any: ...

    def ask_group(self, title: str, questions: list[Question], current: list[Any],
                  can_go_back: bool = False) -> Any: ...

    def choose(self, message: str, options: list[tuple[str, Any]],
               search: bool = False) -> Any: ...


@dataclass(frozen=True)
class Outcome:
    answers: dict[str, Any]
    shortcut: Shortcut | None = None  # set when a shortcut ended: a first result, not the last


def terminal_available() -> bool:
    """Checked before questionary is imported: prompts need a keyboard and a screen."""
    return bool(sys.stdin and sys.stdin.isatty() and sys.stderr.isatty())


class Interview:
    def __init__(self, kb: KnowledgeBase, countries: CountryData | None, today: date,
                 console: Console, asker: Prompter, state: resume.RunState,
                 help_style: str = "dim") -> None:
        self.kb, self.countries, self.today = kb, countries, today
        self.console, self.asker, self.state = console, asker, state
        self.screens = Screens(kb, countries, console, asker)
        self.help_style = help_style  # "" in accessible mode: help at normal contrast
        self.remembered: dict[str, Any] = {}  # every answer ever given: defaults after Back
        self.history: list[interview.Screen] = []  # the ids asked on each screen, in order
        self.answers: dict[str, Any] = {}

    # -- the run ---------------------------------------------------------------------------

    def start(self, answers: dict[str, Any], restored: bool, offer_quick: bool) -> None:
        """Restored answers can be gone back over; a fresh run may choose quick mode."""
        self.answers = dict(answers)
        self.remembered = dict(answers)
        known = self._known(self.answers)
        given = [q for q in interview.applicable(self.kb, known) if q.id in answers]
        self.history = [tuple(q.id for q in screen)
                        for screen in interview.screens(self.kb, given)]
        if restored:
            self.console.print(f"Restored {len(answers)} answer(s) from your interrupted "
                               "interview; Back (<) goes over them again.")
        if offer_quick and not answers and not self.state.quick:
            self._save_state(quick=self._ask_mode())

    def run(self) -> Outcome:
        """Ask until the end or a shortcut's end. Ctrl-C, a signal or end of input here, as
        on any screen, propagates: every answer is in the resume file already."""
        return self._loop()

    def more(self, cut: Shortcut) -> bool:
        """After a shortcut's result: say what it took as unknown, offer the rest."""
        todo = interview.skipped(self.kb, self._known(self.answers))
        if not todo:
            return False
        names = f" ({'; '.join(q.short or q.text for q in todo)})"
        self.console.print()
        first = ("This was the urgent fast track" if cut.when is not None
                 else "This was a quick result")
        self.console.print(escape(hanging(
            f"{first}: {len(todo)} question(s) were not asked and count as \"don't know\""
            f"{names}. Answering them can open or close "
            "routes marked \"check first\" and change the order of the others.", rest="")))
        pick = self.asker.choose("What next?", [
            (f"Refine: answer the other questions (about {len(todo)})", "more"),
            ("Stop here", DONE)])
        if pick == DONE:
            return False
        self._save_state(quick=self.state.quick and cut.when is not None)  # done: in _loop
        return True

    # -- the loop ----------------------------------------------------------------------------

    def _loop(self) -> Outcome:
        answers = self.answers
        shown_sections: set[str] = set()
        while True:
            known = self._known(answers)
            chosen = interview.QUICK if self.state.quick else None
            cut = interview.shortcut(self.kb, known, chosen, self.state.done)
            screen = interview.next_screen(self.kb, known, cut)
            if not screen:
                if cut is not None:
                    self._save_state(done=(*self.state.done, cut.id))
                    return Outcome(interview.effective(self.kb, answers), cut)
                if self._review(answers):
                    return Outcome(interview.effective(self.kb, answers))
                continue
            if screen[0].section not in shown_sections:
                shown_sections.add(screen[0].section)
                self._section(screen[0].section)
            self._progress(answers, known, cut, len(screen))
            given = self._ask_screen(screen)
            if given is self.asker.back:
                self.history, kept = interview.back(self.history, answers)
                answers.clear()
                answers.update(kept)
                continue
            answers.update(given)
            self.remembered.update(given)
            self.history.append(tuple(given))
            self._save(answers)

    def _ask_screen(self, screen: tuple[Question, ...]) -> Any:
        """One question, or a group's on one screen: the answers by id, or Back."""
        can_go_back = bool(self.history)
        if len(screen) == 1:
            question = screen[0]
            self._why(question)
            value = self.asker.ask(question, self.remembered.get(question.id), can_go_back)
            return value if value is self.asker.back else {question.id: value}
        group = self.kb.group_of(screen[0].id)
        assert group is not None
        return self.asker.ask_group(group.title, list(screen),
                                    [self.remembered.get(q.id) for q in screen], can_go_back)

    def _progress(self, answers: dict[str, Any], known: dict[str, Any],
                  cut: Shortcut | None, count: int) -> None:
        """"Question 5 of about 20", or "Questions 5 to 8 of about 20" on a group's screen."""
        step = interview.progress(self.kb, answers, known)
        if cut is not None:
            todo = len(interview.missing(self.kb, known, cut))
            step = interview.Progress(step.number, max(todo - 1, 0))
        total = max(step.number + step.remaining, step.number + count - 1)
        about = "" if step.number + count - 1 >= total else "about "
        mode = {"quick": " (quick)", "urgent": " (urgent)"}.get(cut.id, "") if cut else ""
        which = (f"Question {step.number}" if count == 1
                 else f"Questions {step.number} to {step.number + count - 1}")
        line = f"{which} of {about}{total}{mode}"
        self.console.print(f"[{self.help_style}]{line}[/]" if self.help_style else line)

    def _ask_mode(self) -> bool:
        """The first screen: quick mode (at most 10 questions) or the full interview."""
        quick = next((s for s in self.kb.shortcuts if s.id == interview.QUICK), None)
        if quick is None:
            return False
        fewest, most = interview.length(self.kb)
        pick = self.asker.choose("How much time do you have?", [
            (f"Enough for the full interview ({fewest} to {most} screens)", "full"),
            (f"Little: quick mode, at most {len(quick.ask)} questions, refine later", "quick")])
        return bool(pick == "quick")

    def _section(self, section_id: str) -> None:
        section = next(s for s in self.kb.sections if s.id == section_id)
        self.console.print()
        self.console.print(f"[bold]{escape(section.title)}[/bold]")
        if section.intro:
            self.console.print(escape(hanging(section.intro, rest="")))

    # -- facts and review --------------------------------------------------------------------

    def _facts(self, answers: dict[str, Any]) -> tuple[list[Prefilled], tuple[str, ...]]:
        """The State's facts that count for these answers (not those the user changed), in
        the order of the questions, and the notes on stale sources."""
        filled = with_country_facts(self.kb, answers, self.countries, self.today,
                                    unknown_as_dont_know=False)
        current = interview.effective(self.kb, filled.answers)
        order = {q.id: i for i, q in enumerate(self.kb.questions)}
        facts = sorted((p for p in filled.prefilled if p.question in current and not p.overridden),
                       key=lambda p: order[p.question])
        return facts, filled.notices

    def _review(self, answers: dict[str, Any]) -> bool:
        """The last screen, with the facts: True when the user goes on to the results."""
        self._save_state(reviewed=True)
        current = interview.effective(self.kb, answers)
        mine = [(q, current[q.id]) for q in self.kb.questions if q.id in current]
        facts, notices = self._facts(answers)
        pick = self.screens.review(mine, self._country_name(answers), facts, notices)
        if pick == DONE:
            return True
        if pick == CHANGE_ANSWER:
            return False
        if pick == CHANGE_FACT:
            changes = self.screens.change_fact(facts, self._ask_again)
        else:
            question = self.kb.question(pick)
            assert question is not None
            value = self._ask_again(question, answers.get(pick))
            changes = {} if value is None else {pick: value}
        if changes:
            answers.update(changes)
            self.remembered.update(changes)
            self._save(answers)
        return False

    def _ask_again(self, question: Question, current: Any) -> Any:
        """Ask to change one answer; Back cancels the change (None)."""
        self._why(question)
        value = self.asker.ask(question, current, can_go_back=True)
        return None if value is self.asker.back else value

    # -- helpers -----------------------------------------------------------------------------

    def _why(self, question: Question) -> None:
        text = escape(hanging(f"Why we ask: {question.help}", rest=""))
        self.console.print(f"[{self.help_style}]{text}[/]" if self.help_style else text)

    def _known(self, answers: dict[str, Any]) -> dict[str, Any]:
        """The user's answers plus the country data's known facts (asked only if unknown)."""
        return with_country_facts(self.kb, answers, self.countries, self.today,
                                  unknown_as_dont_know=False).answers

    def _country_name(self, answers: dict[str, Any]) -> str:
        country = self.countries.get(str(answers.get(COUNTRY))) if self.countries else None
        return country.name if country else "the State"

    def _save(self, answers: dict[str, Any]) -> None:
        resume.save(answers, self.kb, self.state)

    def _save_state(self, **changes: Any) -> None:
        self.state = replace(self.state, **changes)
        if resume.resume_path().is_file():
            self._save(self.answers)
