"""Reading the numbered source marks (`[3]`, `[3,5]`, `[3-6,9]`) back from output."""

from __future__ import annotations

import re

MARK = re.compile(r"\[(\d+(?:[-,]\d+)*)\]")
LISTED = re.compile(r"^\[(\d+)\] .* \(([a-z0-9-]+)\)$", re.M)  # a line of a sources list


def numbers(mark: str) -> list[int]:
    """`3-5,8` -> [3, 4, 5, 8]."""
    out: list[int] = []
    for part in mark.split(","):
        first, _, last = part.partition("-")
        out += range(int(first), int(last or first) + 1)
    return out
