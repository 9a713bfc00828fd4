"""Per-State facts (treaties, complaint procedures, regional systems, UPR) for the interview.

The data come from ``data/countries.json``, built by ``scripts/build_countries.py`` from the
audited CSVs in scripts/country-sources/. This module only reads that file: no pycountry,
no network, so lookup is instant and works offline. Three rules shape the API:

* "dont_know" is a real value: an empty cell in the sources means *unknown*, never "no",
  and ``core/prefill`` leaves an unknown fact to be asked in the interview (a scripted run
  reads it as "dont_know": check first).
* Every fact keeps its source key and date, so the tool can say where it comes from and
  :func:`data_age_warning` can say when it may be stale.
* Dates that are computed here (the next UPR review) are estimates and say so.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engagewiz.core.deadlines import add_months, days_in_month
from engagewiz.core.record import record

if TYPE_CHECKING:
    from engagewiz.kb.places import Found, Place

__all__ = [
    "Country",
    "CountryData",
    "CountryFact",
    "DataSource",
    "UprEstimate",
    "UprSession",
    "data_age_warning",
    "find_countries",
    "load_countries",
    "next_upr_estimate",
    "normalize",
]

VALUES = ("yes", "no", "dont_know")
UNTC_WHERE = ("treaties.un.org, chapter IV (Human Rights), "
              "https://treaties.un.org/Pages/Treaties.aspx?id=4&subid=A&clang=_en")
UPR_CONFIRM = ("OHCHR UPR page, https://www.ohchr.org/en/hr-bodies/upr/upr-main",
               "UPR Info, https://www.upr-info.org")
UPR_CYCLE_MONTHS = 54  # 4.5 years per review since the second cycle (HRC res. 16/21)


@record
class CountryFact:
    """One answer the data can give: value ("yes", "no", "dont_know"), source key, date, note.

    ``date`` is the consent or declaration date for a "yes", the date a "no" rests on
    (e.g. a withdrawal) where known; it may be a year only ("1995") when that is all the
    source gives. The rules that turn on dates read ``since`` and ``until``: the days the
    State was first and last bound by a treaty or a competence it has left (a denunciation
    or withdrawal, with the day it took effect). ``quote`` holds the deciding words of a
    reservation or declaration, and ``caveat`` what the user must be told wherever the
    fact is used (a contested withdrawal, a status nobody has confirmed).
    """

    value: str
    source: str
    date: str | None = None
    note: str | None = None
    since: str | None = None
    until: str | None = None
    quote: str | None = None
    caveat: str | None = None

    @property
    def known(self) -> bool:
        """True unless the data leave the answer open."""
        return self.value != "dont_know"

    @property
    def bound_from(self) -> str | None:
        """The day the State was first bound (ISO), where the data give a full date."""
        first = self.since or (self.date if self.value == "yes" else None)
        return first if first and len(first) == 10 else None


@record
class DataSource:
    """Where a group of facts comes from, with the as-of date to show the user."""

    key: str
    citation: str
    as_of: str | None
    url: str
    note: str | None = None

    def age_warning(self, today: date) -> str | None:
        """:func:`data_age_warning` for this source, pointing at its own address."""
        return data_age_warning(self.as_of, today, where=self.url)


@record
class UprSession:
    """The State's 4th-cycle UPR Working Group session as recorded in the data."""

    session: int
    dates: str  # "YYYY-MM-DD/YYYY-MM-DD"; months only ("2026-01") where that is all we know
    status: str  # "held" or "scheduled_not_held"
    source: str
    cycle: int = 4
    note: str | None = None

    @property
    def start(self) -> date:
        """First day of the session (first day of the month if only the month is known)."""
        return _parse(self.dates.split("/")[0])

    @property
    def end(self) -> date:
        """Last day of the session (last day of the month if only the month is known)."""
        return _parse(self.dates.split("/")[-1], last=True)


@record
class Country:
    """A UN member or observer State and what the data know about it."""

    iso3: str
    name: str
    alpha2: str
    un_status: str
    untc_name: str
    aliases: tuple[str, ...]
    facts: Mapping[str, CountryFact] = field(hash=False)
    upr: UprSession | None = None


@record
class UprEstimate:
    """An estimate of the next UPR review and of the stakeholder-submission window."""

    based_on_session: int
    review_from: date
    review_to: date
    submission_from: date
    submission_to: date
    text: str
    confirm_at: tuple[str, ...] = UPR_CONFIRM


def _parse(text: str, last: bool = False) -> date:
    """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; partial dates give the first (or last) day."""
    parts = [int(p) for p in text.strip().split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if last else 1)
    if len(parts) > 2:
        return date(year, month, parts[2])
    return date(year, month, days_in_month(year, month) if last else 1)


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
                 places: Iterable[Place] = ()) -> None:
        """`index` is (names, codes) as `index` made them: the cache passes them in with
        countries it reads only when asked for (kb/countrycache.py)."""
        self.built = built
        self.sources: dict[str, DataSource] = dict(sources)
        self._countries = countries
        self._names, self._codes = index or self.index()
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


def _month(d: date) -> str:
    return f"{d:%B %Y}"


def next_upr_estimate(country: Country, today: date) -> UprEstimate | None:
    """Estimate the next UPR review: last 4th-cycle session + 4.5 years (res. 16/21).

    OHCHR usually closes stakeholder submissions about 6-8 months before the review, so
    the window is given as that range. The result is an estimate (the 5th-cycle calendar
    is not yet published); the text says where to confirm it. None when the
    data have no 4th-cycle session for the State.
    """
    s = country.upr
    if s is None:
        return None
    review_from = add_months(s.start, UPR_CYCLE_MONTHS)
    review_to = add_months(s.end, UPR_CYCLE_MONTHS)
    sub_from, sub_to = add_months(review_from, -8), add_months(review_from, -6)
    when = _month(review_from)
    if (review_to.year, review_to.month) != (review_from.year, review_from.month):
        first = f"{review_from:%B}" if review_to.year == review_from.year else when
        when = f"{first} - {_month(review_to)}"
    held = "" if s.status == "held" else " (scheduled but not held: check its status)"
    lines = [f"Estimate: next UPR review of {country.name} around {when}, 4.5 years after its "
             f"4th-cycle review in session {s.session} ({s.dates}){held}.",
             f"Stakeholder submissions are usually due 6-8 months before the review: roughly "
             f"{_month(sub_from)} to {_month(sub_to)}."]
    if today > review_to:
        lines.append("The estimated review date has passed: check whether it took place.")
    elif today > sub_to:
        lines.append("The estimated submission window may already have closed: check now.")
    lines.append("Confirm the session and the deadline on the " + " or ".join(UPR_CONFIRM) + ".")
    return UprEstimate(based_on_session=s.session, review_from=review_from, review_to=review_to,
                       submission_from=sub_from, submission_to=sub_to, text=" ".join(lines))


def data_age_warning(as_of: str | date | None, today: date,
                     where: str = UNTC_WHERE) -> str | None:
    """A warning when ``as_of`` is more than 12 months before ``today``, else None.

    A partial as-of date ("2026", "2022-04") counts from its first day, so the warning
    comes early rather than late. An unknown date always warns.
    """
    if as_of is None:
        return f"The date of this information is unknown; check the current status at {where}."
    d = as_of if isinstance(as_of, date) else _parse(as_of)
    if today <= add_months(d, 12):
        return None
    shown = d.isoformat() if isinstance(as_of, date) else as_of
    return (f"This information is as of {shown}, more than 12 months ago: ratifications, "
            f"declarations and withdrawals may have changed since. Check the current status "
            f"at {where}.")
