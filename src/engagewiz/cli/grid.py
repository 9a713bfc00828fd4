"""The grouped screen: a group's short questions as rows, answered on one screen.

One row per question (its short name and the answer chosen), then "Continue" and, when
there is somewhere to go back to, "< Back". Up and down move between rows; left and right
step through the focused question's answers, a number picks one and moves on; the focused
question is shown in full below the rows, with every answer numbered and the help of the
one chosen. Nothing is taken as "don't know" unless chosen: Continue with a row left
unanswered says so and goes to it.

This module decides what the screen says and what each key does, and imports no terminal
library: `cli/prompts.py` runs it in prompt_toolkit, and tests drive it directly.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import MAX_ROW_NAME, Question

Line = list[tuple[str, str]]  # (style class, text) fragments of one line
# pointer, chosen answer, around a row's answer, the rule; ASCII with --plain
MARKS = {False: ("\u276f", "\u25cf", "\u2039", "\u203a", "\u2500"),
         True: (">", "*", "<", ">", "-")}
HINT = {False: "(\u2191\u2193 move, \u2190\u2192 or a number to choose, Enter: next)",
        True: "(arrows: move and choose, or type a number; Enter: next)"}


class Grid:
    def __init__(self, title: str, questions: Sequence[Question], current: Sequence[Any],
                 can_go_back: bool, back: object, plain: bool = False) -> None:
        self.title, self.questions, self.back, self.plain = title, list(questions), back, plain
        self.marks = MARKS[plain]
        self.options = [_options(q) for q in questions]
        self.chosen: list[int | None] = [
            next((i for i, (_, v, _h) in enumerate(opts) if v == now), None)
            for opts, now in zip(self.options, current, strict=True)]
        self.actions = ["continue", *(["back"] if can_go_back else [])]
        unanswered = [i for i, c in enumerate(self.chosen) if c is None]
        self.focus = unanswered[0] if unanswered else len(questions)
        self.message = ""
        self.result: Any = None  # set when the screen is finished: the answers, or Back

    # -- keys: each returns the result when the screen is finished, else None ------------

    def move(self, step: int) -> None:
        self.focus = (self.focus + step) % (len(self.questions) + len(self.actions))
        self.message = ""

    def step(self, by: int) -> None:
        """Left and right: the previous or next answer of the focused question."""
        if self.focus >= len(self.questions):
            return
        count = len(self.options[self.focus])
        now = self.chosen[self.focus]
        start = -1 if by > 0 else count  # from nothing, right takes the first, left the last
        self.chosen[self.focus] = min(max((start if now is None else now) + by, 0), count - 1)
        self.message = ""

    def pick(self, number: int) -> None:
        """A number typed: that answer of the focused question, then the next row."""
        if self.focus < len(self.questions) and 1 <= number <= len(self.options[self.focus]):
            self.chosen[self.focus] = number - 1
            self.move(1)

    def dont_know(self) -> None:
        if self.focus < len(self.questions):
            values = [v for _, v, _h in self.options[self.focus]]
            if DONT_KNOW in values:
                self.pick(values.index(DONT_KNOW) + 1)

    def enter(self) -> Any:
        """On a row: the next row. On Continue: the answers, or the first row left open.
        On Back: Back."""
        if self.focus < len(self.questions):
            self.move(1)
            return None
        if self.actions[self.focus - len(self.questions)] == "back":
            return self.finish(self.back)
        left = [i for i, c in enumerate(self.chosen) if c is None]
        if left:
            self.focus = left[0]
            names = ", ".join(self.questions[i].short or self.questions[i].text for i in left)
            self.message = f"Still to answer: {names}. \"Don't know\" counts as an answer."
            return None
        return self.finish({q.id: self.options[i][c][1] for i, (q, c)
                            in enumerate(zip(self.questions, self.chosen, strict=True))
                            if c is not None})

    def finish(self, result: Any) -> Any:
        self.result = result
        return result

    # -- the screen --------------------------------------------------------------------------

    def lines(self, width: int, height: int) -> list[Line]:
        """What to draw, cut to `height` lines; once finished, the answers as a record."""
        head: list[Line] = [[("class:qmark", "?"), ("class:question", f" {self.title}")]]
        if self.result is self.back:
            return [*head, [("class:answer", "  < Back")]]
        if self.result is not None:
            return head + [[("class:answer", _cut(f"  {self._name(i)}: {self._label(i)}", width))]
                           for i in range(len(self.questions))]
        head.append([("class:instruction", _cut(f"  {HINT[self.plain]}", width))])
        rows = [self._row(i, width) for i in range(len(self.questions))]
        rows += [self._action(k, name) for k, name in enumerate(self.actions)]
        below = self._focused(width) if self.focus < len(self.questions) else []
        if self.message:
            below = [[("class:error", part)] for part in _wrap(self.message, width, "  ")] + below
        rule: list[Line] = [[("class:separator", "  " + self.marks[4] * (width - 4))]]
        screen = head + rows + (rule + below if below else [])
        return screen[:max(height, len(head) + len(rows))]

    def _name(self, i: int) -> str:
        q = self.questions[i]
        return q.short or q.text

    def _label(self, i: int) -> str:
        chosen = self.chosen[i]
        return "not answered" if chosen is None else self.options[i][chosen][0]

    def _row(self, i: int, width: int) -> Line:
        pointer = self.marks[0] if i == self.focus else " "
        room = min(MAX_ROW_NAME, max(len(self._name(k)) for k in range(len(self.questions))))
        name = _cut(self._name(i), room).ljust(room)
        left, right = self.marks[2:4]
        value = _cut(self._label(i), max(width - room - 10, 8))
        style = "class:text" if self.chosen[i] is None else "class:answer"
        return [("class:pointer", f"{pointer} "), ("class:text", f"{name}  "),
                (style, f"{left} {value} {right}")]

    def _action(self, k: int, name: str) -> Line:
        here = self.focus == len(self.questions) + k
        pointer = self.marks[0] if here else " "
        return [("class:pointer", f"{pointer} "),
                ("class:text", "Continue" if name == "continue" else "< Back")]

    def _focused(self, width: int) -> list[Line]:
        """The focused question in full: its text, its numbered answers, the chosen one's
        help, and why we ask it."""
        i = self.focus
        q, chosen = self.questions[i], self.chosen[i]
        out: list[Line] = [[("class:question", part)] for part in _wrap(q.text, width, "  ")]
        for n, (label, _, _h) in enumerate(self.options[i]):
            mark = self.marks[1] if n == chosen else " "
            for k, part in enumerate(_wrap(label, width - 4, "")):
                lead = f"  {mark} {n + 1}. " if k == 0 else "       "
                out.append([("class:answer" if n == chosen else "class:text", lead + part)])
        if chosen is not None and self.options[i][chosen][2]:
            out += [[("class:instruction", p)]
                    for p in _wrap(self.options[i][chosen][2], width, "  ")]
        out += [[("class:instruction", p)] for p in _wrap(f"Why we ask: {q.help}", width, "  ")]
        return out


def _options(q: Question) -> list[tuple[str, Any, str]]:
    """(label, value, help) of every answer, "Don't know" last where it is offered."""
    own = [(c.label, c.value, c.help) for c in q.choices]
    return own + ([("Don't know", DONT_KNOW, "")] if q.dont_know else [])


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(text, max(width - 1, 20), initial_indent=indent,
                         subsequent_indent=indent) or [indent]


def _cut(text: str, room: int) -> str:
    return text if len(text) <= room else text[: max(room - 3, 1)].rstrip(" ,;(") + "..."
