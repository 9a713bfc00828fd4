"""The engagement plan as one self-contained HTML file that prints cleanly on A4.

Self-contained on purpose: a plan is handed out in workshops and opened offline, and it
holds sensitive answers, so it loads nothing (no fonts, scripts or images; a Content
Security Policy forbids it). The answers travel inside the file twice: readable in a
<pre> block, and machine-readable in `<script type="application/yaml"
id="engagewiz-answers">` (never executed) so a tool can re-run the plan.
"""

from __future__ import annotations

from html import escape

from engagewiz.render.plan import Line, Part, Plan, Section, urls

ANSWERS_ID = "engagewiz-answers"

CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-left { content: "engagewiz engagement plan: guidance, not legal advice";
    font: 7.5pt sans-serif; color: #7a838d; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 7.5pt sans-serif;
    color: #7a838d; } }
* { box-sizing: border-box; }
html { background: #eef0f3; }
body { font: 10pt/1.42 "Helvetica Neue", "Liberation Sans", Arial, sans-serif; color: #1d232b;
  max-width: 210mm; margin: 0 auto; padding: 14mm 15mm; background: #fff; }
header { border-bottom: 3px solid #1f4e79; padding-bottom: 3mm; margin-bottom: 5mm; }
h1 { font-size: 22pt; margin: 0; color: #1f4e79; letter-spacing: .01em; }
.about { font-size: 13pt; color: #1f4e79; margin: 1mm 0 0; }
.subtitle { color: #5a6470; font-size: 9pt; margin: 1mm 0 0; }
@page brief { margin: 12mm 14mm 14mm 14mm;
  @bottom-left { content: "engagewiz engagement brief: guidance, not legal advice";
    font: 7.5pt sans-serif; color: #7a838d; } }
html.brief { page: brief; }
.brief body { font-size: 9.5pt; line-height: 1.35; }
.brief header { margin-bottom: 3mm; }
.brief .sec-urgent { margin-top: 2mm; }
.brief .sec-outro { font-size: 8.5pt; color: #5a6470; }
.brief h1 { font-size: 19pt; }
.brief h2 { font-size: 12.5pt; margin: 4mm 0 1.5mm; }
.brief .sources { font-size: 7pt; line-height: 1.3; }
h2 { font-size: 13.5pt; color: #1f4e79; margin: 7mm 0 2mm; break-after: avoid; }
h2 .num { display: inline-block; min-width: 7.5mm; height: 7.5mm; line-height: 7.5mm;
  margin-right: 2mm; border-radius: 50%; background: #1f4e79; color: #fff; text-align: center;
  font-size: 11pt; }
h3 { font-size: 9.5pt; text-transform: uppercase; letter-spacing: .06em; color: #3d4a58;
  margin: 3.5mm 0 1mm; break-after: avoid; }
p, ul, ol { margin: 0 0 2mm; }
ul, ol { padding-left: 6mm; }
li { margin: .6mm 0; }
.meta { color: #5a6470; font-style: italic; margin-top: -1mm; }
.situation { background: #f3f6f9; border-left: 3px solid #1f4e79; padding: 3mm 4mm; }
.notice { color: #6b4e00; background: #fff8e1; padding: 2mm 3mm 2mm 7mm; font-size: 8.5pt; }
li { break-inside: avoid; }
.deadline { background: #fff1c2; border-left: 3px solid #d99a00; padding: .4mm 2mm;
  font-weight: 600; }
.check { background: #eaf2fb; border-left: 3px solid #5b8fc7; padding: .4mm 2mm; }
.warning { color: #7a3e00; }
.sec-route, .sec-check, .sec-blocked, .sec-follow-up { border-top: 1px solid #d5dbe2;
  margin-top: 6mm; }
.sec-safety h2, .sec-urgent h2 { color: #8a1c1c; }
.sec-urgent { border: 2px solid #8a1c1c; padding: 1mm 4mm 2mm; margin-top: 4mm; }
.sec-deadlines { border-top: 2px solid #d99a00; margin-top: 5mm; }
.sec-safety { border-top: 2px solid #8a1c1c; margin-top: 6mm; }
sup { font-size: 7pt; line-height: 0; }
sup a { color: #1f4e79; text-decoration: none; }
.sources { font-size: 8.5pt; color: #3d4a58; }
.sources li { break-inside: avoid; }
.sources a { overflow-wrap: anywhere; }
.answers { break-before: page; }
pre { font: 8pt/1.35 "DejaVu Sans Mono", Consolas, monospace; background: #f5f5f5;
  padding: 3mm; white-space: pre-wrap; border: 1px solid #ddd; }
footer { margin-top: 6mm; padding-top: 2mm; border-top: 1px solid #d5dbe2; font-size: 8.5pt;
  color: #5a6470; }
@media print {
  html { background: #fff; }
  body { padding: 0; max-width: none; }
  a { color: inherit; }
}
"""


def linked(text: str) -> str:
    """Escaped text whose web addresses are links: a plan is read on screen too."""
    return "".join(f'<a href="{escape(piece)}">{escape(piece)}</a>' if is_url else escape(piece)
                   for is_url, piece in urls(text))


def _refs(line: Line) -> str:
    links = ",".join(f'<a href="#src-{n}">{n}</a>' for n in line.refs)
    return f"<sup>{links}</sup>" if links else ""


def _line(line: Line) -> str:
    lead = f"<strong>{escape(line.label)}:</strong> " if line.label else ""
    body = f"{lead}{linked(line.text)}{_refs(line)}"
    return f'<span class="{line.tone}">{body}</span>' if line.tone else body


def _part(part: Part) -> str:
    tag = "ol" if part.ordered else "ul"
    items = "".join(f"<li>{_line(x)}</li>" for x in part.lines)
    title = f"<h3>{escape(part.title)}</h3>" if part.title else ""
    return f'<div class="part">{title}<{tag}>{items}</{tag}></div>'


def _section(section: Section) -> str:
    number = f'<span class="num">{section.number}</span>' if section.number else ""
    heading = f"<h2>{number}{escape(section.title)}</h2>" if section.title else ""
    out = [f'<section class="sec-{section.kind}">{heading}']
    if section.meta:
        out.append(f'<p class="meta">{escape(section.meta)}</p>')
    out += [f"<p>{_line(x)}</p>" for x in section.intro]
    out += [_part(p) for p in section.parts]
    return "".join(out) + "</section>\n"


def _script_yaml(text: str) -> str:
    """YAML safe inside <script>: '<' is written as the YAML escape \\x3c.

    Only double-quoted YAML scalars understand escapes, so when a '<' occurs the block is
    re-dumped with every scalar double-quoted; it still loads to the same answers.
    """
    if "<" not in text:
        return text
    import yaml

    comments = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    data = yaml.safe_load(text)
    quoted = yaml.safe_dump(data, default_style='"', sort_keys=False, allow_unicode=True,
                            width=10_000)
    return comments + quoted.replace("<", "\\x3c")


def _answers(text: str) -> str:
    if not text:
        return ""
    return f"""<section class="answers"><h2>Your answers</h2>
<p>Save this block as <code>answers.yaml</code> to re-run the plan.</p>
<pre>{escape(text)}</pre>
<script type="application/yaml" id="{ANSWERS_ID}">
{_script_yaml(text)}</script>
</section>
"""


def render(plan: Plan) -> str:
    situation = " ".join(f"<strong>{escape(k)}:</strong> {escape(v)}."
                         for k, v in plan.situation)
    notices = "".join(f"<li>{linked(n)}</li>" for n in plan.notices)
    notices = f'<ul class="notice">{notices}</ul>' if notices else ""
    sources = "".join(
        f'<li id="src-{s.number}">{escape(s.sentence)}'
        + (f" {linked(s.url)}" if s.url else "") + f" <code>{escape(s.key)}</code></li>"
        for s in plan.sources)
    body = "".join(_section(s) for s in plan.sections)
    about = f'<p class="about">{escape(plan.about)}</p>' if plan.about else ""
    footer = f"<footer>{escape(plan.disclaimer)}</footer>" if plan.disclaimer else ""
    intro = "" if plan.brief else f"""<section class="intro"><h2>Your situation</h2>
<p class="situation">{situation or "No answers about your organisation were given."}</p>
{notices}</section>
"""
    return f"""<!DOCTYPE html>
<html lang="en"{' class="brief"' if plan.brief else ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="robots" content="noindex">
<title>{escape(" ".join(x for x in (plan.title, plan.about) if x))}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>{escape(plan.title)}</h1>{about}<p class="subtitle">{escape(plan.subtitle)}</p>
</header>
{intro}{body}<section class="sources-section"><h2>Sources</h2>
<ol class="sources">{sources}</ol></section>
{_answers(plan.answers_yaml)}{footer}
</body>
</html>
"""
