"""`engagewiz explain ID`: everything that decides one route, with its weight and source.

What a trainer shows when asked "why did it say that?": the hard rules (gates) and every
consideration that can move the score, the route's own and the shared scoring rules
whose `route:` selects it, each in words and with the source it rests on. One dict feeds
both the terminal and `--format json`, so the two never tell different stories.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape

from engagewiz.authoring.describe import describe, describe_match
from engagewiz.authoring.index import rule_can_apply
from engagewiz.core.model import Consideration, Gate, KnowledgeBase, Route
from engagewiz.core.routematch import may_apply
from engagewiz.kb.gatekinds import GATE_KINDS
from engagewiz.render.layout import Page


def explanation(kb: KnowledgeBase, route: Route, *, max_score: int) -> dict[str, Any]:
    """The route's gates and considerations as plain data (the JSON output as is).
    `max_score`: the most the route can score (authoring.search.max_score finds it)."""
    rules = [_consideration(kb, c, route, None) for c in route.considerations]
    rules += [_consideration(kb, c, route, i) for i, c in enumerate(kb.scoring)
              if rule_can_apply(c, route, kb)]
    keys = dict.fromkeys([*route.source, *(k for g in route.gates for k in g.source),
                          *(k for c in rules for k in c["source"])])
    return {
        "id": route.id, "name": route.name, "body": route.body, "family": route.family,
        "nature": route.nature, "effort": route.effort, "summary": route.summary,
        "template": route.template,
        "gates": [_gate(kb, g) for g in route.gates],
        "considerations": rules,
        "max_score": max_score,
        "cautions": [{"text": n.text, "when": describe(n.when, kb) if n.when else None,
                      "source": list(n.source)} for n in route.cautions],
        "sources": [{"key": k, "title": kb.sources[k].title,
                     "citation": kb.sources[k].citation, "url": kb.sources[k].link}
                    for k in keys if k in kb.sources],
    }


def _gate(kb: KnowledgeBase, gate: Gate) -> dict[str, Any]:
    if gate.test is not None:
        opens = describe(gate.test, kb)
    else:
        opens = GATE_KINDS[gate.kind].opens_when
        details = ", ".join(f"{k}: {v if not isinstance(v, list) else ', '.join(map(str, v))}"
                            for k, v in gate.params.items())
        opens += f" ({details})" if details else ""
    return {"kind": gate.kind, "rule": gate.rule, "opens_when": opens,
            "unblock": gate.unblock, "check": gate.check, "source": list(gate.source)}


def _consideration(kb: KnowledgeBase, rule: Consideration, route: Route,
                   index: int | None) -> dict[str, Any]:
    """A route's own consideration (index None) or the shared scoring rule `index`."""
    matcher = [describe_match(m, kb) for m in (rule.route,) if m is not None]
    matcher += [describe_match(m, kb, "except routes with") for m in (rule.not_route,) if m]
    return {
        "from": "route" if index is None else "scoring",
        "id": rule.id or (None if index is None else f"scoring[{index}]"),
        "points": rule.points, "if": describe(rule.when, kb), "reason": rule.text,
        "applies_to": "; ".join(matcher) or None,
        "depends_on_answers": may_apply(rule, route) is None,
        "source": list(rule.source),
    }


def render(data: dict[str, Any], console: Console) -> None:
    page = Page()

    def p(markup: str = "", indent: int = 0, style: str = "", hang: int | None = None) -> None:
        """One paragraph; continuation lines keep an indent (`hang`), and no line ends in
        padding spaces (the output is pasted into documents)."""
        page.say(markup, indent, hang, style)

    named = {s["key"]: s["title"] for s in data["sources"]}

    def titles(keys: list[str]) -> str:
        return "; ".join(named.get(k, k) for k in keys)

    p(f"[bold]{escape(data['name'])}[/bold] ({data['id']})")
    p(f"{escape(data['body'])} · {data['family']} · {data['nature']} · effort {data['effort']}")
    p(escape(data["summary"]))
    p()
    gates = data["gates"]
    p("[bold]Gates[/bold]: hard rules; every one must be open" if gates else
      "[bold]Gates[/bold]: none; the route is open to everyone")
    for n, g in enumerate(gates, 1):
        p(f"{n}. [bold]{g['kind']}[/bold]: {escape(g['rule'])}", 2, hang=5)
        p(f"open when: {escape(g['opens_when'])}", 5)
        p(f"if blocked: {escape(g['unblock'])}", 5)
        p(f"where to check: {escape(g['check'])}", 5)
        p(f"source: {escape(titles(g['source']))}", 5, "dim")
    p()
    p(f"[bold]Score[/bold]: considerations that add or take away points (at most "
      f"{data['max_score']:+d} here; recommended routes need more than 0)")
    if not data["considerations"]:
        p("none: nothing can give this route points", 2)
    for c in sorted(data["considerations"], key=lambda c: -c["points"]):
        p(f"[cyan]{c['points']:+d}[/cyan] if {escape(c['if'])}", 2, hang=5)
        p(escape(c["reason"]), 5)
        origin = "this route" if c["from"] == "route" else f"scoring rule {c['id']}"
        if c["applies_to"]:
            origin += f", for {c['applies_to']}"
            origin += " (depends on your answers)" if c["depends_on_answers"] else ""
        p(f"from {escape(origin)} · source: {escape(titles(c['source']))}", 5, "dim")
    if data["cautions"]:
        p()
        p("[bold]Cautions[/bold]: shown with the route")
        for c in data["cautions"]:
            when = f" (when {c['when']})" if c["when"] else ""
            p(f"! {escape(c['text'])}{escape(when)}", 2, hang=4)
    p()
    p("[bold]Sources[/bold]")
    for s in data["sources"]:
        p(f"{s['key']}: {escape(s['citation'])} ({escape(s['url'])})", 2, hang=4)
    page.show(console)
