"""The static analyses behind `engagewiz check`, tree and explain, one behaviour at a time.

Small knowledge bases are written inline so each test shows the YAML it is about.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from engagewiz.authoring.describe import describe, describe_match
from engagewiz.authoring.index import effects, readers, rule_can_apply
from engagewiz.authoring.lint import lint
from engagewiz.authoring.locate import Locator
from engagewiz.authoring.search import LIMIT, Space, max_score, why_never
from engagewiz.core import conditions as cond
from engagewiz.core.model import KnowledgeBase
from engagewiz.core.routematch import may_apply as rule_may_apply
from engagewiz.kb.load import load_kb

QUESTIONS = """
version: 1
sections:
  - {id: s, title: Section}
questions:
  - id: org_type
    section: s
    text: Who are you?
    short: Kind
    help: Routes differ.
    type: choice
    choices:
      - {value: ngo, label: An NGO, help: h}
      - {value: nhri, label: An NHRI, help: h}
      - {value: npm, label: An NPM, help: h}
  - id: nhri_status
    section: s
    text: Accreditation?
    short: Accreditation
    help: A status speaks.
    type: choice
    dont_know: true
    choices:
      - {value: a, label: A status, help: h}
      - {value: b, label: B status, help: h}
    when: {q: org_type, in: [nhri, npm]}
  - id: themes
    section: s
    text: Themes?
    short: Themes
    help: Mandates.
    type: multi
    choices:
      - {value: torture, label: Torture, help: h}
      - {value: detention, label: Detention, help: h}
      - {value: other, label: Other, help: h}
  - id: urgency
    section: s
    text: Urgent?
    short: Urgency
    help: Days matter.
    type: yes_no
"""

ROUTE = """
  - id: {id}
    name: A route
    body: A body
    family: {family}
    summary: What it is.
    nature: expert
    kinds: [{kinds}]
    themes: [{themes}]
    effort: low
    source: s1
"""


def make_kb(tmp_path: Path, mechanisms: str, questions: str = QUESTIONS) -> KnowledgeBase:
    (tmp_path / "questions.yaml").write_text(textwrap.dedent(questions), encoding="utf-8")
    (tmp_path / "mechanisms.yaml").write_text(textwrap.dedent(mechanisms), encoding="utf-8")
    return load_kb(tmp_path)


def route(id: str = "r1", family: str = "treaty", kinds: str = "case_decision",
          themes: str = "torture", extra: str = "") -> str:
    return ROUTE.format(id=id, family=family, kinds=kinds, themes=themes) + extra


def mechanisms(*routes: str, scoring: str = "") -> str:
    return ("sources:\n  s1: {citation: Source one, url: \"https://example.org/one\"}\n"
            + (scoring or "")
            + "mechanisms:" + "".join(routes))


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENGAGEWIZ_NO_CACHE", "1")


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return make_kb(tmp_path, mechanisms(route(extra="""    considerations:
      - {if: {q: urgency, is: "yes"}, points: 2, reason: Fast., source: s1}
