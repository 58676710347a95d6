"""Exclusions: who was left out of a meeting, and who stayed away from one.

Every decision that a party is `excluded` or `absent` is made here, from cues around a party:
- `excluded`: an exclusion verb ("excluded", "barred", "snubbed", "uninvited", "remained uninvited"),
  a verb with "out" ("shut out", "left out", "kept out"), a negated inclusion ("not invited", "not
  included", "dismay at not being included"), a meeting held without the party ("opened without
  Venezuela"), "no seat at the table";
- `absent`: a refusal of coming or taking part ("declined", "boycotted", "stayed away", "refused
  to attend"; not "refused to sign"), or going ahead without a party that refused in the same
  sentence. Absent is never excluded.
A cue negated ("was not excluded"), or only wished for ("urged the hosts to exclude Russia"), leaves
no one out. A cue names its meeting (`target`) when a meeting word is in its phrase; a weak cue ("ban", "keep
... out") counts only in a sentence with a meeting, and one that keeps the party out of something
that is no meeting ("out of its championships") does not count. Which gathering an untargeted cue
belongs to is decided with the gatherings (gatherings.py).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, replace
from itertools import islice

from app.extraction import lexicon
from app.extraction.actors import ActorIndex, ActorMention
from app.extraction.actors.words import (
    BODY_NOUNS,
    COLLECTIVE_BODIES,
    MEMBER_PREPOSITIONS,
    TITLES,
)
from app.extraction.grammar import Tense, clause_tense, denied, governing_verb, mention_root, relative_noun
from app.extraction.lexicon.wordsets import grouped, senses
from app.extraction.parsed import ParsedText, Token
from app.extraction.parties import GROUP_HEADS, actors_in_phrase, described_side, qualifies_a_person, subjects
from app.models.v1 import Role

# The cues, by sense (senses.tsv): "excluded", "shut out", "not invited", weak cues, refusals.
EXCLUDE_VERBS = senses("exclude")
NEGATABLE_INCLUSION = senses("include-if-not")
OUT_VERBS = senses("shut-out")  # "shut out", "left out", "kept out"
AWAY_VERBS = senses("send-away")  # "turned away at the door", "sent them away"
# Cues that mean exclusion from a meeting only when one is named nearby.
WEAK_CUES = senses("weak-exclusion-cue")
REFUSAL_VERBS = senses("decline")
# What a refusal refuses when it is an absence: coming, travelling, meeting.
PARTAKING_VERBS = senses("attend", "come", "travel", "meet")
# What a side says of itself: "farm unions complain they were not invited".
SAYING_VERBS = senses("report", "complain")
# Not coming: "Trump said no official would attend" is a refusal.
COMING = senses("come")
# The role cues of our own table (role_cues.tsv), by kind.
_ROLE_CUES = grouped("role_cues", "kind", "lemma")
REFUSING_HEADS = _ROLE_CUES["refusing-head"]  # "refused to invite X": X was not invited
LIST_NOUNS = _ROLE_CUES["list-noun"]  # "left off the guest list", "not on the list"
LIST_MEMBERS = _ROLE_CUES["list-member"]  # "the list of guests" (not "its list of state sponsors")
REMOVAL_VERBS = _ROLE_CUES["removal-verb"]  # "dropped from the list", "struck off the list"
DENYING_VERBS = _ROLE_CUES["denying-verb"]  # "was denied a seat", "was refused entry"
DENIED_PLACES = _ROLE_CUES["denied-place"]
# A place at a meeting one may have none of: "Kyiv has no seat at the table", "had no place in the hotel".
SEATS = _ROLE_CUES["seat-noun"]
EXCLUSION_NOUNS = _ROLE_CUES["exclusion-noun"]  # "Russia's exclusion from the summit"
# What a refusal refuses when the refuser still may be there: "declined to comment".
NO_ABSENCE = _ROLE_CUES["no-absence"]
# Words under which a cue tells only a wish, a request or a threat: "urged the hosts to exclude Russia".
WISH_HEADS = _ROLE_CUES["wish-head"]
# How such a cue hangs on its word: "urged X to exclude", "a plea to exclude", "called for X to be barred".
WISHED_DEPS = {"xcomp", "ccomp", "acl", "relcl", "advcl", "pcomp", "pobj", "prep"}
# Plural nouns for parties other than their owner: "Russia's allies", "the bloc's member states".
OTHERS_NOUNS = _ROLE_CUES["others-noun"]
# A party negated by its own determiner: "No Polish officials were invited", "Neither X nor Y was".
NEGATIVE_QUANTIFIERS = _ROLE_CUES["negative-quantifier"]
# A preposition that negates the inclusion verb under it: "held talks without inviting Poland".
NEGATING_PREPS = _ROLE_CUES["negating-preposition"]
# A verb that keeps a party "from" a meeting: "blocked Taiwan from attending", "was prevented from".
PREVENTING_VERBS = _ROLE_CUES["preventing-verb"]
# A verb that takes back an invitation: "withdrew Russia's invitation", "the invitation was rescinded".
WITHDRAWING_VERBS = _ROLE_CUES["withdrawing-verb"]
INVITATION_NOUNS = _ROLE_CUES["invitation-noun"]
# Negated, a noun of belonging to a meeting: "Japan was not part of the talks".
MEMBERSHIP_NOUNS = _ROLE_CUES["membership-noun"]
# Negated, a verb that gives or gets a place at a meeting: "was not given a seat", "did not
# receive an invitation".
GRANTING_VERBS = _ROLE_CUES["granting-verb"]
RECEIVING_VERBS = _ROLE_CUES["receiving-verb"]
# "was not among those invited": a negated "be among" those the participle names.
AMONG = _ROLE_CUES["among-preposition"]
# Prepositions that name members of a plural party: "several states, among them Chad", "including Chad"
MEMBER_PREPS = MEMBER_PREPOSITIONS
# A request to take part, refused: "asked to attend and was turned down", "its request to attend
# was rejected" (FrameNet Request, Respond_to_proposal).
REQUEST_VERBS = _ROLE_CUES["request-verb"]
REQUEST_NOUNS = _ROLE_CUES["request-noun"]
REJECTING_VERBS = _ROLE_CUES["rejecting-verb"]
# Verbs that tell a party what to do: told not to take part, it is left out.
DIRECTIVE_VERBS = _ROLE_CUES["directive-verb"]
# What one is kept from when kept from a meeting: "from attending", "from joining", "from the talks".
TAKING_PART = senses("take-part", "attend", "come")
MEETING_WORDS = frozenset(lexicon.words("meeting_nouns", "lemma"))
# Exceptions on a meeting mention: "met, excluding Hungary", "all states except Hungary met",
# "with the exception of Hungary", "but not Hungary".
EXCEPTION_PREPS = _ROLE_CUES["exception-preposition"]
EXCEPTION_NOUNS = _ROLE_CUES["exception-noun"]
# Said of a party not at a meeting, by its own choice or not: "Hungary was absent" (absent, never
# a participant).
ABSENCE_ADJECTIVES = _ROLE_CUES["absence-adjective"]
# A party standing for itself: "Hungary found itself excluded".
REFLEXIVES = {"itself", "themselves", "himself", "herself"}
# Pronouns a plural side speaks of itself with: "they", "we".
SPEAKERS = {"they", "them", "we", "us"}
# A sentence opening with these says the same of its subject as the sentence before: "Nor was Hungary."
NOR = {"nor"}
# "as was Eritrea", "and neither was Belarus", "and so did Chile": a clause that repeats the one before
ELLIPTICAL_VERBS = {"be", "do", "have"}
LIKEWISE = {"neither", "nor", "so"}
RELATIVES = {"which", "who", "that"}
# A share of a plural description: "Hamas, one of the groups left out".
PARTITIVES = {"one", "two", "three", "four", "five", "some", "several", "many", "most", "each", "either"}
# How many sentences after a meeting's mention a list cue naming none still counts ("not on the list").
LIST_CUE_REACH = range(4)
# Cues that count only with a meeting in their sentence when they name none: "tried to ban the app".
NEED_A_MEETING_NEAR = WEAK_CUES | DENYING_VERBS | PREVENTING_VERBS | GRANTING_VERBS | RECEIVING_VERBS


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
    # A cue that names no meeting counts in a sentence that mentions one or right after it: "Leaders
    # met in Paris. Hungary was snubbed."; a guest list is told of further on, within the next three:
    # "Leaders met in Paris. ... Its allies were also left off the list."
    meeting_sentences = {parsed.tokens[i].sent for i in trigger_heads}
    sentences_with_meetings = {s + k for s in meeting_sentences for k in (0, 1)}
    sentences_after_meetings = {s + k for s in meeting_sentences for k in LIST_CUE_REACH}
    for tok in parsed.tokens:
        excepted = _excepted(parsed, tok, trigger_heads)
        if excepted is not None:
            meeting, parties = excepted
            out.extend(
                Exclusion(m, "excluded", meeting, tok.sent, clause_tense(parsed, meeting))
                for party in parties
                for m in actors_in_phrase(parsed, party, actors)
            )
            continue
        if tok.lower == "without" and tok.dep == "prep":
            out.extend(_held_without(parsed, tok, actors, trigger_heads))
            continue
        if tok.lemma.lower() in SEATS and any(c.lower == "no" for c in parsed.children(tok.i)):
            out.extend(_no_seat(parsed, tok, actors, trigger_heads))
            continue
        if tok.pos == "NOUN" and tok.lemma.lower() in EXCLUSION_NOUNS:
            out.extend(_exclusion_noun(parsed, tok, actors, trigger_heads, sentences_with_meetings))
            continue
        if tok.lemma.lower() in WITHDRAWING_VERBS and tok.pos == "VERB":
            out.extend(_withdrawn_invitation(parsed, tok, actors, trigger_heads, sentences_with_meetings))
        if tok.lemma.lower() == "be":
            out.extend(_not_there(parsed, tok, actors, trigger_heads, sentences_with_meetings))
        if tok.lemma.lower() in REJECTING_VERBS and tok.pos == "VERB":
            out.extend(_request_refused(parsed, tok, actors, trigger_heads, sentences_with_meetings))
        # told not to come, or left off a list: left out of the meeting named, or of one near
        listed = _told_not_to_come(parsed, tok) or _list_cue(parsed, tok)
        if listed is not None:
            if _only_wished(parsed, tok):
                continue  # "urged the hosts to strike Russia from the guest list"
            listed += _members_named(parsed, tok, listed)
            if (
                target := _target(parsed, tok, trigger_heads)
            ) is not None or tok.sent in sentences_after_meetings:
                out.extend(
                    Exclusion(m, "excluded", target, tok.sent, clause_tense(parsed, tok.i))
                    for party in listed
                    for m in _left_out(parsed, party, actors)
                )
            continue
        if tok.pos not in {"VERB", "ADJ"}:
            continue
        role = _cue_role(parsed, tok)
        if role is None or _only_wished(parsed, tok):
            continue  # (no cue, or one only wished for: "urged the hosts to exclude Russia")
        target = _target(parsed, tok, trigger_heads)
        # (an invitation denied is as plain as "not invited": "received no invitation" needs no
        # meeting near; a seat, entry or visa denied does)
        # (nor does one that keeps the party out of a meeting's room: "kept out of the room")
        weak = (
            tok.lemma.lower() in NEED_A_MEETING_NEAR
            and not _invitations(parsed, tok)
            and not _out_of_a_room(parsed, tok, actors)
        )
        if target is None and weak and tok.sent not in sentences_with_meetings:
            continue  # "tried to ban the app": no meeting in sight, no exclusion from one
        if target is None and _out_of_something_else(parsed, tok, actors):
            continue  # "kept Russia out of its championships", "no invitation to the gala": of no meeting
        body = _kept_from_body(parsed, tok, actors)
        for party_tok in _cue_parties(parsed, tok, role):
            for m in _left_out(parsed, party_tok, actors):
                if not qualifies_a_person(parsed, m, actors):
                    out.append(Exclusion(m, role, target, tok.sent, clause_tense(parsed, tok.i), body))
    return out + _nor_either(parsed, actors, out) + _likewise(parsed, actors, out)


def _nor_either(parsed: ParsedText, actors: ActorIndex, found: list[Exclusion]) -> list[Exclusion]:
    """ "China and Russia were not on the list. Nor was Hungary.": a sentence opening with "Nor", or
    with "Neither" or "So" before the verb it repeats ("Neither was Hungary", "So were Chad and
    Niger"), says of its subject what the sentence before said of the parties it left out."""
    out: list[Exclusion] = []
    by_sent = {e.sent: e for e in found}
    for sent in range(1, len(parsed.sentences)):
        before = by_sent.get(sent - 1)
        first = parsed.tokens[parsed.sentences[sent].start_token]
        if before is None or first.lower not in LIKEWISE:
            continue
        verb = parsed.tokens[first.head]
        inverted = first.i + 1 == verb.i and verb.lemma.lower() in ELLIPTICAL_VERBS
        if first.lower not in NOR and not inverted:
            continue  # "So the talks failed": no clause repeated
        arguments = {"nsubj", "nsubjpass", "attr"}
        for subject in (c for c in parsed.children(verb.i) if c.dep in arguments and c.i != first.i):
            out.extend(
                replace(before, mention=m, sent=sent) for m in actors_in_phrase(parsed, subject, actors)
            )
    return out


def _likewise(parsed: ParsedText, actors: ActorIndex, found: list[Exclusion]) -> list[Exclusion]:
    """ "Mali and Sudan were left out, as was Eritrea", "Russia was not invited, and neither was
    Belarus": an elliptical clause on the cue's verb says the same of its own subject."""
    out: list[Exclusion] = []
    by_sent = {e.sent: e for e in found}
    for tok in parsed.tokens:
        before = by_sent.get(tok.sent)
        if before is None or tok.lemma.lower() not in ELLIPTICAL_VERBS or tok.dep not in {"advcl", "conj"}:
            continue
        kids = parsed.children(tok.i)
        if not any((c.dep == "mark" and c.lower == "as") or c.lower in LIKEWISE for c in kids):
            continue
        taken = {e.mention.start_token for e in found if e.sent == tok.sent}
        for subject in (c for c in kids if c.dep in {"nsubj", "nsubjpass", "attr"}):
            out.extend(
                replace(before, mention=m)
                for m in actors_in_phrase(parsed, subject, actors)
                if m.start_token not in taken
            )
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


def _request_refused(
    parsed: ParsedText,
    verb: Token,
    actors: ActorIndex,
    trigger_heads: Set[int],
    sentences_with_meetings: Set[int],
) -> list[Exclusion]:
    """ "Greenpeace asked to address the summit and was refused", "sought a seat and was turned
    down", "its request to attend was rejected": who asked to take part, and was refused, is left
    out (a refusal in the passive, of a request that is to take part: a verb under it, or a seat)."""
    kids = parsed.children(verb.i)
    if not any(c.dep == "auxpass" for c in kids) and verb.tag != "VBN":
        return []
    if verb.lemma.lower() == "turn" and not any(c.lower == "down" for c in kids):
        return []
    asked = parsed.tokens[verb.head]
    while asked.dep == "xcomp" and asked.lemma.lower() not in REQUEST_VERBS:
        asked = parsed.tokens[asked.head]  # "asked to address the summit and been refused"
    parties: list[Token] = []
    request: Token | None = None
    if verb.dep == "conj" and asked.lemma.lower() in REQUEST_VERBS:
        request, parties = asked, subjects(parsed, asked)
    for noun in (c for c in kids if c.dep == "nsubjpass" and c.lemma.lower() in REQUEST_NOUNS):
        request = noun
        parties = [c for c in parsed.children(noun.i) if c.dep == "poss"]
    if request is None or not _to_take_part(parsed, request):
        return []
    target = _target(parsed, request, trigger_heads)
    if target is None and verb.sent not in sentences_with_meetings:
        return []
    tense = clause_tense(parsed, verb.i)
    return [
        Exclusion(m, "excluded", target, verb.sent, tense)
        for party in parties
        for m in _left_out(parsed, party, actors)
    ]


def _to_take_part(parsed: ParsedText, request: Token) -> bool:
    """A request to do something at a meeting ("asked to attend", "to address the summit", "a bid
    to sit in"), or for a place at one ("sought a seat", "applied for a place")."""
    kids = parsed.children(request.i)
    return any(
        (c.dep in {"xcomp", "acl"} and c.pos == "VERB")
        or (c.dep == "dobj" and c.lemma.lower() in SEATS)
        or (
            c.dep == "prep"
            and c.lower == "for"
            and any(o.lemma.lower() in SEATS | MEETING_WORDS for o in parsed.children(c.i))
        )
        for c in kids
    )


def _left_out(parsed: ParsedText, party: Token, actors: ActorIndex) -> list[ActorMention]:
    """The parties a phrase a cue leaves out names: its actors, or where it names none, the side it
    describes, as one party of kind group named by the description ("private creditors were not
    invited", "student groups were shut out"); not a bare plural ("officials", "states"), one owned
    ("its members") nor spectators ("journalists were barred")."""
    found = [m for m in actors_in_phrase(parsed, party, actors) if not _owns_a_description(parsed, m)]
    if found:
        return found
    side = described_side(parsed, party, actors)
    if side is not None:
        return [side]
    speaker = _speaker(parsed, party, actors)
    return _left_out(parsed, speaker, actors) if speaker is not None else []


def _speaker(parsed: ParsedText, pronoun: Token, actors: ActorIndex) -> Token | None:
    """Who "they" or "we" is in what a side says of itself, where coreference named no one: "Farm
    unions say they were never invited", "the Greens complained that nobody had asked them" (a
    body speaks of itself as "they" too; a person saying "they" speaks of others)."""
    if pronoun.lower not in SPEAKERS or pronoun.pos != "PRON":
        return None
    clause = governing_verb(parsed, pronoun.i)
    while clause is not None and clause.dep in {"xcomp", "conj"}:
        clause = parsed.tokens[clause.head]
    if clause is None or clause.dep != "ccomp":
        return None
    saying = parsed.tokens[clause.head]
    if saying.lemma.lower() not in SAYING_VERBS:
        return None
    subject = next((c for c in parsed.children(saying.i) if c.dep == "nsubj"), None)
    if subject is None:
        return None
    named = actors.at(subject.i)
    plural = subject.tag in {"NNS", "NNPS"} or any(c.dep == "conj" for c in parsed.children(subject.i))
    body = named is not None and named.actor is not None and named.actor.kind in {"organization", "group"}
    return subject if plural or body else None


def _owns_a_description(parsed: ParsedText, m: ActorMention) -> bool:
    """A name that owns what the cue leaves out, not one of the parties left out: "Nigeria and
    Ghana, West Africa's two largest economies", "Assad's two patrons, Iran and Russia", "Correa's
    allies" (others than their owner), "Ellman-Brown's interim committee", "Maduro's government" (a
    person's body or government is the party, not the person), "shut out its rival". (A body named
    in its own right, "Khan's PTI", is the party by `actors_in_phrase`.)"""
    root = mention_root(parsed, m.start_token, m.end_token)
    if root.dep != "poss":
        return False
    head = parsed.tokens[root.head]
    if head.pos != "NOUN":
        return False
    named_beside = head.dep == "appos" or any(
        c.dep == "appos" and c.pos == "PROPN" for c in parsed.children(head.i)
    )
    lemma = head.lemma.lower()
    person = m.actor is not None and m.actor.kind == "person"
    persons_body = person and lemma in BODY_NOUNS | COLLECTIVE_BODIES
    # "Correa's allies": a person's are people other than that person (but a body's or country's
    # stand for it: "the union's junior doctors", "Russia's diplomats")
    others = person and head.tag == "NNS" and lemma not in COLLECTIVE_BODIES and lemma not in TITLES
    # "Russia's allies", "the bloc's member states": parties other than their owner, whoever owns them
    others |= head.tag == "NNS" and lemma in OTHERS_NOUNS
    # "shut out its rival": a pronoun owning someone other than its own body, office or people ("its
    # delegates were not invited" is the owner left out)
    others |= root.tag == "PRP$" and lemma not in COLLECTIVE_BODIES | TITLES | GROUP_HEADS
    return named_beside or persons_body or others


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
    return _subjects_left_out(parsed, verb, _target(parsed, verb, trigger_heads), seat.sent, actors)


def _cue_role(parsed: ParsedText, tok: Token) -> Role | None:
    lemma = tok.lemma.lower()
    kids = parsed.children(tok.i)
    head = parsed.tokens[tok.head]
    negated = (
        denied(
            parsed, tok, REFUSING_HEADS
        )  # "was not invited", "did not want to invite", "refused to invite"
        or (tok.dep == "pcomp" and head.lower in NEGATING_PREPS)  # "without inviting Poland"
        or (tok.dep in {"acomp", "oprd"} and any(c.dep == "neg" for c in parsed.children(tok.head)))
        or any(
            c.dep in {"nsubjpass", "dobj"} and negated_party(parsed, c) for c in kids
        )  # "No X was invited"
        or _neither_nor(parsed, tok)  # "was neither invited nor informed"
        # "Neither Hungary nor Turkey received an invitation": who receives is the active subject;
        # "nobody had invited them": nobody includes the object
        or (
            lemma in RECEIVING_VERBS | NEGATABLE_INCLUSION
            and any(c.dep == "nsubj" and negated_party(parsed, c) for c in kids)
        )
    )
    particles = {c.lower for c in kids if c.dep in {"prt", "prep", "advmod", "oprd"}}  # ("kept out": oprd)
    if lemma in NEGATABLE_INCLUSION and negated:
        return "excluded"
    if negated and lemma not in GRANTING_VERBS | RECEIVING_VERBS:
        return None  # a cue of leaving out, negated: "was not excluded", "refused to bar Russia"
    if lemma in EXCLUDE_VERBS or lemma == "uninvited":
        return "excluded"
    if lemma in OUT_VERBS and ("out" in particles or _outside_a_meeting(parsed, tok)):
        return "excluded"  # "shut out of the talks", "kept outside the room"
    if lemma in DENYING_VERBS and _denied_a_place(parsed, tok):
        return "excluded"  # "was denied a seat at the talks", "refused entry to the summit"
    if lemma in PREVENTING_VERBS and _from_taking_part(parsed, tok):
        return "excluded"  # "blocked Taiwan from attending", "was prevented from joining"
    if lemma in GRANTING_VERBS | RECEIVING_VERBS and negated and _denied_a_place(parsed, tok):
        return "excluded"  # "was not given a seat", "did not receive an invitation"
    if lemma in REFUSAL_VERBS:
        refused = [c for c in kids if c.dep == "xcomp"]
        # "declined to comment": no absence; "refused to invite Russia": Russia's exclusion, not the
        # refuser's absence; "refused to sign the deal": something refused at the meeting, no absence
        # (but "refused to attend", "declined to take part in the talks" are).
        if {c.lemma.lower() for c in refused} & (NO_ABSENCE | NEGATABLE_INCLUSION):
            return None
        return "absent" if all(_partaking(parsed, c) for c in refused) else None
    if lemma in OUT_VERBS | AWAY_VERBS and "away" in particles and lemma != "stay":
        return "excluded"  # "was kept away from the meeting"
    if lemma in ABSENCE_ADJECTIVES and tok.dep == "acomp" and not negated:
        return "absent"  # "Hungary was absent from the talks"
    if lemma in {"stay"} and "away" in {c.lower for c in kids}:
        return "absent"
    return None


def _only_wished(parsed: ParsedText, cue: Token) -> bool:
    """Whether the cue is an infinitive or subjunctive that tells what someone wants, asks or
    threatens (WISH_HEADS), not what happened: "urged the hosts to exclude Russia", "called for
    Russia to be barred", "a plea to exclude Russia", "demanded that Russia be excluded" (but a
    finite cue under one happened: "wanted to know why Deloitte had been left off the list")."""
    unrealized = cue.tag == "VB" or any(
        c.dep in {"aux", "auxpass"} and c.tag in {"TO", "VB"} for c in parsed.children(cue.i)
    )
    clause = cue
    for _ in range(3):  # up through "for" and its object: "called for Russia to be barred"
        if not unrealized or clause.dep not in WISHED_DEPS or clause.head == clause.i:
            return False
        clause = parsed.tokens[clause.head]
        if clause.lemma.lower() in WISH_HEADS:
            return True
        unrealized = clause.pos in {"ADP", "NOUN", "PROPN"}  # (no other verb between)
    return False


def _partaking(parsed: ParsedText, verb: Token) -> bool:
    """Whether a refused verb is coming to a meeting or taking part in one: "refused to attend",
    "declined to travel", "refused to meet him", "declined to take part in the talks"."""
    if verb.lemma.lower() in PARTAKING_VERBS:
        return True
    objects = [c for c in parsed.children(verb.i) if c.dep == "dobj"]
    objects += [
        o for p in parsed.children(verb.i) if p.dep == "prep" for o in parsed.children(p.i) if o.dep == "pobj"
    ]
    return any(o.lemma.lower() in MEETING_WORDS | {"part"} for o in objects)


def _outside_a_meeting(parsed: ParsedText, tok: Token) -> bool:
    """ "kept outside the room", "left outside the talks"; not "left its staff outside the city"."""
    return any(
        c.lower == "outside" and o.dep == "pobj" and o.lemma.lower() in MEETING_WORDS | ROOMS
        for c in parsed.children(tok.i)
        for o in parsed.children(c.i)
    )


def _neither_nor(parsed: ParsedText, tok: Token) -> bool:
    """A verb of "neither ... nor": "was neither invited nor informed", "was neither told nor invited"."""
    first = parsed.tokens[tok.head] if tok.dep == "conj" else tok
    return any(c.dep == "preconj" and c.lower == "neither" for c in parsed.children(first.i))


def _excepted(parsed: ParsedText, tok: Token, trigger_heads: Set[int]) -> tuple[int, list[Token]] | None:
    """(the meeting, who is excepted from it) where `tok` makes an exception on a meeting mention:
    "met in Paris, excluding Hungary", "all states except Hungary met", "with the exception of
    Hungary", "met on Monday, but not Hungary"; None elsewhere ("all except Hungary agreed")."""
    if tok.dep == "prep" and tok.lower in EXCEPTION_PREPS:
        parties = [c for c in parsed.children(tok.i) if c.dep == "pobj"]
        anchor = parsed.tokens[tok.head]
    elif tok.dep == "pobj" and tok.lemma.lower() in EXCEPTION_NOUNS:
        parties = [
            o
            for of in parsed.children(tok.i)
            if of.dep == "prep" and of.lower == "of"
            for o in parsed.children(of.i)
            if o.dep == "pobj"
        ]
        anchor = parsed.tokens[parsed.tokens[tok.head].head]
    elif (
        tok.dep == "conj"
        and any(c.dep == "neg" for c in parsed.children(tok.i))
        and any(c.dep == "cc" and c.lower == "but" for c in parsed.children(tok.head))
        and tok.pos in {"PROPN", "NOUN"}
    ):
        parties, anchor = [tok], parsed.tokens[tok.head]
    else:
        return None
    for t in [anchor, *parsed.ancestors(anchor.i)]:
        if t.i in trigger_heads:
            return (t.i, parties) if parties else None
        if t.pos in {"VERB", "AUX"}:
            break  # the clause's verb is no meeting: "all except Hungary agreed"
    return None


def _from_taking_part(parsed: ParsedText, verb: Token) -> bool:
    """ "from attending", "from the talks": kept from taking part, not "from being used as a harbor"."""
    for prep in parsed.children(verb.i):
        if prep.dep != "prep" or prep.lower != "from":
            continue
        for c in parsed.children(prep.i):
            if c.dep == "pcomp" and c.lemma.lower() in TAKING_PART:
                return True
            if c.dep == "pobj" and c.lemma.lower() in MEETING_WORDS:
                return True
    return False


def negated_party(parsed: ParsedText, party: Token) -> bool:
    """ "No Polish officials", "None of the Baltic states", "Neither Spain nor Italy", "Neither
    Kenya's ministry nor ..." (where the parser hangs "Neither" on the possessor that opens the
    phrase)."""
    determiners = [*parsed.children(party.i), parsed.subtree(party.i)[0]]
    return party.lower in NEGATIVE_QUANTIFIERS or any(
        c.dep in {"det", "preconj"} and c.lower in NEGATIVE_QUANTIFIERS for c in determiners
    )


def _of_none(parsed: ParsedText, party: Token) -> Token:
    """ "None of the Baltic states": the states; "Nobody from Chad", "no one from Chad", "no
    officials from Chad": Chad (but "Neither the bureau of statistics nor ..." is the bureau)."""
    if negated_party(parsed, party):
        of = {"of", "from"} if party.lower in NEGATIVE_QUANTIFIERS or party.pos != "NOUN" else {"from"}
        for prep in parsed.children(party.i):
            if prep.dep == "prep" and prep.lower in of:
                return next((o for o in parsed.children(prep.i) if o.dep == "pobj"), party)
    return party


def _not_there(
    parsed: ParsedText, verb: Token, actors: ActorIndex, trigger_heads: Set[int], near: Set[int]
) -> list[Exclusion]:
    """A negated "be" that leaves its subject out of a meeting: "Japan was not part of the talks"
    ("Chile is no party to them": the meeting named in the noun's phrase), "Hungary was not among
    those invited" (the participle an inclusion verb), "Ukraine was not at the table", "there was no
    Syrian at the table" (where a meeting sits, ROOMS, next to a meeting)."""
    kids = parsed.children(verb.i)
    members = [c for c in kids if c.dep == "attr" and c.pos == "NOUN" and c.lemma.lower() in MEMBERSHIP_NOUNS]
    # "No Syrian delegate was at the table", "There was no Syrian at the table": the party said none
    said_none = [
        c for c in kids if c.dep in {"nsubj", "attr"} and c not in members and negated_party(parsed, c)
    ]
    negated = any(c.dep == "neg" for c in kids) or bool(said_none)
    if not negated and not any(
        d.dep == "det" and d.lower in NEGATIVE_QUANTIFIERS for m in members for d in parsed.children(m.i)
    ):
        return []
    # (the parser may hang where it was on the party said none: "no delegation in the room")
    preps = [c for h in [verb, *said_none] for c in parsed.children(h.i) if c.dep == "prep"]
    target = _target(parsed, verb, trigger_heads)
    part_of = next((t for m in members if (t := _target(parsed, m, trigger_heads)) is not None), None)
    among_invited = negated and any(
        v.lemma.lower() in NEGATABLE_INCLUSION and v.pos == "VERB"
        for p in preps
        if p.lower in AMONG
        for o in parsed.children(p.i)
        if o.dep == "pobj"
        for v in parsed.subtree(o.i)
    )
    in_the_room = negated and any(
        o.dep == "pobj" and o.lemma.lower() in ROOMS
        for p in preps
        if p.lower in {"at", "in"}
        for o in parsed.children(p.i)
    )
    if part_of is not None:
        target = part_of
    elif not (among_invited or (in_the_room and (target is not None or verb.sent in near))):
        return []
    # ("There was no Chinese delegation in the room": the one said none, not a subject)
    there = any(c.dep == "expl" for c in kids)
    return _subjects_left_out(parsed, verb, target, verb.sent, actors, said_none if there else None)


def _subjects_left_out(
    parsed: ParsedText,
    verb: Token,
    target: int | None,
    sent: int,
    actors: ActorIndex,
    parties: list[Token] | None = None,
) -> list[Exclusion]:
    """The subjects of `verb` (or `parties`), each left out of the meeting `target` (None: the one
    near); "no envoy from Chad" leaves out Chad."""
    tense = clause_tense(parsed, verb.i)
    return [
        Exclusion(m, "excluded", target, sent, tense)
        for subj in (subjects(parsed, verb) if parties is None else parties)
        for m in _left_out(parsed, _of_none(parsed, subj), actors)
    ]


def _withdrawn_invitation(
    parsed: ParsedText,
    verb: Token,
    actors: ActorIndex,
    trigger_heads: Set[int],
    sentences_with_meetings: Set[int],
) -> list[Exclusion]:
    """ "The hosts withdrew Russia's invitation to the summit", "the invitation to Iran was rescinded":
    whose invitation is taken back (its possessor, or who it was "to" or "for") is left out."""
    target = _target(parsed, verb, trigger_heads)
    if target is None and verb.sent not in sentences_with_meetings:
        return []
    invitations = [
        c
        for c in parsed.children(verb.i)
        if c.dep in {"dobj", "nsubjpass"} and c.lemma.lower() in INVITATION_NOUNS
    ]
    # ("its invitation" is the inviter's: a pronoun possessor is who invited, not who is left out)
    parties = [k for n in invitations for k in parsed.children(n.i) if k.dep == "poss" and k.tag != "PRP$"]
    # "to" or "for" whom, on the invitation or, where the parser hangs it there, on the verb
    parties += [
        o
        for n in [*invitations, *([verb] if invitations else [])]
        for prep in parsed.children(n.i)
        if prep.dep == "prep" and prep.lower in {"to", "for"}
        for o in parsed.children(prep.i)
        if o.dep == "pobj" and o.i not in trigger_heads
    ]
    return [
        Exclusion(m, "excluded", target, verb.sent, clause_tense(parsed, verb.i))
        for party in parties
        for m in actors_in_phrase(parsed, party, actors)
    ]


def _cue_parties(parsed: ParsedText, cue: Token, role: Role) -> list[Token]:
    """Who the cue is about: the object of an active cue, the subject of a passive or a refusal."""
    kids = parsed.children(cue.i)
    passive = _passive(parsed, cue)
    out: list[Token] = []
    if role == "absent":
        if cue.pos == "ADJ":
            return subjects(parsed, parsed.tokens[cue.head])
        return [c for c in kids if c.dep == "nsubj"]
    if cue.lemma.lower() in RECEIVING_VERBS:
        # "Hungary did not receive an invitation", "Chile is no member and received no invitation"
        return subjects(parsed, cue)
    if cue.lemma.lower() in DENYING_VERBS | GRANTING_VERBS and _denied_a_place(parsed, cue):
        # "Spain was denied a seat" (its subject), "Italy denied Spain a seat" (who is denied)
        denied = [c for c in kids if c.dep in {"nsubjpass", "dative"}]
        # ("denied Ghana accreditation", parsed as one noun: the name before the place)
        denied += [
            n
            for c in kids
            if c.dep == "dobj"
            for n in parsed.children(c.i)
            if n.dep == "compound" and n.pos == "PROPN"
        ]
        return denied or (subjects(parsed, cue) if passive else [])
    if cue.pos == "ADJ" and cue.dep in {"acomp", "oprd"}:
        return subjects(parsed, parsed.tokens[cue.head])  # "Belarus remained uninvited"
    if passive:
        out = [_of_none(parsed, c) for c in kids if c.dep == "nsubjpass"]
        if cue.dep == "relcl" and any(c.lower in RELATIVES or _whose(parsed, c) for c in out):
            # "Hungary, which was not invited, ...", "Hungary, whose envoy was shut out, ..."
            out = [_named_beside(parsed, _antecedent(parsed, cue))]
        if not out and any(c.dep == "nsubj" and c.lower in REFLEXIVES for c in kids):
            out = subjects(parsed, parsed.tokens[cue.head])  # "Hungary found itself excluded"
        out += [m for s in out for m in _listed_after(parsed, s, cue)]
        if not out and cue.dep in {"acl", "relcl"} and cue.tag == "VBN":
            # "Russia, shut out of the group", "Hamas, one of the groups left out of the talks"
            out = [_named_beside(parsed, parsed.tokens[cue.head])]
        if not out and cue.dep == "conj":
            out = subjects(parsed, cue)  # "had asked to attend but was shut out"
        if not out and cue.dep in {"pcomp", "xcomp", "advcl"}:
            # "expressed dismay at not being included": the subject of the clause above.
            host = parsed.tokens[cue.head]
            while host.pos not in {"VERB", "AUX"} and host.head != host.i:
                host = parsed.tokens[host.head]  # up through "at" and "dismay" to "expressed"
            out = [c for c in parsed.children(host.i) if c.dep == "nsubj"]
    else:
        out = [c for c in kids if c.dep == "dobj"]
        if not out and cue.dep == "pcomp":
            out = [c for c in kids if c.dep == "pobj"]  # "without including Hamas", parsed as a preposition
    if not out and cue.i >= 2 and parsed.tokens[cue.i - 1].text == ",":
        # "Russia, shut out of the group, ...": a participle set off after the party it describes,
        # which the parser often attaches elsewhere.
        out = [parsed.tokens[cue.i - 2]]
    return out + _members_named(parsed, cue, out)


def _members_named(parsed: ParsedText, cue: Token, parties: list[Token]) -> list[Token]:
    """The members an example phrase names of a plural party: "Several states, among them Chad, were
    not invited", "were not invited, including Chad", where the parser hangs the phrase on the verb
    or a comma (on the noun, the party's own phrase holds them already)."""
    plural = [p for p in parties if p.tag == "NNS" and p.lemma.lower() in COLLECTIVE_MEMBERS]
    if not plural:
        return []
    # ("None of the unions, among them Unite, ...": on "None", or an apposition of it with the
    # preposition hanging on the members)
    owners = [parsed.tokens[parsed.tokens[p.head].head] for p in plural if p.dep == "pobj"]
    holders = [cue, *plural, *owners]
    # ("states, among them Mali, ...": the parser may hang the phrase on the comma)
    holders += [c for p in plural for c in parsed.children(p.i) if c.dep == "punct"]
    named = [
        o
        for holder in holders
        for prep in parsed.children(holder.i)
        if prep.dep == "prep" and prep.lower in MEMBER_PREPS
        for o in parsed.children(prep.i)
        if o.dep == "pobj" and o.pos == "PROPN"
    ]
    return named + [
        a
        for owner in owners
        for a in parsed.children(owner.i)
        if a.dep == "appos" and any(k.dep == "prep" and k.lower in MEMBER_PREPS for k in parsed.children(a.i))
    ]


def _whose(parsed: ParsedText, noun: Token) -> bool:
    """ "whose envoys": a noun a relative clause gives to the noun it hangs on."""
    return any(c.dep == "poss" and c.tag == "WP$" for c in parsed.children(noun.i))


def _antecedent(parsed: ParsedText, relative: Token) -> Token:
    """What a relative clause is about: the noun it hangs on, or the whole coordination when its
    verb is plural ("Romania and Poland, which were not invited": the parser hangs it on Poland)."""
    noun = relative_noun(parsed, relative)
    # "were", "are", "have": a plural auxiliary (the tag tells "are" and "have"; "were" only by its form)
    plural = any(
        c.dep in {"aux", "auxpass"} and (c.tag == "VBP" or c.lower == "were")
        for c in parsed.children(relative.i)
    )
    while plural and noun.dep == "conj" and noun.tag != "NNS":
        noun = parsed.tokens[noun.head]
    return noun


def _named_beside(parsed: ParsedText, noun: Token) -> Token:
    """The name a description of the party stands beside: "Hamas, one of the groups left out",
    "Chad, a country that was not invited" (the description in apposition, or a share of it)."""
    described = noun
    if noun.dep == "pobj" and parsed.tokens[noun.head].lower == "of":
        share = parsed.tokens[parsed.tokens[noun.head].head]  # "one of the groups"
        if share.lower in PARTITIVES:
            described = share
    if described.dep == "appos":
        return parsed.tokens[described.head]
    return noun


# Plural nouns whose members a list may name: "six member states, Mali, Niger and Sudan".
COLLECTIVE_MEMBERS = senses("collective")
# Where a meeting sits: "left out of the room" is out of the meeting.
ROOMS = senses("room")
# Bodies that meet, by their common noun: "expelled from the group" is out of the group's meetings.
BODIES = senses("body")


def _kept_from(parsed: ParsedText, cue: Token, actors: ActorIndex) -> list[Token]:
    """What the cue says the party is kept out of or barred from: "out of its championships",
    "shut out of the group", "barred from the tournament", "no invitation to the gala"."""
    kids = list(parsed.children(cue.i))
    kids += [k for c in kids if c.lower == "out" for k in parsed.children(c.i)]  # "out" + "of"
    preps = [p for p in kids if p.dep == "prep" and p.lower in {"of", "from"}]
    preps += [
        p
        for invitation in _invitations(parsed, cue)
        for p in parsed.children(invitation.i)
        if p.dep == "prep" and p.lower in {"to", "for"}
    ]
    return [c for prep in preps for c in parsed.children(prep.i) if c.dep == "pobj"]


def _out_of_something_else(parsed: ParsedText, cue: Token, actors: ActorIndex) -> bool:
    """What the party is kept from is no meeting (a meeting there would be the cue's target), no
    body that meets ("shut out of the G7", "expelled from the group") and no room."""
    return any(
        actors.at(c.i) is None and c.lemma.lower() not in ROOMS | BODIES
        for c in _kept_from(parsed, cue, actors)
    )


def _out_of_a_room(parsed: ParsedText, cue: Token, actors: ActorIndex) -> bool:
    """ "kept out of the room", "shut out of the consultation": what the party is kept from is
    where a meeting sits, so a meeting is meant though none is named near."""
    return any(c.lemma.lower() in ROOMS for c in _kept_from(parsed, cue, actors))


def _kept_from_body(parsed: ParsedText, cue: Token, actors: ActorIndex) -> str | None:
    for c in _kept_from(parsed, cue, actors):
        m = actors.at(c.i)
        if m is not None and m.actor is not None and m.actor.kind == "organization":
            return m.actor.name
    return None


def _told_not_to_come(parsed: ParsedText, verb: Token) -> list[Token]:
    """Who was told not to take part: "the whip told Philpott not to come", "Serbia was asked not to
    attend the summit" (the directive's object, or its subject in the passive)."""
    # (an infinitive the directive controls; "told Sofia it would not attend" is a report, no order)
    if verb.lemma.lower() not in TAKING_PART or verb.dep != "xcomp":
        return []
    if not any(c.dep == "neg" for c in parsed.children(verb.i)):
        return []
    directive = parsed.tokens[verb.head]
    if directive.lemma.lower() not in DIRECTIVE_VERBS:
        return []
    return [c for c in parsed.children(directive.i) if c.dep in {"dobj", "nsubjpass"}]


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


def _invitations(parsed: ParsedText, verb: Token) -> list[Token]:
    """The invitation nouns the verb takes as object: "received no invitation"."""
    return [c for c in parsed.children(verb.i) if c.dep == "dobj" and c.lemma.lower() in INVITATION_NOUNS]


def _denied_a_place(parsed: ParsedText, verb: Token) -> bool:
    return any(c.dep == "dobj" and c.lemma.lower() in DENIED_PLACES for c in parsed.children(verb.i))


def _list_cue(parsed: ParsedText, tok: Token) -> list[Token] | None:
    """Who a list cue leaves out, or None where `tok` is no such cue: "was left off the guest list",
    "dropped X from the list" (a removal verb with "off" or "from" a list), "was not on the invitation
    list" (a negated "be on" a list), "was absent from the guest list" (as good as not on it)."""
    lemma = tok.lemma.lower()
    kids = parsed.children(tok.i)
    if lemma in REMOVAL_VERBS and denied(parsed, tok, REFUSING_HEADS):
        return None  # "was not left off the list", "refused to drop Cuba from the list"
    if lemma in REMOVAL_VERBS:
        preps = {"off", "from"}
    elif lemma == "be" and any(c.dep == "neg" for c in kids):
        preps = {"on"}
    elif lemma in ABSENCE_ADJECTIVES and tok.dep == "acomp":
        preps = {"from"}  # "was absent from the guest list": not on it
    else:
        return None
    lists = [
        obj
        for prep in kids
        if prep.dep in {"prep", "prt"} and prep.lower in preps
        for obj in [*parsed.children(prep.i), *(kids if prep.dep == "prt" else [])]
        if obj.dep in {"pobj", "dobj", "oprd"}  # ("kept off the programme": oprd)
        and (
            (obj.lemma.lower() in LIST_NOUNS and not _list_of_something(parsed, obj))
            # taken "off" a meeting as off its list: "was left off the call", "kept Poland off the panel"
            or (prep.lower == "off" and obj.lemma.lower() in MEETING_WORDS)
        )
    ]
    if not lists:
        return None
    if lemma in ABSENCE_ADJECTIVES:
        return subjects(parsed, parsed.tokens[tok.head])
    if lemma == "be" or _passive(parsed, tok):
        return [c for c in kids if c.dep in {"nsubj", "nsubjpass"}] or subjects(parsed, tok)
    return [c for c in kids if c.dep == "dobj" and c not in lists]


def _passive(parsed: ParsedText, verb: Token) -> bool:
    """A passive verb, or a past participle that "have" does not make a perfect ("was kept off",
    "Russia, kept off the list"; not "had kept Cuba off the list")."""
    kids = parsed.children(verb.i)
    perfect = any(c.dep == "aux" and c.lemma.lower() == "have" for c in kids)
    return any(c.dep == "auxpass" for c in kids) or (verb.tag == "VBN" and not perfect)


def _list_of_something(parsed: ParsedText, noun: Token) -> bool:
    """ "its list of state sponsors of terrorism": a list of something, not of those invited to a
    meeting ("the roster of the summit", "the list of guests", "the list of those invited")."""
    return any(
        o.dep == "pobj" and o.lemma.lower() not in MEETING_WORDS | LIST_MEMBERS and not _invited(parsed, o)
        for c in parsed.children(noun.i)
        if c.dep == "prep" and c.lower == "of"
        for o in parsed.children(c.i)
    )


def _invited(parsed: ParsedText, noun: Token) -> bool:
    """ "those invited", "parties asked to attend": a noun its clause says is asked to a meeting."""
    return any(
        c.dep in {"acl", "relcl"} and c.lemma.lower() in NEGATABLE_INCLUSION | TAKING_PART
        for c in parsed.children(noun.i)
    )


def _exclusion_noun(
    parsed: ParsedText,
    noun: Token,
    actors: ActorIndex,
    trigger_heads: Set[int],
    sentences_with_meetings: Set[int],
) -> list[Exclusion]:
    """ "Turkey protested its exclusion from the summit", "the exclusion of Kosovo from the talks":
    whose exclusion the noun names (its possessor, or its "of" object) is left out; only with a
    meeting in sight."""
    target = _target(parsed, noun, trigger_heads)
    if target is None and noun.sent not in sentences_with_meetings:
        return []
    if target is None and _out_of_something_else(parsed, noun, actors):
        return []  # "its exclusion from the market"
    kids = parsed.children(noun.i)
    parties = [c for c in kids if c.dep == "poss"]
    parties += [
        o
        for c in kids
        if c.dep == "prep" and c.lower == "of"
        for o in parsed.children(c.i)
        if o.dep == "pobj"
    ]
    if any(p.tag == "PRP$" and not actors_in_phrase(parsed, p, actors) for p in parties):
        # "Demir condemned his exclusion": a possessive pronoun the actor stage left unresolved is
        # the subject of the clause it stands in.
        verb = governing_verb(parsed, noun.i)
        parties += subjects(parsed, verb) if verb is not None else []
    tense = clause_tense(parsed, noun.i)
    return [
        Exclusion(m, "excluded", target, noun.sent, tense)
        for party in parties
        for m in actors_in_phrase(parsed, party, actors)
    ]


def _target(parsed: ParsedText, cue: Token, trigger_heads: Set[int]) -> int | None:
    described = _describing_the_subject(parsed, cue)
    for t in parsed.subtree(cue.i):
        if t.i in trigger_heads and t.i not in described:
            return t.i
    # "the summit, from which Zelensky was excluded": a relative clause on the meeting itself
    clause = cue
    while clause.dep not in {"relcl", "acl"} and clause.head != clause.i and clause.pos in {"VERB", "AUX"}:
        clause = parsed.tokens[clause.head]
    if clause.dep not in {"relcl", "acl"}:
        return None
    if clause.head in trigger_heads:
        return clause.head
    # "the meeting with Hamas, from which the Authority was excluded": the parser hangs the clause on
    # the nearest noun; "which" names no person, so it is the meeting above that noun.
    if any(t.lower == "which" for t in parsed.subtree(clause.i)):
        for up in islice(parsed.ancestors(clause.head), 3):
            if up.i in trigger_heads:
                return up.i
    return None


def _describing_the_subject(parsed: ParsedText, cue: Token) -> set[int]:
    """What the cue's subjects' descriptions say ("the coalition, which held the seat at the 2013
    summit, was not asked to fill it"): a meeting there is not what the party is kept from."""
    return {
        i
        for subject in parsed.children(cue.i)
        if subject.dep in {"nsubj", "nsubjpass"}
        for i in description_of(parsed, subject)
    }


def description_of(parsed: ParsedText, party: Token) -> set[int]:
    """The tokens of the relative clauses and appositions on a party's phrase, which tell who it is:
    "Dr. He, the scientist who spoke at the previous summit, was not invited"."""
    while party.dep in {"amod", "compound", "poss", "nmod"} and party.head != party.i:
        party = parsed.tokens[party.head]  # "the Faroese delegation, whose chief ...": the phrase's noun
    out: set[int] = set()
    for t in parsed.subtree(party.i):
        if t.dep in {"relcl", "acl", "appos"} and t.i != party.i:
            out.update(k.i for k in parsed.subtree(t.i))
    return out
