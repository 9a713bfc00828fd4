"""A commented answers file with every question: the starting point for scripted runs."""

from __future__ import annotations

import json
import textwrap

from engagewiz.core.model import KnowledgeBase, Question

_TYPE_HINT = {
    "choice": "one of the values below",
    "multi": "a list of the values below, e.g. [a, b]",
    "yes_no": "yes or no",
    "country": "a country name or ISO code (e.g. Kenya, KEN, KE)",
    "date": "a date, YYYY-MM-DD",
    "text": "a short text",
}


def _comment(text: str, indent: str = "# ") -> list[str]:
    return textwrap.wrap(text, 86, initial_indent=indent, subsequent_indent=indent) or [indent]


def answers_template(kb: KnowledgeBase) -> str:
    lines = [
        "# engagewiz answers file. Fill in what you know and leave the rest blank:",
        "# blank answers are asked in the interview, or reported as 'check first'.",
        "# Run:  engagewiz assess --answers THIS_FILE",
        "# Answers can describe victims and risks: keep this file private.",
        "",
        "# The knowledge base this file was made for: a later engagewiz still reads it.",
        f"kb_version: {json.dumps(kb.version)}",
    ]
    for section in kb.sections:
        questions = [q for q in kb.questions if q.section == section.id]
        if not questions:
            continue
        lines += ["", f"# ==== {section.title} " + "=" * max(0, 70 - len(section.title))]
        for question in questions:
            lines += ["", *_question(question)]
    return "\n".join(lines) + "\n"


def _question(q: Question) -> list[str]:
    out = _comment(q.text) + _comment(f"Why we ask: {q.help}")
    hint = _TYPE_HINT[q.type] + ("; or dont_know" if q.dont_know else "")
    out += _comment(f"Answer: {hint}.")
    if q.type in ("choice", "multi"):
        for choice in q.choices:
            out += _comment(f"{choice.value}: {choice.label}", "#   ")
    if q.prefill:
        out += ["# Filled in from the country data when you leave it blank."]
    if q.when is not None:
        out += ["# Asked only when it applies (see 'engagewiz tree')."]
    out.append(f"{q.id}:")
    return out
