"""The shapes of questions.yaml and mechanisms.yaml (validation and JSON Schemas share them)."""

from __future__ import annotations

from engagewiz.core.model import (
    EFFORTS,
    EXPOSURES,
    FAMILIES,
    NATURES,
    QUESTION_TYPES,
    ROUTE_KINDS,
)
from engagewiz.kb.gatekinds import COMMON, GATE_KINDS
from engagewiz.kb.schema import (
    AnyValue,
    Choice,
    ConditionSpec,
    Flag,
    Integer,
    ListOf,
    Obj,
    Spec,
    Tagged,
    Text,
)

SOURCES = ListOf(Text(), allow_single=True, description="a source key, or a list of them")
TEXT_FIELDS = ("who", "timeline", "time_limits", "confidentiality", "reprisals")

OPTION = Obj(
    {"value": Text("the word stored in answers files"), "label": Text("what the user reads"),
     "help": Text("when to pick this choice")},
    required=("value", "label"),
)
SECTION = Obj(
    {"id": Text(), "title": Text(), "intro": Text("a sentence shown when the section starts")},
    required=("id", "title"),
)
QUESTION = Obj(
    {
        "id": Text("snake_case; the key in answers files"),
        "section": Text("the id of its section"),
        "text": Text("the question as asked"),
        "help": Text("why we ask, in a sentence or two"),
        "type": Choice(QUESTION_TYPES),
        "choices": ListOf(OPTION),
        "dont_know": Flag("offer \"Don't know\" (value dont_know)"),
        "when": ConditionSpec(),
        "prefill": Flag("answered from the country data once the country is known"),
        "membership": Flag("the answer says whether the State belongs to a regional system "
                           "(or accepts its court): a regional route it blocks is out of reach"),
        "short": Text("a few words naming it in lists (facts, review); distinct from others"),
        "derive": Choice(("upr_due",), "worked out from the country data, not asked"),
        "source": SOURCES,
    },
    required=("id", "section", "text", "help", "type"),
)
MAX_SHORTCUT = 10  # what "quick" promises: at most this many questions
SHORTCUT = Obj(
    {"id": Text("quick (chosen by the user) or a name for a track started by `when`"),
     "when": ConditionSpec(),
     "ask": ListOf(Text("a question id"))},
    required=("id", "ask"),
)
MAX_GROUP = 7    # rows on one screen: with the focused question below them, fits 60x30
MAX_GROUP_OPTIONS = 8  # values a row steps through with left and right ("don't know" counts)
GROUP = Obj(
    {"id": Text("snake_case; names the group in messages"),
     "title": Text("the screen's heading, e.g. Your time, skills and partners"),
     "questions": ListOf(Text("a question id"), "asked together, a row each, in this order")},
    required=("id", "title", "questions"),
)
CHANGE = Obj(
    {"version": Text("the kb_version (mechanisms.yaml) that first has this change"),
     "added": ListOf(Text(), "questions new in this version"),
     "removed": ListOf(Text(), "questions no longer asked"),
     "renamed": Obj({}, open_keys=Text(), description="old id: new id")},
    required=("version",),
)
QUESTIONS_FILE = Obj(
    {"version": Integer(minimum=1), "sections": ListOf(SECTION), "questions": ListOf(QUESTION),
     "shortcuts": ListOf(SHORTCUT),
     "groups": ListOf(GROUP, "short questions asked together on one screen"),
     "changes": ListOf(CHANGE, "how answers files of earlier versions are read, oldest first")},
    required=("sections", "questions"),
    description="engagewiz interview: data/questions.yaml",
)

NOTE = Obj({"text": Text(), "source": SOURCES, "when": ConditionSpec()},
           required=("text", "source"))
# A gate's fields depend on its kind: the common words and sources, and the kind's own
# parameters, as the gate-kind registry declares them.
GATE = Tagged("kind", {
    name: Obj({"kind": Choice((name,)), **COMMON, "source": SOURCES,
               **{p: param.spec for p, param in kind.params.items()}},
              required=("kind", *COMMON, "source",
                        *(p for p, param in kind.params.items() if param.required)),
              one_of=kind.one_of, noun=kind.noun)
    for name, kind in GATE_KINDS.items()
}, description="a hard rule: open, blocked or unknown (check first)")
MATCH = Obj({}, open_keys=AnyValue(), description="route attributes to match")
CONSIDERATION = Obj(
    {
        "id": Text(),
        "if": ConditionSpec(),
        "route": MATCH,
        "not_route": MATCH,
        "points": Integer(minimum=-10, maximum=10),
        "reason": Text("why the points, in a sentence the user reads"),
        "source": SOURCES,
    },
    required=("if", "points", "reason", "source"),
)
ROUTE_FIELDS: dict[str, Spec] = {
    "id": Text("kebab-case, stable"),
    "name": Text(),
    "body": Text(),
    "family": Choice(FAMILIES),
    "summary": Text(),
    "nature": Choice(NATURES),
    "kinds": ListOf(Choice(ROUTE_KINDS)),
    "themes": ListOf(Text()),
    "individual": Flag(),
    "urgent": Flag("acts within days on an imminent risk; needs `act_now`"),
    "exposure": Choice(EXPOSURES),
    "reached_through": ListOf(Text(), allow_single=True,
                              description="the id of a route this one is only reached through"),
    "effort": Choice(EFFORTS),
    **{name: Text() for name in TEXT_FIELDS},
    "source": SOURCES,
    "gates": ListOf(GATE),
    "considerations": ListOf(CONSIDERATION),
    "cautions": ListOf(NOTE),
    "next_steps": ListOf(NOTE),
    "follow_up": ListOf(NOTE),
    "act_now": ListOf(NOTE),
}
ROUTE_REQUIRED = ("id", "name", "body", "family", "summary", "nature", "kinds", "themes",
                  "effort", "source")
