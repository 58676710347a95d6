"""Exclusions: who was left out of a meeting, and who stayed away from one.

Every decision that a party is `excluded` or `absent` is made here, from cues around a party:
- `excluded`: an exclusion verb ("excluded", "barred", "snubbed", "uninvited", "remained uninvited"),
  a verb with "out" ("shut out", "left out", "kept out"), a negated inclusion ("not invited", "not
  included", "dismay at not being included"), a meeting held without the party ("opened without
  Venezuela"), "no seat at the table";
- `absent`: a refusal ("declined", "boycotted", "stayed away"), or going ahead without a party that
  refused in the same sentence. Absent is never excluded.
A cue names its meeting (`target`) when a meeting word is in its phrase; a weak cue ("ban", "keep
... out") counts only in a sentence with a meeting, and one that keeps the party out of something
that is no meeting ("out of its championships") does not count. Which gathering an untargeted cue
belongs to is decided with the gatherings (gatherings.py).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from app.extraction.actors import ActorIndex, ActorMention
from app.extraction.grammar import Tense, clause_tense
from app.extraction.lexicon.wordsets import senses
from app.extraction.parsed import ParsedText, Token
from app.extraction.parties import actors_in_phrase, subjects
from app.models.v1 import Role

# The cues, by sense (senses.tsv): "excluded", "shut out", "not invited", weak cues, refusals.
EXCLUDE_VERBS = senses("exclude")
NEGATABLE_INCLUSION = senses("include-if-not")
OUT_VERBS = senses("shut-out")  # "shut out", "left out", "kept out"
# Cues that mean exclusion from a meeting only when one is named nearby.
WEAK_CUES = senses("weak-exclusion-cue")
REFUSAL_VERBS = senses("decline")
# Not coming: "Trump said no official would attend" is a refusal.
COMING = senses("come")


@dataclass(frozen=True, slots=True)
class Exclusion:
    mention: ActorMention
    role: Role  # "excluded" or "absent"
    target: int | None  # token index of the meeting trigger named in the cue, if any
    sent: int
    tense: Tense  # of the cue's clause: a past exclusion is from a past meeting
    body: str | None = None  # the body whose meetings the party is kept from ("out of the group")


def find_exclusions(parsed: ParsedText, actors: ActorIndex, trigger_heads: Set[int]) -> list[Exclusion]:
    """Parties the text says were left out of a meeting (or stayed away from one)."""
    out: list[Exclusion] = []
    sentences_with_meetings = {parsed.tokens[i].sent for i in trigger_heads}
    for tok in parsed.tokens:
        if tok.lower == "without" and tok.dep == "prep":
            out.extend(_held_without(parsed, tok, actors, trigger_heads))
            continue
        if tok.lemma.lower() == "seat" and any(c.lower == "no" for c in parsed.children(tok.i)):
            out.extend(_no_seat(parsed, tok, actors, trigger_heads))
            continue
        if tok.pos not in {"VERB", "ADJ"}:
            continue
        role = _cue_role(parsed, tok)
        if role is None:
            continue
        target = _target(parsed, tok, trigger_heads)
        if target is None and tok.lemma.lower() in WEAK_CUES and tok.sent not in sentences_with_meetings:
            continue  # "tried to ban the app": no meeting in sight, no exclusion from one
        if target is None and _out_of_something_else(parsed, tok, actors):
            continue  # "kept Russia out of its championships": left out, but of no meeting
        body = _kept_from_body(parsed, tok, actors)
        for party_tok in _cue_parties(parsed, tok, role):
            for m in actors_in_phrase(parsed, party_tok, actors):
                out.append(Exclusion(m, role, target, tok.sent, clause_tense(parsed, tok.i), body))
    return out


def _held_without(
    parsed: ParsedText, without: Token, actors: ActorIndex, trigger_heads: Set[int]
) -> list[Exclusion]:
    """ "The summit opened without Russia", "talks held without the Palestinians": a party the
    meeting went ahead without is left out of it; "ended without a deal" names no party."""
    holder = parsed.tokens[without.head]
    target = holder.i if holder.i in trigger_heads else _target(parsed, holder, trigger_heads)
    if target is None:
        return []
    # "will go ahead without the United States after Trump said no official would attend": a
    # refusal in the same sentence makes it an absence.
    sentence = parsed.sentences[without.sent]
    refused = any(
        t.lemma.lower() in REFUSAL_VERBS
        or (
            t.lemma.lower() in COMING
            and any(
                c.dep == "neg" or (c.dep == "nsubj" and _says_none(parsed, c)) for c in parsed.children(t.i)
            )
        )
        for t in parsed.tokens[sentence.start_token : sentence.end_token]
    )
    return [
        Exclusion(
            m, "absent" if refused else "excluded", target, without.sent, clause_tense(parsed, without.i)
        )
        for obj in parsed.children(without.i)
        if obj.dep == "pobj"
        for m in actors_in_phrase(parsed, obj, actors)
    ]


def _says_none(parsed: ParsedText, subject: Token) -> bool:
    return any(c.lower in {"no", "none"} for c in parsed.children(subject.i)) or subject.lower in {
        "none",
        "nobody",
    }


def _no_seat(parsed: ParsedText, seat: Token, actors: ActorIndex, trigger_heads: Set[int]) -> list[Exclusion]:
    """ "Kyiv has no seat at the table": the one who has, or was given, no seat is left out."""
    verb = parsed.tokens[seat.head]
    if seat.dep not in {"dobj", "attr", "nsubjpass"} or verb.pos not in {"VERB", "AUX"}:
        return []
    target = _target(parsed, verb, trigger_heads)
    return [
        Exclusion(m, "excluded", target, seat.sent, clause_tense(parsed, seat.i))
        for subj in subjects(parsed, verb)
        for m in actors_in_phrase(parsed, subj, actors)
    ]


def _cue_role(parsed: ParsedText, tok: Token) -> Role | None:
    lemma = tok.lemma.lower()
    kids = parsed.children(tok.i)
    negated = any(c.dep == "neg" for c in kids) or (
        any(c.dep == "neg" for c in parsed.children(tok.head)) and tok.dep in {"xcomp"}
    )
    particles = {c.lower for c in kids if c.dep in {"prt", "prep", "advmod"}}
    if lemma in EXCLUDE_VERBS or lemma == "uninvited":
        return "excluded"
    if lemma in OUT_VERBS and "out" in particles:
        return "excluded"
    if lemma in NEGATABLE_INCLUSION and negated:
        return "excluded"
    if lemma in REFUSAL_VERBS:
        return "absent"
    if lemma in {"stay"} and "away" in {c.lower for c in kids}:
        return "absent"
    return None


def _cue_parties(parsed: ParsedText, cue: Token, role: Role) -> list[Token]:
    """Who the cue is about: the object of an active cue, the subject of a passive or a refusal."""
    kids = parsed.children(cue.i)
    passive = any(c.dep == "auxpass" for c in kids) or cue.tag == "VBN"
    out: list[Token] = []
    if role == "absent":
        return [c for c in kids if c.dep == "nsubj"]
    if cue.pos == "ADJ" and cue.dep in {"acomp", "oprd"}:
        return subjects(parsed, parsed.tokens[cue.head])  # "Belarus remained uninvited"
    if passive:
        out = [c for c in kids if c.dep == "nsubjpass"]
        out += [m for s in out for m in _listed_after(parsed, s, cue)]
        if not out and cue.dep in {"acl", "relcl"} and cue.tag == "VBN":
            out = [parsed.tokens[cue.head]]  # "Russia, shut out of the group"
        if not out and cue.dep in {"pcomp", "xcomp", "advcl"}:
            # "expressed dismay at not being included": the subject of the clause above.
            host = parsed.tokens[cue.head]
            while host.pos not in {"VERB", "AUX"} and host.head != host.i:
                host = parsed.tokens[host.head]  # up through "at" and "dismay" to "expressed"
            out = [c for c in parsed.children(host.i) if c.dep == "nsubj"]
    else:
        out = [c for c in kids if c.dep == "dobj"]
    if not out and cue.i >= 2 and parsed.tokens[cue.i - 1].text == ",":
        # "Russia, shut out of the group, ...": a participle set off after the party it describes,
        # which the parser often attaches elsewhere.
        out = [parsed.tokens[cue.i - 2]]
    return out


# Plural nouns whose members a list may name: "six member states, Mali, Niger and Sudan".
COLLECTIVE_MEMBERS = senses("collective")
# Where a meeting sits: "left out of the room" is out of the meeting.
ROOMS = senses("room")


def _kept_from(parsed: ParsedText, cue: Token, actors: ActorIndex) -> list[Token]:
    """What the cue says the party is kept out of or barred from: "out of its championships",
    "shut out of the group", "barred from the tournament"."""
    kids = list(parsed.children(cue.i))
    kids += [k for c in kids if c.lower == "out" for k in parsed.children(c.i)]  # "out" + "of"
    return [
        c
        for prep in kids
        if prep.dep == "prep" and prep.lower in {"of", "from"}
        for c in parsed.children(prep.i)
        if c.dep == "pobj"
    ]


def _out_of_something_else(parsed: ParsedText, cue: Token, actors: ActorIndex) -> bool:
    """What the party is kept from is no meeting (a meeting there would be the cue's target), no
    body that meets ("shut out of the group" is out of the G7's summits) and no room."""
    return any(
        actors.at(c.i) is None and c.lemma.lower() not in ROOMS for c in _kept_from(parsed, cue, actors)
    )


def _kept_from_body(parsed: ParsedText, cue: Token, actors: ActorIndex) -> str | None:
    for c in _kept_from(parsed, cue, actors):
        m = actors.at(c.i)
        if m is not None and m.actor is not None and m.actor.kind == "organization":
            return m.actor.name
    return None


def _listed_after(parsed: ParsedText, subject: Token, verb: Token) -> list[Token]:
    """ "Six member states that were suspended after coups, Mali, Niger and Sudan, were not
    invited": the list set off by commas before the verb names the collective subject's members,
    though the parser hangs it inside the relative clause."""
    toks = parsed.tokens
    if subject.tag != "NNS" or subject.lemma.lower() not in COLLECTIVE_MEMBERS:
        return []
    end = verb.i - 1
    while end > subject.i and toks[end].dep in {"aux", "auxpass", "neg"}:
        end -= 1
    if toks[end].text != ",":
        return []
    first = end
    while first - 1 > subject.i and (toks[first - 1].pos == "PROPN" or toks[first - 1].lower in {",", "and"}):
        first -= 1  # back over "Mali, Burkina Faso, ... and Sudan"
    while first < end and toks[first].pos != "PROPN":
        first += 1  # (the comma that opens the list)
    return [toks[first]] if first < end and toks[first - 1].text == "," else []


def _target(parsed: ParsedText, cue: Token, trigger_heads: Set[int]) -> int | None:
    for t in parsed.subtree(cue.i):
        if t.i in trigger_heads:
            return t.i
    return None
