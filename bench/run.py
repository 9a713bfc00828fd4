"""Measure the speed budgets (run by hand; never asserted in tests).

    python bench/run.py [--runs 15] [--instructions]

Prints the minimum and median of: `python -c "import typer, yaml"` (the floor of the stack);
`engagewiz assess --answers examples/kenya-torture-survivor.yaml --format json` and its ratio
to that floor (budget: 1.3x); the first question screen in a real pseudo-terminal,
drawn whole (budget: 350 ms), and the interview's first question after the
quick-mode menu; `engagewiz check` on the bundled knowledge base, from the cache and
just after an edit (parsed and built again), budget 1 s each; 1,000 assessments in
one process (budget: under 1 s): the 32 examples in turn, then 1,000 distinct cases (the
examples with one answer changed, what-if style) on one day and over a year of days, each
the minimum of 3 runs; and whether the scripted path imports questionary,
prompt_toolkit, rich or typer (it must not; tests/test_scripted_path.py guards that, and
every class it defines, without a timing).

Run it with the Python of the install you want to measure, on a quiet machine: the minimum
is the figure to compare, the median says how noisy the run was. On a shared machine,
`--instructions` counts instructions instead (valgrind's callgrind, about 20 s): other jobs
cannot change that count. The runs are made as a user's would be: compiled modules written
(PYTHONDONTWRITEBYTECODE is dropped) and the cache warm (one run first).

For the instructions of an assessment in one process, `--only examples|distinct|year
--count N` runs just that loop, N assessments; the difference between N = 1000 and N = 0
under valgrind, divided by 1000, is the figure (a few minutes each):

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        python bench/run.py --only distinct --count 1000
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kenya-torture-survivor.yaml"
ENV = {**{k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")},
       "ENGAGEWIZ_TODAY": "2026-11-23", "ENGAGEWIZ_HOME": "/tmp/engagewiz-bench",
       "PROMPT_TOOLKIT_NO_CPR": "1"}  # a pty never answers cursor-position queries
# A question screen is drawn whole when prompt_toolkit turns line wrap back on.
DRAWN = r"\x1b\[\?7h"
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def timed_ms(cmd: list[str], runs: int,
             before: Callable[[], object] = lambda: None) -> tuple[float, float]:
    """(minimum, median) wall time of `cmd` over `runs` runs, after one warm-up run;
    `before` runs untimed before each."""
    times = []
    for _ in range(runs + 1):
        before()
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV,
                       check=False)
        times.append((time.perf_counter() - start) * 1000)
    return min(times[1:]), statistics.median(times[1:])


def check_ms(runs: int, edited: bool) -> tuple[float, float]:
    """`check` on a copy of the bundled knowledge base; `edited`: with a line added to
    mechanisms.yaml before each run, so the knowledge base is parsed and built again, as
    when a trainer checks what they just changed."""
    with tempfile.TemporaryDirectory() as tmp:
        kb = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", kb)
        mechanisms = kb / "mechanisms.yaml"

        def edit() -> None:
            with mechanisms.open("a", encoding="utf-8") as out:
                out.write(f"# edited {time.time_ns()}\n")

        return timed_ms([sys.executable, "-m", "engagewiz", "check", "--kb", str(kb)], runs,
                        edit if edited else lambda: None)


def first_question_ms(runs: int) -> tuple[float, float] | None:
    """(first screen, first question): the median time from start until the first
    question screen is drawn (the quick-mode menu), and from choosing the full interview
    until its first question is drawn."""
    try:
        import pexpect
    except ImportError:
        return None
    first, then = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = pexpect.spawn(sys.executable, ["-m", "engagewiz", "assess"], env=ENV,
                              dimensions=(40, 60), encoding="utf-8", timeout=10)
        child.expect(DRAWN)
        first.append((time.perf_counter() - start) * 1000)
        assert "? " in ESCAPE.sub("", child.before), "the first screen is no question"
        start = time.perf_counter()
        child.send("\r")  # the full interview
        child.expect(r"\x1b\[\?2004l")  # the menu closed ...
        child.expect(DRAWN)  # ... and the first question is drawn
        then.append((time.perf_counter() - start) * 1000)
        child.terminate(force=True)
    return statistics.median(first), statistics.median(then)


def instructions(cmd: list[str]) -> int | None:
    """Instructions `cmd` executes (valgrind's callgrind), or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True, env=ENV, check=False)
    found = re.search(r"Collected : (\d+)", run.stderr)
    return int(found.group(1)) if found else None


def in_process_ms(n: int = 1000, distinct: bool = False, days: int = 1) -> float:
    """1,000 assessments in one process: the 32 examples in turn, on one day (each file read
    as it is, so its country is no State of the country data: no facts are filled in);
    or, with `distinct`, `n` cases no two alike (`distinct_cases`), over `days` days, the
    country named as the CLI names it (its facts filled in, as in a real run). The engine
    remembers each route's judgement by what it reads (core/memo.py), so the first mostly
    measures its memo's hits, and the second what a stream of new cases costs."""
    sys.path.insert(0, str(ROOT / "src"))
    from engagewiz.core.engine import assess
    from engagewiz.kb.countries import load_countries
    from engagewiz.kb.load import default_dir, load_kb
    from engagewiz.storage.answers import load_answers

    kb = load_kb()
    countries = load_countries(default_dir() / "countries.json")

    def resolve(text: str) -> tuple[str | None, list[str]]:
        found = countries.search(text)
        return (found.iso3 if found else None), []

    files = sorted((ROOT / "examples").glob("*.yaml"))
    day = date(2026, 11, 23)
    if distinct:
        cases = distinct_cases(kb, [load_answers(f, kb, resolve) for f in files], day, n,
                               days)
    else:
        answers = [load_answers(f, kb) for f in files]
        cases = [(answers[i % len(answers)], day) for i in range(n)]
    start = time.perf_counter()
    for given, today in cases:
        assess(kb, given, today=today, countries=countries)
    return (time.perf_counter() - start) * 1000


def distinct_cases(kb: Any, examples: list[dict[str, Any]], day: date, n: int,
                   days: int = 1) -> list[tuple[dict[str, Any], date]]:
    """`n` cases, no two with the same answers: each example with one single-choice
    answer changed to another of its values (as core/whatif tries them; the examples
    themselves first), taken from every example in turn; the i-th on the (11 i mod
    `days`)-th day after `day`, so that over many days time limits are counted afresh."""
    flips: list[list[dict[str, Any]]] = []
    for given in examples:
        flips.append([given])
        for qid, value in given.items():
            question = kb.question(qid)
            if question is not None and question.type in ("choice", "yes_no"):
                flips[-1].extend({**given, qid: c.value} for c in question.choices
                                 if c.value != value)
    turns = [case for k in range(max(map(len, flips)))
             for cases in flips if k < len(cases) for case in [cases[k]]]
    assert len({repr(case) for case in turns[:n]}) == n, f"fewer than {n} distinct cases"
    return [(case, day + timedelta(days=i * 11 % days)) for i, case in enumerate(turns[:n])]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions (valgrind) instead of timing the runs")
    parser.add_argument("--only", choices=("examples", "distinct", "year"),
                        help="only these assessments in one process (for valgrind)")
    parser.add_argument("--count", type=int, default=1000, help="with --only: how many")
    options = parser.parse_args()
    runs = options.runs
    if options.only:
        took = in_process_ms(options.count, options.only != "examples",
                             365 if options.only == "year" else 1)
        print(f"{options.count} assessments ({options.only}): {took:.1f} ms")
        return
    scripted = [sys.executable, "-m", "engagewiz", "assess", "--answers", str(EXAMPLE),
                "--format", "json"]
    floor_cmd = [sys.executable, "-c", "import typer, yaml"]
    if options.instructions:
        subprocess.run(scripted, stdout=subprocess.DEVNULL, env=ENV, check=False)  # warm
        base, ours_n = instructions(floor_cmd), instructions(scripted)
        if base and ours_n:
            print(f"python -c 'import typer, yaml'    {base / 1e6:6.0f} million instructions")
            print(f"engagewiz assess ... --format json  {ours_n / 1e6:6.0f} million instructions"
                  f"  = {ours_n / base:.2f}x the floor (budget 1.3x)")
        else:
            print("instructions: valgrind not found")
        return
    floor = timed_ms(floor_cmd, runs)
    ours = timed_ms(scripted, runs)
    print(f"python -c 'import typer, yaml'    min {floor[0]:6.1f} ms  median {floor[1]:6.1f} ms")
    print(f"engagewiz assess ... --format json  min {ours[0]:6.1f} ms  median {ours[1]:6.1f} ms"
          f"  = {ours[0] / floor[0]:.2f}x the floor (budget 1.3x)")
    for edited in (False, True):
        took = check_ms(runs, edited)
        label = "after an edit" if edited else "from the cache"
        print(f"check, {label:<14}            min {took[0]:6.1f} ms  median {took[1]:6.1f} ms"
              "  (budget 1000 ms)")
    screens = first_question_ms(max(3, runs // 3))
    if screens:
        print(f"first question screen (pty)         {screens[0]:6.1f} ms  (budget 350 ms)")
        print(f"then the interview's first question {screens[1]:6.1f} ms")
    else:
        print("first question: pexpect not installed")
    for label, how in (("1,000 assessments in one process ", {}),
                       ("  1,000 distinct cases, one day   ", {"distinct": True}),
                       ("  the same, over a year of days   ", {"distinct": True, "days": 365})):
        took = min(in_process_ms(**how) for _ in range(3))
        print(f"{label}  {took:6.1f} ms  (budget 1000 ms)")
    probe = subprocess.run(
        [sys.executable, "-X", "importtime", *scripted[1:]], capture_output=True, text=True,
        env=ENV, check=False)
    heavy = sorted({m for m in ("questionary", "prompt_toolkit", "rich", "typer")
                    if f" {m}" in probe.stderr})
    found = ", ".join(heavy) or "none of questionary, prompt_toolkit, rich, typer"
    print(f"imported by the scripted run        {found}")


if __name__ == "__main__":
    main()
