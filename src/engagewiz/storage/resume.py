"""Where an interrupted interview is kept, so Ctrl-C or a closed terminal loses nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from engagewiz.core.model import KnowledgeBase
from engagewiz.storage.answers import dump_answers
from engagewiz.storage.fsutil import save_for_user

HEADER = ("# engagewiz: answers of an interrupted interview (kept private, mode 0600).\n"
          "# Continue with: engagewiz assess --resume\n")


def state_dir() -> Path:
    """$ENGAGEWIZ_HOME, else $XDG_STATE_HOME/engagewiz, else ~/.local/state/engagewiz."""
    if home := os.environ.get("ENGAGEWIZ_HOME"):
        return Path(home)
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "engagewiz"


def resume_path() -> Path:
    return state_dir() / "resume.yaml"


def save(answers: dict[str, Any], kb: KnowledgeBase) -> Path:
    path = resume_path()
    save_for_user(path, dump_answers(answers, kb, HEADER))
    return path


def forget() -> None:
    """Delete the resume file once the interview is complete: answers can be sensitive."""
    resume_path().unlink(missing_ok=True)
