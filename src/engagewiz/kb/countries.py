"""Finding a State in the country data: by name, alias, ISO2 or ISO3, with suggestions.

The data come from ``data/countries.json``, built by ``scripts/build_countries.py`` from the
audited CSVs in scripts/country-sources/. This module only reads that file: no pycountry,
no network, so lookup is instant and works offline. What a State's facts hold is in
kb/countryfacts.py; the UPR estimate, in kb/upr.py.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engagewiz.kb.countryfacts import Country, CountryFact, DataSource, UprSession

if TYPE_CHECKING:
    from engagewiz.kb.places import Found, Place

__all__ = ["CountryData", "find_countries", "load_countries", "normalize", "places_file"]


def normalize(text: str) -> str:
    """Fold case, accents and punctuation (curly or straight quotes) so "Côte d'Ivoire",
    "COTE D IVOIRE" and "cote d'ivoire" are one key.

    Also drops a leading "the", reads "St" as "Saint" and joins spelled-out initials
    ("U.S.A." -> "usa"), because those are how the same State gets typed differently.
    """
    t = unicodedata.normalize("NFKD", text.casefold())
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).replace("&", " and ")
    words = re.sub(r"[^a-z0-9]+", " ", t).split()
    if words[:1] == ["the"]:
        words = words[1:]
    words = ["saint" if w == "st" else w for w in words]
    out: list[str] = []
    run = False  # the last word was built from single letters
    for w in words:
        if len(w) == 1 and w.isalpha() and run:
            out[-1] += w
        else:
            out.append(w)
            run = len(w) == 1 and w.isalpha()
    return " ".join(out)


class CountryData:
    """All countries plus the sources, with the lookups the interview needs."""

    def __init__(self, built: str, sources: Mapping[str, DataSource],
                 countries: Mapping[str, Country],
                 index: tuple[dict[str, str], dict[str, str]] | None = None,
                 places: Iterable[Place] = (), titles: Mapping[str, str] | None = None
                 ) -> None:
        """`index` is (names, codes) as `index` made them and `titles` each State's name
        by ISO3: the cache passes them in with countries it reads only when asked for
        (kb/countrycache.py)."""
        self.built = built
        self.sources: dict[str, DataSource] = dict(sources)
        self._countries = countries
        self._names, self._codes = index or self.index()
        self._titles = dict(titles) if titles is not None else {
            c.iso3: c.name for c in countries.values()}
        self._places = {key: p for p in places if (key := normalize(p.name))}

    def places(self) -> tuple[Place, ...]:
        """Every name of data/places.yaml, as found beside countries.json."""
        return tuple(self._places.values())

    def index(self) -> tuple[dict[str, str], dict[str, str]]:
        """Every normalised name and code -> its ISO3."""
        names: dict[str, str] = {}
        for c in self._countries.values():
            for n in (c.name, c.untc_name, *c.aliases):
                key = normalize(n)
                if key:
                    names.setdefault(key, c.iso3)
        codes = {normalize(k): c.iso3 for c in self._countries.values()
                 for k in (c.iso3, c.alpha2)}
        return names, codes

    def titles(self) -> dict[str, str]:
        """Each State's name by ISO3, in the file's order: what the interview lists,
        without decoding every State's facts from the cache (30 ms at each start)."""
        return dict(self._titles)

    def __len__(self) -> int:
        return len(self._countries)

    def __iter__(self) -> Iterator[Country]:
        return iter(self._countries.values())

    def __contains__(self, iso3: object) -> bool:
        return isinstance(iso3, str) and iso3.upper() in self._countries

    def get(self, iso3: str) -> Country | None:
        """The State with this ISO 3166-1 alpha-3 code (any case), or None."""
        return self._countries.get(iso3.strip().upper())

    def search(self, text: str) -> Country | None:
        """Find a State by ISO3, ISO2, name, alias or UNTC name; case and accents ignored.

        Codes are tried first so "IN" is India; returns None rather than guessing, so the
        caller can offer :meth:`suggest`.
        """
        key = normalize(text)
        place = self._places.get(key)
        iso = self._codes.get(key) or self._names.get(key) or (place.state if place else None)
        return self._countries.get(iso) if iso else None

    def find(self, text: str) -> Found | None:
        """:meth:`search`, with the note of a place typed (England, Hong Kong, Kosovo);
        a place no State covers is found with no State (iso3 None)."""
        from engagewiz.kb.places import Found

        country = self.search(text)
        key = normalize(text)
        place = None if key in self._codes or key in self._names else self._places.get(key)
        if country is None and place is None:
            return None
        return Found(country.iso3 if country else None,
                     country.name if country else place.name,  # type: ignore[union-attr]
                     place.message() if place else "")

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Up to ``n`` State names close to ``text`` ("Kenia" -> "Kenya"), best first."""
        hits = difflib.get_close_matches(normalize(text), [*self._names, *self._places],
                                         n=n * 6, cutoff=0.6)
        out: list[str] = []
        for key in hits:
            iso = self._names.get(key)
            name = self._countries[iso].name if iso else self._places[key].name
            if name not in out:
                out.append(name)
        return out[:n]


def _source(key: str, raw: Mapping[str, Any]) -> DataSource:
    as_of = raw.get("as_of")
    return DataSource(key=key, citation=str(raw["citation"]),
                  as_of=None if as_of is None else str(as_of), url=str(raw["url"]),
                  note=raw.get("note"))


def _country(iso3: str, raw: Mapping[str, Any], sources: Mapping[str, DataSource]) -> Country:
    facts: dict[str, CountryFact] = {}
    for key, f in raw["facts"].items():  # values and sources checked by countryfile
        facts[key] = CountryFact(value=f["value"], source=f["source"], date=f.get("date"),
                                 note=f.get("note"), since=f.get("since"),
                                 until=f.get("until"), quote=f.get("quote"),
                                 caveat=f.get("caveat"))
    u = raw.get("upr")
    upr = None if u is None else UprSession(
        session=int(u["session"]), dates=str(u["dates"]), status=str(u["status"]),
        source=str(u["source"]), cycle=int(u.get("cycle", 4)), note=u.get("note"))
    return Country(iso3=iso3, name=str(raw["name"]), alpha2=str(raw["alpha2"]),
                   un_status=str(raw["un_status"]), untc_name=str(raw.get("untc_name", "")),
                   aliases=tuple(raw.get("aliases", ())), facts=facts, upr=upr)


def load_countries(path: str | Path) -> CountryData:
    """Read countries.json (the only I/O here); a file of the wrong shape is an InputError
    naming the file, line and key (kb/countryfile.py)."""
    from engagewiz.kb.countryfile import read_country_file
    from engagewiz.kb.places import read_places

    raw = read_country_file(Path(path))
    sources = {k: _source(k, v) for k, v in raw["sources"].items()}
    countries = {k: _country(k, v, sources) for k, v in raw["countries"].items()}
    names = places_file(Path(path))
    places = read_places(names, countries) if names.is_file() else []
    return CountryData(str(raw["built"]), sources, countries, places=places)


def places_file(countries_file: Path) -> Path:
    """data/places.yaml, beside the countries it names."""
    return countries_file.with_name("places.yaml")


def find_countries(*folders: Path | None) -> CountryData | None:
    """The countries.json of the first folder that has one (a custom knowledge base first)."""
    from engagewiz.kb.countrycache import cached_countries

    for folder in folders:
        if folder and (folder / "countries.json").exists():  # a folder or FIFO: say so
            return cached_countries(folder / "countries.json")
    return None