ROUTE = Obj(ROUTE_FIELDS, required=ROUTE_REQUIRED)
TEMPLATE = Obj(
    {
        "id": Text(),
        "for_each": ListOf(Obj({}, open_keys=AnyValue(), required=("key",))),
        "mechanism": Obj(ROUTE_FIELDS, description="fields with {param} placeholders"),
    },
    required=("id", "for_each", "mechanism"),
)
SOURCE = Obj(
    {
        "citation": Text("the official title and the provision (article, rule, paragraph), "
                         "as a lawyer would cite it"),
        "short": Text("a short title for the sources list on screen"),
        "url": Text("the official address (https://...); for a guide, its publisher's page"),
        "symbol": Text("the UN document symbol, e.g. CCPR/C/3/Rev.12 (linked on undocs.org)"),
        "read_at": Text("a copy where the fact was read; never shown as the citation"),
        "verified": Flag("the address or symbol was seen in an official copy"),
        "approximate": Flag("the provision covers the point but is not the text that was read"),
    },
    required=("citation",),
    any_of=("url", "symbol"),
    description="a document a fact rests on: docs/sources.md",
)
SYSTEM_NOTE = Obj(
    {
        "id": Text("kebab-case, stable"),
        "title": Text("a heading the user reads: what does not exist, or is closed"),
        "when": ConditionSpec(),
        "text": Text("what exists and what does not, in plain words"),
        "instead": ListOf(Text(), description="ids of the routes that fill the gap"),
        "check": Text("where to check what the note says (whom to ask, where)"),
        "source": SOURCES,
    },
    required=("id", "title", "when", "text", "source"),
    description="where nothing can be filed: shown when `when` is true",
)
MECHANISMS_FILE = Obj(
    {
        "version": Integer(minimum=1),
        "kb_version": Text(),
        "sources": Obj({}, open_keys=SOURCE),
        "scoring": ListOf(CONSIDERATION),
        "mechanisms": ListOf(ROUTE),
        "templates": ListOf(TEMPLATE),
        "notes": ListOf(SYSTEM_NOTE, "where nothing can be filed (docs/authoring.md)"),
    },
    required=("sources", "mechanisms"),
    description="engagewiz knowledge base: data/mechanisms.yaml",
)
TEMPLATE_ITEM_EXTRAS = ("extra_gates", "extra_considerations", "extra_cautions",
                        "extra_next_steps", "extra_follow_up", "extra_act_now", "override")

# texts.yaml: what the tool says about no one route (core/texts.py) --------------------------
SOURCED = Obj({"text": Text(), "source": SOURCES}, required=("text", "source"),
              description="a text with its source, shown whatever the answers")
ANSWER = Obj({"q": Text("a question id"), "label": Text("the short label shown before the answer")},
             required=("q", "label"))
ACTION = Obj({"label": Text("a short lead-in, shown in bold"), "text": Text(), "source": SOURCES,
              "when": ConditionSpec()},
             required=("label", "text", "source"))
SAFETY = Obj(
    {
        "when": ConditionSpec(),  # the section shows unless this is certainly false
        "answer": ANSWER,
        "intro": ListOf(NOTE),
        "warnings": ListOf(NOTE, "shown in the intro, highlighted, unless `when` is false"),
        "protect": ListOf(NOTE, "how to protect the people involved"),
        "reprisals": ListOf(NOTE, "what to do if reprisals happen"),
    },
    description="the plan's \"Staying safe\" section",
)
PLAN = Obj(
    {
        "situation": ListOf(ANSWER, "the answers summarised at the top of the plan, in order"),
        "safety": SAFETY,
        "follow_up": Obj({"intro": ListOf(SOURCED), "actions": ListOf(ACTION)},
                         description="the plan's last section: change at home"),
    },
)
_ROW = {
    "id": Text("its id in `engagewiz country --format json`"),
    "label": Text(),
    "fact": Text("the fact's name in countries.json"),
    "if_yes": Text("the words for a yes (default: party)"),
    "if_no": Text("the words for a no (default: not party)"),
    "short": Text("a procedure's short name in the summary line, e.g. CAT art. 22"),
    "caveat": SOURCED,
}
FACT_ROW = Obj(
    {**_ROW, "declarations": ListOf(
        Obj(_ROW, required=("id", "label", "fact")),
        "the State's reservations, opt-outs or declarations to this treaty or procedure "
        "that the country data holds, shown under it with their quoted words")},
    required=("id", "label", "fact"),
)
COUNTRY_VIEW = Obj(
    {
        "un_treaties": ListOf(Obj({"row": FACT_ROW, "procedure": FACT_ROW}, required=("row",))),
        "regional": ListOf(Obj({"system": Text(), "rows": ListOf(FACT_ROW)},
                               required=("system", "rows"))),
    },
    description="the rows of `engagewiz country`",
)
URGENT = Obj(
    {"intro": ListOf(NOTE, "shown first when someone is at imminent risk"),
     "none_open": ListOf(NOTE, "shown instead when no urgent route is open or to check")},
    description="the urgent banner of a result (docs/ranking.md)",
)
TEXTS_FILE = Obj(
    {"version": Integer(minimum=1), "plan": PLAN, "country": COUNTRY_VIEW, "urgent": URGENT},
    description="engagewiz texts: data/texts.yaml",
)
