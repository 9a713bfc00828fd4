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
Exporter = Callable[["Assessment", "KnowledgeBase", "int | None"], str]


def write_export(result: Assessment, kb: KnowledgeBase, path: Path, top: int | None) -> None:
    exporter = EXPORTERS.get(path.suffix.lower())
    if exporter is None:
        raise InputError.one(f"cannot write {path.suffix or 'a file without a suffix'}; "
                             f"expected one of {', '.join(EXPORTERS)}", str(path), key="--output")
    save_for_user(path, exporter(result, kb, top))
    print(f"Wrote {path}", file=sys.stderr)


def countries_for(kb: KnowledgeBase) -> CountryData | None:
    """The country data next to the knowledge base, else the bundled one (as the CLI does)."""
    from engagewiz.kb.countries import find_countries
    from engagewiz.kb.load import default_dir

    own = Path(kb.files["questions"]).parent if "questions" in kb.files else None
    return find_countries(own, default_dir())


def _plan(result: Assessment, kb: KnowledgeBase, top: int | None) -> Plan:
    from engagewiz.render.plan import build_plan

    return build_plan(result, kb, top=top or DEFAULT_TOP, countries=countries_for(kb))


def markdown(result: Assessment, kb: KnowledgeBase, top: int | None) -> str:
    from engagewiz.render import plan_md

    return plan_md.render(_plan(result, kb, top))


def html(result: Assessment, kb: KnowledgeBase, top: int | None) -> str:
    from engagewiz.render import plan_html

    return plan_html.render(_plan(result, kb, top))


def svg(result: Assessment, kb: KnowledgeBase, top: int | None) -> str:
    """The terminal report recorded by rich; the file is written by us, not by rich."""
    import io

    from rich.console import Console

    from engagewiz.render.terminal import render

    console = Console(record=True, width=SVG_WIDTH, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", highlight=False, emoji=False)
    render(result, kb, console, top=top or DEFAULT_TOP, compact=True)
    return console.export_svg(title="engagewiz")


def json(result: Assessment, kb: KnowledgeBase, top: int | None) -> str:
    from engagewiz.render.json_out import render

    return render(result, top)


EXPORTERS: dict[str, Exporter] = {".md": markdown, ".html": html, ".svg": svg, ".json": json}
