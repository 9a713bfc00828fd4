"""`Noted`: a mapping that notes each key looked up in it, for tests that check what code
reads (an evaluator's declared questions, what judging a route reads)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


class Noted(Mapping[str, Any]):
    """Answers (or provenance, facts) that note each key looked up in them; going through
    them all notes "*".

    The core reads answers only through the mappings it is given, so what the code never
    looks up cannot change its result.
    """

    def __init__(self, answers: Mapping[str, Any], seen: set[str]) -> None:
        self.answers, self.seen = answers, seen

    def __getitem__(self, qid: str) -> Any:
        self.seen.add(qid)
        return self.answers[qid]

    def __iter__(self) -> Iterator[str]:
        self.seen.add("*")
        return iter(self.answers)

    def __len__(self) -> int:
        self.seen.add("*")
        return len(self.answers)
