"""Location of a meeting mention: the place in "in Paris", "at the White House", "Istanbul meeting".

A place is looked for in the trigger's own phrase first, then on the verbs above it up to a verb of
saying. A facility gives way to the city named with it ("a base outside Anchorage"); a well-known
venue named alone is in its city (venues.tsv: "inside the Knesset" is Jerusalem).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

from app.extraction import lexicon
from app.extraction.actors import ActorIndex, ActorMention, organization
from app.extraction.actors.gazetteer import capital_city, capital_of, city, nationality
from app.extraction.actors.names import filed_places
from app.extraction.grammar import clause_tense, relatives_in_of_phrase
from app.extraction.lexicon.wordsets import senses
from app.extraction.parsed import ParsedText, Token
from app.extraction.triggers import VISITING, Trigger, sidelines_hosts

PLACE_PREPS = {"in", "at", "to", "on", "outside", "near", "inside"}
# Nouns for venues, whose phrase may name the city: "his club in Palm Beach", "a base outside X".
VENUE_NOUNS = senses("venue")
# Verbs whose place is the meeting's: "which Brunei hosted in Jakarta", "due to take place in Tehran".
HOSTING = senses("hold-place")
# Verbs of a meeting happening, whose place a clause on the meeting gives: "the meeting, which opened
# on Saturday in Riyadh" (not "which ended in disarray").
HAPPENING = senses("happen")
MOTION_VERBS = senses("motion")
# Words whose "to" phrase names a place: "travel to Paris", "a visit to Paris".
GOING_TO = MOTION_VERBS | senses("journey")
# Verbs whose subject may be the town that holds the meeting: "Jeddah hosted the summit".
HOSTING_VERBS = senses("host")
# Verbs of saying: a place above one is where it was said, not where the meeting is.
REPORTING = senses("report")
# A country's bodies that sit in its capital: "Iran's parliament held a session" met in Tehran.
SEATED_BODIES = senses("seated-body")
# Nouns that describe a settlement named in their "of" phrase: "the port city of Jeddah".
SETTLEMENTS = lexicon.words("place_nouns", "lemma")
# Those that, alone, a story uses for the city it was filed from: "in the capital", "in this city".
FILED_SETTLEMENTS = {"capital", "city", "town"}
# What describes a settlement noun, so that it says which one it is: "the Saudi capital", "Austria's".
DESCRIBING = {"amod", "compound", "poss", "nmod"}
# A possessive may follow a venue's word: "NATO's headquarters" (straight or curly apostrophe).
_POSSESSIVE = r"(?:['\u2019]s)?"
# How many tokens after a venue its city may be named: "at Sylvia's, Feb. 10, 2016, in the Harlem
# neighborhood of New York".
VENUE_CITY_WINDOW = 16
# Clauses inside a place phrase, which name no venue of it: "at the hall where the Knesset met".
_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "conj"}


@dataclass(frozen=True, slots=True)
class Venues:
    """Well-known venues and their cities (venues.tsv), found in a phrase's text by one regular
    expression: a form's words as written, but for the first letter's case, each word optionally
    followed by a possessive ("NATO's headquarters")."""

    cities: Mapping[str, str]  # key(form) -> city
    pattern: re.Pattern[str]

    @staticmethod
    def key(text: str) -> str:
        return " ".join(re.sub(_POSSESSIVE + "$", "", w) for w in text.split()).lower()

    @classmethod
    def of(cls, rows: Iterable[lexicon.Row]) -> Venues:
        cities = {cls.key(r["form"]): r["city"] for r in rows}
        forms = sorted((r["form"] for r in rows), key=len, reverse=True)
        between = _POSSESSIVE + r"\s+"
        alternatives = (between.join(_either_case_first(w) for w in f.split()) for f in forms)
        either = "|".join(alternatives) or "(?!)"  # no rows: a pattern that never matches
        return cls(cities, re.compile(r"(?<!\w)(?:" + either + ")" + _POSSESSIVE + r"(?!\w)"))

    def find(self, text: str) -> tuple[int, int, str] | None:
        """The first venue named in `text`: its character span and city."""
        m = self.pattern.search(text)
        return None if m is None else (m.start(), m.end(), self.cities[self.key(m.group())])


def _either_case_first(word: str) -> str:
    """A pattern of `word` as written, but for its first letter's case ("palace", "Palace")."""
    head = word[0]
    return f"[{head.upper()}{head.lower()}]{re.escape(word[1:])}" if head.isalpha() else re.escape(word)


