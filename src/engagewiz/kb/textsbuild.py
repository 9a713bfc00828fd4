"""Build texts.yaml into core.texts objects, checking every reference as the rest of the KB.

A text's `source` must be a key under `sources:` in mechanisms.yaml, a `when` must parse and
name known questions and choices, and a situation line must name a known question: the same
messages, with file, line and key, as for a route's cautions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from engagewiz.core.conditions import Condition
from engagewiz.core.model import Note
from engagewiz.core.texts import (
    Action,
    Answer,
    CountryView,
    FactRow,
    PlanTexts,
    RegionalSystem,
    SafetyTexts,
    Texts,
    Treaty,
    UrgentTexts,
)
from engagewiz.errors import KeyPath
from engagewiz.kb.build import _did_you_mean

if TYPE_CHECKING:
    from engagewiz.kb.build import _Builder


class _Refs:
    """The builder's reference checks, each reporting to its collector as it goes."""

    def __init__(self, builder: _Builder) -> None:
        self.builder = builder

    def condition(self, raw: Any, file: Path, path: KeyPath) -> Condition | None:
        parsed = self.builder._condition(raw, file, path)
        self.builder._check_refs(parsed, file, path)
        return parsed

    def note(self, raw: dict[str, Any], file: Path, path: KeyPath) -> Note:
        return self.builder._note(raw, file, path)

    def sources(self, raw: Any, file: Path, path: KeyPath) -> tuple[str, ...]:
        return self.builder._sources(raw, file, path)

    def question(self, qid: str, file: Path, path: KeyPath) -> str:
        if qid not in self.builder.questions:
            self.builder.problems.add(file, path, f"unknown question '{qid}'"
                                      + _did_you_mean(qid, self.builder.questions))
        return qid


def build_texts(raw: dict[str, Any], file: Path, builder: _Builder) -> Texts:
    refs = _Refs(builder)
    plan, country = raw.get("plan") or {}, raw.get("country") or {}
    urgent = raw.get("urgent") or {}
    return Texts(_plan(plan, file, refs), _country(country, file, refs), UrgentTexts(
        *(_notes(urgent, name, file, ("urgent",), refs) for name in ("intro", "none_open"))))


def _notes(raw: dict[str, Any], name: str, file: Path, path: KeyPath,
           refs: _Refs) -> tuple[Note, ...]:
    return tuple(refs.note(n, file, (*path, name, i)) for i, n in enumerate(raw.get(name, [])))


def _answer(raw: dict[str, Any], file: Path, path: KeyPath, refs: _Refs) -> Answer:
    return Answer(refs.question(raw["q"], file, (*path, "q")), raw["label"])


def _plan(raw: dict[str, Any], file: Path, refs: _Refs) -> PlanTexts:
    at: KeyPath = ("plan",)
    situation = tuple(_answer(a, file, (*at, "situation", i), refs)
                      for i, a in enumerate(raw.get("situation", [])))
    safety = None
    if "safety" in raw:
        s, where = raw["safety"], (*at, "safety")
        safety = SafetyTexts(
            when=refs.condition(s.get("when"), file, (*where, "when")),
            answer=_answer(s["answer"], file, (*where, "answer"), refs) if "answer" in s
            else None,
            **{name: _notes(s, name, file, where, refs)
               for name in ("intro", "warnings", "protect", "reprisals")})
    follow = raw.get("follow_up") or {}
    where = (*at, "follow_up")
    actions = tuple(Action(a["label"], a["text"], refs.sources(
        a["source"], file, (*where, "actions", i, "source")),
        refs.condition(a.get("when"), file, (*where, "actions", i, "when")))
        for i, a in enumerate(follow.get("actions", [])))
    return PlanTexts(situation, safety, _notes(follow, "intro", file, where, refs), actions)


def _row(raw: dict[str, Any], file: Path, path: KeyPath, refs: _Refs) -> FactRow:
    caveat = raw.get("caveat")
    return FactRow(
        raw["id"], raw["label"], raw["fact"], raw.get("if_yes", "party"),
        raw.get("if_no", "not party"), raw.get("short", ""),
        refs.note(caveat, file, (*path, "caveat")) if caveat else None,
        tuple(_row(d, file, (*path, "declarations", i), refs)
              for i, d in enumerate(raw.get("declarations", []))))


def _country(raw: dict[str, Any], file: Path, refs: _Refs) -> CountryView:
    treaties = []
    for i, t in enumerate(raw.get("un_treaties", [])):
        at: KeyPath = ("country", "un_treaties", i)
        procedure = t.get("procedure")
        treaties.append(Treaty(_row(t["row"], file, (*at, "row"), refs),
                               _row(procedure, file, (*at, "procedure"), refs)
                               if procedure else None))
    regional = tuple(
        RegionalSystem(s["system"], tuple(_row(r, file, ("country", "regional", i, "rows", k),
                                               refs) for k, r in enumerate(s["rows"])))
        for i, s in enumerate(raw.get("regional", [])))
    return CountryView(tuple(treaties), regional)
