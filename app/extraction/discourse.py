"""Discourse: who the sentences after a meeting's mentions say took part in it.

The gathering under discussion is the one mentioned last; it stays so across sentences and
paragraphs until another gathering is mentioned or a sentence adverb set off by a comma leaves the
passage ("Separately, ..."). A sentence in its passage attaches a party to it only where it says the
party took part: who led a delegation ("X led the delegation", "a team headed by X"), came along
("was accompanied by X"), joined those who met ("they were joined by X"), stood for a party or
was stood for ("X was represented by Y": both) or was there ("X was also
in the room", "across the table sat X"). Plural references ("they") reach the parties the actor
stage resolved them to. Parties merely named nearby are left alone. (Cues for "Also attending were
X", "Peru sent its foreign minister" and "X will travel to <its place>" were measured and left out:
no gain on the frozen split.)
"""

from __future__ import annotations

from app.extraction import lexicon
from app.extraction.actors import TITLES, Actor, ActorIndex, ActorMention
from app.extraction.exclusions import negated_party
from app.extraction.gatherings import Gathering
from app.extraction.grammar import mention_root, passive
from app.extraction.lexicon.wordsets import senses
from app.extraction.parsed import ParsedText, Token
from app.extraction.parties import PartyRole, actors_in_phrase, subjects

DELEGATIONS = lexicon.words("discourse_cues", "lemma", cue="delegation")
LEADING = lexicon.words("discourse_cues", "lemma", cue="lead")
ACCOMPANYING = lexicon.words("discourse_cues", "lemma", cue="accompany")
JOINING = lexicon.words("discourse_cues", "lemma", cue="join")
REPRESENTING = lexicon.words("discourse_cues", "lemma", cue="represent")
PRESENCE = lexicon.words("discourse_cues", "lemma", cue="presence")
PRESENT = lexicon.words("discourse_cues", "lemma", cue="present")
ROOM = lexicon.words("discourse_cues", "lemma", cue="place")
# Those who met, as whom a party joins: "joined them", "joined him".
PEOPLE_PRONOUNS = {"them", "him", "her", "us"}
# How a party is said to be in a meeting's room: "in the room", "at the table", "across the table".
ROOM_PREPS = {"in", "at", "on", "across"}
# Sentence adverbs that leave the passage when set off by a comma: "Separately, Russia ...".
TOPIC_SHIFTS = senses("topic-shift")


def attach_follow_ups(parsed: ParsedText, gatherings: list[Gathering], actors: ActorIndex) -> list[Gathering]:
    """`gatherings`, each with the parties that sentences of its passage say took part in it."""
    mentioned: dict[int, Gathering] = {}
    last_head: dict[int, int] = {}  # per sentence, the last mention's head (one pass, not one per frame)
    for g in gatherings:
        for f in g.frames:
            if f.trigger.head > last_head.get(f.sent, -1):
                last_head[f.sent] = f.trigger.head
                mentioned[f.sent] = g  # the last gathering a sentence mentions is the one under discussion
    salient: Gathering | None = None
    known: dict[int, set[int]] = {}  # per gathering, the actor mentions already among its parties
    names: dict[int, set[str]] = {}  # per gathering, the names of its parties
    for sent in range(len(parsed.sentences)):
        salient = mentioned.get(sent, salient)
        if salient is None:
            continue
        if sent not in mentioned and _leaves_passage(parsed, sent):
            salient = None
            continue
        took_part = _took_part(parsed, sent, actors)
        if not took_part:
            continue  # (most sentences: the gathering's parties are not gathered for nothing)
        have = known.get(id(salient))
        if have is None:  # once per gathering, then kept up to date
            have = known[id(salient)] = {id(p.mention) for f in salient.frames for p in f.parties}
            names[id(salient)] = salient.party_names | {
                p.mention.actor.name for p in salient.inherited if p.mention.actor is not None
            }
        # (one who came along, in a sentence that does not mention the gathering, came along with a
        # party of it: a candidate accompanied by her family at a rally is not at the meeting before)
        for m in _with_a_party(parsed, took_part, names[id(salient)], sent in mentioned):
            if id(m) not in have:
                have.add(id(m))
                salient.inherited.append(PartyRole(m, "participant"))
                if m.actor is not None:
                    names[id(salient)].add(m.actor.name)
    return gatherings


def _leaves_passage(parsed: ParsedText, sent: int) -> bool:
    toks = parsed.sentence_tokens(sent)
    return len(toks) > 1 and toks[0].lower in TOPIC_SHIFTS and toks[1].text == ","


def _with_a_party(
    parsed: ParsedText,
    took_part: list[tuple[list[ActorMention], list[ActorMention] | None]],
    parties: set[str],
    here: bool,
) -> list[ActorMention]:
    """The mentions of each group that took part, where a group that came along with someone
    ("X was accompanied by Y") did so in the sentence that mentions the gathering (`here`), with a
    party of it, or with someone who holds an office ("Prime Minister Kenji Sato was accompanied
    by ...": a delegation's head); a candidate accompanied by her family at a rally is not at the
    meeting told before."""
    return [
        m
        for group, accompanied in took_part
        if accompanied is None
        or here
        or any(m.actor is not None and m.actor.name in parties for m in group)
        or any(_holds_office(parsed, a) for a in accompanied)
        for m in group
    ]


