"""Widget tests: real questionary prompts from engagewiz.cli.prompts, keys fed through a pipe.

Keys are written and the pipe closed before the prompt starts (only the Tab test waits),
so a prompt that wants more input ends with EOFError instead of hanging (questionary #355).
"""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import questionary
import questionary.constants
import questionary.prompts.common
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import DummyInput, PipeInput, create_pipe_input
from prompt_toolkit.output import ColorDepth, DummyOutput, Output
from prompt_toolkit.output.vt100 import Vt100_Output

from engagewiz.cli import prompts
from engagewiz.cli.prompts import BACK, Asker
from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import Option, Question
from engagewiz.kb.countries import CountryData
from engagewiz.kb.places import CountrySearch, Found

UP, DOWN, ENTER, SPACE, TAB, CLEAR = "\x1b[A", "\x1b[B", "\r", " ", "\t", "\x15"  # CLEAR: Ctrl-U
LEFT, RIGHT = "\x1b[D", "\x1b[C"
COUNTRIES = [("FRA", "France"), ("KEN", "Kenya"), ("CIV", "Côte d'Ivoire")]
ROUTES = (Option("lawyer", "A victim's lawyer"), Option("ngo", "An NGO"),
          Option("state", "The State"))


def search(text: str) -> Found | None:
    key = text.strip().lower()
    return next((Found(c, n) for c, n in COUNTRIES if key in (c.lower(), n.lower())), None)


def question(type_: str, choices: tuple[Option, ...] = (), dont_know: bool = False) -> Question:
    return Question(id="q", section="s", text="Pick", help="", type=type_, choices=choices,
                    dont_know=dont_know)


@pytest.fixture
def make_asker(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Asker]:
    """Asker(plain=...) drawing on `output` (default: nowhere) instead of the real stderr."""
    for module in (questionary.constants, questionary.prompts.common):  # plain mode edits these
        for name in ("INDICATOR_SELECTED", "INDICATOR_UNSELECTED"):
            monkeypatch.setattr(module, name, getattr(module, name))

    def make(plain: bool = False, output: Output | None = None,
             today: date | None = None, lookup: CountrySearch = search) -> Asker:
        monkeypatch.setattr(prompts, "create_output", lambda **_: output or DummyOutput())
        return Asker(COUNTRIES, lookup, plain, today)

    return make


def with_keys(keys: str, ask: Callable[[], Any]) -> Any:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(keys)
        inp.close()
        return ask()


def answer(asker: Asker, q: Question, keys: str, current: Any = None,
           can_go_back: bool = False) -> Any:
    return with_keys(keys, lambda: asker.ask(q, current, can_go_back))


def terminal() -> tuple[io.StringIO, Output]:
    """A screen like create_output() gives on a terminal (colour depth from NO_COLOR)."""
    screen = io.StringIO()
    return screen, Vt100_Output(screen, lambda: Size(24, 80), term="xterm",
                                default_color_depth=ColorDepth.from_env())


def test_choice_by_arrows_returns_value_not_label(make_asker: Callable[..., Asker]) -> None:
    assert answer(make_asker(), question("choice", ROUTES), DOWN + ENTER) == "ngo"
    assert answer(make_asker(), question("choice", ROUTES), DOWN + DOWN + UP + ENTER) == "ngo"


def test_choice_starts_on_current_answer(make_asker: Callable[..., Asker]) -> None:
    assert answer(make_asker(), question("choice", ROUTES), ENTER, current="state") == "state"


def test_yes_no_dont_know(make_asker: Callable[..., Asker]) -> None:
    q = question("yes_no", (Option("yes", "Yes"), Option("no", "No")), dont_know=True)
    assert answer(make_asker(), q, DOWN + DOWN + ENTER) == DONT_KNOW == "dont_know"


def test_select_back(make_asker: Callable[..., Asker]) -> None:
    q = question("choice", ROUTES, dont_know=True)
    assert answer(make_asker(), q, DOWN * 4 + ENTER, can_go_back=True) is BACK
    assert answer(make_asker(), q, DOWN * 4 + ENTER, can_go_back=False) == "lawyer"  # wraps


def test_choose_menu_returns_value(make_asker: Callable[..., Asker]) -> None:
    asker = make_asker()
    pick = with_keys(DOWN + ENTER, lambda: asker.choose("Review", [("Done", "@done"),
                                                                   ("Change 1", "q1")]))
    assert pick == "q1"


def group_question(qid: str, dont_know: bool) -> Question:
    return Question(id=qid, section="s", text=f"Pick {qid}", help="", type="choice",
                    choices=ROUTES, dont_know=dont_know, short=qid.upper())


