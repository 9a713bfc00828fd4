"""Accessible prompts (`--accessible`, or TERM=dumb): one line at a time, numbered choices.

Nothing is redrawn and nothing depends on colour or on arrow keys, so a screen reader reads
each prompt once, in order, and a braille display or a dumb terminal works. Choices are typed
as numbers ("2", or "1 3" for several); "<" goes back and "?" answers "don't know" wherever
the arrow prompts offer them. End of input (Ctrl-D) and Ctrl-C propagate to the interview,
which saves progress.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from datetime import date
from typing import TYPE_CHECKING, Any

from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import Question

if TYPE_CHECKING:
    from engagewiz.kb.places import CountrySearch

BACK = object()
# What may be typed instead of the number of Back or "Don't know", as at the other prompts.
WORDS: dict[str, Any] = {"<": BACK, "back": BACK, "?": DONT_KNOW, "dont know": DONT_KNOW,
                         "don't know": DONT_KNOW}


def _say(text: str = "") -> None:
    print(text, file=sys.stderr, flush=True)


def _read(prompt: str) -> str:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.strip()


class LineAsker:
    """The Prompter of engagewiz.cli.interactive, as numbered questions on plain lines."""

    back = BACK

    def __init__(self, search: CountrySearch, today: date) -> None:
        self.search, self.today = search, today

    def choose(self, message: str, options: list[tuple[str, Any]],
               search: bool = False) -> Any:
        return self._pick(message, options, multi=False)

    def ask(self, q: Question, current: Any = None, can_go_back: bool = False) -> Any:
        if q.type in ("choice", "yes_no", "multi"):
            options: list[tuple[str, Any]] = [(c.label, c.value) for c in q.choices]
            if q.dont_know and q.type != "multi":
                options.append(("Don't know", DONT_KNOW))
            if can_go_back:
                options.append(("Back", BACK))
            return self._pick(q.text, options, q.type == "multi", current)
        return self._typed(q, current, can_go_back)

    def ask_group(self, title: str, questions: list[Question], current: list[Any],
                  can_go_back: bool = False) -> Any:
        """A group's questions one after another; "<" goes to the one before (from the
        first, Back). The answers by id, or Back."""
        _say()
        _say(f"{title}: {len(questions)} short questions.")
        given: dict[str, Any] = {}
        i = 0
        while i < len(questions):
            q = questions[i]
            _say(textwrap.fill(f"Why we ask: {q.help}", shutil.get_terminal_size().columns - 1))
            value = self.ask(q, given.get(q.id, current[i]), can_go_back or i > 0)
            if value is BACK:
                if i == 0:
                    return BACK
                i -= 1
                continue
            given[q.id] = value
            i += 1
        return given

    def _pick(self, message: str, options: list[tuple[str, Any]], multi: bool,
              current: Any = None) -> Any:
        _say()
        _say(message)
        for i, (label, _) in enumerate(options, 1):
            _say(f"  {i}. {label}")
        values = [v for _, v in options]
        now = current if isinstance(current, list) else [current]
        marked = [str(i) for i, v in enumerate(values, 1) if v in now and v is not BACK]
        how = ("Type the numbers of all that apply, separated by spaces" if multi
               else "Type a number")
        default = f"; Enter keeps {' '.join(marked)}" if marked else ""
        while True:
            text = _read(f"{how}{default}: ")
            if not text and marked:
                text = " ".join(marked)
            if (word := WORDS.get(text.lower())) is not None and word in values:  # "<", "?"
                return word
            picked = self._numbers(text, len(options), multi)
            if isinstance(picked, str):
                _say(picked)
                continue
            chosen = [values[i - 1] for i in picked]
            if BACK in chosen:
                if len(chosen) > 1:
                    _say("Choose Back on its own to go back.")
                    continue
                return BACK
            if not multi:
                return chosen[0]
            _say("Chosen: " + "; ".join(options[i - 1][0] for i in picked))
            return chosen

    @staticmethod
    def _numbers(text: str, count: int, multi: bool) -> list[int] | str:
        """The numbers typed, or what to say when they are not usable."""
        parts = text.replace(",", " ").split()
        if not parts:
            return "Please type a number."
        if not all(p.isdigit() and 1 <= int(p) <= count for p in parts):
            return f"Please type numbers from 1 to {count}."
        if len(parts) > 1 and not multi:
            return "Please type one number."
        return list(dict.fromkeys(int(p) for p in parts))

    def _typed(self, q: Question, current: Any, can_go_back: bool) -> Any:
        hints = {"date": "a date as YYYY-MM-DD", "country": "a country name or ISO code"}
        words = [f"Type {hints.get(q.type, 'your answer')}"]
        if q.dont_know:
            words.append("? for don't know")
        if can_go_back:
            words.append("< to go back")
        if current not in (None, DONT_KNOW):
            words.append(f"Enter keeps {current}")
        _say()
        _say(q.text)
        while True:
            text = _read("; ".join(words) + ": ")
            if not text and current not in (None, DONT_KNOW):
                return current
            word = WORDS.get(text.lower())
            if (word is BACK and can_go_back) or (word == DONT_KNOW and q.dont_know):
                return word
            problem, value = self._parse(q, text)
            if problem:
                _say(problem)
                continue
            return value

    def _parse(self, q: Question, text: str) -> tuple[str, Any]:
        if not text:
            return "Please type an answer.", None
        if q.type == "country":
            found = self.search(text)
            if found is None:
                return "Unknown country: type a name (e.g. Kenya) or an ISO code (KEN).", None
            if found.iso3 is None:  # a place no State covers: its note says what to type
                return f"Note: {found.note}", None
            if found.note:
                _say(f"Note: {found.note}")
            return "", found.iso3
        if q.type == "date":
            try:
                day = date.fromisoformat(text)
            except ValueError:
                return "Please type a date as YYYY-MM-DD, e.g. 2026-03-03.", None
            if day > self.today:
                return "That date is in the future; type the date of the decision.", None
            return "", day.isoformat()
        return "", text
