"""The stable JSON that scripts rely on (shape documented in README, "Scripting")."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from engagewiz import __version__
from engagewiz.core.results import (
    Assessment,
    GateResult,
    NoteResult,
    RouteResult,
    RunningLimit,
)

FORMAT_VERSION = 1


def _gate(g: GateResult, *fields: str) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": g.kind, "rule": g.rule, "detail": g.detail}
    out.update({f: getattr(g, f) for f in fields})
    out["source"] = list(g.source)
    return out


def route(r: RouteResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": r.id, "name": r.name, "body": r.body, "family": r.family, "nature": r.nature,
        "effort": r.effort, "status": r.status, "score": r.score,
        "reasons": [{"points": x.points, "text": x.text, "source": list(x.source)}
                    for x in r.reasons],
        "cautions": [{"text": a.text, "source": list(a.source)} for a in r.cautions],
        "next_steps": [{"text": a.text, "source": list(a.source)} for a in r.next_steps],
        "follow_up": [{"text": a.text, "source": list(a.source)} for a in r.follow_up],
        "deadlines": [d._asdict() for d in r.deadlines],
        "who": r.texts.get("who", ""),
    }
    if r.act_now:
        out["act_now"] = [{"text": a.text, "source": list(a.source)} for a in r.act_now]
    via = [g.via for g in r.gates if g.via]
    if via:
        out["open_via"] = via[0]
    if r.status == "unknown":
        out["check"] = [_gate(g, "check") for g in r.gates_with("unknown")]
    if r.status == "blocked":
        out["blocked_by"] = [_gate(g, "unblock") for g in r.gates_with("blocked")]
    return out


def limit(d: RunningLimit) -> dict[str, Any]:
    return {"route": d.route, "name": d.name, "status": d.status, "last_day": d.last_day,
            "days_left": d.days_left, "soon": d.soon, "counted": d.label, "rule": d.rule,
            "source": list(d.source)}


def urgent(r: RouteResult) -> dict[str, Any]:
    """An urgent route in brief: what to do in the next 48 hours (in full under its list)."""
    out: dict[str, Any] = {"id": r.id, "name": r.name, "status": r.status,
                           "act_now": [{"text": a.text, "source": list(a.source)}
                                       for a in r.act_now]}
    if r.status == "unknown":
        out["check"] = [_gate(g, "check") for g in r.gates_with("unknown")]
    return out


def note(n: NoteResult) -> dict[str, Any]:
    """Where nothing can be filed, with the routes that fill the gap and their standing."""
    return {"id": n.id, "title": n.title, "text": n.text, "check": n.check or None,
            "source": list(n.source),
            "instead": [{"id": x.id, "name": x.name, "status": x.status or None,
                         "recommended": x.recommended} for x in n.instead]}


def to_dict(a: Assessment, top: int | None = None) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "engagewiz": __version__,
        "kb_version": a.kb_version,
        "today": a.today,
        "notices": list(a.notices),
        "upr_estimate": a.upr_estimate or None,
        "imminent_risk": a.imminent_risk,
        "urgent": [urgent(r) for r in a.urgent],
        "deadlines": [limit(d) for d in a.deadlines],
        "notes": [note(n) for n in a.notes],
        "recommended": [route(r) for r in a.recommended[:top]],
        "other_open": [route(r) for r in a.other_open],
        "check_first": [route(r) for r in a.check_first],
        "blocked": [route(r) for r in a.blocked],
        "prefilled": [asdict(p) for p in a.prefilled],
        "answers": a.answers,
    }


def render(a: Assessment, top: int | None = None, *, pretty: bool = True) -> str:
    """Indented for people; compact for pipes, where the C encoder is ten times faster."""
    return json.dumps(to_dict(a, top), indent=2 if pretty else None, ensure_ascii=False) + "\n"
