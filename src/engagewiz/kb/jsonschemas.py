"""JSON Schemas for editors, made from what the loader checks (never written by hand).

The knowledge-base files' schemas come from kb/spec (the specs the loader validates with);
the answers file's schema comes from the questions themselves, so a new question or choice
shows up in an editor's completion as soon as `scripts/make_schemas.py` runs. A test fails
when schemas/ and this module disagree.
"""

from __future__ import annotations

import json
from typing import Any

from engagewiz.authoring.expect import EXPECT
from engagewiz.authoring.expect import SPEC as EXPECT_SPEC
from engagewiz.core.conditions import DONT_KNOW, TEST_OPS
from engagewiz.core.model import (
    EFFORTS,
    EXPOSURES,
    FAMILIES,
    FLAGS,
    NATURES,
    ROUTE_ATTRIBUTES,
    ROUTE_KINDS,
    KnowledgeBase,
    Question,
)
from engagewiz.kb import spec as kbspec
from engagewiz.kb.schema import ConditionSpec

DRAFT = "https://json-schema.org/draft/2020-12/schema"
NAMES = ("answers", "questions", "mechanisms", "texts")
_CONDITION_REF = {"$ref": "#/$defs/condition"}
_MATCH_REF = {"$ref": "#/$defs/route_match"}


def file_name(name: str) -> str:
    return f"{name}.schema.json"


def schema(name: str, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """The schema called `name` (one of NAMES); the answers schema needs the questions."""
    if name == "answers":
        if kb is None:
            raise ValueError("the answers schema is made from a knowledge base's questions")
        return answers_schema(kb)
    spec = {"questions": kbspec.QUESTIONS_FILE, "mechanisms": kbspec.MECHANISMS_FILE,
            "texts": kbspec.TEXTS_FILE}[name]
    body = _replace(spec.json_schema(), {
        _key(ConditionSpec().json_schema()): _CONDITION_REF,
        _key(kbspec.MATCH.json_schema()): _MATCH_REF,
    })
    return {**_header(name, spec.description), **body,
            "$defs": {"condition": _condition(), "route_match": _route_match()}}


def dump(schema_dict: dict[str, Any]) -> str:
    """Stable text, so the file in schemas/ changes only when the schema does."""
    return json.dumps(schema_dict, indent=2, ensure_ascii=False) + "\n"


def answers_schema(kb: KnowledgeBase) -> dict[str, Any]:
    """A flat mapping of question id to answer, as answers.load_answers accepts it."""
    return {
        **_header("answers", "engagewiz answers file: question id -> answer "
                             "('engagewiz template' writes one)"),
        "type": ["object", "null"],
        "properties": {"kb_version": {"type": "string", "description": "the knowledge-base "
                                      "version the file was made for; older files still run"},
                       **{q.id: _answer(q) for q in kb.questions},
                       EXPECT: EXPECT_SPEC.json_schema()},
        "additionalProperties": False,
    }


def _header(name: str, title: str) -> dict[str, Any]:
    return {"$schema": DRAFT, "$id": f"urn:engagewiz:schema:{name}", "title": title}


def _answer(question: Question) -> dict[str, Any]:
    """One answer; null (left blank) is always allowed, as in `engagewiz template`."""
    doc = {"description": f"{question.text} {question.help}".strip()}
    values = [c.value for c in question.choices]
    dont_know = [DONT_KNOW] if question.dont_know else []
    if question.type in ("choice", "yes_no"):
        # YAML 1.1 readers (PyYAML) turn an unquoted yes/no into true/false; both are accepted
        flags: list[Any] = [True, False] if question.type == "yes_no" else []
        return {**doc, "enum": [*values, *dont_know, *flags, None]}
    if question.type == "multi":
        listed = {"type": "array", "items": {"enum": values}, "minItems": 1, "uniqueItems": True}
        return {**doc, "anyOf": [listed, {"enum": [*values, *dont_know, None]}]}
    if question.type == "date":
        main: dict[str, Any] = {"type": "string", "format": "date"}
    elif question.type == "country":
        main = {"type": "string", "description": "an ISO 3166 alpha-3 code (KEN), an alpha-2 "
                "code (KE) or a name (Kenya)"}
    else:
        main = {"type": ["string", "number"]}
    extra = [{"const": DONT_KNOW}] if dont_know else []
    return {**doc, "anyOf": [main, *extra, {"type": "null"}]}


def _condition() -> dict[str, Any]:
    """The condition language, recursive, for completion of `when`, `test` and `if`."""
    value = {"type": ["string", "number", "boolean"]}
    # A template may fill a list from its items: `has_any: "{themes}"` (docs/authoring.md).
    values = {"anyOf": [{"type": "array", "items": value, "minItems": 1},
                        {"type": "string", "pattern": "^\\{[a-z_][a-z0-9_]*\\}$"}]}
    shapes = {"is": value, "in": values, "has": value, "has_any": values,
              "answered": {"type": "boolean"}}
    assert set(shapes) == set(TEST_OPS), "keep in step with conditions.TEST_OPS"
    one_of: list[dict[str, Any]] = [
        {"type": "object", "properties": {"q": {"type": "string"}, op: shape},
         "required": ["q", op], "additionalProperties": False}
        for op, shape in shapes.items()
    ]
    for combinator in ("all", "any"):
        one_of.append({"type": "object", "required": [combinator], "additionalProperties": False,
                       "properties": {combinator: {"type": "array", "items": _CONDITION_REF,
                                                   "minItems": 1}}})
    one_of.append({"type": "object", "required": ["not"], "additionalProperties": False,
                   "properties": {"not": _CONDITION_REF}})
    return {"description": ConditionSpec().description, "oneOf": one_of}


def _route_match() -> dict[str, Any]:
    """`route:` / `not_route:`: route attributes, each a value, a list or {answer: QID}."""
    enums: dict[str, Any] = {"family": FAMILIES, "nature": NATURES, "kinds": ROUTE_KINDS,
                             "effort": EFFORTS, "exposure": EXPOSURES,
                             **dict.fromkeys(FLAGS, (True, False))}
    properties = {}
    for attribute in ROUTE_ATTRIBUTES:
        value = {"enum": list(enums[attribute])} if attribute in enums else {"type": "string"}
        properties[attribute] = {"anyOf": [
            value, {"type": "array", "items": value, "minItems": 1},
            {"type": "object", "properties": {"answer": {"type": "string"}},
             "required": ["answer"], "additionalProperties": False},
        ]}
    return {"description": kbspec.MATCH.description, "type": "object",
            "properties": properties, "additionalProperties": False}


def _key(node: Any) -> str:
    return json.dumps(node, sort_keys=True)


def _replace(node: Any, replacements: dict[str, Any]) -> Any:
    """The schema with each shape-only placeholder (kb/spec's ConditionSpec and MATCH, which
    the loader checks in code) replaced by a reference to its full definition."""
    if _key(node) in replacements:
        return replacements[_key(node)]
    if isinstance(node, dict):
        return {k: _replace(v, replacements) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace(v, replacements) for v in node]
    return node
