"""`engagewiz demo` for a room: screens that fit, the result route by route, single keys in a
real terminal, and what one changed answer would do."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
from datetime import date
from functools import cache
from pathlib import Path

import pexpect
import pytest
import yaml
from rich.console import Console

from cli_inprocess import completed
from engagewiz.cli import keys
from engagewiz.cli.player import Player
from engagewiz.core import interview
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.whatif import what_would_change
from engagewiz.kb.countries import CountryData
from engagewiz.render import demo as view
from engagewiz.storage.answers import check_answers
from engagewiz.storage.scenarios import read_scenario
from marks import LISTED, MARK, numbers
from pty_driver import finished

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "data" / "scenarios"
NAMES = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))
TODAY = date(2026, 11, 23)
RULE = re.compile(r"^(\S.*?) [─-]{3,}$", re.M)  # a screen's title line ("-" with --plain)
PTY = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1", "ENGAGEWIZ_TODAY": "2026-11-23"}


@cache  # several tests read the same demo; a run costs 0.7 s of CPU (its what-ifs)
def cli(*args: str, columns: int = 100) -> subprocess.CompletedProcess[str]:
    env = {"ENGAGEWIZ_TODAY": "2026-11-23", "NO_COLOR": "1", "COLUMNS": str(columns)}
    return completed(*args, env=env)  # in this process; the terminal tests spawn it in a pty


def played(name: str) -> str:
    """What `demo NAME` prints off a terminal: the run the test of every scenario made
    (with --auto, which off a terminal prints the same screens without waiting; the
    README's demo and --big are played without it, and the pty tests with keys)."""
    return cli("demo", name, "--auto").stdout


def pages_of(out: str) -> list[tuple[str, str]]:
    """(title, body) of each page printed off a terminal."""
    titles = list(RULE.finditer(out))
    return [(m.group(1), out[m.end():titles[n + 1].start() if n + 1 < len(titles) else None])
            for n, m in enumerate(titles)]


def screens_of(out: str) -> list[tuple[str, str]]:
    """(title, body) of each screen: the pages of a tall one ("Title (2/3)") put together."""
    screens: list[tuple[str, str]] = []
    for title, body in pages_of(out):
        found = re.fullmatch(r"(.*) \((\d+)/\d+\)", title)
        if found and found.group(2) != "1":
            screens[-1] = (screens[-1][0], screens[-1][1] + body)
        else:
            screens.append((found.group(1) if found else title, body))
    return screens


def answers_of(name: str, kb: KnowledgeBase) -> dict[str, object]:
    raw = yaml.safe_load((SCENARIOS / f"{name}.yaml").read_text())
    return interview.effective(kb, check_answers(raw, kb)[0])


@pytest.mark.parametrize("name", NAMES)
def test_every_scenario_plays_screen_by_screen_each_fitting_30_lines(name: str) -> None:
    started = time.monotonic()
    done = cli("demo", name, "--auto")  # off a terminal, --auto's delay is not waited
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 20
    shown = pages_of(done.stdout)
    titles = [t for t, _ in screens_of(done.stdout)]
    scenario = read_scenario(SCENARIOS / f"{name}.yaml")
    assert titles[0] == scenario.title and "question 1 of" in titles[1]
    assert titles[-2:] == ["What would change this?", "Take it home"]
    routes = [t for t in titles if t.startswith("Recommended route ")]
    assert routes == [f"Recommended route {n} of 3" for n in (1, 2, 3)]
    for title, body in shown:
        lines = body.strip("\n").split("\n")
        assert len(lines) <= 30 - 3, title  # the title rule, a blank, the key line
    assert "\x1b[" not in done.stdout  # NO_COLOR and a pipe: no escape codes


def test_the_result_runs_urgent_limits_top_routes_blocked_then_what_if() -> None:
    urgent = [t for t, _ in screens_of(played("defenders-urgent-action"))]
    first = next(n for n, t in enumerate(urgent) if "question" not in t and n > 1
                 and not t.startswith("What "))
    assert urgent[first] == "Urgent: someone is at imminent risk"
    deadline = [t for t, _ in screens_of(played("rehab-centre-complaint-deadline"))]
    result = deadline[deadline.index("Time limits running"):]
    assert result[:4] == ["Time limits running", "Recommended route 1 of 3",
                          "Recommended route 2 of 3", "Recommended route 3 of 3"]
    assert result[4].startswith("Blocked route 1 of ")
    assert result[-2:] == ["What would change this?", "Take it home"]


def test_questions_come_in_interview_order_with_labels_and_the_states_facts(
        kb: KnowledgeBase) -> None:
    out = played("rehab-centre-complaint-deadline")
    shown = dict(screens_of(out))
    asked = [t for t in shown if "question" in t]
    numbers = [int(re.search(r"question (\d+) of", t).group(1)) for t in asked]  # type: ignore
    assert numbers == list(range(1, len(asked) + 1)) and len(asked) > 15
    assert "-> Georgia" in out  # a country answer reads as its name
    assert "-> Final decision given; no further appeal" in out  # labels, not values
    facts = shown["What Georgia has accepted, from the country data"]
    assert "CAT complaints (art. 22)" in facts and "UN Treaty Collection" in facts
    intro = " ".join(shown["A torture survivor's complaint against the clock"].split())
    assert "Based on:" in intro and "Engaging with UN Human Rights Mechanisms" in intro
    assert "seed" not in intro.lower()


def test_big_says_less() -> None:
    normal = played("rehab-centre-complaint-deadline")
    big = cli("demo", "rehab-centre-complaint-deadline", "--big").stdout
    route = "Recommended route 1 of 3"
    assert dict(screens_of(normal))[route].count("+") > dict(screens_of(big))[route].count("+")
    assert "(irct-engaging-un)" in normal and "irct-engaging-un" not in big  # no sources
    assert len(big.split()) < len(normal.split()) * 0.8


def test_result_screens_mark_their_sources_and_list_them_underneath() -> None:
    """Each mark on a result screen points into the list under that screen; a source keeps
    its number from one screen to the next."""
    out = played("rehab-centre-complaint-deadline")
    result = [(t, b) for t, b in screens_of(out)
              if t == "Time limits running" or t.startswith(("Recommended route", "Blocked"))]
    assert len(result) == 7
    keys: dict[int, str] = {}
    for title, body in result:
        listed = dict(LISTED.findall(body))
        marked = {n for m in MARK.findall(LISTED.sub("", body)) for n in numbers(m)}
        assert marked and marked == {int(n) for n in listed}, title
        for n, key in listed.items():
            assert keys.setdefault(int(n), key) == key  # one number, one source
    assert not re.search(r"\[[a-z]+-[a-z0-9-]+\]", out)  # no bare keys as marks


def test_what_would_change_this_is_a_real_flip_of_the_top(kb: KnowledgeBase,
                                                          countries: CountryData) -> None:
    answers = answers_of("rehab-centre-complaint-deadline", kb)
    before = assess(kb, answers, today=TODAY, countries=countries)
    flip = what_would_change(kb, answers, before, today=TODAY, countries=countries)
    assert flip is not None and flip.before == answers[flip.question] != flip.after
    after = assess(kb, {**answers, flip.question: flip.after}, today=TODAY,
                   countries=countries)
    assert [r.id for r in after.recommended[:3]] != [r.id for r in before.recommended[:3]]
    out = played("rehab-centre-complaint-deadline")
    screen = dict(screens_of(out))["What would change this?"]
    assert f"--set {flip.setting}" in " ".join(screen.split())
    assert "As played" in screen and "What if" in screen


def test_a_scenarios_own_what_if_is_played(tmp_path: Path) -> None:
    kb_dir = tmp_path / "kb"
    (kb_dir / "scenarios").mkdir(parents=True)
    for name in ("questions.yaml", "mechanisms.yaml", "texts.yaml", "countries.json"):
        (kb_dir / name).symlink_to(ROOT / "data" / name)
    text = (SCENARIOS / "npm-cpt-and-spt.yaml").read_text()
    (kb_dir / "scenarios" / "npm.yaml").write_text(
        text.replace("# sources:", "# what if: reprisal_risk=high\n# sources:", 1))
    out = cli("demo", "npm", "--kb", str(kb_dir)).stdout
    assert "--set reprisal_risk=high" in " ".join(dict(screens_of(out))[
        "What would change this?"].split())


def test_player_cuts_a_tall_screen_to_the_terminal_at_60_by_30() -> None:
    out = io.StringIO()
    console = Console(file=out, width=60, height=30, force_terminal=True, no_color=True)
    tall = view.Screen("Tall", [view.Indented(view.Text(f"line {n}"), 0) for n in range(70)])
    Player(console, auto=True, delay=0, waits=False).play([tall])
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
    pages = [p for p in plain.split("\x1b[2J\x1b[H") if p]  # each page clears
    assert len(pages) == 3
    for page in pages:
        assert len(page.splitlines()) <= 30 and max(map(len, page.splitlines())) <= 60
    assert "Tall (1/3)" in pages[0] and "line 69" in pages[2]


def test_a_page_drawn_before_the_terminal_was_resized_is_laid_out_again() -> None:
    """Pages are drawn once, when they are cut; a narrower terminal by the time one is shown
    gets it wrapped anew, not cut off at the right edge."""
    out = io.StringIO()
    console = Console(file=out, width=60, height=30, force_terminal=True, no_color=True)
    player = Player(console, auto=True, delay=0, waits=False)
    words = " ".join(f"word{n}" for n in range(30))
    book = player._pages([view.Screen("Wide", [view.Indented(view.Text(words), 0)])])
    console.width = 40
    player._show(book[0], 0, len(book))
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())
    assert max(map(len, plain.splitlines())) <= 40
    assert " ".join(plain.split()).count(words) == 1  # every word, in order


