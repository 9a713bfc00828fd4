"""The console script run in this process: the real entry point, an order of magnitude
faster than a subprocess, so hostile-input and fuzz tests can afford many runs."""

from __future__ import annotations

import io
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from unittest.mock import patch

from engagewiz.cli.app import run

# Any input, valid or not, is answered within a second. Measured as this process's CPU
# time, which other jobs on a busy machine do not inflate as they do the wall clock.
BUDGET_SECONDS = 1.0


@dataclass
class Ran:
    code: int
    out: str
    err: str
    seconds: float

    def fails_clearly(self, *expected: str) -> None:
        """Exit 2, every stderr line an `engagewiz: error:` line, each expected text in it."""
        assert self.code == 2, (self.code, self.err[:2000])
        assert self.err.startswith("engagewiz: error: "), self.err[:2000]
        assert "Traceback" not in self.err + self.out
        for text in expected:
            assert text in self.err, self.err[:2000]

    def holds(self) -> None:
        """The contract for any input: done or a clear error, in time, no internal error."""
        assert self.code in (0, 2), (self.code, self.err[:2000])
        assert "internal error" not in self.err, self.err[:2000]
        assert self.seconds < BUDGET_SECONDS, self.seconds


def run_cli(*args: str) -> Ran:
    out, err = io.StringIO(), io.StringIO()
    start = time.process_time()
    with patch.object(sys, "argv", ["engagewiz", *args]), redirect_stdout(out), \
            redirect_stderr(err), patch.object(sys, "stdin", io.StringIO()):
        try:
            run()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return Ran(code, out.getvalue(), err.getvalue(), time.process_time() - start)
