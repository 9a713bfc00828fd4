"""`engagewiz sources [KEY]`: the documents the knowledge base cites, and where.

The screen shows a short mark per reason and short titles under the result; a lawyer
follows a mark here, to the official title, the provision, the address or UN symbol, and
the routes that rest on it. Whether the address was seen in an official copy, and whether
the provision is only close to the text first read, is said too: check before relying.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from engagewiz.core.model import KnowledgeBase, Route, Source
from engagewiz.render.layout import Indented, show


def _route_keys(route: Route) -> set[str]:
    keys = set(route.source)
    for part in (route.gates, route.considerations, route.cautions, route.next_steps,
                 route.follow_up, route.act_now):
        for item in part:
            keys.update(item.source)
    return keys


def cited_by(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Source key -> the routes (by id) and shared scoring rules that cite it."""
    out: dict[str, list[str]] = {key: [] for key in kb.sources}
    for route in kb.routes:
        for key in _route_keys(route):
            out.setdefault(key, []).append(route.id)
    for i, rule in enumerate(kb.scoring):
        for key in rule.source:
            out.setdefault(key, []).append(f"scoring rule {rule.id or i}")
    return out


def entry(source: Source, cited: list[str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"key": source.key, "title": source.title,
                           "citation": source.citation, "url": source.link,
                           "symbol": source.symbol or None, "verified": source.verified,
                           "approximate": source.approximate}
    if cited is not None:
        out["cited_by"] = cited
    return out


def to_dict(kb: KnowledgeBase, key: str | None) -> Any:
    cited = cited_by(kb)
    if key is not None:
        return entry(kb.sources[key], cited[key])
    return [entry(s) for s in sorted(kb.sources.values(), key=lambda s: s.key)]


def render(data: Any, console: Console) -> None:
    def say(markup: str, hang: int = 2) -> None:
        show(console, Indented(Text.from_markup(markup), 0, hang))

    if isinstance(data, list):
        width = max((len(s["key"]) for s in data), default=0)
        for s in data:  # one line each, so the list can be searched with grep
            console.print(f"{s['key']:<{width}}  {escape(s['title'])}", soft_wrap=True)
        console.print(f"\n{len(data)} sources. 'engagewiz sources KEY' shows one in full.")
        return
    say(f"[bold]{escape(data['title'])}[/bold] ({data['key']})")
    say(escape(data["citation"]))
    if data["symbol"]:
        say(f"UN document symbol: {escape(data['symbol'])}")
    console.print(f"Official address: {escape(data['url'])}", soft_wrap=True)  # one line, to click
    if _home_page(data["url"]):
        say("This is the publisher's home page, not the document: find it there by the title "
            "and provision above.")
    if not data["verified"]:
        say("[yellow]The address has not been checked against the official site: confirm "
            "it before you cite it.[/yellow]")
    if data["approximate"]:
        say("[yellow]The provision covers the point but is not the text first read: re-read "
            "it before you rely on it.[/yellow]")
    routes = data["cited_by"]
    say(f"Cited by: {escape(', '.join(routes))}" if routes else
        "Cited by no route or scoring rule (the interview or the plan texts may cite it).")


def _home_page(url: str) -> bool:
    """A site's front page (no path, no query): the citation names the document, and the
    reader must find it from there (docs/sources.md: the page itself, when it is known)."""
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query
