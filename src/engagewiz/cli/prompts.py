"""The only module that imports questionary: one prompt per question type, drawn on stderr.

Prompts go to stderr so `engagewiz assess --format json > out.json` keeps the JSON clean.
Never `.ask()`, which turns Ctrl-C into None (that would read as an answer): every prompt
runs through `_run`, which also makes `kill -INT` and Ctrl-D work at list and checkbox
prompts as at text prompts. Ctrl-C, signals and end-of-input propagate to the interview,
which saves progress (one place).

Messages are wrapped to the terminal, with the hint and then the answer on the next line,
so nothing breaks mid-word at 60 columns; an option too long for the screen is shortened
and shown in full below the list while it is highlighted.
"""

from __future__ import annotations

import asyncio
import shutil
import signal
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import questionary
from prompt_toolkit.application import Application, get_app
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.key_binding.key_processor import KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import FormattedTextControl, Layout, Window
from prompt_toolkit.output import create_output
from prompt_toolkit.styles import Style, merge_styles
from questionary import Choice
from questionary.constants import DEFAULT_STYLE

from engagewiz.cli.grid import Grid
from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import Question
from engagewiz.entry import Stopped
from engagewiz.kb.places import CountrySearch, Found

BACK = object()  # the answer "go back to the previous question"
BACK_WORDS = ("<", "back")
INDENT = "  "
DONT_KNOW_WORDS = ("?", "dont know", "don't know", "dont_know", "unknown")


def _share_default_key_bindings() -> None:
    """Build prompt_toolkit's default key bindings once per process, not once per prompt.

    Every `Application` builds its own set (about 1,000 emacs, vi and mouse bindings), and
    questionary makes three Applications for one list prompt: 25 ms of the 30 it takes to
    set a prompt up, 33 times in a full interview. The set holds no state of its own (its
    filters and handlers read the running application), as prompt_toolkit's PromptSession
    shows by keeping one Application, bindings and all, for every prompt it asks.
    """
    from prompt_toolkit.application import application
    from prompt_toolkit.key_binding.bindings.page_navigation import (
        load_page_navigation_bindings,
    )
    from prompt_toolkit.key_binding.defaults import load_key_bindings

    defaults, pages = load_key_bindings(), load_page_navigation_bindings()
    vars(application).update(load_key_bindings=lambda: defaults,
                             load_page_navigation_bindings=lambda: pages)


_share_default_key_bindings()