""")))


def c(raw: object) -> cond.Condition:
    return cond.parse(raw)


# describe ---------------------------------------------------------------------------------

def test_describe_uses_labels_and_reads_like_a_sentence(kb: KnowledgeBase) -> None:
    assert describe(c({"q": "org_type", "is": "nhri"}), kb) == "org_type is An NHRI"
    assert describe(c({"q": "themes", "has_any": ["torture", "detention"]}), kb) == \
        "themes include Torture or Detention"
    assert describe(c({"q": "org_type", "in": ["ngo", "nhri", "npm"]}), kb) == \
        "org_type is An NGO, An NHRI or An NPM"
    assert describe(c({"q": "urgency", "answered": False}), kb) == "urgency is not answered"


def test_describe_negations_and_nesting(kb: KnowledgeBase) -> None:
    assert describe(c({"not": {"q": "org_type", "in": ["ngo", "npm"]}}), kb) == \
        "org_type is neither An NGO nor An NPM"
    assert describe(c({"not": {"q": "themes", "has": "torture"}}), kb) == \
        "themes do not include Torture"
    nested = {"all": [{"q": "urgency", "is": "yes"},
                      {"any": [{"q": "org_type", "is": "ngo"}, {"q": "themes", "has": "other"}]}]}
    assert describe(c(nested), kb) == \
        "urgency is Yes and (org_type is An NGO or themes include Other)"
    assert describe(c({"not": {"all": [{"q": "urgency", "is": "yes"}]}})) == "not (urgency is yes)"


def test_describe_match() -> None:
    assert describe_match({"kinds": "case_decision", "urgent": True}) == \
        "routes with kinds case_decision and urgent true"
    assert describe_match({"themes": {"answer": "themes"}}, None, "except routes with") == \
        "except routes with themes matching your answer to themes"


# Space: can a condition be true? ----------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ({"q": "org_type", "is": "ngo"}, True),
    ({"all": [{"q": "org_type", "is": "ngo"}, {"q": "org_type", "is": "nhri"}]}, False),
    ({"any": [{"q": "org_type", "is": "ngo"}, {"q": "org_type", "is": "nhri"}]}, True),
    ({"q": "themes", "is": "torture"}, False),          # a multi answer is a list
    ({"q": "themes", "has": "torture"}, True),
    ({"q": "urgency", "is": "dont_know"}, True),         # yes_no offers dont_know
    ({"q": "org_type", "is": "dont_know"}, False),       # org_type does not
    ({"q": "urgency", "answered": False}, True),
    ({"all": [{"q": "themes", "has": "torture"}, {"not": {"q": "themes", "has": "torture"}}]},
     False),
    ({"all": [{"q": "themes", "has": "torture"}, {"q": "themes", "has": "detention"}]}, True),
])
def test_can_be_true(kb: KnowledgeBase, raw: object, expected: bool) -> None:
    assert Space(kb).can_be_true(c(raw)) is expected


def test_a_question_not_asked_has_no_answer(kb: KnowledgeBase) -> None:
    """nhri_status is asked only of NHRIs and NPMs: an NGO cannot have A status."""
    space = Space(kb)
    ngo_with_a = c({"all": [{"q": "org_type", "is": "ngo"}, {"q": "nhri_status", "is": "a"}]})
    assert space.can_be_true(ngo_with_a) is False
    assert space.can_be_true(ngo_with_a, frozenset({"nhri_status"})) is True
    assert why_never(ngo_with_a, space) == (
        "nhri_status is asked only when org_type is An NHRI or An NPM (its `when`), so it has "
        "no answer when the rest of this condition holds")
    nhri_with_a = c({"all": [{"q": "org_type", "is": "nhri"}, {"q": "nhri_status", "is": "a"}]})
    assert space.can_be_true(nhri_with_a) is True


def test_why_never_names_the_contradiction(kb: KnowledgeBase) -> None:
    space = Space(kb)
    both = c({"all": [{"q": "urgency", "is": "yes"}, {"q": "org_type", "is": "ngo"},
                      {"q": "org_type", "is": "npm"}]})
    assert why_never(both, space) == \
        "it asks for org_type is An NGO and org_type is An NPM at the same time"
    assert why_never(c({"q": "themes", "in": ["torture"]}), space).startswith(
        "themes takes several answers (a list): test it with `has` or `has_any`, not `in`")


def test_too_many_combinations_is_undecided_not_a_false_alarm(tmp_path: Path) -> None:
    many = "".join(f"""
  - id: q{i}
    section: s
    text: Q{i}?
    help: H.
    type: yes_no
""" for i in range(8))
    kb = make_kb(tmp_path, mechanisms(route()), QUESTIONS + many)
    space = Space(kb)
    assert LIMIT < 4 ** 8  # none, dont_know, yes, no for each of 8 questions
    tangled = c({"any": [{"all": [{"q": f"q{i}", "is": "yes"}, {"q": f"q{(i + 1) % 8}",
                                                                "is": "no"}]}
                         for i in range(8)]})
    assert space.can_be_true(tangled) is True  # an `any` needs one true part only
    ring = c({"all": [{"any": [{"q": f"q{i}", "is": "yes"}, {"q": f"q{(i + 1) % 8}",
                                                              "is": "no"}]}
                      for i in range(8)]})
    assert space.can_be_true(ring) is None  # one tangle of 8 questions: too many to try


def test_independent_parts_are_decided_separately(tmp_path: Path) -> None:
    """A contradiction on one question is found however many other questions there are."""
    many = "".join(f"""
  - id: q{i}
    section: s
    text: Q{i}?
    help: H.
    type: yes_no
