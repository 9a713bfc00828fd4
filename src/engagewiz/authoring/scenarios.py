"""`check` on the workshop scenarios' headers: `# sources:` keys and the `# what if:` flip.

A trainer who misspells a source key or a flip finds out from `check`, with the file and
line, not from a demo that quietly shows less in front of a room.
"""

from __future__ import annotations

from pathlib import Path

from engagewiz.core.model import KnowledgeBase
from engagewiz.errors import InputError, Problem
from engagewiz.hints import did_you_mean
from engagewiz.storage.answers import normalise
from engagewiz.storage.scenarios import read_scenario


def scenario_problems(kb: KnowledgeBase, files: list[Path]) -> list[Problem]:
    problems = []
    for path in files:
        try:
            s = read_scenario(path)
        except InputError as exc:
            problems += exc.problems
            continue
        lines = s.lines or {}
        for key in s.sources:
            if key not in kb.sources:
                problems.append(Problem(
                    f"unknown source '{key}'" + did_you_mean(key, kb.sources)
                    + "; use a key listed under `sources:` in mechanisms.yaml",
                    str(path), lines.get("sources"), "sources"))
        if s.what_if:
            message = _what_if(kb, s.what_if)
            if message:
                problems.append(Problem(message, str(path), lines.get("what if"), "what if"))
    return problems


def _what_if(kb: KnowledgeBase, flip: str) -> str:
    """What is wrong with a `# what if: KEY=VALUE` line, or ""."""
    qid, sep, value = (part.strip() for part in flip.partition("="))
    question = kb.question(qid)
    if not sep or not value:
        return f"expected KEY=VALUE, found '{flip}'"
    if question is None:
        return f"unknown question '{qid}'" + did_you_mean(qid, [q.id for q in kb.questions])
    if question.type not in ("choice", "yes_no"):
        return f"'{qid}' is not a single choice; a what-if flips one answer among a few"
    try:
        normalise(question, value)
    except ValueError as exc:
        return str(exc)
    return ""
