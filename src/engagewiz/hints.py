"""'Did you mean ...?': the one way engagewiz suggests a name close to a mistyped one.

Every message that names something unknown (a question id, a route, a field, a source, a
scenario, a country) ends the same way, "; did you mean 'a' or 'b'?", so users learn to read
it and tests can match it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def did_you_mean(word: object, known: Iterable[object], n: int = 1, otherwise: str = "") -> str:
    """The hint for `word` among `known` (up to `n` close names), else `otherwise`."""
    import difflib  # only when there is a mistake to explain

    return suggest(difflib.get_close_matches(str(word), [str(k) for k in known], n=n),
                   otherwise)


def suggest(close: Sequence[str], otherwise: str = "") -> str:
    """The hint for names already found close (a country's name, from its own search)."""
    if not close:
        return otherwise
    return "; did you mean " + " or ".join(f"'{name}'" for name in close) + "?"
