"""The console script run in this process: the real entry point, an order of magnitude
faster than a subprocess, so hostile-input and fuzz tests can afford many runs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from unittest.mock import patch

from engagewiz.cli.launch import run

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


def run_cli(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> Ran:
    """The command line `engagewiz ARGS`, in `cwd`, with `env`'s variables set (on top of
    this process's; a subprocess's environment given whole is a superset of them)."""
    out, err = io.StringIO(), io.StringIO()
    start = time.process_time()
    here = os.getcwd()
    with patch.object(sys, "argv", ["engagewiz", *args]), redirect_stdout(out), \
            redirect_stderr(err), patch.object(sys, "stdin", io.StringIO()), \
            patch.dict(os.environ, env or {}):
        try:
            os.chdir(cwd or here)
            run()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        finally:
            os.chdir(here)
    return Ran(code, out.getvalue(), err.getvalue(), time.process_time() - start)


def completed(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None
              ) -> subprocess.CompletedProcess[str]:
    """run_cli's result as `subprocess.run` gives it, so a test file that ran the console
    script as a subprocess (0.3 s of CPU a run) switches by changing its helper alone."""
    ran = run_cli(*args, cwd=cwd, env=env)
    return subprocess.CompletedProcess(["engagewiz", *args], ran.code, ran.out, ran.err)
