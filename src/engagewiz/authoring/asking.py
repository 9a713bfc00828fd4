"""`check` on how questions are put to people: short names, and groups asked on one screen.

The loader already refuses what the grouped screen cannot draw (kb/build). What loads and
still goes wrong at run time is here: a question without a short name (the review, a
group's row, the facts and the note after a quick result name questions by it), two
questions with one short name, and a group whose questions do not belong together.
"""

from __future__ import annotations

from collections.abc import Iterator

from engagewiz.authoring.locate import QUESTIONS, Finding
from engagewiz.core.conditions import tests
from engagewiz.core.model import MAX_ROW_NAME, Group, KnowledgeBase


def asking_findings(kb: KnowledgeBase) -> Iterator[Finding]:
    yield from _shorts(kb)
    seen: dict[str, int] = {}
    for i, group in enumerate(kb.groups):
        if group.id in seen:
            yield Finding(QUESTIONS, ("groups", i, "id"), f"duplicate group id '{group.id}' "
                          f"(first at groups[{seen[group.id]}]); give each group its own id")
        seen.setdefault(group.id, i)
        yield from _group(kb, group, ("groups", i))


def _shorts(kb: KnowledgeBase) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for i, question in enumerate(kb.questions):
        if not question.short.strip():
            yield Finding(QUESTIONS, ("questions", i, "id"), f"'{question.id}' has no `short:`; "
                          "add a few words that name it where space is tight (a group's row, "
                          "the review, the note after a quick result)")
            continue
        name = question.short.strip().casefold()
        if name in first:
            yield Finding(QUESTIONS, ("questions", i, "short"), f"'{question.id}' has the same "
                          f"`short:` as '{first[name]}'; give each question its own, so lists "
                          "tell them apart")
        first.setdefault(name, question.id)


def _group(kb: KnowledgeBase, group: Group, at: tuple[str, int]) -> Iterator[Finding]:
    members = [q for q in kb.questions if q.id in group.questions]  # file order
    if len(group.questions) < 2:
        yield Finding(QUESTIONS, (*at, "questions"), f"group '{group.id}' has one question; a "
                      "question alone is asked on its own screen anyway: add questions to the "
                      "group or remove it")
    if not members:
        return
    head = members[0]
    position = {q.id: i for i, q in enumerate(kb.questions)}
    for question in members[1:]:
        j = group.questions.index(question.id)
        if question.section != head.section:
            yield Finding(QUESTIONS, (*at, "questions", j), f"'{question.id}' is in section "
                          f"'{question.section}', the group's first question '{head.id}' in "
                          f"'{head.section}'; a group's questions share a section (its heading "
                          "comes before the screen): move it to that section or out of the group")
    for question in members:
        j = group.questions.index(question.id)
        if len(question.short) > MAX_ROW_NAME:
            yield Finding(QUESTIONS, (*at, "questions", j), f"the `short:` of '{question.id}' "
                          f"has {len(question.short)} characters; a group's row shows "
                          f"{MAX_ROW_NAME} beside the answer at 60 columns: shorten it")
        for qid in dict.fromkeys(t.q for t in tests(question.when)) if question.when else ():
            if qid in group.questions:
                yield Finding(QUESTIONS, (*at, "questions", j), f"the `when` of '{question.id}' "
                              f"tests '{qid}', which is asked on the same screen, so it has no "
                              f"answer yet when the screen is drawn: take '{question.id}' out of "
                              "the group")
            elif position.get(qid, -1) > position[head.id]:
                yield Finding(QUESTIONS, (*at, "questions", j), f"the `when` of '{question.id}' "
                              f"tests '{qid}', which comes after '{head.id}' in the file and so "
                              f"is asked after the group's screen: move '{qid}' above "
                              f"'{head.id}', or take '{question.id}' out of the group")
