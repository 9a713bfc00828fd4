"""Screens and prompt words of the interview for three personas (run by hand).

    python bench/personas.py

Each persona answers from a script (anything unscripted: the first choice, "don't know" for
a date); the walk is the interview's own (`engagewiz.core.interview.next_screen`), so the
figures follow the questions file and its groups. A screen is one prompt: a question, a
group's questions together, the review (with the country facts), or a menu (quick or full;
continue after a short result). Prompt words are the words a person reads on it: the
question, its "why we ask" line and every option (on a group's screen every question in
full, as each row is read in turn, with the row names, title and hint), and the review
(each answer after its question's short name, then the facts by short name and source).

Figures before issue 13 (commit 8f0cf9c, full interview only, no first screen):

    centre (Mexico, survivor, appeal rejected 5 months ago)   29 screens, 1,436 words
    lawyer (France, imminent risk of torture)                 27 screens, 1,350 words
    NHRI (Kenya, A status, detention pattern)                 25 screens, 1,328 words

Figures on 2026-12-01 (main after 13.1-13.9; words counted the facts and the review by
each question's full text, twice for a fact, so compare screens):

    centre  full interview 28 screens, 2,378 words; quick result after 10 screens (473 words)
    lawyer  full interview 26 screens, 2,226 words; urgent result after 7 screens (315 words)
    NHRI    full interview 27 screens, 2,237 words; quick result after 8 screens (371 words)

Figures later on 2026-12-01 (groups on one screen; the facts on the review; the review
and the facts by short names; with the questions of issues 11 and 16):

    centre  full interview 15 screens, 1,969 words; quick result after 8 screens (545 words)
    lawyer  full interview 16 screens, 2,019 words; urgent result after 6 screens (338 words)
    NHRI    full interview 15 screens, 2,051 words; quick result after 8 screens (529 words)

against 29/27/25 before issue 13: 48%, 41% and 40% fewer screens (target: 40%).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from datetime import date  # noqa: E402

from engagewiz.cli.grid import HINT  # noqa: E402
from engagewiz.cli.screens import short_name  # noqa: E402
from engagewiz.core import interview  # noqa: E402
from engagewiz.core.conditions import DONT_KNOW  # noqa: E402
from engagewiz.core.model import KnowledgeBase, Question  # noqa: E402
from engagewiz.core.prefill import with_country_facts  # noqa: E402
from engagewiz.kb.countries import CountryData, load_countries  # noqa: E402
from engagewiz.kb.load import default_dir, load_kb  # noqa: E402

TODAY = date(2026, 11, 23)
PERSONAS: dict[str, dict[str, Any]] = {
    "centre": {"org_type": "rehab_centre", "country": "MEX", "themes": ["torture"],
               "case_type": "individual", "urgency": "no", "remedies": "exhausted",
               "final_decision_date": "2026-06-20", "outputs": ["individual_redress"]},
    "lawyer": {"org_type": "lawyer", "country": "FRA", "themes": ["torture"],
               "case_type": "individual", "urgency": "yes", "remedies": "pending",
               "outputs": ["urgent_protection"]},
    "nhri": {"org_type": "nhri", "nhri_status": "a", "country": "KEN",
             "themes": ["detention"], "case_type": "pattern", "urgency": "no",
             "outputs": ["country_recommendations"]},
}


def words(*texts: str) -> int:
    return sum(len(t.split()) for t in texts)


def question_words(q: Question) -> int:
    return words(q.text, q.help, *(c.label for c in q.choices))


def screen_words(kb: KnowledgeBase, screen: tuple[Question, ...]) -> int:
    """A question's words; on a group's screen also its title, the hint and each row's
    short name (every question in full, as the person reads each row in turn)."""
    if len(screen) == 1:
        return question_words(screen[0])
    group = kb.group_of(screen[0].id)
    title = group.title if group else ""
    return words(title, HINT[False], "Continue") + sum(question_words(q) + words(q.short)
                                                         for q in screen)


def answer(q: Question, script: dict[str, Any]) -> Any:
    if q.id in script:
        return script[q.id]
    if q.type == "multi":
        return [q.choices[0].value]
    if q.type in ("choice", "yes_no"):
        return q.choices[0].value if q.choices else "yes"
    return DONT_KNOW


def full(kb: KnowledgeBase, countries: CountryData, script: dict[str, Any]) -> tuple[int, int]:
    answers: dict[str, Any] = {}
    screens = total = 0
    while True:
        known = with_country_facts(kb, answers, countries, TODAY,
                                   unknown_as_dont_know=False).answers
        screen = interview.next_screen(kb, known)
        if not screen:
            break
        answers |= {q.id: answer(q, script) for q in screen}
        screens, total = screens + 1, total + screen_words(kb, screen)
    filled = with_country_facts(kb, answers, countries, TODAY, unknown_as_dont_know=False)
    current = interview.effective(kb, filled.answers)
    facts = [p for p in filled.prefilled if p.question in current]
    sources = {p.source for p in facts}
    facts_words = (words("What Mexico has accepted, from public data (a ratification since?)")
                   + sum(words("Per", source, "Yes: No:") for source in sources)
                   + sum(words(short_name(kb.question(p.question))) for p in facts))  # type: ignore[arg-type]
    mine = [q for q in kb.questions if q.id in interview.effective(kb, answers)]
    review_words = sum(words(q.short, q.label(answers[q.id])) + 1 for q in mine)
    return screens + 1, total + facts_words + review_words  # the review shows the facts


def until_first_result(kb: KnowledgeBase, countries: CountryData, script: dict[str, Any],
                       chosen: str | None) -> tuple[int, int, str]:
    """Screens and words until the first result: the quick one (`chosen`), the urgent fast
    track's when imminent harm starts it, or the full interview's. Counts the first screen
    (how much time do you have), not the menu offered after a short result."""
    answers: dict[str, Any] = {}
    screens, total = 1, words("How much time do you have?") + 16
    while True:
        known = with_country_facts(kb, answers, countries, TODAY,
                                   unknown_as_dont_know=False).answers
        cut = interview.shortcut(kb, known, chosen)
        screen = interview.next_screen(kb, known, cut)
        if not screen:
            return screens, total, cut.id if cut else "full"
        answers |= {q.id: answer(q, script) for q in screen}
        screens, total = screens + 1, total + screen_words(kb, screen)


def main() -> None:
    kb = load_kb()
    countries = load_countries(default_dir() / "countries.json")
    for name, script in PERSONAS.items():
        screens, total = full(kb, countries, script)
        print(f"{name:<8} full interview:       {screens + 1:>3} screens, {total:>6,} words")
        shown = {"full"}
        for chosen in (None, interview.QUICK):
            screens, total, ended = until_first_result(kb, countries, script, chosen)
            if ended not in shown:
                shown.add(ended)
                print(f"{name:<8} first result ({ended}): {screens:>3} screens, {total:>6,} words")


if __name__ == "__main__":
    main()
