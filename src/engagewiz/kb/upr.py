"""The next UPR review of a State, estimated from its last one in the country data.

An estimate, and it says so: the 5th-cycle calendar is not yet published, so the review
is placed 4.5 years after the 4th-cycle session (HRC res. 16/21), and the text says where
to confirm it and its stakeholder-submission deadline.
"""

from __future__ import annotations

from datetime import date

from engagewiz.core.deadlines import add_months
from engagewiz.core.record import record
from engagewiz.kb.countryfacts import Country

UPR_CONFIRM = ("OHCHR UPR page, https://www.ohchr.org/en/hr-bodies/upr/upr-main",
               "UPR Info, https://www.upr-info.org")
UPR_CYCLE_MONTHS = 54  # 4.5 years per review since the second cycle (HRC res. 16/21)


@record
class UprEstimate:
    """An estimate of the next UPR review and of the stakeholder-submission window."""

    based_on_session: int
    review_from: date
    review_to: date
    submission_from: date
    submission_to: date
    text: str
    confirm_at: tuple[str, ...] = UPR_CONFIRM


def _month(d: date) -> str:
    return f"{d:%B %Y}"


def next_upr_estimate(country: Country, today: date) -> UprEstimate | None:
    """Estimate the next UPR review: last 4th-cycle session + 4.5 years (res. 16/21).

    OHCHR usually closes stakeholder submissions about 6-8 months before the review, so
    the window is given as that range. The result is an estimate (the 5th-cycle calendar
    is not yet published); the text says where to confirm it. None when the
    data have no 4th-cycle session for the State.
    """
    s = country.upr
    if s is None:
        return None
    review_from = add_months(s.start, UPR_CYCLE_MONTHS)
    review_to = add_months(s.end, UPR_CYCLE_MONTHS)
    sub_from, sub_to = add_months(review_from, -8), add_months(review_from, -6)
    when = _month(review_from)
    if (review_to.year, review_to.month) != (review_from.year, review_from.month):
        first = f"{review_from:%B}" if review_to.year == review_from.year else when
        when = f"{first} - {_month(review_to)}"
    held = "" if s.status == "held" else " (scheduled but not held: check its status)"
    lines = [f"Estimate: next UPR review of {country.name} around {when}, 4.5 years after its "
             f"4th-cycle review in session {s.session} ({s.dates}){held}.",
             f"Stakeholder submissions are usually due 6-8 months before the review: roughly "
             f"{_month(sub_from)} to {_month(sub_to)}."]
    if today > review_to:
        lines.append("The estimated review date has passed: check whether it took place.")
    elif today > sub_to:
        lines.append("The estimated submission window may already have closed: check now.")
    lines.append("Confirm the session and the deadline on the " + " or ".join(UPR_CONFIRM) + ".")
    return UprEstimate(based_on_session=s.session, review_from=review_from, review_to=review_to,
                       submission_from=sub_from, submission_to=sub_to, text=" ".join(lines))