class Asker:
    """Asks one question at a time; knows nothing about which question comes next."""

    back = BACK

    def __init__(self, countries: list[tuple[str, str]], search: CountrySearch,
                 plain: bool = False, today: date | None = None) -> None:
        self.country_titles = [f"{name} ({iso3})" for iso3, name in countries]
        self.search, self.plain = search, plain
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

    def choose(self, message: str, options: list[tuple[str, Any]],
               search: bool = False) -> Any:
        """A plain menu (facts, review): title, value pairs; `search` filters as you type."""
        choices = [self._choice(t, v) for t, v in options]
        hint = "(type to search, arrows, Enter)" if search else "(arrows, Enter)"
        kwargs = self._select_kwargs(hint)
        if search:
            kwargs |= {"use_search_filter": True, "use_jk_keys": False}
        return _run(questionary.select(_wrap(message), choices, **kwargs).application)

    def ask_group(self, title: str, questions: list[Question], current: list[Any],
                  can_go_back: bool = False) -> Any:
        """A group's questions on one screen (cli/grid.py): their answers by id, or Back."""
        grid = Grid(title, questions, current, can_go_back, BACK, self.plain)
        keys = KeyBindings()

        def done(event: KeyPressEvent, result: Any) -> None:
            if result is not None:
                event.app.exit(result=result)

        bind: dict[Any, Callable[[KeyPressEvent], None]] = {
            Keys.Up: lambda e: grid.move(-1), Keys.BackTab: lambda e: grid.move(-1),
            Keys.Down: lambda e: grid.move(1), Keys.Tab: lambda e: grid.move(1),
            Keys.Left: lambda e: grid.step(-1), Keys.Right: lambda e: grid.step(1),
            "?": lambda e: grid.dont_know(), Keys.ControlM: lambda e: done(e, grid.enter()),
            Keys.Any: lambda e: None,  # other letters do nothing
        }
        if can_go_back:
            bind["<"] = lambda e: done(e, grid.finish(BACK))
        for number in range(1, 10):
            bind[str(number)] = partial(_pick, grid, number)
        for key, handler in bind.items():
            keys.add(key, eager=True)(handler)
        keys.add(Keys.ControlC, eager=True)(
            lambda e: e.app.exit(exception=KeyboardInterrupt, style="class:aborting"))

        def draw() -> StyleAndTextTuples:
            size = get_app().output.get_size()
            out: StyleAndTextTuples = []
            for line in grid.lines(size.columns, size.rows - 1):
                out += [*line, ("", "\n")]
            return out[:-1]

        style = merge_styles([DEFAULT_STYLE, Style([("error", "bold")])])
        window = Window(FormattedTextControl(draw, show_cursor=False), wrap_lines=False)
        extra = {k: v for k, v in self.kwargs.items() if k in ("output", "color_depth")}
        return _run(Application(layout=Layout(window), key_bindings=keys, style=style, **extra))

    def _select_kwargs(self, hint: str = "(arrows, Enter)") -> dict[str, Any]:
        return self.kwargs | self.list_kwargs | {"instruction": hint}

    @staticmethod
    def _choice(label: str, value: Any, checked: bool = False, indent: int = 3) -> Choice:
        """An option that fits the screen: a long label wraps under itself, never cut."""
        lines = textwrap.wrap(label, _width() - indent - 2) or [label]
        return Choice(("\n" + " " * indent).join(lines), value, checked=checked)

    def _select(self, q: Question, current: Any, can_go_back: bool) -> Any:
        choices = [self._choice(c.label, c.value) for c in q.choices]
        if q.dont_know:
            choices.append(Choice("Don't know", DONT_KNOW))
        if can_go_back:
            choices.append(Choice("< Back", BACK))
        default = next((c for c in choices if c.value == current), None)
        return _run(questionary.select(_wrap(q.text), choices, default=default,
                                       **self._select_kwargs()).application)

    def _checkbox(self, q: Question, current: Any, can_go_back: bool) -> Any:
        chosen = current if isinstance(current, list) else []
        choices = [self._choice(c.label, c.value, checked=c.value in chosen, indent=5)
                   for c in q.choices]
        if can_go_back:
            choices.append(Choice("< Back (choose only this)", BACK))

        def valid(values: list[Any]) -> bool | str:
            if not values:
                return "Choose at least one (Space to tick)."
            if BACK in values and len(values) > 1:
                return "Untick the others to go back."
            return True

        # Letters search the list rather than tick everything ("a") or invert ("i").
        values = _run(questionary.checkbox(
            _wrap(q.text), choices, validate=valid, use_search_filter=True, use_jk_keys=False,
            instruction="(Space to tick, Enter when done, type to search)",
            **self.kwargs, **self.list_kwargs).application)
        if values == [BACK]:
            return BACK
        if len(values) > 1:  # one choice is echoed on the prompt's line already
            chosen_text = "Chosen: " + "; ".join(q.label(v) for v in values)
            print(textwrap.fill(chosen_text, _width() - 1, initial_indent=INDENT,
                                subsequent_indent=INDENT * 2), file=sys.stderr)
        return values

    def _typed(self, q: Question, current: Any, can_go_back: bool,
               parse: Callable[[str], Any], hint: str) -> Any:
        words = [hint]
        if q.dont_know:
            words.append("? = don't know")
        if can_go_back:
            words.append("< = back")
        message = _wrap(q.text, f"({'; '.join(words)})")
        default = "" if current in (None, DONT_KNOW) else str(current)
        valid = self._validator(q, can_go_back, parse)
        text = _run(questionary.text(message, default=default, validate=valid,
                                     **self.kwargs).application)
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
        # "<" typed after a pre-filled answer ("Mexico (MEX)<") also means Back
        if can_go_back and (word in BACK_WORDS or word.endswith("<")):
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
        def parse(text: str) -> Found:
            found = self.search(text.rsplit(" (", 1)[0]) or self.search(text)
            if found is None:
                raise ValueError("Unknown country: type a name or an ISO code (Tab completes).")
            return found

        valid = self._validator(q, can_go_back, parse)
        hint = "; ".join(["type to search, Tab completes",
                          *(["? = don't know"] if q.dont_know else []),
                          *(["< = back"] if can_go_back else [])])
        default = ""
        if current and (found := self.search(str(current))):
            default = f"{found.name} ({found.iso3})"
        while True:
            text = _run(questionary.autocomplete(
                _wrap(q.text, f"({hint})"), self.country_titles, default=default,
                validate=valid, match_middle=True, ignore_case=True,
                **self.kwargs).application)
            value = self._interpret(text, q, can_go_back, parse)
            if not isinstance(value, Found):
                return value  # Back, or don't know
            if value.note:  # a place typed (England, Hong Kong, Kosovo): what applies there
                print(textwrap.fill(f"Note: {value.note}", _width() - 1,
                                    subsequent_indent=INDENT), file=sys.stderr)
            if value.iso3:
                return value.iso3


def _pick(grid: Grid, number: int, event: KeyPressEvent) -> None:
    grid.pick(number)


def _width() -> int:
    return max(shutil.get_terminal_size().columns, 30)


def _wrap(text: str, hint: str = "") -> str:
    """The message wrapped to the screen; the hint (and later the answer) below it."""
    lines = textwrap.wrap(text, _width() - 3, subsequent_indent=INDENT)
    if hint:
        lines += textwrap.wrap(hint, _width() - 3, initial_indent=INDENT,
                               subsequent_indent=INDENT)
    return "\n".join(lines) + "\n "  # questionary adds a space: the answer is indented


def _run(app: Application[Any]) -> Any:
    """Ask one prompt; `kill -INT` and Ctrl-D end it as Ctrl-C and end-of-input do, and
    SIGTERM and SIGHUP as engagewiz.entry has them everywhere else.

    prompt_toolkit turns SIGINT into a <sigint> key, which questionary's list prompts do
    not bind (only text prompts did), so `kill -INT` was ignored there.
    """
    keys = KeyBindings()

    @keys.add(Keys.SIGINT)
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @keys.add(Keys.ControlD)
    def _end(event: KeyPressEvent) -> None:
        if not event.app.current_buffer.text:
            event.app.exit(exception=EOFError, style="class:aborting")

    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), keys])
    others = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    before = {signum: signal.getsignal(signum) for signum in others}

    def stop(signum: int) -> None:
        if app.future is not None and not app.future.done():
            app.exit(exception=Stopped(signum), style="class:aborting")

    def watch() -> None:
        """SIGTERM and SIGHUP end the prompt as Ctrl-C does, so the terminal is restored
        (raised from a plain signal handler, they left it raw, bracketed paste on)."""
        loop = asyncio.get_running_loop()
        for signum in others:
            loop.add_signal_handler(signum, stop, signum)

    try:
        return app.run(pre_run=watch)
    finally:  # the event loop put back the default handlers: put back engagewiz.entry's
        for signum, handler in before.items():
            signal.signal(signum, handler)
