"""An Assessment turned into an engagement plan: plain sections, parts and sourced lines.

The Markdown and HTML plans are two views of this one structure, so they cannot drift
apart (no copy-paste twins): everything the plan *says* is decided here, and the two
renderers only decide how it *looks*. Sources become numbered footnotes in order of first
use, so a printed page can carry the evidence without cluttering every line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from engagewiz import __version__
from engagewiz.core import interview
from engagewiz.core.qids import COUNTRY, ORG_TYPE
from engagewiz.core.ranking import SOON_DAYS
from engagewiz.core.results import BLOCKED, UNKNOWN, Assessment, RouteResult, Safety, Said, Status
from engagewiz.render import DEFAULT_TOP
from engagewiz.render.footnotes import Entry, Footnotes
from engagewiz.storage.answers import dump_answers

if TYPE_CHECKING:
    from engagewiz.core.model import KnowledgeBase
    from engagewiz.kb.countries import CountryData

BLOCKED_SHOWN = 6  # blocked or check-first routes listed in full; the rest are counted
CHECK_THE_DATES = ("Check the dates: no deadline could be worked out from your answers; "
                   "confirm the current ones on the body's own web page before you start.")
DISCLAIMER = ("engagewiz gives guidance, not legal advice. Rules, dates and ratifications "
              "change: check each rule and deadline with the body (and with a lawyer before "
              "filing a complaint) before you act.")


Tone = Literal["", "deadline", "check", "warning"]  # how a renderer highlights a line
SectionKind = Literal["", "urgent", "deadlines", "notes", "glance", "route", "check", "blocked",
                      "safety", "follow-up", "steps", "outro"]

_URL = re.compile(r"https?://[^\s<>\"']+")
_TRAILING = ".,;:)]"  # sentence punctuation after an address is not part of it


def urls(text: str) -> list[tuple[bool, str]]:
    """`text` cut into (is it a web address, piece), so each view can make links of them."""
    out: list[tuple[bool, str]] = []
    last = 0
    for found in _URL.finditer(text):
        url = found.group().rstrip(_TRAILING)
        end = found.start() + len(url)
        out += [(False, text[last:found.start()]), (True, url)]
        last = end
    out.append((False, text[last:]))
    return [(is_url, piece) for is_url, piece in out if piece]


@dataclass(frozen=True)
class Line:
    """One sentence or list item. `tone` lets a renderer highlight deadlines and warnings."""

    text: str
    refs: tuple[int, ...] = ()  # footnote numbers into Plan.sources
    label: str = ""             # a short lead-in shown in bold: "Deadline", "To open it"
    tone: Tone = ""


@dataclass(frozen=True)
class Part:
    title: str
    lines: tuple[Line, ...]
    ordered: bool = False       # numbered steps rather than bullets


@dataclass(frozen=True)
class Section:
    title: str
    parts: tuple[Part, ...]
    kind: SectionKind = ""
    number: int | None = None   # routes are numbered sections
    meta: str = ""              # "Committee against Torture · expert · effort high"
    intro: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Plan:
    title: str
    subtitle: str
    situation: tuple[tuple[str, str], ...]
    notices: tuple[str, ...]
    sections: tuple[Section, ...]
    sources: tuple[Entry, ...]
    answers_yaml: str
    disclaimer: str
    top_route: str              # the name of the first recommended route, or ""
    about: str = ""             # "for a torture-rehabilitation centre in Georgia, 1 ..."
    brief: bool = False         # the one-page brief: no situation block, no answers


def build_plan(a: Assessment, kb: KnowledgeBase, *, top: int = DEFAULT_TOP,
               countries: CountryData | None = None) -> Plan:
    ref = Footnotes(kb.sources)
    country = countries.get(str(a.answers.get(COUNTRY, ""))) if countries else None
    routes = a.recommended[:top]
    upr_text = a.upr_estimate
    sections = [s for s in (_urgent(a, ref), _limits(a, ref), _system_notes(a, ref)) if s]
    sections += [_glance(routes, len(a.recommended))] if routes else [Section(
        "No route fits well yet", (), "glance", intro=(Line(
            "None of the open routes matches your goal well. The routes under 'Check first' "
            "below may open with one more answer."),))]
    sections += [_route(i, r, kb, ref, upr_text) for i, r in enumerate(routes, 1)]
    sections += [s for s in (_pending(a, ref, UNKNOWN), _pending(a, ref, BLOCKED)) if s]
    if a.safety is not None:
        sections.append(_safety(a, a.safety, routes, ref))
    if kb.texts.plan.follow_up:
        sections.append(_follow_up(a, kb, ref))
    return Plan(
        title="Engagement plan",
        about=about(a, kb, country.name if country else None),
        subtitle=subtitle(a),
        situation=_situation(a.answers, kb, country.name if country else None),
        notices=_notices(a),
        sections=tuple(sections),
        sources=ref.entries(),
        answers_yaml=answers_yaml(a, kb),
        disclaimer=DISCLAIMER,
        top_route=routes[0].name if routes else "",
    )


def about(a: Assessment, kb: KnowledgeBase, country_name: str | None) -> str:
    """"for a torture-rehabilitation centre in Georgia, 1 December 2026": a printed plan, a
    PDF or a browser tab says whose it is and when it was made."""
    org, value = kb.question(ORG_TYPE), a.answers.get(ORG_TYPE)
    who = org.label(value) if org is not None and value is not None else ""
    if who[:2] in ("A ", "An"):
        who = who[0].lower() + who[1:]
    where = country_name or str(a.answers.get(COUNTRY) or "")
    day = date.fromisoformat(a.today)
    words = (f"for {who}" if who else "") + (f" in {where}" if where else "")
    return f"{words.strip()}, {day.day} {day:%B} {day.year}".lstrip(", ")


def subtitle(a: Assessment) -> str:
    return (f"Prepared {a.today} with engagewiz {__version__} (knowledge base "
            f"{a.kb_version}). Guidance, not legal advice.")


def answers_yaml(a: Assessment, kb: KnowledgeBase) -> str:
    """The user's own answers, re-runnable with --answers; country facts are re-filled."""
    from_data = {p.question for p in a.prefilled if not p.overridden}
    own = {k: v for k, v in interview.effective(kb, a.answers).items() if k not in from_data}
    header = ("# engagewiz answers. Save this block as answers.yaml and re-run with:\n"
              "#   engagewiz assess --answers answers.yaml --output plan.html\n"
              "# Facts about the State are filled in again from the country data.\n")
    return dump_answers(own, kb, header)


