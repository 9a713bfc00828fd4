"""`assess --output PATH`: the result as a file, chosen by the file's suffix.

.md, .html and .pdf are engagement plans to hand out (or, with --brief or a file named
brief.*, the one-page brief); .svg is a 16:9 slide; .json is the scripting format. Every
file can hold answers about victims and risks, so each is written atomically and
readable by its owner only (0600).
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

Exporter = Callable[["Assessment", "KnowledgeBase", "int | None", "CountryData | None"],
                    "str | bytes"]
BRIEF = "brief"  # a file whose name starts with this holds the brief, not the plan


def wants_brief(path: Path) -> bool:
    return path.name.lower().startswith(BRIEF)


def write_export(result: Assessment, kb: KnowledgeBase, path: Path, top: int | None,
                 countries: CountryData | None, brief: bool = False) -> None:
    """`countries`: the data the assessment used (the caller found it; a renderer that
    looked for it itself once named another State than the JSON of the same run)."""
    table = BRIEFS if brief or wants_brief(path) else EXPORTERS
    exporter = table.get(path.suffix.lower())
    if exporter is None:
        what = "a brief" if table is BRIEFS else "a result"
        raise InputError.one(f"cannot write {what} as {path.suffix or 'a file without a suffix'}"
                             f"; expected one of {', '.join(table)}", str(path), key="--output")
    save_for_user(path, exporter(result, kb, top, countries))
    print(f"Wrote {path}", file=sys.stderr)


def _plan(result: Assessment, kb: KnowledgeBase, top: int | None,
          countries: CountryData | None) -> Plan:
    from engagewiz.render.plan import build_plan

    return build_plan(result, kb, top=top or DEFAULT_TOP, countries=countries)


def _brief(result: Assessment, kb: KnowledgeBase, top: int | None,
           countries: CountryData | None) -> Plan:
    from engagewiz.render.brief import build_brief

    return build_brief(result, kb, countries)


def _document(build: Callable[..., Plan], view: str) -> Exporter:
    """A plan or a brief as Markdown, HTML, or PDF (made from that same HTML)."""
    def export(result: Assessment, kb: KnowledgeBase, top: int | None,
               countries: CountryData | None) -> str | bytes:
        plan = build(result, kb, top, countries)
        if view == ".md":
            from engagewiz.render import plan_md

            return plan_md.render(plan)
        from engagewiz.render import plan_html

        html = plan_html.render(plan)
        if view == ".pdf":
            from engagewiz.render.pdf import to_pdf

            return to_pdf(html, one_page=plan.brief)
        return html
    return export


def svg(result: Assessment, kb: KnowledgeBase, top: int | None,
        countries: CountryData | None) -> str:
    """A 16:9 slide: who, where, the top routes and the time limits running."""
    from engagewiz.render.slide import render

    return render(result, kb, countries)


def json(result: Assessment, kb: KnowledgeBase, top: int | None,
         countries: CountryData | None) -> str:
    from engagewiz.render.json_out import render

    return render(result, kb.sources, top)


DOCUMENTS = (".md", ".html", ".pdf")
EXPORTERS: dict[str, Exporter] = {**{v: _document(_plan, v) for v in DOCUMENTS},
                                  ".svg": svg, ".json": json}
BRIEFS: dict[str, Exporter] = {v: _document(_brief, v) for v in DOCUMENTS}
