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
DRAWN = "Drawn from"


@dataclass(frozen=True)
class Scenario:
    name: str          # the file stem: what `engagewiz demo NAME` takes
    title: str         # from the "# name:" comment line
    description: str   # the other leading comment lines
    path: Path
    sources: tuple[str, ...] = ()  # "# sources: KEY, KEY": what it is drawn from, by key
    what_if: str = ""  # "# what if: KEY=VALUE": the demo's flip; found by the tool if absent
    lines: dict[str, int] | None = None  # the line of each of those fields, for `check`

    @property
    def story(self) -> str:
        """The description without its "Drawn from ..." sentence."""
        return self.description.split(DRAWN)[0].strip()

    @property
    def drawn(self) -> str:
        return DRAWN + self.description.split(DRAWN, 1)[1] if DRAWN in self.description else ""


def scenario_dir(kb_dir: Path | None) -> Path:
    from engagewiz.kb.load import default_dir

    own = kb_dir / SCENARIOS if kb_dir else None
    return own if own and own.is_dir() else default_dir() / SCENARIOS


def read_scenario(path: Path) -> Scenario:
    """Title, description, sources and what-if come from the file's leading comment block.

    Read like an answers file (bounded, a regular UTF-8 file), since it is one."""
    fields: dict[str, str] = {"name": path.stem, "sources": "", "what if": ""}
    lines, found = [], {}
    text = read_text(path, ANSWERS.bytes, "a scenario (a YAML answers file)")
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.startswith("#"):
            break
        line = raw.lstrip("#").strip()
        key, _, value = line.partition(":")
        if key.strip().lower() in fields:
            fields[key.strip().lower()] = value.strip()
            found[key.strip().lower()] = number
        elif line:
            lines.append(line)
    keys = tuple(k.strip() for k in fields["sources"].split(",") if k.strip())
    return Scenario(path.stem, fields["name"], " ".join(lines), path, keys, fields["what if"],
                    found)


def scenarios(kb_dir: Path | None) -> list[Scenario]:
    folder = scenario_dir(kb_dir)
    return [read_scenario(p) for p in sorted(folder.glob("*.yaml"))] if folder.is_dir() else []


def find_scenario(name: str, kb_dir: Path | None) -> Scenario:
    found = {s.name: s for s in scenarios(kb_dir)}
    if name in found:
        return found[name]
    hint = did_you_mean(name, found, n=2, otherwise="; run 'engagewiz demo' for the list")
    raise InputError.one(f"unknown scenario {quoted(name)}{hint}", key="NAME")


def answers_path(text: str, kb_dir: Path | None) -> Path:
    """A file if one exists at that path, else a bundled scenario of that name: `assess
    --answers` and `compare` take either."""
    path = Path(text)
    try:
        if path.exists():  # a folder or a FIFO: load_answers says what is wrong with it
            return path
    except OSError:  # a name too long for the file system is no file
        pass
    if path.suffix in (".yaml", ".yml", ".json") or "/" in text:
        raise InputError.one("file not found", text)
    return find_scenario(text, kb_dir).path
