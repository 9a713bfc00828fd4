"""Build `shortcuts:` and `groups:` of questions.yaml: which questions a quick run asks, and
which are asked together on one screen, checked like the questions themselves.

What the loader refuses here is what the interview could not do: a shortcut naming an
unknown question or too many to be short, a group the grouped screen cannot draw. Whether a
group's questions belong together is for `check` (authoring/asking).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engagewiz.core.model import Group, Shortcut
from engagewiz.errors import KeyPath
from engagewiz.kb import spec as kbspec

if TYPE_CHECKING:
    from engagewiz.kb.build import _Builder


def build_shortcuts(raw: list[dict[str, Any]], builder: _Builder) -> tuple[Shortcut, ...]:
    """Every id a known question; at most kbspec.MAX_SHORTCUT of them, or it is not short."""
    from engagewiz.kb.build import _did_you_mean

    file, out = builder.qfile, []
    for i, shortcut in enumerate(raw):
        path: KeyPath = ("shortcuts", i)
        for j, qid in enumerate(shortcut["ask"]):
            if qid not in builder.questions:
                builder.problems.add(file, (*path, "ask", j), f"unknown question '{qid}'"
                                     + _did_you_mean(qid, builder.questions))
        if len(shortcut["ask"]) > kbspec.MAX_SHORTCUT:
            builder.problems.add(file, (*path, "ask"),
                                 f"{len(shortcut['ask'])} questions; a shortcut asks at most "
                                 f"{kbspec.MAX_SHORTCUT}: keep the ones that open or close "
                                 "routes")
        when = builder._condition(shortcut.get("when"), file, (*path, "when"))
        if when is not None:
            builder._check_refs(when, file, (*path, "when"))
        out.append(Shortcut(shortcut["id"], tuple(shortcut["ask"]), when))
    return tuple(out)


def build_groups(raw: list[dict[str, Any]], builder: _Builder) -> tuple[Group, ...]:
    """What the grouped screen can draw: known questions of one choice each (yes/no or
    a few choices), each in one group, at most kbspec.MAX_GROUP to a screen."""
    groups: list[Group] = []
    owner: dict[str, str] = {}
    for i, group in enumerate(raw):
        path: KeyPath = ("groups", i)
        if len(group["questions"]) > kbspec.MAX_GROUP:
            builder.problems.add(builder.qfile, (*path, "questions"),
                                 f"{len(group['questions'])} questions; a group shows at most "
                                 f"{kbspec.MAX_GROUP} on one screen: split it in two")
        for j, qid in enumerate(group["questions"]):
            _member(builder, qid, group["id"], owner, (*path, "questions", j))
        groups.append(Group(group["id"], group["title"], tuple(group["questions"])))
    return tuple(groups)


def _member(builder: _Builder, qid: str, group: str, owner: dict[str, str],
            path: KeyPath) -> None:
    from engagewiz.kb.build import _did_you_mean

    file, question = builder.qfile, builder.questions.get(qid)
    if question is None:
        builder.problems.add(file, path, f"unknown question '{qid}'"
                             + _did_you_mean(qid, builder.questions))
        return
    if qid in owner:
        builder.problems.add(file, path, f"'{qid}' is already in group '{owner[qid]}'; "
                             "a question is asked in one group at most")
    owner[qid] = group
    if question.type not in ("choice", "yes_no"):
        builder.problems.add(file, path, f"'{qid}' is a {question.type} question; a "
                             "group's rows take one choice each (choice or yes_no questions): "
                             "ask it on its own")
    elif len(question.values()) > kbspec.MAX_GROUP_OPTIONS:
        builder.problems.add(file, path, f"'{qid}' has {len(question.values())} "
                             f"answers to step through; a group's row takes at most "
                             f"{kbspec.MAX_GROUP_OPTIONS} (\"Don't know\" counts): ask it on "
                             "its own")
