"""The published JSON Schemas: current with the code, and they agree with the loader."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml
from jsonschema.protocols import Validator

from cli_inprocess import run_cli
from engagewiz.core.model import KnowledgeBase
from engagewiz.errors import InputError
from engagewiz.storage.answers import load_answers

ROOT = Path(__file__).resolve().parents[1]


def _make_schemas():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_schemas",
                                                  ROOT / "scripts" / "make_schemas.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def schema(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(
        (ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return loaded


@cache
def validator(name: str, formats: bool = False) -> Validator:
    """The published schema `name`, itself checked against its metaschema once.

    `jsonschema.validate` checks the schema on every call: 0.1 s of CPU each time, all but
    a millisecond of validating an answers file, 45 times here. `formats`: `format`
    keywords (dates) are checked too, as `validate(..., format_checker=FormatChecker())`
    does."""
    published = schema(name)
    kind = jsonschema.validators.validator_for(published)
    kind.check_schema(published)  # raises SchemaError for a schema that is not one
    return kind(published, format_checker=jsonschema.FormatChecker() if formats else None)


def test_schemas_in_the_repository_are_current() -> None:
    """Run `python scripts/make_schemas.py` after changing the questions or the formats."""
    for path, text in _make_schemas().expected(ROOT / "data").items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is out of date"


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_every_example_answers_file_is_valid(example: Path, kb: KnowledgeBase) -> None:
    answers = yaml.safe_load(example.read_text(encoding="utf-8"))
    answers = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in answers.items()}
    validator("answers").validate(answers)
    assert load_answers(example, kb)  # and the loader takes it too


@pytest.mark.parametrize(("key", "value"), [
    ("org_typ", "ngo"), ("org_type", "charity"), ("themes", ["dancing"]),
    ("final_decision_date", "yesterday"), ("final_decision_date", "2026-02-30"),
    ("urgency", "maybe")])
def test_the_answers_schema_rejects_what_the_loader_rejects(
        key: str, value: object, kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({key: value}), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_answers(path, kb)
    assert key in str(refused.value)
    with pytest.raises(jsonschema.ValidationError):
        validator("answers", formats=True).validate({key: value})


def test_what_the_schema_takes_the_loader_takes(kb: KnowledgeBase, tmp_path: Path) -> None:
    """The other direction, on a value of each kind: a choice, a list, a date, don't know."""
    answers = {"org_type": "ngo", "themes": ["torture", "detention"],
               "final_decision_date": "2026-02-28", "urgency": "dont_know"}
    validator("answers", formats=True).validate(answers)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    loaded = load_answers(path, kb)
    assert loaded["themes"] == ["torture", "detention"]
    assert str(loaded["final_decision_date"]) == "2026-02-28"


@pytest.mark.parametrize("name", ["questions", "mechanisms", "texts"])
def test_the_bundled_knowledge_base_matches_its_schemas(name: str) -> None:
    text = (ROOT / "data" / f"{name}.yaml").read_text(encoding="utf-8")
    # libyaml where PyYAML has it, as an editor's schema check would read the file: the
    # pure-Python parser takes a second over mechanisms.yaml
    validator(name).validate(yaml.load(text, Loader=getattr(yaml, "CSafeLoader",
                                                            yaml.SafeLoader)))


@pytest.mark.parametrize("name", ["answers", "questions", "mechanisms", "texts"])
def test_schema_command_prints_the_published_schema(name: str) -> None:
    done = run_cli("schema", name)
    assert done.code == 0, done.err
    assert json.loads(done.out) == schema(name)
