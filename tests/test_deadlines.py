"""Deadline arithmetic: month ends, leap years, and the last day counted as still in time.

These are the cases a naive ``timedelta(days=30 * n)`` or ``replace(month=...)`` gets
wrong, and a wrong day here tells a user a route is closed (or open) when it is not.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from engagewiz.core.deadlines import add_months, add_years, days_left, last_day


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2023, 10, 31), 4, date(2024, 2, 29)),  # leap year: clamp to 29 Feb
        (date(2024, 10, 31), 4, date(2025, 2, 28)),  # common year: clamp to 28 Feb
        (date(2026, 3, 3), 4, date(2026, 7, 3)),  # same day number
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),  # 30-day month
        (date(2025, 11, 30), 3, date(2026, 2, 28)),  # across a year end
        (date(2025, 12, 15), 1, date(2026, 1, 15)),  # December -> January
        (date(2025, 12, 31), 12, date(2026, 12, 31)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),  # backwards (UPR submission window)
        (date(2026, 1, 15), -13, date(2024, 12, 15)),
        (date(2026, 5, 17), 0, date(2026, 5, 17)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_add_months_never_spills_into_next_month() -> None:
    """For every day of two years and every shift up to 2 years, the target month is right."""
    d = date(2023, 1, 1)
    while d < date(2025, 1, 1):
        for n in (1, 2, 4, 6, 12, 13, 24):
            got = add_months(d, n)
            months = (got.year - d.year) * 12 + got.month - d.month
            assert months == n, (d, n, got)
            assert got.day == d.day or got.day < d.day  # kept or clamped, never later
        d += timedelta(days=1)


def test_add_years_leap_day() -> None:
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2025, 6, 30), 1) == date(2026, 6, 30)


def test_add_months_out_of_range() -> None:
    with pytest.raises(OverflowError):
        add_months(date(9999, 12, 1), 1)


def test_last_day_months_and_years() -> None:
    assert last_day(date(2026, 3, 3), months=4) == date(2026, 7, 3)
    assert last_day(date(2023, 10, 31), months=4) == date(2024, 2, 29)
    assert last_day(date(2024, 10, 31), months=6) == date(2025, 4, 30)
    assert last_day(date(2024, 2, 29), years=1) == date(2025, 2, 28)
    assert last_day(date(2020, 5, 1), years=5) == date(2025, 5, 1)


@pytest.mark.parametrize("kwargs", [{}, {"months": 4, "years": 1}, {"months": -1}, {"years": -2}])
def test_last_day_rejects_bad_limits(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        last_day(date(2026, 1, 1), **kwargs)


def test_days_left_last_day_is_still_in_time() -> None:
    last = last_day(date(2026, 3, 3), months=4)  # 3 July 2026
    assert days_left(last, date(2026, 7, 2)) == 1
    assert days_left(last, date(2026, 7, 3)) == 0  # the last day itself: in time
    assert days_left(last, date(2026, 7, 4)) == -1  # one day late
    assert days_left(last, date(2026, 3, 3)) == 122


def test_days_left_across_leap_day() -> None:
    last = last_day(date(2023, 10, 31), months=4)  # 29 Feb 2024
    assert days_left(last, date(2024, 2, 28)) == 1
    assert days_left(last, date(2024, 3, 1)) == -1
