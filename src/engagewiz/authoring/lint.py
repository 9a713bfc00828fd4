"""`engagewiz check`, past the loader: mistakes that load fine but make the tool wrong.

The loader (kb/build) already rejects what is malformed: the shapes, unknown ids, sources,
choices and route attributes, and the questions the code reads by name.
What remains loads without complaint and fails silently at run time: a scoring rule that
matches no route, a theme spelled differently from the question's choice, a question
nothing reads, a condition that can never be true (authoring/search). Each finding says where
(file, line, key) and what to do, because the reader knows YAML, not Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engagewiz.authoring.asking import asking_findings
from engagewiz.authoring.citations import lint_sources, lint_wording
from engagewiz.authoring.describe import describe_match, word
from engagewiz.authoring.index import Site, readers, rule_can_apply, sites
from engagewiz.authoring.locate import MECHANISMS, QUESTIONS, TEXTS, Finding, Locator, to_problems
from engagewiz.authoring.search import Space, dont_know_not_offered, reach_findings
from engagewiz.authoring.unasked import unasked_findings
from engagewiz.core.conditions import tests
from engagewiz.core.model import (
    EFFORTS,
    EXPOSURES,
    FAMILIES,
    FLAGS,
    NATURES,
    ROUTE_KINDS,
    Consideration,
    KnowledgeBase,
)
from engagewiz.core.qids import THEMES
from engagewiz.errors import KeyPath, Problem
from engagewiz.hints import did_you_mean, suggest

if TYPE_CHECKING:
    from engagewiz.core.texts import FactRow
    from engagewiz.kb.countries import CountryData

UNREAD_OK = ("country", "text")  # read by the country prefill, or shown in the report


def lint(kb: KnowledgeBase, folder: Path,
         countries: CountryData | None = None) -> list[Problem]:
    """Every problem `check` finds in the knowledge base loaded from `folder`, with file
    and line. Country checks need the country data; without it they are skipped."""
    where = Locator(kb, folder)
    kb_sites = list(sites(kb))  # listed once: a scoring rule's site tries it on every route
    space = Space(kb)
    findings = [
        *_sections(where), *_questions(kb, where, countries, kb_sites), *asking_findings(kb),
        *_duplicate_ids(where),
        *_scoring(kb, where), *_routes(kb, where), *reach_findings(kb, space, where, kb_sites),
        *unasked_findings(kb, space, where),
        *_country_rows(kb, countries),
        *lint_sources(where), *lint_wording(where),
    ]
    return to_problems(findings, where.files)


def _sections(where: Locator) -> Iterator[Finding]:
    raw = where.raw_q.get("sections") or []
    used = {q.get("section") for q in where.raw_q.get("questions") or []}
    first: dict[str, int] = {}
    for i, section in enumerate(raw):
        sid = section.get("id")
        if sid in first:
            yield Finding(QUESTIONS, ("sections", i, "id"), f"duplicate section id '{sid}' "
                          f"(first at sections[{first[sid]}]); give each section its own id")
            continue
        first[sid] = i
        if sid not in used:
            yield Finding(QUESTIONS, ("sections", i), f"section '{sid}' has no questions; "
                          f"add questions with `section: {sid}`, or remove the section")


def _questions(kb: KnowledgeBase, where: Locator, countries: CountryData | None,
               kb_sites: list[Site]) -> Iterator[Finding]:
    raw = where.raw_q.get("questions") or []
    read = readers(kb, kb_sites)
    for i, question in enumerate(kb.questions):
        at = ("questions", i)
        if question.type in ("choice", "multi"):
            for k, choice in enumerate(question.choices):
                if not choice.help.strip():
                    yield Finding(QUESTIONS, (*at, "choices", k), f"choice '{choice.value}' of "
                                  f"'{question.id}' has no help text; add `help:` saying in a "
                                  "sentence when to pick it")
        yield from _unknown_sources(kb, _keys(raw[i].get("source")), QUESTIONS, (*at, "source"))
        if question.id not in read and question.type not in UNREAD_OK:
            yield Finding(QUESTIONS, (*at, "id"), f"nothing reads the answer to '{question.id}': "
                          "no `when`, gate, consideration, caution or scoring rule tests it; "
                          "test it somewhere, or remove the question")
        if question.prefill and countries is not None and not _is_fact(question.id, countries):
            yield Finding(QUESTIONS, (*at, "prefill"), f"'{question.id}' has `prefill: true`, "
                          "but the country data has no fact of that name, so it is never "
                          "filled in; remove `prefill`, or use a fact's name as the question's id "
                          "(the names under `facts` in countries.json)")
    yield from _tested_values(kb, where, countries, kb_sites)


def _is_fact(name: str, countries: CountryData) -> bool:
    """A fact of some State. The country data gives every State the same facts, so this
    decodes one State rather than all 195 (decoding them all took a third of `check`)."""
    return any(name in country.facts for country in countries)


def _tested_values(kb: KnowledgeBase, where: Locator, countries: CountryData | None,
                   kb_sites: list[Site]) -> Iterator[Finding]:
    """Values the loader cannot judge: "don't know" where it is not offered, and States,
    which a test on a `country` question must name by ISO 3166 alpha-3 code."""
    for site in kb_sites:
        role, path = where.site(site)
        for test in dict.fromkeys(tests(site.condition)):
            if dont_know_not_offered(test, kb):
                yield Finding(role, path, where.say(site.route, f"{test.q} does not offer "
                              "\"Don't know\": remove dont_know from the test, or add "
                              "`dont_know: true` to the question"))
            question = kb.question(test.q)
            if countries is None or question is None or question.type != "country" \
                    or test.op == "answered":
                continue
            for value in test.values:
                if str(value) not in countries:
                    found = countries.search(str(value))
                    hint = suggest([found.iso3] if found else [])
                    yield Finding(role, path, where.say(site.route, f"unknown country "
                                  f"'{value}' in a test on '{test.q}': use an ISO 3166 "
                                  f"alpha-3 code such as KEN{hint}"))


def _country_rows(kb: KnowledgeBase, countries: CountryData | None) -> Iterator[Finding]:
    """Each row of the country view (texts.yaml) names a fact the country data has."""
    view = kb.texts.country
    rows: list[tuple[KeyPath, FactRow]] = [
        (("country", "un_treaties", i, part), row) for i, t in enumerate(view.un_treaties)
            for part, row in (("row", t.row), ("procedure", t.procedure)) if row is not None]
    rows += [(("country", "regional", i, "rows", k), row)
             for i, system in enumerate(view.regional) for k, row in enumerate(system.rows)]
    rows += [((*path, "declarations", k), d) for path, row in list(rows)
             for k, d in enumerate(row.declarations)]
    for path, row in rows:
        if countries and not _is_fact(row.fact, countries):
            facts = sorted({key for c in countries for key in c.facts})
            yield Finding(TEXTS, (*path, "fact"), f"the country data has no fact '{row.fact}', "
                          "so this row always reads unknown; use a name under `facts` in "
                          "countries.json" + did_you_mean(row.fact, facts))


def _duplicate_ids(where: Locator) -> Iterator[Finding]:
    """Scoring rules and templates are named in messages and `explain`: ids must be unique."""
    for name in ("scoring", "templates"):
        first: dict[str, int] = {}
        for i, item in enumerate(where.raw_m.get(name) or []):
            rid = item.get("id") if isinstance(item, dict) else None
            if rid and rid in first:
                yield Finding(MECHANISMS, (name, i, "id"), f"duplicate id '{rid}' (first at "
                              f"{name}[{first[rid]}]); give each its own id")
            elif rid:
                first[rid] = i


def _scoring(kb: KnowledgeBase, where: Locator) -> Iterator[Finding]:
    for i, rule in enumerate(kb.scoring):
        at: KeyPath = ("scoring", i)
        wrong = list(_matchers(kb, rule, at))
        yield from wrong
        yield from _no_effect(rule, at)
        if not wrong and not any(rule_can_apply(rule, m, kb) for m in kb.routes):
            wanted = "; ".join([*([describe_match(rule.route, kb)] if rule.route else []),
                                *([describe_match(rule.not_route, kb, "except routes with")]
                                  if rule.not_route else [])])
            yield Finding(MECHANISMS, (*at, "route"), f"this scoring rule selects no route "
                          f"(it wants {wanted}, and there are none), so it never counts; "
                          "compare with `engagewiz mechanisms ID`")


def _routes(kb: KnowledgeBase, where: Locator) -> Iterator[Finding]:
    themes = _theme_values(kb)
    for route in kb.routes:
        if themes:
            for k, theme in enumerate(route.themes):
                if theme not in themes:
                    yield Finding(MECHANISMS, where.part(route, ("themes", k)), where.say(
                        route, f"unknown theme '{theme}'; expected one of "
                        + ", ".join(sorted(themes)) + did_you_mean(theme, themes)))
        if route.urgent and not route.act_now:
            yield Finding(MECHANISMS, where.part(route, ("urgent",)), where.say(
                route, "an urgent route is listed first when someone is at imminent risk, "
                "with what to do in the next 48 hours: add `act_now` (a list of texts with "
                "`source`), or set `urgent: false`"))
        for c, rule in enumerate(route.considerations):
            at = where.part(route, ("considerations", c))
            found = list(_matchers(kb, rule, at))
            yield from (f._replace(message=where.say(route, f.message)) for f in found)
            yield from (f._replace(message=where.say(route, f.message))
                        for f in _no_effect(rule, at))
            if not found and not rule_can_apply(rule, route, kb):
                yield Finding(MECHANISMS, at, where.say(route, "this consideration's `route:` "
                              "or `not_route:` excludes its own route, so it never counts"))


def _no_effect(rule: Consideration, at: KeyPath) -> Iterator[Finding]:
    if rule.points == 0:
        yield Finding(MECHANISMS, (*at, "points"), "points: 0 changes nothing; give points "
                      "from -10 to 10 (not 0), or remove the rule")


def _matchers(kb: KnowledgeBase, rule: Consideration, at: KeyPath) -> Iterator[Finding]:
    """`route:` and `not_route:` name route attributes, with values those attributes take."""
    for name, match in (("route", rule.route), ("not_route", rule.not_route)):
        for attribute, expected in (match or {}).items():
            path = (*at, name, attribute)
            allowed = _attribute_values(kb, attribute)
            if isinstance(expected, dict):
                yield from _answer_matcher(kb, expected["answer"], attribute, allowed, path)
            else:
                for value in expected if isinstance(expected, list) else [expected]:
                    if value not in allowed:
                        shown = word(value)
                        yield Finding(MECHANISMS, path, f"'{shown}' is not a value of route "
                                      f"attribute '{attribute}'; expected one of "
                                      + ", ".join(map(word, allowed))
                                      + did_you_mean(shown, [word(a) for a in allowed]))


def _answer_matcher(kb: KnowledgeBase, qid: str, attribute: str, allowed: list[Any],
                    path: KeyPath) -> Iterator[Finding]:
    """The loader has checked the shape and that the question exists."""
    question = kb.question(qid)
    if question is not None and question.choices and not set(question.values()) & set(allowed):
        yield Finding(MECHANISMS, path, f"no answer of '{qid}' is a value of route attribute "
                      f"'{attribute}', so this never matches; compare the choices of '{qid}' "
                      f"with {', '.join(map(word, allowed))}")


def _attribute_values(kb: KnowledgeBase, attribute: str) -> list[Any]:
    """The values a route attribute can take (the loader accepts no other attribute)."""
    if attribute in FLAGS:
        return [True, False]
    if attribute == "themes":
        return sorted(_theme_values(kb) or {t for m in kb.routes for t in m.themes})
    return list({"id": tuple(m.id for m in kb.routes), "family": FAMILIES, "nature": NATURES,
                 "kinds": ROUTE_KINDS, "effort": EFFORTS, "exposure": EXPOSURES}[attribute])


def _theme_values(kb: KnowledgeBase) -> set[str]:
    """Route themes are the choices of the `themes` question (if the KB asks it), or any."""
    question = kb.question(THEMES)
    return {c.value for c in question.choices} | {"any"} if question else set()


def _unknown_sources(kb: KnowledgeBase, keys: Iterable[Any], role: str,
                     path: KeyPath) -> Iterator[Finding]:
    for key in keys:
        if key not in kb.sources:
            yield Finding(role, path, f"unknown source '{key}'"
                          + did_you_mean(str(key), kb.sources)
                          + "; add it under `sources:` in mechanisms.yaml, or use a listed key")


def _keys(raw: Any) -> list[Any]:
    return [] if raw is None else raw if isinstance(raw, list) else [raw]


