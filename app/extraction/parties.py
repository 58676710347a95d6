"""Party roles: who convened a meeting and who took part in it, read around each meeting mention.

Roles come from the dependency parse around each trigger: subjects and objects of meeting verbs,
"between X and Y", "with X", "X's talks", "involve X", "attended by X"; organizers of convene / host /
chair. A negated attendance ("did not attend", "declined to join") gives `absent`. Who was left out
(`excluded`) is decided in exclusions.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from app.extraction.actors import NAME_TITLES, TITLES, Actor, ActorIndex, ActorMention
from app.extraction.actors.words import QUANTIFIERS
from app.extraction.grammar import (
    governing_verb,
    mention_root,
    passive,
    relative_noun,
    relatives_in_of_phrase,
    verb_tense,
)
from app.extraction.lexicon.wordsets import grouped, senses
from app.extraction.parsed import ParsedText, Token
from app.extraction.triggers import VISITING_ON, Trigger, held_beside, part_of
from app.models.v1 import Role

# Verbs whose subject is at the meeting they hold, call or invite to.
ORGANIZER_VERBS = senses("organizer-verb")
# Verbs whose subject takes part in the meeting that is their object or goal.
ATTEND_VERBS = senses("take-part")
TRAVEL_VERBS = senses("travel")
# Verbs whose subject sets a meeting up: "the court set a special session for January 10".
SCHEDULING = senses("schedule")
# Verbs whose object takes part when a meeting is their subject: "talks will involve X".
INCLUDE_VERBS = senses("include")
# Verbs of speaking and arguing: who does so at a meeting is there.
SPEAKING_VERBS = senses("speak")
# Verbs of telling of a meeting: "the talks were reported by the Nikkei".
REPORTING = senses("report")
# Verbs of taking a side in a negotiation, or of giving evidence at a hearing.
STANCE_VERBS = senses("stance")
VISITS = senses("visit")
# Meeting words one is "in" by taking part: "in talks with", "in a video call".
SESSIONS = senses("session")
GOAL_PREPS = {"for", "at", "to", "into", "in", "during", "before", "over"}  # ("presided over")
PARTY_PREPS = {"with", "between", "among", "of", "involving", "alongside"}
# Refusals: who "declined to attend" stayed away.
REFUSAL_VERBS = senses("decline")
# People or bodies that, described rather than named, are a side: "private creditors", "student groups".
SIDES = grouped("role_cues", "kind", "lemma")["side-noun"]
# Entities in a description that make it a name's, not a side's: "Belarusian team leaders".
NAMING_ENTITIES = {"NORP", "GPE", "ORG", "PERSON"}


@dataclass(frozen=True, slots=True)
class PartyRole:
    mention: ActorMention
    role: Role


AddParty = Callable[[Token, Role], None]
ORGANIZING = senses("host")
# "under the chairmanship of X": X convenes.
AUSPICES = senses("auspices")
# Meetings held before someone: "a hearing before Justice Ortiz", "before the committee".
HEARINGS = senses("hearing")
# Verbs whose object meets their subject at the meeting: "face the committee at a hearing".
FACING = senses("face")
# Who invites to a meeting organizes it; who is invited takes part.
INVITING = senses("invite")
# Said of those at a meeting to come: "among those expected", "among those invited".
EXPECTED = senses("expected")
# What one fails at while attending: "failed to agree at the talks" was there.
SETTLING = senses("settle")
# A verb whose subject is at the meeting it governs, by its sense.
TAKING_PART = ATTEND_VERBS | ORGANIZER_VERBS
AT_MEETING = ORGANIZING | ATTEND_VERBS
# Whose subject organizes what they set up, host or invite to.
SETTING_UP = ORGANIZING | SCHEDULING | INVITING
# Whose passive subject is a guest: "was invited to the talks", "was hosted by the speaker".
RECEIVING = INVITING | ORGANIZING
# Whose object meets their subject at the meeting: "host Trump for a working lunch".
MEETING_THEIR_OBJECT = ORGANIZING | INVITING | FACING
# "is due to host Trump for a working lunch", read from the words when the parse misses the verb.
HOSTING_A_GUEST = ORGANIZING | {"meet", "receive", "welcome"}
RECEIVING_A_GUEST = ORGANIZING | {"receive", "welcome"}
# Heads under which an attendance did not happen: "declined to attend", "failed to join".
GIVING_UP = REFUSAL_VERBS | {"fail"}
# Speaking verbs whose subject a reported clause may borrow: "said ..., telling a hearing".
TELLING = SPEAKING_VERBS | {"testify", "add"}


def _collector(
    parsed: ParsedText, actors: ActorIndex, found: list[PartyRole], own: Token | None = None
) -> AddParty:
    """What each reading calls to name a party: the actors a phrase names, into `found`; never the
    names that only describe a person ("Finland's Stubb"), nor the meeting itself ("the Gulf
    Summit" is no party to itself), nor the gathering it was held beside ("on the sidelines of the
    G20 summit")."""
    beside = held_beside(parsed, own.i) if own is not None else set()

    def add(tok: Token, role: Role) -> None:
        for m in actors_in_phrase(parsed, tok, actors):
            if own is not None and m.start_token <= own.i < m.end_token:
                continue
            if m.start_token in beside:
                continue
            if not qualifies_a_person(parsed, m, actors):
                found.append(PartyRole(m, role))

    return add


def trigger_parties(parsed: ParsedText, trigger: Trigger, actors: ActorIndex) -> list[PartyRole]:
    """Organizers and participants that the syntax around one trigger names."""
    toks = parsed.tokens
    head = toks[trigger.head]
    found: list[PartyRole] = []
    add = _collector(parsed, actors, found, own=head)
    _under_the_auspices(parsed, head, add)
    if trigger.kind == "verb":
        lemma = head.lemma.lower()
        role: Role = "organizer" if lemma in ORGANIZING else "participant"
        for subj in subjects(parsed, head):
            add(subj, "absent" if trigger.anaphoric and _stayed_away(parsed, head) else role)
        for c in parsed.children(head.i):
            if c.dep == "dobj":
                add(c, "participant")
            elif c.dep == "prep" and (c.lower in PARTY_PREPS or (c.lower == "on" and lemma in VISITING_ON)):
                _add_objects(parsed, c, add)  # ("called on Prime Minister X": whom the visit was to)
            elif c.dep == "agent" or (c.dep == "conj" and c.lower == "by"):
                # "talks ..., attended by the two chief executives and by advisers from X"
                _add_objects(parsed, c, add, role)
        return found

    for c in parsed.children(head.i):
        if c.dep == "poss" or (c.dep in {"compound", "amod", "nmod"} and c.i < head.i):
            # "Trump's summit", "US-Russia talks"; a city before the noun is where ("Paris talks").
            m = actors.at(c.i)
            if m is None or m.place is None or m.place == (m.actor.name if m.actor else None):
                add(c, "participant")
        elif c.dep == "prep" and (
            c.lower in PARTY_PREPS
            or (c.lower == "to" and trigger.lemma == "call")
            or (c.lower == "before" and trigger.lemma in HEARINGS)
        ):
            _add_objects(parsed, c, add)  # ("a hearing before Justice Morland", "before the committee")
        elif c.dep in {"acl", "relcl"}:
            _clause_on_meeting(parsed, c, add)
    for rel in relatives_in_of_phrase(parsed, head):
        if rel.lemma.lower() in ORGANIZING:
            _clause_on_meeting(parsed, rel, add)  # bodies are not hosted; meetings are
    _host_of(parsed, head, add)
    _when_clause(parsed, head, add)
    _with_after_topic(parsed, head, add)
    if found and all(
        c.lower == "with" for c in parsed.children(head.i) if c.dep == "prep" and c.lower in PARTY_PREPS
    ):
        _traveller(parsed, head, add)
    if not found:
        _untagged_infinitive(parsed, head, actors, add)
    head = part_of(parsed, head) or head  # "will hold a fourth round of talks": the round's clause
    verb = toks[head.head] if head.head != head.i else None
    if verb is not None and head.dep == "pobj":
        # "travelled to Washington for talks", "arrived at the summit"; not "after the summit".
        prep = verb  # ("clashed at the opening of a hearing", "joined for the first part of it")
        _present_at(parsed, prep, trigger, add, quiet=not found)
        verb = toks[prep.head] if prep.head != prep.i and prep.lower in GOAL_PREPS else None
    elif head.dep not in {"dobj", "nsubj", "nsubjpass", "attr"}:
        verb = None
    if verb is None or verb.pos not in {"VERB", "AUX"}:
        return found
    lemma = verb.lemma.lower()
    if head.dep in {"nsubj", "nsubjpass"}:
        # "the talks will involve X", "the summit brought together X and Y", "hosted by X"
        xcomps = [c for c in parsed.children(verb.i) if c.dep == "xcomp"]  # "widened to include X"
        for v in [verb, *_conj_verbs(parsed, verb), *xcomps]:
            v_lemma = v.lemma.lower()
            for c in parsed.children(v.i):
                if c.dep in {"dobj", "attr"} and v_lemma in INCLUDE_VERBS:
                    add(c, "participant")
                elif c.dep == "agent" and v_lemma not in REPORTING:
                    # ("the talks were first reported by the Nikkei": who told of them is no party)
                    _add_objects(parsed, c, add, "organizer" if v_lemma in ORGANIZING else "participant")
                elif c.dep == "prep" and (
                    c.lower in {"with", "between", "among"}
                    or (c.lower == "before" and trigger.lemma in HEARINGS)
                ):
                    _add_objects(parsed, c, add)  # "the meeting was held on Monday with X"
    elif lemma in TAKING_PART or (lemma in SCHEDULING and head.dep == "dobj"):
        role = "organizer" if lemma in SETTING_UP else "participant"
        if _stayed_away(parsed, verb):
            role = "absent"  # "declined to attend the summit", "did not attend the meeting"
        for subj in subjects(parsed, verb, actors):
            # "was invited to the talks", "was hosted by the speaker at a meeting": a guest.
            add(subj, "participant" if subj.dep == "nsubjpass" and lemma in RECEIVING else role)
        for c in parsed.children(verb.i):
            if c.dep == "agent":
                _add_objects(parsed, c, add, "organizer" if lemma in INVITING else role)
            elif c.dep == "prep" and c.lower in {"with", "between", "before"} and c.i != head.head:
                _add_objects(parsed, c, add)  # "face a hearing before the committee"
            elif c.dep == "dobj" and lemma in MEETING_THEIR_OBJECT and head.dep == "pobj":
                # "Lee will host Trump for a working lunch", "invited it to talks", "is due to face
                # the committee at an evidence session"
                add(c, "participant")
            elif c.dep == "advcl" and c.lemma.lower() in INCLUDE_VERBS and lemma in ORGANIZING:
                # "will host a summit next month, bringing together the leaders of X and Y"
                for obj in parsed.children(c.i):
                    if obj.dep == "dobj":
                        add(obj, "participant")
    return found


def _among_those_expected(parsed: ParsedText, verb: Token) -> bool:
    if verb.lemma.lower() != "be":
        return False
    for prep in parsed.children(verb.i):
        if prep.dep == "prep" and prep.lower == "among":
            for those in parsed.children(prep.i):
                if those.dep == "pobj" and any(c.lemma.lower() in EXPECTED for c in parsed.children(those.i)):
                    return True
    return False


def _under_the_auspices(parsed: ParsedText, head: Token, add: AddParty) -> None:
    """ "met on Wednesday under the chairmanship of X", "talks under the auspices of the UN": X
    convened them."""
    for office in _objects_of_preps_on(parsed, head, {"under"}):
        if office.lemma.lower() in AUSPICES:
            for of in parsed.children(office.i):
                if of.dep == "prep" and of.lower == "of":
                    _add_objects(parsed, of, add, "organizer")


def _present_at(parsed: ParsedText, prep: Token, trigger: Trigger, add: AddParty, quiet: bool) -> None:
    """Who acted during a visit was the visitor ("delivered a letter during a visit to the White
    House"); who spoke at or during a meeting was there ("told delegates at the session"), and so,
    when the meeting names no parties of its own, was who spoke right after it ("said after the
    session that ...")."""
    verb = governing_verb(parsed, prep.i)
    if verb is None or verb.i != prep.head:
        return
    lemma = verb.lemma.lower()
    visiting = trigger.lemma in VISITS and prep.lower == "during"
    # "failed to agree at the talks", "discussed the plan in a video call with X"; not "the war
    # was discussed at the summit", whose subject is the topic.
    there = not passive(parsed, verb) and (
        prep.lower in {"at", "during"} or (prep.lower == "in" and trigger.lemma in SESSIONS)
    )
    speaking = lemma in SPEAKING_VERBS and prep.lower == "after" and quiet
    if visiting or there or speaking:
        for subj in subjects(parsed, verb):
            add(subj, "participant")


def _untagged_infinitive(parsed: ParsedText, head: Token, actors: ActorIndex, add: AddParty) -> None:
    """ "Lee is due to host Trump for a working lunch": the small model reads "due to" as a
    preposition and "host" as a noun, so the verb is found by its words: "to", a hosting or
    meeting verb, a party, then "for" and the meeting."""
    toks = parsed.tokens
    prep = toks[head.head]
    if head.dep != "pobj" or prep.lower != "for":
        return
    j = prep.i - 1
    while j > 0 and actors.at(j) is not None:
        j -= 1  # back over the guest's name
    word = toks[j]
    if j == prep.i - 1 or word.pos == "VERB" or toks[j - 1].lower != "to":
        return
    if word.lower not in HOSTING_A_GUEST:
        return
    verb = governing_verb(parsed, prep.i)
    if verb is None:
        return
    add(toks[j + 1], "participant")
    for subj in subjects(parsed, verb, actors):
        add(subj, "organizer" if word.lower in RECEIVING_A_GUEST else "participant")


def positions_taken(parsed: ParsedText, sent: int, actors: ActorIndex, held: bool = True) -> list[PartyRole]:
    """Parties a sentence shows at a meeting: in the passage on a held one, those taking a position
    ("The EU and Japan wanted the reports by 2028", "China sided with India against the
    schedule"); on any, those said to be expected ("X and Y are among those expected")."""
    sentence = parsed.sentences[sent]
    found: list[PartyRole] = []
    add = _collector(parsed, actors, found)
    for verb in parsed.tokens[sentence.start_token : sentence.end_token]:
        if _among_those_expected(parsed, verb):
            # "Li, Modi and Starmer are among those expected": the passage's gathering's guests
            for subj in subjects(parsed, verb, actors):
                add(subj, "participant")
            continue
        if not held or verb.pos != "VERB" or verb.lemma.lower() not in STANCE_VERBS:
            continue
        kids = parsed.children(verb.i)
        misread_past = verb.tag == "VBN" and verb.dep == "ROOT" and not any(c.dep == "aux" for c in kids)
        if verb_tense(parsed, verb) != "past" and not misread_past:
            continue
        if verb.tag not in {"VBD", "VBN"} or any(c.dep in {"neg", "auxpass", "nsubjpass"} for c in kids):
            continue  # a finite, active, affirmed stance: "wanted", "had argued"; not "was blocked"
        for subj in subjects(parsed, verb, actors):
            add(subj, "participant")
        for c in parsed.children(verb.i):
            if c.dep == "prep" and c.lower == "with" and verb.lemma.lower() == "side":
                _add_objects(parsed, c, add)
    return found


def qualifies_a_person(parsed: ParsedText, m: ActorMention, actors: ActorIndex) -> bool:
    """ "Finland's Alexander Stubb", "European Council President Donald Tusk" however they are
    parsed: a country or organization right before a title and a person's name, or in the
    possessive before it, describes that person."""
    if m.actor is None or m.actor.kind == "person":
        return False
    toks = parsed.tokens
    if _describes_in_apposition(parsed, m, actors):
        return True
    k = m.end_token
    if k < len(toks) and toks[k].tag == "POS":
        k += 1
    elif k >= len(toks) or toks[k].lemma.lower() not in TITLES | NAME_TITLES:
        return False
    for j in range(k, min(k + 5, len(toks))):
        other = actors.at(j)
        if other is not None and other.actor is not None and other.actor.kind == "person":
            return True
        if toks[j].pos not in {"ADJ", "NOUN", "PROPN"}:
            return False
    return False


def _describes_in_apposition(parsed: ParsedText, m: ActorMention, actors: ActorIndex) -> bool:
    """ "Mogherini, the EU's foreign policy chief", "Guterres, the UN secretary": the party whose
    office an apposition gives a person describes that person."""
    toks = parsed.tokens
    root = mention_root(parsed, m.start_token, m.end_token)
    if root.dep not in {"poss", "compound"}:
        return False
    office = toks[root.head]
    if office.dep != "appos" or office.lemma.lower() not in TITLES | NAME_TITLES:
        return False
    person = actors.at(office.head)
    return person is not None and person.actor is not None and person.actor.kind == "person"


def _stayed_away(parsed: ParsedText, verb: Token) -> bool:
    """A negated attendance or one under a refusal: "did not attend", "declined to join",
    "failed to attend"."""
    kids = parsed.children(verb.i)
    if any(c.dep == "neg" for c in kids):
        # ("did not sit down until late": it happened, late)
        return not any(c.lower in {"until", "till"} for c in kids)
    head = parsed.tokens[verb.head]
    # ("failed to agree at the talks" was there, and failed at something else)
    return verb.dep == "xcomp" and head.lemma.lower() in GIVING_UP and verb.lemma.lower() not in SETTLING


def subjects(parsed: ParsedText, verb: Token, actors: ActorIndex | None = None) -> list[Token]:
    """The subject of a verb, through control, coordination and relative pronouns.

    "Kim went on to meet Lee" (meet <- went), "arrived and met" (conjuncts share a subject),
    "Brunei, which ... convened the session" (which -> Brunei), "wrote to the union inviting it
    to talks" (a pronoun object cannot be its own clause's subject: the writer invites).
    """
    for _ in range(4):  # "had been due to travel ... to meet": meet <- travel <- due <- been
        if actors is not None and _object_is_its_subject(parsed, verb, actors):
            host = governing_verb(parsed, verb.head)
            if host is None:
                return []
            verb = host
            continue
        subj = [c for c in parsed.children(verb.i) if c.dep in {"nsubj", "nsubjpass"}]
        if subj:
            return [
                relative_noun(parsed, verb) if s.tag in {"WDT", "WP"} and verb.dep == "relcl" else s
                for s in subj
            ]
        if verb.dep == "relcl" and any(c.tag in {"WDT", "WP"} for c in parsed.children(verb.i)):
            return [relative_noun(parsed, verb)]
        host = parsed.tokens[verb.head]
        if (
            verb.dep == "advcl"
            and verb.tag == "VBG"
            and verb.lemma.lower() in TELLING
            and host.dep == "ccomp"
            and parsed.tokens[host.head].lemma.lower() in SPEAKING_VERBS
        ):
            # "Powell said the bank was ready to wait, telling a hearing ...": the speaker tells,
            # though the parser hangs "telling" on the reported clause
            verb = parsed.tokens[host.head]
            continue
        if verb.dep == "pcomp":
            # "upheld the law after hearing arguments": the subject of the clause the phrase is on
            host = governing_verb(parsed, verb.head)
            if host is None or host.i == verb.i:
                return []
            verb = host
            continue
        if verb.dep not in {"xcomp", "conj", "advcl", "acomp"} or verb.head == verb.i:
            return []
        verb = parsed.tokens[verb.head]
    return []


def _object_is_its_subject(parsed: ParsedText, verb: Token, actors: ActorIndex) -> bool:
    """A pronoun object naming the party that looks like the verb's subject ("the union inviting
    it", or a misparse like "Lopez inviting her"): by binding that party is not the subject, and
    the clause above tells who is ("wrote to the union inviting it to talks")."""
    subjects = [c for c in parsed.children(verb.i) if c.dep == "nsubj" and c.tag != "PRP"]
    if not subjects and verb.dep == "acl" and verb.tag == "VBG":
        subjects = [parsed.tokens[verb.head]]
    owners = {m.actor for s in subjects for m in actors_in_phrase(parsed, s, actors)}
    for c in parsed.children(verb.i):
        if c.dep == "dobj" and c.tag == "PRP":
            m = actors.at(c.i)
            if m is not None and m.actor in owners:
                return True
    return False


def _clause_on_meeting(parsed: ParsedText, verb: Token, add: AddParty) -> None:
    """ "a meeting attended by X", "talks involving X", "the summit, which Brunei is hosting",
    "a call, which later widened to include X"."""
    verbs = [verb, *(c for c in parsed.children(verb.i) if c.dep == "xcomp")]
    verbs += [
        c for c in parsed.children(verb.i) if c.dep == "conj" and c.tag == "VBN"
    ]  # "held ... and led by X"
    for v in verbs:
        lemma = v.lemma.lower()
        for c in parsed.children(v.i):
            if c.dep == "agent":
                _add_objects(parsed, c, add, "organizer" if lemma in ORGANIZING else "participant")
            elif c.dep == "dobj" and lemma in INCLUDE_VERBS:
                add(c, "participant")
            elif c.dep == "nsubj" and c.tag not in {"WDT", "WP"} and lemma in AT_MEETING:
                add(c, "organizer" if lemma in ORGANIZING else "participant")
            elif c.dep == "prep" and c.lower in {"with", "between", "among"}:
                _add_objects(parsed, c, add)  # "a meeting held on Monday with Germany and Italy"
            elif c.dep == "nsubj" and v is verb and _during(parsed, verb):
                add(c, "participant")  # "the visit in February, when Trump and Vance berated him"
        if v is not verb and lemma in AT_MEETING and not any(c.dep == "nsubj" for c in parsed.children(v.i)):
            # "a meeting that she had planned to chair": the planner chairs
            for subj in subjects(parsed, v):
                if subj.tag not in {"WDT", "WP"}:
                    add(subj, "organizer" if lemma in ORGANIZING else "participant")


def _objects_of_preps_on(parsed: ParsedText, head: Token, preps: set[str]) -> list[Token]:
    """The objects of the given prepositions on a meeting noun, or on the verb it is the object
    of ("a meeting on migration", "hosted a meeting on migration")."""
    holders = [head]
    if head.dep == "dobj":
        holders.append(parsed.tokens[head.head])
    return [
        obj
        for holder in holders
        for prep in parsed.children(holder.i)
        if prep.dep == "prep" and prep.lower in preps
        for obj in parsed.children(prep.i)
        if obj.dep == "pobj"
    ]


def _with_after_topic(parsed: ParsedText, head: Token, add: AddParty) -> None:
    """ "a meeting on migration with a dozen governments": the parser hangs "with" on the topic;
    it names the meeting's parties."""
    for topic in _objects_of_preps_on(parsed, head, {"on", "about", "over", "regarding"}):
        for prep in parsed.children(topic.i):
            if prep.dep == "prep" and prep.lower in {"with", "between"}:
                _add_objects(parsed, prep, add)


def _when_clause(parsed: ParsedText, head: Token, add: AddParty) -> None:
    """ "the visit in February, when Trump and Vance berated him": a "when" clause on the
    meeting's time phrase."""
    for obj in _objects_of_preps_on(parsed, head, {"in", "on", "at", "during"}):
        rels = [rel for rel in parsed.children(obj.i) if rel.dep == "relcl" and _during(parsed, rel)]
        after = obj.i + 2
        if not rels and after < len(parsed.tokens) and parsed.tokens[obj.i + 1].lower == ",":
            # the same clause hung higher up by the parser: "visit in February, when ..."
            when = parsed.tokens[after]
            verb = parsed.tokens[when.head]
            if when.lower == "when" and when.dep == "advmod" and verb.pos == "VERB":
                rels = [verb]
        for rel in rels:
            for c in parsed.children(rel.i):
                if c.dep == "nsubj":
                    add(c, "participant")


def _during(parsed: ParsedText, verb: Token) -> bool:
    """A relative clause telling what happened at the meeting: "when ...", "at which ..."."""
    return verb.dep == "relcl" and any(
        c.lower in {"when", "where", "during", "at"} and c.dep in {"advmod", "prep"}
        for c in parsed.children(verb.i)
    )


def _add_objects(parsed: ParsedText, prep: Token, add: AddParty, role: Role = "participant") -> None:
    for c in parsed.children(prep.i):
        if c.dep == "pcomp":
            # "with Germany and Italy opposing the plan": the subject of the absolute clause
            for subj in parsed.children(c.i):
                if subj.dep == "nsubj":
                    add(subj, role)
        if c.dep in {"pobj", "pcomp"}:
            add(c, role)
            # "a call to Zelensky, which later widened to include Macron and Merz": "which" marks
            # a clause about the call, not about the person it hangs on.
            for rel in parsed.children(c.i):
                if rel.dep == "relcl" and any(k.tag == "WDT" for k in parsed.children(rel.i)):
                    for v in [rel, *(k for k in parsed.children(rel.i) if k.dep == "xcomp")]:
                        if v.lemma.lower() in INCLUDE_VERBS:
                            for obj in parsed.children(v.i):
                                if obj.dep == "dobj":
                                    add(obj, role)


def _traveller(parsed: ParsedText, head: Token, add: AddParty) -> None:
    """ "Trump landed in Singapore ahead of Tuesday's summit with Kim": a meeting "with" someone
    has another side, and one who travels to it is that side."""
    prep = parsed.tokens[head.head]
    if head.dep != "pobj" or prep.lower not in {"of", "for", "before", "to"}:
        return
    verb = parsed.tokens[prep.head]
    if verb.lower == "ahead":  # "ahead of"
        verb = parsed.tokens[verb.head]
    if verb.lemma.lower() in TRAVEL_VERBS:
        for subj in subjects(parsed, verb):
            add(subj, "participant")


def _host_of(parsed: ParsedText, head: Token, add: AddParty) -> None:
    """ "Justin Trudeau, the summit's host" / "the host of the talks": the organizer."""
    owner = parsed.tokens[head.head]
    if head.dep == "pobj" and owner.lower == "of":
        owner = parsed.tokens[owner.head]
    elif head.dep != "poss":
        return
    if owner.lemma.lower() not in HOST_NOUNS:
        return
    if owner.dep == "appos":
        add(parsed.tokens[owner.head], "organizer")
    for c in parsed.children(owner.i):
        if c.dep == "appos":
            add(c, "organizer")


def _conj_verbs(parsed: ParsedText, verb: Token) -> list[Token]:
    return [c for c in parsed.children(verb.i) if c.dep == "conj" and c.pos in {"VERB", "AUX"}]


# Nouns for who organizes a meeting: "the summit's host", "the host of the talks".
HOST_NOUNS = senses("host-noun")
# Those who came along with a party: "Trump, accompanied by Rubio".
ACCOMPANYING = senses("accompany")
# Who acts for a party before a court or at a table: "lawyers for TikTok".
COUNSEL = senses("counsel")
# Nouns for those who act for a party named after them: "delegations from Brazil", "the heads of X".
GROUP_HEADS = senses("group-head")


def _describes_the_person(parsed: ParsedText, root: int, appos: Token, actors: ActorIndex) -> bool:
    """An apposition that gives a named person's office ("Federica Mogherini, the EU's foreign policy
    chief", "Prince Ali, FIFA's presidential candidate"): a singular title naming no one else."""
    named = actors.at(root)
    return (
        named is not None
        and named.actor is not None
        and named.actor.kind == "person"
        and appos.tag == "NN"
        and appos.lemma.lower() in TITLES
        and not any(
            (m := actors.at(t.i)) is not None and m.actor is not None and m.actor.kind == "person"
            for t in parsed.subtree(appos.i)
        )
    )


# Nouns for the government a person leads, which acts for the country: "Netanyahu's government".
GOVERNMENTS = {"government", "administration", "cabinet", "regime"}


def _describes_the_party(parsed: ParsedText, root: int, appos: Token, actors: ActorIndex) -> bool:
    """An apposition that describes a named country or organization by a common noun ("Turkey, a
    NATO ally", "Hungary, the only EU member"): the names inside it qualify it, they are no party."""
    named = actors.at(root)
    return (
        named is not None
        and named.actor is not None
        and named.actor.kind in {"country", "organization"}
        and appos.pos == "NOUN"
        and appos.tag == "NN"
        and actors.at(appos.i) is None
    )


def _ends_a_relative(parsed: ParsedText, head: int, appos: Token) -> bool:
    """An "apposition" with no comma before it, right after a relative clause on the same noun: the
    clause's object the parser hung on the noun ("Estonia, whose governments back Kyiv, ...")."""
    before = parsed.tokens[appos.i - 1] if appos.i > 0 else None
    if before is None or before.pos == "PUNCT":
        return False
    return any(
        r.dep == "relcl" and r.i < appos.i and before.i in {t.i for t in parsed.subtree(r.i)}
        for r in parsed.children(head)
    )


def _owners(
    parsed: ParsedText, root: Token, found: list[ActorMention], actors: ActorIndex
) -> list[ActorMention]:
    """Those of `found` that only own the body the phrase names in its own right (its head, or a
    name compounded on it): "Netanyahu's Likud", "Orban's Fidesz party"."""
    named = [root, *(c for c in parsed.children(root.i) if c.dep == "compound" and c.pos == "PROPN")]
    bodies = [a.actor for t in named if (a := actors.at(t.i)) is not None and a.actor is not None]
    if not any(b.kind != "person" for b in bodies):
        return []
    heads = {t.i for t in named}
    return [
        m
        for m in found
        if m.actor not in bodies
        and (r := mention_root(parsed, m.start_token, m.end_token)).dep == "poss"
        and r.head in heads
    ]


def described_side(parsed: ParsedText, party: Token, actors: ActorIndex) -> ActorMention | None:
    """The side a plural phrase that names no actor describes, as one party of kind group named by
    the description: "private creditors", "student groups", "the striking junior doctors"; not a
    bare plural ("officials", "creditors"), one owned ("its members", "Samsung's unions"), nor one
    a name describes ("Belarusian team leaders" are Belarus's)."""
    if party.pos != "NOUN" or party.tag != "NNS" or party.lemma.lower() not in SIDES:
        return None
    toks = parsed.tokens
    kids = parsed.children(party.i)
    if any(c.dep == "poss" and (c.pos == "PRON" or actors.at(c.i) is not None) for c in kids):
        return None
    span = sorted(
        t.i
        for c in kids
        if c.i < party.i and c.dep in {"amod", "compound", "nmod", "poss"}
        for t in parsed.subtree(c.i)
    )
    while span and (toks[span[0]].pos in {"DET", "NUM", "PUNCT"} or toks[span[0]].lower in QUANTIFIERS):
        span.pop(0)
    if not span or any(actors.at(i) is not None or toks[i].ent_type in NAMING_ENTITIES for i in span):
        return None
    name = parsed.span_text(span[0], party.i + 1)
    return ActorMention(Actor(name, "group"), span[0], party.i + 1, toks[span[0]].start, party.end, name)


def actors_in_phrase(parsed: ParsedText, tok: Token, actors: ActorIndex) -> list[ActorMention]:
    """The actors a noun phrase names, one per coordinated or appositive member.

    Within a member, a person outranks the names that qualify them: "Italy's Giorgia Meloni",
    "TikTok chief executive Shou Chew" and "Brunei's foreign minister Erywan Yusof" are people;
    "foreign ministers of ASEAN" is ASEAN. Relative clauses and other phrases are not followed.
    """
    out: list[ActorMention] = []
    members, seen_members = [tok.i], set()
    while members:
        root = members.pop(0)
        if root in seen_members:
            continue
        seen_members.add(root)
        # "The National Union of Mineworkers, Solidarity and UASA": a list the parser hung on a
        # word inside the first member's name goes on after the name
        named = actors.at(root)
        if named is not None:
            members.extend(
                c.i
                for k in range(named.start_token, named.end_token)
                for c in parsed.children(k)
                if c.dep == "conj" and c.i >= named.end_token
            )
        found: list[ActorMention] = []
        stack, seen = [root], set()
        while stack:
            i = stack.pop()
            if i in seen:
                continue
            seen.add(i)
            for m in [actors.at(i), *actors.plural_at(i)]:
                if m is not None and m.actor is not None and all(m is not o for o in found):
                    found.append(m)
            for c in parsed.children(i):
                if c.dep == "appos" and _ends_a_relative(parsed, i, c):
                    continue  # "Estonia, whose governments back Kyiv, ...": the clause's, not a member
                if c.dep == "appos" and _describes_the_person(parsed, root, c, actors):
                    continue  # "Mogherini, the EU's foreign policy chief": the EU only qualifies her
                if c.dep == "appos" and _describes_the_party(parsed, root, c, actors):
                    # "Hungary, the only EU member left out, or Turkey": the EU only qualifies
                    # Hungary (but a party coordinated on the description is one more member)
                    members.extend(k.i for k in parsed.children(c.i) if k.dep == "conj")
                    continue
                if c.dep in {"conj", "appos"}:
                    members.append(c.i)
                elif c.dep in {"compound", "poss", "nmod", "amod"}:
                    stack.append(c.i)
                elif c.dep == "prep" and c.lower in {"as", "including", "like"}:
                    members.extend(g.i for g in parsed.children(c.i) if g.dep == "pobj")
                elif c.dep == "acl" and c.lemma.lower() in ACCOMPANYING:
                    # "Trump, accompanied by Rubio and Witkoff": those who came along
                    members.extend(
                        o.i for a in parsed.children(c.i) if a.dep == "agent" for o in parsed.children(a.i)
                    )
                elif (
                    c.dep == "prep"
                    and c.lower in {"of", "from", "for"}
                    and parsed.tokens[i].lemma.lower() in GROUP_HEADS
                    and (c.lower != "for" or parsed.tokens[i].lemma.lower() in COUNSEL)
                ):
                    # "delegations from Brazil", "the heads of X and of Y", "lawyers for TikTok"
                    preps = [c, *(k for k in parsed.children(c.i) if k.dep == "conj" and k.pos == "ADP")]
                    stack.extend(g.i for p in preps for g in parsed.children(p.i) if g.dep == "pobj")
        people = [m for m in found if m.actor is not None and m.actor.kind == "person"]
        root_tok = parsed.tokens[root]
        owners = _owners(parsed, root_tok, found, actors)
        if owners:
            # "Netanyahu's Likud", "Orban's Fidesz party": the body, not who leads or owns it
            found = [m for m in found if all(m is not o for o in owners)]
            people = [m for m in people if all(m is not o for o in owners)]
        if (
            not people
            and root_tok.lemma.lower() in TITLES | GROUP_HEADS
            and root_tok.tag == "NN"
            and actors.at(root) is None
            and not any(c.lower in {"a", "an"} for c in parsed.children(root))
            and (
                (
                    root_tok.lemma.lower() in TITLES
                    and all(m.actor is None or m.actor.kind == "country" for m in found)
                )
                or any(
                    t.dep == "appos"
                    and (p := actors.at(t.i)) is not None
                    and p.actor is not None
                    and p.actor.kind == "person"
                    for t in parsed.subtree(root)
                )
            )
        ):
            # "the US president" whom we cannot name: the US is not the party. (Plural "Boeing
            # executives" are Boeing, and so are "a representative from Chile" and "the chair of
            # the Environment Agency"; but "ASEAN's envoy, Erywan Yusof" and "the Russian member of
            # the council, Mikhail Butov" are the person alone.)
            continue
        if people and root_tok.lemma.lower() in GOVERNMENTS and actors.at(root) is None:
            # "the government of Benjamin Netanyahu", "Ghani's government": the country it governs
            nations = [
                n for p in people if p.actor is not None and (n := actors.nation_of(p.actor)) is not None
            ]
            if len(nations) == len(people) == 1:
                people = [replace(people[0], actor=nations[0])]
        for m in people or found:
            if all(m is not o for o in out):
                out.append(m)
    return out
