"""Getting a complete set of answers for `assess`: from the file, or by interviewing.

Imported on the scripted path too, so it imports nothing heavy at the top: rich and the
prompt modules come in only when a question has to be asked.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from engagewiz.core import interview
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.prefill import with_country_facts
from engagewiz.core.record import record
from engagewiz.errors import InputError

if TYPE_CHECKING:
    from engagewiz.cli.interactive import Interview, Prompter
    from engagewiz.kb.countries import CountryData
    from engagewiz.kb.places import Found
    from engagewiz.storage.resume import RunState

NO_TERMINAL = ("the interview needs a terminal. To run without one, write an answers file:\n"
               "  engagewiz template > answers.yaml   (fill it in)\n"
               "  engagewiz assess --answers answers.yaml --format json")
Show = Callable[[dict[str, Any]], None]


@record
class Completed:
    answers: dict[str, Any]
    save_answers: Path | None  # --save-answers, or the one remembered by --resume
    shown: bool = False        # the result is already on screen (a shortcut's, kept as final)


@record
class Asking:
    kb: KnowledgeBase
    countries: CountryData | None
    today: date
    plain: bool
    accessible: bool
    quick: bool
    show: Show

    def complete(self, given: dict[str, Any], no_input: bool, started: bool, resuming: bool,
                 save_answers: Path | None, file: str | None = None) -> Completed:
        """Ask what is missing at a terminal; elsewhere, name every missing question at once."""
        filled = with_country_facts(self.kb, given, self.countries, self.today)
        cut = next((s for s in self.kb.shortcuts if s.id == interview.QUICK), None)
        todo = interview.missing(self.kb, filled.answers, cut if self.quick else None)
        if not todo and not resuming:
            return Completed(given, save_answers)  # scripted: nothing of the interview imported
        from engagewiz.cli.interactive import terminal_available

        if no_input or not terminal_available():
            if not started:
                raise InputError.one(NO_TERMINAL)
            ids = ", ".join(q.id for q in todo)
            quick = "" if self.quick else ", add --quick to take all but 10 as unknown"
            raise InputError.one(f"{len(todo)} question(s) unanswered: {ids}. Answer them in "
                                 f"the file (dont_know is an answer){quick}, or run at a "
                                 "terminal without --no-input to be asked.", file)
        return self._interview(given, started, resuming, save_answers)

    def _interview(self, given: dict[str, Any], started: bool, resuming: bool,
                   save_answers: Path | None) -> Completed:
        from dataclasses import replace

        from engagewiz.storage import resume

        session = self._session(resume.RunState(quick=self.quick))
        try:
            if not resuming and resume.resume_path().is_file():
                resuming, given = self._waiting(session.asker, given)
            state = resume.load_state() if resuming else session.state
            if save_answers:
                state = replace(state, save_answers=str(save_answers))
            elif state.save_answers:
                save_answers = Path(state.save_answers)
            session.state = replace(state, quick=state.quick or self.quick)
            session.start(given, restored=resuming, offer_quick=not started and not self.quick)
            while True:
                outcome = session.run()
                if outcome.shortcut is None:
                    break
                self.show(outcome.answers)
                if not session.more(outcome.shortcut):
                    resume.forget()
                    return Completed(outcome.answers, save_answers, shown=True)
        except (KeyboardInterrupt, EOFError) as stop:  # Ctrl-C, a signal, end of input
            self._stopped(session, stop)
        resume.forget()
        return Completed(outcome.answers, save_answers)

    def _session(self, state: RunState) -> Interview:
        from engagewiz.cli.interactive import Interview
        from engagewiz.render.terminal import make_console

        countries = self.countries
        names = list(countries.titles().items()) if countries else []

        def search(text: str) -> Found | None:
            return countries.find(text) if countries else None

        asker: Prompter
        if self.accessible:
            from engagewiz.cli.lineprompts import LineAsker

            asker = LineAsker(search, self.today)
        else:
            from engagewiz.cli.prompts import Asker

            asker = Asker(names, search, self.plain, self.today)
        console = make_console(self.plain, stderr=True)
        return Interview(self.kb, countries, self.today, console, asker, state,
                         help_style="" if self.accessible else "dim")

    def _waiting(self, asker: Prompter, given: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        """A new interview never silently replaces an interrupted one."""
        from engagewiz.cli import common
        from engagewiz.storage import resume
        from engagewiz.storage.answers import load_answers

        pick = asker.choose("An interrupted interview is waiting. What should happen to it?", [
            ("Resume it", "resume"), ("Start over and discard it", "discard"),
            ("Keep it, and start a new interview", "keep")])
        if pick == "resume":
            saved = load_answers(resume.resume_path(), self.kb, common.resolver(self.countries))
            return True, {**saved, **given}
        if pick == "discard":
            resume.forget()
        else:
            kept = resume.set_aside()
            print(f"Kept in {kept}; continue it later with: engagewiz assess --answers {kept}",
                  file=sys.stderr)
        return False, given

    @staticmethod
    def _stopped(session: Interview, stop: BaseException) -> NoReturn:
        """Every answer is saved as it is given: say where, or that there was none."""
        from engagewiz.entry import exit_code
        from engagewiz.storage import resume

        path = resume.resume_path()
        if path.is_file():
            session.console.print(f"\nStopped. Your answers so far are saved in {path} "
                                  "(only you can read it).\nContinue with: engagewiz assess "
                                  "--resume")
        else:
            session.console.print("\nStopped before any answer: nothing was saved.")
        sys.exit(exit_code(stop))
