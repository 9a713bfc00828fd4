"""Answers files made for an earlier knowledge base still run.

`engagewiz template` and `--save-answers` write `kb_version: "..."` first in the file.
Reading a file, the changes listed in questions.yaml since that version are applied: a
renamed question is read under its new id, a removed one is ignored, and a question
added since counts as "don't know" (the file could not answer it); each is named in a
notice. A file without `kb_version` (written by hand, or before versions were written)
gets the renames and removals, but nothing is assumed about what it leaves out: at a
terminal that is asked, with --no-input it is named, as for any file.
"""

# Annotations are evaluated as read (no `from __future__ import annotations`): a string
# annotation of a NamedTuple field is compiled, and the first compile() of a process costs a
# scripted run 9 million instructions (tests/test_scripted_path.py).

from typing import Any, NamedTuple

from engagewiz.core.model import KnowledgeBase
from engagewiz.kb.changes import version_order

VERSION_KEY = "kb_version"


class Upgraded(NamedTuple):
    raw: dict[Any, Any]     # the answers, under today's ids, without `kb_version`
    new: list[str]          # questions added since the file's version, not answered in it
    notices: list[str]
    made: str = ""          # "made for knowledge base 2026.11 (this is 2026.12)"


def upgrade(raw: dict[Any, Any], kb: KnowledgeBase) -> Upgraded:
    version = raw.get(VERSION_KEY)
    answers = {k: v for k, v in raw.items() if k != VERSION_KEY}
    if version is not None and str(version) == kb.version:
        return Upgraded(answers, [], [])
    made = f"made for knowledge base {version}" if version is not None else "without kb_version"
    if version is not None and version_order(str(version)) > version_order(kb.version):
        return Upgraded(answers, [], [f"{made}, newer than this one ({kb.version}); questions "
                                      "it names that this one lacks are refused: update "
                                      "engagewiz"])
    since = [c for c in kb.changes if version is None
             or version_order(c.version) > version_order(str(version))]
    renamed: list[str] = []
    removed: list[str] = []
    added: list[str] = []
    for change in since:
        for old, now in change.renamed:
            if old in answers and now not in answers:
                answers[now] = answers.pop(old)
                renamed.append(f"{old} is now {now}")
        for old in change.removed:
            if old in answers:
                del answers[old]
                removed.append(old)
        added += change.added
    new = [] if version is None else [q for q in dict.fromkeys(added)
                                      if q not in answers and (found := kb.question(q))
                                      and not found.prefill]
    made = f"{made} (this is {kb.version})"
    notices = [f"{made}: {text}" for text in (
        "renamed since, read under the new id: " + ", ".join(renamed) if renamed else "",
        "no longer asked, ignored: " + ", ".join(removed) if removed else "")
        if text]
    return Upgraded(answers, new, notices, made)
