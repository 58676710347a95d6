"""The resolver: every party-like mention of a text, found (the tagger's entities, mended, plus the
gazetteer's names) and canonicalized (countries, organizations in full, people by their first full
name), with pronouns, titles and descriptions pointed back at them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from app.extraction.actors import gazetteer, names
from app.extraction.actors.coreference import Discourse, Person, in_place_phrase
from app.extraction.actors.gazetteer import (
    capital_of,
    country,
    country_by_code,
    demonyms,
    organization,
    place_name,
)
from app.extraction.actors.mentions import Actor, ActorIndex, ActorMention, Span
from app.extraction.actors.names import clean
from app.extraction.actors.words import (
    ACTOR_LABELS,
    BODY_NOUNS,
    CAPTION_OPENINGS,
    COLLECTIVE_BODIES,
    COLLECTIVE_HEADS,
    GENERIC_BODIES,
    LEADER_TITLES,
    NAME_POS,
    NONPERSON_PRONOUNS,
    OWN_BODIES,
    PLACE_LABELS,
    PRONOUN_TAGS,
    PRONOUNS,
    QUANTIFIERS,
    REGIONAL_QUALIFIERS,
    SINGULAR_COLLECTIVE_BODIES,
    SUBJECTS,
    TITLES,
)
from app.extraction.parsed import ParsedText
from app.extraction.temporal.words import WORDS

# The prepositions that say where something is or goes, under which a name the tagger took for a
# person or body may be a town by another spelling of it ("talks in Ulaanbaatar"); under others
# ("of", "from") only by its main name: "the leader of Hamas" is no German town's other name.
WHERE_PREPOSITIONS = frozenset({"in", "at", "to", "near", "outside", "inside", "into"})
# The most words a city's name runs to that the text may name unrecognized ("Santo Domingo Este").
CITY_WORDS = 4
# Calendar words no city name is, whatever town shares one ("in March", "by Friday").
CALENDAR_WORDS = WORDS.months.keys() | WORDS.weekdays.keys()


def resolve_actors(parsed: ParsedText) -> ActorIndex:
    """Find and canonicalize every party-like mention in `parsed`."""
    return _Resolver(parsed).run()


class _Resolver(Discourse):
    def run(self) -> ActorIndex:
        self.orgs_by_acronym = names.acronyms(self.parsed)
        self.dateline = names.dateline_tokens(self.parsed)
        self.agency = names.dateline_agency_tokens(self.parsed)
        self.headline_end = names.headline_end(self.parsed.text)
        spans = self._candidate_spans()
        for body in names.coordinated_bodies(self.parsed, spans):
            self._record(body)
        events: list[tuple[int, int, int, str]] = []  # (start_token, end_token, kind-order, label)
        events.extend((s, e, 0, label) for s, e, label in spans)
        for tok in self.parsed.tokens:
            if tok.lower in PRONOUNS and tok.tag in PRONOUN_TAGS:
                events.append((tok.i, tok.i + 1, 1, "PRON"))
            elif tok.lower in NONPERSON_PRONOUNS and tok.tag in PRONOUN_TAGS:
                events.append((tok.i, tok.i + 1, 1, "IT"))
            elif tok.pos == "NOUN" and tok.lemma.lower() in TITLES:
                events.append((tok.i, tok.i + 1, 2, "TITLE"))
            elif tok.pos == "NOUN" and tok.lemma.lower() in BODY_NOUNS | GENERIC_BODIES and tok.tag == "NN":
                events.append((tok.i, tok.i + 1, 2, "BODY"))
        for start, end, _, label in sorted(events):
            if any(i in self.mention_at for i in range(start, end)):
                continue
            mention = self._resolve(start, end, label)
            if mention is not None:
                self._record(mention)
                if mention.actor and mention.actor.kind == "person" and label != "PRON":
                    self.last_person = mention
                    if self.parsed.tokens[mention.end_token - 1].dep in SUBJECTS:
                        self.last_subject = mention
        self._untagged_surnames()
        self._untagged_organizations()
        self._collectives()
        self._surnames_before_full_names()
        index = ActorIndex(self.mentions)
        nations = {
            p.actor.name: nation
            for p in self.people
            if len(p.countries) == 1 and (nation := country_by_code(next(iter(p.countries)))) is not None
        }
        return ActorIndex(self.mentions, self._plural_pronouns(index) | self.plural_people, nations)

    def _surnames_before_full_names(self) -> None:
        """ "Trump" in a headline or caption before "Donald Trump" is named: the one person of the
        text whose surname it is (none, or two of that surname: left alone)."""
        people = {p.actor.name: p.actor for p in self.people}
        full = names.sole_full_names(people)
        for n, m in enumerate(self.mentions):
            # (a lone surname the tagger often calls an organization: "Merkel" opening a caption)
            if (
                m.actor is not None
                and (
                    m.actor.kind == "person"
                    or (m.actor.kind == "organization" and organization(m.text) is None)
                )
                and m.actor.name in full
            ):
                self.mentions[n] = replace(m, actor=people[full[m.actor.name]])
        self.mention_at.update({i: m for m in self.mentions for i in range(m.start_token, m.end_token)})

    def _untagged_surnames(self) -> None:
        """A known person's surname the NER left untagged ("Scholz said ..." opening a sentence,
        where the tagger may even call it a common noun)."""
        for tok in self.parsed.tokens:
            if tok.i in self.mention_at or tok.pos not in NAME_POS or not tok.text[:1].isupper():
                continue
            person = self.by_surname.get(tok.lower)
            if person is not None and (
                tok.i + 1 >= len(self.parsed.tokens) or self.parsed.tokens[tok.i + 1].pos != "PROPN"
            ):
                self._record(ActorMention(person.actor, tok.i, tok.i + 1, tok.start, tok.end, tok.text))

    def _untagged_organizations(self) -> None:
        """Organizations the NER missed in one place: a name it tagged as one elsewhere in the
        text ("Facebook" opening a list), and an unknown name listed with organizations ("the GMB,
        Unison and Unite")."""
        toks = self.parsed.tokens
        known = {
            m.text: m.actor
            for m in self.mentions
            if m.actor is not None and m.actor.kind == "organization" and m.end_token - m.start_token == 1
        }
        for tok in toks:
            if (
                tok.i in self.mention_at
                or tok.pos not in NAME_POS
                or not tok.text[:1].isupper()
                or tok.ent_type
            ):
                continue
            if tok.i + 1 < len(toks) and toks[tok.i + 1].pos == "PROPN":
                continue  # part of a longer name
            actor = known.get(tok.text) if tok.pos == "PROPN" else None
            if actor is None and self._listed_with_organizations(tok.i):
                actor = Actor(tok.text, "organization")  # (a capitalized "noun" opening a list too)
            if actor is None and tok.pos == "PROPN" and names.described_as_organization(self.parsed, tok):
                actor = Actor(tok.text, "organization")
            if actor is not None:
                self._record(ActorMention(actor, tok.i, tok.i + 1, tok.start, tok.end, tok.text))
        for n, m in enumerate(self.mentions):
            if (
                m.actor is not None
                and m.actor.kind == "person"
                and " " not in m.actor.name
                and m.end_token - m.start_token == 1
                and m.actor.name.lower() not in self.by_surname
                and self._listed_with_organizations(m.start_token)
            ):
                self.mentions[n] = self.mention_at[m.start_token] = replace(
                    m, actor=Actor(m.actor.name, "organization")
                )

    def _listed_with_organizations(self, i: int) -> bool:
        """Whether token i stands in a list ("X, Y and Z") whose other members, two or more, are
        all organizations. Read off the words, as the parser often splits such lists."""
        toks = self.parsed.tokens
        separators = {",", "and", "or", "the"}
        members: list[ActorMention] = []
        joined = False
        for step in (1, -1):
            k = i + step
            while 0 <= k < len(toks) and toks[k].lower in separators:
                while 0 <= k < len(toks) and toks[k].lower in separators:
                    joined |= toks[k].lower in {"and", "or"}
                    k += step
                m = self.mention_at.get(k)
                if m is None or m.actor is None:
                    break
                members.append(m)
                k = m.end_token if step == 1 else m.start_token - 1
        kinds = [
            "name" if m.actor.kind == "person" and " " not in m.actor.name else m.actor.kind
            for m in members
            if m.actor is not None
        ]
        # (a one-word "person" in such a list is a company the tagger took for one: "Google and Twitter")
        return (
            joined
            and len(members) >= 2
            and "organization" in kinds
            and set(kinds) <= {"organization", "name"}
        )

    def _collectives(self) -> None:
        """Collective parties the text does not enumerate: "European and non-European nations",
        "Western allies", "Gulf states" are one party of kind group, never guessed members. A
        named qualifier makes one ("smaller nations" is none); a list after it ("nations such as
        Romania") or a qualifier that is itself a party ("Chinese officials" is China) does not."""
        toks = self.parsed.tokens
        taken = {i for i, m in self.mention_at.items() if m.actor is not None}  # (places may qualify)
        sentence_starts = {s.start_token for s in self.parsed.sentences}
        for tok in toks:
            if tok.tag != "NNS" or tok.lemma.lower() not in COLLECTIVE_HEADS or tok.i in taken:
                continue
            kids = self.parsed.children(tok.i)
            if any(
                c.dep == "appos" or (c.dep == "prep" and c.lower in {"such", "including", "like", "as"})
                for c in kids
            ):
                continue
            left = [c for c in kids if c.i < tok.i and c.dep in {"amod", "compound", "nmod"}]
            if tok.lemma.lower() in LEADER_TITLES and self._leaders_by_nationality(tok, left):
                continue
            span = sorted(t.i for c in left for t in self.parsed.subtree(c.i))
            named = [
                t
                for t in (toks[k] for k in span)
                if t.ent_type in {"NORP", "GPE", "LOC"}
                or t.lower in REGIONAL_QUALIFIERS
                or (any(ch.isupper() for ch in t.text) and t.i not in sentence_starts)
            ]
            if not named or any(k in taken for k in span):
                continue
            while span and (toks[span[0]].lower in QUANTIFIERS or toks[span[0]].pos in {"DET", "NUM"}):
                span.pop(0)
            start = span[0] if span else tok.i
            if any(k in taken for k in range(start, tok.i)):
                continue
            name = self.parsed.span_text(start, tok.i + 1)
            self._record(
                ActorMention(Actor(name, "group"), start, tok.i + 1, toks[start].start, tok.end, name)
            )
            taken.update(range(start, tok.i + 1))

    def _candidate_spans(self) -> list[Span]:
        """Named-entity spans, mended, plus the gazetteer's names the statistical NER missed."""
        known = gazetteer.find_names(self.parsed)
        lexical = gazetteer.long_names(self.parsed, known)
        taken = {i for s, e, _ in lexical for i in range(s, e)}
        tagged = [
            (e.start_token, e.end_token, e.label)
            for e in self.parsed.entities
            if e.label in ACTOR_LABELS and not taken & set(range(e.start_token, e.end_token))
        ]
        tagged = names.spans_split_at_list_breaks(self.parsed, sorted(tagged))
        tagged = names.paired_people(self.parsed, tagged)
        tagged = names.party_family_spans(self.parsed, names.org_spans_joined(self.parsed, tagged))
        mended = [
            names.org_span_extended(self.parsed, names.body_named_for_a_place(self.parsed, span))
            for span in tagged
        ]
        out = names.person_spans_mended(self.parsed, mended) + lexical
        covered = {i for s, e, _ in out for i in range(s, e)}
        out += gazetteer.missed_names(self.parsed, known, covered)
        out += self._missed_cities(covered)
        out += names.titled_names(self.parsed, covered)
        out += names.named_again(self.parsed, tagged, covered)
        out = names.people_listed_with_people(self.parsed, [self._as_city(span, covered) for span in out])
        return names.people_by_their_titles(self.parsed, out)

    def _as_city(self, span: Span, covered: set[int]) -> Span:
        """ "talks in Addis Ababa" the tagger took for an organization, "flew to Sochi" for a person,
        "in Santo Domingo" of which it took "Domingo" alone: a known city in a place phrase is that
        place (with the capitalized words before it that complete its name, which need no place
        phrase: "made Santo Domingo a stop")."""
        start, end, label = span
        if label not in {"ORG", "PERSON"} or not self.parsed.tokens[start].text[:1].isupper():
            return span
        placed = in_place_phrase(self.parsed, end - 1)
        # (another spelling only where the phrase says where: "in Ulaanbaatar", not "of Hamas")
        main_only = not in_place_phrase(self.parsed, end - 1, WHERE_PREPOSITIONS)
        toks = self.parsed.tokens
        first = start
        while first > 0 and start - first < CITY_WORDS - 1 and first - 1 not in covered:
            if toks[first - 1].pos != "PROPN" or not toks[first - 1].text[:1].isupper():
                break
            first -= 1
        for opening in range(first, start + 1):
            text = self.parsed.span_text(opening, end)
            if opening == start and not placed:
                continue  # a name as the tagger cut it is a place only where the phrase says so
            if gazetteer.city(text, main_only or not placed) and not self._surname_of_known(text):
                return (opening, end, "GPE")
        return span

    def _missed_cities(self, covered: set[int]) -> list[Span]:
        """Known cities in place phrases the tagger saw no entity in ("talks in Ulaanbaatar"): the
        longest run of capitalized names ending on the phrase's object."""
        toks = self.parsed.tokens
        out: list[Span] = []
        for tok in toks:
            if tok.i in covered or tok.pos != "PROPN" or not tok.text[:1].isupper():
                continue
            for end in range(min(tok.i + CITY_WORDS, len(toks)), tok.i, -1):
                if covered & set(range(tok.i, end)) or not in_place_phrase(self.parsed, end - 1):
                    continue
                if any(t.lower.rstrip(".") in CALENDAR_WORDS for t in toks[tok.i : end]):
                    continue
                if gazetteer.city(self.parsed.span_text(tok.i, end)):
                    out.append((tok.i, end, "GPE"))
                    covered.update(range(tok.i, end))
                    break
        return out

    @cached_property
    def _story_verbs(self) -> frozenset[str]:
        """The lemmas of the verbs the story after the headline uses."""
        return frozenset(
            t.lemma.lower() for t in self.parsed.tokens if t.start >= self.headline_end and t.pos == "VERB"
        )

    def _named_again(self, text: str) -> bool:
        """Whether the story after the headline names `text` again, or its last word ("Obama"); only
        the whole, where the headline's capitals ran a clause into it ("Trump Sides With Putin")."""
        story = self.parsed.text[self.headline_end :]
        words = text.split()
        if text in story:
            return True
        if any(w.lower() in names.CLAUSE_WORDS for w in words[1:]):
            return False
        if len(words) > 1 and any(country(w) is not None for w in words[1:]):
            return False  # "Kerry Urges Myanmar": a clause ending in a country is no name
        if any(w != w.lower() and re.search(rf"\b{re.escape(w.lower())}\b", story) for w in words[:-1]):
            return False  # "Meets Kim": a word the story writes in lower case is no part of a name
        if any(
            w.lower() in self._story_verbs or w.lower().removesuffix("s") in self._story_verbs
            for w in words[1:-1]
        ):
            return False  # "Obama Hosts Xi": a verb of the story ("hosted"), headline-cased
        return len(words[-1]) > 2 and re.search(rf"\b{re.escape(words[-1])}\b", story) is not None

    def _resolve(self, start: int, end: int, label: str) -> ActorMention | None:
        p, toks = self.parsed, self.parsed.tokens
        # Trim determiners, possessive endings and punctuation from the span's edges.
        opening = next((o for o in CAPTION_OPENINGS if p.text.startswith(o, toks[start].start)), None)
        if opening is not None:  # "FILE - U.S. President Barack Obama ...": the caption's mark
            cut = toks[start].start + len(opening)
            while start < end and toks[start].start < cut:
                start += 1
            rest = p.span_text(start, end) if start < end else ""
            if all(t.lemma.lower() in TITLES for t in toks[start:end]) or names.names_no_organization(rest):
                return None  # "FILE - Head of ...", "FILE - Police stand guard": no name left
        while start < end and (toks[start].pos in {"DET", "PUNCT"} or toks[start].lower == "the"):
            start += 1
        while end > start and (toks[end - 1].tag == "POS" or toks[end - 1].pos == "PUNCT"):
            end -= 1
        if start >= end:
            return None
        text = p.span_text(start, end)
        if toks[start].start < self.headline_end and not self._named_again(text):
            return None  # "Africa AIDS Conference Wraps": the headline's capitals ran words into a name
        if start in self.agency:
            return None  # "(AP) —": who filed the story
        if start in self.dateline:
            # "HANGZHOU, China —": where the story was filed, a place and no party
            return ActorMention(
                None, start, end, toks[start].start, toks[end - 1].end, text, place=_place(text)
            )
        if label == "PRON":
            return self._pronoun(start)
        if label == "IT":
            return self._it(start)
        if label == "TITLE":
            return self._title(start)
        if label == "BODY":
            return self._body(start)
        if label == "ORG" and names.names_no_organization(text):
            return None  # "Group" alone, "the IAEA Board of Governors": no party, or the owner acts
        if label == "ORG" and text.islower() and organization(text) is None:
            return None  # "the professional league": a description, not a name
        if end + 1 < len(toks) and toks[end].text == "-" and toks[end + 1].lower == "based":
            # "the Trieste-based shipbuilder": where it is based, whatever the tagger says
            return ActorMention(
                None, start, end, toks[start].start, toks[end - 1].end, text, place=_place_name(text)
            )
        actor = country(text) or organization(text)
        spelled = self.orgs_by_acronym.get(text) if text.isupper() else None
        if spelled is not None and actor is not None and actor.name not in {text, spelled.name}:
            # An acronym the text spells out is the text's ("the International Cricket Council ...
            # the ICC"), not the body the gazetteer expands it to (but "OPEC" stays its own name).
            actor = spelled
        capital = None
        if actor is None and (
            label in {"GPE", "ORG"}
            or (label == "PERSON" and end - start == 1 and not self._surname_of_known(text))
        ):
            capital = capital_of(text)  # (a lone "Lisbon" the tagger took for a person is the city)
        # "Lisbon was ready to discuss" is Portugal acting; "in Lisbon" stays the place Lisbon.
        actor = actor or capital
        if actor is None and text.upper() in self.orgs_by_acronym:
            actor = self.orgs_by_acronym[text.upper()]
        place = place_name(text) or (_place_name(text) if capital is not None else None)
        if actor is None and label == "NORP" and names.names_a_party_family(self.parsed, start, end):
            # "the Greens", "the Social Democrats": a party, which the tagger calls a nationality
            actor = Actor(clean(text), "organization")
        if actor is None and (label == "NORP" or (text.lower() in demonyms() and toks[end - 1].pos == "ADJ")):
            # "Ukrainian and Russian delegations", "Chinese officials": a nationality on a body that
            # acts for its country is that country; elsewhere ("French", "European") no party.
            code = demonyms().get(text.lower())
            first = toks[end - 1]
            while first.dep == "conj" and first.head != first.i:
                first = toks[first.head]  # "Ukrainian and Russian delegations": up to "Ukrainian"
            body = toks[first.head]
            if code is None or body.lemma.lower() not in COLLECTIVE_BODIES:
                return None
            if body.tag == "NN" and body.lemma.lower() not in SINGULAR_COLLECTIVE_BODIES:
                return None  # "the Russian leader" is a person we cannot name
            found = country_by_code(code)
            if found is None:
                return None
            return ActorMention(found, start, end, toks[start].start, toks[end - 1].end, text)
        if actor is None and label == "PERSON" and end - start == 1 and not self._surname_of_known(text):
            actor = self._short_name_of_known(text)  # "Takeda" after "Takeda Pharmaceutical"
        if label == "PERSON" and names.names_a_body(text):
            label = "ORG"  # "the Constitutional Court" the tagger took for a person
        if actor is None and (label == "PERSON" or names.looks_like_person(self.parsed, start, end)):
            actor = self._person(start, end, text)
        if actor is None and label in {"ORG", "LEX"}:
            actor = (
                self._surname_of_known(text)
                or self._short_name_of_known(text)
                or Actor(clean(text), "organization")
            )
        if actor is None and label in PLACE_LABELS:
            actor = self._surname_of_known(text)
            last = toks[end - 1]
            owned = toks[last.head]
            acts = last.dep in {"nsubj", "nsubjpass", "dobj", "conj", "appos"} or (
                # "Foxconn's talks" acts; "Hamburg's Elbwerft Gruppe" is where a named firm is
                last.dep == "poss"
                and not (owned.pos == "PROPN" and owned.ent_type in {"ORG", "PERSON", "FAC"})
            )
            if actor is None and label == "GPE" and acts and not in_place_phrase(p, end - 1):
                # An unknown "place" that acts ("Foxconn has been left out") is an organization
                # the tagger mislabelled; as the object of "in"/"at" it stays a place.
                actor = Actor(clean(text), "organization")
            if actor is None:
                return ActorMention(
                    None, start, end, toks[start].start, toks[end - 1].end, text, place=_place_name(text)
                )
        if actor is None:
            return None
        if actor.kind == "person" or (actor.kind == "organization" and organization(text) is not None):
            # "Hasina" the tagger called a place is the prime minister named before; "G7" a body
            place = None
        elif place is None and (label in PLACE_LABELS or actor.kind == "country"):
            place = actor.name if actor.kind == "country" else _place_name(text)
        return ActorMention(actor, start, end, toks[start].start, toks[end - 1].end, text, place=place)

    def _person(self, start: int, end: int, text: str) -> Actor:
        name = clean(text)
        words = name.split()
        known = self.by_surname.get(words[-1].lower()) or self.by_surname.get(names.bare(words[-1]).lower())
        if known is not None and (
            len(words) == 1
            or known.actor.name.endswith(name)
            or names.bare(known.actor.name) == names.bare(name)
        ):
            return known.actor  # ("Bashar Assad" after "Bashar al-Assad": the name as first written)
        if len(words) == 1:
            # A surname-only first mention: a later full name may still appear; keep it as written.
            actor = Actor(name, "person")
        else:
            actor = Actor(name, "person")
            person = Person(actor, self._titles_before(start))
            self.people.append(person)
            for form in names.surname_forms(words[-1]):
                self.by_surname.setdefault(form.lower(), person)
            for w in words[:-1]:
                # Family names come first in many languages: "Kim Jong Un", "Lee Hsien Loong".
                if w[:1].isupper() and len(w) >= 2 and not w.endswith("."):  # "Xi", "Li"
                    self.by_surname.setdefault(w.lower(), person)
        return actor

    def _short_name_of_known(self, text: str) -> Actor | None:
        """ "Harcourt" after "Harcourt Foods", "Hyundai Heavy" after "Hyundai Heavy Industries": an
        organization's first words stand for it."""
        words = clean(text).split()
        for m in reversed(self.mentions):
            if (
                m.actor is not None
                and m.actor.kind == "organization"
                and m.actor.name.split()[: len(words)] == words
            ):
                rest = m.actor.name.split()[len(words) :]
                # (not the body of its people: "Norland Air" is not the "Norland Air Pilots Union")
                return m.actor if rest and rest[-1].lower() not in OWN_BODIES else None
        return None

    def _surname_of_known(self, text: str) -> Actor | None:
        person = self.by_surname.get(clean(text).lower())
        return person.actor if person else None


def _place(text: str) -> str:
    """A place's name as written, or in title case where it is written in capitals."""
    name = _place_name(text)
    return name.title() if name.isupper() else name


def _place_name(text: str) -> str:
    """A place's name as written, without the postal abbreviation of its region the tagger took
    with it ("Washington, D.C." is Washington, "Austin, TX" Austin)."""
    name = clean(text)
    town, comma, region = name.partition(", ")
    letters = region.replace(".", "")
    return town if comma and letters.isupper() and len(letters) <= 3 else name
