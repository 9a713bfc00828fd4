"""The only module that imports questionary: one prompt per question type, drawn on stderr.

Prompts go to stderr so `engagewiz assess --format json > out.json` keeps the JSON clean.
Only `unsafe_ask()` is used: `.ask()` turns Ctrl-C into None, which would read as an answer.
Ctrl-C and end-of-input propagate to the interview, which saves progress (one place).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import questionary
from prompt_toolkit.output import create_output
from questionary import Choice

from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import Question

BACK = object()  # the answer "go back to the previous question"
BACK_WORDS = ("<", "back")
DONT_KNOW_WORDS = ("?", "dont know", "don't know", "dont_know", "unknown")
CountrySearch = Callable[[str], "tuple[str, str] | None"]  # text -> (iso3, name)


class Asker:
    """Asks one question at a time; knows nothing about which question comes next."""

    def __init__(self, countries: list[tuple[str, str]], search: CountrySearch,
                 plain: bool = False, today: date | None = None) -> None:
        self.country_titles = [f"{name} ({iso3})" for iso3, name in countries]
        self.search = search
        self.today = today or date.today()  # the interview's day (ENGAGEWIZ_TODAY in tests)
        self.kwargs: dict[str, Any] = {"output": create_output(stdout=sys.stderr),
                                       "qmark": "?"}
        self.list_kwargs: dict[str, Any] = {}  # options only the list prompts take
        if plain:
            import questionary.constants as constants
            import questionary.prompts.common as common
            from prompt_toolkit.output import ColorDepth

            # Monochrome whatever NO_COLOR says. The ASCII markers are module settings in
            # questionary (no per-prompt option): a process asks with one Asker only.
            self.kwargs["color_depth"] = ColorDepth.DEPTH_1_BIT
            for module in (constants, common):
                module.INDICATOR_SELECTED = "[x]"  # type: ignore[attr-defined]
                module.INDICATOR_UNSELECTED = "[ ]"  # type: ignore[attr-defined]
            self.list_kwargs["pointer"] = ">"

    def ask(self, q: Question, current: Any = None, can_go_back: bool = False) -> Any:
        method = {"choice": self._select, "yes_no": self._select, "multi": self._checkbox,
                  "country": self._country, "date": self._date, "text": self._text}[q.type]
        return method(q, current, can_go_back)

    def choose(self, message: str, options: list[tuple[str, Any]]) -> Any:
        """A plain menu (the review screen): title, value pairs."""
        return questionary.select(message, [Choice(t, v) for t, v in options],
                                  **self._select_kwargs()).unsafe_ask()

    def _select_kwargs(self) -> dict[str, Any]:
        return self.kwargs | self.list_kwargs | {"instruction": "(arrows, Enter)"}

    def _select(self, q: Question, current: Any, can_go_back: bool) -> Any:
        choices = [Choice(c.label, c.value) for c in q.choices]
        if q.dont_know:
            choices.append(Choice("Don't know", DONT_KNOW))
        if can_go_back:
            choices.append(Choice("< Back", BACK))
        default = next((c for c in choices if c.value == current), None)
        return questionary.select(q.text, choices, default=default,
                                  **self._select_kwargs()).unsafe_ask()

    def _checkbox(self, q: Question, current: Any, can_go_back: bool) -> Any:
        chosen = current if isinstance(current, list) else []
        choices = [Choice(c.label, c.value, checked=c.value in chosen) for c in q.choices]
        if can_go_back:
            choices.append(Choice("< Back (choose only this)", BACK))

        def valid(values: list[Any]) -> bool | str:
            if not values:
                return "Choose at least one (Space to tick)."
            if BACK in values and len(values) > 1:
                return "Untick the others to go back."
            return True

        values = questionary.checkbox(q.text, choices, validate=valid,
                                      instruction="(Space to tick, Enter when done)",
                                      **self.kwargs, **self.list_kwargs).unsafe_ask()
        return BACK if values == [BACK] else values

    def _typed(self, q: Question, current: Any, can_go_back: bool,
               parse: Callable[[str], Any], hint: str) -> Any:
        words = [hint]
        if q.dont_know:
            words.append("? = don't know")
        if can_go_back:
            words.append("< = back")
        message = f"{q.text} ({'; '.join(words)})"
        default = "" if current in (None, DONT_KNOW) else str(current)
        valid = self._validator(q, can_go_back, parse)
        text = questionary.text(message, default=default, validate=valid,
                                **self.kwargs).unsafe_ask()
        return self._interpret(text, q, can_go_back, parse)

    def _validator(self, q: Question, can_go_back: bool,
                   parse: Callable[[str], Any]) -> Callable[[str], bool | str]:
        """questionary's validate=: True, or the message that explains what to type."""
        def valid(text: str) -> bool | str:
            try:
                self._interpret(text, q, can_go_back, parse)
            except ValueError as exc:
                return str(exc)
            return True

        return valid

    @staticmethod
    def _interpret(text: str, q: Question, can_go_back: bool,
                   parse: Callable[[str], Any]) -> Any:
        word = text.strip().lower()
        if can_go_back and word in BACK_WORDS:
            return BACK
        if q.dont_know and word in DONT_KNOW_WORDS:
            return DONT_KNOW
        return parse(text.strip())

    def _date(self, q: Question, current: Any, can_go_back: bool) -> Any:
        def parse(text: str) -> str:
            try:
                day = date.fromisoformat(text)
            except ValueError:
                raise ValueError("Please type a date as YYYY-MM-DD, e.g. 2026-03-03.") from None
            if day > self.today:
                raise ValueError("That date is in the future; type the date of the decision.")
            return day.isoformat()

        return self._typed(q, current, can_go_back, parse, "YYYY-MM-DD")

    def _text(self, q: Question, current: Any, can_go_back: bool) -> Any:
        def parse(text: str) -> str:
            if not text:
                raise ValueError("Please type an answer.")
            return text

        return self._typed(q, current, can_go_back, parse, "type your answer")

    def _country(self, q: Question, current: Any, can_go_back: bool) -> Any:
        def parse(text: str) -> str:
            found = self.search(text.rsplit(" (", 1)[0]) or self.search(text)
            if found is None:
                raise ValueError("Unknown country: type a name or an ISO code (Tab completes).")
            return found[0]

        valid = self._validator(q, can_go_back, parse)
        hint = "; ".join(["type to search, Tab completes",
                          *(["? = don't know"] if q.dont_know else []),
                          *(["< = back"] if can_go_back else [])])
        default = ""
        if current:
            found = self.search(str(current))
            default = f"{found[1]} ({found[0]})" if found else ""
        text = questionary.autocomplete(
            f"{q.text} ({hint})", self.country_titles, default=default, validate=valid,
            match_middle=True, ignore_case=True, **self.kwargs).unsafe_ask()
        return self._interpret(text, q, can_go_back, parse)
