"""`changes:` in questions.yaml: what each knowledge-base version did to the questions.

An answers file carries the `kb_version` it was made for; with this list, a file made
for an earlier version still runs (storage/upgrade.py): a renamed question is read under
its new id, a removed one is ignored, a new one counts as "don't know". The list is data
an author keeps, so it is checked like the rest: walked from the newest entry back, every
id it names must exist, or not exist, at the version it says.
"""

from __future__ import annotations

import re
from typing import Any

from engagewiz.core.model import QuestionChange

Issue = tuple[tuple[str | int, ...], str]


def version_order(version: str) -> tuple[tuple[int, int, str], ...]:
    """Versions in natural order: "2026.9" before "2026.11", "minimal-1" before "minimal-2"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"[.\-_]", version))


def parse_changes(raw: list[dict[str, Any]], current: set[str],
                  kb_version: str) -> tuple[tuple[QuestionChange, ...], list[Issue]]:
    """The changes, oldest first, and what is wrong with them (key path in `changes`)."""
    changes = tuple(QuestionChange(str(c["version"]), tuple(c.get("added", [])),
                                   tuple(c.get("removed", [])),
                                   tuple((str(old), str(new))
                                         for old, new in (c.get("renamed") or {}).items()))
                    for c in raw)
    issues: list[Issue] = []
    for i, change in enumerate(changes):
        if version_order(change.version) > version_order(kb_version):
            issues.append(((i, "version"), f"'{change.version}' is newer than this knowledge "
                           f"base's kb_version '{kb_version}' (mechanisms.yaml)"))
        if i and version_order(change.version) <= version_order(changes[i - 1].version):
            issues.append(((i, "version"), f"'{change.version}' must come after "
                           f"'{changes[i - 1].version}': list the changes oldest first"))
    after = set(current)  # the questions once the change at hand is made
    for i in reversed(range(len(changes))):
        issues += _consistent(changes[i], i, after)
        change = changes[i]
        after = ((after - set(change.added) - {new for _, new in change.renamed})
                 | set(change.removed) | {old for old, _ in change.renamed})
    return changes, issues


def _consistent(change: QuestionChange, i: int, after: set[str]) -> list[Issue]:
    later = "there is no such question now, nor a later change that removes or renames it"
    issues: list[Issue] = [((i, "added", k), f"'{qid}' is added here, but {later}")
                           for k, qid in enumerate(change.added) if qid not in after]
    issues += [((i, "removed", k), f"'{qid}' is removed here, but it is still a question "
                "(or a later change adds it back: list it there)")
               for k, qid in enumerate(change.removed) if qid in after]
    for old, new in change.renamed:
        if new not in after:
            issues.append(((i, "renamed", old), f"'{old}' is renamed to '{new}', but {later}"))
        if old in after:
            issues.append(((i, "renamed", old), f"'{old}' is renamed here, but it is still "
                           "a question"))
    return issues
