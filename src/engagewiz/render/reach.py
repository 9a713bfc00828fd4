"""Which blocked routes are out of reach from the user's country, whatever they do.

A regional route blocked because the State is not in that system (Kenya and the European
Court) is not a route the user could open: plans count such routes instead of listing
them, and the terminal report lists them last.
"""

from __future__ import annotations

from engagewiz.core import conditions
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.results import BLOCKED, RouteResult


def outside_region(r: RouteResult, kb: KnowledgeBase) -> bool:
    """Blocked because the State is not in that regional system: nothing the user can open."""
    mechanism = kb.route(r.id)
    if mechanism is None or r.family != "regional":
        return False
    return any((q := kb.question(t.q)) is not None and q.membership
               # the engine's dependency results follow the route's own gates
               for gate, result in zip(mechanism.gates, r.gates, strict=False)
               if result.status == BLOCKED and gate.test is not None
               for t in conditions.tests(gate.test))
