"""The options several commands share (`--kb`, `--format`, `--plain`, `--today`), declared
once for typer. Apart from `cli/common.py` (the helpers, which import no typer) so that a
scripted run, which never builds a typer command (`cli/scripted.py`), need not import it.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from engagewiz.cli.common import Format

KbOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime on 3.10
    typer.Option("--kb", help="Use another knowledge base folder (same layout as data/).",
                 envvar="ENGAGEWIZ_KB", show_default=False),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="rich for people, json for scripts.")]
PlainOption = Annotated[bool, typer.Option(help="No colour, no box characters.")]
TodayOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--today", hidden=True, envvar="ENGAGEWIZ_TODAY",
                 help="Pretend today is this date (YYYY-MM-DD), for reproducible runs."),
]