def _situation(answers: Mapping[str, Any], kb: KnowledgeBase,
               country_name: str | None) -> tuple[tuple[str, str], ...]:
    out = []
    for qid, label in kb.texts.plan.situation:
        question, value = kb.question(qid), answers.get(qid)
        if question is None or value is None:
            continue
        shown = country_name if qid == COUNTRY and country_name else question.label(value)
        out.append((label, shown))
    return tuple(out)


def _notices(a: Assessment) -> tuple[str, ...]:
    notes = list(a.notices)
    if a.prefilled:
        mine = [p.question for p in a.prefilled if p.overridden]
        notes.append(f"Facts about the State ({len(a.prefilled)} answers) come from "
                     f"{a.data_sources()}" + (f"; you corrected {len(mine)} of them."
                                                   if mine else "."))
    return tuple(notes)


def _urgent(a: Assessment, ref: Footnotes) -> Section | None:
    """First of all, when someone is at imminent risk: what to do in the next 48 hours."""
    if not a.imminent_risk:
        return None
    intro = tuple(Line(n.text, ref(n.source), tone="warning") for n in a.urgent_advice)
    parts = []
    for r in a.urgent:
        lines = [Line(s.text, ref(s.source), "Next 48 hours") for s in r.act_now]
        lines += [Line(g.check, ref(g.source), "Check first", "check")
                  for g in r.gates_with(UNKNOWN)]
        parts.append(Part(r.name, tuple(lines)))
    return Section("Urgent: someone is at imminent risk", tuple(parts), "urgent", intro=intro)


