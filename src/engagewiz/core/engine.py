"""assess(kb, answers): every route judged by its gates, scored by its considerations.

Pure and deterministic: no I/O, no prompts, no clock unless `today` is left out. The same
answers give the same ranking in the same order, which is what snapshot tests rely on.
The order itself (urgent, time limits, score, dependencies) is `ranking`'s.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from engagewiz.core import gates, ranking
from engagewiz.core.conditions import frozen
from engagewiz.core.interview import effective, walked
from engagewiz.core.model import AdviceKind, Consideration, KnowledgeBase, Note, Route
from engagewiz.core.notes import system_notes
from engagewiz.core.prefill import with_country_facts
from engagewiz.core.reach import out_of_region
from engagewiz.core.results import (
    BLOCKED,
    OPEN,
    UNKNOWN,
    Advice,
    Assessment,
    GateResult,
    RouteResult,
    Said,
    Scored,
    Status,
)
from engagewiz.core.routematch import may_apply
from engagewiz.core.safety import safety_advice

if TYPE_CHECKING:
    from engagewiz.core.memo import Judgements, Judging
    from engagewiz.kb.countries import CountryData


def assess(
    kb: KnowledgeBase,
    answers: Mapping[str, Any],
    *,
    today: date | None = None,
    countries: CountryData | None = None,
) -> Assessment:
    today = today or date.today()
    # Answers to questions that do not apply (nhri_status from an NGO, a decision date
    # with an appeal pending) are dropped, as the interview drops them: every way in, the
    # interview, an answers file, demo or compare, then gives the same result.
    filled = with_country_facts(kb, effective(kb, answers), countries, today)
    ctx = gates.Context(kb, filled.answers, today, filled.provenance, filled.facts)
    asked = walked(kb, ctx.answers)
    urgent = ranking.imminent(ctx.answers)
    memo = _memo(kb, countries)
    ranked = _ranked(kb, _judged(kb, ctx, asked, memo), urgent, memo)
    return Assessment(
        kb_version=kb.version,
        today=today.isoformat(),
        answers=filled.answers,
        recommended=ranked.recommended,
        other_open=ranked.other_open,
        check_first=ranked.check_first,
        blocked=ranked.blocked,
        prefilled=filled.prefilled,
        notices=filled.notices,
        upr_estimate=filled.upr_estimate,
        imminent_risk=urgent,
        urgent=ranked.urgent,
        deadlines=ranked.deadlines,
        safety=safety_advice(kb, asked, (*ranked.recommended, *ranked.check_first)),
        follow_up=kb.texts.plan.follow_up_for(asked),
        urgent_advice=kb.texts.urgent.for_case(bool(ranked.urgent), asked) if urgent else (),
        notes=system_notes(kb, ctx.answers, ranked.results,
                           (r.id for r in ranked.recommended)),
    )


def _memo(kb: KnowledgeBase, countries: CountryData | None) -> Judgements | None:
    """The knowledge base's memo (core/memo.py); None for its first assessment: a scripted
    run makes one, and filling a memo it never reads cost it 1% of its instructions."""
    if "judgements" not in kb.memos:
        kb.memos["judgements"] = None
        return None
    from engagewiz.core.memo import for_kb

    return for_kb(kb, countries)


def _ranked(kb: KnowledgeBase, judged: list[RouteResult], urgent: bool,
            memo: Judgements | None) -> ranking.Ranked:
    """The judged routes in the order of the rule (`ranking.rank`), remembered by which
    judgements they are: most assessments of a neighbouring case judge every route as one
    before did (the same remembered objects), and ranking them was a third of the rest. The
    entry keeps the judgements it names alive, so no other object can take their ids."""
    if memo is None:
        return ranking.rank(judged, kb, urgent)
    key = (urgent, *map(id, judged))
    found = memo.rankings.get(key)
    if found is None:
        found = memo.store(memo.rankings, key, (judged, ranking.rank(judged, kb, urgent)))
    return found[1]


def _judged(kb: KnowledgeBase, ctx: gates.Context, asked: Mapping[str, Any],
            memo: Judgements | None) -> list[RouteResult]:
    """Every route judged, or its judgement remembered from an assessment where what it
    reads was the same (core/memo.py says what the key covers, and why). The global rules
    that count for a route are added to its own judgement, so a change in them (an urgent
    case) does not make every route judged again. Without a memo (the first assessment
    with a knowledge base, the only one of a scripted run) each route is judged."""
    if memo is None:
        counted = _counting(kb, ctx.answers, None, _fired(kb, ctx.answers))
        return [_with(kb, _judged_afresh(route, kb, ctx, asked), counted.get(route.id, ()))
                for route in kb.routes]
    tokens = memo.tokens(ctx.answers, asked, ctx.provenance)
    shared = memo.shared_getter(tokens)
    found_rules = memo.shared.get(shared)
    if found_rules is None:  # a new case: which rules hold is decided, and seldom new
        fired = _fired(kb, ctx.answers)
        holding = (fired, memo.matched_getter(tokens))
        found_rules = memo.counted.get(holding)
        if found_rules is None:
            found_rules = memo.store(memo.counted, holding,
                                     _counting(kb, ctx.answers, memo, fired))
        memo.store(memo.shared, shared, found_rules)
    out = []
    by_day = memo.DATED
    for route, getter, own, full, judging in memo.slots:
        rules = found_rules.get(route.id, ())
        if getter is None or judging is None:  # nothing says what it reads: judged afresh
            out.append(_with(kb, _judged_afresh(route, kb, ctx, asked), rules))
            continue
        key = getter(tokens)
        judged = own.get(key)
        if judged is None or judged is by_day:  # new, or remembered for some days only
            found, at = memo.find(own, key, ctx.today)
            if found is None:
                found, dated = _judged_again(route, kb, ctx, asked, memo, tokens, judging)
                memo.keep(own, key, at, found, dated, ctx.today)
            judged = found
        if rules:  # by the identity of the own judgement: the entry keeps it alive
            at = (id(judged), rules)
            found = full.get(at)
            if found is None:
                found = memo.store(full, at, (judged, _with(kb, judged, rules)))
            judged = found[1]
        out.append(judged)
    return out


def _judged_again(route: Route, kb: KnowledgeBase, ctx: gates.Context,
                  asked: Mapping[str, Any], memo: Judgements, tokens: Mapping[str, Hashable],
                  judging: Judging) -> tuple[RouteResult, bool]:
    """A route judged again, its gates remembered one by one and its considerations and
    advice together: a new day or answer seldom changes them all. A new key mostly judges
    to gate results and a rest seen before (a route's key holds every answer it may read):
    the judgement made from those same objects is found by their identities. Also whether
    a gate read the day, so the judgement holds for this day alone (`memo.find`)."""
    gate_slots, (rest_key, rests), made, values = judging
    results = []
    dated = False
    for gate, (gate_key, table) in zip(route.gates, gate_slots, strict=True):
        key = gate_key(tokens)
        result, at = memo.find(table, key, ctx.today)
        if result is None:
            read = len(ctx.days_read)
            result = memo.canonical(values, gates.evaluate(gate, ctx))
            counted = len(ctx.days_read) > read
            memo.keep(table, key, at, result, counted, ctx.today)
        else:
            counted = at is not key  # remembered for this day
        dated = dated or counted
        results.append(result)
    at = rest_key(tokens)
    rest = rests.get(at)
    if rest is None:
        rest = _rest(route, ctx.answers, asked)
        # by the identities of its parts (the knowledge base's own records, which live as
        # long as it does): hashing the records themselves cost more than it saved
        rest = memo.store(rests, at, memo.canonical(values, rest, (
            *[tuple(map(id, part)) for part in rest[:-1]], rest[-1])))
    key = (id(rest), *map(id, results))
    found = made.get(key)
    if found is None:  # the entry keeps the objects named by its key alive
        found = memo.store(made, key, (rest, results, _judge(route, kb, tuple(results),
                                                              rest)))
    judged: RouteResult = found[2]
    return judged, dated


def _with(kb: KnowledgeBase, judged: RouteResult, rules: tuple[int, ...]) -> RouteResult:
    """A route's own judgement with the global scoring rules that count for it first."""
    if not rules:
        return judged
    shared = [kb.scoring[j] for j in rules]
    # judged._replace(score=..., reasons=...), without its cost (a fifth of a miss's)
    return tuple.__new__(RouteResult, (*judged[:_SCORE], judged.score + sum(
        [r.points for r in shared]), (*shared, *judged.reasons), *judged[_REASONS + 1:]))


_SCORE, _REASONS = RouteResult._fields.index("score"), RouteResult._fields.index("reasons")
assert _REASONS == _SCORE + 1


def _fired(kb: KnowledgeBase, answers: Mapping[str, Any]) -> tuple[int, ...]:
    """The global scoring rules whose `when` holds, among those that may select a route
    (their indices in `kb.scoring`). A rule's `when` reads only answers: it is decided
    once, not once per route. The memo keeps the rules that count for each route by these
    and the answers their matchers read, which many more cases share than the answers."""
    return tuple([i for i, (rule, routes) in enumerate(zip(kb.scoring, kb.rule_routes,
                                                           strict=True))
                  if routes and rule.when.evaluate(answers) is True])


def _counting(kb: KnowledgeBase, answers: Mapping[str, Any], memo: Judgements | None,
              fired: tuple[int, ...]) -> dict[str, tuple[int, ...]]:
    """The global scoring rules that count (their indices in `kb.scoring`, in the order of
    the file), by route id: of those `fired`, each for the routes its matcher selects
    (only those it may select are visited, `KnowledgeBase.rule_routes`)."""
    found: dict[str, list[int]] = {}
    for i in fired:
        for route in _selected(kb, i, answers, memo):
            found.setdefault(route.id, []).append(i)
    return {rid: tuple(rules) for rid, rules in found.items()}


def _selected(kb: KnowledgeBase, i: int, answers: Mapping[str, Any],
              memo: Judgements | None) -> tuple[Route, ...]:
    """The routes scoring rule `i` selects. Its matchers read one answer at most (the
    themes), so the choice is remembered by that answer's value (matching every route once
    per rule and assessment cost 8% of an assessment's instructions)."""
    rule = kb.scoring[i]
    if memo is None:
        return tuple(route for route, depends in kb.rule_routes[i]
                     if not depends or _selects(rule, route, answers))
    key = (i, *[frozen(answers.get(q)) for q in memo.rule_reads[i]])
    found = memo.selections.get(key)
    if found is None:
        found = memo.store(memo.selections, key, _selected(kb, i, answers, None))
    return found


def _judged_afresh(route: Route, kb: KnowledgeBase, ctx: gates.Context,
                   asked: Mapping[str, Any]) -> RouteResult:
    return _judge(route, kb, tuple([gates.evaluate(g, ctx) for g in route.gates]),
                  _rest(route, ctx.answers, asked))


# What a route's considerations and advice say for these answers: its reasons, its
# cautions, next steps, follow-up and acts for the next 48 hours, and whether it fits the
# issue. Apart from its gates, so that a new day or a gate's answer leaves it remembered.
Rest = tuple[tuple[Scored, ...], tuple[Note, ...], tuple[Note, ...], tuple[Note, ...],
             tuple[Note, ...], bool]


def _rest(route: Route, answers: Mapping[str, Any], asked: Mapping[str, Any]) -> Rest:
    return (tuple([c for c in route.considerations
                   if c.when.evaluate(answers) is True and _selects(c, route, answers)]),
            _advice(route, "cautions", asked), _advice(route, "next_steps", asked),
            _advice(route, "follow_up", asked), _advice(route, "act_now", asked),
            ranking.fits_issue(route, answers))


def _judge(mechanism: Route, kb: KnowledgeBase, gate_results: tuple[GateResult, ...],
           rest: Rest) -> RouteResult:
    """The route's own judgement from its gates' results and what its considerations and
    advice say (`_rest`); the global scoring rules are added by `_with`."""
    statuses = [g.status for g in gate_results]
    status: Status = BLOCKED if BLOCKED in statuses else UNKNOWN if UNKNOWN in statuses else OPEN
    reasons, advised, next_steps, follow_up, act_now, fits = rest
    cautions: tuple[Said, ...] = advised
    via = [g for g in gate_results if g.via and g.status == OPEN]
    if via:  # open through a partner: say how to find one, from the gate's own words
        cautions = (Advice(f"Open via {via[0].via}. {via[0].unblock} Agree the text, the "
                           "speaker and the credit with them early.", via[0].source), *cautions)
    # What a gate that does not block still asks of the user (an exception to substantiate,
    # a withdrawal about to take effect) comes before the route's own cautions.
    said = tuple(Advice(g.caution, g.source) for g in gate_results
                 if g.caution and g.status != BLOCKED)
    cautions = (*dict.fromkeys(said), *cautions)
    return RouteResult(
        id=mechanism.id, name=mechanism.name, body=mechanism.body, family=mechanism.family,
        nature=mechanism.nature, effort=mechanism.effort, status=status,
        score=sum([r.points for r in reasons]), reasons=reasons, gates=gate_results,
        cautions=cautions, next_steps=next_steps, follow_up=follow_up, texts=mechanism.texts,
        urgent=mechanism.urgent, fits=fits, act_now=act_now,
        out_of_region=status == BLOCKED and out_of_region(mechanism, gate_results, kb),
    )


def _advice(route: Route, kind: AdviceKind, answers: Mapping[str, Any]) -> tuple[Note, ...]:
    """Advice shows unless its condition is certainly false: when unsure, warn."""
    notes: tuple[Note, ...] = getattr(route, kind)
    if kind not in route.conditional_advice:
        return notes
    return tuple([n for n in notes if n.when is None or n.when.evaluate(answers) is not False])


def _selects(rule: Consideration, mechanism: Route, answers: Mapping[str, Any]) -> bool:
    """Does the rule's `route:` / `not_route:` pick this route (given these answers)?"""
    return (rule.route is None and rule.not_route is None) or may_apply(rule, mechanism,
                                                                      answers) is True