""" for i in range(8))
    kb = make_kb(tmp_path, mechanisms(route()), QUESTIONS + many)
    parts = [{"q": f"q{i}", "is": "yes"} for i in range(8)]
    space = Space(kb)
    assert space.can_be_true(c({"all": parts})) is True
    assert space.can_be_true(c({"all": [*parts, {"q": "q3", "is": "no"}]})) is False


# effects and readers ----------------------------------------------------------------------

def test_effects_gate_answers_both_ways_scores_only_the_counting_ones(tmp_path: Path) -> None:
    kb = make_kb(tmp_path, mechanisms(route(extra="""    gates:
      - {kind: requires, test: {q: urgency, is: "yes"},
         rule: R., unblock: U., check: C., source: s1}
    considerations:
      - {if: {not: {q: org_type, is: ngo}}, points: 1, reason: Not an NGO., source: s1}
""")))
    index = effects(kb)
    assert index["urgency"] == {"yes": {"r1": {"gate"}}, "no": {"r1": {"gate"}},
                                "dont_know": {"r1": {"gate"}}}  # check first
    assert set(index["org_type"]) == {"nhri", "npm"}  # `not ngo` counts for the others


def test_effects_of_an_answer_matcher_follow_the_answer(tmp_path: Path) -> None:
    scoring = """scoring:
  - id: theme-covered
    if: {q: themes, answered: true}
    route: {themes: {answer: themes}}
    points: 2
    reason: Covered.
    source: s1
"""
    kb = make_kb(tmp_path, mechanisms(route("cat"), route("upr", kinds="visibility",
                                                          themes="any"), scoring=scoring))
    index = effects(kb)["themes"]
    assert set(index["torture"]) == {"cat", "upr"}
    assert set(index["detention"]) == {"upr"}


def test_rule_can_apply_tries_the_answers(tmp_path: Path) -> None:
    scoring = """scoring:
  - {if: {q: urgency, is: "yes"}, route: {themes: {answer: themes}},
     points: 2, reason: R., source: s1}
"""
    kb = make_kb(tmp_path, mechanisms(route("a"), route("none", themes=""), scoring=scoring))
    rule = kb.scoring[0]
    a, none = kb.routes
    assert rule_may_apply(rule, a) is None and rule_may_apply(rule, none) is None
    assert rule_can_apply(rule, a, kb) is True
    assert rule_can_apply(rule, none, kb) is False  # no theme: no answer can match
    assert max_score(none, kb, Space(kb)) == 0
    assert max_score(a, kb, Space(kb)) == 2


def test_readers_include_gate_kinds_and_matchers(tmp_path: Path) -> None:
    """A consent gate reads victim_consent and org_type in code (kb/gatekinds)."""
    questions = QUESTIONS.replace("""      - {value: npm, label: An NPM, help: h}
""", """      - {value: npm, label: An NPM, help: h}
      - {value: victim, label: The victim, help: h}
  - {id: victim_consent, section: s, text: Consent?, help: Needed., type: yes_no}
""")
    kb = make_kb(tmp_path, mechanisms(route(extra="""    gates:
      - {kind: consent, without: blocked, rule: R., unblock: U., check: C., source: s1}
"""), scoring="""scoring:
  - {if: {q: themes, answered: true}, route: {themes: {answer: themes}},
     points: 1, reason: R., source: s1}
"""), questions)
    assert {"victim_consent", "org_type", "themes"} <= readers(kb)
    assert "urgency" not in readers(kb)
    assert set(effects(kb)["org_type"]["victim"]["r1"]) == {"gate"}
    assert "ngo" not in effects(kb)["org_type"]  # only "victim" changes a consent gate


# lint findings and their places -----------------------------------------------------------

TEMPLATE = """templates:
  - id: tb
    for_each:
      - {key: one, q: urgency}
      - key: two
        q: urgency
        extra_gates:
          - {kind: requires, test: {all: [{q: "{q}", is: "yes"}, {q: "{q}", is: "no"}]},
             rule: R., unblock: U., check: C., source: s1}
      - key: three
        q: urgency
        override:
          gates:
            - {kind: requires, test: {q: themes, is: torture},
               rule: R., unblock: U., check: C., source: s1}
    mechanism:
      id: "{key}-review"
      name: "{key}"
      body: B
      family: treaty
      summary: S.
      nature: expert
      kinds: [case_decision]
      themes: [torture]
      effort: low
      source: s1
      gates:
        - {kind: requires, test: {q: "{q}", is: "yes"},
           rule: R., unblock: U., check: C., source: s1}
      considerations:
        - {if: {q: org_type, is: nhri}, points: 1, reason: R., source: s1}