VENUES = Venues.of(lexicon.table("venues").rows)
# "the Scottish capital": regions whose word is no country's (regional_capitals.tsv).
REGIONAL_CAPITALS = {r["word"].lower(): r["city"] for r in lexicon.table("regional_capitals").rows}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    mention: ActorMention


def mention_place(parsed: ParsedText, trigger: Trigger, actors: ActorIndex) -> Place | None:
    """Where a mention's own phrase, or the verbs above it, put the meeting: a city or a country; a
    venue when no city is named for it."""
    place = _phrase_place(parsed, trigger, actors)
    if place is None:
        return _seat_of_body(parsed, trigger)
    return _venue_city(parsed, place, actors) or place


def _phrase_place(parsed: ParsedText, trigger: Trigger, actors: ActorIndex) -> Place | None:
    toks = parsed.tokens
    head = toks[trigger.head]
    # "Istanbul meeting", "the Paris talks", "the Mar-a-Lago summit"; not the sides of "the US-China
    # summit", which say who met
    for c in parsed.children(head.i):
        if c.dep in {"compound", "nmod"} and c.i < head.i and not _one_of_a_pair(parsed, c, actors):
            place = _place_at(parsed, c, actors) or _known_venue(parsed, c, venue=False)
            if place:
                return place
    # "Putin visited Beijing": the place a visit verb takes as its object
    if head.lemma.lower() in VISITING:
        for c in parsed.children(head.i):
            place = _place_at(parsed, c, actors) if c.dep == "dobj" else None
            if place is not None:
                return place
    # "Jeddah hosted the summit", "the city will host the talks": a town hosting is where it is held
    host = toks[head.head]
    hosts: list[Token] = []
    if head.dep in {"dobj", "nsubjpass"} and host.lemma.lower() in HOSTING_VERBS:
        hosts = [c for c in parsed.children(host.i) if c.dep == "nsubj"]
        hosts += [o for a in parsed.children(host.i) if a.dep == "agent" for o in parsed.children(a.i)]
        for town in (_town_at(parsed, c, actors) for c in hosts):
            if town is not None:
                return town
    # "a meeting held on Monday in Paris", "talks, which had been due to take place in Tehran":
    # a place in a clause on the noun itself (or, for a hosting clause the parser hung on the
    # last member of "a summit of X and Y, which Z hosted in Accra", on that member).
    clauses = [c for c in parsed.children(head.i) if c.dep in {"acl", "relcl"}]
    clauses += [
        rel
        for rel in relatives_in_of_phrase(parsed, head)
        if any(v.lemma.lower() in HOSTING for v in _verb_chain(parsed, rel))
    ]
    for clause in clauses:
        for verb in _verb_chain(parsed, clause):
            if verb is clause and clause.tag != "VBN" and clause.lemma.lower() not in HOSTING | HAPPENING:
                continue  # "the summit, which ended in disarray": no place of it
            place = _place_under(parsed, verb, actors)
            if place:
                return place
    # "a special meeting of ASEAN leaders in Jakarta": the place may hang on the meeting's
    # "of"/"with" phrase; a topic ("on the war in Ukraine") is not followed.
    for c in parsed.children(head.i):
        if c.dep == "prep" and c.lower in {"of", "with", "between", "among"}:
            for obj in parsed.children(c.i):
                if obj.dep != "pobj":
                    continue
                # "with his counterpart, Jaishankar, in New Delhi": also on an apposition
                for node in [obj, *(k for k in parsed.children(obj.i) if k.dep in {"appos", "conj"})]:
                    place = _place_under(parsed, node, actors)
                    if place:
                        return place
    chain: list[Token] = [head]
    for anc in parsed.ancestors(head.i):
        if anc.lemma.lower() in REPORTING or len(chain) > 3:
            break
        chain.append(anc)
        if anc.pos in {"VERB", "AUX"} and anc.dep not in {"xcomp", "aux", "prep", "pcomp"}:
            break  # the meeting's own clause ends here; a place further up is another event's
    # (a copula's predicate holds the place: "are due in Brussels on Thursday for a summit", and the
    # holding it hands on to: "is due to be held in Oman")
    copulas = [node for node in chain if node.pos == "AUX"]
    chain += [c for node in copulas for c in parsed.children(node.i) if c.dep == "acomp"]
    chain += [v for node in copulas for v in _verb_chain(parsed, node)[1:]]
    for node in chain:
        place = _place_under(parsed, node, actors)
        if place:
            return place
    # "Brazil will host the next summit": a country hosting is where it is held when the mention
    # names no town (it is also its host, a party); a town in its phrase before it ("hosted by the
    # Emirates in Dubai", where the parser hangs the town on the host)
    for c in hosts:
        place = _place_under(parsed, c, actors) or _place_at(parsed, c, actors)
        if place is not None:
            return place
    return None


