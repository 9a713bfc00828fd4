"""What the commands share: finding the knowledge base and country data, today's date, output.

Imports no typer (the options are in `cli/options.py`): a scripted run uses these helpers
without building a typer command (`cli/scripted.py`).
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engagewiz.errors import InputError

if TYPE_CHECKING:
    from engagewiz.core.model import KnowledgeBase
    from engagewiz.kb.countries import CountryData


class Format(str, Enum):
    """The --format of commands that print a result."""

    rich = "rich"
    json = "json"


def load_kb(kb_dir: Path | None) -> KnowledgeBase:
    """The knowledge base; with --kb (or ENGAGEWIZ_KB), a person at a terminal is told which
    folder was read, since an edit to another copy would otherwise change nothing unseen."""
    from engagewiz.kb.load import load_kb as load

    knowledge = load(kb_dir)
    if kb_dir is not None and sys.stderr.isatty():
        from engagewiz.textsafe import visible

        print(f"engagewiz: knowledge base {knowledge.version} from "
              f"{visible(str(kb_dir.resolve()))}", file=sys.stderr)
    return knowledge


def load_countries(kb_dir: Path | None) -> CountryData | None:
    """The country data of the chosen knowledge base, else the bundled one."""
    from engagewiz.kb.countries import find_countries
    from engagewiz.kb.load import default_dir

    return find_countries(kb_dir, default_dir())


def resolver(countries: CountryData | None):  # type: ignore[no-untyped-def]
    """Turn what a user typed ("Kenya", "KE", "ken", "England") into an ISO3 code, with
    suggestions; a place no State covers (Kosovo) is a ValueError saying what applies."""

    def resolve(text: str) -> tuple[str | None, list[str]]:
        if countries is None:
            return text.upper(), []
        found = countries.find(text)
        if found and found.iso3 is None:
            raise ValueError(found.note)
        return (found.iso3, []) if found else (None, countries.suggest(text))

    return resolve


def today(value: str | None) -> date:
    from engagewiz.core.deadlines import EARLIEST, LATEST
    from engagewiz.textsafe import quoted

    if not value:
        return date.today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InputError.one(f"expected YYYY-MM-DD, found {quoted(value)}",
                             key="--today") from None
    if not EARLIEST <= day <= LATEST:
        raise InputError.one(f"expected a date from {EARLIEST} to {LATEST}, found {day}",
                             key="--today")
    return day


def write_output(text: str, output: Path | None) -> None:
    """Print to stdout, or write a private file (answers can describe victims)."""
    if output is None:
        sys.stdout.write(_encodable(text))
        return
    from engagewiz.storage.fsutil import save_for_user
    from engagewiz.textsafe import visible

    save_for_user(output, text)
    print(f"Wrote {visible(str(output))}", file=sys.stderr)


def _encodable(text: str) -> str:
    """Text the standard output's encoding can carry: other characters as JSON escapes
    (\\u00f4), which keeps JSON valid (they only occur inside its strings) and stays
    readable elsewhere."""
    import codecs

    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        if codecs.lookup(encoding).name == "utf-8":
            return text  # carries every character (a lone surrogate is escaped as \udcxx)
        text.encode(encoding)
    except UnicodeEncodeError:
        import json

        return "".join(c if c.isascii() else json.dumps(c)[1:-1] for c in text)
    except LookupError:
        pass
    return text


def write_json(data: Any) -> None:
    """Data for scripts on stdout: indented, UTF-8 (the commands that show data; `assess`
    has its own, compact when piped)."""
    import json

    write_output(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)


def unknown_route(route_id: str, kb: KnowledgeBase) -> InputError:
    """The error for a route id the knowledge base does not have, with the closest ids."""
    from engagewiz.hints import did_you_mean
    from engagewiz.textsafe import quoted

    hint = did_you_mean(route_id, [r.id for r in kb.routes], n=3,
                        otherwise="; run 'engagewiz mechanisms' for the list")
    return InputError.one(f"unknown route {quoted(route_id)}{hint}", key="ID")


def unknown_source(key: str, kb: KnowledgeBase) -> InputError:
    """The error for a source key the knowledge base does not have, with the closest keys."""
    from engagewiz.hints import did_you_mean
    from engagewiz.textsafe import quoted

    hint = did_you_mean(key, kb.sources, n=3, otherwise="; run 'engagewiz sources' for the list")
    return InputError.one(f"unknown source {quoted(key)}{hint}", key="KEY")


def plain_wanted(plain: bool) -> bool:
    return plain or bool(os.environ.get("NO_COLOR"))


def escape(text: str) -> str:
    """rich's markup escape, imported only when something is printed (it costs ~10 ms)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
