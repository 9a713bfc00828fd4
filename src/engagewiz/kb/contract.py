"""What the code relies on in a knowledge base: the questions it reads by name.

core/qids declares those ids and the question types their code reads; each reader (a gate
kind's entry in kb/gatekinds, or `qids.ALWAYS_READ`) says what it needs in a `Read`. The
loader (kb/build) files what this finds with file, line and key, so a knowledge base the
code could not read stops at load, never in the middle of an assessment.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from pathlib import Path

from engagewiz.core.model import Question
from engagewiz.core.qids import ALWAYS_READ, Read, types_of
from engagewiz.errors import KeyPath
from engagewiz.kb.gatekinds import GATE_KINDS

Found = tuple[Path, KeyPath, str]  # file, key path, message


def read_problems(questions: Mapping[str, Question], order: Mapping[str, int], qfile: Path,
                  kinds_used: Mapping[str, tuple[Path, KeyPath]]) -> Iterator[Found]:
    """The reads in use, against the questions: asked where a gate kind in use needs them,
    with a type its code reads, and the answers it cannot work without.

    `order`: each question's index in questions.yaml; `kinds_used`: each gate kind in use
    and where its first gate is (a missing question is reported there, once).
    """
    readers: dict[str, list[tuple[Read, str]]] = {}
    for read in ALWAYS_READ:
        readers.setdefault(read.question, []).append((read, read.by))
    for name, (file, path) in kinds_used.items():
        kind = GATE_KINDS[name]
        for read in kind.reads:
            readers.setdefault(read.question, []).append((read, kind.noun))
            if read.needed and read.question not in questions:
                yield file, path, (f"{kind.noun} reads the answer to '{read.question}', but "
                                   f"there is no question '{read.question}'; add it (copy it "
                                   "from data/questions.yaml) or use a `requires` gate")
    for qid, reads in readers.items():
        question = questions.get(qid)
        if question is None:
            continue
        at, types = ("questions", order[qid]), types_of(qid)
        if question.type not in types:
            yield qfile, (*at, "type"), (f"{reads[0][1]} reads the answer to '{qid}' as a "
                                         f"{' or '.join(types)} question, but it is a "
                                         f"{question.type} question; use `type: {types[0]}`")
            continue
        needs = [(read, by) for read, by in reads if read.needed]
        for value in dict.fromkeys(v for read, _ in needs for v in read.values
                                   if v not in question.values()):
            by = next(by for read, by in needs if value in read.values)
            close = difflib.get_close_matches(value, question.values(), n=1)
            fix = f"rename '{close[0]}' to '{value}'" if close else "add that choice"
            yield qfile, (*at, "choices"), (f"{by} reads the answer '{value}' to '{qid}', but "
                                            f"'{qid}' has no such choice; {fix} (the code "
                                            "reads this exact word)")
