"""`engagewiz tree`: the interview as a tree (terminal) or a flowchart (Mermaid).

The terminal tree answers the trainer's questions "when is this asked?" and "what does
this answer change?": sections, questions with their `when` in words, and under each
answer the routes whose gates or score it can change. The Mermaid chart is for documents
and slides: sections as boxes, an arrow from each question to those whose `when` reads it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from rich.markup import escape
from rich.tree import Tree

from engagewiz.authoring.describe import describe
from engagewiz.authoring.index import ANY, effects
from engagewiz.core.conditions import All, Condition, tests
from engagewiz.core.model import KnowledgeBase, Question

SHOWN_ROUTES = 6  # beyond this, "and N more": a line must fit a projector


def _sections(kb: KnowledgeBase, only: str | None) -> Iterator[tuple[str, str, list[Question]]]:
    for section in kb.sections:
        if only is None or section.id == only:
            yield section.id, section.title, [q for q in kb.questions if q.section == section.id]


def rich_tree(kb: KnowledgeBase, section: str | None = None, *,
              unreachable: Collection[str]) -> Tree:
    """`unreachable`: the questions whose `when` can never be true (the search of
    authoring.search finds them; `engagewiz check` says why)."""
    index, dead = effects(kb), set(unreachable)
    root = Tree(f"[bold]Knowledge base {escape(kb.version)}[/bold]: {len(kb.questions)} "
                f"questions, {len(kb.routes)} routes")
    for sid, title, questions in _sections(kb, section):
        branch = root.add(f"[bold]{escape(title)}[/bold] [dim]({sid})[/dim]")
        for q in questions:
            flags = ", ".join([q.type, *(["prefill"] if q.prefill else [])])
            mark = " [red]UNREACHABLE (see engagewiz check)[/red]" if q.id in dead else ""
            node = branch.add(f"[bold cyan]{q.id}[/bold cyan] [dim]({flags})[/dim] "
                              f"{escape(q.text)}{mark}")
            if q.when is not None:
                node.add(f"[yellow]asked if[/yellow] {escape(describe(q.when, kb))}")
            per_value = index.get(q.id, {})
            for choice_value in (*q.values(), ANY) if q.choices else (ANY,):
                routes = per_value.get(choice_value, {})
                if choice_value == ANY and not routes and q.choices:
                    continue
                label = "any answer" if choice_value == ANY else \
                    f"{choice_value}: {escape(q.label(choice_value))}"
                node.add(f"{label} [green]->[/green] {_routes(routes)}")
    return root


def _routes(routes: dict[str, set[str]]) -> str:
    if not routes:
        return "[dim]no route[/dim]"
    shown = [f"{r} ({'+'.join(sorted(how))})" for r, how in sorted(routes.items())]
    more = len(shown) - SHOWN_ROUTES
    return escape(", ".join(shown[:SHOWN_ROUTES]) + (f" and {more} more" if more > 0 else ""))


def mermaid(kb: KnowledgeBase, section: str | None = None, *,
            unreachable: Collection[str]) -> str:
    """A Mermaid flowchart: paste it into a Markdown file or a slide tool."""
    dead = set(unreachable)
    lines = ["flowchart TD"]
    shown: set[str] = set()
    for sid, title, questions in _sections(kb, section):
        lines.append(f'  subgraph {_node("s", sid)}["{_quote(title)}"]')
        for q in questions:
            lines.append(f'    {_node("q", q.id)}["{q.id}<br/>{_quote(_short(q.text))}"]')
            shown.add(q.id)
        lines.append("  end")
    for q in kb.questions:
        if q.when is None or q.id not in shown:
            continue
        for source, label in _edges(q.when):
            if source in shown:
                arrow = f'-->|"{_quote(label)}"|' if label else "-->"
                lines.append(f"  {_node('q', source)} {arrow} {_node('q', q.id)}")
    if dead & shown:
        lines.append("  classDef unreachable stroke:#c00,stroke-width:3px,stroke-dasharray:6 3")
        lines += [f"  class {_node('q', qid)} unreachable" for qid in sorted(dead & shown)]
    return "\n".join(lines) + "\n"


def _edges(when: Condition) -> Iterator[tuple[str, str]]:
    """(question read, label) per question a `when` reads; a label only when one part of
    the `when` reads that question alone, so the arrow's words are the whole truth."""
    parts = when.parts if isinstance(when, All) else (when,)
    labels: dict[str, list[str]] = {}
    for part in parts:
        read = list(dict.fromkeys(t.q for t in tests(part)))
        for qid in read:
            labels.setdefault(qid, []).append(describe(part) if len(read) == 1 else "")
    for qid, texts in labels.items():
        yield qid, " and ".join(texts) if all(texts) else ""


def _node(prefix: str, name: str) -> str:
    """A Mermaid node id: prefixed (so `end` is no keyword), letters, digits and _ only."""
    return f"{prefix}_{re.sub(r'[^A-Za-z0-9_]', '_', name)}"


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _quote(text: str) -> str:
    """Mermaid labels sit in double quotes; entity codes stand for the characters that
    would end them or be read as markup."""
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
