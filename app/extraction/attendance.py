"""Attendance: which other actors a gathering's sentences name as taking part, by a learned weighing.

The rules (parties.py, discourse.py) name a party only where a construction they know says so; on
news they find about half of the attendees. This stage weighs every other actor named in a sentence
that mentions the gathering and adds it as a participant when the model "attendance" (learned/)
gives it a probability over its threshold. (Actors of the sentences around were weighed too: no
better out of fold, and they brought in bystanders: "X criticized the delegation's tone".) An actor
is one candidate per gathering, its features each at their strongest over its mentions there.
"""

from __future__ import annotations

import math

from app.extraction import deadline, lexicon
from app.extraction.actors import ActorIndex, ActorMention
from app.extraction.gatherings import Gathering
from app.extraction.grammar import mention_root
from app.extraction.learned import (
    SUBJECTS,
    Features,
    LogisticModel,
    clause_verb,
    load,
    quote_offsets,
    syntax_features,
)
from app.extraction.lexicon.wordsets import senses
from app.extraction.parsed import ParsedText, Token
from app.extraction.parties import PartyRole, qualifies_a_person
from app.extraction.triggers import held_beside

MODEL = "attendance"
# Where the model is not asked: the object of "in"/"at"/"aboard" names where, not who ("met in Vilnius",
# "phoned from aboard Air Force One"), and that of "on"/"about" what about ("a meeting on Ukraine"); a
# party kept out or staying away is the exclusion stage's to judge ("keep Chile out").
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "aboard", "onboard"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
KEEPING_OUT = senses("exclude", "shut-out", "decline")
# Outlets a story reports through ("told Reuters", "polled by Reuters"): its source, not a party.
NEWS_OUTLETS = {name.lower() for name in lexicon.words("news_outlets", "name")}
# A city stands for its country only where it acts: "Moscow rejected", "talks with Beijing".
ACTING_PREPS = {"with", "between", "by"}


class Candidate:
    """An actor the gathering's sentences name: the first of its mentions there, and features."""

    __slots__ = ("features", "gathering", "mention")

    def __init__(self, gathering: int, mention: ActorMention, features: Features) -> None:
        self.gathering = gathering  # index into the gatherings
        self.mention = mention
        self.features = features


def likely_attendees(
    parsed: ParsedText, gatherings: list[Gathering], actors: ActorIndex, model: LogisticModel | None = None
) -> list[Gathering]:
    """`gatherings`, each with the actors of its sentences that the model finds likely to attend."""
    model = model or load(MODEL)
    for c in candidates(parsed, gatherings, actors):
        if model.probability(c.features) >= model.threshold:
            gatherings[c.gathering].inherited.append(PartyRole(c.mention, "participant"))
    return gatherings


def candidates(parsed: ParsedText, gatherings: list[Gathering], actors: ActorIndex) -> list[Candidate]:
    """Every actor named in or beside a sentence that mentions a gathering and not yet one of its
    parties, with the features the model weighs."""
    by_sent: dict[int, list[ActorMention]] = {}
    for m in actors.mentions:
        if m.actor is not None:
            by_sent.setdefault(parsed.tokens[m.start_token].sent, []).append(m)
    heads_in_sent: dict[int, list[tuple[int, int]]] = {}  # sentence -> (trigger head, gathering)
    for n, g in enumerate(gatherings):
        for f in g.frames:
            heads_in_sent.setdefault(f.sent, []).append((f.trigger.head, n))
    party_of: dict[str, set[int]] = {}  # actor name -> the gatherings that have it as a party
    for n, g in enumerate(gatherings):
        for name in _named(g):
            party_of.setdefault(name, set()).add(n)
    doc_count: dict[str, int] = {}
    first_sent: dict[str, int] = {}
    for sent in sorted(by_sent):
        for m in by_sent[sent]:
            assert m.actor is not None
            doc_count[m.actor.name] = doc_count.get(m.actor.name, 0) + 1
            first_sent.setdefault(m.actor.name, sent)
    quotes = quote_offsets(parsed.text)
    out: list[Candidate] = []
    for n, g in enumerate(gatherings):
        deadline.check("weighing attendees")
        first = len(out)
        named = _named(g)
        parties = _parties(g)
        party_tokens = {i for p in parties for i in range(p.mention.start_token, p.mention.end_token)}
        trigger_tokens = {i for f in g.frames for i in range(f.trigger.start_token, f.trigger.end_token)}
        for f in g.frames:
            here = heads_in_sent[f.sent]
            beside = held_beside(parsed, f.trigger.head)
            for m in by_sent.get(f.sent, []):
                assert m.actor is not None
                if m.actor.name in named or m.start_token in trigger_tokens | beside:
                    continue
                if m.actor.name.lower() in NEWS_OUTLETS:
                    continue
                nearest = min(here, key=lambda h: abs(h[0] - m.start_token))
                if nearest[0] != f.trigger.head:
                    continue  # weighed once per sentence, against the mention nearest to it
                root = mention_root(parsed, m.start_token, m.end_token)
                # (an owner stands where what it owns does: "Correa's allies were kept out")
                owned = parsed.tokens[root.head] if root.dep == "poss" else root
                if (
                    qualifies_a_person(parsed, m, actors)  # "U.S. President Obama": the person
                    or _place_or_topic(parsed, m, root)
                    or _another_clauses(parsed, root, f.trigger.head)
                    or _negated_clause(parsed, owned)
                    or _kept_out(parsed, owned)
                ):
                    continue
                features = syntax_features(parsed, m.start_token, m.end_token, f.trigger.head, quotes)
                features["coordinated_with_party"] = float(_coordinated(parsed, root, party_tokens))
                features["sentence_gatherings:2+"] = float(len({h[1] for h in here}) > 1)
                out.append(Candidate(n, m, features))
        place = g.place
        if place is not None:
            # where it met is no party to it: "meet in Santiago" does not bring Chile
            out[first:] = [c for c in out[first:] if c.mention.start_token != place.mention.start_token]
        kinds = {p.mention.actor.kind for p in parties if p.mention.actor is not None}
        for c in out[first:]:
            actor = c.mention.actor
            assert actor is not None
            c.features.update(
                {
                    f"kind:{actor.kind}": 1.0,
                    "gathering_parties:0": float(not named),
                    "gathering_parties:1": float(len(named) == 1),
                    "gathering_parties:2+": float(len(named) >= 2),
                    "gathering_mentions_log": math.log1p(len(g.frames)),
                    "party_of_other": float(bool(party_of.get(actor.name, set()) - {n})),
                    "doc_mentions_log": math.log1p(doc_count[actor.name]),
                    "named_in_lead": float(first_sent[actor.name] <= 1),
                    "is_place": float(c.mention.place is not None),
                    f"status:{g.status or 'unknown'}": 1.0,
                    "same_kind_as_party": float(actor.kind in kinds),
                    "trigger_verb": float(g.first.trigger.kind == "verb"),
                }
            )
    return _per_actor(out)