"""


def test_locator_finds_a_template_route_s_lines(tmp_path: Path) -> None:
    kb = make_kb(tmp_path, mechanisms(route()) + "\n" + TEMPLATE)
    where = Locator(kb, tmp_path)
    one, two, three = (kb.route(f"{k}-review") for k in ("one", "two", "three"))
    assert one and two and three
    assert where.route(two) == ("templates", 0, "for_each", 1)
    assert where.part(one, ("gates", 0, "test")) == ("templates", 0, "mechanism", "gates", 0,
                                                     "test")
    assert where.part(two, ("gates", 1, "test")) == ("templates", 0, "for_each", 1,
                                                     "extra_gates", 0, "test")
    assert where.part(three, ("gates", 0)) == ("templates", 0, "for_each", 2, "override",
                                               "gates", 0)
    found = [(p.key, p.message) for p in lint(kb, tmp_path)
             if (p.key or "").startswith("templates")]
    assert [key for key, _ in found] == ["templates[0].for_each[1].extra_gates[0].test",
                                         "templates[0].for_each[2].override.gates[0].test"]
    assert found[0][1].startswith("route 'two-review': this gate can never open")
    assert "route 'three-review': this gate can never open" in found[1][1]


def test_questions_nothing_reads_are_reported(kb: KnowledgeBase, tmp_path: Path) -> None:
    """Route themes do not read the `themes` question; only tests and matchers do."""
    found = [(p.key, p.message.split(":")[0]) for p in lint(kb, tmp_path)]
    assert found == [("questions[1].id", "nothing reads the answer to 'nhri_status'"),
                     ("questions[2].id", "nothing reads the answer to 'themes'")]


def test_a_test_that_can_never_be_true_inside_a_satisfiable_condition(tmp_path: Path) -> None:
    kb = make_kb(tmp_path, mechanisms(route(extra="""    considerations:
      - if: {any: [{q: urgency, is: "yes"}, {q: themes, is: torture}]}
        points: 1
        reason: R.
        source: s1
""")))
    messages = [p.message for p in lint(kb, tmp_path) if p.key and "considerations" in p.key]
    assert messages == ["the test `themes is Torture` can never be true: themes takes several "
                        "answers (a list): test it with `has` or `has_any`, not `is`"]


def test_a_question_not_asked_is_false_in_later_whens_as_in_the_interview(
        kb: KnowledgeBase) -> None:
    """nhri_status is never asked of an NGO, so for a later question's `when`, `not
    nhri_status is a` holds for an NGO (the interview's NOT_ASKED); for a gate, the same
    condition stays unknown, as the engine reads a skipped question as unanswered."""
    ngo_not_a = c({"all": [{"q": "org_type", "is": "ngo"},
                           {"not": {"q": "nhri_status", "is": "a"}}]})
    assert Space(kb, walked=True).can_be_true(ngo_not_a) is True
    assert Space(kb).can_be_true(ngo_not_a) is False


def test_groups_that_do_not_belong_together(tmp_path: Path) -> None:
    """A group of one; a `when` that waits for a question asked after the group's screen;
    a row name too long for 60 columns. (Shapes the screen cannot draw: kb-broken.)"""
    questions = QUESTIONS.replace("questions:\n", """groups:
  - {id: alone, title: Alone, questions: [urgency]}
  - {id: split, title: Split, questions: [org_type, nhri_status]}
questions:
""").replace("    short: Accreditation\n",
             "    short: Accreditation by the Global Alliance of NHRIs\n")
    # themes moves between the group's two questions, and nhri_status tests it
    questions = questions.replace("    when: {q: org_type, in: [nhri, npm]}",
                                  "    when: {q: themes, has: torture}")
    head, rest = questions.split("  - id: nhri_status")
    status, after = rest.split("  - id: themes")
    themes, urgency = after.split("  - id: urgency")
    questions = head + "  - id: themes" + themes + "  - id: nhri_status" + status \
        + "  - id: urgency" + urgency
    kb = make_kb(tmp_path, mechanisms(route(extra="""    considerations:
      - if: {all: [{q: nhri_status, is: a}, {q: urgency, is: "yes"}, {q: org_type, is: ngo}]}
        points: 1
        reason: r
        source: s1
""")), questions)
    found = [(p.key, p.message) for p in lint(kb, tmp_path)
             if (p.key or "").startswith("groups")]
    assert [key for key, _ in found] == ["groups[0].questions", "groups[1].questions[1]",
                                         "groups[1].questions[1]"]
    assert "has one question" in found[0][1]
    assert "the `short:` of 'nhri_status' has 45 characters" in found[1][1]
    assert "tests 'themes', which comes after 'org_type' in the file" in found[2][1]
