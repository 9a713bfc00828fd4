"""Answers taken from the country data: what the State has ratified, accepted and joined.

Kept apart from the engine because the interview needs it too: it shows the facts and lets
the user confirm or correct them before the assessment runs.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from engagewiz.core.conditions import DONT_KNOW, frozen, tests
from engagewiz.core.deadlines import add_months
from engagewiz.core.model import KnowledgeBase, Question
from engagewiz.core.qids import COUNTRY
from engagewiz.core.record import field, record
from engagewiz.core.results import Prefilled

if TYPE_CHECKING:
    from engagewiz.kb.countries import CountryData
    from engagewiz.kb.countryfacts import Country, CountryFact
    from engagewiz.kb.upr import UprEstimate


@record
class CountryAnswers:
    answers: dict[str, Any]            # the user's answers plus the data's
    provenance: dict[str, str]         # question id -> "per UN Treaty Collection, as of ..."
    prefilled: tuple[Prefilled, ...]   # every fact used or overridden, for the report
    notices: tuple[str, ...]           # e.g. the data is more than 12 months old
    upr_estimate: str = ""             # the next UPR review and submission window, estimated
    # the facts behind the prefilled answers (not those the user overrode): the dates and
    # words the rules on time and reservations read
    facts: dict[str, CountryFact] = field(default_factory=dict)


def with_country_facts(kb: KnowledgeBase, answers: Mapping[str, Any],
                       countries: CountryData | None, today: date, *,
                       unknown_as_dont_know: bool = True) -> CountryAnswers:
    """Fill unanswered `prefill` questions from the data; an explicit answer always wins.

    A fact the data does not know becomes "dont_know" (check first) in a scripted run, and
    is left unanswered in an interview (`unknown_as_dont_know=False`) so the user is asked.

    What it adds is remembered (from the second call with a knowledge base: a scripted run
    makes one) by all it reads: the country data and the State, the day, the answers to
    the questions the data can answer and those their `when`s read. Filling in the facts
    was a tenth of an assessment of a new case.
    """
    country = countries.get(str(answers.get(COUNTRY))) if countries else None
    if countries is None or country is None:
        return CountryAnswers(dict(answers), {}, (), ())
    state = kb.memos.get("prefill")
    if state is None:
        kb.memos["prefill"] = False
        return _filled(kb, answers, countries, country, today, unknown_as_dont_know)
    if state is False:
        state = kb.memos["prefill"] = ({}, tuple(dict.fromkeys([
            COUNTRY, *[q.id for q in kb.questions if q.prefill or q.derive],
            *[t.q for q in kb.questions if q.prefill and q.when for t in tests(q.when)]])))
    memo: dict[Hashable, tuple[CountryAnswers, dict[str, Any]]] = state[0]
    reads: tuple[str, ...] = state[1]
    key = (countries, today, unknown_as_dont_know, *[frozen(answers.get(q)) for q in reads])
    found = memo.get(key)
    if found is None:
        if len(memo) >= PREFILLS:
            memo.clear()
        filled = _filled(kb, answers, countries, country, today, unknown_as_dont_know)
        found = memo[key] = (filled, {k: v for k, v in filled.answers.items()
                                      if k not in answers or answers[k] is not v})
    filled, added = found
    return CountryAnswers({**answers, **added}, dict(filled.provenance), filled.prefilled,
                          filled.notices, filled.upr_estimate, dict(filled.facts))


PREFILLS = 2_000  # the facts filled in, remembered per knowledge base


def _filled(kb: KnowledgeBase, answers: Mapping[str, Any], countries: CountryData,
            country: Country, today: date, unknown_as_dont_know: bool) -> CountryAnswers:
    merged = dict(answers)
    provenance: dict[str, str] = {}
    found: list[tuple[Question, CountryFact, str, Any]] = []  # question, fact, label, given
    used: dict[str, CountryFact] = {}
    for qid, fact in country.facts.items():
        question = kb.question(qid)
        if question is None or not question.prefill:
            continue
        if not fact.known and not unknown_as_dont_know:
            continue
        source = countries.sources.get(fact.source)
        label = source.citation if source else fact.source
        if source and source.as_of:
            label += f", as of {source.as_of}"
        given = answers.get(qid)
        if given is None:
            merged[qid] = fact.value
            provenance[qid] = f"per {label}" if fact.known else f"not recorded in {label}"
            used[qid] = fact
        found.append((question, fact, label, given))
    # Every fact is filled in (a gate or a note may read it), but only those on a question
    # that matters here are reported: ASEAN membership says nothing to a user in Kenya. And
    # a stale source is worth a note only where it says something about this State (a
    # "yes", or an unknown): a list that does not name the State is no reason to warn.
    relevant = [(q, f, label, given) for q, f, label, given in found
                if q.when is None or q.when.evaluate(merged) is not False]
    prefilled = [Prefilled(q.id, merged[q.id], f.value, label,
                           overridden=given is not None and given != f.value
                           and f.value != DONT_KNOW) for q, f, label, given in relevant]
    stale = dict.fromkeys(f.source for _, f, _, _ in relevant if f.value != "no")
    notices = [w for key in sorted(stale) if key in countries.sources
               and (w := countries.sources[key].age_warning(today))]
    from engagewiz.kb.upr import next_upr_estimate

    estimate = next_upr_estimate(country, today)
    for question in kb.questions:
        value = _derive(question.derive, estimate, today) if question.derive else None
        if value is None or estimate is None:
            continue
        given = answers.get(question.id)
        label = f"an estimate from the last UPR review (session {estimate.based_on_session})"
        when = _when(estimate.review_from, today)
        if given is None:
            merged[question.id] = value
            provenance[question.id] = f"per {label}: next review {when}"
        elif given not in (value, DONT_KNOW):
            # The user's answer wins, but never silently against the data.
            notices.append(f"You answered \"{question.label(given)}\" to \"{question.text}\"; "
                           f"the estimate from the data puts the next review {when}. The "
                           "ranking uses your answer: confirm the date on the OHCHR UPR page "
                           "(ohchr.org/en/hr-bodies/upr/upr-main).")
        prefilled.append(Prefilled(question.id, merged[question.id], value, label,
                                   overridden=given not in (None, value, DONT_KNOW)))
    return CountryAnswers(merged, provenance, tuple(prefilled), tuple(notices),
                          estimate.text if estimate else "", used)


UPR_SOON_MONTHS = 18  # "within about 12 to 18 months", as the question asks


def _when(review: date, today: date) -> str:
    """ "around July 2028, about 20 months from now" """
    months = (review.year - today.year) * 12 + review.month - today.month
    ahead = f", about {months} months from now" if months > 1 else ""
    return f"around {review:%B %Y}{ahead}"


def _derive(name: str, estimate: UprEstimate | None, today: date) -> str | None:
    """A `derive:` answer worked out from the data, or None (then the question is asked).

    upr_due: is the estimated next UPR review within 18 months? Not decided once the
    estimated date has passed (the review may have been held or postponed).
    """
    if name != "upr_due" or estimate is None or estimate.review_to < today:
        return None
    return "yes" if estimate.review_from <= add_months(today, UPR_SOON_MONTHS) else "no"
