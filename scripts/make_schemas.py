#!/usr/bin/env python3
"""Write schemas/*.schema.json from the code that validates the files (engagewiz.kb.jsonschemas).

Run after changing data/questions.yaml (the answers schema lists its questions) or the
file formats of questions.yaml, mechanisms.yaml and texts.yaml (engagewiz/kb/spec.py).
`--check` writes nothing and exits 1 if a file is out
of date; tests/test_schemas.py does the same in CI.

    python scripts/make_schemas.py            # write
    python scripts/make_schemas.py --check    # verify
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from engagewiz.kb import jsonschemas
from engagewiz.kb.load import load_kb

ROOT = Path(__file__).resolve().parents[1]


def expected(data_dir: Path) -> dict[Path, str]:
    """Each schema file under schemas/ and the text it should hold."""
    kb = load_kb(data_dir)
    return {ROOT / "schemas" / jsonschemas.file_name(name):
            jsonschemas.dump(jsonschemas.schema(name, kb)) for name in jsonschemas.NAMES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only; exit 1 if stale")
    parser.add_argument("--kb", type=Path, default=ROOT / "data", help="knowledge-base folder")
    args = parser.parse_args()
    stale = []
    for path, text in expected(args.kb).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if args.check and stale:
        print("out of date: " + ", ".join(str(p.relative_to(ROOT)) for p in stale)
              + "; run python scripts/make_schemas.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
