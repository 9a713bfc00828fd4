"""Where an interrupted interview is kept, so Ctrl-C, a signal or a closed terminal loses nothing.

Two files in the state folder: `resume.yaml`, the answers so far (an answers file a person
can read, and use with --answers), and `resume.json`, how the interview was run (where
--save-answers should write, quick or full, whether the review was reached), so that
`--resume` carries on exactly as the interrupted run would have.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from engagewiz.core.model import KnowledgeBase
from engagewiz.core.record import record
from engagewiz.errors import InputError
from engagewiz.storage.fsutil import UnsafeFolder, check_private_dir, save_for_user

HEADER = ("# engagewiz: answers of an interrupted interview (kept private, mode 0600).\n"
          "# Continue with: engagewiz assess --resume\n")


@record
class RunState:
    """How the interrupted interview was run; everything optional, old files still load."""

    save_answers: str | None = None  # the --save-answers path, honoured after --resume
    quick: bool = False              # a quick run: only the quick questions are asked
    reviewed: bool = False           # the review was reached: show it again on resume
    done: tuple[str, ...] = ()       # shortcuts whose result was shown (urgent, quick)


def state_dir() -> Path:
    """$ENGAGEWIZ_HOME, else $XDG_STATE_HOME/engagewiz, else ~/.local/state/engagewiz."""
    if home := os.environ.get("ENGAGEWIZ_HOME"):
        return Path(home)
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "engagewiz"


def resume_path() -> Path:
    """The resume file, in a folder that must be the user's alone: answers can describe
    victims, and a folder others can write to lets them read or replace the file."""
    folder = state_dir()
    try:
        check_private_dir(folder)
    except FileNotFoundError:
        pass  # made 0700 with the first answer saved
    except UnsafeFolder as unsafe:
        raise InputError.one(f"answers are not kept in a shared folder: {unsafe}") from None
    return folder / "resume.yaml"


def _state_path() -> Path:
    return state_dir() / "resume.json"


def save(answers: dict[str, Any], kb: KnowledgeBase, state: RunState | None = None) -> Path:
    from dataclasses import asdict

    from engagewiz.storage.answers import dump_answers  # YAML: not before the first answer

    path = resume_path()
    save_for_user(path, dump_answers(answers, kb, HEADER))
    state = state or RunState()
    if state != load_state():  # it changes a few times a run: one synced write per answer
        save_for_user(_state_path(), json.dumps(asdict(state)))
    return path


def load_state() -> RunState:
    """The run state saved beside the answers; defaults when missing or unreadable."""
    try:
        raw = json.loads(_state_path().read_text(encoding="utf-8"))
        known = {k: raw[k] for k in RunState.__dataclass_fields__ if k in raw}
        known["done"] = tuple(known.get("done", ()))
        return RunState(**known)
    except (OSError, ValueError, TypeError):
        return RunState()


def set_aside() -> Path:
    """Keep an interrupted interview under a dated name, usable with --answers."""
    stamp = datetime.fromtimestamp(resume_path().stat().st_mtime).strftime("%Y%m%d-%H%M%S")
    kept = state_dir() / f"interrupted-{stamp}.yaml"
    os.replace(resume_path(), kept)
    _state_path().unlink(missing_ok=True)
    return kept


def forget() -> None:
    """Delete the resume files once the interview is complete: answers can be sensitive."""
    resume_path().unlink(missing_ok=True)
    _state_path().unlink(missing_ok=True)
