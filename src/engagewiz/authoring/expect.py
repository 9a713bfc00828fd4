"""`expect:` in an answers file: the outcome a trainer signs, checked against every run.

Snapshots pin what the tool says; an expectation says what it must say, so refreshing a
snapshot can never silently accept wrong advice. An answers file (an example, a workshop
scenario) may carry one block; `assess` ignores it, `check` checks its ids against the
knowledge base, and the tests run every one:

    expect:
      urgent: [ecthr-interim-measures]     # urgent routes listed first; [] = no banner
      top3: [ecthr-interim-measures]       # among the first three recommended routes
      not_top3: [upr-advocacy-and-adoption]
      deadlines: [ecthr-application]       # its running time limit is listed at the top
      blocked: {cat-interim-measures: accepts_cat22}  # closed, by a gate of that kind or
                                                      # a rule that reads that question
      says: ["r39.echr.coe.int"]           # on screen and in the plan
      plan_says: ["Use the national implementation plan"]  # in the plan (advice only plans carry)
      never_says: ["co-organiser with ECOSOC status"]     # in neither
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engagewiz.core.conditions import tests
from engagewiz.core.model import Gate, KnowledgeBase
from engagewiz.core.results import BLOCKED, Assessment, RouteResult
from engagewiz.errors import InputError, Problem
from engagewiz.hints import did_you_mean
from engagewiz.kb.schema import ListOf, Obj, Text
from engagewiz.storage.answers import EXPECT

__all__ = ["EXPECT", "SPEC", "Expectation", "parse", "unmet"]
ROUTE_LISTS = ("urgent", "top3", "not_top3", "deadlines")
SPEC = Obj(
    {
        "urgent": ListOf(Text(), description="urgent routes that must be listed first; [] "
                         "means no urgent banner"),
        "top3": ListOf(Text(), description="routes that must be among the first three"),
        "not_top3": ListOf(Text(), description="routes that must not be among the first three"),
        "deadlines": ListOf(Text(), description="routes whose running time limit is listed"),
        "blocked": Obj({}, open_keys=Text("a gate kind, or a question its rule reads"),
                       description="route id: the rule that must close it"),
        "says": ListOf(Text(), description="words that must be on screen and in the plan"),
        "plan_says": ListOf(Text(), description="words that must be in the plan"),
        "never_says": ListOf(Text(), description="words that must appear in neither"),
    },
    description="the outcome a trainer signs for this answers file (docs/ranking.md)",
)


@dataclass(frozen=True)
class Expectation:
    urgent: tuple[str, ...] | None = None
    top3: tuple[str, ...] = ()
    not_top3: tuple[str, ...] = ()
    deadlines: tuple[str, ...] = ()
    blocked: Mapping[str, str] | None = None
    says: tuple[str, ...] = ()
    plan_says: tuple[str, ...] = ()
    never_says: tuple[str, ...] = ()


def parse(raw: Any, kb: KnowledgeBase) -> tuple[Expectation | None, list[tuple[tuple[Any, ...],
                                                                             str]]]:
    """The expectation and, for each problem, (key path under `expect`, message): unknown
    keys, route ids, and rules that no gate of the route has."""
    problems = [(path, message) for path, message in SPEC.check(raw, ())]
    if problems:
        return None, problems
    ids = {r.id for r in kb.routes}
    for name in ROUTE_LISTS:
        for i, rid in enumerate(raw.get(name) or []):
            if rid not in ids:
                problems.append(((name, i), f"unknown route '{rid}'" + _close(rid, ids)))
    for rid, rule in (raw.get("blocked") or {}).items():
        route = kb.route(rid)
        if route is None:
            problems.append((("blocked", rid), f"unknown route '{rid}'" + _close(rid, ids)))
            continue
        rules = _rules(kb, rid)
        if not rules:
            problems.append((("blocked", rid), f"'{rid}' has no rule that can close it"))
        elif rule not in rules:
            problems.append((("blocked", rid), f"no rule of '{rid}' is '{rule}'; expected one "
                             f"of {', '.join(sorted(rules))}"))
    if problems:
        return None, problems
    return Expectation(
        urgent=tuple(raw["urgent"]) if "urgent" in raw else None,
        **{name: tuple(raw.get(name) or ()) for name in ("top3", "not_top3", "deadlines")},
        blocked=dict(raw["blocked"]) if "blocked" in raw else None,
        **{name: tuple(raw.get(name) or ()) for name in ("says", "plan_says", "never_says")},
    ), []


def unmet(expect: Expectation, a: Assessment, kb: KnowledgeBase,
          texts: Mapping[str, str]) -> list[str]:
    """Every expectation the assessment does not meet, in words; `texts` are what the
    user reads, by place ("screen", "plan")."""
    return list(_unmet(expect, a, kb, texts))


def _unmet(expect: Expectation, a: Assessment, kb: KnowledgeBase,
           texts: Mapping[str, str]) -> Iterator[str]:
    ranked = [r.id for r in a.recommended]
    top = ranked[:3]
    urgent = [r.id for r in a.urgent]
    if expect.urgent is not None and not expect.urgent and (a.imminent_risk or urgent):
        yield f"no urgent banner expected; the result has one ({', '.join(urgent) or 'empty'})"
    for rid in expect.urgent or ():
        if rid not in urgent:
            yield f"{rid} should be an urgent route; urgent routes: {', '.join(urgent) or 'none'}"
    for rid in expect.top3:
        if rid not in top:
            where = f"#{ranked.index(rid) + 1}" if rid in ranked else _status(a, rid)
            yield f"{rid} should be in the top 3 ({', '.join(top)}); it is {where}"
    for rid in expect.not_top3:
        if rid in top:
            yield f"{rid} should not be in the top 3; it is #{top.index(rid) + 1}"
    running = [d.route for d in a.deadlines]
    for rid in expect.deadlines:
        if rid not in running:
            yield (f"{rid}'s time limit should be listed as running; listed: "
                   f"{', '.join(running) or 'none'}")
    for rid, rule in (expect.blocked or {}).items():
        closed = next((r for r in a.blocked if r.id == rid), None)
        if closed is None:
            yield f"{rid} should be blocked by {rule}; it is {_status(a, rid)}"
        elif rule not in _blocking(kb, closed):
            yield (f"{rid} should be blocked by {rule}; it is blocked by "
                   f"{', '.join(sorted(_blocking(kb, closed)))}")
    # Case does not count: --plain writes headings in capitals.
    flat = {place: " ".join(text.split()).casefold() for place, text in texts.items()}
    wanted = [(words, place) for words in expect.says for place in flat]
    wanted += [(words, "plan") for words in expect.plan_says]
    for words, place in wanted:
        if " ".join(words.split()).casefold() not in flat.get(place, ""):
            yield f"the {place} should say {words!r}"
    for words in expect.never_says:
        for place, text in flat.items():
            if " ".join(words.split()).casefold() in text:
                yield f"the {place} should never say {words!r}"


def _status(a: Assessment, rid: str) -> str:
    for name, routes in (("recommended", a.recommended), ("a weaker fit", a.other_open),
                         ("check first", a.check_first), ("blocked", a.blocked)):
        if rid in [r.id for r in routes]:
            return name
    return "not in the result"


def _rules(kb: KnowledgeBase, rid: str) -> set[str]:
    """How a rule of the route is named: its gate kinds and the questions its tests read;
    `reached_through` for a route reached through another."""
    route = kb.route(rid)
    assert route is not None
    named = {g.kind for g in route.gates} | {q for g in route.gates for q in _reads(g)}
    return named | ({"reached_through"} if route.reached_through else set())


def _reads(gate: Gate) -> set[str]:
    """The questions a gate's rule names: its test's, and a parameter naming one (an
    `in_force` gate's treaty, a `same_matter` gate's reservation)."""
    from engagewiz.kb.gatekinds import GATE_KINDS

    named = {str(gate.params[p]) for p, param in GATE_KINDS[gate.kind].params.items()
             if param.names_question and p in gate.params}
    return named | ({t.q for t in tests(gate.test)} if gate.test else set())


def _blocking(kb: KnowledgeBase, r: RouteResult) -> set[str]:
    route = kb.route(r.id)
    gates = route.gates if route else ()
    named: set[str] = set()
    for i, result in enumerate(r.gates):
        if result.status != BLOCKED:
            continue
        named.add(result.kind)
        if i < len(gates):
            named |= _reads(gates[i])
    return named


def _close(word: str, known: set[str]) -> str:
    return did_you_mean(word, sorted(known))



def check_files(kb: KnowledgeBase, paths: list[Path]) -> list[Problem]:
    """`check` on the answers files that come with a knowledge base (its scenarios): no
    key given twice, and each `expect:` block names routes and rules the knowledge base
    has."""
    from engagewiz.authoring.twice import twice_problems
    from engagewiz.storage import yamlfile
    from engagewiz.storage.limits import ANSWERS

    found: list[Problem] = []
    for path in paths:
        try:
            doc = yamlfile.document(path, ANSWERS)
        except InputError as exc:
            found += exc.problems
            continue
        found += twice_problems(doc)
        if not isinstance(doc.data, dict) or EXPECT not in doc.data:
            continue
        for keys, message in parse(doc.data[EXPECT], kb)[1]:
            where = (EXPECT, *keys)
            found.append(Problem(message, str(path), doc.line(where), yamlfile.dotted(where)))
    return found
