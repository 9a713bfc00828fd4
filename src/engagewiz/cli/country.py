"""`engagewiz country`: what is open for one State, at a glance.

Thin on purpose: it finds the State (or fails with exit 2 and the closest names, since a
misspelt State is the commonest mistake) and hands the rest to render/country.py.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from engagewiz.cli import common
from engagewiz.cli.app import app
from engagewiz.errors import InputError


@app.command()
def country(
    name: Annotated[str, typer.Argument(
        metavar="NAME|ISO", show_default=False,
        help="The State: a name ('Kenya', 'Ivory Coast') or an ISO code (KEN or KE).")],
    format: common.FormatOption = common.Format.rich,
    plain: Annotated[bool, typer.Option(help="No colour, no box characters.")] = False,
    kb: common.KbOption = None,
    today: common.TodayOption = None,
) -> None:
    """What a State has accepted: treaties, complaints, regions, UPR.

    Unknown facts are shown as unknown, with where to check; dates that are computed (the
    next UPR review) are marked as estimates.
    """
    from engagewiz.render import country as view

    data = common.load_countries(kb)
    if data is None:
        raise InputError.one("no country data (countries.json) in the knowledge base",
                             key="--kb")
    found = data.search(name)
    if found is None:
        close = data.suggest(name)
        hint = (f"; did you mean {', '.join(close)}?" if close else
                "; give a State's name (e.g. Kenya) or its ISO code (KEN or KE)")
        raise InputError.one(f"unknown country '{name}'{hint}", key="NAME|ISO")
    result = view.to_dict(data, found, common.today(today), common.load_kb(kb).texts.country)
    if format is common.Format.json:
        common.write_output(json.dumps(result, indent=2, ensure_ascii=False) + "\n", None)
        return
    from engagewiz.render.terminal import make_console

    plain = common.plain_wanted(plain)
    console = make_console(plain)
    for item in view.render(result, plain):
        console.print(item)