def _kept_out(parsed: ParsedText, root: Token) -> bool:
    """ "kept Chile out", "will keep Russia and Belarus out", "was barred from": a party a cue keeps
    out, or any member of a coordination it does; the exclusion stage's to judge."""
    top = root
    while top.dep == "conj" and top.head != top.i:
        top = parsed.tokens[top.head]
    head = parsed.tokens[top.head]
    governor = clause_verb(parsed, head) if top.dep == "pobj" else head
    return governor is not None and governor.i != top.i and governor.lemma.lower() in KEEPING_OUT


def _negated_clause(parsed: ParsedText, root: Token) -> bool:
    """ "Hungary was not involved in the talks", "the talks did not include Chile": said not to be there."""
    verb = clause_verb(parsed, parsed.tokens[root.head] if root.dep == "pobj" else root)
    return verb is not None and any(c.dep == "neg" for c in parsed.children(verb.i))


def _another_clauses(parsed: ParsedText, root: Token, trigger_head: int) -> bool:
    """ "Norway said the junta had accepted it at a meeting": a nearer subject stands between."""
    if root.dep not in SUBJECTS:
        return False
    trigger = parsed.tokens[trigger_head]
    # (the meeting verb's own subject too: "X initiated it after three members met relatives")
    for verb in [trigger, *parsed.ancestors(trigger_head)]:
        if verb.i == root.head:
            return False
        if verb.pos in {"VERB", "AUX"} and any(c.dep in SUBJECTS for c in parsed.children(verb.i)):
            return True
    return False


def _place_or_topic(parsed: ParsedText, m: ActorMention, root: Token) -> bool:
    """ "met in Vilnius", "the Vienna meeting": a place named as such, not a party; nor is the topic
    of "talks on Ukraine"."""
    while root.dep in {"appos", "conj"} and root.head != root.i:
        root = parsed.tokens[root.head]  # "in Tehran, Iran": the country beside the city is a place too
    prep = parsed.tokens[root.head].lower if root.dep == "pobj" else None
    if prep in PLACE_PREPS | TOPIC_PREPS:
        return True
    city = m.place is not None and m.actor is not None and m.place != m.actor.name
    return city and root.dep not in SUBJECTS and prep not in ACTING_PREPS


def _per_actor(mentions: list[Candidate]) -> list[Candidate]:
    """One candidate per gathering and actor: each feature at its strongest over the mentions."""
    merged: dict[tuple[int, str], Candidate] = {}
    counts: dict[tuple[int, str], int] = {}
    for c in mentions:
        assert c.mention.actor is not None
        key = (c.gathering, c.mention.actor.name)
        counts[key] = counts.get(key, 0) + 1
        held = merged.get(key)
        if held is None:
            merged[key] = c
            continue
        for name, value in c.features.items():
            held.features[name] = max(value, held.features.get(name, value))
    for key, c in merged.items():
        c.features["window_mentions_log"] = math.log1p(counts[key])
    return list(merged.values())


def _coordinated(parsed: ParsedText, root: Token, party_tokens: set[int]) -> bool:
    """Whether the mention stands in one coordination or apposition with a party already found."""
    toks = parsed.tokens
    top = root
    while top.dep in {"conj", "appos"} and top.head != top.i:
        top = toks[top.head]
    members = [top] + [c for c in parsed.subtree(top.i) if c.dep in {"conj", "appos"}]
    return any(c.i in party_tokens for c in members if c.i != root.i)


def _parties(g: Gathering) -> list[PartyRole]:
    return [p for f in g.frames for p in f.parties] + list(g.inherited)


def _named(g: Gathering) -> set[str]:
    """Every actor the rules already gave a role in `g`, attending or not."""
    names = {p.mention.actor.name for p in _parties(g) if p.mention.actor is not None}
    names |= {e.mention.actor.name for e in g.exclusions if e.mention.actor is not None}
    return names
