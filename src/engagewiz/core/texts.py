"""What engagewiz says on its own, about no one route: the contents of texts.yaml, typed.

The plan's situation summary, safety and follow-up advice, and the rows of the country
view are domain knowledge a reviewer corrects without reading code, so they are data
that `engagewiz check` validates like the rest of the knowledge base. A knowledge base
without texts.yaml gets the empty defaults below: plans then carry only route advice.
"""

# Annotations are evaluated as read (no `from __future__ import annotations`): a string
# annotation of a NamedTuple field is compiled, and the first compile() of a process costs a
# scripted run 9 million instructions (tests/test_scripted_path.py).

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from engagewiz.core.conditions import Condition
from engagewiz.core.record import record

if TYPE_CHECKING:
    from engagewiz.core.model import Note


class Answer(NamedTuple):
    """An answer shown with a short label: ("reprisal_risk", "Reprisal risk")."""

    q: str
    label: str


class Action(NamedTuple):
    """A sourced piece of advice with a short lead-in ("Media": "Make the output known..."),
    shown unless its `when` is certainly false (no "push for a plan" where one exists)."""

    label: str
    text: str
    source: tuple[str, ...]
    when: Condition | None = None


@record
class SafetyTexts:
    """The plan's "Staying safe" section: shown unless `when` is certainly false."""

    when: Condition | None = None
    answer: Answer | None = None   # the risk answer the section opens with
    intro: "tuple[Note, ...]" = ()
    warnings: "tuple[Note, ...]" = ()  # each shown unless its own `when` is certainly false
    protect: "tuple[Note, ...]" = ()
    reprisals: "tuple[Note, ...]" = ()


@record
class PlanTexts:
    situation: tuple[Answer, ...] = ()  # the answers summarised, in this order
    safety: SafetyTexts | None = None
    follow_up_intro: "tuple[Note, ...]" = ()
    follow_up: tuple[Action, ...] = ()

    def follow_up_for(self, asked: Mapping[str, Any]) -> tuple[Action, ...]:
        """The follow-up actions for these answers (`asked`: interview.walked)."""
        return tuple(a for a in self.follow_up
                     if a.when is None or a.when.evaluate(asked) is not False)


@record
class FactRow:
    """One fact of countries.json as the country view shows it."""

    id: str          # its id in the JSON output
    label: str
    fact: str        # the fact's name in countries.json
    if_yes: str = "party"
    if_no: str = "not party"
    short: str = ""  # an accepted procedure in the summary line ("CAT art. 22")
    caveat: "Note | None" = None  # true whatever the State did (CMW art. 77 not in force)
    # the reservations, opt-outs and declarations to this treaty or procedure that the
    # country data holds (their rows have none of their own): core/declared picks which
    declarations: "tuple[FactRow, ...]" = ()


@record
class Treaty:
    row: FactRow
    procedure: FactRow | None = None  # its individual-complaint procedure, if it has one


@record
class RegionalSystem:
    name: str
    rows: tuple[FactRow, ...]


@record
class CountryView:
    un_treaties: tuple[Treaty, ...] = ()
    regional: tuple[RegionalSystem, ...] = ()


@record
class UrgentTexts:
    """What opens a result when someone is at imminent risk, before the urgent routes."""

    intro: "tuple[Note, ...]" = ()      # when urgent routes are open or to check
    none_open: "tuple[Note, ...]" = ()  # when none is

    def for_case(self, any_open: bool, asked: Mapping[str, Any]) -> "tuple[Note, ...]":
        notes = self.intro if any_open else self.none_open
        return tuple(n for n in notes if n.when is None or n.when.evaluate(asked) is not False)


@record
class Texts:
    plan: PlanTexts = PlanTexts()
    country: CountryView = CountryView()
    urgent: UrgentTexts = UrgentTexts()