def _limits(a: Assessment, ref: Footnotes) -> Section | None:
    """Every running time limit, soonest first, whatever the number of routes shown."""
    if not a.deadlines:
        return None
    lines = tuple(Line(f"{d.days_left} days left: {d.name}"
                       + (" (check first)" if d.status == UNKNOWN else "") + f". {d.rule}",
                       ref(d.source), d.last_day, "deadline" if d.soon else "")
                  for d in a.deadlines)
    return Section("Time limits running", (Part("Last day to file, soonest first", lines),),
                   "deadlines")


def _system_notes(a: Assessment, ref: Footnotes) -> Section | None:
    """What does not exist for this State or case, and which routes fill the gap."""
    if not a.notes:
        return None
    parts = tuple(Part(n.title, tuple(
        [Line(n.text, ref(n.source))]
        + ([Line("; ".join(f"{x.name} ({x.standing})" for x in n.instead) + ".",
                 label="Routes that fill the gap")] if n.instead else [])
        + ([Line(n.check, label="Where to check", tone="check")] if n.check else [])))
        for n in a.notes)
    return Section("Where nothing can be filed", parts, "notes")


def _glance(routes: tuple[RouteResult, ...], fitting: int) -> Section:
    lines = []
    for route in routes:
        first = min((g.deadline for g in route.running if g.deadline),
                    key=lambda d: d.last_day, default=None)
        when = f"; deadline {first.last_day}, {first.days_left} days left" if first else ""
        lines.append(Line(f"{route.name} (effort {route.effort}{when})",
                          tone="deadline" if first and first.days_left < SOON_DAYS else ""))
    parts = [Part("Routes to take, best first", tuple(lines), True)]
    if fitting > len(routes):
        parts.append(Part("", (Line(f"{fitting - len(routes)} more route(s) fit your answers; "
                                    "'engagewiz assess --top all' lists every one."),)))
    return Section("At a glance", tuple(parts), "glance")


def _route(number: int, r: RouteResult, kb: KnowledgeBase, ref: Footnotes,
           upr_text: str) -> Section:
    mechanism = kb.route(r.id)
    intro = (Line(mechanism.summary, ref(mechanism.source)),) if mechanism else ()
    parts = [
        Part("Why it fits", tuple(Line(x.text, ref(x.source)) for x in r.reasons
                                  if x.points > 0)),
        Part("Who can use it", (Line(r.texts["who"]),) if r.texts.get("who") else ()),
        Part("Requirements met", tuple(Line(g.detail or g.rule, ref(g.source),
                                            g.rule.rstrip(".")) for g in r.gates)),
        Part("Weigh against", tuple(Line(x.text, ref(x.source)) for x in r.reasons
                                    if x.points < 0)),
        Part("Dates and deadlines", _dates(r, ref, upr_text)),
        Part("Effort", (Line(r.effort.capitalize() + "." + (
            f" {r.texts['timeline']}" if r.texts.get("timeline") else "")),)),
        Part("Next steps", tuple(Line(s.text, ref(s.source)) for s in r.next_steps), True),
        Part("Watch out", tuple(Line(c.text, ref(c.source), tone="warning")
                                for c in r.cautions)),
        Part("Once the body has spoken", tuple(Line(f.text, ref(f.source))
                                               for f in r.follow_up)),
    ]
    return Section(r.name, tuple(p for p in parts if p.lines), "route", number,
                   f"{r.body} · {r.nature} · effort {r.effort}", intro)


