"""Which blocked routes are out of reach from the user's country, whatever they do.

A regional route blocked because the State is not in that system (Kenya and the European
Court) is not a route the user could open: plans count such routes instead of listing
them, and the terminal report lists them last. Which questions say "the State is in the
system" is data: `membership: true` in questions.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from engagewiz.core.conditions import tests
from engagewiz.core.model import Gate, KnowledgeBase, Route
from engagewiz.core.results import BLOCKED, GateResult


def out_of_region(route: Route, gates: tuple[GateResult, ...], kb: KnowledgeBase) -> bool:
    """A regional route blocked by a gate on a membership question: nothing the user can
    open. `gates` are the route's gate results, in the order of its gates."""
    if route.family != "regional":
        return False
    return any((q := kb.question(qid)) is not None and q.membership
               for gate, result in zip(route.gates, gates, strict=True)
               if result.status == BLOCKED for qid in _treaty_questions(gate))


def _treaty_questions(gate: Gate) -> Iterator[str]:
    """The questions a gate asks of the State: its test's, and an `in_force` gate's fact."""
    if gate.test is not None:
        yield from (t.q for t in tests(gate.test))
    if "fact" in gate.params:
        yield gate.params["fact"]
