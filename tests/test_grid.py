"""The grouped screen's keys and drawing (cli/grid.py), with no terminal: what a person
types on a group's screen and what they read at 60 columns."""

from __future__ import annotations

from engagewiz.cli.grid import Grid
from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import Option, Question

BACK = object()
TRAVEL = Question(id="can_travel", section="s", text="Could someone travel to Geneva?",
                  help="Presence in the room helps.", type="yes_no", short="Travel",
                  choices=(Option("yes", "Yes"), Option("no", "No")), dont_know=True)
TIME = Question(id="time_available", section="s", text="How much time can you give?",
                help="Reports take time.", type="choice", short="Time you can give",
                choices=(Option("little", "A few days", "Only a few days in total."),
                         Option("some", "A few weeks over the year", "Enough for a short "
                                "report or a share of a coalition report and some follow-up "
                                "at home."),
                         Option("substantial", "Months; a real project")))


def grid(current: tuple[object, object] = (None, None), back: bool = True) -> Grid:
    return Grid("Your time and travel", [TRAVEL, TIME], list(current), back, BACK)


def text(g: Grid, width: int = 60, height: int = 30) -> list[str]:
    return ["".join(part for _, part in line) for line in g.lines(width, height)]


def test_numbers_answer_a_row_and_move_on_then_continue_gives_every_answer() -> None:
    g = grid()
    g.pick(2)
    assert g.focus == 1  # the next row
    g.pick(3)
    assert g.focus == 2  # on Continue
    assert g.enter() == {"can_travel": "no", "time_available": "substantial"}
    assert text(g) == ["? Your time and travel", "  Travel: No",
                       "  Time you can give: Months; a real project"]  # what stays on screen


def test_a_row_left_open_is_never_taken_as_dont_know() -> None:
    g = grid()
    g.dont_know()  # "?" on the first row: it offers "Don't know"
    g.enter()      # Enter on a row goes to the next one, answered or not
    assert g.focus == 2 and g.enter() is None  # Continue with "time" open: not finished
    assert g.focus == 1 and "Still to answer: Time you can give." in g.message
    g.dont_know()  # not offered here: nothing happens
    assert g.chosen[1] is None and g.focus == 1


def test_left_and_right_step_through_the_answers_and_stop_at_either_end() -> None:
    g = grid()
    g.step(-1)  # from nothing, left is the last answer ...
    assert TRAVEL.values()[g.chosen[0] or 0] == DONT_KNOW
    g.step(1)
    assert g.chosen[0] == 2  # ... and it stops there
    g.move(1)
    g.step(1)  # right from nothing: the first
    g.step(1)
    assert g.chosen[1] == 1


def test_answers_given_before_are_kept_and_back_is_offered_only_when_there_is_one() -> None:
    g = grid(("yes", "some"))
    assert g.focus == 2  # everything answered: on Continue
    assert g.enter() == {"can_travel": "yes", "time_available": "some"}
    g = grid(("yes", None))
    assert g.focus == 1  # the first row left open
    g.move(2)
    assert g.enter() is BACK and text(g)[-1] == "  < Back"
    assert not any("Back" in line for line in text(grid(back=False)))


def test_the_focused_question_is_shown_whole_within_60_columns_and_the_height() -> None:
    g = grid((None, "some"))
    g.move(1)
    lines = text(g)
    assert all(len(line) <= 60 for line in lines)
    assert "\u276f Time you can give  \u2039 A few weeks over the year \u203a" in lines
    assert "  How much time can you give?" in lines and "  \u25cf 2. A few weeks over the year" \
        in lines  # the chosen answer marked by a sign, not by colour alone
    assert lines[-1].startswith("  Why we ask")
    short = text(g, height=10)
    assert len(short) == 10 and short[2].startswith("  Travel")  # the rows stay


def test_plain_screens_are_ascii() -> None:
    g = Grid("Your time and travel", [TRAVEL, TIME], [None, "some"], True, BACK, plain=True)
    assert all(line.isascii() for line in text(g))
