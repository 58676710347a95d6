"""Meeting triggers: the nouns and verbs that name a gathering ("summit", "talks", "met").

A word is a trigger by its lemma and its syntax: "talks" the plural noun, not "talks" the verb;
"meet" with a person, not "meet demands"; "phone call", not "called for"; a meeting noun that heads its
phrase, not one that only modifies another ("negotiation framework").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Set
from dataclasses import dataclass
from typing import Literal

from app.extraction.actors.words import COUNTS, NAME_TITLES, PAIR_NOUNS, TITLES
from app.extraction.grammar import controlled_subjects
from app.extraction.lexicon.wordsets import grouped, keyed, senses
from app.extraction.parsed import ParsedText, Token

# Nouns that name a gathering of parties, by the grammatical number they need to mean one ("talks"
# and "discussions" name a meeting in the plural; "a talk" is a lecture).
MEETING_NOUNS = keyed("meeting_nouns", "lemma", "number")
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)")
# Nouns for one instance of a meeting series: "a further round of negotiations".
INSTANCE_NOUNS = senses("meeting-instance")
# ... and for a part or span of a meeting: "at the opening of a hearing", "two weeks of talks".
MEETING_PARTS = senses("meeting-instance", "meeting-part")
# Verbs that hold a round of talks.
ROUND_VERBS = senses("hold-round")
# Negotiations whose rounds a bare "round" may be: "talks", "negotiations".
NEGOTIATIONS_PLURAL = {f"{lemma}s" for lemma in senses("talks")}
# "reached the second round", "lost in the first round": a stage of a contest.
STAGE_VERBS = senses("contest-stage")
# Nouns that are meetings only with one of these modifiers ("phone call", "working lunch").
NEEDS_MODIFIER = grouped("meeting_noun_modifiers", "lemma", "modifier")
# Nouns that are meetings only with a party after them: "an audience with the Pope".
NEEDS_WITH = senses("meeting-needs-with")
# Modifiers that make a meeting noun something else ("press conference" is a statement).
NOT_MEETING_MODIFIERS = senses("not-meeting-modifier")
# Habitual series are no single gathering: "regular discussions", "frequent calls" (but "a regular
# council session" is one).
HABITUAL = senses("habitual")
# Verbs of people coming together (FrameNet Come_together), a gathering when they have a subject
# and no object: "the leaders will gather in Canada", "lawmakers assembled at noon".
COME_TOGETHER = senses("come-together")
NOUN_TAGGED_VERBS = senses("noun-tagged-verb")
# "on the sidelines of the summit": beside a gathering (sidelines_on)
SIDELINES = senses("sidelines")
EDITIONS = senses("edition")
# ... but a crowd coming together is a rally, not a meeting of parties: "supporters gathered".
CROWDS = senses("crowd")
# "meet" that is not a gathering: "meet demands", "meet the deadline".
NON_MEETING_OBJECTS = senses("meet-non-party-object")
MEETING_VERBS = senses("meet")
# Agreeing or deciding over a medium is a call: "agreed with Lula by phone".
AGREEING = senses("agree-over-medium")
CALL_MEDIA = senses("call-medium")
HOSTED_PEOPLE = senses("hosted-person")
# Nouns that name people by their office (titles.tsv): "a lunch with ambassadors", "met the envoys".
PEOPLE_BY_OFFICE = TITLES - {"spokesman", "spokesperson", "spokeswoman"}
# Words that stand for a person met ("the visiting premier", "his counterpart"), and the titles
# before a name the tagger may leave untagged ("President Ruto"); built once, read per token.
PEOPLE_WORDS = HOSTED_PEOPLE | PEOPLE_BY_OFFICE
TITLES_BEFORE_NAMES = PEOPLE_BY_OFFICE | NAME_TITLES
OBJECT_PRONOUNS = {"him", "her", "them"}
COPRESENCE_VERBS = senses("copresence")
ATTENDANCE_VERBS = senses("attend")
# What an occasion named as subject does as it takes place: "the Munich Security Conference opened".
OCCASION_VERBS = senses("happen", "end")
# Determiners and modifiers that say how a mention relates to gatherings already mentioned.
NOVEL_MARKERS = senses("novel-marker")
BACK_MARKERS = senses("back-marker")
# A gathering of its own beside the one told: "his own call with Biden", "received Pompeo alone".
APART_MARKERS = senses("apart-marker")
# What a gathering turns into is that same gathering: "a call that grew into a summit".
BECOMING = senses("become")
# Attending "in his place", "in person": a phrase of manner or stead, no object of the attending.
STEAD = senses("stead")
# FrameNet Contacting: verbs of reaching a party by phone ("phoned Putin", "called the chancellor").
CONTACT_VERBS = senses("contact")
# Verbs that take part in a call-like noun, which then needs no modifier: "held a call", "joined a call".
CALL_LIGHT_VERBS = senses("call-light-verb")
CALL_NOUNS = senses("call-noun")
REMOTE_NOUNS = CALL_NOUNS | CALL_MEDIA  # "a call", "a videoconference": met over a line
# FrameNet Discussion: verbs that are a gathering with a party ("negotiated with the rebels") or
# between parties named together ("Abe and Modi discussed trade").
DISCUSSION_VERBS = senses("discuss")
# FrameNet Visiting/Meet_with from the host's side: "received the Pope", "was received by the king".
GUEST_VERBS = senses("receive-guest")
# Entity types of a proper noun that is no person: "was received by Parliament", "by Algeria".
NOT_PEOPLE = {"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
# Dependents that open a clause of their own: what they tell is not the verb's phrase.
OTHER_CLAUSES = {"conj", "cc", "advcl", "relcl", "ccomp", "parataxis", "acl"}
# Buildings where a head of state or government receives guests: "received at the palace".
SEATS_OF_POWER = senses("seat-of-power")
# FrameNet Social_event: a meal with a party is a meeting ("dined with the king").
MEAL_VERBS = senses("share-meal")
MEAL_NOUNS = senses("meal")
# FrameNet Social_event: the verbs of a host, whose object is the occasion ("hosted a dinner",
# "a lunch given by the king"); with the attending verbs, a meal that is an occasion, not a plate.
OCCASION_HOSTS = senses("host-occasion")
# Nouns of an exchange that is a gathering only where it is held as an occasion, hosted, attended or
# placed ("held a strategic dialogue in Pretoria"); "initiate a dialogue with Putin" is a process.
OCCASION_NOUNS = senses("occasion-noun")
# Time spent with a party: "spent three hours with Putin".
SPENDING_TIME = senses("spend-time")
# "shakes hands with Xi": the handshake a caption reports is a meeting.
HAND_SHAKES = senses("hand-shake")
# "get together", "come together": people gathering.
TOGETHER_VERBS = senses("together-verb")
# "called on the premier": a visit ("called on Iran to stop" is an appeal).
VISITING_ON = senses("visit-on")
# "played host to Macron": hosting a party.
PLAYING_HOST = senses("play-host")
# "paid a courtesy call on the king": the call is a visit.
PAYING_CALLS = senses("pay-call")
WISHING = {"want", "like", "love", "hate", "wish"}
PERSONAL_PRONOUNS = {"he", "she", "they", "we", "i"}
# Spans of time spent with a party or in talks: "spent three hours with", "two days of talks".
TIME_SPANS = {"time", "hour", "minute", "day", "morning", "afternoon", "evening", "night", "week", "weekend"}
# "five hours of testimony", "four days of bargaining": a meeting measured by the time spent in it.
SPENT_IN = senses("spent-in")
# "was called before the committee", "hauled before MPs": brought to a hearing.
SUMMONED_BEFORE = senses("summon-before")
# FrameNet Questioning: a hearing body questioning a party holds a hearing ("the committee grilled him").
QUESTIONING = senses("question-as-hearing")
# FrameNet Summoning and Visiting: summoning parties, visiting a person ("summoned the two sides",
# "visited Macron in Paris"); a country or a company visited is a trip, no meeting.
SUMMONING = senses("summon-party")
# FrameNet Telling (briefing a party) and a hearing body hearing a case: "briefed the chancellor",
# "the court will hear the appeal"; the press briefed is a news conference.
BRIEFING = senses("brief-party")
HEARING_A_CASE = senses("hear-case")
# Telling or addressing a body that sits, and a body taking up a matter: a session with it.
TELLING_BODIES = senses("tell-body")
TAKING_UP = senses("take-up")
CASE_NOUNS = senses("case-noun")
PRESS = senses("press")
VISITING = senses("visit-person")
# "gave evidence to the committee": testifying with a light verb and its noun.
GIVING_EVIDENCE = senses("give-evidence")
EVIDENCE_NOUNS = senses("evidence-noun")
# Verbs of a hearing: "testified before the committee", "appeared before the panel".
HEARING_VERBS = senses("testify")
HEARING_BODIES = senses("hearing-body")
# Who may be summoned or talk together by a plural noun: "the two sides", "his ministers", "the board".
SUMMONED_NOUNS = PAIR_NOUNS.keys() | HEARING_BODIES
PEOPLE_IN_NUMBERS = PAIR_NOUNS.keys() | PEOPLE_BY_OFFICE
# Conference series named by an acronym and an edition: "COP28", "COP 29".
CONFERENCE_SERIES = senses("conference-series")
_EDITION = re.compile(r"([a-z]+)-?(\d{1,4})")
# Entities that can be a side of a call or a discussion.
_PARTY_ENTITIES = {"PERSON", "GPE", "NORP", "ORG"}


@dataclass(frozen=True, slots=True)
class Trigger:
    head: int  # token index of the noun or verb
    start_token: int
    end_token: int  # exclusive
    start: int
    end: int
    text: str
    kind: Literal["noun", "verb"]
    lemma: str
    definite: bool  # "the summit", "Tuesday's summit", "that meeting": points back
    novel: bool  # "another meeting", "the next summit": a new gathering
    back: bool  # "the earlier meeting", "the previous visit"
    anaphoric: bool = False  # "asked to attend", "could join": only names a gathering in context
    demonstrative: bool = False  # "that meeting", "those talks": the one just spoken of
    distributive: bool = False  # "both sessions", "the two hearings": the gatherings just named
    remote: bool = False  # "a phone call", "spoke by video", "phoned Putin": met over a line, not in person


def find_triggers(parsed: ParsedText) -> list[Trigger]:
    """Every meeting mention in `parsed`, in text order."""
    out: list[Trigger] = []
    for tok in parsed.tokens:
        if tok.pos in {"NOUN", "PROPN"} and _is_conference_edition(parsed, tok):
            out.append(_make(parsed, tok, tok.i, _edition_end(parsed, tok), "noun"))
        elif (
            (tok.pos in {"NOUN", "PROPN"} and _is_meeting_noun(parsed, tok))
            or _time_spent_in(parsed, tok)
            or _on_the_line_with(parsed, tok)
        ):
            out.append(_noun_trigger(parsed, tok))
        elif _as_verb(tok) and _is_meeting_verb(parsed, tok):
            out.append(_make(parsed, tok, tok.i, tok.i + 1, "verb"))
        elif tok.pos == "VERB" and _is_bare_attendance(parsed, tok):
            trigger = _make(parsed, tok, tok.i, tok.i + 1, "verb")
            out.append(dataclasses.replace(trigger, anaphoric=True))
    return out


def _as_verb(tok: Token) -> bool:
    """A verb, or a meeting verb with no noun sense that the tagger took for a noun ("the panel next
    convenes", "is due to reconvene")."""
    return tok.pos == "VERB" or (tok.pos == "NOUN" and tok.lemma.lower() in NOUN_TAGGED_VERBS)


def _on_the_line_with(parsed: ParsedText, tok: Token) -> bool:
    """ "was on the phone with Netanyahu", "got on the phone with Erdogan": on a call medium with a
    party is a call (the party after "with", on the medium or on the verb)."""
    if tok.lemma.lower() not in CALL_MEDIA or tok.pos != "NOUN" or tok.dep != "pobj":
        return False
    on = parsed.tokens[tok.head]
    if on.lower != "on":
        return False
    return _with_party(parsed, tok) or _with_party(parsed, parsed.tokens[on.head])


def _time_spent_in(parsed: ParsedText, tok: Token) -> bool:
    """ "nearly five hours of testimony", "three days of hard bargaining": a noun of a hearing or a
    negotiation measured by the hours or days spent in it, or by its rounds, is that meeting (alone,
    "his testimony contradicted hers" is what was said)."""
    # (the tagger calls the gerund a verb as often as a noun: "hours of questioning")
    if tok.lower not in SPENT_IN or tok.pos not in {"NOUN", "VERB"} or tok.dep not in {"pobj", "pcomp"}:
        return False
    of = parsed.tokens[tok.head]
    # (or by one of its rounds: "a sixth round of bargaining", "another session of questioning")
    measure = parsed.tokens[of.head].lemma.lower()
    return of.lower == "of" and (measure in TIME_SPANS or measure in INSTANCE_NOUNS)


def _is_bare_attendance(parsed: ParsedText, tok: Token) -> bool:
    """Attending with no object: "will be asked to attend in his place", "so they could join",
    "paused its strikes to take part". The gathering is the one just mentioned."""
    lemma = tok.lemma.lower()
    kids = parsed.children(tok.i)
    if lemma == "take":
        return any(c.dep == "dobj" and c.lower == "part" for c in kids) and not any(
            c.dep == "prep" for c in kids
        )
    if lemma == "sit":
        # "the two men did not sit down until late": together, at the gathering just mentioned
        return any(c.dep == "prt" and c.lower == "down" for c in kids) and _several_subjects(parsed, tok)
    if lemma in COPRESENCE_VERBS:
        # "Lavrov and Ushakov flanked Putin", "Macron greeted the chancellor": being there together,
        # at the gathering just mentioned (never a gathering of its own)
        return any(c.dep == "dobj" and c.pos in {"PROPN", "PRON"} for c in kids) and any(
            c.dep == "nsubj" for c in kids
        )
    if lemma not in ATTENDANCE_VERBS:
        return False
    # "attend in his place", "join by video", "attend in person"; not "join the army", "join in
    # the protests"
    return not any(
        c.dep in {"dobj", "prep", "xcomp", "ccomp", "pobj"} and not _manner(parsed, c) for c in kids
    )


def _manner(parsed: ParsedText, prep: Token) -> bool:
    """A prepositional phrase of manner or stead: "by video", "in person", "in his place"."""
    if prep.dep != "prep":
        return False
    if prep.lower == "by":
        return True
    return prep.lower == "in" and any(
        o.lemma.lower() in STEAD for o in parsed.children(prep.i) if o.dep == "pobj"
    )


def _is_meeting_noun(parsed: ParsedText, tok: Token) -> bool:
    return _meeting_noun_in_itself(parsed, tok) and not _part_of_another_mention(parsed, tok)


def noun_lemma(parsed: ParsedText, tok: Token) -> str:
    """A noun's lemma, whole where the tokenizer split a hyphenated meeting noun: "sit-down" (the
    parser makes "sit" a compound of "down"), "get-together"."""
    lemma = tok.lemma.lower()
    if tok.i >= 2 and parsed.tokens[tok.i - 1].text == "-":
        joined = f"{parsed.tokens[tok.i - 2].lower}-{lemma}"
        if joined in MEETING_NOUNS:
            return joined
    return lemma


def _meeting_noun_in_itself(parsed: ParsedText, tok: Token) -> bool:
    """A meeting noun, whatever the mention around it."""
    lemma = noun_lemma(parsed, tok)
    if tok.dep == "pobj" and parsed.tokens[tok.head].lower == "without":
        return False  # "without credible negotiations": a meeting said not to exist
    number = MEETING_NOUNS.get(lemma)
    if number is None or tok.ent_type == "PERSON" or tok.text in parsed.surnames:
        return False  # "Sessions" the senator (where the tagger calls the surname alone a noun)
    named = tok.pos == "PROPN" and lemma != "summit" and not tok.text.islower()
    if named and not _named_occasion(parsed, tok):
        return False  # "Congress" the legislature is not a congress (a tagger's lower-case PROPN is)
    if number == "plural" and tok.tag != "NNS":
        return False
    if tok.dep == "compound" and parsed.tokens[tok.head].lemma.lower() not in MEETING_NOUNS:
        return False  # "negotiation framework", "summit venue"
    if _describes_a_body(parsed, tok):
        return False  # "the European Political Community, a new forum ...": what the body is
    modifiers = {c.lower for c in parsed.children(tok.i) if c.dep in {"compound", "amod", "nmod"}}
    if NOT_MEETING_MODIFIERS & modifiers or (tok.tag == "NNS" and HABITUAL & modifiers):
        return False
    if tok.tag == "NNS" and _compared(parsed, tok):
        return False  # "promised shorter and more focused summits": a kind of meeting, none held
    if lemma in NEEDS_WITH and not _has_with(parsed, tok):
        return False
    if lemma == "round" and not _is_negotiating_round(parsed, tok):
        return False
    if lemma in OCCASION_NOUNS:
        return _held_occasion(parsed, tok, guests=False) or _placed(parsed, tok)
    needed = NEEDS_MODIFIER.get(lemma)
    if needed is None or needed & modifiers or _with_party(parsed, tok):
        return True
    if tok.dep == "dobj" and _with_party(parsed, parsed.tokens[tok.head]):
        return True  # "had lunch with Abe": the party hangs on the verb that has the meal
    if tok.dep == "pobj" and parsed.tokens[tok.head].lower == "over" and lemma in MEAL_NOUNS:
        return True  # "sealed the deal over dinner": a meal shared (FrameNet Social_event)
    if lemma in MEAL_NOUNS and _held_occasion(parsed, tok, guests=True):
        return True  # "hosted a dinner for the delegations", "a lunch given by the king"
    paying = tok.dep == "dobj" and parsed.tokens[tok.head].lemma.lower() in PAYING_CALLS
    if paying and _party_after(parsed, tok, {"on"}):
        return True  # "paid a courtesy call on the king"
    return lemma in CALL_NOUNS and _taken_part_in(parsed, tok)


def _held_occasion(parsed: ParsedText, tok: Token, guests: bool) -> bool:
    """A meal or an exchange held as an occasion (FrameNet Social_event): hosted, given or attended
    ("hosted a dinner", "the dialogue was held by", "attended a lunch", "a dinner hosted by the
    mayor"), or, with `guests`, held for or of its guests ("a dinner for the visiting ministers", "a
    breakfast of finance ministers") or where guests are hosted ("hosted them at a dinner"); not a
    meal eaten ("had dinner", "skipped lunch")."""
    head = parsed.tokens[tok.head].lemma.lower()
    if tok.dep in {"dobj", "nsubjpass"} and (head in OCCASION_HOSTS or head in ATTENDANCE_VERBS):
        return True
    kids = parsed.children(tok.i)
    if any(c.dep in {"acl", "relcl"} and c.lemma.lower() in OCCASION_HOSTS for c in kids):
        return True
    if guests and _guests_received_at(parsed, tok):
        return True
    return guests and _party_after(parsed, tok, {"for", "of"})


def _guests_received_at(parsed: ParsedText, tok: Token) -> bool:
    """Guests hosted or received at or for the meal: "hosted the visitors at a dinner", "will host him
    for lunch", "received the envoys at a banquet"."""
    prep = parsed.tokens[tok.head]
    if tok.dep != "pobj" or prep.lower not in {"at", "for", "over"}:
        return False
    verb = parsed.tokens[prep.head]
    return verb.lemma.lower() in OCCASION_HOSTS | GUEST_VERBS and _person_object(parsed, verb)


def _placed(parsed: ParsedText, tok: Token) -> bool:
    """Held somewhere named: "a dialogue in Pretoria", "a dialogue at the Elysee"."""
    return any(
        c.dep == "prep"
        and c.lower in {"in", "at"}
        and any(o.dep == "pobj" and o.ent_type in {"GPE", "FAC", "LOC"} for o in parsed.children(c.i))
        for c in parsed.children(tok.i)
    )


def _has_with(parsed: ParsedText, tok: Token) -> bool:
    """A "with" phrase on the noun, or on the verb it is the object of: "an audience with the king",
    "had tea with the prime minister"."""
    holders = [tok, parsed.tokens[tok.head]] if tok.dep == "dobj" else [tok]
    return any(c.dep == "prep" and c.lower == "with" for h in holders for c in parsed.children(h.i))


def _describes_a_body(parsed: ParsedText, tok: Token) -> bool:
    """A meeting noun that says what an organization is: in apposition to its name ("APEC, a forum
    of 21 economies") or the predicate of it ("the G20 is the premier forum for ..."); the name is
    of a body, so the noun is no gathering held."""
    toks = parsed.tokens
    head = toks[tok.head]
    if tok.dep == "attr" and head.lemma == "be":
        named = [c for c in parsed.children(head.i) if c.dep == "nsubj"]
    else:
        # an apposition, read off the words: the parser often hangs it on the verb instead
        start = min([tok.i, *(c.i for c in parsed.children(tok.i) if c.i < tok.i)])
        # ("the Bank of Japan, whose policy meeting starts ..." is a relative, no apposition)
        appos = start >= 2 and toks[start - 1].text == "," and toks[start].lower in {"a", "an", "the"}
        named = [toks[start - 2]] if appos else []
    return any(n.ent_type == "ORG" and n.lemma.lower() not in MEETING_NOUNS for n in named)


def _part_of_another_mention(parsed: ParsedText, tok: Token) -> bool:
    """A meeting noun inside another mention of the same gathering: the modifier of a meeting noun
    that is a trigger ("conference call" is one mention, not two), or the medium of a meeting verb
    ("met by videoconference", "meeting by conference call": the verb is the mention)."""
    # Up a chain of compounds ("video conference call"): a meeting noun above makes this one its
    # modifier. One walk up, not a recursion through _is_meeting_noun at each step (which doubled
    # the work per step: "meeting meeting meeting ..." took exponential time).
    while tok.dep == "compound" and tok.head != tok.i:
        tok = parsed.tokens[tok.head]
        if _meeting_noun_in_itself(parsed, tok):
            return True
    head = parsed.tokens[tok.head]
    if tok.dep != "pobj" or head.lower not in {"by", "over", "via"}:
        return False
    verb = parsed.tokens[head.head]
    return verb.pos == "VERB" and verb.lemma.lower() in MEETING_VERBS | DISCUSSION_VERBS


def _named_occasion(parsed: ParsedText, tok: Token) -> bool:
    """A named body or series met as an occasion: "at the Munich Security Conference", "during the
    World Economic Forum", "attended the Party Congress", "on the margins of the General Assembly",
    "its annual General Assembly"; the name alone ("Congress passed") is the body, not a gathering."""
    if tok.ent_type == "EVENT":
        return True
    kids = parsed.children(tok.i)
    if any(
        (c.dep == "amod" and c.lemma.lower() in EDITIONS) or (c.dep == "poss" and c.ent_type == "DATE")
        for c in kids
    ):
        return True  # one sitting of it: "its annual General Assembly", "last May's World Health Assembly"
    head = parsed.tokens[tok.head]
    if tok.dep == "pobj" and head.lower == "of" and parsed.tokens[head.head].lower in SIDELINES:
        return True  # "on the margins of the U.N. General Assembly"
    if tok.dep in {"nsubj", "nsubjpass"} and head.lemma.lower() in OCCASION_VERBS:
        # "the Munich Security Conference opened on Friday": a name of several words that opens or
        # ends is an occasion ("Congress opened" alone may be the legislature's term)
        return any(c.dep == "compound" for c in parsed.children(tok.i))
    if tok.dep == "pobj":
        return head.lower in {"at", "during"}
    return tok.dep == "dobj" and head.lemma.lower() in ATTENDANCE_VERBS


def _is_conference_edition(parsed: ParsedText, tok: Token) -> bool:
    """One edition of a conference series named by acronym and number: "COP28", "COP 29"."""
    edition = _EDITION.fullmatch(tok.lower)
    if edition is not None:
        return edition.group(1) in CONFERENCE_SERIES
    return tok.lower in CONFERENCE_SERIES and tok.text.isupper() and _edition_end(parsed, tok) > tok.i + 1


def _edition_end(parsed: ParsedText, tok: Token) -> int:
    """The end of "COP 29": the number after the acronym, if any."""
    after = tok.i + 1
    number = parsed.tokens[after].text if after < len(parsed.tokens) else ""
    if number.isdigit() and len(number) <= 4:
        return after + 1
    return tok.i + 1


def _taken_part_in(parsed: ParsedText, tok: Token) -> bool:
    """A call held, joined or had: "held a call", "joined the call", "was on a call"."""
    head = parsed.tokens[tok.head]
    if any(
        c.dep == "prep"
        and c.lower == "for"
        and any(o.dep == "pobj" and o.ent_type not in {"DATE", "TIME"} for o in parsed.children(c.i))
        for c in parsed.children(tok.i)
    ):
        return False  # "a call for calm" (but "a call for Monday")
    if tok.dep == "dobj":
        return head.lemma.lower() in CALL_LIGHT_VERBS
    return (
        tok.dep == "pobj"
        and head.lower == "on"
        and parsed.tokens[head.head].lemma.lower() in CALL_LIGHT_VERBS | {"be"}
    )


def _is_party(tok: Token, entities: frozenset[str] | set[str] = _PARTY_ENTITIES) -> bool:
    """A token that can be a side of a call or a talk: a named person, country, group, or a
    pronoun or title standing for one ("him", "his counterpart")."""
    return tok.ent_type in entities or tok.lower in OBJECT_PRONOUNS or tok.lemma.lower() in PEOPLE_WORDS


def _with_party(parsed: ParsedText, tok: Token) -> bool:
    """A call or a talk with a named party: "a call with Putin", "negotiated with the Taliban",
    "a call between Biden and Xi" ("a call with reporters" is a briefing)."""
    return _party_after(parsed, tok, {"with", "between"})


def _party_after(parsed: ParsedText, tok: Token, preps: Set[str]) -> bool:
    """A party as the object of one of `preps` on the token: "with Putin", "on the king", "host to Macron"."""
    return any(
        c.dep == "prep"
        and c.lower in preps
        and any(o.dep == "pobj" and _party_named(parsed, o) for o in parsed.children(c.i))
        for c in parsed.children(tok.i)
    )


def _party_named(parsed: ParsedText, tok: Token) -> bool:
    """A party, a name after a title the tagger left untagged ("President Ruto"), or the surname of
    someone the text names in full that the tagger missed here ("called on Turnbull", tagged a title)."""
    return _is_party(tok) or _titled(parsed, tok) or (tok.pos == "PROPN" and tok.text in parsed.surnames)


def _titled(parsed: ParsedText, tok: Token) -> bool:
    """A name after a title, which the tagger may leave untagged: "President Ruto", "King Harald"."""
    return tok.pos == "PROPN" and any(
        c.dep == "compound" and c.lemma.lower() in TITLES_BEFORE_NAMES for c in parsed.children(tok.i)
    )


def _person_object(parsed: ParsedText, tok: Token) -> bool:
    """A person as the verb's object: a named or titled person, "him"/"her", or an office ("the
    visiting premier")."""
    return any(c.dep == "dobj" and _is_person(parsed, c) for c in parsed.children(tok.i))


def _is_person(parsed: ParsedText, tok: Token) -> bool:
    """A named or titled person, a personal pronoun, or an office ("the visiting premier"); a name
    counts where the text names that person in full anywhere."""
    return (
        tok.ent_type == "PERSON"
        or tok.lower in {"him", "her", "he", "she"}
        or _titled(parsed, tok)
        or tok.lemma.lower() in PEOPLE_WORDS
        # a surname the tagger names in full elsewhere but misses here ("Trump" tagged ORG)
        or (tok.pos == "PROPN" and tok.text in parsed.surnames)
    )


def part_of(parsed: ParsedText, tok: Token) -> Token | None:
    """The round or part a meeting noun is named in, which stands for it in its clause: "hold a
    fourth round of talks", "at the opening of a hearing" -> round, opening."""
    of = parsed.tokens[tok.head]
    part = parsed.tokens[of.head]
    if tok.dep == "pobj" and of.lower == "of" and of.i != of.head and part.lemma.lower() in MEETING_PARTS:
        return part
    return None


def _compared(parsed: ParsedText, tok: Token) -> bool:
    """A plural with a comparative on it and no determiner: meetings of a kind, in general."""
    kids = parsed.children(tok.i)
    if any(c.dep in {"det", "poss", "nummod"} for c in kids):
        return False
    amods = [c for c in kids if c.dep == "amod"]
    amods += [k for a in amods for k in parsed.children(a.i) if k.dep == "conj"]
    return any(
        a.tag in {"JJR", "RBR"} or any(k.lower in {"more", "less", "fewer"} for k in parsed.children(a.i))
        for a in amods
    )


def _is_negotiating_round(parsed: ParsedText, tok: Token) -> bool:
    """ "hold another round in Brussels", "the round, which Brazil hosted": a round that is held,
    not "a round of voting" or "a round of sanctions" ("a round of talks" is the talks')."""
    kids = parsed.children(tok.i)
    if any(c.dep == "prep" and c.lower == "of" for c in kids):
        return False
    head = parsed.tokens[tok.head]
    if tok.dep == "appos" and head.lemma.lower() not in MEETING_NOUNS:
        return False  # "the runoff, a second round scheduled for May": a round of something else
    held = {head.lemma.lower()} if tok.dep in {"dobj", "nsubj", "nsubjpass"} else set()
    held |= {c.lemma.lower() for c in kids if c.dep in {"relcl", "acl"}}
    if ROUND_VERBS & held or _party_after(parsed, tok, {"between", "with"}):
        return True  # (a round "between" or "with" parties is one they negotiate: "a round with the unions")
    # "invited to a second round in February", "at the previous round": after talks were named, a
    # round with no name of its own ("a funding round") is one of theirs; not a stage of a contest
    # reached, won or lost ("Djokovic reached the second round")
    governor = parsed.tokens[head.head] if tok.dep == "pobj" else head
    if governor.lemma.lower() in STAGE_VERBS:
        return False
    first = parsed.first_of_word
    return not any(c.dep in {"compound", "nmod", "amod"} and c.pos != "ADJ" for c in kids) and any(
        first.get(word, tok.i) < tok.i for word in NEGOTIATIONS_PLURAL
    )


def _is_meeting_verb(parsed: ParsedText, tok: Token) -> bool:
    lemma = tok.lemma.lower()
    kids = parsed.children(tok.i)
    if lemma in VISITING_ON and _visits_on(parsed, tok):
        return True
    if lemma in HAND_SHAKES and any(c.dep == "dobj" and c.lemma.lower() == "hand" for c in kids):
        return _with_party(parsed, tok) and not _governs_meeting_noun(parsed, tok)
    if lemma in TOGETHER_VERBS and any(
        t.lower == "together" and not _comparative(parsed, t)
        for c in [tok, *kids]
        for t in parsed.children(c.i)
    ):  # ("together in Geneva": the parser may hang it on the place's preposition)
        # "will get together in New York"; "brought the two men together": those it brings
        return _people_gather(parsed, tok) or _gathers_parties(parsed, tok)
    if lemma in PLAYING_HOST:
        # "played host to Macron" ("played host to the Olympics": no); "to" on the verb or the noun
        hosts = [c for c in kids if c.dep == "dobj" and c.lemma.lower() == "host"]
        if hosts:
            return any(_party_after(parsed, t, {"to"}) for t in [tok, *hosts])
    if lemma in SUMMONED_BEFORE and _before_a_hearing_body(parsed, tok):
        return True  # "was called before the committee", "hauled before MPs"
    if lemma in BRIEFING and _briefs_a_party(parsed, tok):
        return True  # "will brief Chancellor Scholz", "was briefed by Al Jaber"; not "briefed reporters"
    if lemma in TELLING_BODIES and any(
        c.dep in {"dobj", "dative"} and _a_sitting_body(parsed, c) for c in kids
    ):
        return True  # "told the Security Council", "addressed parliament"; not "told reporters"
    if lemma in TAKING_UP and _body_takes_up(parsed, tok):
        return True  # "the council is due to take up the crisis"
    if lemma in HEARING_A_CASE and _hears_a_case(parsed, tok):
        return True  # "the court is due to hear the appeal", "the judges heard arguments"
    if lemma in SUMMONING and _summons_parties(parsed, tok):
        return True  # "summoned the two sides to her office", "summoned his ministers"
    if lemma in VISITING and (_person_object(parsed, tok) or _visits_a_country(parsed, tok)):
        return True  # "visited Macron in Paris", "invited him to visit Washington"; not "visited Paris"
    if lemma in QUESTIONING and _questioned_by_a_body(parsed, tok):
        return True  # "the committee questioned the banker", "was grilled by senators"
    if lemma in CONTACT_VERBS:
        return _is_contacting(parsed, tok)
    if lemma in HEARING_VERBS:
        return _is_testifying(parsed, tok)
    if lemma in GIVING_EVIDENCE and _gives_evidence(parsed, tok):
        return True
    if lemma in DISCUSSION_VERBS and _is_discussing(parsed, tok):
        return True
    if lemma in GUEST_VERBS and _receives_guest(parsed, tok):
        return True
    if lemma in AGREEING and _over_medium(parsed, tok):
        return True  # "agreed with Castillo by telephone": the agreement was reached in a call
    if lemma in MEAL_VERBS and (_with_party(parsed, tok) or _together(parsed, tok)):
        return True  # "dined with Macron", "the leaders dined together"
    if lemma in SPENDING_TIME and (
        (_with_party(parsed, tok) and _spends_time(parsed, tok))
        or (_together(parsed, tok) and _spends_time(parsed, tok, hours=True))
    ):
        return True
    if lemma not in MEETING_VERBS and lemma not in COME_TOGETHER:
        return False
    objects = [c for c in kids if c.dep in {"dobj", "nsubjpass"}]
    if lemma == "meet":
        return not any(o.lemma.lower() in NON_MEETING_OBJECTS for o in objects)
    if lemma == "sit":
        # "sat down with Macron", "sat with Trump" ("the two men sat down" is _is_bare_attendance's)
        down = any(c.dep == "prt" and c.lower == "down" for c in kids)
        return (
            any(c.lower == "with" for c in kids)
            or (down and any(c.lower == "with" for c in parsed.subtree(tok.i)))
            or _sits_facing(parsed, tok)
            or _body_sits(parsed, tok)
            or (down and _sides_sit_down(parsed, tok))
        )
    if lemma == "confer":
        return any(c.lower == "with" for c in kids)
    if lemma in COME_TOGETHER:
        # "the leaders will next gather in Canada"; "Starmer gathered European leaders in London"
        return _people_gather(parsed, tok) or _gathers_parties(parsed, tok)
    if lemma in {"speak", "talk"}:
        return (
            _over_medium(parsed, tok)
            or _talked_at_length(parsed, tok)
            or (
                _beside_a_gathering(parsed, tok)
                and (_with_party(parsed, tok) or _several_subjects(parsed, tok))
            )
        )
    # "convene"/"host": a meeting by themselves only when what they govern is no meeting noun
    # ("hosted the Russian leader"); "convene a meeting" leaves the trigger to the noun.
    # (A meeting noun in an apposition, "hosted Putin ..., the first talks since ...", does not
    # take the trigger: it is the noun that describes what the hosting was.)
    if _governs_meeting_noun(parsed, tok):
        return False
    if lemma == "host":
        # Hosting a party ("hosted the Russian leader", "hosted Jordan's king", "hosted Costa and
        # von der Leyen"), not an event ("hosted the Olympics", which the tagger calls an EVENT).
        return any(
            o.ent_type in {"PERSON", "NORP", "GPE", "ORG"}
            or o.lemma.lower() in HOSTED_PEOPLE
            or o.lower in OBJECT_PRONOUNS
            for o in objects
        )
    return True  # "convene", "reconvene": a body meeting


def sidelines_on(parsed: ParsedText, node: Token) -> list[Token]:
    """The sidelines a word says it is on: "met on the sidelines of the summit", "talked at the
    margins of the forum" (also read by location.py, for the gathering they are of)."""
    return [
        edge
        for prep in parsed.children(node.i)
        if prep.dep == "prep" and prep.lower in {"on", "at", "in"}
        for edge in parsed.children(prep.i)
        if edge.dep == "pobj" and edge.lower in SIDELINES
    ]


def sidelines_hosts(parsed: ParsedText, head: int) -> list[Token]:
    """What a mention says it is on the sidelines of, whatever that is: the owner of the sidelines
    ("on the summit's sidelines") or the object of their "of" ("on the margins of the U.N. General
    Assembly"), on the mention's word or the three words above it."""
    out: list[Token] = []
    for node in [parsed.tokens[head], *list(parsed.ancestors(head))[:3]]:
        for edge in sidelines_on(parsed, node):
            for owner in parsed.children(edge.i):
                if owner.dep == "poss":
                    out.append(owner)
                elif owner.dep == "prep" and owner.lower == "of":
                    out.extend(obj for obj in parsed.children(owner.i) if obj.dep == "pobj")
    return out


def held_beside(parsed: ParsedText, head: int) -> set[int]:
    """The tokens naming the gathering a mention is held on the sidelines of: where it was held, not
    who took part ("met Merkel on the sidelines of the G20 summit" brings no Group of 20)."""
    return {t.i for host in sidelines_hosts(parsed, head) for t in parsed.subtree(host.i)}


def _beside_a_gathering(parsed: ParsedText, tok: Token) -> bool:
    """ "spoke with Wang on the sidelines of the forum", "talked on the margins of the summit":
    parties talking beside a gathering met there, a meeting of its own."""
    return bool(sidelines_on(parsed, tok))


def _sides_sit_down(parsed: ParsedText, tok: Token) -> bool:
    """ "the two delegations will sit down in Rabat on Monday", "Spain and Morocco sat down again":
    several parties sitting down together, on a day, at a place or again, is a gathering of its own
    (with nothing of that, "the two men did not sit down until late" is the attendance of the
    gathering just mentioned)."""
    return _several_subjects(parsed, tok) and _again_or_said(
        parsed, tok, {"DATE", "TIME", "GPE", "FAC", "LOC"}
    )


def _body_sits(parsed: ParsedText, tok: Token) -> bool:
    """A court or a chamber in session on a day or again: "the council will sit again on Friday",
    "the court sits on Monday"; not "the court sits in The Hague" (where it is)."""
    if not any(_a_sitting_body(parsed, c) for c in controlled_subjects(parsed, tok)):
        return False
    return _again_or_said(parsed, tok, {"DATE", "TIME"})


def _again_or_said(parsed: ParsedText, verb: Token, labels: set[str]) -> bool:
    """Whether the verb says "again", or a phrase on it names an entity of `labels` ("on Friday",
    "in Rabat"): what makes sitting a session rather than a posture."""
    kids = parsed.children(verb.i)
    return any(c.lower == "again" for c in kids) or any(
        c.dep in {"prep", "npadvmod"} and any(t.ent_type in labels for t in parsed.subtree(c.i)) for c in kids
    )


def _sits_facing(parsed: ParsedText, tok: Token) -> bool:
    """ "sat across from the commissioner", "sat opposite the minister", "the two sides sat across
    the table": sitting face to face with a party, as negotiators do."""
    kids = parsed.children(tok.i)
    if _party_after(parsed, tok, {"opposite"}):
        return True
    across = [c for c in kids if c.lower == "across" and c.dep in {"prt", "prep", "advmod"}]
    if not across:
        return False
    if _party_after(parsed, tok, {"from"}) or any(_party_after(parsed, a, {"from"}) for a in across):
        return True
    table = any(o.dep == "pobj" and o.lemma.lower() == "table" for a in across for o in parsed.children(a.i))
    return table and any(c.dep == "nsubj" and c.tag == "NNS" for c in kids)


def _together(parsed: ParsedText, tok: Token) -> bool:
    """ "the leaders dined together", "spent an hour closeted together": "together" on a verb (or
    the participle it takes) whose subject is several people."""
    kids = parsed.children(tok.i)
    takes = [tok, *(c for c in kids if c.dep == "xcomp")]
    return any(c.lower == "together" for t in takes for c in parsed.children(t.i)) and _several_subjects(
        parsed, tok
    )


def _several_subjects(parsed: ParsedText, verb: Token) -> bool:
    """Whether the verb's subject is several: a plural ("the leaders") or a list ("X and Y")."""
    return any(
        c.tag == "NNS" or any(g.dep == "conj" for g in parsed.children(c.i))
        for c in controlled_subjects(parsed, verb)
    )


def _talked_at_length(parsed: ParsedText, tok: Token) -> bool:
    """ "the two leaders talked for 11 minutes", "Biden and Xi spoke for two hours": parties talking
    together for a span of time; not "he spoke for an hour" (a speech), "analysts talked for days"."""
    kids = parsed.children(tok.i)
    together = any(
        c.dep == "nsubj"
        and (
            (c.tag == "NNS" and c.lemma.lower() in PEOPLE_IN_NUMBERS)
            or (_party_named(parsed, c) and any(g.dep == "conj" for g in parsed.children(c.i)))
        )
        for c in kids
    )
    span = any(
        c.dep == "prep"
        and c.lower == "for"
        and any(o.lemma.lower() in TIME_SPANS for o in parsed.children(c.i))
        for c in kids
    )
    return together and span


def _over_medium(parsed: ParsedText, tok: Token) -> bool:
    """ "spoke by phone", "talked over a video link", "conferred by videoconference": a call."""
    return any(
        c.dep in {"prep", "agent"}
        and c.lower in {"by", "over", "via", "on"}
        and any(g.lemma.lower() in CALL_MEDIA for g in parsed.subtree(c.i))
        for c in parsed.children(tok.i)
    )


def _governs_meeting_noun(parsed: ParsedText, tok: Token) -> bool:
    """The verb has a meeting noun as its object or in its phrases: "received Putin at the summit"
    leaves the gathering to the noun; a meeting told in a clause of its own does not ("was received
    by the president and then held talks with ...")."""
    phrases = [c for c in parsed.children(tok.i) if c.dep not in OTHER_CLAUSES]
    return any(
        t.lemma.lower() in MEETING_NOUNS and t.dep in {"dobj", "pobj", "nsubjpass"}
        for c in phrases
        for t in parsed.subtree(c.i)
    )


def _receives_guest(parsed: ParsedText, tok: Token) -> bool:
    """ "received the visiting premier", "received Lapid and Gantz": a meeting with a guest; not
    "received a letter", nor "received Putin at the summit" (a guest at the gathering just named).
    The passive counts where a person receives by name: "was received by King Abdullah"."""
    kids = parsed.children(tok.i)
    if tok.lemma.lower() == "see":
        # "saw Netanyahu at the hospital": only a named person seen, not "sees Putin as a threat"
        if any(c.lower == "as" or c.dep in {"ccomp", "xcomp", "oprd"} for c in kids):
            return False
        if tok.dep == "xcomp" and parsed.tokens[tok.head].lemma.lower() in WISHING:
            return False  # "want to see Clinton in prison": a wish about someone, no visit
        guest = _person_object(parsed, tok) or _each_other(parsed, tok)
    else:
        guest = (
            any(c.dep == "dobj" and (_is_party(c, {"PERSON", "NORP"}) or _is_person(parsed, c)) for c in kids)
            or _by_a_host(parsed, tok)
            or _received_at_a_seat(parsed, tok)
        )
    return guest and not _governs_meeting_noun(parsed, tok)


def _each_other(parsed: ParsedText, tok: Token) -> bool:
    """The verb's object is its subjects themselves: "will see each other", "saw one another"
    (the parser makes either word the head)."""
    pairs = {("each", "other"), ("one", "another")}
    return any(
        c.dep == "dobj"
        and any((d.lower, c.lower) in pairs or (c.lower, d.lower) in pairs for d in parsed.children(c.i))
        for c in parsed.children(tok.i)
    )


def _visits_a_country(parsed: ParsedText, tok: Token) -> bool:
    """A named person's visit to a country or its capital, as a guest of its government: "Moon will
    visit Pyongyang", "invited Abe to visit Russia"; not the visit of a place ("visited Ur")."""
    if not any(c.dep == "dobj" and c.ent_type == "GPE" for c in parsed.children(tok.i)):
        return False
    visitors = [c for c in parsed.children(tok.i) if c.dep == "nsubj"]
    if not visitors and tok.dep == "xcomp":  # "invited him to visit Washington": the one invited
        host = parsed.tokens[tok.head]
        visitors = [c for c in parsed.children(host.i) if c.dep in {"dobj", "nsubj", "nsubjpass"}]
    return any(v.ent_type == "PERSON" or _titled(parsed, v) for v in visitors)


def _received_at_a_seat(parsed: ParsedText, tok: Token) -> bool:
    """A person received at a seat of power, its host unnamed: "the premier was received at the
    White House", "asked to be received at the presidential palace"; not "the letter was received
    at the ministry"."""
    subject_of = parsed.tokens[tok.head] if tok.dep == "xcomp" else tok
    guests = [c for c in parsed.children(subject_of.i) if c.dep in {"nsubjpass", "nsubj"}]
    passive = any(c.dep == "auxpass" for c in parsed.children(tok.i))
    if not passive or not any(_is_person(parsed, g) for g in guests):
        return False
    return _at_a_seat(parsed, tok)


def _at_a_seat(parsed: ParsedText, verb: Token) -> bool:
    """Whether the verb says it happened at a named building or a seat of power: "at the White
    House", "at Chequers", "at his residence", "at the presidential palace"."""
    return any(
        c.dep == "prep"
        and c.lower == "at"
        and any(
            o.dep == "pobj"
            and (
                o.ent_type in {"FAC", "ORG"} or o.tag in {"NNP", "NNPS"} or o.lemma.lower() in SEATS_OF_POWER
            )
            for o in parsed.children(c.i)
        )
        for c in parsed.children(verb.i)
    )


def _by_a_host(parsed: ParsedText, tok: Token) -> bool:
    """ "was received by King Abdullah", "received by Pope Francis": a person receiving, by name (or by
    a name the tagger took for nothing else a host may be: "received by Tebboune" tagged a date)."""
    return any(
        o.dep == "pobj" and (_is_person(parsed, o) or (o.pos == "PROPN" and o.ent_type not in NOT_PEOPLE))
        for a in parsed.children(tok.i)
        if a.dep == "agent"
        for o in parsed.children(a.i)
    )


def _gathers_parties(parsed: ParsedText, tok: Token) -> bool:
    """A verb of gathering whose object is parties: "gathered European leaders", "brought Scholz and
    Macron together"; not what a summit just named did ("a summit ..., bringing together the
    leaders of ...", "a summit that brought together ...")."""
    head = parsed.tokens[tok.head]
    describes = (tok.dep in {"advcl", "acl"} and tok.tag == "VBG") or (
        tok.dep == "relcl" and head.lemma.lower() in MEETING_NOUNS
    )
    kids = parsed.children(tok.i)
    # ("brought the two sides together", "gathered the board": sides and bodies are parties)
    gathered = [c for c in kids if c.dep == "dobj"]
    gathered += [g for c in gathered for g in parsed.children(c.i) if g.dep == "conj"]
    # people brought together met, whoever brought them ("an initiative brought Sarraj and Haftar
    # together", "the talks brought the ministers together"); other parties met where someone,
    # not something, brought them ("the merger brings Fiat and Peugeot together" is no meeting)
    people = any(c.ent_type == "PERSON" or c.lemma.lower() in PEOPLE_WORDS for c in gathered)
    by_something = any(c.dep == "nsubj" and not _someone(c) for c in kids)
    parties = any(_is_party(c) or c.lemma.lower() in SUMMONED_NOUNS for c in gathered)
    return not describes and (people or (parties and not by_something))


def _comparative(parsed: ParsedText, tok: Token) -> bool:
    """A word said by degree: "closer together" is a bond, no gathering."""
    return any(c.tag in {"JJR", "RBR"} for c in parsed.children(tok.i))


def _someone(tok: Token) -> bool:
    """A subject that can act: a name, a party, a title or a personal pronoun (not "the merger")."""
    named = tok.text[:1].isupper() or _is_party(tok)
    return named or tok.lemma.lower() in TITLES or tok.lower in PERSONAL_PRONOUNS


def _people_gather(parsed: ParsedText, tok: Token) -> bool:
    """ "the leaders will next gather in Canada": people gathering, not "gathered evidence", and
    not "gathered for a summit" (the summit is the trigger)."""
    kids = parsed.children(tok.i)
    governs_meeting = any(t.lemma.lower() in MEETING_NOUNS for t in parsed.subtree(tok.i) if t.i != tok.i)
    subjects = controlled_subjects(parsed, tok)
    return (
        not governs_meeting
        and not any(c.dep == "dobj" for c in kids)
        and bool(subjects)
        and not any(_a_crowd(parsed, c) for c in subjects)
    )


def _visits_on(parsed: ParsedText, tok: Token) -> bool:
    """ "called on the premier at his office": a party "on" it and no appeal ("called on Iran to
    stop", "called on them for restraint"). Said where it happened, a clause of purpose or
    circumstance is no appeal: "called on the king at the palace to thank him", "called on the
    premier at his residence, carrying letters"."""
    kids = parsed.children(tok.i)
    appeal = any(
        c.dep in {"xcomp", "ccomp"}
        or (c.dep == "prep" and c.lower == "for")
        or (c.dep == "advcl" and not _at_a_seat(parsed, tok))
        for c in kids
    )
    return not appeal and _party_after(parsed, tok, {"on"})


def _spends_time(parsed: ParsedText, tok: Token, hours: bool = False) -> bool:
    """ "spent three hours with Putin", "spent the afternoon with": its object is a span of time, not
    "spent billions with contractors"; with `hours`, hours or minutes ("spent five hours together",
    not "spent the season together")."""
    # (the parser may hang the span on "together": "spent 40 minutes together")
    holders = [tok, *(c for c in parsed.children(tok.i) if c.lower == "together")]
    return any(
        c.dep in {"dobj", "npadvmod"}
        and (c.ent_type == "TIME" or (not hours and (c.lemma.lower() in TIME_SPANS or c.ent_type == "DATE")))
        for h in holders
        for c in parsed.children(h.i)
    )


def _is_contacting(parsed: ParsedText, tok: Token) -> bool:
    """ "phoned Putin", "called his counterpart", "rang the chancellor": reaching a party by phone;
    not "called for talks", "called him a liar", "called off the strike", "called the vote"."""
    kids = parsed.children(tok.i)
    if any(c.dep in {"oprd", "ccomp", "prt"} for c in kids):
        return False
    return any(c.dep == "dobj" and _is_party(c) for c in kids)


def _is_testifying(parsed: ParsedText, tok: Token) -> bool:
    """ "testified before the committee", "will testify at the hearing", "appeared before the
    panel": a hearing; not "testified that he never met", "appeared before dawn"."""
    before = _before_a_hearing_body(parsed, tok)
    if before or tok.lemma.lower() != "testify":
        return before
    return not any(c.dep in {"ccomp", "dobj"} for c in parsed.children(tok.i))


def _before_a_hearing_body(parsed: ParsedText, tok: Token, preps: Set[str] = frozenset({"before"})) -> bool:
    """A party or a hearing body after "before" (or `preps`) on the token: "before the committee"."""
    return any(
        o.dep == "pobj" and (o.ent_type in _PARTY_ENTITIES or _a_sitting_body(parsed, o))
        for c in parsed.children(tok.i)
        if c.dep == "prep" and c.lower in preps
        for o in parsed.children(c.i)
    )


def _briefs_a_party(parsed: ParsedText, tok: Token) -> bool:
    """A party briefed by name or office, or a party briefing one who is named: "will brief
    Chancellor Scholz", "briefed the party leaders", "was briefed by Al Jaber"; not "briefed
    reporters", "briefed on the plan"."""
    kids = parsed.children(tok.i)
    briefed = [c for c in kids if c.dep == "dobj"]
    if any(c.lemma.lower() in PRESS for c in briefed):
        return False
    if any(_party_named(parsed, c) or _a_sitting_body(parsed, c) for c in briefed):
        return True  # ("briefed the steering committee": a body that sits)
    passive = any(c.dep == "nsubjpass" for c in kids)
    return passive and _by_a_host(parsed, tok)


def _body_takes_up(parsed: ParsedText, tok: Token) -> bool:
    """ "the Security Council will take up the crisis", "the court is due to take up the appeal": a
    body that sits taking up a matter; not "took up the offer" (no body), "took up arms"."""
    kids = parsed.children(tok.i)
    return (
        any(c.dep == "prt" and c.lower == "up" for c in kids)
        and any(c.dep == "dobj" for c in kids)
        and any(_a_sitting_body(parsed, s) for s in controlled_subjects(parsed, tok))
    )


def _a_sitting_body(parsed: ParsedText, tok: Token) -> bool:
    """A body that sits (a court, a committee, a parliament), or one named by such a title: "Judge
    Dorsey", "Justice Morland"."""
    return tok.lemma.lower() in HEARING_BODIES or (
        tok.pos == "PROPN"  # a name after the title; not "a Senate hearing"
        and any(c.dep == "compound" and c.lemma.lower() in HEARING_BODIES for c in parsed.children(tok.i))
    )


def _hears_a_case(parsed: ParsedText, tok: Token) -> bool:
    """A hearing body hearing a party or a case: "the court is due to hear the appeal", "the judges
    heard arguments", "the committee will hear from the two companies"; not "heard the news"."""
    kids = parsed.children(tok.i)
    if any(c.dep == "nsubjpass" and c.lemma.lower() in CASE_NOUNS for c in kids):
        return True  # "the appeal was heard in London", "until the case is heard in full"
    # the subject may stand on a word above ("the court is due to hear", "the panel will begin
    # hearing") or be a relative pronoun ("the court, which heard arguments")
    heard = [c for c in kids if c.dep == "dobj"]
    if not any(_a_sitting_body(parsed, h) for h in controlled_subjects(parsed, tok)):
        return False
    return any(c.lemma.lower() in CASE_NOUNS or _party_named(parsed, c) for c in heard) or _party_after(
        parsed, tok, {"from"}
    )


def _summons_parties(parsed: ParsedText, tok: Token) -> bool:
    """Parties summoned: "summoned the two sides", "summoned his ministers", "summoned Transnet's
    board"; not "summoned the courage", nor "summoned before the committee" (summon-before's)."""
    kids = parsed.children(tok.i)
    return any(
        c.dep == "dobj" and (_party_named(parsed, c) or c.lemma.lower() in SUMMONED_NOUNS) for c in kids
    )


def _questioned_by_a_body(parsed: ParsedText, tok: Token) -> bool:
    """A hearing body asking and a party asked: "the committee questioned the banker", "she was
    grilled by senators"; not "police questioned the suspect", "lawmakers questioned the plan"."""
    kids = parsed.children(tok.i)
    askers = [c for c in kids if c.dep == "nsubj"]
    askers += [o for a in kids if a.dep == "agent" for o in parsed.children(a.i) if o.dep == "pobj"]
    asked = [c for c in kids if c.dep in {"dobj", "nsubjpass"}]
    return any(_a_sitting_body(parsed, a) for a in askers) and any(_is_party(o) for o in asked)


def _gives_evidence(parsed: ParsedText, tok: Token) -> bool:
    """ "gave evidence to the committee", "will give testimony before the panel": testifying said
    with a light verb."""
    nouns = [c for c in parsed.children(tok.i) if c.dep == "dobj" and c.lemma.lower() in EVIDENCE_NOUNS]
    return bool(nouns) and any(_before_a_hearing_body(parsed, t, {"before", "to"}) for t in [tok, *nouns])


def _is_discussing(parsed: ParsedText, tok: Token) -> bool:
    """ "negotiated with the rebels", "consulted with Paris", "Abe and Modi discussed trade": a
    discussion with a party or between parties named together; not "analysts discussed the plan"."""
    kids = parsed.children(tok.i)
    # (the parser may hang "with" on the topic: "discussed the plan with Trump")
    with_party = _with_party(parsed, tok) or any(c.dep == "dobj" and _with_party(parsed, c) for c in kids)
    # parties named together ("Abe and Modi", "Sonatrach and Naturgy", which the tagger may leave
    # untagged) or a pair of them ("the two sides"), also of the word the verb completes ("the two
    # sides will resume negotiating")
    # (not those consulted: "Britain and France had not been consulted")
    subjects = [s for s in controlled_subjects(parsed, tok) if s.dep != "nsubjpass"]
    together = any(
        (
            (_is_party(s) or s.pos == "PROPN")
            and any(g.dep == "conj" and (_is_party(g) or g.pos == "PROPN") for g in parsed.children(s.i))
        )
        or (s.tag == "NNS" and s.lemma.lower() in PAIR_NOUNS and _counted_pair(parsed, s))
        for s in subjects
    )
    if _over_medium(parsed, tok):
        return True  # "conferred by videoconference": the verb is the mention, the medium its means
    return (with_party or together) and not _governs_meeting_noun(parsed, tok)


def _counted_pair(parsed: ParsedText, noun: Token) -> bool:
    """ "the two sides", "both governments": a plural counted as the parties it stands for."""
    return any(c.lower in COUNTS for c in parsed.children(noun.i))


def _a_crowd(parsed: ParsedText, subject: Token) -> bool:
    """ "supporters", "a crowd", "thousands of protesters": people who rally, not parties meeting."""
    ofs = [c for c in parsed.children(subject.i) if c.lower == "of"]
    of = [o for c in ofs for o in parsed.children(c.i) if o.dep == "pobj"]
    return any(t.lemma.lower() in CROWDS for t in [subject, *of])


def _becomes(parsed: ParsedText, tok: Token) -> bool:
    """ "A planned one-on-one turned into a three-on-three session": what a gathering turned into
    is that same gathering."""
    head = parsed.tokens[tok.head]
    if tok.dep == "pobj" and head.lower == "into":
        return parsed.tokens[head.head].lemma.lower() in BECOMING
    return tok.dep == "attr" and head.lemma.lower() == "become"


def _noun_trigger(parsed: ParsedText, tok: Token) -> Trigger:
    """The noun with the modifiers that are part of its name: "emergency meeting", "phone call"."""
    start = tok.i
    k = tok.i - 1
    while (
        k >= 0
        and parsed.tokens[k].head in range(k + 1, tok.i + 1)
        and parsed.tokens[k].dep in {"compound", "amod", "nmod", "nummod", "hmod", "punct"}
        and parsed.tokens[k].tag not in {"POS"}
        and parsed.tokens[k].ent_type not in {"DATE"}
    ):
        start = k
        k -= 1
    while start < tok.i and parsed.tokens[start].pos == "PUNCT":
        start += 1
    trigger = _make(parsed, tok, start, tok.i + 1, "noun")
    return dataclasses.replace(trigger, anaphoric=True) if _becomes(parsed, tok) else trigger


def _make(parsed: ParsedText, tok: Token, start: int, end: int, kind: Literal["noun", "verb"]) -> Trigger:
    kids = parsed.children(tok.i)
    words = {c.lower for c in kids if c.dep in {"det", "amod", "compound", "poss", "nmod"}}
    words |= {t.lower for t in parsed.tokens[start : tok.i]}
    apart = bool(APART_MARKERS & words) or (
        kind == "verb" and any(c.dep == "advmod" and c.lower in APART_MARKERS for c in kids)
    )
    instance = part_of(parsed, tok)
    if instance is not None and instance.lemma.lower() in INSTANCE_NOUNS:
        # "a further round of negotiations", "the second session of talks": the round's words
        words |= {c.lower for c in parsed.children(instance.i) if c.dep in {"det", "amod", "compound"}}
    # "the summit", "Tuesday's summit"; but "a Gulf leaders' summit" is indefinite for its "a".
    determiners = [c for c in kids if c.dep == "det"]
    determiners += [g for c in kids if c.dep == "poss" for g in parsed.children(c.i) if g.dep == "det"]
    indefinite = any(d.lower in {"a", "an", "another", "some", "any"} for d in determiners)
    definite = not indefinite and any(
        c.dep == "poss" or c.lower in {"the", "that", "this", "these", "those"} for c in kids
    )
    return Trigger(
        head=tok.i,
        start_token=start,
        end_token=end,
        start=parsed.tokens[start].start,
        end=parsed.tokens[end - 1].end,
        text=parsed.span_text(start, end),
        kind=kind,
        lemma=noun_lemma(parsed, tok) if kind == "noun" else tok.lemma.lower(),
        definite=definite,
        # ("a 14th round" is a new one; "the 13th round, which opened on Monday" the one at hand)
        # (one of its own beside the gathering told is as new: "her own audience", "met separately")
        novel=bool(NOVEL_MARKERS & words)
        or apart
        or (indefinite and any(_ORDINAL.fullmatch(w) for w in words)),
        distributive=tok.tag == "NNS"
        and any(c.lower in {"both", "all"} or (c.dep == "nummod" and c.lower == "two") for c in kids),
        back=bool(BACK_MARKERS & words) and not NOVEL_MARKERS & words,
        demonstrative=any(c.dep == "det" and c.lower in {"that", "this", "those", "these"} for c in kids),
        remote=_remote(parsed, tok, kind),
    )


def _remote(parsed: ParsedText, tok: Token, kind: Literal["noun", "verb"]) -> bool:
    """A mention of a meeting over a line: a call noun or one named by its medium ("phone call",
    "videoconference"), a verb of phoning ("phoned Putin") or one over a medium ("spoke by phone",
    "met by video link")."""
    lemma = tok.lemma.lower()
    if kind == "verb":
        return lemma in CONTACT_VERBS or _over_medium(parsed, tok)
    modifiers = {c.lemma.lower() for c in parsed.children(tok.i) if c.dep in {"compound", "amod", "nmod"}}
    return lemma in REMOTE_NOUNS or bool(modifiers & CALL_MEDIA) or _on_the_line_with(parsed, tok)