def test_key_names() -> None:
    assert [keys.name(k) for k in ("\r", " ", "\x1b[C", "\x1b[D", "S", "q", "\x04")] == [
        "enter", "space", "right", "left", "s", "q", "eof"]


def spawn(*args: str, columns: int = 100) -> pexpect.spawn:
    child = pexpect.spawn(sys.executable, ["-m", "engagewiz", "demo", *args], env=PTY,
                          encoding="utf-8", dimensions=(30, columns), timeout=30)
    child.delaybeforesend = None  # each key waits for the screen it answers instead
    return child


def test_single_keys_go_next_back_and_to_the_result_without_enter_and_q_quits() -> None:
    """One run, every key a single press at 60 columns: next, back, s (the result), q."""
    child = spawn("rehab-centre-complaint-deadline", columns=60)
    child.expect("Enter: next")
    child.send(" ")
    child.expect("question 1 of")
    child.send("b")
    child.expect("A torture survivor's complaint against the clock")
    child.send("s")  # one key, no Enter
    child.expect("Time limits running")
    child.send("q")
    assert finished(child) == 0


def test_the_terminal_is_restored_after_ctrl_c() -> None:
    shell = pexpect.spawn("/bin/bash", ["--norc", "--noprofile"], env={**PTY, "PS1": "$ "},
                          encoding="utf-8", dimensions=(30, 100), timeout=30)
    shell.delaybeforesend = None
    shell.expect_exact("$ ")
    shell.sendline(f"'{sys.executable}' -m engagewiz demo rehab-centre-complaint-deadline")
    shell.expect("Enter: next")
    shell.send("s")
    shell.expect("Time limits running")
    shell.sendintr()
    shell.expect_exact("$ ")
    shell.sendline("echo status=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon "
                   "-e echo -e -echo")
    shell.expect(r"status=(\d+)")
    assert shell.match.group(1) == "130"
    shell.expect_exact("$ ")
    settings = shell.before.split()
    assert "icanon" in settings and "echo" in settings, settings
    shell.sendline("exit")
    finished(shell)


