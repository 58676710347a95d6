"""Coreference: what pronouns ("he", "it", "they"), titles ("the Russian leader") and descriptions ("the
committee", "the two men") stand for, from what the text has named before them.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

from app.extraction.actors.gazetteer import nationality, organization
from app.extraction.actors.mentions import Actor, ActorIndex, ActorMention
from app.extraction.actors.words import (
    COLLECTIVE_BODIES,
    COUNTS,
    GENERIC_BODIES,
    LEADER_TITLES,
    MEETING_WORDS,
    MEMBER_PREPOSITIONS,
    NAME_TITLES,
    PAIR_NOUNS,
    PLACE_LABELS,
    PLACE_PREPOSITIONS,
    PRONOUN_TAGS,
    RELATIVE_TAGS,
    SUBJECTS,
    TITLES,
)
from app.extraction.grammar import relative_noun
from app.extraction.parsed import ParsedText, Token
from app.models.v1 import PartyKind

# Whom a noun of the titles table ("the three lawmakers") stands for.
_PEOPLE: set[PartyKind] = {"person"}
# Whom a count word standing alone ("the two", "both") stands for when no people were named last.
_SIDES: set[PartyKind] = {"country", "organization"}
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj"}
_DEFINITE = {"the", "these", "those"}
# People who belong to a body, beside the titles and the words of people acting for one (FrameNet
# Membership): "members of the union said they ...".
_MEMBERS = {"member"}


@dataclass
class Person:
    """A person the text has named in full, and what it has said they are."""

    actor: Actor
    titles: set[str]  # lower-cased title words and their qualifiers ("french", "president")
    countries: set[str] = field(default_factory=set)  # alpha-3 codes the text ties them to

    def __post_init__(self) -> None:
        self.countries |= {code for word in self.titles if (code := nationality(word))}


class Discourse:
    """What a text has named so far, and what later references to it resolve to."""

    def __init__(self, parsed: ParsedText) -> None:
        self.parsed = parsed
        self.people: list[Person] = []
        self.by_surname: dict[str, Person] = {}
        self.orgs_by_acronym: dict[str, Actor] = {}
        self.mentions: list[ActorMention] = []
        self.last_person: ActorMention | None = None
        self.last_subject: ActorMention | None = None
        self.mention_at: dict[int, ActorMention] = {}  # token -> mention resolved so far
        self.plural_people: dict[int, list[ActorMention]] = {}  # "the Russian and Ukrainian leaders"

    def _record(self, mention: ActorMention) -> None:
        """Keep a mention, and which tokens it covers."""
        self.mentions.append(mention)
        self.mention_at.update(dict.fromkeys(range(mention.start_token, mention.end_token), mention))

    def _plural_pronouns(self, index: ActorIndex) -> dict[int, list[ActorMention]]:
        """ "The GMB, Unison and Unite called off stoppages so they could join": "they" is the
        coordinated subject just before it (this sentence or the one before), when it names two or
        more parties."""
        toks = self.parsed.tokens
        out: dict[int, list[ActorMention]] = {}
        for tok in toks:
            if tok.lower not in {"they", "them", "their"} or tok.tag not in PRONOUN_TAGS:
                continue
            for k in range(tok.i - 1, -1, -1):
                cand = toks[k]
                if cand.sent < tok.sent - 1:
                    break
                if cand.dep not in SUBJECTS:
                    continue
                # (the head of a member may stand inside its name: "Association" of "the Senior
                # Staff Association of Nigerian Universities")
                group = list(
                    {
                        id(m): m
                        for i in self._members(cand)
                        if (m := index.at(i)) is not None and m.actor is not None
                    }.values()
                )
                plural = len(group) >= 2 or (
                    len(group) == 1 and group[0].actor and group[0].actor.kind == "group"
                )
                if not plural and (acting := self._acted_for(cand, index)):
                    group, plural = acting, True
                if plural:
                    out[tok.i] = [
                        ActorMention(m.actor, tok.i, tok.i + 1, tok.start, tok.end, tok.text) for m in group
                    ]
                    break
            head = toks[tok.head]
            if tok.i not in out and tok.dep == "poss" and head.lemma.lower() in MEETING_WORDS:
                # "their next meeting" with no plural subject to hand: the two people just named
                pair = self._last_n(index, tok, {"person"})
                if pair:
                    out[tok.i] = pair
        out.update(self._the_two(index))
        return out

    def _acted_for(self, subject: Token, index: ActorIndex) -> list[ActorMention]:
        """ "Hamas officials said they ...", "leaders of the union said they ...": people in the plural
        who speak for the bodies or countries their phrase names stand for those, as a group would."""
        if subject.tag != "NNS" or subject.lemma.lower() not in COLLECTIVE_BODIES | TITLES | _MEMBERS:
            return []
        found: dict[int, ActorMention] = {}
        stack = [c for c in self.parsed.children(subject.i) if c.dep in {"compound", "poss", "prep"}]
        while stack:
            t = stack.pop()
            if t.dep == "prep" and t.lower not in {"of", "from"}:
                continue
            m = index.at(t.i)
            if m is not None and m.actor is not None:
                if m.actor.kind == "person":
                    return []  # "aides of the president": the person's, not a side's
                found[id(m)] = m
            stack += [c for c in self.parsed.children(t.i) if c.dep in {"compound", "pobj", "conj", "prep"}]
        return list(found.values())

    def _members(self, subject: Token) -> list[int]:
        """The tokens that may name the parties of a subject: its coordination, or, for a relative
        pronoun, that of the phrase it hangs on ("Poland and Hungary, which said they ..."); and the
        members an "among" or "including" phrase names ("several mayors, among them X, said they")."""
        toks = self.parsed.tokens
        inside: set[int] = set()  # (the relative clause itself names no member)
        if subject.tag in RELATIVE_TAGS and subject.lower != "that":
            clause = toks[subject.head]
            inside = {t.i for t in self.parsed.subtree(clause.i)}
            if clause.dep == "relcl":
                noun = relative_noun(self.parsed, clause)
            else:
                # (the parser hangs "..., which said" on the main verb as often as on the noun before it)
                before = subject.i - 1 if toks[subject.i - 1].pos == "PUNCT" else subject.i
                noun = toks[max(before - 1, 0)]
            if noun.pos not in {"NOUN", "PROPN"} or noun.i >= subject.i:
                return []
            subject = noun
            while subject.dep == "conj" and subject.head != subject.i:
                subject = toks[subject.head]
        return [
            t.i
            for t in self.parsed.subtree(subject.i)
            if t.i not in inside
            and (
                t.i == subject.i
                or t.dep in {"conj", "appos", "nsubj", "nsubjpass"}
                or (t.dep == "pobj" and toks[t.head].lower in MEMBER_PREPOSITIONS)
            )
        ]

    def _the_two(self, index: ActorIndex) -> dict[int, list[ActorMention]]:
        """ "the two men", "both leaders", "the two countries", "the three lawmakers" (any noun the
        titles table describes people by), and a count word alone ("the two held talks", "both will
        attend"): the last parties of that kind and number named in this sentence or the one before."""
        out: dict[int, list[ActorMention]] = {}
        for tok in self.parsed.tokens:
            if self._counted_alone(tok):
                n, choices = COUNTS[tok.lower], [_PEOPLE, _SIDES]  # people first, else countries or bodies
            else:
                lemma = tok.lemma.lower()
                kinds = PAIR_NOUNS.get(lemma) or (_PEOPLE if lemma in TITLES else None)
                if kinds is None or tok.tag != "NNS":
                    continue
                counts = [COUNTS.get(c.lower) for c in self.parsed.children(tok.i)]
                found = next((k for k in counts if k is not None), None)
                if found is None:
                    continue
                n, choices = found, [kinds]
            skip = self._own_subject(tok)
            group = next((g for kinds in choices if (g := self._last_n(index, tok, kinds, n, skip))), None)
            if group:
                out[tok.i] = group
        return out

    def _counted_alone(self, tok: Token) -> bool:
        """ "The two held talks", "the same three dined together", "Both said": a count word that
        stands for the parties by itself, as a subject or object, with no noun it counts."""
        if tok.lower not in COUNTS or tok.dep not in _ARGUMENTS or tok.tag not in {"CD", "DT"}:
            return False
        kids = self.parsed.children(tok.i)
        if any(c.dep == "prep" for c in kids):
            return False  # "two of the ministers" are some, not the last two named
        return tok.lower == "both" or any(c.dep == "det" and c.lower in _DEFINITE for c in kids)

    def _own_subject(self, tok: Token) -> set[int]:
        """The tokens of the subject of the clause `tok` is an object in: "Harris sat down with the
        three lawmakers" does not count Harris among them."""
        verb = tok
        while verb.pos not in {"VERB", "AUX"} and verb.head != verb.i:
            verb = self.parsed.tokens[verb.head]
        if verb.i == tok.i or tok.dep in SUBJECTS:
            return set()
        return {
            t.i for c in self.parsed.children(verb.i) if c.dep in SUBJECTS for t in self.parsed.subtree(c.i)
        }

    def _last_n(
        self, index: ActorIndex, tok: Token, kinds: set[PartyKind], n: int = 2, skip: set[int] | None = None
    ) -> list[ActorMention]:
        """The last n different parties of those kinds named before `tok`, in its sentence or the
        one before (but for the tokens in `skip`), as mentions at `tok`; empty when there are not n."""
        toks = self.parsed.tokens
        pair: list[ActorMention] = []
        for m in reversed(index.mentions):
            if m.start_token >= tok.i or toks[m.start_token].sent < tok.sent - 1:
                continue
            if skip and m.start_token in skip:
                continue
            if m.place is not None and in_place_phrase(self.parsed, m.end_token - 1):
                continue  # "in Brussels" is where, not one of "both sides"
            if m.actor is not None and m.actor.kind in kinds and all(p.actor != m.actor for p in pair):
                pair.append(m)
            if len(pair) == n:
                return [
                    ActorMention(p.actor, tok.i, tok.i + 1, tok.start, tok.end, tok.text)
                    for p in reversed(pair)
                ]
        return []

    def _leaders_by_nationality(self, tok: Token, left: list[Token]) -> bool:
        """ "the American, Russian and Ukrainian leaders": the leader the text ties to each of
        those countries, when it ties one to every one of them."""
        words = [t for c in left for t in self.parsed.subtree(c.i) if t.pos in {"ADJ", "PROPN", "NOUN"}]
        codes = [nationality(t.text) for t in words]
        if len(codes) < 2 or None in codes:
            return False
        people = [self._of_country({code}) for code in codes if code is not None]
        if any(p is None for p in people):
            return False
        self.plural_people[tok.i] = [
            ActorMention(p.actor, tok.i, tok.i + 1, tok.start, tok.end, tok.text)
            for p in people
            if p is not None
        ]
        return True

    def _titles_before(self, start: int) -> set[str]:
        """Title words right before a name ("Saudi Energy Minister Prince Abdulaziz") or in an
        apposition to it ("Kazakhstan's energy minister, Almasadam Satkaliyev")."""
        toks = self.parsed.tokens
        words: set[str] = set()
        k = start - 1
        while (
            k >= 0
            and toks[k].pos in {"PROPN", "ADJ", "NOUN"}
            and (toks[k].ent_type != "PERSON" or toks[k].lower in NAME_TITLES)
        ):
            words.add(toks[k].lower)
            k -= 1
        name_head = toks[start]
        while name_head.head != name_head.i and name_head.dep in {"compound", "flat"}:
            name_head = toks[name_head.head]
        described = toks[name_head.head]
        if name_head.dep == "appos" and described.lemma.lower() in TITLES:
            # "Kazakhstan's energy minister, Almasadam Satkaliyev": the title and what precedes it,
            # never other names in the phrase.
            words |= {
                t.lower
                for t in self.parsed.subtree(described.i)
                if t.i <= described.i and t.pos in {"NOUN", "ADJ", "PROPN"} and t.ent_type != "PERSON"
            }
        return words

    def _title(self, i: int) -> ActorMention | None:
        """ "the French president" -> the person introduced as "French President ..." earlier."""
        toks = self.parsed.tokens
        tok = toks[i]
        if (
            tok.dep == "compound"
            or tok.tag == "NNS"
            or not any(c.lower in {"the", "his", "her"} for c in self.parsed.children(i))
        ):
            return None  # (plural titles are many people: "the Russian and Ukrainian leaders")
        qualifiers = {c.lower for c in self.parsed.children(i) if c.dep in {"amod", "compound"}}
        matches = [p for p in self.people if tok.lower in p.titles and qualifiers <= p.titles]
        codes = {code for q in qualifiers if (code := nationality(q))}
        # (one a name in apposition says is that name: "his Vietnamese counterpart, Tran Dai Quang")
        named = any(c.dep == "appos" and c.pos == "PROPN" for c in self.parsed.children(i))
        if not matches and codes and tok.lemma.lower() in LEADER_TITLES and not named:
            # "the Russian leader", "his US counterpart": whom the text ties to that country, else
            # the person last named nearby whom it ties to none (and who is not this clause's
            # subject: "Trump hosted the Russian leader" is not Trump), who then is so tied.
            person = self._of_country(codes) or self._untied_person_near(i)
            if person is None:
                return None
            person.countries |= codes
            matches = [person]
        if not matches:
            return None
        return ActorMention(matches[-1].actor, i, i + 1, tok.start, tok.end, tok.text)

    def _of_country(self, codes: set[str]) -> Person | None:
        return next((p for p in reversed(self.people) if codes <= p.countries), None)

    def _untied_person_near(self, i: int) -> Person | None:
        toks = self.parsed.tokens
        verb = toks[i]
        while verb.dep not in {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp"} and verb.head != verb.i:
            verb = toks[verb.head]
        # Who the clause's subject is, and whose title this is ("his US counterpart"), however
        # named: "He met his Chinese counterpart" is not him.
        own = [c.i for c in self.parsed.children(verb.i) if c.dep in SUBJECTS]
        own += [c.i for c in self.parsed.children(i) if c.dep == "poss"]
        others = {m.actor for k in own if (m := self.mention_at.get(k)) is not None}
        for m in reversed(self.mentions):
            if toks[m.start_token].sent < toks[i].sent - 2:
                break
            if m.actor is None or m.actor.kind != "person" or m.actor in others:
                continue
            person = next((p for p in self.people if p.actor == m.actor), None)
            if person is not None and not person.countries:
                return person
        return None

    def _pronoun(self, i: int) -> ActorMention | None:
        # Centering: a pronoun most often continues the last subject, else the last person named.
        last = self.last_subject or self.last_person
        if last is None:
            return None
        if self.parsed.tokens[last.start_token].sent < self.parsed.tokens[i].sent - 2:
            return None
        tok = self.parsed.tokens[i]
        return ActorMention(last.actor, i, i + 1, tok.start, tok.end, tok.text)

    def _body(self, i: int) -> ActorMention | None:
        """ "the committee", "the panel", "the union" -> the organization named before whose name
        holds that word ("the House Energy and Commerce Committee", "the Intergovernmental Panel on
        Climate Change"), or that owned such a body ("the BMA's junior doctors committee")."""
        toks = self.parsed.tokens
        tok = toks[i]
        kids = self.parsed.children(i)
        if tok.dep == "compound" or not any(c.lower in {"the", "this", "that"} for c in kids):
            return None
        word = tok.lemma.lower()
        generic = word in GENERIC_BODIES
        if generic and any(c.dep in {"prep", "relcl", "acl"} for c in kids):
            return None  # "the group of countries ready to help" says which group it is
        for m in reversed(self.mentions):
            if m.start_token >= i or m.actor is None or m.actor.kind != "organization":
                continue
            if generic:
                # "the governing body", "the bloc": the organization named last, nearby (one the
                # tagger or the lexicon calls so, not a place the tagger was unsure of).
                if not organization(m.text) and (
                    toks[m.start_token].ent_type in PLACE_LABELS
                    or in_place_phrase(self.parsed, m.end_token - 1)
                ):
                    continue
                near = toks[m.start_token].sent >= tok.sent - 2
                return ActorMention(m.actor, i, i + 1, tok.start, tok.end, tok.text) if near else None
            owner_of = toks[toks[m.end_token - 1].head]
            if word in m.actor.name.lower().split() or (
                owner_of.lemma.lower() == word and toks[m.end_token - 1].dep in {"poss", "compound"}
            ):
                return ActorMention(m.actor, i, i + 1, tok.start, tok.end, tok.text)
        return None

    def _it(self, i: int) -> ActorMention | None:
        """ "it"/"its" -> the nearest subject before it (this sentence or the one before), when
        that subject is an organization or a country; nothing when the nearest subject is something
        else ("the junta ... the plan it accepted"), as most "it"s are no party."""
        toks = self.parsed.tokens
        tok = toks[i]
        for k in range(i - 1, -1, -1):
            cand = toks[k]
            if cand.sent < tok.sent - 1:
                break
            if cand.dep not in SUBJECTS or cand.tag in {"PRP", "WDT", "WP", "EX"}:
                continue
            if toks[cand.head].dep == "relcl":
                continue  # "Angola, whose president took over ..., said it would": not the president
            m = self.mention_at.get(k)
            if m is not None and m.actor is not None and m.actor.kind in {"organization", "country"}:
                return ActorMention(m.actor, i, i + 1, tok.start, tok.end, tok.text)
            if m is not None and m.actor is not None and m.actor.kind == "person" and cand.sent == tok.sent:
                # "it" is never the person acting: "Barclay wrote to the union inviting it" is the
                # nearest organization or country named since.
                later = [
                    o
                    for j in range(k + 1, i)
                    if (o := self.mention_at.get(j)) is not None
                    and o.actor is not None
                    and (o.actor.kind == "organization" or not in_place_phrase(self.parsed, j))
                ]
                if later:
                    return ActorMention(later[-1].actor, i, i + 1, tok.start, tok.end, tok.text)
            return None
        return None


def in_place_phrase(parsed: ParsedText, i: int, prepositions: Set[str] = PLACE_PREPOSITIONS) -> bool:
    tok = parsed.tokens[i]
    while tok.dep in {"conj", "appos", "compound"} and tok.head != tok.i:
        tok = parsed.tokens[tok.head]
    return tok.dep == "pobj" and parsed.tokens[tok.head].lower in prepositions
