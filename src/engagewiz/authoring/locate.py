"""Where a finding about the loaded knowledge base is in the YAML an author edits.

The loaded objects no longer know their lines, and a route made by a template has no
entry of its own: its gates live in the template, in the item's `extra_gates`, or in its
`override`. The locator walks the raw files the same way kb/templates expands them, so a message
about route `cat-periodic-review` points at the line the author has to change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from engagewiz.authoring.index import Site
from engagewiz.core.model import KnowledgeBase, Route
from engagewiz.errors import KeyPath, Problem
from engagewiz.kb import load as kb_files
from engagewiz.storage import yamlfile

QUESTIONS, MECHANISMS, TEXTS = "questions", "mechanisms", "texts"  # which file a finding is in


class Finding(NamedTuple):
    role: str       # QUESTIONS, MECHANISMS or TEXTS
    path: KeyPath   # the key path in that file
    message: str


class Locator:
    def __init__(self, kb: KnowledgeBase, folder: Path) -> None:
        # the folder, not kb.files: a knowledge base from the cache keeps the paths it was
        # first loaded with, which may be relative to another working directory
        self.kb = kb
        self.files = {QUESTIONS: folder / kb_files.QUESTIONS,
                      MECHANISMS: folder / kb_files.MECHANISMS, TEXTS: folder / kb_files.TEXTS}
        self.raw_q: dict[str, Any] = _mapping(yamlfile.load(self.files[QUESTIONS]))
        self.raw_m: dict[str, Any] = _mapping(yamlfile.load(self.files[MECHANISMS]))
        self._routes: dict[str, tuple[KeyPath, dict[str, Any] | None]] = {}
        plain = self.raw_m.get("mechanisms") or []
        for i, m in enumerate(kb.routes[: len(plain)]):
            self._routes[m.id] = (("mechanisms", i), None)
        generated = iter(kb.routes[len(plain):])
        for t, template in enumerate(self.raw_m.get("templates") or []):
            for j, item in enumerate(template.get("for_each") or []):
                route = next(generated, None)
                if route is not None:
                    self._routes[route.id] = (("templates", t, "for_each", j),
                                              {"t": t, "template": template, "item": item})

    def question(self, qid: str, *keys: str | int) -> KeyPath:
        index = next((i for i, q in enumerate(self.kb.questions) if q.id == qid), 0)
        return ("questions", index, *keys)

    def route(self, route: Route) -> KeyPath:
        return self._routes.get(route.id, ((),  None))[0]

    def is_generated(self, route: Route) -> bool:
        return self._routes.get(route.id, ((), None))[1] is not None

    def part(self, route: Route, keys: KeyPath) -> KeyPath:
        """The file path of `keys` inside a route: ("gates", 1, "test") -> where it is written."""
        base, origin = self._routes.get(route.id, ((), None))
        if origin is None or not keys:
            return (*base, *keys)
        item, body = origin["item"], origin["template"].get("mechanism") or {}
        name, rest = keys[0], keys[1:]
        override = item.get("override") or {}
        if name in override:
            return (*base, "override", *keys)
        if rest and isinstance(rest[0], int):  # shared list first, then the item's extra_
            shared = len(body.get(name) or [])
            if rest[0] >= shared:
                return (*base, f"extra_{name}", rest[0] - shared, *rest[1:])
        if name in body:
            return ("templates", origin["t"], "mechanism", *keys)
        return base

    def site(self, site: Site) -> tuple[str, KeyPath]:
        """The file (role) and key path of a condition."""
        if site.route is not None:
            return MECHANISMS, self.part(site.route, site.part)
        role = {"when": QUESTIONS, "texts": TEXTS}.get(site.kind, MECHANISMS)
        return role, site.part

    def say(self, route: Route | None, message: str) -> str:
        """Name the route in a message whose line is shared by every route of a template."""
        if route is None or not self.is_generated(route):
            return message
        return f"route '{route.id}': {message}"


def to_problems(findings: list[Finding], files: dict[str, Path]) -> list[Problem]:
    """Findings as Problems with lines, sorted by file and line, each reported once."""
    problems: list[Problem] = []
    seen: set[tuple[str, KeyPath, str]] = set()
    for role, path, message in findings:
        if (role, path, message) in seen:
            continue
        seen.add((role, path, message))
        file = files[role]
        problems.append(Problem(message, str(file), yamlfile.line_of(file, path),
                                yamlfile.dotted(path) or None))
    problems.sort(key=lambda p: (p.file or "", p.line or 0))
    return problems


def _mapping(raw: Any) -> dict[str, Any]:
    return raw if isinstance(raw, dict) else {}
