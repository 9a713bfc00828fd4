"""Commands that show the knowledge base: `template` and `mechanisms`."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from engagewiz.cli import common
from engagewiz.cli.app import app
from engagewiz.errors import InputError


@app.command()
def template(kb: common.KbOption = None) -> None:
    """Print an answers file to fill in: every question and choice."""
    from engagewiz.render.template import answers_template

    common.write_output(answers_template(common.load_kb(kb)), None)


@app.command()
def mechanisms(
    route_id: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[ID]", help="One route's id for its full entry.", show_default=False)] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="rich or json.")] = "rich",
    kb: common.KbOption = None,
) -> None:
    """List the routes of engagement, or show one in full."""
    from engagewiz.render import catalogue

    knowledge = common.load_kb(kb)
    if route_id is not None and knowledge.route(route_id) is None:
        import difflib

        close = difflib.get_close_matches(route_id, [m.id for m in knowledge.routes], n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; run 'engagewiz mechanisms'"
        raise InputError.one(f"unknown route '{route_id}'{hint}", key="ID")
    if format == "json":
        data = catalogue.to_dict(knowledge, route_id)
        common.write_output(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)
    elif format == "rich":
        from engagewiz.render.terminal import make_console

        catalogue.render(knowledge, route_id, make_console(common.plain_wanted(False)))
    else:
        raise InputError.one(f"expected rich or json, found {format!r}", key="--format")