def _verb_chain(parsed: ParsedText, verb: Token) -> list[Token]:
    """A clause's verb and the verbs it hands on to: "had been due to take place" -> take, "which
    he suggested could take place in Maputo" -> take."""
    chain = [verb]
    for _ in range(3):
        nxt = [c for c in parsed.children(chain[-1].i) if c.dep in {"xcomp", "acomp", "ccomp"}]
        if not nxt:
            break
        chain.append(nxt[0])
    return [v for v in chain if v is verb or v.lemma.lower() in HOSTING]


def _place_under(parsed: ParsedText, node: Token, actors: ActorIndex) -> Place | None:
    """The place in a prepositional phrase on `node` ("in Paris", "at the White House")."""
    found: list[Place] = []
    for c in parsed.children(node.i):
        if c.dep != "prep" or c.lower not in PLACE_PREPS:
            continue
        if c.lower == "to" and node.lemma.lower() not in GOING_TO:
            continue
        for obj in parsed.children(c.i):
            if obj.dep == "pobj":
                place = _place_in(parsed, obj, actors)
                if place and not (c.lower == "on" and is_country(place)):
                    found.append(place)  # "talks on Ukraine" is a topic; "on Capitol Hill" a place
    # "at Joint Base X outside Anchorage": the town over the facility.
    towns = [p for p in found if parsed.tokens[p.mention.start_token].ent_type != "FAC"]
    candidates = towns or found
    return candidates[0] if candidates else None


def scene_place(parsed: ParsedText, trigger: Trigger, actors: ActorIndex, parties: set[int]) -> Place | None:
    """Where the passage is set, when the trigger's own phrase says nothing: the last place named
    in its sentence or the one before ("landed in Singapore ... went on to meet Lee")."""
    sent = parsed.tokens[trigger.head].sent
    best: Place | None = None
    # Only the mentions of the two sentences (sorted by token), not all of the text's for each trigger.
    lo = bisect.bisect_left(
        actors.mentions, parsed.sentences[max(sent - 1, 0)].start_token, key=lambda m: m.start_token
    )
    hi = bisect.bisect_left(actors.mentions, parsed.sentences[sent].end_token, key=lambda m: m.start_token)
    for m in (actors.mentions[k] for k in range(lo, hi)):
        tok = parsed.tokens[m.start_token]
        if m.place is None or m.start_token in parties or not (sent - 1 <= tok.sent <= sent):
            continue
        if tok.sent == sent and m.start_token > trigger.head + 12:
            continue
        head = parsed.tokens[m.end_token - 1]
        # Only places used as the setting of something done: "landed in Singapore", not "the war
        # in Ukraine".
        prep = parsed.tokens[head.head]
        verb = parsed.tokens[prep.head]
        if (
            head.dep == "pobj"
            and prep.lower in PLACE_PREPS | {"from"}
            and verb.pos in {"VERB", "AUX"}
            and verb.lemma.lower() not in REPORTING  # "told reporters in Helsinki"
            and clause_tense(parsed, verb.i) == "past"  # a plan "to be held in Dubai" sets no scene
        ):
            best = Place(m.place, m)
    return best