def test_a_group_by_numbers_arrows_and_dont_know(make_asker: Callable[..., Asker]) -> None:
    rows = [group_question("a", True), group_question("b", False)]
    asker = make_asker()
    keys = "x" + "2" + LEFT + ENTER + ENTER  # a letter does nothing; b: its last answer
    assert with_keys(keys, lambda: asker.ask_group("G", rows, [None, None])) == {
        "a": "ngo", "b": "state"}
    keys = "?" + RIGHT + ENTER + UP + UP + "1" + ENTER * 2  # b first, then back up to a
    assert with_keys(keys, lambda: asker.ask_group("G", rows, [None, None])) == {
        "a": "lawyer", "b": "lawyer"}


def test_a_group_goes_back_with_less_than_only_where_offered(
        make_asker: Callable[..., Asker]) -> None:
    rows = [group_question("a", True), group_question("b", False)]
    asker = make_asker()
    assert with_keys("1<", lambda: asker.ask_group("G", rows, ["ngo", None], True)) is BACK
    with pytest.raises(EOFError):  # "<" is no key here: still on the screen when input ends
        with_keys("1<", lambda: asker.ask_group("G", rows, [None, None], False))
    with pytest.raises(KeyboardInterrupt):
        with_keys("1\x03", lambda: asker.ask_group("G", rows, [None, None]))


def test_a_group_leaves_its_answers_on_screen(make_asker: Callable[..., Asker]) -> None:
    screen, output = terminal()
    asker = make_asker(output=output)
    rows = [group_question("a", True), group_question("b", False)]
    with_keys("13" + ENTER, lambda: asker.ask_group("Two rows", rows, [None, None]))
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "A: A victim's lawyer" in shown and "B: The State" in shown


def test_multi_space_toggles(make_asker: Callable[..., Asker]) -> None:
    keys = SPACE + DOWN + SPACE + DOWN + SPACE + UP + SPACE + ENTER  # tick 1, 2, 3; untick 2
    assert answer(make_asker(), question("multi", ROUTES), keys) == ["lawyer", "state"]


def test_multi_keeps_current_ticks(make_asker: Callable[..., Asker]) -> None:
    keys = SPACE + ENTER  # unticks "lawyer"
    assert answer(make_asker(), question("multi", ROUTES), keys,
                  current=["lawyer", "ngo"]) == ["ngo"]


def test_multi_empty_and_mixed_back_are_rejected_then_back(
        make_asker: Callable[..., Asker]) -> None:
    keys = ENTER + SPACE + UP + SPACE + ENTER + DOWN + SPACE + ENTER  # none; Back+lawyer; Back
    assert answer(make_asker(), question("multi", ROUTES), keys, can_go_back=True) is BACK


def test_text_back_and_dont_know_words(make_asker: Callable[..., Asker]) -> None:
    asker = make_asker()
    assert answer(asker, question("text"), "<" + ENTER, can_go_back=True) is BACK
    assert answer(asker, question("date", dont_know=True), " ? " + ENTER) == DONT_KNOW


def test_text_empty_is_rejected(make_asker: Callable[..., Asker]) -> None:
    assert answer(make_asker(), question("text"), ENTER + " Geneva " + ENTER) == "Geneva"


def test_bad_dates_are_rejected_then_a_good_one_accepted(
        make_asker: Callable[..., Asker], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool | str] = []
    real_text = questionary.text

    def spy(*args: Any, validate: Callable[[str], bool | str], **kwargs: Any) -> Any:
        def recording(text: str) -> bool | str:
            seen.append(validate(text))
            return seen[-1]
        return real_text(*args, validate=recording, **kwargs)

    monkeypatch.setattr(questionary, "text", spy)
    bad = ("2026-02-30", "yesterday", "2999-01-01")
    keys = "".join(day + ENTER + CLEAR for day in bad) + "2026-03-03" + ENTER
    assert answer(make_asker(), question("date"), keys) == "2026-03-03"
    assert "Please type a date as YYYY-MM-DD, e.g. 2026-03-03." in seen
    assert "That date is in the future; type the date of the decision." in seen
    assert seen[-1] is True


def test_future_means_after_the_interview_day_not_the_clock(
        make_asker: Callable[..., Asker]) -> None:
    asker = make_asker(today=date(2026, 3, 1))
    with pytest.raises(EOFError):  # refused, and no more keys to type
        answer(asker, question("date"), "2026-03-03" + ENTER)
    assert answer(asker, question("date"), "2026-02-27" + ENTER) == "2026-02-27"


def test_date_current_answer_is_the_default(make_asker: Callable[..., Asker]) -> None:
    assert answer(make_asker(), question("date"), ENTER, current="2025-12-01") == "2025-12-01"


@pytest.mark.parametrize(("keys", "iso3"), [
    ("KEN", "KEN"), ("ken", "KEN"), (" Kenya ", "KEN"), ("france", "FRA"),
    ("Côte d'Ivoire (CIV)", "CIV")])  # the last as Tab completes it
