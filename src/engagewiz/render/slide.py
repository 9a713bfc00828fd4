"""`--output slide.svg`: the result as one 16:9 slide (1600x900), for a workshop deck.

Who and where, what to do in the next 48 hours when someone is at risk, the top routes
with their strongest reason, and the time limits running: what a room can read from the
back. Written by hand rather than recorded from the terminal (a recording of the report
was 1238x3124, not a slide, and loaded its font from a CDN): the text uses fonts every
system has, so the file loads nothing, and it is well-formed XML.

SVG text does not wrap; lines are cut by an estimate of the font's width (a generous one:
DejaVu Sans, the widest common sans, averages about 0.55 em a character).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from engagewiz.core.qids import COUNTRY
from engagewiz.core.results import UNKNOWN
from engagewiz.render.plan import about
from engagewiz.textsafe import visible

if TYPE_CHECKING:
    from engagewiz.core.model import KnowledgeBase
    from engagewiz.core.results import Assessment, RouteResult
    from engagewiz.kb.countries import CountryData

WIDTH, HEIGHT = 1600, 900  # 16:9
MARGIN = 70
FONT = "'DejaVu Sans', 'Liberation Sans', 'Helvetica Neue', Arial, sans-serif"
EM = 0.58  # average character width, in em, used to cut lines
ROUTES = 3
LIMITS = 3
FOOTER = HEIGHT - 70          # the footer's baseline area starts here
ROUTE_HEIGHT = 14 + 2 * 48 + 2 * 33  # a route at most: two lines of name, two of reason
INK, MUTED, ACCENT, ALARM, AMBER = "#1d232b", "#5a6470", "#1f4e79", "#8a1c1c", "#9a6a00"


class _Slide:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y = 0.0

    def text(self, x: float, text: str, size: int, *, width: float, lines: int = 1,
             colour: str = INK, bold: bool = False, gap: float = 1.25) -> None:
        """`text` cut to `lines` lines of `width` pixels, the last one ending in '...' if
        anything was left out; the baseline moves down by one line each."""
        per_line = max(int(width / (size * EM)), 10)
        wrapped = textwrap.wrap(visible(text), per_line) or [""]
        if len(wrapped) > lines:
            wrapped = wrapped[:lines]
            wrapped[-1] = textwrap.shorten(wrapped[-1] + " ...", per_line, placeholder="...")
        weight = ' font-weight="bold"' if bold else ""
        for line in wrapped:
            self.y += size * gap
            self.parts.append(f'<text x="{x:g}" y="{self.y:g}" font-size="{size}" '
                              f'fill="{colour}"{weight}>{escape(line)}</text>')

    def rect(self, x: float, y: float, w: float, h: float, fill: str) -> None:
        self.parts.append(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" '
                          f'fill="{fill}"/>')

    def svg(self, label: str) -> str:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
                f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label={quoteattr(label)} '
                f'font-family="{FONT}">\n<title>{escape(label)}</title>\n'
                f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>\n'
                + "\n".join(self.parts) + "\n</svg>\n")


def render(a: Assessment, kb: KnowledgeBase, countries: CountryData | None) -> str:
    country = countries.get(str(a.answers.get(COUNTRY, ""))) if countries else None
    heading = "Engagement plan " + about(a, kb, country.name if country else None)
    s = _Slide()
    s.rect(0, 0, WIDTH, 14, ACCENT)
    s.y = 24
    s.text(MARGIN, heading, 46, width=WIDTH - 2 * MARGIN, lines=2, colour=ACCENT, bold=True)
    s.text(MARGIN, "Guidance from engagewiz, not legal advice: check each rule with the body "
           "before you file.", 24, width=WIDTH - 2 * MARGIN, colour=MUTED)
    if a.imminent_risk:
        _urgent(s, a)
    limits = a.deadlines[:LIMITS]
    column = WIDTH - 2 * MARGIN if not limits else (WIDTH - 2 * MARGIN) * 0.6
    top = s.y + 30
    s.y = top
    _routes(s, a.recommended[:ROUTES], column)
    if limits:
        s.y = top
        _limits(s, a, MARGIN + column + 50, WIDTH - MARGIN - (MARGIN + column + 50))
    s.y = FOOTER + 10
    s.text(MARGIN, f"Knowledge base {a.kb_version}, assessed {a.today}. Full plan: engagewiz "
           "assess --answers FILE --output plan.pdf", 20, width=WIDTH - 2 * MARGIN,
           colour=MUTED)
    return s.svg(heading)


def _urgent(s: _Slide, a: Assessment) -> None:
    names = "; ".join(r.name for r in a.urgent[:3]) or "no urgent route is open: get a " \
        "lawyer's help at once"
    s.y += 24
    s.rect(MARGIN - 20, s.y, WIDTH - 2 * MARGIN + 40, 118, "#fbeaea")
    s.text(MARGIN, "Urgent: someone is at imminent risk. Act in the next 48 hours.", 34,
           width=WIDTH - 2 * MARGIN, colour=ALARM, bold=True)
    s.text(MARGIN, names, 26, width=WIDTH - 2 * MARGIN, colour=ALARM, lines=1, gap=1.6)
    s.y += 16


def _routes(s: _Slide, routes: tuple[RouteResult, ...], width: float) -> None:
    s.text(MARGIN, "Top routes" if routes else "No route fits well yet", 34, width=width,
           colour=ACCENT, bold=True)
    for n, r in enumerate(routes, 1):
        if s.y + ROUTE_HEIGHT > FOOTER:
            s.text(MARGIN, f"and {len(routes) - n + 1} more in the plan", 26, width=width,
                   colour=MUTED)
            return
        s.y += 14
        s.text(MARGIN, f"{n}. {r.name}", 38, width=width, lines=2, bold=True)
        best = r.strongest[0] if r.strongest else None
        s.text(MARGIN + 48, f"Effort {r.effort}." + (f" {best.text}" if best else ""), 26,
               width=width - 48, lines=2, colour=MUTED)


def _limits(s: _Slide, a: Assessment, x: float, width: float) -> None:
    s.text(x, "Time limits running", 34, width=width, colour=AMBER, bold=True)
    for d in a.deadlines[:LIMITS]:
        s.y += 14
        s.text(x, f"{d.days_left} days left", 38, width=width, bold=True,
               colour=ALARM if d.soon else INK)
        pending = " (check first)" if d.status == UNKNOWN else ""
        s.text(x, f"Last day {d.last_day}: {d.name}{pending}", 26, width=width, lines=2,
               colour=MUTED)
    more = len(a.deadlines) - LIMITS
    if more > 0:
        s.y += 14
        s.text(x, f"and {more} more: see the plan", 26, width=width, colour=MUTED)
