"""Workshop scenarios: named answers files in data/scenarios/, each with a title and the
seed it is drawn from in its leading comments (`# name: ...`), so a trainer can add one
without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from engagewiz.errors import InputError
from engagewiz.hints import did_you_mean
from engagewiz.storage.limits import ANSWERS
from engagewiz.storage.readfile import read_text
from engagewiz.textsafe import quoted

SCENARIOS = "scenarios"


@dataclass(frozen=True)
class Scenario:
    name: str          # the file stem: what `engagewiz demo NAME` takes
    title: str         # from the "# name:" comment line
    description: str   # the other leading comment lines
    path: Path


def scenario_dir(kb_dir: Path | None) -> Path:
    from engagewiz.kb.load import default_dir

    own = kb_dir / SCENARIOS if kb_dir else None
    return own if own and own.is_dir() else default_dir() / SCENARIOS


def read_scenario(path: Path) -> Scenario:
    """Title and description come from the file's leading comment block.

    Read like an answers file (bounded, a regular UTF-8 file), since it is one."""
    title, lines = path.stem, []
    for raw in read_text(path, ANSWERS.bytes, "a scenario (a YAML answers file)").splitlines():
        if not raw.startswith("#"):
            break
        text = raw.lstrip("#").strip()
        if text.lower().startswith("name:"):
            title = text[5:].strip()
        elif text:
            lines.append(text)
    return Scenario(path.stem, title, " ".join(lines), path)


def scenarios(kb_dir: Path | None) -> list[Scenario]:
    folder = scenario_dir(kb_dir)
    return [read_scenario(p) for p in sorted(folder.glob("*.yaml"))] if folder.is_dir() else []


def find_scenario(name: str, kb_dir: Path | None) -> Scenario:
    found = {s.name: s for s in scenarios(kb_dir)}
    if name in found:
        return found[name]
    hint = did_you_mean(name, found, n=2, otherwise="; run 'engagewiz demo' for the list")
    raise InputError.one(f"unknown scenario {quoted(name)}{hint}", key="NAME")
