"""`engagewiz mechanisms`: the routes the knowledge base knows, listed or shown in full."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from engagewiz.core.model import KnowledgeBase, Note, Route
from engagewiz.render import sources
from engagewiz.render.layout import Indented, show


def _notes(notes: tuple[Note, ...]) -> list[dict[str, Any]]:
    return [{"text": n.text, "source": list(n.source)} for n in notes]


def entry(m: Route) -> dict[str, Any]:
    return {
        "id": m.id, "name": m.name, "body": m.body, "family": m.family, "summary": m.summary,
        "nature": m.nature, "kinds": list(m.kinds), "themes": list(m.themes),
        "individual": m.individual, "urgent": m.urgent, "exposure": m.exposure,
        "effort": m.effort, **m.texts, "source": list(m.source),
        "gates": [{"kind": g.kind, "rule": g.rule, "unblock": g.unblock, "check": g.check,
                   "source": list(g.source)} for g in m.gates],
        "cautions": _notes(m.cautions), "next_steps": _notes(m.next_steps),
        "follow_up": _notes(m.follow_up),
    }


def to_dict(kb: KnowledgeBase, route_id: str | None) -> Any:
    if route_id:
        m = kb.route(route_id)
        assert m is not None
        return entry(m) | {"sources": {k: sources.entry(kb.sources[k]) for k in m.source
                                       if k in kb.sources}}
    return [{"id": m.id, "name": m.name, "body": m.body, "family": m.family,
             "nature": m.nature, "effort": m.effort} for m in kb.routes]


def render(kb: KnowledgeBase, route_id: str | None, console: Console) -> None:
    if route_id is None:
        family = None
        for route in sorted(kb.routes, key=lambda r: (r.family, r.id)):
            if route.family != family:
                family = route.family
                console.print(f"\n[bold]{family.title()}[/bold]")
            console.print(f"  {route.id:<34} {escape(route.name)}")
        if kb.notes:
            console.print("\n[bold]Where nothing can be filed (notes in the result)[/bold]")
            for note in kb.notes:
                console.print(f"  {note.id}")
                show(console, Indented(Text(note.title), 4))
        console.print(f"\n{len(kb.routes)} routes. 'engagewiz mechanisms ID' shows one.")
        return
    m = kb.route(route_id)
    assert m is not None
    console.print(f"[bold]{escape(m.name)}[/bold] ({m.id})")
    console.print(f"{escape(m.body)} · {m.family} · {m.nature} · effort {m.effort}")
    console.print(escape(m.summary))
    for key, text in m.texts.items():
        console.print(f"[bold]{key.replace('_', ' ').capitalize()}:[/bold] {escape(text)}")
    console.print("[bold]Rules (gates):[/bold]")
    for g in m.gates:
        console.print(f"  - {escape(g.rule)} [dim]\\[{escape(', '.join(g.source))}][/dim]")
    for title, notes in (("Cautions", m.cautions), ("Next steps", m.next_steps),
                         ("Follow-up", m.follow_up)):
        if notes:
            console.print(f"[bold]{title}:[/bold]")
            for n in notes:
                console.print(f"  - {escape(n.text)} [dim]\\[{escape(', '.join(n.source))}][/dim]")
    console.print(f"[dim]Sources: {escape(', '.join(m.source))}. 'engagewiz sources KEY' "
                  "shows each one's citation and official address.[/dim]")
