"""Measure the startup budgets of DESIGN.md (run by hand; never asserted in tests).

    python bench/run.py [--runs 15]

Prints medians for: a bare `python -c pass`; `engagewiz assess --answers ... --format json`
and its ratio to the bare start (budget: at most 6x); `copier --help` if copier is
installed (budget: engagewiz at least 4x faster); the first question on screen in a real
pseudo-terminal (budget: 350 ms); 1,000 assessments in one process (budget: under 1 s);
peak memory of the scripted run (budget: under 60 MiB); and whether the scripted path
imports questionary or prompt_toolkit (it must not).

Run it with the Python of the install you want to measure. An editable install
(`pip install -e`) adds about 10 ms to every start of that Python, the bare one included,
which flatters the ratio: for the true figure, measure a regular `pip install .`.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "rehab-centre-open-state.yaml"
ENV = {**os.environ, "ENGAGEWIZ_TODAY": "2026-11-23", "ENGAGEWIZ_HOME": "/tmp/engagewiz-bench"}


def median_ms(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV,
                       check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_question_ms(runs: int) -> float | None:
    try:
        import pexpect
    except ImportError:
        return None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        child = pexpect.spawn(sys.executable, ["-m", "engagewiz", "assess"], env=ENV,
                              dimensions=(40, 60), encoding="utf-8", timeout=10)
        child.expect(r"\? ")
        times.append((time.perf_counter() - start) * 1000)
        child.terminate(force=True)
    return statistics.median(times)


def in_process_ms(n: int = 1000) -> float:
    sys.path.insert(0, str(ROOT / "src"))
    from engagewiz.core.engine import assess
    from engagewiz.kb.countries import load_countries
    from engagewiz.kb.load import default_dir, load_kb
    from engagewiz.storage.answers import load_answers

    kb = load_kb()
    countries = load_countries(default_dir() / "countries.json")
    files = sorted((ROOT / "examples").glob("*.yaml"))
    answers = [load_answers(f, kb) for f in files]
    start = time.perf_counter()
    for i in range(n):
        assess(kb, answers[i % len(answers)], today=date(2026, 11, 23), countries=countries)
    return (time.perf_counter() - start) * 1000


def peak_memory_mib(cmd: list[str]) -> float:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, env=ENV, check=False)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    engagewiz = [sys.executable, "-m", "engagewiz"]
    scripted = [*engagewiz, "assess", "--answers", str(EXAMPLE), "--format", "json"]
    bare = median_ms([sys.executable, "-c", "pass"], runs)
    ours = median_ms(scripted, runs)
    print(f"python -c pass                         {bare:7.1f} ms")
    print(f"engagewiz assess --answers --format json {ours:5.1f} ms  = {ours / bare:.1f}x bare "
          "(budget 6x)")
    helped = median_ms([*engagewiz, "--help"], runs)
    print(f"engagewiz --help                       {helped:7.1f} ms")
    copier = shutil.which("copier")
    if copier:
        theirs = median_ms([copier, "--help"], runs)
        print(f"copier --help                          {theirs:7.1f} ms  -> engagewiz is "
              f"{theirs / ours:.1f}x faster (budget 4x)")
    else:
        print("copier --help                          not installed (pip install copier)")
    first = first_question_ms(max(3, runs // 3))
    print(f"first question on screen (pty)         {first:7.1f} ms  (budget 350 ms)"
          if first else "first question: pexpect not installed")
    print(f"1,000 assessments in one process       {in_process_ms():7.1f} ms  (budget 1000 ms)")
    print(f"peak memory, scripted run              {peak_memory_mib(scripted):7.1f} MiB "
          "(budget 60 MiB)")
    probe = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "engagewiz", "assess", "--answers",
         str(EXAMPLE), "--format", "json"], capture_output=True, text=True, env=ENV, check=False)
    heavy = sorted({m for m in ("questionary", "prompt_toolkit", "rich")
                    if f" {m}" in probe.stderr})
    found = ", ".join(heavy) or "none of questionary, prompt_toolkit, rich"
    print(f"modules imported by the scripted run   {found}")


if __name__ == "__main__":
    main()
