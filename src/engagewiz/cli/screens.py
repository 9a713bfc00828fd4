"""The interview's last screen, the review: the answers and the country facts, at 60x30.

It prints the answers and a grouped summary of the facts, wrapped with hanging indents,
then offers a menu whose items fit one line each (distinct at 60 columns) and can be
searched by typing; every change can be cancelled with Back.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from engagewiz.core.model import KnowledgeBase, Question
from engagewiz.core.results import Prefilled

if TYPE_CHECKING:
    from rich.console import Console

    from engagewiz.cli.interactive import Prompter
    from engagewiz.kb.countries import CountryData

DONE, CHANGE_FACT, CHANGE_ANSWER = "@done", "@fact", "@answer"  # no question id looks so


def width() -> int:
    return max(min(shutil.get_terminal_size().columns, 100), 40)


def hanging(text: str, first: str = "", rest: str = "    ") -> str:
    return textwrap.fill(text, width() - 1, initial_indent=first, subsequent_indent=rest)


def short_name(q: Question) -> str:
    """The name before its brackets ("ICCPR"), for summaries where space is tight."""
    return (q.short or q.text).split(" (")[0]


def one_line(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 3].rstrip(" ,;(") + "..."


class Screens:
    """Draws the summaries; asks through the same prompter as the questions."""

    def __init__(self, kb: KnowledgeBase, countries: CountryData | None, console: Console,
                 asker: Prompter) -> None:
        self.kb, self.countries, self.console, self.asker = kb, countries, console, asker

    def shown(self, q: Question, value: Any) -> str:
        """An answer as a person reads it: the country by name, choices by their label."""
        if q.type == "country" and self.countries and (c := self.countries.get(str(value))):
            return c.name
        return q.label(value)

    def summary(self, country: str, facts: list[Prefilled], notices: tuple[str, ...]) -> None:
        """What the State has accepted, grouped by source, in a few lines at 60 columns."""
        self.console.print()
        self.console.print(f"[bold]What {escape(country)} has accepted, from public data "
                           "(a ratification since?)[/bold]")
        by_source: dict[str, list[Prefilled]] = {}
        for fact in facts:
            by_source.setdefault(fact.source, []).append(fact)
        for source, group in by_source.items():
            self.console.print(escape(hanging(f"Per {source}:", rest="  ")))
            for label, values in (("Yes", ("yes",)), ("No", ("no",)),
                                  ("Not known", ("dont_know",))):
                names = [short_name(q) for f in group if (q := self.kb.question(f.question))
                         and f.value in values]
                if names:
                    self.console.print(escape(hanging(", ".join(names) + ".",
                                                      f"  {label}: ", "    ")))
        if notices:
            self.console.print(escape(hanging(
                f"Note: {len(notices)} of these sources are over a year old or undated; the "
                "result says where to check.", rest="  ")))

    def change_fact(self, facts: list[Prefilled],
                    ask: Callable[[Question, Any], Any]) -> dict[str, Any]:
        """A searchable list of the facts, then the one chosen asked again: the change, or
        nothing when the list or the question is left with Back."""
        room = width() - 6
        options = []
        for fact in facts:
            q = self.kb.question(fact.question)
            assert q is not None
            options.append((one_line(f"Change: {q.short or q.text}: {q.label(fact.value)}",
                                     room), q.id))
        pick = self.asker.choose("Which fact?", [*options, ("< Back (no change)", DONE)],
                                 search=True)
        if pick == DONE:
            return {}
        question = self.kb.question(pick)
        assert question is not None
        value = ask(question, next(f.value for f in facts if f.question == pick))
        return {} if value is None else {pick: value}

    def review(self, mine: list[tuple[Question, Any]], country: str,
               facts: list[Prefilled], notices: tuple[str, ...]) -> str:
        """Every answer in full, then the State's facts (last, beside the menu: the user did
        not give them, so they are what most needs a look); returns DONE, CHANGE_FACT or the
        id of a question to change."""
        self.console.print()
        self.console.print("[bold]Your answers[/bold]")
        for i, (q, value) in enumerate(mine, 1):
            name = f"{i:>2}. {q.short or q.text}: "  # every question has a short name (check)
            text = hanging(name + self.shown(q, value), rest="    ")
            self.console.print(escape(text[:len(name)]) + "[cyan]" + escape(text[len(name):])
                               + "[/cyan]")
        if facts:
            self.summary(country, facts, notices)
        options: list[tuple[str, str]] = [("See the results", DONE),
                                          ("Change an answer...", CHANGE_ANSWER)]
        if facts:
            options.append((f"Change a fact about {country}...", CHANGE_FACT))
        pick = self.asker.choose("Review your answers", options)
        if pick != CHANGE_ANSWER:
            return str(pick)
        room = width() - 6
        which = [(one_line(f"{i}. {q.short or q.text}", room), q.id)
                 for i, (q, _) in enumerate(mine, 1)]
        chosen = self.asker.choose("Which answer?", [*which, ("< Back (no change)", DONE)],
                                   search=True)
        return str(chosen) if chosen != DONE else CHANGE_ANSWER
