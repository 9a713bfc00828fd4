"""What the country data know about a State: its facts, their sources, its UPR session.

The records ``data/countries.json`` is read into (kb/countries.py reads it and finds a
State by name). Two rules shape them:

* "dont_know" is a real value: an empty cell in the sources means *unknown*, never "no",
  and ``core/prefill`` leaves an unknown fact to be asked in the interview (a scripted run
  reads it as "dont_know": check first).
* Every fact keeps its source key and date, so the tool can say where it comes from and
  :func:`data_age_warning` can say when it may be stale.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from engagewiz.core.deadlines import add_months, days_in_month
from engagewiz.core.record import field, record

VALUES = ("yes", "no", "dont_know")
UNTC_WHERE = ("treaties.un.org, chapter IV (Human Rights), "
              "https://treaties.un.org/Pages/Treaties.aspx?id=4&subid=A&clang=_en")


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
        return parse_date(self.dates.split("/")[0])

    @property
    def end(self) -> date:
        """Last day of the session (last day of the month if only the month is known)."""
        return parse_date(self.dates.split("/")[-1], last=True)


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


def parse_date(text: str, last: bool = False) -> date:
    """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; partial dates give the first (or last) day."""
    parts = [int(p) for p in text.strip().split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if last else 1)
    if len(parts) > 2:
        return date(year, month, parts[2])
    return date(year, month, days_in_month(year, month) if last else 1)


def data_age_warning(as_of: str | date | None, today: date,
                     where: str = UNTC_WHERE) -> str | None:
    """A warning when ``as_of`` is more than 12 months before ``today``, else None.

    A partial as-of date ("2026", "2022-04") counts from its first day, so the warning
    comes early rather than late. An unknown date always warns.
    """
    if as_of is None:
        return f"The date of this information is unknown; check the current status at {where}."
    d = as_of if isinstance(as_of, date) else parse_date(as_of)
    if today <= add_months(d, 12):
        return None
    shown = d.isoformat() if isinstance(as_of, date) else as_of
    return (f"This information is as of {shown}, more than 12 months ago: ratifications, "
            f"declarations and withdrawals may have changed since. Check the current status "
            f"at {where}.")
