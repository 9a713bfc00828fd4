"""Which reservations, opt-outs and declarations `engagewiz country` shows for a State.

A reservation changes what a body can do (no CAT inquiry after an article 28 opt-out, a
matter examined elsewhere barred at the Human Rights Committee), so the country view lists
those the country data holds under the treaty or procedure they belong to (texts.yaml
names them). It lists them where they matter: wherever the State is, or may be, bound by
that treaty or procedure, and wherever the data hold one (a "yes") or cannot say (unknown),
whether bound or not. A plain "no" for a State that is not bound says nothing useful and
is left out. A fact the data lack is unknown, never "no", so it is always shown.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from engagewiz.core.texts import CountryView, FactRow

if TYPE_CHECKING:
    from engagewiz.kb.countryfacts import Country, CountryFact


def declared(view: CountryView, country: Country) -> dict[str, tuple[FactRow, ...]]:
    """Row id -> the declaration rows to show under that row for this State (only rows
    that name declarations)."""
    return {row.id: tuple(d for d in row.declarations
                          if _value(country.facts, row) != "no"
                          or _value(country.facts, d) != "no")
            for row in _rows(view) if row.declarations}


def _rows(view: CountryView) -> Iterator[FactRow]:
    for treaty in view.un_treaties:
        yield treaty.row
        if treaty.procedure is not None:
            yield treaty.procedure
    for system in view.regional:
        yield from system.rows


def _value(facts: Mapping[str, CountryFact], row: FactRow) -> str:
    fact = facts.get(row.fact)
    return fact.value if fact else "dont_know"