def _dates(r: RouteResult, ref: Footnotes, upr_text: str) -> tuple[Line, ...]:
    """Computed deadlines first; where a date is not known, say to check it, never guess."""
    lines = []
    for g in r.gates:
        if g.deadline is not None:
            d = g.deadline
            lines.append(Line(f"{d.last_day}, {d.days_left} days left ({d.label}).",
                              ref(g.source), "Last day to file", "deadline"))
        elif g.kind == "time_limit":
            lines.append(Line(g.detail, ref(g.source), "Check the dates", "check"))
    if r.texts.get("time_limits"):
        lines.append(Line(r.texts["time_limits"], label="Time limits"))
    if upr_text and r.is_upr:
        lines.append(Line(upr_text, label="Next review", tone="check"))
    if not r.deadlines:
        lines.append(Line(CHECK_THE_DATES, tone="check"))
    return tuple(lines)


def _pending(a: Assessment, ref: Footnotes,
             status: Status) -> Section | None:
    """Check-first or blocked routes that fit the goal, with what would open each."""
    pool = a.check_first if status == UNKNOWN else a.blocked
    fitting = a.worth_opening(status)
    if not fitting:
        return None
    parts = []
    for r in fitting[:BLOCKED_SHOWN]:
        lines: list[Line] = []
        for g in r.gates_with(status):
            lines.append(Line(f"{g.rule} {g.detail}".strip(), ref(g.source),
                              "Check" if status == UNKNOWN else "Blocked"))
            if status == UNKNOWN:
                lines.append(Line(g.check, label="Where to check"))
            else:
                lines.append(Line(g.unblock, label="To open it"))
        parts.append(Part(r.name, tuple(lines)))
    rest = len(pool) - len(parts)
    word = "check-first" if status == UNKNOWN else "blocked"
    outro = (Line(f"{rest} other {word} route(s) fit your answers less, or belong to a "
                  "regional system your State is not part of; 'engagewiz assess' lists them "
                  "all."),) if rest else ()
    if status == UNKNOWN:
        return Section("Check first: routes one answer could open", (*parts, Part("", outro)),
                       "check")
    return Section("Blocked routes, and what would open them", (*parts, Part("", outro)),
                   "blocked")


def _safety(a: Assessment, safety: Safety, routes: tuple[RouteResult, ...],
            ref: Footnotes) -> Section:
    def lines(notes: tuple[Said, ...], tone: Tone = "") -> list[Line]:
        return [Line(n.text, ref(n.source), tone=tone) for n in notes]

    intro = []
    if safety.answer:
        label, value = safety.answer
        intro.append(Line(f"{label}: {(value or 'not assessed').lower()}.",
                          label="Your answer", tone="warning"))
    intro += lines(safety.intro) + lines(safety.warnings, "warning")
    names = {r.id: r.name for r in a.all_routes()}
    protect = lines(safety.protect)
    if safety.confidential_routes:
        protect.append(Line("Confidential routes open to you or to check: " + "; ".join(
            names[rid] for rid in safety.confidential_routes) + "."))
    per_route = tuple(
        Line(" ".join(r.texts[k] for k in ("confidentiality", "reprisals") if r.texts.get(k)),
             label=r.name)
        for r in routes if r.texts.get("confidentiality") or r.texts.get("reprisals"))
    parts = (Part("Protect the people involved", tuple(protect)),
             Part("Your routes", per_route),
             Part("If reprisals happen", tuple(lines(safety.reprisals))))
    return Section("Staying safe", tuple(p for p in parts if p.lines), "safety",
                   intro=tuple(intro))


def _follow_up(a: Assessment, kb: KnowledgeBase, ref: Footnotes) -> Section:
    texts = kb.texts.plan
    lines = tuple(Line(x.text, ref(x.source), x.label) for x in a.follow_up)
    return Section("After the UN has spoken: change at home",
                   (Part("Follow-up actions", lines),), "follow-up",
                   intro=tuple(Line(n.text, ref(n.source)) for n in texts.follow_up_intro))
