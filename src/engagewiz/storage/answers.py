"""Answers files: read and check them against the questions, write them back.

An answers file is a flat map of question id to value (YAML or JSON). Unknown ids are
errors with a "did you mean", never silently ignored (copier and cookiecutter both accept
typos); every problem names the file, the line and the key.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from engagewiz.core.conditions import DONT_KNOW
from engagewiz.core.model import KnowledgeBase, Question
from engagewiz.errors import InputError, Problem
from engagewiz.storage import yamlfile

CountryResolver = Callable[[str], "tuple[str | None, list[str]]"]  # iso3 or None, suggestions


def load_answers(path: Path, kb: KnowledgeBase,
                 resolve_country: CountryResolver | None = None) -> dict[str, Any]:
    raw = yamlfile.load(path)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InputError.one("expected a mapping of question id to answer, e.g. "
                             "'org_type: ngo'", str(path), 1)
    answers, problems = check_answers(raw, kb, resolve_country)
    if problems:
        raise InputError([Problem(msg, str(path), yamlfile.line_of(path, (key,)), key)
                          for key, msg in problems])
    return answers


def check_answers(raw: dict[Any, Any], kb: KnowledgeBase,
                  resolve_country: CountryResolver | None = None
                  ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Normalised answers, and (key, message) for every value that is not acceptable."""
    answers: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    ids = [q.id for q in kb.questions]
    for key, value in raw.items():
        question = kb.question(str(key))
        if question is None:
            close = difflib.get_close_matches(str(key), ids, n=1)
            hint = (f"did you mean '{close[0]}'?" if close
                    else "run 'engagewiz template' for the list")
            problems.append((str(key), f"unknown question id; {hint}"))
            continue
        if value is None:  # left blank, as in `engagewiz template`
            continue
        try:
            answers[question.id] = normalise(question, value, resolve_country)
        except ValueError as exc:
            problems.append((question.id, str(exc)))
    return answers, problems


def normalise(question: Question, value: Any,
              resolve_country: CountryResolver | None = None) -> Any:
    """The canonical form of one answer, or ValueError saying what was expected."""
    if question.dont_know and value == DONT_KNOW:
        return DONT_KNOW
    if question.type == "yes_no" and isinstance(value, bool):
        value = "yes" if value else "no"  # YAML 1.1 reads an unquoted yes as true
    if question.type in ("choice", "yes_no"):
        if value not in question.values():
            raise ValueError(f"expected one of {', '.join(question.values())}; found {value!r}")
        return value
    if question.type == "multi":
        values = value if isinstance(value, list) else [value]
        wrong = [v for v in values if v not in question.values()]
        if wrong or not values:
            raise ValueError(f"expected a list of {', '.join(question.values())}; "
                             f"found {wrong[0] if wrong else 'an empty list'!r}")
        return [v for v in question.values() if v in values]  # canonical order
    if question.type == "date":
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ValueError(f"expected a date as YYYY-MM-DD"
                             f"{' or dont_know' if question.dont_know else ''}; "
                             f"found {value!r}") from None
    if question.type == "country":
        if resolve_country is None:
            return str(value).upper()
        iso3, suggestions = resolve_country(str(value))
        if iso3 is None:
            hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
            raise ValueError(f"unknown country {value!r}{hint}")
        return iso3
    if not isinstance(value, (str, int, float)):
        raise ValueError(f"expected a short text; found {type(value).__name__}")
    return str(value)


def dump_answers(answers: dict[str, Any], kb: KnowledgeBase, header: str = "") -> str:
    """Answers as YAML in question order, so `--answers` reproduces the run exactly."""
    import yaml

    ordered = {q.id: answers[q.id] for q in kb.questions if q.id in answers}
    body = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, default_flow_style=None)
    return (header + body) if header else body
