"""The stable JSON that scripts rely on (shape documented in README, "Scripting").

Every sourced item carries `source` (its keys); the top-level `sources` maps each key cited
anywhere in the output to its short title, its official citation (title and provision) and
the address a reader opens, so a script or a lawyer reading the JSON needs nothing else to
follow a reason to its text. One table rather than a copy in each item: a result cites the
same few sources over a thousand times (format 1 repeated them, two thirds of 900 KB).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from engagewiz import __version__
from engagewiz.core.model import Source
from engagewiz.core.record import values
from engagewiz.core.results import (
    Assessment,
    GateResult,
    NoteResult,
    RouteResult,
    RunningLimit,
    Said,
)

FORMAT_VERSION = 2
Cite = Callable[[tuple[str, ...]], dict[str, Any]]


def citer() -> tuple[Cite, set[str]]:
    """`cite(keys)` gives `{"source": keys}` and notes the keys, which the set collects
    for the top-level table. Made once for each list of keys; callers copy the mapping
    into their own and never change the list."""
    made: dict[tuple[str, ...], dict[str, Any]] = {}
    cited: set[str] = set()

    def cite(keys: tuple[str, ...]) -> dict[str, Any]:
        if keys not in made:
            made[keys] = {"source": list(keys)}
            cited.update(keys)
        return made[keys]
    return cite, cited


def table(sources: Mapping[str, Source], keys: set[str]) -> dict[str, dict[str, str]]:
    """The cited sources by key, sorted so two results diff cleanly."""
    return {k: {"title": s.title, "citation": s.citation, "url": s.link}
            for k, s in ((k, sources[k]) for k in sorted(keys) if k in sources)}


def _said(items: tuple[Said, ...], cite: Cite) -> list[dict[str, Any]]:
    return [{"text": x.text, **cite(x.source)} for x in items]


def _gate(g: GateResult, cite: Cite, *fields: str) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": g.kind, "rule": g.rule, "detail": g.detail}
    out.update({f: getattr(g, f) for f in fields})
    out.update(cite(g.source))
    return out


def route(r: RouteResult, cite: Cite) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": r.id, "name": r.name, "body": r.body, "family": r.family, "nature": r.nature,
        "effort": r.effort, "status": r.status, "score": r.score,
        "reasons": [{"points": x.points, "text": x.text, **cite(x.source)} for x in r.reasons],
        "cautions": _said(r.cautions, cite),
        "next_steps": _said(r.next_steps, cite),
        "follow_up": _said(r.follow_up, cite),
        "deadlines": [d._asdict() for d in r.deadlines],
        "who": r.texts.get("who", ""),
    }
    if r.act_now:
        out["act_now"] = _said(r.act_now, cite)
    via = [g.via for g in r.gates if g.via]
    if via:
        out["open_via"] = via[0]
    if r.status == "unknown":
        out["check"] = [_gate(g, cite, "check") for g in r.gates_with("unknown")]
    if r.status == "blocked":
        out["blocked_by"] = [_gate(g, cite, "unblock") for g in r.gates_with("blocked")]
    return out


def limit(d: RunningLimit, cite: Cite) -> dict[str, Any]:
    return {"route": d.route, "name": d.name, "status": d.status, "last_day": d.last_day,
            "days_left": d.days_left, "soon": d.soon, "counted": d.label, "rule": d.rule,
            **cite(d.source)}


def urgent(r: RouteResult, cite: Cite) -> dict[str, Any]:
    """An urgent route in brief: what to do in the next 48 hours (in full under its list)."""
    out: dict[str, Any] = {"id": r.id, "name": r.name, "status": r.status,
                           "act_now": _said(r.act_now, cite)}
    if r.status == "unknown":
        out["check"] = [_gate(g, cite, "check") for g in r.gates_with("unknown")]
    return out


def note(n: NoteResult, cite: Cite) -> dict[str, Any]:
    """Where nothing can be filed, with the routes that fill the gap and their standing."""
    return {"id": n.id, "title": n.title, "text": n.text, "check": n.check or None,
            **cite(n.source),
            "instead": [{"id": x.id, "name": x.name, "status": x.status or None,
                         "recommended": x.recommended} for x in n.instead]}


def to_dict(a: Assessment, sources: Mapping[str, Source],
            top: int | None = None) -> dict[str, Any]:
    cite, cited = citer()
    out: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "engagewiz": __version__,
        "kb_version": a.kb_version,
        "today": a.today,
        "notices": list(a.notices),
        "upr_estimate": a.upr_estimate or None,
        "imminent_risk": a.imminent_risk,
        "urgent": [urgent(r, cite) for r in a.urgent],
        "deadlines": [limit(d, cite) for d in a.deadlines],
        "notes": [note(n, cite) for n in a.notes],
        "recommended": [route(r, cite) for r in a.recommended[:top]],
        "other_open": [route(r, cite) for r in a.other_open],
        "check_first": [route(r, cite) for r in a.check_first],
        "blocked": [route(r, cite) for r in a.blocked],
        "prefilled": [values(p) for p in a.prefilled],
        "answers": a.answers,
    }
    out["sources"] = table(sources, cited)
    return out


def render(a: Assessment, sources: Mapping[str, Source], top: int | None = None, *,
           pretty: bool = True) -> str:
    """Indented for people; compact for pipes, where the C encoder is ten times faster.
    `to_dict` makes a tree (shared lists at most), so nothing is checked for cycles."""
    return json.dumps(to_dict(a, sources, top), indent=2 if pretty else None,
                      ensure_ascii=False, check_circular=False) + "\n"
