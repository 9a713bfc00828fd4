"""The fixed texts every engagement plan carries, each with its source.

They are kept apart from the plan builder so that a reviewer who knows the UN system can
check (and correct) the wording without reading code. Route-specific advice (next steps,
follow-up, cautions) comes from the knowledge base; what is here applies to every route:
the follow-up actions that turn a UN output into change at home (seed 004), the safety
advice for organisations at risk (seed 000; reference section 0 point 10), the labels of
the situation paragraph, and the disclaimer.

A text is `(text, source keys)`. The keys are looked up in the knowledge base's sources;
`FALLBACK_SOURCES` names them when a knowledge base (e.g. a minimal one) lacks them.
"""

from __future__ import annotations

from typing import Any

Sourced = tuple[str, tuple[str, ...]]

# The questions summarised in "Your situation", in reading order, with a short label.
SITUATION: tuple[tuple[str, str], ...] = (
    ("org_type", "Organisation"),
    ("country", "State"),
    ("themes", "Issue"),
    ("case_type", "Case or pattern"),
    ("urgency", "Someone at imminent risk"),
    ("outputs", "Output wanted"),
    ("output_nature", "Output with most weight"),
    ("advocacy_strategy", "National advocacy strategy"),
    ("state_openness", "State's openness to the UN"),
    ("experience", "International experience"),
    ("report_language", "Can write a report in a UN language"),
    ("time_available", "Time available"),
    ("partners", "Partners to work with"),
    ("reprisal_risk", "Reprisal risk"),
)

FOLLOW_UP_INTRO: Sourced = (
    "Engagement is worth it only if it changes things at home: the UN's output is a tool "
    "for your national advocacy, and the follow-up is where that change happens.",
    ("seed-000", "seed-004"),
)

FOLLOW_UP: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Media", "Make the output known: a press conference or release, short articles and "
     "social media; translate the recommendations or decision into national languages and "
     "share short, accessible versions with civil society, courts and local government.",
     ("seed-004",)),
    ("Monitoring implementation", "Track what the government does about each "
     "recommendation and report back to the body, formally (a follow-up report) or "
     "informally. Committees pick a few recommendations for follow-up within one or two "
     "years (CAT: one year; Human Rights Committee: two years, graded A to E).",
     ("seed-004", "mechanisms-facts")),
    ("Government and parliament", "Meet the ministries concerned, members of parliament "
     "and parliamentary committees (human rights, foreign affairs); put the recommendations "
     "picked for follow-up first, since their deadline adds pressure.", ("seed-004",)),
    ("Implementation plan", "Push for a national implementation plan covering the "
     "recommendations of treaty bodies, Special Procedures, the UPR and regional bodies, "
     "and ask to take part in drafting it; OHCHR and UNDP often support such plans.",
     ("seed-004",)),
    ("NHRI and national mechanism", "Work with the National Human Rights Institution where "
     "it is independent, and with the national mechanism for implementation, reporting and "
     "follow-up (NMRF); where there is none, or it shuts civil society out, lobby for one "
     "that includes you.", ("seed-004",)),
    ("Next cycle", "Use the output in your own reports and in the next review of your "
     "State, bringing together the recommendations of the different mechanisms.",
     ("seed-004",)),
)

SAFETY_INTRO: Sourced = (
    "Engaging the UN can embarrass a government. Organisations have been shut out of "
    "decision-making, lost privileges such as access to places of detention and, at worst, "
    "faced threats and attacks on staff or clients. Decide before you act what you could "
    "lose and how to protect people.",
    ("seed-000",),
)
SAFETY_DETENTION: Sourced = (
    "You have access to places of detention that public criticism could put at risk: "
    "decide before going public how you will keep that access.",
    ("seed-000",),
)
SAFETY_CONSENT: Sourced = (
    "Consent: get the informed consent of every victim and witness before you name them, "
    "agree what may be made public, and ask again before each public step. Complaints "
    "cannot be anonymous: ask the body what it will publish and whether the victim's "
    "identity can be withheld.",
    ("mechanisms-facts",),
)
SAFETY_CONFIDENTIAL: Sourced = (
    "Confidentiality: Special Procedures keep the identity of the source of a "
    "communication confidential, and a partner organisation (a national coalition or an "
    "international NGO) can submit or speak in its own name instead of yours.",
    ("mechanisms-facts", "seed-000"),
)
# (text, sources, when): `when` uses the knowledge base's condition language; a line shows
# unless its condition is certainly false (when unsure, warn), as route cautions do.
SAFETY_REPRISALS: tuple[tuple[str, tuple[str, ...], dict[str, Any] | None], ...] = (
    ("Report intimidation or reprisals: the UN Secretary-General reports every year to the "
     "Human Rights Council on reprisals against those who cooperate with the UN (HRC "
     "resolution 12/2); the Assistant Secretary-General for Human Rights is the senior "
     "official leading this work. OHCHR and the Special Procedures receive such reports.",
     ("ohchr-reprisals",), None),
    ("If you work with the SPT or a National Preventive Mechanism: OPCAT article 15 forbids "
     "any sanction against anyone for communicating information to the SPT, and article "
     "21(1) does the same for the NPM.", ("opil-opcat",),
     {"any": [{"q": "org_type", "is": "npm"}, {"not": {"q": "ratified_opcat", "is": "no"}}]}),
    ("Treaty bodies: the chairs adopted guidelines against intimidation or reprisals (the "
     "San José Guidelines, 2015; not confirmed in our sources). Ask the committee's "
     "secretariat whether it has a rapporteur or focal point on reprisals, and how to reach "
     "them, before you submit.", ("mechanisms-facts",), None),
)

CHECK_THE_DATES = ("Check the dates: no deadline could be worked out from your answers; "
                   "confirm the current ones on the body's own web page before you start.")
DISCLAIMER = ("engagewiz gives guidance, not legal advice. Rules, dates and ratifications "
              "change: check each rule and deadline with the body (and with a lawyer before "
              "filing a complaint) before you act.")

FALLBACK_SOURCES: dict[str, tuple[str, str]] = {
    "seed-000": ("IRCT, Engaging with UN Human Rights Mechanisms: An Introduction",
                 "seeds/000_331791490412aa51.txt"),
    "seed-004": ("ISHR Academy, module 3.15: Following up with Treaty Bodies",
                 "seeds/004_eecbf1d3dba1365a.txt"),
    "mechanisms-facts": ("engagewiz fact sheet on the mechanisms",
                         "reference/mechanisms-facts.md"),
    "ohchr-reprisals": ("OHCHR statements on the Secretary-General's reprisals report "
                        "(HRC res. 12/2)", "ohchr.org, statements of 2022 and 2023"),
    "opil-opcat": ("OPCAT, articles 15 and 21, with commentary",
                   "opil.ouplaw.com, OPCAT commentary"),
}
