"""The interview at a terminal: the loop around the pure walk in engagewiz.core.interview.

Every answer is saved to the resume file as soon as it is given, so Ctrl-C, end of input
or a closed terminal loses nothing; the file is deleted when the interview completes.
"""

from __future__ import annotations

import signal
import sys
from datetime import date
from types import FrameType
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape

from engagewiz.core import interview
from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import KnowledgeBase, Question
from engagewiz.core.prefill import with_country_facts
from engagewiz.storage import resume

if TYPE_CHECKING:
    from engagewiz.cli.prompts import Asker
    from engagewiz.kb.countries import CountryData


DONE = "@done"  # a menu value no question id can take (questionary maps None to the title)


class Interrupted(Exception):
    """The user left mid-interview; the answers so far are in `path`."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def terminal_available() -> bool:
    """Checked before questionary is imported: prompts need a keyboard and a screen."""
    return bool(sys.stdin and sys.stdin.isatty() and sys.stderr.isatty())


def _hangup(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


class Interview:
    def __init__(self, kb: KnowledgeBase, countries: CountryData | None, today: date,
                 console: Console, asker: Asker) -> None:
        self.kb, self.countries, self.today = kb, countries, today
        self.console, self.asker = console, asker
        self.remembered: dict[str, Any] = {}  # every answer ever given: defaults after Back

    def run(self, answers: dict[str, Any]) -> dict[str, Any]:
        if hasattr(signal, "SIGHUP"):
            signal.signal(signal.SIGHUP, _hangup)
        try:
            return self._loop(dict(answers))
        except (KeyboardInterrupt, EOFError):
            raise Interrupted(str(resume.resume_path())) from None

    def _known(self, answers: dict[str, Any]) -> dict[str, Any]:
        """The user's answers plus the country data's known facts (asked only if unknown)."""
        return with_country_facts(self.kb, answers, self.countries, self.today,
                                  unknown_as_dont_know=False).answers

    def _loop(self, answers: dict[str, Any]) -> dict[str, Any]:
        history: list[str] = []
        section = None
        confirmed_country = None
        while True:
            known = self._known(answers)
            question = interview.next_question(self.kb, known)
            if question is None:
                if answers.get("country") != confirmed_country:
                    answers = self._confirm_facts(answers)
                    confirmed_country = answers.get("country")
                    continue
                edited = self._review(answers)
                if edited is None:
                    return interview.effective(self.kb, answers)
                answers = edited
                continue
            if question.section != section:
                section = question.section
                self._section(section)
            step = interview.progress(self.kb, answers, known)
            self.console.print(f"[dim]Question {step.number}, about {step.remaining} to go"
                               f" · {question.id}[/dim]")
            self.console.print(f"[dim]Why we ask: {escape(question.help)}[/dim]")
            value = self.asker.ask(question, self.remembered.get(question.id), bool(history))
            from engagewiz.cli.prompts import BACK

            if value is BACK:
                history, answers = interview.back(history, answers)
                section = None
                continue
            answers[question.id] = value
            self.remembered[question.id] = value
            history.append(question.id)
            resume.save(answers, self.kb)

    def _section(self, section_id: str) -> None:
        section = next(s for s in self.kb.sections if s.id == section_id)
        self.console.print()
        self.console.print(f"[bold]{escape(section.title)}[/bold]")
        if section.intro:
            self.console.print(escape(section.intro))

    def _confirm_facts(self, answers: dict[str, Any]) -> dict[str, Any]:
        """Show what the data says about the State; the user confirms or corrects it."""
        filled = with_country_facts(self.kb, answers, self.countries, self.today,
                                    unknown_as_dont_know=False)
        current = interview.effective(self.kb, filled.answers)
        order = {q.id: i for i, q in enumerate(self.kb.questions)}
        facts = sorted((p for p in filled.prefilled if p.question in current and not p.overridden),
                       key=lambda p: order[p.question])
        if not facts:
            return answers
        country = self.countries.get(str(answers["country"])) if self.countries else None
        self.console.print()
        self.console.print(f"[bold]What {escape(country.name if country else 'the State')} "
                           "has accepted, from public data[/bold]")
        for notice in filled.notices:
            self.console.print(f"[yellow]Note:[/yellow] {escape(notice)}")
        by_source: dict[str, list[str]] = {}
        for p in facts:
            q = self.kb.question(p.question)
            assert q is not None
            by_source.setdefault(p.source, []).append(f"  {q.label(p.value):<4} {q.text}")
        for source, lines in by_source.items():
            self.console.print(f"Per {escape(source)}:")
            for line in lines:
                self.console.print(escape(line))
        while True:
            pick = self.asker.choose("Is this still right? (a ratification since then?)", [
                ("Yes, use these facts", DONE),
                *[(f"Correct: {self._short(p.question, answers)}", p.question) for p in facts],
            ])
            if pick == DONE:
                return answers
            question = self.kb.question(pick)
            assert question is not None
            answers[pick] = self.asker.ask(question, filled.answers.get(pick))
            resume.save(answers, self.kb)

    def _short(self, qid: str, answers: dict[str, Any]) -> str:
        q = self.kb.question(qid)
        assert q is not None
        value = self._known(answers).get(qid)
        return f"{q.text} [{q.label(value) if value is not None else '-'}]"

    def _review(self, answers: dict[str, Any]) -> dict[str, Any] | None:
        """All answers in one list; change any, or go on to the results (None)."""
        current = interview.effective(self.kb, answers)
        mine = [q for q in self.kb.questions if q.id in current]
        self.console.print()
        self.console.print("[bold]Your answers[/bold]")
        for i, q in enumerate(mine, 1):
            self.console.print(f"{i:>2}. {escape(q.text)}")
            self.console.print(f"    [cyan]{escape(q.label(current[q.id]))}[/cyan]")
        pick = self.asker.choose("Review your answers", [
            ("See the results", DONE),
            *[(f"Change {i}: {self._clip(q)}", q.id) for i, q in enumerate(mine, 1)],
        ])
        if pick == DONE:
            return None
        question = self.kb.question(pick)
        assert question is not None
        answers[pick] = self._ask_again(question, answers.get(pick))
        self.remembered[pick] = answers[pick]
        resume.save(answers, self.kb)
        return answers

    def _ask_again(self, question: Question, current: Any) -> Any:
        self.console.print(f"[dim]Why we ask: {escape(question.help)}[/dim]")
        return self.asker.ask(question, current if current != DONT_KNOW else DONT_KNOW)

    @staticmethod
    def _clip(q: Question, width: int = 44) -> str:
        return q.text if len(q.text) <= width else q.text[: width - 3] + "..."
