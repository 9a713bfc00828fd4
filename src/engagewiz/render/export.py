"""`assess --output PATH`: the result as a file, chosen by the file's suffix.

.md and .html are engagement plans to hand out; .svg is the terminal report as an image
for slides; .json is the scripting format. Every file can hold answers about victims and
risks, so each is written atomically and readable by its owner only (0600).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from engagewiz.errors import InputError
from engagewiz.render import DEFAULT_TOP
from engagewiz.storage.fsutil import save_for_user

if TYPE_CHECKING:
    from engagewiz.core.model import KnowledgeBase
    from engagewiz.core.results import Assessment
    from engagewiz.kb.countries import CountryData
    from engagewiz.render.plan import Plan

SVG_WIDTH = 100  # columns: wide enough for a slide, narrow enough to stay legible
Exporter = Callable[["Assessment", "KnowledgeBase", "int | None", "CountryData | None"], str]


def write_export(result: Assessment, kb: KnowledgeBase, path: Path, top: int | None,
                 countries: CountryData | None) -> None:
    """`countries`: the data the assessment used (the caller found it; a renderer that
    looked for it itself once named another State than the JSON of the same run)."""
    exporter = EXPORTERS.get(path.suffix.lower())
    if exporter is None:
        raise InputError.one(f"cannot write {path.suffix or 'a file without a suffix'}; "
                             f"expected one of {', '.join(EXPORTERS)}", str(path), key="--output")
    save_for_user(path, exporter(result, kb, top, countries))
    print(f"Wrote {path}", file=sys.stderr)


def _plan(result: Assessment, kb: KnowledgeBase, top: int | None,
          countries: CountryData | None) -> Plan:
    from engagewiz.render.plan import build_plan

    return build_plan(result, kb, top=top or DEFAULT_TOP, countries=countries)


def markdown(result: Assessment, kb: KnowledgeBase, top: int | None,
             countries: CountryData | None) -> str:
    from engagewiz.render import plan_md

    return plan_md.render(_plan(result, kb, top, countries))


def html(result: Assessment, kb: KnowledgeBase, top: int | None,
         countries: CountryData | None) -> str:
    from engagewiz.render import plan_html

    return plan_html.render(_plan(result, kb, top, countries))


def svg(result: Assessment, kb: KnowledgeBase, top: int | None,
        countries: CountryData | None) -> str:
    """The terminal report recorded by rich; the file is written by us, not by rich."""
    import io

    from rich.console import Console

    from engagewiz.render.terminal import render
    from engagewiz.render.visible import guard

    console = guard(Console(record=True, width=SVG_WIDTH, file=io.StringIO(),
                            force_terminal=True, color_system="truecolor", highlight=False,
                            emoji=False))  # an ESC in the text would make the SVG invalid XML
    render(result, kb, console, top=top or DEFAULT_TOP, compact=True)
    return console.export_svg(title="engagewiz")


def json(result: Assessment, kb: KnowledgeBase, top: int | None,
         countries: CountryData | None) -> str:
    from engagewiz.render.json_out import render

    return render(result, top)


EXPORTERS: dict[str, Exporter] = {".md": markdown, ".html": html, ".svg": svg, ".json": json}