def _venue_city(parsed: ParsedText, place: Place, actors: ActorIndex) -> Place | None:
    """The city of a venue no phrase of the meeting's put in one (a venue is in its city, gold's
    location): a city named just after it in its sentence ("at Expo City, on the outskirts of Dubai",
    "at Sylvia's in the Harlem neighborhood of New York"), else the dateline's ("VIENNA — ... at the
    Palais Coburg"). None for a place that is no venue, or a venue with no city in sight."""
    m = place.mention
    toks = parsed.tokens
    venue = (
        (m.actor is not None and m.actor.kind == "organization")
        or toks[m.start_token].ent_type == "FAC"
        or toks[m.end_token - 1].lemma.lower() in VENUE_NOUNS  # "Sylvia's Restaurant", tagged a town
    )
    if not venue or m.text != place.name:
        return None  # a city or country; or a venue whose city is known already (venues.tsv)
    sent = parsed.sentences[toks[m.start_token].sent]
    # (not a region set off right after it: "in La Malbaie, Quebec", a town the tagger took for a name)
    first = m.end_token + 2 if m.end_token < len(toks) and toks[m.end_token].text == "," else m.end_token
    for k in range(first, min(m.end_token + VENUE_CITY_WINDOW, sent.end_token)):
        other = actors.at(k)
        if (
            other is not None
            and other.place is not None
            and other.start_token == k
            and toks[k].ent_type == "GPE"
            and not (
                other.actor is not None and other.actor.kind == "country" and other.actor.name == other.place
            )
        ):
            return Place(other.place, other)
    filed = filed_places(parsed)
    return Place(filed[0].text, filed[0]) if filed else None


def _seat_of_body(parsed: ParsedText, trigger: Trigger) -> Place | None:
    """The capital of the country whose parliament, cabinet or court meets, where nothing else places
    the meeting: "Austria's parliament held a session", "the Chilean senate met", "a session of the
    Iranian parliament" (the meeting verb's subject, the subject of the verb holding the meeting
    noun, or the noun's "of" phrase)."""
    toks = parsed.tokens
    head = toks[trigger.head]
    holder = toks[head.head] if head.dep in {"dobj", "nsubjpass"} else head
    bodies = [c for c in parsed.children(holder.i) if c.dep in {"nsubj", "nsubjpass"}]
    bodies += [
        o
        for p in parsed.children(head.i)
        if p.dep == "prep" and p.lower == "of"
        for o in parsed.children(p.i)
    ]
    for body in bodies:
        if body.lemma.lower() in SEATED_BODIES:
            return _capital_named(parsed, body)
    return None


def _capital_named(parsed: ParsedText, capital: Token) -> Place | None:
    """ "the Vietnamese capital", "Austria's capital", "the Scottish capital": the capital of the
    country (or region) the word on "capital" names (or on a body that sits there: "Iran's parliament")."""
    for c in parsed.children(capital.i):
        if c.dep not in DESCRIBING:
            continue
        word = c.text.removesuffix("'s").removesuffix("\u2019s")
        code = nationality(word)
        city = REGIONAL_CAPITALS.get(word.lower()) or (capital_city(code) if code else None)
        if city is not None:
            return _settlement_place(parsed, city, min(c.i, capital.i), capital)
    return None


def _settlement_said(parsed: ParsedText, noun: Token) -> Place | None:
    """The city a settlement noun with no name of its own stands for: "the Saudi capital" (the
    country's), "the capital" or "this city" alone (where the story was filed)."""
    named = _capital_named(parsed, noun) if noun.lemma.lower() == "capital" else None
    if named is None and noun.lemma.lower() in FILED_SETTLEMENTS:
        named = _filed_settlement(parsed, noun)
    return named


def _filed_settlement(parsed: ParsedText, noun: Token) -> Place | None:
    """ "in the capital", "in the city", "in this city" with no word of which: the city the story
    was filed from ("DHAKA — ... talks in the capital"), for "the capital" only where that is one."""
    if any(c.dep in DESCRIBING or c.lower == "of" for c in parsed.children(noun.i)):
        return None
    filed = filed_places(parsed)
    if not filed or (noun.lemma.lower() == "capital" and capital_of(filed[0].text) is None):
        return None
    return _settlement_place(parsed, filed[0].text, noun.i, noun)


