"""Build `notes:` of mechanisms.yaml: where nothing can be filed, checked like the routes.

A note's `when` must parse and name known questions and choices, its sources must be keys
under `sources:`, and each route it names under `instead` must exist: the same messages,
with file, line and key, as for a route.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from engagewiz.core import conditions as cond
from engagewiz.core.model import SystemNote
from engagewiz.errors import KeyPath

if TYPE_CHECKING:
    from engagewiz.kb.build import _Builder


def build_notes(raw: list[dict[str, Any]], builder: _Builder,
                routes: Collection[str]) -> tuple[SystemNote, ...]:
    from engagewiz.kb.build import _KEBAB, _did_you_mean

    file, out, seen = builder.mfile, [], set()
    for i, note in enumerate(raw):
        at: KeyPath = ("notes", i)
        if not _KEBAB.match(str(note["id"])):
            builder.problems.add(file, (*at, "id"), f"note id '{note['id']}' must be kebab-case")
        if note["id"] in seen or note["id"] in routes:
            builder.problems.add(file, (*at, "id"), f"duplicate id '{note['id']}': a note "
                                 "needs an id of its own, unlike any route's")
        seen.add(note["id"])
        when = builder._condition(note["when"], file, (*at, "when"))
        builder._check_refs(when, file, (*at, "when"))
        for j, rid in enumerate(note.get("instead", [])):
            if rid not in routes:
                builder.problems.add(file, (*at, "instead", j), f"unknown route '{rid}'"
                                     + _did_you_mean(rid, routes))
        out.append(SystemNote(
            id=note["id"], title=note["title"], text=note["text"], when=when or cond.All(()),
            source=builder._sources(note["source"], file, (*at, "source")),
            instead=tuple(note.get("instead", [])), check=note.get("check", "")))
    return tuple(out)
