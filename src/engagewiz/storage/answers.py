"""Answers files: read and check them against the questions, write them back.

An answers file is a flat map of question id to value (YAML or JSON). Unknown ids are
errors with a "did you mean", never silently ignored (copier and cookiecutter both accept
typos); every problem names the file, the line and the key. A key given twice is a
warning naming both lines. The file may come from anyone: its size, its values and the
length of what a message quotes from it are all bounded.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from engagewiz.core import interview
from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.deadlines import EARLIEST, LATEST
from engagewiz.core.model import KnowledgeBase, Question
from engagewiz.errors import InputError, Problem
from engagewiz.hints import did_you_mean, suggest
from engagewiz.storage import yamlfile
from engagewiz.storage.limits import ANSWERS, PROBLEMS_SHOWN
from engagewiz.storage.upgrade import VERSION_KEY, upgrade
from engagewiz.textsafe import first_control, quoted, visible

CountryResolver = Callable[[str], "tuple[str | None, list[str]]"]  # iso3 or None, suggestions
# Not an answer: the outcome a trainer expects from the file (authoring/expect.py), which
# tests and `check` read and `assess` leaves aside.
EXPECT = "expect"
Notify = Callable[[str], None]


def tell(message: str) -> None:
    """How a notice about an answers file ("warning: ...", "note: ...") reaches the user:
    one line on stderr."""
    print(f"engagewiz: {visible(message)}", file=sys.stderr)


def load_answers(path: Path, kb: KnowledgeBase,
                 resolve_country: CountryResolver | None = None,
                 today: date | None = None, notify: Notify = tell) -> dict[str, Any]:
    """The file's answers, checked; dates after `today` (when given) are refused. A file
    made for an earlier knowledge base is read as storage/upgrade.py says."""
    doc = yamlfile.document(path, ANSWERS)
    raw = doc.data
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InputError.one("expected a mapping of question id to answer, e.g. "
                             "'org_type: ngo'", str(path), 1)
    for twice in doc.duplicates:
        notify(f"warning: {path}:{twice.second}: {yamlfile.dotted(twice.keys)}: given twice "
               f"(lines {twice.first} and {twice.second}); the answer on line {twice.second} "
               "counts")
    upgraded = upgrade(raw, kb)
    for notice in upgraded.notices:
        notify(f"note: {path}: {notice}")
    answers, problems = check_answers(upgraded.raw, kb, resolve_country, today)
    if problems:
        shown = [Problem(msg, str(path), doc.line((key,)), key)
                 for key, msg in problems[:PROBLEMS_SHOWN]]
        if len(problems) > PROBLEMS_SHOWN:
            shown.append(Problem(f"and {len(problems) - PROBLEMS_SHOWN} more problems",
                                 str(path)))
        raise InputError(shown)
    if upgraded.new:
        answers |= dict.fromkeys(upgraded.new, DONT_KNOW)
        applies = {q.id for q in interview.applicable(kb, answers)}
        if shown_new := [q for q in upgraded.new if q in applies]:
            notify(f"note: {path}: {upgraded.made}: questions added since are taken as "
                   f"\"don't know\": {', '.join(shown_new)}; answer them in the file to use them")
    return answers


def check_answers(raw: dict[Any, Any], kb: KnowledgeBase,
                  resolve_country: CountryResolver | None = None, today: date | None = None
                  ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Normalised answers, and (key, message) for every value that is not acceptable."""
    answers: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    ids = [q.id for q in kb.questions]
    for key, value in raw.items():
        if key in (VERSION_KEY, EXPECT):  # not answers: the KB version, the expected outcome
            continue
        question = kb.question(str(key))
        if question is None:
            # a "did you mean" costs a comparison with every id: only for those shown
            hint = did_you_mean(key, ids if len(problems) < PROBLEMS_SHOWN else (),
                                otherwise="; run 'engagewiz template' for the list")
            problems.append((str(key), f"unknown question id{hint}"))
            continue
        if value is None:  # left blank, as in `engagewiz template`
            continue
        try:
            answers[question.id] = normalise(question, value, resolve_country, today)
        except ValueError as exc:
            problems.append((question.id, str(exc)))
    return answers, problems


def normalise(question: Question, value: Any,
              resolve_country: CountryResolver | None = None, today: date | None = None) -> Any:
    """The canonical form of one answer, or ValueError saying what was expected."""
    if isinstance(value, str) and (control := first_control(value)):
        raise ValueError(f"contains a control character ({control}); remove it")
    if question.dont_know and value == DONT_KNOW:
        return DONT_KNOW
    if question.type == "yes_no" and isinstance(value, bool):
        value = "yes" if value else "no"  # YAML 1.1 reads an unquoted yes as true
    if question.type in ("choice", "yes_no"):
        if value not in question.values():
            raise ValueError(f"expected one of {', '.join(question.values())}; "
                             f"found {quoted(value)}")
        return value
    if question.type == "multi":
        values = value if isinstance(value, list) else [value]
        wrong = [v for v in values if v not in question.values()]
        if wrong or not values:
            raise ValueError(f"expected a list of {', '.join(question.values())}; "
                             f"found {quoted(wrong[0]) if wrong else 'an empty list'}")
        return [v for v in question.values() if v in values]  # canonical order
    if question.type == "date":
        return _date(question, value, today)
    if question.type == "country":
        if not isinstance(value, str):
            raise ValueError(f"expected a country name or ISO code; found {quoted(value)}")
        if resolve_country is None:
            return value.upper()
        iso3, suggestions = resolve_country(value)
        if iso3 is None:
            hint = suggest(suggestions)
            raise ValueError(f"unknown country {quoted(value)}{hint}")
        return iso3
    if not isinstance(value, (str, int, float)):
        raise ValueError(f"expected a short text; found {type(value).__name__}")
    return str(value)


def _date(question: Question, value: Any, today: date | None) -> str:
    """A day (no time) that a time limit can be counted from: not before 1900, not after
    today (the interview refuses future dates too), never past what dates can hold."""
    expected = f"a date as YYYY-MM-DD{' or dont_know' if question.dont_know else ''}"
    if isinstance(value, datetime):
        raise ValueError(f"expected {expected}, without a time; found {value.isoformat()}")
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"expected {expected}; found {quoted(value)}") from None
    latest = min(today, LATEST) if today else LATEST
    if not EARLIEST <= day <= latest:
        raise ValueError(f"expected a date from {EARLIEST} to "
                         f"{'today' if today else LATEST}; found {day}")
    return day.isoformat()


def dump_answers(answers: dict[str, Any], kb: KnowledgeBase, header: str = "") -> str:
    """Answers as YAML in question order, so `--answers` reproduces the run exactly."""
    import yaml

    ordered = {VERSION_KEY: kb.version,
               **{q.id: answers[q.id] for q in kb.questions if q.id in answers}}
    body = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, default_flow_style=None)
    return (header + body) if header else body