def _settlement_place(parsed: ParsedText, city: str, start: int, noun: Token) -> Place:
    text = parsed.span_text(start, noun.i + 1)
    mention = ActorMention(None, start, noun.i + 1, parsed.tokens[start].start, noun.end, text, place=city)
    return Place(city, mention)


def trigger_heads(triggers: Iterable[Trigger]) -> set[int]:
    """The head tokens of the meeting mentions: the meeting nouns and verbs themselves."""
    return {t.head for t in triggers}


def names_a_gathering(mention: ActorMention, trigger_heads: Set[int]) -> bool:
    """A place that holds a meeting mention's head names the gathering, not where it met: "the East
    Asia Summit" and "COP27", which the tagger calls places (but "the Istanbul meeting" met there)."""
    return not trigger_heads.isdisjoint(range(mention.start_token, mention.end_token))


def is_country(place: Place) -> bool:
    actor = place.mention.actor
    return actor is not None and actor.kind == "country" and actor.name == place.name


def _settlement_named(parsed: ParsedText, tok: Token, actors: ActorIndex) -> Place | None:
    """ "the port city of Jeddah": the name in the description's "of" phrase, a place by the
    construction even where the tagger saw no entity ("the city of Odesa"); or in its possessive
    ("Geneva's old town", "Mumbai's business district")."""
    for owner in parsed.children(tok.i):
        if owner.dep == "poss":
            place = _place_at(parsed, owner, actors)
            if place is not None:
                return place
    for of in parsed.children(tok.i):
        if of.dep != "prep" or of.lower != "of":
            continue
        for obj in parsed.children(of.i):
            if obj.dep != "pobj":
                continue
            place = _place_at(parsed, obj, actors)
            if place is not None:
                return place
            name = [t for t in parsed.subtree(obj.i) if t.pos == "PROPN"]
            if obj.pos == "PROPN" and name and name[-1].i == obj.i and name[0].i == obj.i - len(name) + 1:
                first = name[0]
                text = parsed.span_text(first.i, obj.i + 1)
                return Place(text, ActorMention(None, first.i, obj.i + 1, first.start, obj.end, text, text))
    return None


def _town_at(parsed: ParsedText, tok: Token, actors: ActorIndex) -> Place | None:
    """A city named at `tok` (not a country, which hosts as a party: "Qatar hosted the talks")."""
    place = _place_at(parsed, tok, actors)
    return place if place is not None and not is_country(place) else None


def _one_of_a_pair(parsed: ParsedText, tok: Token, actors: ActorIndex) -> bool:
    """ "US" and "China" of "US-China": a name joined by a hyphen to another party's name."""
    toks = parsed.tokens
    mine = actors.at(tok.i)
    if mine is None or mine.actor is None:
        return False
    for hyphen, other in ((mine.start_token - 1, mine.start_token - 2), (mine.end_token, mine.end_token + 1)):
        if not (0 <= other < len(toks)) or toks[hyphen].text != "-":
            continue
        theirs = actors.at(other)
        if parsed.glued(hyphen) and theirs is not None and theirs.actor not in {None, mine.actor}:
            return True
    return False


def _place_at(parsed: ParsedText, tok: Token, actors: ActorIndex) -> Place | None:
    m = actors.at(tok.i)
    if m is None or m.place is None:
        return None
    if (
        m.actor is not None
        and m.actor.kind != "country"
        and (parsed.tokens[m.start_token].ent_type not in {"GPE", "LOC", "FAC"} or organization(m.text))
    ):
        return None  # an organization ("the G7") is no place
    return Place(m.place, m)


