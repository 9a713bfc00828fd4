"""countries.json checked before it is used, so a broken copy in `--kb` is a message.

A knowledge base someone edited can hold `[]`, `"schema": 2`, a fact with no value or an
`as_of` of 9999-12-31 (a year later does not exist). Every command that reads the country
data (assess, country, compare, demo, check) gets the same clear problems, with the file,
line and key, instead of a crash where the value is first used. Fields this version does
not read are allowed, so newer data still loads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from engagewiz.core.deadlines import EARLIEST, LATEST
from engagewiz.errors import InputError, KeyPath, Problem
from engagewiz.kb.countryfacts import VALUES
from engagewiz.kb.schema import AnyValue, Choice, Integer, Issue, ListOf, Obj, Spec, Text
from engagewiz.storage import yamlfile
from engagewiz.storage.limits import COUNTRIES, PROBLEMS_SHOWN
from engagewiz.textsafe import quoted

SCHEMA = 1
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def partial_date_ok(text: str) -> bool:
    """"YYYY", "YYYY-MM" or "YYYY-MM-DD", a real day, inside the dates the tool handles."""
    found = _PARTIAL.fullmatch(text)
    if not found:
        return False
    year, month, day = (int(p) if p else 1 for p in found.groups())
    try:
        return EARLIEST <= date(year, month, day) <= LATEST
    except ValueError:
        return False


class PartialDate(Spec):
    """A date as the sources give it; `spans` for "FROM/TO"."""

    def __init__(self, spans: bool = False) -> None:
        self.spans = spans

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        parts = value.split("/") if isinstance(value, str) and self.spans else [value]
        if not all(isinstance(p, str) and partial_date_ok(p) for p in parts) or len(parts) > 2:
            shape = "FROM/TO, each " if self.spans else ""
            yield path, (f"expected {shape}YYYY, YYYY-MM or YYYY-MM-DD from {EARLIEST.year} "
                         f"to {LATEST.year}, found {quoted(value)}")


class Maybe(Spec):
    """`spec`, or null (JSON's none)."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if value is not None:
            yield from self.spec.check(value, path)


class Facts(Spec):
    """One fact, as FACT says, checked by hand: 5,000 of them through the general specs
    cost a fifth of a second, as much as everything else a cold run does with the file."""

    def check(self, value: Any, path: KeyPath) -> Iterator[Issue]:
        if not (isinstance(value, dict) and value.get("value") in VALUES
                and type(value.get("source")) is str and value["source"].strip()
                and all(_text_or_none(value.get(k)) for k in ("note", "quote", "caveat"))
                and all(value.get(k) is None or (type(value[k]) is str
                                                 and partial_date_ok(value[k]))
                        for k in ("date", "since", "until"))):
            yield from FACT.check(value, path)  # the slow path, for its messages


def _text_or_none(value: Any) -> bool:
    return value is None or (type(value) is str and bool(value.strip()))


def _obj(fields: dict[str, Spec], *required: str) -> Obj:
    return Obj(fields, required=required, open_keys=AnyValue())


_NOTE = Maybe(Text())
SOURCE = _obj({"citation": Text(), "url": Text(), "as_of": Maybe(PartialDate()),
               "note": _NOTE}, "citation", "url")
FACT = _obj({"value": Choice(VALUES), "source": Text(), "date": Maybe(PartialDate()),
             "note": _NOTE, "since": Maybe(PartialDate()), "until": Maybe(PartialDate()),
             "quote": _NOTE, "caveat": _NOTE}, "value", "source")
UPR = _obj({"session": Integer(minimum=1, maximum=1000), "dates": PartialDate(spans=True),
            "status": Text(), "source": Text(), "cycle": Integer(minimum=1, maximum=100),
            "note": _NOTE}, "session", "dates", "status", "source")
COUNTRY = _obj({"name": Text(), "alpha2": Text(), "un_status": Text(),
                "untc_name": Maybe(AnyValue()), "aliases": ListOf(Text()),
                "facts": Obj({}, open_keys=Facts()), "upr": Maybe(UPR)},
               "name", "alpha2", "un_status", "facts")
FILE = _obj({"schema": AnyValue(), "built": Text(), "sources": Obj({}, open_keys=SOURCE),
             "countries": Obj({}, open_keys=COUNTRY)}, "schema", "built", "sources", "countries")


def read_country_file(path: Path) -> dict[str, Any]:
    """The parsed file once it has the shape `countries.load_countries` relies on."""
    doc = yamlfile.document(path, COUNTRIES)
    raw = doc.data
    if isinstance(raw, dict) and "schema" in raw and raw["schema"] != SCHEMA:
        raise InputError.one(f"unsupported countries schema {quoted(raw['schema'])}; this "
                             f"engagewiz reads schema {SCHEMA}", str(path), doc.line(("schema",)),
                             "schema")
    issues = list(FILE.check(raw, ()))
    if not issues:
        issues = list(_unknown_sources(raw))
    if issues:
        problems = [Problem(message, str(path), doc.line(keys), yamlfile.dotted(keys) or None)
                    for keys, message in issues[:PROBLEMS_SHOWN]]
        if len(issues) > PROBLEMS_SHOWN:
            problems.append(Problem(f"and {len(issues) - PROBLEMS_SHOWN} more problems",
                                    str(path)))
        raise InputError(problems)
    return dict(raw)


def _unknown_sources(raw: dict[str, Any]) -> Iterator[Issue]:
    """Every fact and UPR session names a source listed under `sources`."""
    known = raw["sources"]
    for iso3, country in raw["countries"].items():
        for key, fact in country["facts"].items():
            if fact["source"] not in known:
                yield (("countries", iso3, "facts", key, "source"),
                       f"unknown source {quoted(fact['source'])}; expected one of "
                       + ", ".join(known))
        upr = country.get("upr")
        if upr and upr["source"] not in known:
            yield (("countries", iso3, "upr", "source"),
                   f"unknown source {quoted(upr['source'])}")
