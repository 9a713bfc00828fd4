"""Which question comes next, going back, and what is still missing: the interview, pure.

Questions are asked in file order; a question applies when its `when` is not certainly
false given the answers so far. A group's questions (`groups:` in questions.yaml) come
together on one screen, where the first of them comes in the file; `check` makes sure no
`when` in a group waits for an answer given on the same screen or after it.

The interview keeps every answer it was given, even to questions that stopped applying
after an edit, so changing an answer back restores them; `effective` drops those stale
answers before anything is assessed or saved.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from typing import Any

from engagewiz.core.conditions import NOT_ASKED, frozen, tests
from engagewiz.core.model import KnowledgeBase, Question, Shortcut
from engagewiz.core.record import record

QUICK = "quick"  # the shortcut a user chooses (assess --quick)
WALKS = 20_000  # walks remembered per knowledge base (a long-lived process)


def applies(question: Question, answers: Mapping[str, Any]) -> bool:
    """Ask when the condition holds or cannot be decided: better one question too many."""
    return question.when is None or question.when.evaluate(answers) is not False


def _walk(kb: KnowledgeBase, answers: Mapping[str, Any]) -> tuple[list[Question], dict[str, Any]]:
    """One pass in file order: the questions that apply, and what later conditions see.

    A question that does not apply is marked NOT_ASKED, so a condition on it is false
    rather than unknown: "when the case is exhausted" must not fire for a pattern. Which
    questions apply turns only on the answers their `when`s read, so it is remembered by
    those (an assessment walks twice, the interview after every answer; walking cost a
    tenth of an assessment).
    """
    ids, memo = _walks(kb)
    key = tuple([frozen(answers.get(q)) for q in ids])
    found = memo.get(key)
    if found is None:
        if len(memo) >= WALKS:
            memo.clear()
        found = memo[key] = _applying(kb, answers)
    flags, asked = found
    seen = {q: answers[q] if applying else NOT_ASKED for q, applying in flags
            if not applying or q in answers}
    return list(asked), seen


Walk = tuple[tuple[tuple[str, bool], ...], tuple[Question, ...]]


def _applying(kb: KnowledgeBase, answers: Mapping[str, Any]) -> Walk:
    """The walk itself: each question's id and whether it applies, in file order; and
    the questions that apply."""
    seen: dict[str, Any] = {}
    flags = []
    for question in kb.questions:
        flags.append((question.id, applies(question, seen)))
        if flags[-1][1]:
            if question.id in answers:
                seen[question.id] = answers[question.id]
        else:
            seen[question.id] = NOT_ASKED
    return tuple(flags), tuple(q for q, (_, applying) in zip(kb.questions, flags,
                                                              strict=True) if applying)


def _walks(kb: KnowledgeBase) -> tuple[tuple[str, ...], dict[Hashable, Walk]]:
    """The questions some `when` reads, and the walks remembered by their answers."""
    found = kb.memos.get("walks")
    if found is None:
        ids = tuple(dict.fromkeys(t.q for q in kb.questions if q.when is not None
                                  for t in tests(q.when)))
        found = kb.memos["walks"] = (ids, {})
    return found


def walked(kb: KnowledgeBase, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers as the interview sees them: NOT_ASKED for questions that do not apply.

    Advice reads this view, so a caution about a question nobody was asked (same matter
    elsewhere, for a pattern) stays quiet instead of showing "when unsure".
    """
    return _walk(kb, answers)[1]


