"""Every failure the outside fuzz found (fuzz-2026-12), reproduced through the real entry
point: each ends as one clear message with exit 2 (or exit 0 where the input is fine),
within the budget, with control characters made visible.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_inprocess import Ran, run_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kenya-torture-survivor.yaml"
MINIMAL = ROOT / "examples" / "kb-minimal"
DATA = ROOT / "data"


@pytest.fixture(autouse=True, scope="module")
def warm() -> None:
    """Commands imported and the session's cache filled before the first timed run: the
    budget is about the input, not about a cold start."""
    run_cli("assess", "--answers", str(EXAMPLE), "--format", "json")
    run_cli("demo", "npm-cpt-and-spt", "--auto")


def answers(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assess(path: Path, *more: str) -> Ran:
    ran = run_cli("assess", "--answers", str(path), "--format", "json", "--no-input", *more)
    ran.holds()
    return ran


# -- answers files -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["!!float abc", "!!bool maybe", "!!timestamp x", "!!int abc",
                                   "!!python/object/apply:os.system ['true']", "!!binary aGk="])
def test_an_explicit_tag_is_refused_with_its_line(tmp_path: Path, value: str) -> None:
    path = answers(tmp_path, f"country: Kenya\norg_type: {value}\n")
    assess(path).fails_clearly(f"{path}:2: org_type: explicit tag ", "is not allowed")


def test_a_number_of_thousands_of_digits_is_refused(tmp_path: Path) -> None:
    assess(answers(tmp_path, "org_type: " + "7" * 5000 + "\n")).fails_clearly(
        ":1: org_type: a number of more than 30 digits")
    assess(answers(tmp_path, '{"org_type": ' + "7" * 5000 + "}", "a.json")).fails_clearly(
        "a.json: a number of more than 30 digits")


@pytest.mark.parametrize("value", ["2026-03-03 10:00:00", "2026-03-03T10:00:00Z"])
def test_a_date_with_a_time_is_refused(tmp_path: Path, value: str) -> None:
    text = EXAMPLE.read_text().replace("final_decision_date: 2026-03-03",
                                       f"final_decision_date: {value}")
    assess(answers(tmp_path, text)).fails_clearly("final_decision_date: expected a date as "
                                                  "YYYY-MM-DD or dont_know, without a time")


@pytest.mark.parametrize("value", ["9995-01-01", "2027-01-01", "1066-10-14"])
def test_a_date_no_time_limit_can_count_from_is_refused(tmp_path: Path, value: str) -> None:
    text = EXAMPLE.read_text().replace("2026-03-03", value)
    assess(answers(tmp_path, text)).fails_clearly(
        f"final_decision_date: expected a date from 1900-01-01 to today; found {value}")


def test_a_far_future_date_in_compare_set_is_refused() -> None:
    ran = run_cli("compare", str(EXAMPLE), "--set", "final_decision_date=9995-01-01")
    ran.holds()
    ran.fails_clearly("--set final_decision_date: expected a date from 1900-01-01 to today")


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    assess(answers(tmp_path, "org_type: " + "[" * 999 + "]" * 999 + "\n")).fails_clearly(
        "nested more than 40 levels deep")
    assess(answers(tmp_path, '{"org_type": ' + "[" * 5000 + "]" * 5000 + "}", "a.json")
           ).fails_clearly("nested more than 40 levels deep")


def test_an_alias_bomb_is_refused_quickly_and_briefly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    ran = assess(answers(tmp_path, "\n".join(lines) + "\norg_type: *a9\n"))
    ran.fails_clearly("answers.yaml:1: more than 5,000 values", "(aliases expand it)")
    assert len(ran.err) < 500


def test_a_long_value_is_quoted_short(tmp_path: Path) -> None:
    ran = assess(answers(tmp_path, "org_type: " + "x" * 200_000 + "\n"))
    ran.fails_clearly(":1: org_type: expected one of ngo, ", "found 'xxxxxxxx")
    assert len(ran.err) < 500


def test_a_file_too_large_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    assess(answers(tmp_path, "# " + "x" * 300_000 + "\n")).fails_clearly(
        "larger than 256 KiB; expected a YAML or JSON file")


def test_a_thousand_unknown_keys_are_located_in_one_parse(tmp_path: Path) -> None:
    ran = assess(answers(tmp_path, "".join(f"unknown_{i}: 1\n" for i in range(2000))))
    ran.fails_clearly(":1: unknown_0: unknown question id", ":20: unknown_19:",
                      "and 1980 more problems")


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom", "fifo"])
def test_a_device_or_fifo_is_refused_without_blocking(tmp_path: Path, special: str) -> None:
    path = Path(special)
    if special == "fifo":
        path = tmp_path / "answers.yaml"
        os.mkfifo(path)
    kind = "a named pipe (FIFO)" if special == "fifo" else "a device"
    assess(path).fails_clearly(f"{path}: is {kind}, expected a YAML or JSON file")


def test_latin1_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(b"org_type: ngo\ncountry: C\xf4te d'Ivoire\n")
    assess(path).fails_clearly(f"{path}:2: not UTF-8 text (byte 0xf4)")


def test_a_key_given_twice_is_a_warning_naming_both_lines(tmp_path: Path) -> None:
    text = EXAMPLE.read_text() + "org_type: rehab_centre\n"
    ran = assess(answers(tmp_path, text))
    assert ran.code == 0, ran.err
    first = 1 + EXAMPLE.read_text().splitlines().index("org_type: rehab_centre")
    last = len(text.splitlines())
    assert (f"engagewiz: warning: {tmp_path / 'answers.yaml'}:{last}: org_type: given twice "
            f"(lines {first} and {last}); the answer on line {last} counts") in ran.err


def test_a_key_given_twice_in_json_names_both_lines(tmp_path: Path) -> None:
    path = answers(tmp_path, '{\n "org_type": "ngo",\n "org_type": "npm"\n}\n', "a.json")
    ran = run_cli("assess", "--answers", str(path), "--format", "json", "--no-input")
    assert "org_type: given twice (lines 2 and 3)" in ran.err, ran.err


def test_escape_sequences_in_keys_and_values_reach_no_terminal(tmp_path: Path) -> None:
    path = answers(tmp_path, '"\\e]0;PWNED\\a\\e[2J": 1\n')
    ran = assess(path)
    ran.fails_clearly("contains a control character (\\x1b)")
    assert "\x1b" not in ran.err and "\x07" not in ran.err


def test_a_lone_surrogate_in_json_is_refused(tmp_path: Path) -> None:
    path = answers(tmp_path, '{"org_type": "ngo\\ud800"}', "a.json")
    assess(path).fails_clearly("org_type: contains a control character (\\ud800)")


def test_a_lone_surrogate_or_escape_in_an_argument_is_refused() -> None:
    for value in ("ngo\udcff", "ngo\x1b[2J"):
        ran = run_cli("compare", str(EXAMPLE), "--set", f"org_type={value}", "--format", "json")
        ran.holds()
        ran.fails_clearly("--set org_type: contains a control character")
        assert "\x1b" not in ran.err


def test_an_unknown_country_argument_is_shown_harmlessly() -> None:
    ran = run_cli("country", "\x1b]0;PWNED\x07Kenya")
    ran.fails_clearly("unknown country '\\x1b]0;PWNED\\x07Kenya'")


# -- knowledge-base copies ---------------------------------------------------------------------

def kb_copy(tmp_path: Path, source: Path = MINIMAL) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("scenarios"))
    return folder


@pytest.fixture(scope="module")
def broken_countries() -> dict[str, Path]:
    """Knowledge-base copies by the content of their countries.json: a copy at a new path
    is built again (countries are read before any answer, so a small KB will do)."""
    return {}


@pytest.mark.parametrize(("content", "message"), [
    ("[]", "countries.json:1: expected a mapping (key: value lines), found a list"),
    ('{"schema": 2}', "countries.json:1: schema: unsupported countries schema 2"),
    ('{"schema": 1, "built": "x", "sources": {', "countries.json:1: invalid JSON"),
    ('{"schema": 1, "built": "x", "countries": {}, "sources": {"s": {"citation": "t", "url": '
     '"w", "as_of": "9999-12-31"}}}', "sources.s.as_of: expected YYYY, YYYY-MM or YYYY-MM-DD"),
])
@pytest.mark.parametrize("command", [["assess", "--answers", str(EXAMPLE), "--format", "json"],
                                     ["country", "KEN"], ["compare", str(EXAMPLE), "--set",
                                                          "reprisal_risk=high"],
                                     ["demo", "npm-cpt-and-spt", "--auto"], ["check"]])
def test_broken_country_data_is_a_message_for_every_command(
        broken_countries: dict[str, Path], tmp_path_factory: pytest.TempPathFactory,
        content: str, message: str, command: list[str]) -> None:
    if content not in broken_countries:  # one copy for every command: none writes to it
        kb = broken_countries[content] = kb_copy(tmp_path_factory.mktemp("countries"))
        (kb / "countries.json").write_text(content, encoding="utf-8")
    ran = run_cli(*command, "--kb", str(broken_countries[content]))
    assert ran.code == 2, ran.err
    assert message in ran.err + ran.out, ran.err + ran.out[:2000]


def test_a_folder_named_countries_json_is_a_message(tmp_path: Path) -> None:
    kb = kb_copy(tmp_path)
    (kb / "countries.json").mkdir()
    run_cli("country", "KEN", "--kb", str(kb)).fails_clearly("countries.json: is a folder")


def test_a_deep_when_is_a_message_not_a_recursion_error(tmp_path: Path) -> None:
    kb = kb_copy(tmp_path)
    path = kb / "questions.yaml"
    deep = "{not: " * 330 + "{q: case_type, is: individual}" + "}" * 330
    path.write_text(path.read_text().replace("    prefill: true", f"    when: {deep}", 1))
    for command in ("check", "tree"):
        ran = run_cli(command, "--kb", str(kb))
        ran.holds()
        assert ran.code == 2 and "nested more than 40 levels deep" in ran.err + ran.out


def test_a_control_character_in_kb_text_is_a_check_problem(tmp_path: Path) -> None:
    kb = kb_copy(tmp_path)
    path = kb / "mechanisms.yaml"
    path.write_text(path.read_text().replace('name: "UPR: stakeholder submission"',
                                             'name: "UPR\\e]0;PWNED\\a: submission"'))
    ran = run_cli("check", "--kb", str(kb))
    assert ran.code == 2
    assert ("mechanisms.yaml:21: mechanisms[0].name: contains a control character (\\x1b)"
            in ran.out), ran.out
    assert "\x1b" not in ran.out


@pytest.mark.parametrize("mutation", ["sources: {}", "questions: []"])
def test_check_on_a_gutted_file_is_quick(tmp_path: Path, mutation: str) -> None:
    kb = kb_copy(tmp_path, DATA)
    name, key = ("mechanisms.yaml", "sources:") if "sources" in mutation else (
        "questions.yaml", "questions:")
    path = kb / name
    lines = path.read_text().splitlines()
    start = lines.index(key)
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and lines[i][0] not in " #-"),
               len(lines))
    path.write_text("\n".join([*lines[:start], mutation, *lines[end:]]) + "\n")
    ran = run_cli("check", "--kb", str(kb))
    assert ran.code == 2 and ran.seconds < 3, ran.seconds  # cold: it builds the whole KB


def test_broken_scenario_files_are_messages(tmp_path: Path) -> None:
    kb = kb_copy(tmp_path)
    (kb / "scenarios").mkdir()
    (kb / "scenarios" / "broken.yaml").mkdir()
    run_cli("demo", "--kb", str(kb)).fails_clearly("broken.yaml: is a folder")
    (kb / "scenarios" / "broken.yaml").rmdir()
    (kb / "scenarios" / "broken.yaml").write_bytes(b"# name: caf\xe9\n")
    run_cli("demo", "broken", "--kb", str(kb)).fails_clearly("broken.yaml:1: not UTF-8 text")
    run_cli("compare", "broken", "--set", "x=y", "--kb", str(kb)).fails_clearly(
        "broken.yaml:1: not UTF-8 text")


# -- arguments -----------------------------------------------------------------------------------

@pytest.mark.parametrize("delay", ["nan", "inf", "-1"])
def test_a_delay_that_cannot_be_slept_is_refused(delay: str) -> None:
    ran = run_cli("demo", "npm-cpt-and-spt", "--auto", "--delay", delay)
    assert ran.code == 2 and "--delay" in ran.err, ran.err


def test_a_name_too_long_for_a_file_is_an_unknown_scenario() -> None:
    run_cli("compare", "x" * 300, "--set", "org_type=ngo").fails_clearly("unknown scenario 'xxx")


def test_today_out_of_range_is_refused() -> None:
    run_cli("country", "KEN", "--today", "9999-12-31").fails_clearly(
        "--today: expected a date from 1900-01-01 to 2999-12-31")


# -- files written -------------------------------------------------------------------------------

@pytest.mark.parametrize(("option", "name"), [("--save-answers", "answers.yaml"),
                                              ("--output", "plan.md")])
def test_a_fifo_is_never_replaced(tmp_path: Path, option: str, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    ran = run_cli("assess", "--answers", str(EXAMPLE), option, str(fifo))
    ran.fails_clearly(f"{fifo}: cannot write: it is a named pipe (fifo), not a regular file")
    assert fifo.is_fifo()


def test_save_answers_dash_prints_the_answers_only(tmp_path: Path) -> None:
    ran = run_cli("assess", "--answers", str(EXAMPLE), "--save-answers", "-")
    assert ran.code == 0, ran.err
    assert ran.out.startswith("# engagewiz answers\n")
    assert "org_type: rehab_centre" in ran.out and "RECOMMENDED" not in ran.out


def test_output_dash_says_where_the_result_goes() -> None:
    run_cli("assess", "--answers", str(EXAMPLE), "--output", "-").fails_clearly(
        "--output: the result is printed on standard output already")


def test_json_output_survives_an_ascii_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from engagewiz.cli import common

    class Ascii:
        encoding = "ascii"
        text = ""

        def write(self, text: str) -> None:
            text.encode("ascii")
            self.text += text

    out = Ascii()
    monkeypatch.setattr(common.sys, "stdout", out)
    common.write_output(json.dumps({"name": "C\u00f4te d'Ivoire \U0001f600"},
                                   ensure_ascii=False), None)
    assert json.loads(out.text) == {"name": "C\u00f4te d'Ivoire \U0001f600"}


def test_an_ascii_terminal_gets_escapes_not_a_crash() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for args, expected in ((["country", "CIV"], "C\\xf4te d'Ivoire"),
                           (["country", "CIV", "--format", "json"], '"C\\u00f4te d\'Ivoire"')):
        done = subprocess.run([sys.executable, "-m", "engagewiz", *args], capture_output=True,
                              text=True, env=env, stdin=subprocess.DEVNULL, check=False)
        assert done.returncode == 0, done.stderr
        assert expected in done.stdout
    assert json.loads(done.stdout)["country"]["name"] == "C\u00f4te d'Ivoire"


def test_an_svg_stays_well_formed_whatever_is_printed() -> None:
    from xml.etree import ElementTree

    from rich.console import Console

    from engagewiz.render.visible import guard

    console = guard(Console(record=True, file=io.StringIO(), force_terminal=True, width=60))
    console.print("route \x1b]0;PWNED\x07 name \x1b[2J \x9b1m \ud800 \u202e end")
    svg = console.export_svg(title="engagewiz")
    ElementTree.fromstring(svg)  # raises on a character XML does not allow
    assert "\\x1b" in svg
