"""Commands that show the knowledge base: `template` and `mechanisms`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from engagewiz.cli import common
from engagewiz.cli.app import app


@app.command()
def template(kb: common.KbOption = None) -> None:
    """Print an answers file to fill in: every question and choice."""
    from engagewiz.render.template import answers_template

    common.write_output(answers_template(common.load_kb(kb)), None)


@app.command()
def mechanisms(
    route_id: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[ID]", help="One route's id for its full entry.", show_default=False)] = None,
    format: common.FormatOption = common.Format.rich,
    kb: common.KbOption = None,
) -> None:
    """List the routes of engagement, or show one in full."""
    from engagewiz.render import catalogue

    knowledge = common.load_kb(kb)
    if route_id is not None and knowledge.route(route_id) is None:
        raise common.unknown_route(route_id, knowledge)
    if format is common.Format.json:
        common.write_json(catalogue.to_dict(knowledge, route_id))
    else:
        from engagewiz.render.terminal import make_console

        catalogue.render(knowledge, route_id, make_console(common.plain_wanted(False)))
