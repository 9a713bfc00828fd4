"""Errors a user can fix: they carry where the problem is, so the CLI prints one clear line.

Anything that is not an `InputError` is a bug and exits 1; an `InputError` exits 2 and is
never shown with a traceback (answers can describe victims, and tracebacks print locals).
"""

from __future__ import annotations

from engagewiz.core.record import record
from engagewiz.textsafe import visible

KeyPath = tuple[str | int, ...]  # where a value is in a YAML file: ("questions", 3, "when")
LINE_MAX = 2000  # characters of one message line: a safety net behind quoted()


@record
class Problem:
    """One thing wrong in one file: enough to find it (file, line, key) and to fix it.

    Shown with its control characters made visible: a key or a path can be hostile.
    """

    message: str
    file: str | None = None
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = self.file or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        if self.key:
            where = f"{where}: {self.key}" if where else self.key
        text = f"{where}: {self.message}" if where else self.message
        return visible(text if len(text) <= LINE_MAX else text[:LINE_MAX] + "...")


class InputError(Exception):
    """Bad input from the user or a knowledge-base author; exit code 2."""

    def __init__(self, problems: list[Problem] | None = None) -> None:
        super().__init__(problems)
        self.problems: list[Problem] = problems if problems is not None else []

    @classmethod
    def one(
        cls, message: str, file: str | None = None, line: int | None = None, key: str | None = None
    ) -> InputError:
        return cls([Problem(message, file, line, key)])

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
