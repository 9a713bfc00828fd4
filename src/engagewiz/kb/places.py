"""Names people type for places that are not States of their own (data/places.yaml).

England is part of the United Kingdom, Hong Kong has treaty arrangements of its own within
China, Kosovo's status is disputed. A person who types such a name gets the State whose
obligations count there, when there is one, and always a note on what applies and where
to check; a name with no State is never silently taken for some other State.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from engagewiz.core.record import record


@record
class Place:
    name: str         # as the file spells the name that was typed
    state: str | None  # None: no State's treaties count there (or which is disputed)
    note: str
    check: str

    def message(self) -> str:
        return f"{self.name}: {self.note} Where to check: {self.check}"


@record
class Found:
    """What a typed name means: the State (None for a place no State covers), the name to
    show, and the place's note when a place was typed."""

    iso3: str | None
    name: str
    note: str = ""


CountrySearch = Callable[[str], "Found | None"]  # what the prompts look names up with


def read_places(path: Path, states: Collection[str]) -> list[Place]:
    """Every name in the file as a Place; a malformed file or an unknown State is an
    InputError naming the file, line and key. (Read when the cache is cold: the checking
    modules are imported here, not on every run.)"""
    from engagewiz.errors import InputError, Problem
    from engagewiz.kb.schema import Integer, ListOf, Obj, Text
    from engagewiz.storage import yamlfile
    from engagewiz.storage.limits import KB_FILE, PROBLEMS_SHOWN
    from engagewiz.textsafe import quoted

    place = Obj({"names": ListOf(Text("what people type")),
                 "state": Text("ISO alpha-3 code of the State whose treaties count there"),
                 "note": Text("what applies there, shown whenever the name is used"),
                 "check": Text("where to check: an official address, or whom to ask")},
                required=("names", "note", "check"))
    spec = Obj({"version": Integer(minimum=1), "places": ListOf(place)}, required=("places",))
    doc = yamlfile.document(path, KB_FILE)
    issues = list(spec.check(doc.data, ()))
    if not issues:
        issues = [(("places", i, "state"), f"unknown State {quoted(p['state'])}; expected the "
                   "ISO alpha-3 code of a State in countries.json")
                  for i, p in enumerate(doc.data["places"]) if p.get("state", "") not in
                  ("", *states)]
    if issues:
        raise InputError([Problem(message, str(path), doc.line(keys),
                                  yamlfile.dotted(keys) or None)
                          for keys, message in issues[:PROBLEMS_SHOWN]])
    return [Place(name, p.get("state"), p["note"], p["check"])
            for p in doc.data["places"] for name in p["names"]]
