"""Build the knowledge base from YAML into typed objects, or say exactly what is wrong.

Every problem found is collected (not just the first), named by file, line and key, and
raised together: an author fixing a file wants the whole list at once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from engagewiz.core import conditions as cond
from engagewiz.core.model import (
    ROUTE_ATTRIBUTES,
    Consideration,
    Gate,
    KnowledgeBase,
    Note,
    Option,
    Question,
    Route,
    Section,
    Source,
)
from engagewiz.core.routematch import may_apply
from engagewiz.errors import InputError, KeyPath, Problem
from engagewiz.kb import spec as kbspec
from engagewiz.kb.askingbuild import build_groups, build_shortcuts
from engagewiz.kb.changes import parse_changes
from engagewiz.kb.contract import read_problems
from engagewiz.kb.gatekinds import GATE_KINDS, TEST, gate_reads
from engagewiz.kb.notesbuild import build_notes
from engagewiz.kb.templates import instances
from engagewiz.storage import yamlfile
from engagewiz.storage.answers import EXPECT

_KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")



class _Collector:
    """Problems found so far, each tied to a file and a key path (lines looked up at the end)."""

    def __init__(self) -> None:
        self.found: list[tuple[Path, KeyPath, str]] = []

    def add(self, file: Path, path: KeyPath, message: str) -> None:
        self.found.append((file, path, message))

    def raise_if_any(self) -> None:
        if self.found:
            raise InputError([
                Problem(msg, str(file), yamlfile.line_of(file, path), yamlfile.dotted(path) or None)
                for file, path, msg in self.found
            ])


def build_kb(qfile: Path, mfile: Path, tfile: Path | None = None) -> KnowledgeBase:
    """Parse, check and build; every problem in every file is raised at once. `tfile`, the
    optional texts.yaml, is checked against the questions and sources of the other two."""
    raw_q, raw_m = yamlfile.load(qfile), yamlfile.load(mfile)
    raw_t = yamlfile.load(tfile) if tfile else None
    problems = _Collector()
    for file, raw, spec in ((qfile, raw_q, kbspec.QUESTIONS_FILE),
                            (mfile, raw_m, kbspec.MECHANISMS_FILE)):
        for path, message in spec.check(raw, ()):
            problems.add(file, path, message)
    if tfile:
        for path, message in kbspec.TEXTS_FILE.check(raw_t, ()):
            problems.add(tfile, path, message)
    problems.raise_if_any()
    builder = _Builder(qfile, mfile, problems)
    kb = builder.build(raw_q, raw_m)
    if tfile:
        from engagewiz.kb.textsbuild import build_texts

        kb = replace(kb, texts=build_texts(raw_t or {}, tfile, builder),
                     files={**kb.files, "texts": str(tfile)})
    problems.raise_if_any()
    return kb


class _Builder:
    def __init__(self, qfile: Path, mfile: Path, problems: _Collector) -> None:
        self.qfile, self.mfile, self.problems = qfile, mfile, problems
        self.questions: dict[str, Question] = {}
        self.source_keys: set[str] = set()
        self.paths: dict[str, KeyPath] = {}  # route id -> where it is defined
        # each gate kind in use, and where its first gate is (for a question it lacks)
        self.kinds_used: dict[str, tuple[Path, KeyPath]] = {}

    def build(self, raw_q: dict[str, Any], raw_m: dict[str, Any]) -> KnowledgeBase:
        sections = tuple(Section(s["id"], s["title"], s.get("intro", ""))
                         for s in raw_q["sections"])
        section_ids = {s.id for s in sections}
        for i, raw in enumerate(raw_q["questions"]):
            question = self._question(raw, ("questions", i), section_ids)
            if question.id in self.questions:
                self.problems.add(self.qfile, ("questions", i, "id"),
                                  f"duplicate question id '{question.id}'")
            self.questions[question.id] = question
        for i, q in enumerate(raw_q["questions"]):
            if "when" in q:
                self._check_refs(self.questions[q["id"]].when, self.qfile, ("questions", i, "when"))
        shortcuts = build_shortcuts(raw_q.get("shortcuts", []), self)
        groups = build_groups(raw_q.get("groups", []), self)
        self.source_keys = set(raw_m["sources"])
        sources = {k: Source(k, **v) for k, v in raw_m["sources"].items()}
        scoring = tuple(self._consideration(c, self.mfile, ("scoring", i))
                        for i, c in enumerate(raw_m.get("scoring", [])))
        routes: list[Route] = []
        for i, raw in enumerate(raw_m["mechanisms"]):
            routes.append(self._route(raw, ("mechanisms", i)))
        for t, template in enumerate(raw_m.get("templates", [])):
            routes.extend(self._expand(template, ("templates", t)))
        order = {q["id"]: i for i, q in enumerate(raw_q["questions"])}
        for file, path, message in read_problems(self.questions, order, self.qfile,
                                                 self.kinds_used):
            self.problems.add(file, path, message)
        seen: set[str] = set()
        for m in routes:
            if m.id in seen:
                self.problems.add(self.mfile, (), f"duplicate route id '{m.id}'")
            seen.add(m.id)
        self._check_reached_through(routes)
        notes = build_notes(raw_m.get("notes", []), self, {m.id for m in routes})
        version = str(raw_m.get("kb_version", raw_m.get("version", "1")))
        changes, issues = parse_changes(raw_q.get("changes", []), set(self.questions), version)
        for keys, message in issues:
            self.problems.add(self.qfile, ("changes", *keys), message)
        return KnowledgeBase(
            version=version, changes=changes,
            sections=sections, questions=tuple(self.questions.values()),
            routes=tuple(routes), scoring=scoring, sources=sources,
            files={"questions": str(self.qfile), "mechanisms": str(self.mfile)},
            shortcuts=shortcuts, notes=notes, groups=groups,
            scoring_for={m.id: {i: verdict is None for i, r in enumerate(scoring)
                                if (verdict := may_apply(r, m)) is not False}
                         for m in routes},
        )

    # questions -----------------------------------------------------------------------------

    def _question(self, raw: dict[str, Any], path: KeyPath, sections: set[str]) -> Question:
        qid, qtype = raw["id"], raw["type"]
        if not _SNAKE.match(qid):
            self.problems.add(self.qfile, (*path, "id"), f"'{qid}' must be snake_case")
        if qid == EXPECT:
            self.problems.add(self.qfile, (*path, "id"), f"'{qid}' is reserved for the "
                              "outcome an answers file expects; choose another id")
        if raw["section"] not in sections:
            self.problems.add(self.qfile, (*path, "section"),
                              f"unknown section '{raw['section']}'; expected one of "
                              + ", ".join(sorted(sections)))
        choices = tuple(Option(c["value"], c["label"], c.get("help", ""))
                        for c in raw.get("choices", []))
        if qtype == "yes_no" and not choices:
            choices = (Option("yes", "Yes"), Option("no", "No"))
        if qtype in ("choice", "multi") and not choices:
            self.problems.add(self.qfile, path, f"a '{qtype}' question needs choices")
        values = [c.value for c in choices]
        for dup in {v for v in values if values.count(v) > 1}:
            self.problems.add(self.qfile, (*path, "choices"), f"duplicate choice '{dup}'")
        return Question(
            id=qid, section=raw["section"], text=raw["text"], help=raw["help"], type=qtype,
            choices=choices, dont_know=raw.get("dont_know", qtype == "yes_no"),
            when=self._condition(raw.get("when"), self.qfile, (*path, "when")),
            prefill=raw.get("prefill", False), membership=raw.get("membership", False),
            short=raw.get("short", ""),
            derive=raw.get("derive", ""),
        )

    # conditions and references -------------------------------------------------------------

    def _condition(self, raw: Any, file: Path, path: KeyPath) -> cond.Condition | None:
        if raw is None:
            return None
        try:
            return cond.parse(raw)
        except cond.ConditionError as exc:
            self.problems.add(file, (*path, *exc.path), str(exc))
            return None

    def _check_refs(self, condition: cond.Condition | None, file: Path, path: KeyPath) -> None:
        if condition is None:
            return
        for test in cond.tests(condition):
            question = self.questions.get(test.q)
            if question is None:
                self.problems.add(file, path, f"unknown question '{test.q}'"
                                  + _did_you_mean(test.q, self.questions))
                continue
            if test.op == "answered" or not question.choices:
                continue
            allowed = set(question.values()) | {cond.DONT_KNOW}
            for value in test.values:
                if value not in allowed:
                    self.problems.add(file, path, f"'{value}' is not a choice of '{test.q}'; "
                                      f"expected one of {', '.join(question.values())}")

    def _sources(self, raw: Any, file: Path, path: KeyPath) -> tuple[str, ...]:
        keys = tuple(raw) if isinstance(raw, list) else (raw,)
        for key in keys:
            if key not in self.source_keys:
                self.problems.add(file, path, f"unknown source '{key}'"
                                  + _did_you_mean(key, self.source_keys))
        return keys

    def _consideration(self, raw: dict[str, Any], file: Path, path: KeyPath) -> Consideration:
        when = self._condition(raw["if"], file, (*path, "if"))
        self._check_refs(when, file, (*path, "if"))
        return Consideration(
            id=raw.get("id", ""), when=when or cond.All(()), points=raw["points"],
            text=raw["reason"], source=self._sources(raw["source"], file, (*path, "source")),
            route=self._matcher(raw.get("route"), file, (*path, "route")),
            not_route=self._matcher(raw.get("not_route"), file, (*path, "not_route")),
        )

    def _matcher(self, raw: dict[str, Any] | None, file: Path,
                 path: KeyPath) -> dict[str, Any] | None:
        """`route:` / `not_route:`: route attributes, each with a value, a list of values, or
        {answer: QID}; the values an attribute takes are for `check` (lint)."""
        if raw is None:
            return None
        ok = True
        for attribute, expected in raw.items():
            at = (*path, attribute)
            if attribute not in ROUTE_ATTRIBUTES:
                ok = False
                self.problems.add(file, at, f"unknown route attribute '{attribute}'; expected "
                                  f"one of {', '.join(ROUTE_ATTRIBUTES)}"
                                  + _did_you_mean(attribute, ROUTE_ATTRIBUTES))
            elif isinstance(expected, dict):
                qid = expected.get("answer")
                if set(expected) != {"answer"} or not isinstance(qid, str):
                    ok = False
                    self.problems.add(file, at, "expected a value, a list of values, or "
                                      "{answer: QUESTION_ID}")
                elif qid not in self.questions:
                    ok = False
                    self.problems.add(file, at, f"unknown question '{qid}' in {{answer: {qid}}}"
                                      + _did_you_mean(qid, self.questions))
        return raw if ok else None

    def _note(self, raw: dict[str, Any], file: Path, path: KeyPath) -> Note:
        when = self._condition(raw.get("when"), file, (*path, "when"))
        self._check_refs(when, file, (*path, "when"))
        return Note(raw["text"], self._sources(raw["source"], file, (*path, "source")), when)

    def _gate(self, raw: dict[str, Any], file: Path, path: KeyPath) -> Gate:
        """The shape (kind, parameters) is checked already; here, what refers to questions."""
        kind = GATE_KINDS[raw["kind"]]
        test = self._condition(raw.get(TEST), file, (*path, TEST))
        self._check_refs(test, file, (*path, TEST))
        self.kinds_used.setdefault(kind.name, (file, (*path, "kind")))
        for name, param in kind.params.items():
            if param.names_question and name in raw:
                self._yes_no_question(raw[name], file, (*path, name))
            question = self.questions.get(param.answers_of or "")
            if question is None:
                continue
            for value in raw.get(name, []):
                if value not in question.values():
                    self.problems.add(file, (*path, name), f"'{value}' is not an answer of "
                                      f"'{question.id}'; expected one of "
                                      + ", ".join(question.values()))
        params = {k: v for k, v in raw.items() if k in kind.params and k != TEST}
        gate = Gate(kind.name, raw["rule"], raw["unblock"], raw["check"],
                    self._sources(raw["source"], file, (*path, "source")), params, test)
        return replace(gate, kind_reads=tuple(q for q, _ in gate_reads(gate)),
                       dated=kind.dated)

    def _yes_no_question(self, qid: Any, file: Path, path: KeyPath) -> None:
        """A parameter that names the yes/no question whose country fact a gate reads."""
        question = self.questions.get(str(qid))
        if question is None:
            self.problems.add(file, path, f"unknown question '{qid}'"
                              + _did_you_mean(str(qid), self.questions))
        elif question.type != "yes_no":
            self.problems.add(file, path, f"'{qid}' is a {question.type} question; this "
                              "parameter names a yes/no question (a treaty or declaration "
                              "the country data dates)")

    # routes and templates ------------------------------------------------------------------

    def _route(self, raw: dict[str, Any], path: KeyPath, template: str | None = None,
               file: Path | None = None) -> Route:
        file = file or self.mfile
        if not _KEBAB.match(str(raw["id"])):
            self.problems.add(file, (*path, "id"), f"route id '{raw['id']}' must be kebab-case")
        self.paths.setdefault(raw["id"], path)
        return Route(
            id=raw["id"], name=raw["name"], body=raw["body"], family=raw["family"],
            summary=raw["summary"], nature=raw["nature"], kinds=tuple(raw["kinds"]),
            themes=tuple(raw["themes"]), effort=raw["effort"],
            source=self._sources(raw["source"], file, (*path, "source")),
            individual=raw.get("individual", False), urgent=raw.get("urgent", False),
            exposure=raw.get("exposure", "public"),
            reached_through=tuple(_as_list(raw.get("reached_through", []))),
            texts={k: raw[k] for k in kbspec.TEXT_FIELDS if k in raw},
            gates=tuple(self._gate(g, file, (*path, "gates", i))
                        for i, g in enumerate(raw.get("gates", []))),
            considerations=tuple(self._consideration(c, file, (*path, "considerations", i))
                                 for i, c in enumerate(raw.get("considerations", []))),
            cautions=self._notes(raw, "cautions", file, path),
            next_steps=self._notes(raw, "next_steps", file, path),
            follow_up=self._notes(raw, "follow_up", file, path),
            act_now=self._notes(raw, "act_now", file, path),
            template=template,
        )

    def _check_reached_through(self, routes: list[Route]) -> None:
        """Every route named in `reached_through` exists, and no route is reached through
        itself, however indirectly (the engine resolves dependencies in order)."""
        by_id = {m.id: m for m in routes}
        for route in routes:
            where = (*self.paths.get(route.id, ()), "reached_through")
            for rid in route.reached_through:
                if rid not in by_id:
                    self.problems.add(self.mfile, where, f"unknown route '{rid}'"
                                      + _did_you_mean(rid, by_id))
            todo, seen = list(route.reached_through), set()
            while todo:
                rid = todo.pop()
                if rid == route.id:
                    self.problems.add(self.mfile, where, f"route '{route.id}' is reached "
                                      "through itself: a cycle of `reached_through`")
                    break
                if rid not in seen and rid in by_id:
                    seen.add(rid)
                    todo.extend(by_id[rid].reached_through)

    def _notes(self, raw: dict[str, Any], name: str, file: Path, path: KeyPath) -> tuple[Note, ...]:
        return tuple(self._note(n, file, (*path, name, i)) for i, n in enumerate(raw.get(name, [])))

    def _expand(self, template: dict[str, Any], path: KeyPath) -> list[Route]:
        routes = []
        for i, (raw, problems) in enumerate(instances(template)):
            item_path = (*path, "for_each", i)
            for message in problems:
                self.problems.add(self.mfile, item_path, message)
            if raw is not None and not problems:
                routes.append(self._route(raw, item_path, template["id"]))
        return routes


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _did_you_mean(word: str, known: Any) -> str:
    from engagewiz.hints import did_you_mean

    return did_you_mean(word, known)
