"""Commands that show the knowledge base: `template`, `mechanisms` and `sources`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from engagewiz.cli import common, options
from engagewiz.cli.app import app


@app.command()
def template(kb: options.KbOption = None) -> None:
    """Print an answers file to fill in: every question and choice."""
    from engagewiz.render.template import answers_template

    common.write_output(answers_template(common.load_kb(kb)), None)


@app.command()
def mechanisms(
    route_id: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[ID]", help="One route's id for its full entry.", show_default=False)] = None,
    format: options.FormatOption = common.Format.rich,
    kb: options.KbOption = None,
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


@app.command()
def sources(
    key: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        metavar="[KEY]", help="One source's key (the key after a title under a result).",
        show_default=False)] = None,
    format: options.FormatOption = common.Format.rich,
    kb: options.KbOption = None,
) -> None:
    """The documents the advice cites, or one in full with its address."""
    from engagewiz.render import sources as render_sources

    knowledge = common.load_kb(kb)
    if key is not None and key not in knowledge.sources:
        raise common.unknown_source(key, knowledge)
    data = render_sources.to_dict(knowledge, key)
    if format is common.Format.json:
        common.write_json(data)
    else:
        from engagewiz.render.terminal import make_console

        render_sources.render(data, make_console(common.plain_wanted(False)))