def _holds_office(parsed: ParsedText, m: ActorMention) -> bool:
    """A title before the name or in apposition to it: "Prime Minister Kenji Sato", "the Brazilian
    minister, Rui Matos"."""
    toks = parsed.tokens
    root = mention_root(parsed, m.start_token, m.end_token)
    beside = [toks[root.head]] if root.dep == "appos" else []
    beside += [c for c in parsed.children(root.i) if c.dep == "appos"]
    return (m.start_token > 0 and toks[m.start_token - 1].lower in TITLES) or any(
        t.lemma.lower() in TITLES for t in beside
    )


def _took_part(
    parsed: ParsedText, sent: int, actors: ActorIndex
) -> list[tuple[list[ActorMention], list[ActorMention] | None]]:
    """The groups of mentions the sentence says took part, each with those of them the others came
    along with (None where the group did not only come along)."""
    found: list[tuple[list[ActorMention], list[ActorMention] | None]] = []
    for verb in parsed.sentence_tokens(sent):
        if verb.pos not in {"VERB", "AUX"}:
            continue
        lemma = verb.lemma.lower()
        heads: list[Token] = []
        away: set[Actor | None] = set()  # people the sentence says were not there
        accompanied: list[Token] | None = None
        if lemma in LEADING and _leads_a_delegation(parsed, verb):
            heads = _agents(parsed, verb) or _actives(parsed, verb, actors)
        elif lemma in ACCOMPANYING:
            # who came along and whom they came with: "he was accompanied by X", "X escorted him"
            accompanied = subjects(parsed, verb, actors)
            heads = _agents(parsed, verb) + accompanied
        elif lemma in REPRESENTING and _stood_for(parsed, verb):
            # "X was represented by Y", "Y represented X": both were there, but for a person who
            # "stayed home and was represented by" an aide, the aide only
            if passive(parsed, verb):
                stood_for, by = subjects(parsed, verb, actors), _agents(parsed, verb, by_phrase=True)
            else:
                stood_for, by = _objects(parsed, verb), subjects(parsed, verb, actors)
            heads = by + stood_for
            away = {m.actor for h in stood_for for m in actors_in_phrase(parsed, h, actors) if _a_person(m)}
        elif lemma in JOINING and (agents := _agents(parsed, verb)):
            heads = agents  # "they were joined by X"
        elif lemma in JOINING and _joins_people(parsed, verb):
            heads = _actives(parsed, verb, actors)  # "X joined them"
        elif lemma in PRESENCE and _at_the_meeting(parsed, verb):
            # "X was also in the room", "also present was X" (but not "no one from X was")
            heads = [h for h in _actives(parsed, verb, actors) if not negated_party(parsed, h)]
        mentions = [
            m for head in heads for m in actors_in_phrase(parsed, head, actors) if m.actor not in away
        ]
        if mentions:
            along = None
            if accompanied is not None:
                along = [m for h in accompanied for m in actors_in_phrase(parsed, h, actors)]
            found.append((mentions, along))
    return found


def _leads_a_delegation(parsed: ParsedText, verb: Token) -> bool:
    """ "led the delegation", "the delegation was led by", "a team headed by": the verb's object,
    passive subject or head is a delegation."""
    if verb.dep == "acl" and parsed.tokens[verb.head].lemma.lower() in DELEGATIONS:
        return True
    return any(
        c.dep in {"dobj", "nsubjpass"} and c.lemma.lower() in DELEGATIONS for c in parsed.children(verb.i)
    )


def _stood_for(parsed: ParsedText, verb: Token) -> bool:
    """Stood for a party at one time, not lastingly: "was represented by", "represented"; not "the union,
    which represents dockers", "the union representing them" or "staff represented by the union", nor
    "was not represented"."""
    return verb.tag in {"VBD", "VBN", "VB"} and verb.dep != "acl" and not _negated(parsed, verb)


def _a_person(m: ActorMention) -> bool:
    return m.actor is not None and m.actor.kind == "person"


def _objects(parsed: ParsedText, verb: Token) -> list[Token]:
    """The direct objects of an active verb: "represented Sweden"."""
    return [c for c in parsed.children(verb.i) if c.dep == "dobj"]


def _joins_people(parsed: ParsedText, verb: Token) -> bool:
    """ "joined them", "joined him": joining people, not a body or an alliance."""
    return any(c.dep == "dobj" and c.lower in PEOPLE_PRONOUNS for c in parsed.children(verb.i))


def _at_the_meeting(parsed: ParsedText, verb: Token) -> bool:
    """ "was present", "was there", "was in the room", "sat across the table": being where the
    meeting is."""
    return any(
        (c.lemma.lower() in PRESENT and c.dep in {"acomp", "advmod", "attr"})
        or (
            c.dep == "prep"
            and c.lower in ROOM_PREPS
            and any(o.dep == "pobj" and o.lemma.lower() in ROOM for o in parsed.children(c.i))
        )
        for c in parsed.children(verb.i)
    )


def _agents(parsed: ParsedText, verb: Token, by_phrase: bool = False) -> list[Token]:
    """The objects of a passive verb's "by": "was led by X"; with `by_phrase`, also where the parser
    took the "by" for a plain preposition ("was represented, as usual, by X")."""
    agents = [
        a
        for a in parsed.children(verb.i)
        if a.dep == "agent" or (by_phrase and a.dep == "prep" and a.lower == "by")
    ]
    return [o for a in agents for o in parsed.children(a.i) if o.dep == "pobj"]


def _actives(parsed: ParsedText, verb: Token, actors: ActorIndex) -> list[Token]:
    """The subjects of an active, affirmed verb."""
    if passive(parsed, verb) or _negated(parsed, verb):
        return []
    return subjects(parsed, verb, actors)


def _negated(parsed: ParsedText, verb: Token) -> bool:
    return any(c.dep == "neg" for c in parsed.children(verb.i))