def test_country_resolves_to_iso3(make_asker: Callable[..., Asker], keys: str, iso3: str) -> None:
    assert answer(make_asker(), question("country"), keys + ENTER) == iso3


def test_country_tab_completes_mid_name(make_asker: Callable[..., Asker],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Completions arrive in the background: press Tab only once they are there."""
    made: list[questionary.Question] = []
    real = questionary.autocomplete
    monkeypatch.setattr(questionary, "autocomplete",
                        lambda *a, **k: made.append(real(*a, **k)) or made[-1])

    def tab_enter_when_completions_shown(inp: PipeInput) -> None:
        deadline = time.monotonic() + 5  # then EOFError: the test fails, never hangs
        while time.monotonic() < deadline:
            state = made and made[0].application.current_buffer.complete_state
            if state and state.completions:
                inp.send_text(TAB + ENTER)
                break
            time.sleep(0.005)
        inp.close()

    asker = make_asker()
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text("ivoire")
        keys = threading.Thread(target=tab_enter_when_completions_shown, args=(inp,),
                                daemon=True)
        keys.start()
        answer = asker.ask(question("country"))
        keys.join()  # it closes the pipe: before the with-block does, never at the same time
    assert answer == "CIV"


def test_country_unknown_is_rejected_then_back(make_asker: Callable[..., Asker]) -> None:
    keys = "Narnia" + ENTER + CLEAR + "<" + ENTER
    assert answer(make_asker(), question("country"), keys, can_go_back=True) is BACK


def test_a_part_of_a_state_is_that_state_with_a_note(
        make_asker: Callable[..., Asker], countries: CountryData,
        capsys: pytest.CaptureFixture[str]) -> None:
    asker = make_asker(lookup=countries.find)
    assert answer(asker, question("country"), "Northern Ireland" + ENTER) == "GBR"
    assert "Note: Northern Ireland: part of the United Kingdom" in capsys.readouterr().err


def test_a_place_no_state_covers_gets_its_note_and_the_question_again(
        make_asker: Callable[..., Asker], countries: CountryData,
        capsys: pytest.CaptureFixture[str]) -> None:
    asker = make_asker(lookup=countries.find)
    assert answer(asker, question("country"), "Kosovo" + ENTER + "Serbia" + ENTER) == "SRB"
    note = " ".join(capsys.readouterr().err.split())
    assert "Note: Kosovo: not a member of the United Nations" in note
    assert "name Serbia" in note


def test_country_current_answer_is_the_default(make_asker: Callable[..., Asker]) -> None:
    assert answer(make_asker(), question("country"), ENTER, current="civ") == "CIV"


def test_short_input_ends_with_eof_not_a_hang(make_asker: Callable[..., Asker]) -> None:
    with pytest.raises(EOFError):
        answer(make_asker(), question("date"), "2026-02-30" + ENTER)


def test_plain_mode_draws_ascii_markers(make_asker: Callable[..., Asker],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")  # what --plain is paired with in a real run
    screen, output = terminal()
    assert answer(make_asker(plain=True, output=output), question("multi", ROUTES),
                  DOWN + SPACE + ENTER) == ["ngo"]
    drawn = screen.getvalue()
    assert " > [ ] A victim's lawyer" in drawn
    assert not {"»", "●", "○"} & set(drawn)
    assert not re.search(r"\x1b\[[0-9;]*3[0-9;]*m", drawn)  # no foreground colour


def test_fancy_mode_is_the_default(make_asker: Callable[..., Asker]) -> None:
    screen, output = terminal()
    answer(make_asker(output=output), question("multi", ROUTES), SPACE + ENTER)
    assert " » ○ A victim's lawyer" in screen.getvalue()


def test_plain_mode_alone_has_no_colour(make_asker: Callable[..., Asker],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("PROMPT_TOOLKIT_COLOR_DEPTH", raising=False)
    screen, output = terminal()
    answer(make_asker(plain=True, output=output), question("choice", ROUTES), ENTER)
    assert not re.search(r"\x1b\[[0-9;]*3[0-9;]*m", screen.getvalue())


def test_prompts_share_one_set_of_default_key_bindings() -> None:
    """Built per Application, they cost 25 ms of the 30 a list prompt took to set up
    (questionary makes three Applications for one); cli/prompts.py builds them once. The
    other tests here show a later prompt still obeys them (Ctrl-U, Tab, arrows)."""
    made = [questionary.select("Pick", ["a", "b"], output=DummyOutput(), input=DummyInput()),
            questionary.text("Type", output=DummyOutput(), input=DummyInput())]
    bindings = {id(q.application._default_bindings) for q in made}
    navigation = {id(q.application._page_navigation_bindings) for q in made}
    assert len(bindings) == len(navigation) == 1