def test_the_take_home_commands_work_with_the_scenarios_name(tmp_path: Path) -> None:
    """The last screen names the scenario, not a path into site-packages."""
    shown = dict(screens_of(played("npm-cpt-and-spt")))["Take it home"]
    assert "engagewiz assess --answers npm-cpt-and-spt --output brief.pdf" in shown
    done = cli("assess", "--answers", "npm-cpt-and-spt", "--output", str(tmp_path / "p.md"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "p.md").read_text().startswith("# Engagement plan for a National "
                                                      "Preventive Mechanism (NPM) in Czechia")


def test_check_names_a_wrong_source_or_what_if_in_a_scenario(kb: KnowledgeBase,
                                                            tmp_path: Path) -> None:
    from engagewiz.authoring.scenarios import scenario_problems

    text = (SCENARIOS / "npm-cpt-and-spt.yaml").read_text()
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(text.replace("# sources: apt-npm-toolkit",
                                  "# sources: apt-npm-toolkt\n# what if: reprisal_risk=huge"))
    problems = [str(p) for p in scenario_problems(kb, [wrong])]
    assert problems == [
        f"{wrong}:6: sources: unknown source 'apt-npm-toolkt'; did you mean 'apt-npm-toolkit'?; "
        "use a key listed under `sources:` in mechanisms.yaml",
        f"{wrong}:7: what if: expected one of low, medium, high, dont_know; found 'huge'"]
    assert scenario_problems(kb, sorted(SCENARIOS.glob("*.yaml"))) == []


def test_readme_shows_real_demo_and_compare_output() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```\n(.*?)\n```", readme.split("### Playing a scenario to a room")[1]
                        .split("\n## ")[0], re.S)
    demo = cli("demo", "rehab-centre-complaint-deadline", "--big", "--plain", columns=88).stdout
    assert blocks[0] + "\n" in demo
    compared = cli("compare", "rehab-centre-complaint-deadline", "--set", "remedies=pending",
                   "--plain", columns=88).stdout
    assert compared.rstrip("\n") == blocks[1]
