"""Calendar arithmetic for time limits ("four months from the final decision").

Human-rights bodies express time limits in calendar months or years counted from a
decision, not in days, so a plain ``timedelta`` gets month ends and leap years wrong.
Everything here is pure: no clock is read, ``today`` is always passed in, so the
interview, the report and the tests agree on the same dates.

Counting convention (the one the European Court of Human Rights applies to its
four-month rule, and the usual reading of "N months from"): the period starts the day
after the decision and ends on the **same day number N months later**; if that month is
shorter, it ends on the **last day of that month** (31 October + 4 months = 28 or 29
February). The day returned is the last day on which filing is still in time.

Every result is an **estimate**: some bodies count from the date the decision was
notified or became known rather than the date it was given, some extend a limit that
ends on a weekend or holiday, and "reasonable time" rules have no fixed figure at all.
Always check the body's own rules of procedure before relying on a date.
"""

from __future__ import annotations

from datetime import date

__all__ = ["EARLIEST", "LATEST", "add_months", "add_years", "days_in_month", "days_left",
           "last_day"]

# The dates the tool reasons about. Any time limit (20 years at most) counted from a date
# in this range stays inside what Python's dates can hold (year 9999): a decision dated
# 9995 would overflow. Answers, --today and the country data are checked against it.
EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)


def add_months(d: date, n: int) -> date:
    """Return ``d`` moved by ``n`` calendar months (``n`` may be negative).

    The day number is kept, clamped to the end of a shorter month, because that is how
    month-based time limits are counted (see the module docstring): 31 Oct 2023 + 4
    months is 29 Feb 2024, and 31 Oct 2024 + 4 months is 28 Feb 2025.
    """
    months = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(months, 12)
    month = month0 + 1
    if not 1 <= year <= 9999:
        raise OverflowError(f"date out of range: {d.isoformat()} + {n} months")
    day = min(d.day, days_in_month(year, month))
    return date(year, month, day)


def days_in_month(year: int, month: int) -> int:
    """28 to 31 (what calendar.monthrange says, without importing calendar at start-up)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def add_years(d: date, n: int) -> date:
    """Return ``d`` moved by ``n`` years; 29 February becomes 28 February if needed.

    Implemented as ``12 * n`` months so that years and months follow one rule.
    """
    return add_months(d, 12 * n)


def last_day(final_decision: date, months: int | None = None, years: int | None = None) -> date:
    """Return the estimated last day to file, given a limit in months or years.

    Exactly one of ``months`` and ``years`` must be given (a gate in the knowledge base
    states its limit one way). A limit of N months from decision date D ends on the same
    day number N months after D, clamped to the month end: a decision of 3 March 2026
    under a four-month rule gives 3 July 2026. This is an estimate; check the body's
    own counting rules (notification date, weekends, holidays).
    """
    if (months is None) == (years is None):
        raise ValueError("give exactly one of months= or years=")
    if months is not None:
        if months < 0:
            raise ValueError("months must not be negative")
        return add_months(final_decision, months)
    assert years is not None
    if years < 0:
        raise ValueError("years must not be negative")
    return add_years(final_decision, years)


def days_left(last: date, today: date) -> int:
    """Return the number of days from ``today`` to ``last``.

    0 means today is the last day (still in time); a negative number means the limit
    has passed by that many days. Kept as a signed count, not a boolean, so the caller
    can say "3 days left" or "expired 10 days ago".
    """
    return (last - today).days