def effective(kb: KnowledgeBase, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers to questions that apply; stale answers to the others are dropped."""
    seen = _walk(kb, answers)[1]
    return {k: v for k, v in seen.items() if v != NOT_ASKED}


def applicable(kb: KnowledgeBase, answers: Mapping[str, Any]) -> list[Question]:
    return _walk(kb, answers)[0]


def missing(kb: KnowledgeBase, answers: Mapping[str, Any],
            shortcut: Shortcut | None = None) -> list[Question]:
    """Questions that apply and have no answer ("dont_know" is an answer).

    On a shortcut, only its questions: the others are what it takes as "don't know".
    """
    todo = [q for q in applicable(kb, answers) if q.id not in answers]
    return [q for q in todo if q.id in shortcut.ask] if shortcut else todo


def next_question(kb: KnowledgeBase, answers: Mapping[str, Any],
                  shortcut: Shortcut | None = None) -> Question | None:
    todo = missing(kb, answers, shortcut)
    return todo[0] if todo else None


def next_screen(kb: KnowledgeBase, answers: Mapping[str, Any],
                shortcut: Shortcut | None = None) -> tuple[Question, ...]:
    """What to ask next on one screen: the next question alone, or with the others of its
    group still to answer (in the group's order); () when nothing is left to ask."""
    todo = missing(kb, answers, shortcut)
    if not todo:
        return ()
    group = kb.group_of(todo[0].id)
    if group is None:
        return (todo[0],)
    left = {q.id: q for q in todo if q.id in group.questions}
    return tuple(left[qid] for qid in group.questions if qid in left)


def screens(kb: KnowledgeBase, questions: Sequence[Question]) -> list[tuple[Question, ...]]:
    """Questions, in the order asked, as the screens that ask them: a group's questions on
    the screen of the first of them. Back goes over screens, not single answers."""
    out: list[list[Question]] = []
    where: dict[str, int] = {}
    for q in questions:
        group = kb.group_of(q.id)
        if group is not None and group.id in where:
            out[where[group.id]].append(q)
            continue
        if group is not None:
            where[group.id] = len(out)
        out.append([q])
    return [tuple(screen) for screen in out]


def length(kb: KnowledgeBase) -> tuple[int, int]:
    """The fewest and the most screens of questions a full interview can take, known before
    any answer: the questions always asked, and every question that may be (facts from the
    data excepted; a question the data may answer, such as the UPR timing, only in the most)."""
    maybe = [q for q in missing(kb, {}) if not q.prefill]
    always = [q for q in maybe if q.when is None and not q.derive]
    return len(screens(kb, always)), len(screens(kb, maybe))


def shortcut(kb: KnowledgeBase, answers: Mapping[str, Any], chosen: str | None,
             done: Collection[str] = ()) -> Shortcut | None:
    """The shortcut in force: one started by its `when` (the urgent track) before the one
    the user chose (quick); none once each has shown its result (`done`) and the user
    asked for more. None: the full interview."""
    for cut in kb.shortcuts:
        if cut.id in done:
            continue
        if cut.when is not None and cut.when.evaluate(walked(kb, answers)) is True:
            return cut
        if cut.when is None and cut.id == chosen:
            return cut
    return None


def skipped(kb: KnowledgeBase, answers: Mapping[str, Any]) -> list[Question]:
    """What a shortcut left unasked and takes as "don't know": the questions that would be
    asked now. Facts from the data are not questions, and a follow-up that waits on another
    unanswered question (which body has the matter, after "same matter elsewhere") is asked
    only if that one is answered so."""
    seen = walked(kb, answers)
    return [q for q in missing(kb, answers) if not q.prefill
            and (q.when is None or q.when.evaluate(seen) is True)]


@record
class Progress:
    number: int     # the position of the current question among those that apply
    remaining: int  # questions still to answer after it, as far as we can tell now


def progress(kb: KnowledgeBase, answers: Mapping[str, Any],
             facts: Mapping[str, Any] | None = None) -> Progress:
    """ "question 7, about 12 to go": an estimate, since later answers change what applies.

    Answers taken from the country data (`facts`) are not counted as questions asked.
    """
    known = {**(facts or {}), **answers}
    todo = missing(kb, known)
    if not any(q.prefill and q.id in known for q in kb.questions):
        # Before the State is named, expect its facts to come from the data: counting
        # them would announce 60 questions where a user answers about 30.
        todo = [q for q in todo if not q.prefill]
    answered = sum(1 for q in applicable(kb, known) if q.id in answers)
    return Progress(answered + 1, max(len(todo) - 1, 0))


Screen = tuple[str, ...]  # the ids of the questions asked on one screen


def back(history: list[Screen],
         answers: Mapping[str, Any]) -> tuple[list[Screen], dict[str, Any]]:
    """Forget the last screen's answers and keep every other one (not docassemble's undo)."""
    if not history:
        return [], dict(answers)
    last = set(history[-1])
    return history[:-1], {k: v for k, v in answers.items() if k not in last}
