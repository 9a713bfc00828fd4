"""The engagement plan as Markdown: readable as plain text, and clean on GitHub or pandoc.

Sources are numbered references, `[1]`, listed under "Sources" at the end: they read the
same in a text editor, on GitHub and through pandoc. Text from answers and the knowledge
base is escaped, so an answer cannot inject markup into a plan someone else opens.
"""

from __future__ import annotations

import re

from engagewiz.render.footnotes import mark
from engagewiz.render.plan import Line, Part, Plan, Section, urls

_SPECIAL = re.compile(r"([\\`*\[\]<>])")  # intraword _ is harmless in CommonMark


def esc(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    return "\\" + text if text[:1] in ("#", "_", "+", "-") else text


def linked(text: str) -> str:
    """Escaped text whose web addresses are CommonMark autolinks (`<https://...>`), which
    every Markdown viewer makes clickable."""
    return "".join(f"<{piece}>" if is_url else esc(piece) for is_url, piece in urls(text))


def _refs(line: Line) -> str:
    return f" {mark(line.refs)}" if line.refs else ""


def _line(line: Line) -> str:
    text = linked(line.text)
    if line.tone == "deadline":
        text = f"**{text}**"
    lead = f"**{esc(line.label)}:** " if line.label else ""
    if line.tone == "warning" and not line.label:
        lead = "**Warning:** "
    return f"{lead}{text}{_refs(line)}"


def _part(part: Part) -> list[str]:
    out = [f"**{esc(part.title)}**", ""] if part.title else []
    for i, line in enumerate(part.lines, 1):
        out.append(f"{i}. {_line(line)}" if part.ordered else f"- {_line(line)}")
    return [*out, ""]


def _section(section: Section) -> list[str]:
    title = esc(section.title)
    out = [f"## {section.number}. {title}" if section.number else f"## {title}", ""] \
        if title else []
    if section.meta:
        out += [f"*{esc(section.meta)}*", ""]
    for line in section.intro:
        out += [_line(line), ""]
    for part in section.parts:
        out += _part(part)
    return out


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks inside the text."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def render(plan: Plan) -> str:
    out = [f"# {esc(' '.join(x for x in (plan.title, plan.about) if x))}", "",
           f"*{esc(plan.subtitle)}*", ""]
    if not plan.brief:
        out += ["## Your situation", ""]
        out += [" ".join(f"**{esc(k)}:** {esc(v)}." for k, v in plan.situation) or
                "No answers about your organisation were given.", ""]
    for notice in plan.notices:
        out += [f"> {linked(notice)}", ""]
    for section in plan.sections:
        out += _section(section)
    out += ["## Sources", ""]
    out += [f"{s.number}. {esc(s.sentence)}" + (f" {linked(s.url)}" if s.url else "")
            + f" ({esc(s.key)})" for s in plan.sources]
    if plan.answers_yaml:
        fence = _fence(plan.answers_yaml)
        out += ["", "## Your answers", "",
                "Save the block below as `answers.yaml` to re-run this plan.", "",
                f"{fence}yaml", plan.answers_yaml.rstrip("\n"), fence]
    out += ["", "---", "", f"*{esc(plan.disclaimer)}*", ""] if plan.disclaimer else [""]
    return "\n".join(out)
