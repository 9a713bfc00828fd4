"""Screens and prompt words of the interview for three personas (run by hand).

    python bench/personas.py

Each persona answers from a script (anything unscripted: the first choice, "don't know" for
a date); the walk is the interview's own (`engagewiz.core.interview`), so the figures follow
the questions file. A screen is one prompt: a question, the country-facts confirmation, the
review, or a menu (quick or full; continue after a short result). Prompt words are the words
a person reads on it: the question, its "why we ask" line and every option.

Figures before issue 13 (commit 8f0cf9c, full interview only, no first screen):

    centre (Mexico, survivor, appeal rejected 5 months ago)   29 screens, 1,436 words
    lawyer (France, imminent risk of torture)                 27 screens, 1,350 words
    NHRI (Kenya, A status, detention pattern)                 25 screens, 1,328 words

Figures on 2026-12-01 (main after 13.1-13.9; words now also count the facts and review
screens, so compare screens):

    centre  full interview 28 screens, 2,378 words; quick result after 10 screens (473 words)
    lawyer  full interview 26 screens, 2,226 words; urgent result after 7 screens (315 words)
    NHRI    full interview 27 screens, 2,237 words; quick result after 8 screens (371 words)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from datetime import date  # noqa: E402

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
        q = interview.next_question(kb, known)
        if q is None:
            break
        answers[q.id] = answer(q, script)
        screens, total = screens + 1, total + question_words(q)
    filled = with_country_facts(kb, answers, countries, TODAY, unknown_as_dont_know=False)
    current = interview.effective(kb, filled.answers)
    facts = [p for p in filled.prefilled if p.question in current]
    facts_words = sum(words(kb.question(p.question).text) * 2 + 2 for p in facts)  # type: ignore[union-attr]
    mine = [q for q in kb.questions if q.id in interview.effective(kb, answers)]
    review_words = sum(words(q.text, q.label(answers[q.id])) + 3 for q in mine)
    return screens + 2, total + facts_words + review_words


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
        q = interview.next_question(kb, known, cut)
        if q is None:
            return screens, total, cut.id if cut else "full"
        answers[q.id] = answer(q, script)
        screens, total = screens + 1, total + question_words(q)


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
