"""`assess --output`: one file per suffix, private (0600), atomic, and re-runnable."""

from __future__ import annotations

import json
import re
import stat
import subprocess
from html import unescape
from pathlib import Path

import pytest
import yaml

from cli_inprocess import completed
from engagewiz.core.engine import assess
from engagewiz.core.model import KnowledgeBase
from engagewiz.errors import InputError
from engagewiz.kb.countries import CountryData
from engagewiz.render import json_out
from engagewiz.render.export import write_export
from engagewiz.render.plan_html import ANSWERS_ID, _script_yaml

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "data" / "scenarios" / "rehab-centre-complaint-deadline.yaml"


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return completed(*args, cwd=cwd, env={"ENGAGEWIZ_TODAY": "2026-11-23", "NO_COLOR": "1"})


def answers_in_html(text: str) -> str:
    found = re.search(rf'<script type="application/yaml" id="{ANSWERS_ID}">\n(.*?)</script>',
                      text, re.S)
    assert found, "the HTML plan must embed its answers"
    return found.group(1)


@pytest.mark.parametrize("suffix", [".md", ".html", ".svg", ".json"])
def test_every_suffix_writes_a_private_file(suffix: str, tmp_path: Path) -> None:
    out = tmp_path / f"plan{suffix}"
    out.write_text("old contents")  # replaced, not appended to
    done = cli("assess", "--answers", str(SCENARIO), "--no-input", "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert f"Wrote {out}" in done.stderr
    assert done.stdout == ""  # the report goes to the file only
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    assert "old contents" not in text
    readable = unescape(text).replace("\xa0", " ")  # rich's SVG writes spaces as &#160;
    assert "CAT: individual complaint" in readable  # the top route of this scenario
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temp file left


def test_unknown_suffix_is_a_clear_input_error(tmp_path: Path) -> None:
    done = cli("assess", "--answers", str(SCENARIO), "--no-input", "-o",
               str(tmp_path / "plan.docx"))
    assert done.returncode == 2
    assert "expected one of .md, .html, .pdf, .svg, .json" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "plan.docx").exists()


def test_write_export_raises_input_error_without_writing(tmp_path: Path, kb: KnowledgeBase,
                                                          countries: CountryData) -> None:
    from datetime import date

    result = assess(kb, {"org_type": "ngo"}, today=date(2026, 11, 23), countries=countries)
    with pytest.raises(InputError, match="--output"):
        write_export(result, kb, tmp_path / "noext", top=3, countries=None)
    assert list(tmp_path.iterdir()) == []


def test_html_plan_embeds_answers_that_rerun_to_the_same_result(tmp_path: Path) -> None:
    plan = tmp_path / "plan.html"
    assert cli("assess", "-a", str(SCENARIO), "--no-input", "-o", str(plan)).returncode == 0
    html = plan.read_text(encoding="utf-8")
    saved = tmp_path / "answers.yaml"
    saved.write_text(answers_in_html(html), encoding="utf-8")
    again = cli("assess", "-a", str(saved), "--no-input", "--format", "json")
    first = cli("assess", "-a", str(SCENARIO), "--no-input", "--format", "json")
    assert again.returncode == 0, again.stderr
    ranked = [[r["id"] for r in json.loads(x.stdout)["recommended"]] for x in (first, again)]
    assert ranked[0] == ranked[1]
    # The readable copy in <pre> holds the same answers.
    pre = re.search(r"<pre>(.*?)</pre>", html, re.S)
    assert pre and yaml.safe_load(unescape(pre.group(1))) == yaml.safe_load(saved.read_text())


def test_html_plan_is_self_contained(tmp_path: Path) -> None:
    plan = tmp_path / "plan.html"
    assert cli("assess", "-a", str(SCENARIO), "--no-input", "-o", str(plan)).returncode == 0
    html = plan.read_text(encoding="utf-8")
    assert "@page" in html and "size: A4" in html
    assert not re.search(r"""\ssrc=|<link|url\(""", html)  # loads nothing (links are not)
    links = re.findall(r"""<a [^>]*href=["']?(https?:|//)""", html)
    assert links and len(links) == len(re.findall(r"""href=["']?(https?:|//)""", html))
    assert "default-src 'none'" in html
    assert "<script" not in html.replace(f'<script type="application/yaml" id="{ANSWERS_ID}">',
                                         "")


def test_answers_cannot_close_the_script_block() -> None:
    text = "# header\nnote: 'a </script><b>x</b>'\nthemes: [torture]\n"
    safe = _script_yaml(text)
    assert "<" not in safe
    assert yaml.safe_load(safe) == yaml.safe_load(text)
    assert safe.startswith("# header\n")
    assert _script_yaml("themes: [torture]\n") == "themes: [torture]\n"


def test_svg_and_json_match_the_other_renderers(tmp_path: Path, kb: KnowledgeBase,
                                                countries: CountryData) -> None:
    svg, js = tmp_path / "r.svg", tmp_path / "r.json"
    for out in (svg, js):
        assert cli("assess", "-a", str(SCENARIO), "--no-input", "-o", str(out)).returncode == 0
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg") and "Top routes" in text
    stdout = cli("assess", "-a", str(SCENARIO), "--no-input", "--format", "json").stdout
    assert json.loads(js.read_text()) == json.loads(stdout)
    assert json.loads(stdout)["format"] == json_out.FORMAT_VERSION


def test_a_plan_names_the_state_from_the_countries_of_its_own_knowledge_base(
        tmp_path: Path) -> None:
    """The plan once read country data through the cached KB's first-load paths: with a
    custom --kb given relative to another folder, the plan named the bundled "Kenya" while
    the JSON of the same run used the custom "Kenya-CUSTOM"."""
    kb = tmp_path / "a" / "kb"
    kb.mkdir(parents=True)
    for name in ("questions.yaml", "mechanisms.yaml", "texts.yaml"):
        (kb / name).write_bytes((ROOT / "data" / name).read_bytes())
    data = (ROOT / "data" / "countries.json").read_text(encoding="utf-8")
    (kb / "countries.json").write_text(data.replace('"name":"Kenya"', '"name":"Kenya-CUSTOM"'),
                                       encoding="utf-8")
    (tmp_path / "b").mkdir()
    answers = str(ROOT / "examples" / "kenya-torture-survivor.yaml")
    for cwd, kb_arg in ((tmp_path / "a", "kb"), (tmp_path / "b", "../a/kb")):
        done = cli("assess", "--answers", answers, "--kb", kb_arg, "-o", "plan.md", cwd=cwd)
        assert done.returncode == 0, done.stderr
        assert "**State:** Kenya-CUSTOM." in (cwd / "plan.md").read_text(encoding="utf-8")
