"""Where nothing can be filed: the knowledge base's notes that hold for these answers.

A State with no regional complaint body, a regional court closed to individuals, a route
outside the international system: the result must say so plainly, and say which routes
fill the gap and where each stands for this user. Deciding that is the core's job; the
renderers only show the `NoteResult`s the Assessment carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from engagewiz.core.model import KnowledgeBase
from engagewiz.core.results import Alternative, NoteResult, RouteResult


def system_notes(kb: KnowledgeBase, answers: Mapping[str, Any],
                 judged: Iterable[RouteResult] = (),
                 recommended: Iterable[str] = ()) -> tuple[NoteResult, ...]:
    """The notes whose `when` is true for these answers (an unknown never shows one: a
    note says something is missing, and that must be certain)."""
    status = {r.id: r.status for r in judged}
    chosen = set(recommended)
    out = []
    for note in kb.notes:
        if note.when.evaluate(answers) is not True:
            continue
        instead = tuple(Alternative(rid, route.name, status.get(rid, ""), rid in chosen)
                        for rid in note.instead if (route := kb.route(rid)) is not None)
        out.append(NoteResult(note.id, note.title, note.text, note.check, note.source,
                              instead))
    return tuple(out)
