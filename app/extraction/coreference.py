"""Mention to gathering: the evidence that a meeting mention is one gathering with an earlier one.

`link_evidence` weighs one pair (a mention's frame, a candidate gathering's frames) and names its
reasons: what ties them (an anaphoric or demonstrative mention, an apposition or predicate, the same
date, place, parties or kind of gathering, a pronoun subject) and what sets them apart (a mention
marked new, parties named on both sides with none in common). gatherings.py decides with it and
keeps each decision in a `Decision`, logged at debug level (logger `app.extraction.gatherings`) and
returned by `gatherings.merge_decisions` for tests and debugging.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.extraction.frames import Frame
from app.extraction.parsed import ParsedText

# What each reason weighs. Positive: evidence the two are one gathering; negative: evidence of a
# new one. The decision rules in gatherings.py read the reasons; the score orders candidates and
# makes the trace readable.
WEIGHTS = {
    "demonstrative": 3,  # "that meeting", "this session"
    "predicate": 3,  # "the summit, a gathering of ...", "the forum was a gathering that ..."
    "definite": 2,  # "the talks", "the summit"
    "back": 2,  # "the earlier meeting"
    "same-date": 2,  # both dated to the same day
    "same-place": 2,  # both held in the same city
    "shared-parties": 2,  # a named party on both
    "pronoun-subject": 2,  # "It brought together ...", "They discussed ..."
    "same-kind": 1,  # called by the same word
    "adjacent": 1,  # its last mention is in this sentence or the one before
    "novel": -3,  # "another meeting", "a new summit"
    "indefinite": -1,  # "a meeting"
    "parties-disjoint": -3,  # parties named on both, none in common
    # What rules a pair out whatever else ties it (gatherings._conflict).
    "date-conflict": -10,
    "place-conflict": -10,
    "parties-conflict": -10,
    "status-conflict": -10,
    "medium-conflict": -10,  # a call and a meeting in person
    "back-vs-new": -10,  # "the previous meeting" is not the "another meeting" named before
}


@dataclass(frozen=True)
class Link:
    """The reasons a mention is, or is not, one gathering with a candidate, and their total."""

    reasons: tuple[str, ...]

    @property
    def score(self) -> int:
        return sum(WEIGHTS[r] for r in self.reasons)

    def has(self, *reasons: str) -> bool:
        return any(r in self.reasons for r in reasons)


@dataclass(frozen=True)
class Decision:
    """One mention's decision: the gathering it joined (by index) or None for a new one, the rule
    that decided, and the evidence for each candidate weighed."""

    mention: str
    sent: int
    joined: int | None
    rule: str
    candidates: tuple[tuple[int, Link], ...]

    def __str__(self) -> str:
        where = "new gathering" if self.joined is None else f"gathering {self.joined}"
        weighed = "; ".join(
            f"g{n} {link.score:+d} [{', '.join(link.reasons)}]" for n, link in self.candidates
        )
        weighed = weighed or "no candidates"
        return f"{self.mention!r} (sentence {self.sent}) -> {where} by {self.rule}; {weighed}"


def link_evidence(parsed: ParsedText, frame: Frame, earlier: Sequence[Frame]) -> Link:
    """The reasons `frame`'s mention is one gathering with the one `earlier` frames report."""
    t = frame.trigger
    reasons: list[str] = []
    if t.demonstrative:
        reasons.append("demonstrative")
    elif t.definite and not t.novel:
        reasons.append("definite")
    if t.back:
        reasons.append("back")
    if t.novel:
        reasons.append("novel")
    elif t.kind == "noun" and not t.definite and _indefinite(parsed, t.head):
        reasons.append("indefinite")
    if predicate_of(parsed, t.head, {f.trigger.head for f in earlier}):
        reasons.append("predicate")
    if t.kind == "verb" and _pronoun_subject(parsed, t.head):
        reasons.append("pronoun-subject")
    day = _day(frame)
    if day is not None and any(_day(f) == day for f in earlier):
        reasons.append("same-date")
    if frame.place is not None and any(
        f.place is not None and f.place.name == frame.place.name for f in earlier
    ):
        reasons.append("same-place")
    mine = _party_names(frame)
    theirs = {n for f in earlier for n in _party_names(f)}
    if mine & theirs:
        reasons.append("shared-parties")
    elif mine and theirs:
        reasons.append("parties-disjoint")
    if t.lemma in {f.trigger.lemma for f in earlier}:
        reasons.append("same-kind")
    if earlier and 0 <= frame.sent - earlier[-1].sent <= 1:
        reasons.append("adjacent")
    return Link(tuple(reasons))


def _day(frame: Frame) -> str | None:
    value = frame.date.value if frame.date is not None else None
    return value if value is not None and len(value) == 10 else None


def _party_names(frame: Frame) -> set[str]:
    return {
        p.mention.actor.name
        for p in frame.parties
        if p.mention.actor is not None and p.role in {"organizer", "participant"}
    }


def _indefinite(parsed: ParsedText, head: int) -> bool:
    return any(c.dep == "det" and c.lower in {"a", "an"} for c in parsed.children(head))


def predicate_of(parsed: ParsedText, head: int, earlier_heads: set[int]) -> bool:
    """The mention renames an earlier one in its own sentence: "the summit, a gathering of ..."
    (apposition) or "the forum was a gathering that ..." (predicate of a copula)."""
    tok = parsed.tokens[head]
    if tok.dep == "appos" and _renamed_noun(parsed, tok.head) in earlier_heads:
        return True
    if tok.dep == "attr":
        verb = parsed.tokens[tok.head]
        return verb.lemma == "be" and any(
            c.dep == "nsubj" and c.i in earlier_heads for c in parsed.children(verb.i)
        )
    return False


def _renamed_noun(parsed: ParsedText, head: int) -> int:
    """The noun an apposition renames: the one it hangs on, or, where the parser hangs it on the
    last noun of a prepositional phrase, the noun that phrase belongs to ("a summit with the Russian
    leader, a summit that could happen ...": a leader is no summit), or the object of the verb the
    phrase hangs on ("held a meeting with the doctors, a meeting that ended ...")."""
    noun = parsed.tokens[head]
    if noun.dep == "pobj":
        prep = parsed.tokens[noun.head]
        owner = parsed.tokens[prep.head]
        if prep.dep == "prep" and owner.pos in {"NOUN", "PROPN"}:
            return owner.i
        if prep.dep == "prep" and owner.pos == "VERB":
            return next((c.i for c in parsed.children(owner.i) if c.dep == "dobj"), head)
    return head


def predicated_of_it(parsed: ParsedText, head: int) -> bool:
    """ "It was the first such meeting", "This is a summit of equals": the mention is the predicate
    of a copula whose subject is a pronoun."""
    tok = parsed.tokens[head]
    if tok.dep != "attr":
        return False
    verb = parsed.tokens[tok.head]
    return verb.lemma == "be" and any(
        c.dep == "nsubj" and c.lower in {"it", "this", "that"} for c in parsed.children(verb.i)
    )


def _pronoun_subject(parsed: ParsedText, head: int) -> bool:
    """ "It brought together ...", "They discussed ...": a verb whose subject is a pronoun speaks
    of what was just said."""
    return any(
        c.dep in {"nsubj", "nsubjpass"} and c.pos == "PRON" and c.lower in {"it", "they", "this"}
        for c in parsed.children(head)
    )
