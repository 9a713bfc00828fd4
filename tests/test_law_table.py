"""Each rule of each body, pinned: tests/law/rules.txt against the knowledge base.

rules.txt is the table a lawyer reads and signs: one line per rule and parameter, "body |
route | gate | parameter | value | source" (for example "CERD: individual complaint |
cerd-communication | time limit | months | 6 | icerd-art-14, cerd-rules"). Every line must
hold in data/mechanisms.yaml, and every gate parameter there must have its line: a change
to a rule is a change to the signed table, made in the same commit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from engagewiz.core import conditions
from engagewiz.core.model import Gate, KnowledgeBase

TABLE = Path(__file__).parent / "law" / "rules.txt"
KINDS = {"requires": "requires", "exhaustion": "exhaustion", "same_matter": "same matter",
         "time_limit": "time limit", "ecosoc": "ECOSOC status", "consent": "consent",
         "in_force": "bound on the date", "closed": "closed",
         "act_time_limit": "time limit from the act"}
WORDS = ("exception", "last_day")  # texts a user reads, kept in mechanisms.yaml


def rows() -> list[tuple[str, ...]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [tuple(cell.strip() for cell in line.split(" | "))
            for line in lines if line.strip() and not line.startswith("#")]


def shown(value: Any) -> str:
    """A parameter as the table writes it."""
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, dict):
        return " ".join(f"{k}={x}" for k, x in value.items())
    return str(value)


def lines_of(name: str, gate: Gate) -> list[tuple[str, ...]]:
    """The table's lines for one gate of a route."""
    out: list[tuple[str, str]] = []
    if gate.test is not None and gate.kind == "requires":
        out.append(("reads", ", ".join(sorted({t.q for t in conditions.tests(gate.test)}))))
    out += [(k, shown(v)) for k, v in gate.params.items() if k not in WORDS]
    return [(name, KINDS[gate.kind], p, v, ", ".join(gate.source))
            for p, v in out or [("-", "-")]]


def in_kb(kb: KnowledgeBase) -> set[tuple[str, ...]]:
    return {(r.name, r.id, *line[1:]) for r in kb.routes for g in r.gates
            for line in lines_of(r.name, g)}


def test_the_table_has_the_shape_a_lawyer_reads() -> None:
    table = rows()
    assert len(table) > 250
    assert all(len(row) == 6 for row in table), [r for r in table if len(r) != 6][:3]
    assert len(set(table)) == len(table), "a rule is written twice"


@pytest.mark.parametrize("row", rows(), ids=lambda r: f"{r[1]}:{r[2]}:{r[3]}")
def test_every_signed_rule_holds_in_the_knowledge_base(kb: KnowledgeBase,
                                                       row: tuple[str, ...]) -> None:
    assert row in in_kb(kb), f"not in data/mechanisms.yaml as signed: {' | '.join(row)}"


def test_every_rule_in_the_knowledge_base_is_signed(kb: KnowledgeBase) -> None:
    missing = sorted(in_kb(kb) - set(rows()))
    assert not missing, "add to tests/law/rules.txt:\n" + "\n".join(" | ".join(m)
                                                                     for m in missing)


@pytest.mark.parametrize(("route", "gate", "parameter", "value", "source"), [
    # the brief's example, and the rules audit H1-H6, M1-M3, M7, M9 turned on
    ("cerd-communication", "time limit", "months", "6", "icerd-art-14"),
    ("cerd-communication", "time limit", "expired", "check_first", "cerd-rules"),
    ("ecthr-application", "time limit", "months", "4", "protocol-15"),
    ("ecthr-application", "time limit", "expired", "blocked", "protocol-15"),
    ("ecthr-application", "time limit", "earlier", "before=2022-02-01 months=6", "protocol-15"),
    ("ecthr-application", "bound on the date", "fact", "echr_party", "coe-russia"),
    ("iachr-petition", "requires", "reads", "achr_party, oas_member", "achr"),
    ("iachr-petition", "same matter", "bars", "[pending, decided]", "achr-art-46"),
    ("iachr-petition", "time limit", "no_final_decision", "reasonable", "achr-art-46"),
    ("iacthr-case", "bound on the date", "end", "facts", "achr-art-78"),
    ("ccpr-communication", "same matter", "reserved", "ccpr_reserves_examined", "op1-iccpr"),
    ("ccpr-communication", "time limit", "other_procedure_years", "3", "ccpr-rules"),
    ("cerd-communication", "same matter", "reserved", "cerd_reserves_examined", "icerd-art-14"),
    ("upr-stakeholder-submission", "requires", "reads", "un_member", "hrc-res-5-1-upr"),
    ("afchpr-direct-application", "bound on the date", "end", "filing", "afcourt-ingabire"),
])
def test_the_rules_the_audit_asked_for(route: str, gate: str, parameter: str, value: str,
                                       source: str) -> None:
    found = [r for r in rows() if r[1:5] == (route, gate, parameter, value)]
    assert found and all(source in r[5].split(", ") for r in found), (route, gate, parameter)


def test_the_review_of_the_audit_names_tests_that_exist() -> None:
    """docs/kb-review.md answers each audit finding with the test that holds it: a renamed
    or deleted test must not leave the review pointing at nothing."""
    review = (Path(__file__).parents[1] / "docs" / "kb-review.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\b(test_[a-z0-9_]+)\b(?!\.py)", review))
    defined = {m for f in Path(__file__).parent.glob("test_*.py")
               for m in re.findall(r"^def (test_[a-z0-9_]+)", f.read_text(encoding="utf-8"),
                                   re.MULTILINE)}
    assert len(named) > 20
    assert named <= defined, sorted(named - defined)
