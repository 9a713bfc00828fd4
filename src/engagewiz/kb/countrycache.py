"""Country data through the cache, read one State at a time.

A scripted run needs one State of 195: the cached file is a first line of JSON with the
sources, the name index and where each State's own JSON text starts and ends in the rest of
the file, and a State is decoded only when asked for. That makes reading the country data
from the cache about ten times cheaper than decoding every fact of every State (5,000
records).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from engagewiz.kb import codec
from engagewiz.kb import places as _places  # noqa: F401 - its records are in the cache
from engagewiz.kb.cache import cached
from engagewiz.kb.countries import CountryData, load_countries, places_file
from engagewiz.kb.countryfacts import Country


def cached_countries(path: Path) -> CountryData:
    """The validated countries.json at `path`; from the cache when it has not changed."""
    files = [path, *(p for p in [places_file(path)] if p.is_file())]
    return cached("countrydata", files, partial(load_countries, path), _encode, _decode)


def _encode(data: CountryData) -> bytes:
    names, codes = data.index()
    encoder = codec.Encoder()
    texts = [encoder.dumps(c) for c in data]
    spans, at = {}, 0
    for country, text in zip(data, texts, strict=True):
        spans[country.iso3] = [at, at + len(text)]
        at += len(text)
    head = encoder.dumps({"built": data.built, "sources": data.sources, "names": names,
                          "codes": codes, "spans": spans, "titles": data.titles(),
                          "places": list(data.places())})
    return b"\n".join([encoder.table(), head, b"".join(texts)])


def _decode(payload: bytes) -> CountryData:
    table, head, body = payload.split(b"\n", 2)
    decoder = codec.Decoder(table)
    top = decoder.loads(head)
    texts = {iso3: body[start:end] for iso3, (start, end) in top["spans"].items()}
    titles = top["titles"]
    if titles.keys() != texts.keys() or not all(type(t) is str for t in titles.values()):
        raise ValueError("the names listed are not the States held")
    return CountryData(str(top["built"]), top["sources"], _Lazy(decoder, texts),
                       (dict(top["names"]), dict(top["codes"])), top["places"],
                       titles)


class _Lazy(Mapping[str, Country]):
    """ISO3 -> Country, each decoded from its JSON text the first time it is read."""

    def __init__(self, decoder: codec.Decoder, texts: dict[str, bytes]) -> None:
        self.decoder = decoder
        self.texts = texts
        self.done: dict[str, Country] = {}

    def __getitem__(self, iso3: str) -> Country:
        if iso3 not in self.done:
            country: Any = self.decoder.loads(self.texts[iso3])
            if not isinstance(country, Country):
                raise TypeError(f"the cache holds no country {iso3}")
            self.done[iso3] = country
        return self.done[iso3]

    def __contains__(self, iso3: object) -> bool:
        return iso3 in self.texts

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)
