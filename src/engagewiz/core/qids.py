"""The question ids the code reads by name, declared once with the question type each needs.

Almost everything the interview asks is data: a question in questions.yaml is read by the
conditions that name it, and `check` follows those. A few answers are read by code instead:
the gate kinds (remedies, the date of the final decision, ECOSOC status...), the country
prefill, the ranking. Their ids are declared here, and each reader states what
it needs in a `Read`. The loader checks a knowledge base against the reads in use, so a
custom `--kb` that lacks such a question, asks it with another type, or spells an answer
the code names differently fails at load with file, line and key, not at run time.
"""

# Annotations are evaluated as read (no `from __future__ import annotations`): a string
# annotation of a NamedTuple field is compiled, and the first compile() of a process costs a
# scripted run 9 million instructions (tests/test_scripted_path.py).

from typing import NamedTuple

from engagewiz.core.model import QuestionType

_TYPES: dict[str, tuple[QuestionType, ...]] = {}


def declare(qid: str, *types: QuestionType) -> str:
    """A question id the code reads, and the question types its code can read."""
    _TYPES[qid] = types
    return qid


def types_of(qid: str) -> tuple[QuestionType, ...]:
    return _TYPES[qid]


COUNTRY = declare("country", "country")
THEMES = declare("themes", "multi", "choice")
URGENCY = declare("urgency", "yes_no")  # someone at imminent risk of irreparable harm
ORG_TYPE = declare("org_type", "choice")
NHRI_STATUS = declare("nhri_status", "choice")
ECOSOC_STATUS = declare("ecosoc_status", "choice")
REMEDIES = declare("remedies", "choice")
FINAL_DECISION_DATE = declare("final_decision_date", "date")
ACT_DATE = declare("act_date", "date")  # the act complained of, or the day it became known
SAME_MATTER = declare("same_matter", "choice")
FACTS_DATE = declare("facts_date", "date")  # when the facts began: the rules on time
OTHER_BODY = declare("other_body", "choice")  # which body has the matter (same_matter)
OTHER_DECISION_MERITS = declare("other_decision_merits", "yes_no")
OTHER_PROCEDURE_ENDED = declare("other_procedure_ended", "date")
REMEDY_SUSPENDS = declare("remedy_suspends", "yes_no")  # a pending appeal stops the harm
VICTIM_CONSENT = declare("victim_consent", "yes_no")
REPRISAL_RISK = declare("reprisal_risk", "choice")


class Read(NamedTuple):
    """One question some code reads by name (a declared id), and what that code needs of it.

    `values` are answers the code names. With `only`, no other answer changes what the code
    does (`tree` shows just those). With `needed`, the code cannot work without the question,
    nor without those answers: a knowledge base using the reader must ask it and offer them
    (the loader checks). `by` names the reader in messages; a gate kind names itself.
    """

    question: str
    values: tuple[str, ...] = ()
    only: bool = False
    needed: bool = False
    by: str = ""


# Read by code outside the gate kinds, whenever a knowledge base asks them.
ALWAYS_READ = (
    Read(COUNTRY, by="the country prefill"),
    Read(THEMES, by="the ranking (and `check`, for route themes)"),
    Read(URGENCY, by="the ranking (urgent routes first)"),
    Read(REPRISAL_RISK, by="`demo`'s what-if hint"),
)
