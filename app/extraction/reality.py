"""Reality: which gatherings are meetings the text reports, and which only mentions, by a learned weighing.

The rules find a gathering wherever a meeting word stands in a meeting construction; on real news a
quarter of them name no meeting that took or will take place: a generic or habitual mention ("talks
are the only way"), a hypothetical one ("if they met, ..."), a headline or a photo caption restating
another, a misread word. This stage describes each gathering by what the rules found (mentions,
date, place, parties, status, the trigger's kind, senses and flags) and by the clause its mentions
stand in (modal, negated, conditional), and drops it when the model "spurious" (learned/) gives it
a probability of naming no reported meeting at or over its threshold. A gathering with a date, an
attending party or an exclusion is never weighed (`is_weighed`): the rules' evidence of a particular
gathering, and the gatherings whose loss costs most when they are real (their attendees and date go
with them); out of fold the model does as well without them (it is still fitted on them).
Before any weighing, a gathering every mention of which is a meeting verb the text denies ("did not
meet", "never met", "failed to meet"; but "have not met since March" tells a meeting in March) is
dropped by rule: no meeting happened, whoever is named.
"""

from __future__ import annotations

import math

from app.extraction import deadline, grammar
from app.extraction.exclusions import REFUSING_HEADS
from app.extraction.gatherings import Gathering, event_date_value
from app.extraction.grammar import SINCE, clause_tense, governing_verb
from app.extraction.learned import Features, LogisticModel, in_quotes, load, quote_offsets
from app.extraction.lexicon.wordsets import senses
from app.extraction.parsed import ParsedText, Token

MODEL = "spurious"
# The senses of a trigger's lemma that get a weight of their own.
TRIGGER_SENSES = (
    "meet",
    "talks",
    "session",
    "small-meeting",
    "hearing",
    "visit",
    "contact",
    "discuss",
    "come-together",
    "call-noun",
    "testify",
    "receive-guest",
    "conference-series",
)
# Auxiliaries of a mood other than the indicative: "could meet", "would hold talks".
MODALS = {"would", "could", "might", "may", "should", "can", "must", "ought"}
# Subordinators of a condition or an open question: "if they meet", "whether talks resume".
CONDITIONS = {"if", "unless", "whether"}
# Determiners of no particular gathering: "any talks", "no meeting", "every summit".
GENERIC_DETERMINERS = {"any", "no", "every", "each"}
HABITUAL = senses("habitual")
ATTENDING = {"participant", "organizer"}


def likely_gatherings(
    parsed: ParsedText, gatherings: list[Gathering], model: LogisticModel | None = None
) -> list[Gathering]:
    """`gatherings` without those the model finds likely to name no meeting the text reports."""
    model = model or load(MODEL)
    return [
        g
        for g, features in zip(gatherings, described(parsed, gatherings), strict=True)
        if not denied(parsed, g) and (not is_weighed(g) or model.probability(features) < model.threshold)
    ]


def denied(parsed: ParsedText, g: Gathering) -> bool:
    """Whether every mention of `g` is a meeting verb the text denies: "did not meet", "never met",
    "failed to meet", "refused to meet" (no meeting happened, whoever is named)."""
    return all(_denied_verb(parsed, parsed.tokens[f.trigger.head]) for f in g.frames)


def _denied_verb(parsed: ParsedText, verb: Token) -> bool:
    if verb.pos != "VERB" or any(c.dep == "prep" and c.lower in SINCE for c in parsed.children(verb.i)):
        return False  # ("have not sat down with us since April": they did, in April)
    return grammar.denied(parsed, verb, REFUSING_HEADS)


def is_weighed(g: Gathering) -> bool:
    """Whether the model is asked about `g`: only when the rules found none of their evidence of a
    particular gathering: no date, no attending party, no party said to be kept out or to stay away
    ("was not invited to the summit")."""
    return g.date is None and not g.exclusions and not _attending(g)


