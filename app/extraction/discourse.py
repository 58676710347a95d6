"""Discourse: who the sentences after a meeting's mentions say took part in it.

The gathering under discussion is the one mentioned last; it stays so across sentences and
paragraphs until another gathering is mentioned or a sentence adverb set off by a comma leaves the
passage ("Separately, ..."). A sentence in its passage attaches a party to it only where it says the
party took part: who led or was in a delegation ("X led the delegation", "was accompanied by X",
"Also attending were X and Y"), who sent an envoy ("Peru sent its foreign minister"), who travels to
the gathering's own place. Plural references ("the two sides", "they") reach the parties the actor
stage resolved them to. Parties merely named nearby are left alone.
"""

from __future__ import annotations

from app.extraction import lexicon
from app.extraction.actors import TITLES, ActorIndex, ActorMention
from app.extraction.gatherings import Gathering
from app.extraction.lexicon.wordsets import senses
from app.extraction.parsed import ParsedText, Token
from app.extraction.parties import PartyRole, actors_in_phrase, subjects

DELEGATIONS = lexicon.words("discourse_cues", "lemma", cue="delegation")
LEADING = lexicon.words("discourse_cues", "lemma", cue="lead")
ACCOMPANYING = lexicon.words("discourse_cues", "lemma", cue="accompany")
ATTENDING = lexicon.words("discourse_cues", "lemma", cue="attending")
SENDING = lexicon.words("discourse_cues", "lemma", cue="send")
TRAVELLING = lexicon.words("discourse_cues", "lemma", cue="travel")
# Sentence adverbs that leave the passage when set off by a comma: "Separately, Russia ...".
TOPIC_SHIFTS = senses("topic-shift")


def attach_follow_ups(parsed: ParsedText, gatherings: list[Gathering], actors: ActorIndex) -> list[Gathering]:
    """`gatherings`, each with the parties that sentences of its passage say took part in it."""
    mentioned: dict[int, Gathering] = {}
    for g in gatherings:
        for f in g.frames:
            held = mentioned.get(f.sent)
            if held is None or f.trigger.head > max(x.trigger.head for x in held.frames if x.sent == f.sent):
                mentioned[f.sent] = g  # the last gathering a sentence mentions is the one under discussion
    salient: Gathering | None = None
    for sent in range(len(parsed.sentences)):
        salient = mentioned.get(sent, salient)
        if salient is None:
            continue
        if sent not in mentioned and _leaves_passage(parsed, sent):
            salient = None
            continue
        have = {id(p.mention) for f in salient.frames for p in f.parties}
        for m in _took_part(parsed, sent, actors, salient):
            if id(m) not in have:
                salient.inherited.append(PartyRole(m, "participant"))
    return gatherings


def _leaves_passage(parsed: ParsedText, sent: int) -> bool:
    toks = parsed.sentence_tokens(sent)
    return len(toks) > 1 and toks[0].lower in TOPIC_SHIFTS and toks[1].text == ","


def _took_part(parsed: ParsedText, sent: int, actors: ActorIndex, g: Gathering) -> list[ActorMention]:
    found: list[ActorMention] = []
    for verb in parsed.sentence_tokens(sent):
        if verb.pos not in {"VERB", "AUX", "ADJ"}:
            continue
        lemma = verb.lemma.lower()
        heads: list[Token] = []
        if lemma in LEADING and _leads_a_delegation(parsed, verb):
            heads = _agents(parsed, verb) or _actives(parsed, verb, actors)
        elif lemma in ACCOMPANYING:
            # who came along and whom they came with: "he was accompanied by X", "X escorted him"
            heads = _agents(parsed, verb) + subjects(parsed, verb, actors)
        elif lemma in ATTENDING:
            heads = _listed_after(parsed, verb)
        elif lemma in SENDING and not _negated(parsed, verb):
            envoys = [c for c in parsed.children(verb.i) if c.dep == "dobj" and _is_envoy(c, actors)]
            if envoys:
                heads = _actives(parsed, verb, actors) + envoys
        elif lemma in TRAVELLING and g.place is not None and _goes_to(parsed, verb, g.place.name, actors):
            heads = _actives(parsed, verb, actors)
        found += [m for head in heads for m in actors_in_phrase(parsed, head, actors)]
    return found


def _listed_after(parsed: ParsedText, word: Token) -> list[Token]:
    """ "Also attending were X and Y", "Attending the talks were X", "Also present was X": the
    names after the "be" that an opening participle or adjective inverts with."""
    near = [parsed.tokens[word.head], *parsed.children(word.i)]
    be = next((t for t in near if t.lemma.lower() == "be" and t.i > word.i), None)
    if be is None:
        return []
    return [
        c for host in (be, word) for c in parsed.children(host.i) if c.dep in {"nsubj", "attr"} and c.i > be.i
    ]


def _leads_a_delegation(parsed: ParsedText, verb: Token) -> bool:
    """ "led the delegation", "the delegation was led by", "a team headed by": the verb's object,
    passive subject or head is a delegation."""
    if verb.dep == "acl" and parsed.tokens[verb.head].lemma.lower() in DELEGATIONS:
        return True
    return any(
        c.dep in {"dobj", "nsubjpass"} and c.lemma.lower() in DELEGATIONS for c in parsed.children(verb.i)
    )


def _is_envoy(tok: Token, actors: ActorIndex) -> bool:
    """A person or a delegation: "sent its foreign minister", "sent a delegation"; not "sent a letter"."""
    m = actors.at(tok.i)
    person = m is not None and m.actor is not None and m.actor.kind == "person"
    return person or tok.lemma.lower() in TITLES | DELEGATIONS


def _agents(parsed: ParsedText, verb: Token) -> list[Token]:
    """The objects of a passive verb's "by": "was led by X"."""
    agents = [a for a in parsed.children(verb.i) if a.dep == "agent"]
    return [o for a in agents for o in parsed.children(a.i) if o.dep == "pobj"]


def _actives(parsed: ParsedText, verb: Token, actors: ActorIndex) -> list[Token]:
    """The subjects of an active, affirmed verb."""
    kids = parsed.children(verb.i)
    if any(c.dep in {"auxpass", "nsubjpass"} for c in kids) or _negated(parsed, verb):
        return []
    return subjects(parsed, verb, actors)


def _negated(parsed: ParsedText, verb: Token) -> bool:
    return any(c.dep == "neg" for c in parsed.children(verb.i))


def _goes_to(parsed: ParsedText, verb: Token, place: str, actors: ActorIndex) -> bool:
    """Whether the verb's "to" phrase names `place`: "will travel to Vienna"."""
    for prep in parsed.children(verb.i):
        if prep.dep == "prep" and prep.lower == "to":
            for obj in parsed.children(prep.i):
                m = actors.at(obj.i)
                if m is not None and place in {m.place, m.actor.name if m.actor else None}:
                    return True
    return False
