"""`engagewiz country`: what is open for one State, at a glance.

Thin on purpose: it finds the State (or fails with exit 2 and the closest names, since a
misspelt State is the commonest mistake) and hands the rest to render/country.py.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from engagewiz.cli import common, options
from engagewiz.cli.app import app
from engagewiz.errors import InputError
from engagewiz.hints import suggest


@app.command()
def country(
    name: Annotated[str, typer.Argument(
        metavar="STATE", show_default=False,
        help="The State: a name ('Kenya', 'Ivory Coast') or an ISO code (KEN or KE).")],
    format: options.FormatOption = common.Format.rich,
    plain: options.PlainOption = False,
    kb: options.KbOption = None,
    today: options.TodayOption = None,
) -> None:
    """What a State has accepted: treaties, complaints, regions, UPR.

    Under each treaty or complaint procedure, the State's reservations and opt-outs that
    decide a route (same matter, time limits, inquiries, visits), quoted, with their
    source and date. Unknown facts are shown as unknown, with where to check; dates that
    are computed (the next UPR review) are marked as estimates.
    """
    from rich.console import Group
    from rich.markup import escape

    from engagewiz.render import country as view
    from engagewiz.textsafe import quoted, visible

    data = common.load_countries(kb)
    if data is None:
        raise InputError.one("no country data (countries.json) in the knowledge base",
                             key="--kb")
    found = data.find(name)
    if found is None:
        close = data.suggest(name)
        hint = suggest(close, "; give a State's name (e.g. Kenya) or its ISO code (KEN or KE)")
        raise InputError.one(f"unknown country {quoted(name)}{hint}")
    state = data.get(found.iso3) if found.iso3 else None
    if state is None:  # a place no State covers: its note says what applies
        raise InputError.one(found.note)
    from engagewiz.core.declared import declared
    from engagewiz.core.notes import for_country

    knowledge = common.load_kb(kb)
    rows = knowledge.texts.country
    result = view.to_dict(data, state, common.today(today), rows,
                          for_country(knowledge, state), declared(rows, state))
    if format is common.Format.json:
        if found.note:
            print(f"engagewiz: note: {visible(found.note)}", file=sys.stderr)
        common.write_json(result)
        return
    from engagewiz.render.layout import show
    from engagewiz.render.terminal import make_console

    plain = common.plain_wanted(plain)
    console = make_console(plain)
    if found.note:
        console.print(f"Note: {escape(found.note)}\n")
    show(console, Group(*view.render(result, plain)))  # once: rich measures the screen once