def described(parsed: ParsedText, gatherings: list[Gathering]) -> list[Features]:
    """The features of each gathering, in order. The model is fitted on every gathering (those it
    never drops teach it what a reported meeting looks like) and asked only of those `is_weighed`."""
    text = parsed.text
    first_line_end = text.find("\n") if "\n" in text.strip() else -1
    quotes = quote_offsets(text)
    questions = {s.index for s in parsed.sentences if text[s.start : s.end].rstrip().endswith("?")}
    by_sent: dict[int, set[int]] = {}
    for n, g in enumerate(gatherings):
        for f in g.frames:
            by_sent.setdefault(f.sent, set()).add(n)
    out: list[Features] = []
    lemmas_before: set[str] = set()
    for n, g in enumerate(gatherings):
        lemmas_seen, lemmas_before = lemmas_before, lemmas_before | g.lemmas
        deadline.check("weighing gatherings")
        first = g.first.trigger
        head = parsed.tokens[first.head]
        lemma = first.lemma.lower()
        date = g.date
        precision = len(event_date_value(date.value) or "") if date is not None else 0
        attending = _attending(g)
        kinds = {kind for _, kind in attending}
        features: Features = {
            "mentions_log": math.log1p(len(g.frames)),
            "sentences_log": math.log1p(len({f.sent for f in g.frames})),
            "date:day": float(precision >= 10),
            "date:month": float(7 <= precision < 10),
            "date:year": float(0 < precision < 7),
            "date:vague": float(date is not None and precision == 0),
            "said_place": float(g.said_place is not None),
            "placed": float(g.place is not None),
            "parties:0": float(not attending),
            "parties:1": float(len(attending) == 1),
            "parties:2+": float(len(attending) >= 2),
            "organizer": float(any(p.role == "organizer" for f in g.frames for p in f.parties)),
            "excluded": float(bool(g.exclusions)),
            "beside": float(g.beside is not None or bool(g.sidelines)),
            f"trigger:{first.kind}": 1.0,
            "plural": float(head.tag == "NNS"),
            "definite": float(first.definite),
            "novel": float(first.novel),
            "back": float(first.back),
            "anaphoric": float(all(f.trigger.anaphoric for f in g.frames)),
            f"status:{g.status or 'unknown'}": 1.0,
            f"tense:{g.first.tense}": 1.0,
            "caption": float(all(f.caption for f in g.frames)),
            "headline": float(all(f.sent == 0 or f.trigger.start < first_line_end for f in g.frames)),
            "sentence_log": math.log1p(g.first.sent),
            "shares_sentence": float(any(len(by_sent[f.sent]) > 1 for f in g.frames)),
            # a mention the merging left apart from an earlier gathering of the same name
            "lemma_seen_before": float(lemma in lemmas_seen),
            "gatherings_before_log": math.log1p(n),
            "quoted": float(all(in_quotes(parsed, quotes, f.trigger.start, f.sent) for f in g.frames)),
            "question": float(all(f.sent in questions for f in g.frames)),
            f"entity:{head.ent_type or 'none'}": 1.0,
        }
        features.update({f"kind:{kind}": 1.0 for kind in kinds})
        features.update({f"sense:{name}": 1.0 for name in TRIGGER_SENSES if lemma in senses(name)})
        # a marker counts when every mention carries it: one hedged mention of a reported meeting
        # leaves it reported
        markers = [_clause_markers(parsed, f.trigger.head) for f in g.frames]
        features.update({name: 1.0 for name in set.intersection(*markers)})
        out.append(features)
    return out


def _attending(g: Gathering) -> set[tuple[str, str]]:
    """(name, kind) of every party the rules and the learned weighings made attend `g`."""
    roles = [p for f in g.frames for p in f.parties] + list(g.inherited)
    return {
        (p.mention.actor.name, p.mention.actor.kind) for p in roles if p.mention.actor and p.role in ATTENDING
    }


def _clause_markers(parsed: ParsedText, head: int) -> set[str]:
    """What the trigger's phrase and clause say of its reality: a generic or habitual determiner or
    modifier, a modal, a negation, a condition, a present tense."""
    markers: set[str] = set()
    for c in parsed.children(head):
        if c.dep == "det" and c.lower in GENERIC_DETERMINERS:
            markers.add("generic_determiner")
        if c.dep in {"det", "poss"} and c.lower not in GENERIC_DETERMINERS | {"a", "an"}:
            markers.add("determined")
        if c.dep == "amod" and c.lemma.lower() in HABITUAL:
            markers.add("habitual")
        if c.dep == "neg":
            markers.add("negated")
    verb = governing_verb(parsed, head)
    if verb is not None:
        for c in parsed.children(verb.i):
            if c.dep in {"aux", "auxpass"} and c.lower in MODALS:
                markers.add("modal")
            if c.dep == "neg":
                markers.add("negated")
            if c.dep == "mark" and c.lower in CONDITIONS:
                markers.add("conditional")
    if clause_tense(parsed, head) == "present":
        markers.add("present")
    return markers