def _place_in(parsed: ParsedText, tok: Token, actors: ActorIndex) -> Place | None:
    """The place a prepositional object names; a facility defers to a city named inside it, and a
    description of a settlement to the settlement ("the port city of Jeddah", "the Swiss city of
    Geneva")."""
    if tok.lemma.lower() in SETTLEMENTS:
        named = _settlement_named(parsed, tok, actors) or _settlement_said(parsed, tok)
        if named is not None:
            return named
    direct = _place_at(parsed, tok, actors)
    inner = None
    for t in parsed.subtree(tok.i):
        if t.i == tok.i:
            continue
        m = actors.at(t.i)
        # (a town the tagger saw, or one the gazetteer knew where it saw none: "outside Entebbe")
        if (
            m is not None
            and m.place is not None
            and (parsed.tokens[m.start_token].ent_type == "GPE" or (m.actor is None and city(m.place)))
        ):
            inner = Place(m.place, m)
            break
        if t.lemma.lower() == "capital" and t.dep == "pobj":
            inner = _settlement_said(parsed, t)  # "a hotel in the Austrian capital"
            if inner is not None:
                break
    ent = parsed.entity_at(tok.i)
    # Only a venue defers to a place inside its phrase; "the war in Ukraine" is no venue.
    venue = (ent is not None and ent.label in {"FAC", "ORG"}) or tok.lemma.lower() in VENUE_NOUNS
    # "inside the Knesset", "at NATO headquarters", "at the Great Hall of the People": the city of a
    # well-known venue, over a place the tagger found in the venue's own name ("Itamaraty") but not
    # over a city named beside it ("at the Elysee Palace in Paris").
    known = _known_venue(parsed, tok, venue)
    if known is not None and all(p is None or _overlaps(p, known) for p in (direct, inner)):
        return known
    if ent is not None and ent.label == "FAC" and inner is not None:
        return inner
    if direct is None and ent is not None and ent.label == "ORG" and inner is not None and tok.pos == "PROPN":
        m = actors.at(tok.i)
        if m is not None and m.actor is not None and organization(m.text) is None:
            # "in La Malbaie, Quebec": a town the tagger took for an organization.
            return Place(m.actor.name, m)
    if (
        direct is not None
        and inner is not None
        and direct.mention.actor is not None
        and (direct.mention.actor.kind == "country" and direct.name == direct.mention.actor.name)
    ):
        return inner  # the city over the country: "in Hangzhou, China"
    if direct is not None:
        return direct
    return inner if venue else None


def _known_venue(parsed: ParsedText, tok: Token, venue: bool) -> Place | None:
    """The city of a venue of venues.tsv named in the phrase of `tok`, when the phrase is that
    venue ("NATO headquarters") or a venue noun on it ("the Knesset building"); a venue that only
    modifies another thing ("talks on the Knesset vote") places nothing."""
    keep = [t for t in parsed.subtree(tok.i) if not any(a.dep in _CLAUSES for a in _path_up(parsed, t, tok))]
    ent = parsed.entity_at(tok.i)
    if ent is not None:  # a name the parser split ("the Palácio do Planalto", "do" read as a verb)
        keep = sorted({*keep, *parsed.tokens[ent.start_token : ent.end_token]}, key=lambda t: t.i)
    first, last = keep[0], keep[-1]
    found = VENUES.find(parsed.text[first.start : last.end])
    if found is None:
        return None
    start, end, city = found[0] + first.start, found[1] + first.start, found[2]
    inside = [t for t in keep if t.start >= start and t.end <= end]
    if not inside or not (venue or any(t.i == tok.i for t in inside)):
        return None
    text = parsed.text[start:end]
    return Place(city, ActorMention(None, inside[0].i, inside[-1].i + 1, start, end, text, city))


def _overlaps(place: Place, venue: Place) -> bool:
    """Whether `place` is (part of) the venue's own name, as the tagger saw it."""
    m, v = place.mention, venue.mention
    return m.start_token < v.end_token and v.start_token < m.end_token


def _path_up(parsed: ParsedText, t: Token, top: Token) -> list[Token]:
    """The tokens from `t` up to `top` (excluded)."""
    path = []
    while t.i != top.i:
        path.append(t)
        t = parsed.tokens[t.head]
    return path


def sidelines_of(parsed: ParsedText, trigger: Trigger, trigger_heads: Set[int]) -> int | None:
    """The gathering a meeting is held on the sidelines of ("on the summit's sidelines, a
    bilateral meeting"; "met on the margins of the G20"): its trigger's head, if named."""
    return next((h.i for h in sidelines_hosts(parsed, trigger.head) if h.i in trigger_heads), None)
