"""Keys written twice in a file a trainer edits: YAML keeps the last and says nothing.

A second `help:` in a question, or a second `points:` in a consideration, silently replaces
the first; a second `questions:` drops a whole list, and the loader then complains about
what is missing rather than about the key. `check` names the key and both lines, first,
whatever else it finds: the lines come from the parse the loader made (storage/yamlfile
notes every mapping's repeated keys as it walks the file), so this costs no second parse.
"""

from __future__ import annotations

from pathlib import Path

from engagewiz.errors import InputError, Problem
from engagewiz.kb.load import MECHANISMS, QUESTIONS, TEXTS
from engagewiz.storage import yamlfile
from engagewiz.storage.limits import KB_FILE

PLACES = "places.yaml"  # beside countries.json, read by kb/places


def repeated_keys(folder: Path) -> list[Problem]:
    """Every key given twice in a mapping of the knowledge base's YAML files."""
    found: list[Problem] = []
    for name in (QUESTIONS, MECHANISMS, TEXTS, PLACES):
        path = folder / name
        if path.is_file():
            try:
                found += twice_problems(yamlfile.document(path, KB_FILE))
            except InputError:
                continue  # unreadable: the loader says why
    return found


def twice_problems(doc: yamlfile.Document) -> list[Problem]:
    """The keys given twice in one parsed file, each at the line of the one that counts."""
    return [Problem(f"'{twice.keys[-1]}' is given twice here (lines {twice.first} and "
                    f"{twice.second}); YAML keeps only the one on line {twice.second} and "
                    "drops the other without a word: remove one, or merge them",
                    str(doc.path), twice.second, yamlfile.dotted(twice.keys))
            for twice in doc.duplicates]
