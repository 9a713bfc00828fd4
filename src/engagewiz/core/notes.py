"""Where nothing can be filed: the knowledge base's notes that hold for these answers.

A State with no regional complaint body, a regional court closed to individuals, a route
outside the international system: the result must say so plainly, and say which routes
fill the gap and where each stands for this user. Deciding that is the core's job; the
renderers only show the `NoteResult`s the Assessment carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from engagewiz.core.model import KnowledgeBase
from engagewiz.core.qids import COUNTRY
from engagewiz.core.results import Alternative, NoteResult, RouteResult

if TYPE_CHECKING:
    from engagewiz.kb.countryfacts import Country


def system_notes(kb: KnowledgeBase, answers: Mapping[str, Any],
                 judged: Iterable[RouteResult] = (),
                 recommended: Iterable[str] = ()) -> tuple[NoteResult, ...]:
    """The notes whose `when` is true for these answers (an unknown never shows one: a
    note says something is missing, and that must be certain). Of the routes that fill the
    gap, those of a regional system the State is not in are left out: they fill nothing."""
    results = {r.id: r for r in judged}
    chosen = set(recommended)
    out = []
    for note in kb.notes:
        if note.when.evaluate(answers) is not True:
            continue
        instead = tuple(
            Alternative(rid, route.name, r.status if r else "", rid in chosen)
            for rid in note.instead if (route := kb.route(rid)) is not None
            and not ((r := results.get(rid)) and r.out_of_region))
        out.append(NoteResult(note.id, note.title, note.text, note.check, note.source,
                              instead))
    return tuple(out)


def for_country(kb: KnowledgeBase, country: Country) -> tuple[NoteResult, ...]:
    """The notes that hold for a State on its facts alone (`engagewiz country`): a note
    that depends on the case (universal jurisdiction) needs answers, and stays unknown."""
    answers: dict[str, Any] = {qid: f.value for qid, f in country.facts.items()}
    return system_notes(kb, {**answers, COUNTRY: country.iso3})
