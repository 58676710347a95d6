"""Actor normalization: which party each name, title or pronoun in the text stands for.

Countries become their common English name with an ISO 3166-1 alpha-3 id (pycountry), capitals and
seats of government map to their country when they act, organizations are named in full, and people
get the full name of their first mention (later surnames, titles and pronouns point back to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import cast, get_args

import countryinfo
import pycountry

from app.extraction import lexicon
from app.extraction.parsed import ParsedText, Token
from app.models.v1 import PartyKind


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: PartyKind
    id: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    actor: Actor | None  # None for a place that is no party (a region, a city of no capital)
    start_token: int
    end_token: int  # exclusive
    start: int
    end: int
    text: str
    place: str | None = None  # the place a city or seat of government names, when used as one


# The knowledge this stage reads lives in tables under app/extraction/lexicon/en/ (an example
# sentence on every row); these are the views the code below looks words up in.
_countries_table = lexicon.table("countries")
# pycountry's names are ISO's; news writes the common ones.
COMMON_COUNTRY_NAMES = {row["code"]: row["form"] for row in _countries_table.where(use="name")}
COUNTRY_ALIASES = {row["form"].lower(): row["code"] for row in _countries_table.rows}
# Capitals and seats of government that stand for their country when they act
# ("Moscow was cooler", "the Kremlin said"); the second value is the place they name.
METONYMS = {row["form"].lower(): (row["code"], row["place"]) for row in lexicon.table("metonyms").rows}
ORGANIZATIONS = {row["form"].lower(): row["name"] for row in lexicon.table("organizations").rows}
# Words that introduce or describe a person ("French President Emmanuel Macron", "its spokesman").
TITLES = lexicon.words("titles", "word", role="describes")
# Titles the NER model includes in a person's span ("Prince Abdulaziz", "President Macron").
NAME_TITLES = lexicon.words("titles", "word", role="in_name")
# Words after which a tagged span's name begins: "... Security Adviser Ajit Doval".
PERSON_TITLE_WORDS = lexicon.words("titles", "word", role="opens_name")
STYLED_TITLES = lexicon.words("titles", "word", role="styled")
# Titles of whoever leads a country: "the Russian leader" is the one the text ties to Russia.
LEADER_TITLES = lexicon.words("titles", "word", role="leads_country")
# Lower-case parts of names ("Ursula von der Leyen", "Abdulaziz bin Salman").
NAME_PARTICLES = lexicon.words("name_particles", "word")
# Single words the NER takes for an organization that name none by themselves.
GENERIC_ORG_WORDS = lexicon.words("organization_words", "word", role="not_a_name")
# Nouns a definite description uses for an organization named before ("the committee").
BODY_NOUNS = lexicon.words("organization_words", "word", role="refers_back")
# Words for any organization, whatever its name: "the governing body", "the bloc".
GENERIC_BODIES = lexicon.words("organization_words", "word", role="any_body")
# Head words of institutions whose full name goes on with "of"/"for" ("Court of Appeals for ...").
INSTITUTION_HEADS = lexicon.words("organization_words", "word", role="institution")
# Nouns that say a name is an organization's: "Ofwat, the industry regulator".
ORG_DESCRIPTORS = lexicon.words("organization_words", "word", role="describes_org")
# Words that name an organ of an organization, not an organization of its own.
BODY_NAME_WORDS = lexicon.words("organization_words", "word", role="organ")
# Bodies that act for a country: "Chinese officials", "the Ukrainian delegation".
COLLECTIVE_BODIES = lexicon.words("collective_words", "word", role="acts_for_country")
SINGULAR_COLLECTIVE_BODIES = lexicon.words("collective_words", "word", role="acts_singular")
# Plural nouns a collective party is made of ("European nations", "Gulf states").
COLLECTIVE_HEADS = lexicon.words("collective_words", "word", role="head")
# Qualifiers that name a collective even where capitals say nothing (opening a sentence).
REGIONAL_QUALIFIERS = lexicon.words("collective_words", "word", role="regional")
# Words of quantity and emphasis that are not part of a collective party's name.
QUANTIFIERS = lexicon.words("collective_words", "word", role="quantifier")
# Meeting nouns a plural possessive may stand on ("their next meeting").
MEETING_WORDS = lexicon.words("actor_meeting_nouns", "word")
# "the two men", "both sides", "the three countries": how many parties they stand for.
COUNTS = {row["word"]: int(row["number"]) for row in lexicon.table("pair_counts").rows}


def party_kind(name: str) -> PartyKind:
    if name not in get_args(PartyKind):
        raise ValueError(f"unknown party kind {name!r}")
    return cast(PartyKind, name)


# "The two men", "both countries": nouns that pair up the last two parties of a kind.
PAIR_NOUNS: dict[str, set[PartyKind]] = {}
for _row in lexicon.table("pair_nouns").rows:
    PAIR_NOUNS.setdefault(_row["noun"], set()).add(party_kind(_row["kind"]))
# Prepositions whose object is a place, not a party ("in Brussels").
PLACE_PREPOSITIONS = lexicon.words("actor_place_prepositions", "word")
WITHDRAWN = "-"  # a demonym override's code that withdraws a derived demonym


@cache
def demonyms() -> dict[str, str]:
    """Nationality adjective -> alpha-3 code: countryinfo's demonyms (the most populous country
    where several share one: "French" is France), then the hand-edited overrides."""
    derived: dict[str, tuple[int, str]] = {}
    known = {code for _, code in _countries().values()}
    for info in countryinfo.all_countries():
        try:
            demonym, code, population = info.demonym(), info.iso(3), info.population() or 0
        except (KeyError, ValueError, countryinfo.CountryNotFoundError):
            continue
        if not isinstance(demonym, str) or not isinstance(code, str) or code not in known:
            continue
        for word in re.split(r"[,/]", demonym.lower()):  # "Bosnian, Herzegovinian", "Serbian/Montenegrin"
            if word.strip():
                derived[word.strip()] = max(derived.get(word.strip(), (population, code)), (population, code))
    table = {word: code for word, (_, code) in derived.items()}
    for row in lexicon.table("demonym_overrides").rows:
        if row["code"] == WITHDRAWN:
            table.pop(row["demonym"].lower(), None)
        else:
            table[row["demonym"].lower()] = row["code"]
    return table


PRONOUNS = {"he": "person", "him": "person", "his": "person", "she": "person", "her": "person"}
# Pronouns for an organization or a country: "OPEC+ has pushed back its meeting", "the court said
# it will hear".
NONPERSON_PRONOUNS = {"it", "its"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_STRIP = re.compile(r"^(the)\s+|(['’]s?)$", re.IGNORECASE)  # noqa: RUF001


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """Lower-cased country name or alias -> (common English name, alpha-3)."""
    table: dict[str, tuple[str, str]] = {}
    by_code: dict[str, str] = {}
    for c in pycountry.countries:
        name = COMMON_COUNTRY_NAMES.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        by_code[c.alpha_3] = name
        for form in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None), name):
            if form:
                table[form.lower()] = (name, c.alpha_3)
    by_code.setdefault("XKX", "Kosovo")
    for alias, code in COUNTRY_ALIASES.items():
        table[alias] = (by_code[code], code)
    return table


def country(name: str) -> Actor | None:
    """The country a name stands for, metonyms included ("the Kremlin" -> Russia)."""
    key = _STRIP.sub("", name.strip()).lower()
    key = _STRIP.sub("", key)
    found = _countries().get(key)
    if found is None and key in METONYMS:
        code = METONYMS[key][0]
        found = next((v for v in _countries().values() if v[1] == code), None)
    return Actor(found[0], "country", found[1]) if found else None


@cache
def _capitals() -> dict[str, str]:
    """Every country's capital (from countryinfo), lower-cased, to the country's alpha-3 code."""
    table: dict[str, str] = {}
    for info in countryinfo.all_countries():
        try:
            capital, code = info.capital(), info.iso(3)
        except (KeyError, ValueError, countryinfo.CountryNotFoundError):
            continue
        known = isinstance(code, str) and code in {v[1] for v in _countries().values()}
        for name in [capital] if isinstance(capital, str) else capital or []:
            if known and isinstance(name, str):
                table.setdefault(name.lower(), str(code))
    return table


def capital_of(name: str) -> Actor | None:
    """The country whose capital a place name is ("Lisbon" -> Portugal): only for a name the
    tagger already read as a place, as many capitals are also words or given names."""
    code = _capitals().get(_STRIP.sub("", name.strip()).lower())
    found = next((v for v in _countries().values() if v[1] == code), None) if code else None
    return Actor(found[0], "country", found[1]) if found else None


def place_name(name: str) -> str | None:
    """The place a seat of government names ("the White House" -> Washington), if it is one."""
    key = _STRIP.sub("", name.strip()).lower()
    return METONYMS[key][1] if key in METONYMS else None


def organization(name: str) -> Actor | None:
    key = _STRIP.sub("", name.strip()).lower()
    full = ORGANIZATIONS.get(key)
    return Actor(full, "organization") if full else None


def nationality(word: str) -> str | None:
    """The ISO 3166-1 alpha-3 code a word ties a person to: "Russian", "US", "Kremlin"."""
    code = demonyms().get(word.lower())
    if code is None:
        found = country(word)
        code = found.id if found is not None else None
    return code


@dataclass
class _Person:
    actor: Actor
    titles: set[str]  # lower-cased title words and their qualifiers ("french", "president")
    countries: set[str] = field(default_factory=set)  # alpha-3 codes the text ties them to

    def __post_init__(self) -> None:
        self.countries |= {code for word in self.titles if (code := nationality(word))}


class ActorIndex:
    """Every actor mention in a text, looked up by token."""

    def __init__(
        self, mentions: list[ActorMention], plural: dict[int, list[ActorMention]] | None = None
    ) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start_token)
        self._by_token: dict[int, ActorMention] = {}
        for m in self.mentions:
            for i in range(m.start_token, m.end_token):
                self._by_token.setdefault(i, m)
        self._plural = plural or {}

    def at(self, i: int) -> ActorMention | None:
        return self._by_token.get(i)

    def plural_at(self, i: int) -> list[ActorMention]:
        """The parties a plural pronoun ("they", "their") at token i stands for."""
        return self._plural.get(i, [])


def resolve_actors(parsed: ParsedText) -> ActorIndex:
    """Find and canonicalize every party-like mention in `parsed`."""
    return _Resolver(parsed).run()


class _Resolver:
    def __init__(self, parsed: ParsedText) -> None:
        self.parsed = parsed
        self.people: list[_Person] = []
        self.by_surname: dict[str, _Person] = {}
        self.orgs_by_acronym: dict[str, Actor] = {}
        self.mentions: list[ActorMention] = []
        self.last_person: ActorMention | None = None
        self.last_subject: ActorMention | None = None
        self.mention_at: dict[int, ActorMention] = {}  # token -> mention resolved so far
        self.plural_people: dict[int, list[ActorMention]] = {}  # "the Russian and Ukrainian leaders"

    def run(self) -> ActorIndex:
        self._learn_acronyms()
        spans = self._candidate_spans()
        for body in self._coordinated_bodies(spans):
            self._record(body)
        events: list[tuple[int, int, int, str]] = []  # (start_token, end_token, kind-order, label)
        events.extend((s, e, 0, label) for s, e, label in spans)
        for tok in self.parsed.tokens:
            if tok.lower in PRONOUNS and tok.tag in {"PRP", "PRP$"}:
                events.append((tok.i, tok.i + 1, 1, "PRON"))
            elif tok.lower in NONPERSON_PRONOUNS and tok.tag in {"PRP", "PRP$"}:
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
                    if self.parsed.tokens[mention.end_token - 1].dep in {"nsubj", "nsubjpass"}:
                        self.last_subject = mention
        self._untagged_surnames()
        self._untagged_organizations()
        self._collectives()
        index = ActorIndex(self.mentions)
        return ActorIndex(self.mentions, self._plural_pronouns(index) | self.plural_people)

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
            if tok.lower not in {"they", "them", "their"} or tok.tag not in {"PRP", "PRP$"}:
                continue
            for k in range(tok.i - 1, -1, -1):
                cand = toks[k]
                if cand.sent < tok.sent - 1:
                    break
                if cand.dep not in {"nsubj", "nsubjpass"}:
                    continue
                group = [
                    m
                    for t in self.parsed.subtree(cand.i)
                    if t.dep in {"conj", "nsubj", "nsubjpass"}
                    and (m := index.at(t.i)) is not None
                    and m.actor is not None
                    and m.end_token - 1 == t.i
                ]
                if len(group) >= 2 or (len(group) == 1 and group[0].actor and group[0].actor.kind == "group"):
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

    def _the_two(self, index: ActorIndex) -> dict[int, list[ActorMention]]:
        """ "the two men", "both leaders", "the two countries": the last two parties of that kind
        named in this sentence or the one before."""
        out: dict[int, list[ActorMention]] = {}
        for tok in self.parsed.tokens:
            kinds = PAIR_NOUNS.get(tok.lemma.lower())
            if kinds is None or tok.tag != "NNS":
                continue
            counts = [COUNTS.get(c.lower) for c in self.parsed.children(tok.i)]
            n = next((k for k in counts if k is not None), None)
            if n is not None:
                group = self._last_n(index, tok, kinds, n)
                if group:
                    out[tok.i] = group
        return out

    def _last_n(self, index: ActorIndex, tok: Token, kinds: set[PartyKind], n: int = 2) -> list[ActorMention]:
        """The last n different parties of those kinds named before `tok`, in its sentence or the
        one before, as mentions at `tok`; empty when there are not n."""
        toks = self.parsed.tokens
        pair: list[ActorMention] = []
        for m in reversed(index.mentions):
            if m.start_token >= tok.i or toks[m.start_token].sent < tok.sent - 1:
                continue
            if m.place is not None and _in_place_phrase(self.parsed, m.end_token - 1):
                continue  # "in Brussels" is where, not one of "both sides"
            if m.actor is not None and m.actor.kind in kinds and all(p.actor != m.actor for p in pair):
                pair.append(m)
            if len(pair) == n:
                return [
                    ActorMention(p.actor, tok.i, tok.i + 1, tok.start, tok.end, tok.text)
                    for p in reversed(pair)
                ]
        return []

    def _untagged_surnames(self) -> None:
        """A known person's surname the NER left untagged ("Scholz said ..." opening a sentence,
        where the tagger may even call it a common noun)."""
        for tok in self.parsed.tokens:
            if tok.i in self.mention_at or tok.pos not in {"PROPN", "NOUN"} or not tok.text[:1].isupper():
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
                or tok.pos not in {"PROPN", "NOUN"}
                or not tok.text[:1].isupper()
                or tok.ent_type
            ):
                continue
            if tok.i + 1 < len(toks) and toks[tok.i + 1].pos == "PROPN":
                continue  # part of a longer name
            actor = known.get(tok.text) if tok.pos == "PROPN" else None
            if actor is None and self._listed_with_organizations(tok.i):
                actor = Actor(tok.text, "organization")  # (a capitalized "noun" opening a list too)
            if actor is None and tok.pos == "PROPN" and self._described_as_organization(tok):
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

    def _described_as_organization(self, tok: Token) -> bool:
        """ "Ofwat, the industry regulator", "the carmaker Renault": an apposition says what the
        untagged name is."""
        toks = self.parsed.tokens
        described = [c for c in self.parsed.children(tok.i) if c.dep == "appos"]
        if tok.dep == "appos" or (tok.dep == "compound" and toks[tok.head].pos == "NOUN"):
            described.append(toks[tok.head])
        return any(d.lemma.lower() in ORG_DESCRIPTORS and d.pos == "NOUN" for d in described)

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

    # -- candidates -------------------------------------------------------------------------------

    def _candidate_spans(self) -> list[tuple[int, int, str]]:
        """Named-entity spans, plus lexicon names the statistical NER missed."""
        toks = self.parsed.tokens
        # Names of several words from the lexicons first: they beat the tagger's cuts ("Group of
        # Seven" is the G7, not "Group" and "Seven").
        lexical: list[tuple[int, int, str]] = []
        taken: set[int] = set()
        for tok in toks:
            if tok.i in taken or not tok.text[:1].isupper():
                continue
            for width in (4, 3, 2):
                end = tok.i + width
                if end <= len(toks) and (
                    organization(self.parsed.span_text(tok.i, end))
                    or country(self.parsed.span_text(tok.i, end))
                ):
                    lexical.append((tok.i, end, "LEX"))
                    taken.update(range(tok.i, end))
                    break
        tagged = [
            (e.start_token, e.end_token, e.label)
            for e in self.parsed.entities
            if e.label in ACTOR_LABELS and not taken & set(range(e.start_token, e.end_token))
        ]
        tagged = self._org_spans_joined(sorted(tagged))
        out = self._person_spans_mended([self._org_span_extended(span) for span in tagged]) + lexical
        covered = {i for s, e, _ in out for i in range(s, e)}
        for tok in toks:
            if tok.i in covered or tok.pos not in {"PROPN", "NOUN"} or not tok.text[:1].isupper():
                continue
            for width in (3, 2, 1):
                end = tok.i + width
                if end > len(toks) or any(i in covered for i in range(tok.i, end)):
                    continue
                text = self.parsed.span_text(tok.i, end)
                if country(text) or organization(text):
                    out.append((tok.i, end, "LEX"))
                    covered.update(range(tok.i, end))
                    break
        # "President Ruto", "Chancellor Merz": a capitalized title before untagged proper nouns
        # (not the next title of a chain, "Secretary General Mark Rutte", nor part of a tagged name).
        titles = NAME_TITLES | TITLES
        for tok in toks[:-1]:
            if tok.lower.rstrip(".") not in titles or not tok.text[:1].isupper():
                continue
            start = end = tok.i + 1
            while (
                end < len(toks)
                and end - start < 3
                and toks[end].pos == "PROPN"
                and end not in covered
                and toks[end].lower.rstrip(".") not in titles
            ):
                end += 1
            if end == start or (end < len(toks) and (end in covered or toks[end].lower in titles)):
                continue
            if not country(self.parsed.span_text(start, end)) and not organization(
                self.parsed.span_text(start, end)
            ):
                out.append((start, end, "PERSON"))
                covered.update(range(start, end))
        return out

    def _coordinated_bodies(self, spans: list[tuple[int, int, str]]) -> list[ActorMention]:
        """ "the Senate Judiciary and Commerce committees" are two committees, the Senate
        Judiciary Committee and the Senate Commerce Committee: the plural head is shared, and so
        is whatever precedes the first member beyond the last member's length."""
        toks = self.parsed.tokens
        out: list[ActorMention] = []
        for start, end, label in spans:
            while start < end and toks[start].lower == "the":
                start += 1
            head = toks[end] if end < len(toks) else None
            if (
                label != "ORG"
                or head is None
                or head.tag != "NNS"
                or head.lemma.lower() not in BODY_NOUNS | INSTITUTION_HEADS
            ):
                continue
            members: list[list[Token]] = [[]]
            for tok in toks[start:end]:
                if tok.lower in {"and", ","}:
                    members.append([])
                else:
                    members[-1].append(tok)
            members = [m for m in members if m]
            if len(members) < 2 or any(not t.text[:1].isupper() for m in members for t in m):
                continue
            width = len(members[-1])
            if len(members[0]) <= width:
                continue  # no shared part to spread: "Energy and Commerce committees"
            shared = members[0][:-width]
            members[0] = members[0][-width:]
            suffix = head.lemma.capitalize()
            prefix = " ".join(t.text for t in shared)
            for k, member in enumerate(members):
                first = shared[0] if k == 0 else member[0]
                name = f"{prefix} {' '.join(t.text for t in member)} {suffix}"
                out.append(
                    ActorMention(
                        Actor(name, "organization"),
                        first.i,
                        member[-1].i + 1,
                        first.start,
                        member[-1].end,
                        self.parsed.text[first.start : member[-1].end],
                    )
                )
        return out

    def _org_spans_joined(self, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """One name the tagger cut in two at a joining word: "the International Longshore and" +
        "Warehouse Union Canada"."""
        toks = self.parsed.tokens
        out: list[tuple[int, int, str]] = []
        for span in spans:
            if out:
                start, end, label = out[-1]
                if (
                    label == "ORG"
                    and span[2] == "ORG"
                    and span[0] == end
                    and toks[end - 1].lower in {"and", "&", "of", "for"}
                ):
                    out[-1] = (start, span[1], "ORG")
                    continue
            out.append(span)
        return out

    def _org_span_extended(self, span: tuple[int, int, str]) -> tuple[int, int, str]:
        """An institution's name the tagger cut before its "of"/"for" part: "the U.S. Court of
        Appeals for the District of Columbia Circuit", "the Ministry of Foreign Affairs"."""
        start, end, label = span
        toks = self.parsed.tokens
        if label != "ORG" or toks[end - 1].lemma.lower() not in BODY_NOUNS | INSTITUTION_HEADS:
            return span
        k = end
        while k < len(toks) and toks[k].lower in {"of", "for"}:
            j = k + 1
            if j < len(toks) and toks[j].lower == "the":
                j += 1
            last = j
            while last < len(toks) and (
                (
                    toks[last].pos == "PROPN"
                    and toks[last].text[:1].isupper()
                    and toks[last].ent_type != "DATE"
                )
                or (
                    toks[last].lower in {"of", "and"}
                    and last + 1 < len(toks)
                    and toks[last + 1].pos == "PROPN"
                )
            ):
                last += 1
            if last == j or toks[last - 1].pos != "PROPN":
                break
            end = k = last
        return start, end, label

    def _person_spans_mended(self, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Mend person names the small NER model cuts short or pads with a title.

        "Ursula von" + "der" + "Leyen" and "Lee Hsien" + "Loong" are one name; "Prince Abdulaziz"
        is Abdulaziz.
        """
        toks = self.parsed.tokens
        spans = sorted(spans)
        out: list[tuple[int, int, str]] = []
        k = 0
        while k < len(spans):
            start, end, label = spans[k]
            k += 1
            if label == "ORG":
                # "Indian National Security Adviser Ajit Doval" tagged as an organization
                last_title = max(
                    (j for j in range(start, end) if toks[j].lower in PERSON_TITLE_WORDS), default=None
                )
                if (
                    last_title is not None
                    and end - last_title > 2
                    and all(t.pos == "PROPN" for t in toks[last_title + 1 : end])
                ):
                    label = "PERSON"
            if label == "PERSON":
                while True:
                    j = end
                    while j < len(toks) and toks[j].lower in NAME_PARTICLES:
                        j += 1
                    if (
                        j < len(toks)
                        and toks[j].pos == "PROPN"
                        and toks[j].text[:1].isupper()
                        and (j > end or not toks[j].ent_type or toks[j].ent_type in {"PERSON", "GPE"})
                        and toks[j].ent_type not in {"DATE"}
                        and toks[j].tag != "POS"
                    ):
                        nxt = next((sp for sp in spans[k:] if sp[0] == j), None)
                        end = nxt[1] if nxt else j + 1
                        if nxt:
                            k = spans.index(nxt) + 1
                        continue
                    break
                # "Indian National Security Adviser Ajit Doval" tagged whole: the name follows the
                # last title word.
                last_title = max(
                    (
                        k
                        for k in range(start, end)
                        if toks[k].lower.rstrip(".") in TITLES | {"adviser", "advisor"}
                    ),
                    default=None,
                )
                if last_title is not None and end - last_title > 2:
                    start = last_title + 1
                # Strip titles, but keep a royal or religious one before a single name ("Pope
                # Francis", "King Charles"): it is part of how such people are named.
                while end - start > 1 and toks[start].lower.rstrip(".") in NAME_TITLES:
                    if end - start == 2 and toks[start].lower in STYLED_TITLES:
                        break
                    start += 1
            out.append((start, end, label))
        return out

    def _learn_acronyms(self) -> None:
        """Acronyms defined or implied in the text: "the British Medical Association ... the BMA"."""
        long_orgs = [e for e in self.parsed.entities if e.label == "ORG" and len(e.text.split()) >= 2]
        for ent in long_orgs:
            words = [w for w in _STRIP.sub("", ent.text).split() if w[:1].isupper()]
            if len(words) >= 2:
                initials = "".join(w[0] for w in words).upper()
                self.orgs_by_acronym.setdefault(initials, Actor(_clean(ent.text), "organization"))

    # -- resolution -------------------------------------------------------------------------------

    def _resolve(self, start: int, end: int, label: str) -> ActorMention | None:
        p, toks = self.parsed, self.parsed.tokens
        # Trim determiners, possessive endings and punctuation from the span's edges.
        while start < end and (toks[start].pos in {"DET", "PUNCT"} or toks[start].lower == "the"):
            start += 1
        while end > start and (toks[end - 1].tag == "POS" or toks[end - 1].pos == "PUNCT"):
            end -= 1
        if start >= end:
            return None
        text = p.span_text(start, end)
        if label == "PRON":
            return self._pronoun(start)
        if label == "IT":
            return self._it(start)
        if label == "TITLE":
            return self._title(start)
        if label == "BODY":
            return self._body(start)
        if label == "ORG" and text.lower() in GENERIC_ORG_WORDS:
            return None  # "Group", "State" alone (from "Group of Seven", "Secretary of State"): no party
        if label == "ORG" and text.islower() and organization(text) is None:
            return None  # "the professional league": a description, not a name
        if label == "ORG" and set(_clean(text).lower().split()) <= BODY_NAME_WORDS:
            return None  # "the ECB's Governing Council", "the IAEA Board of Governors": the owner acts
        if end + 1 < len(toks) and toks[end].text == "-" and toks[end + 1].lower == "based":
            # "the Trieste-based shipbuilder": where it is based, whatever the tagger says
            return ActorMention(
                None, start, end, toks[start].start, toks[end - 1].end, text, place=_clean(text)
            )
        actor = country(text) or organization(text)
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
        place = place_name(text) or (_clean(text) if capital is not None else None)
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
            found = next((v for v in _countries().values() if v[1] == code), None)
            if found is None:
                return None
            return ActorMention(
                Actor(found[0], "country", code), start, end, toks[start].start, toks[end - 1].end, text
            )
        if actor is None and (label == "PERSON" or self._looks_like_person(start, end)):
            actor = self._person(start, end, text)
        if actor is None and label in {"ORG", "LEX"}:
            actor = (
                self._surname_of_known(text)
                or self._short_name_of_known(text)
                or Actor(_clean(text), "organization")
            )
        if actor is None and label in {"GPE", "LOC", "FAC"}:
            actor = self._surname_of_known(text)
            last = toks[end - 1]
            owned = toks[last.head]
            acts = last.dep in {"nsubj", "nsubjpass", "dobj", "conj", "appos"} or (
                # "Foxconn's talks" acts; "Hamburg's Elbwerft Gruppe" is where a named firm is
                last.dep == "poss"
                and not (owned.pos == "PROPN" and owned.ent_type in {"ORG", "PERSON", "FAC"})
            )
            if actor is None and label == "GPE" and acts and not _in_place_phrase(p, end - 1):
                # An unknown "place" that acts ("Foxconn has been left out") is an organization
                # the tagger mislabelled; as the object of "in"/"at" it stays a place.
                actor = Actor(_clean(text), "organization")
            if actor is None:
                return ActorMention(
                    None, start, end, toks[start].start, toks[end - 1].end, text, place=_clean(text)
                )
        if actor is None:
            return None
        if place is None and (label in {"GPE", "LOC", "FAC"} or actor.kind == "country"):
            place = actor.name if actor.kind == "country" else _clean(text)
        return ActorMention(actor, start, end, toks[start].start, toks[end - 1].end, text, place=place)

    def _looks_like_person(self, start: int, end: int) -> bool:
        """Proper names introduced by a title: "Italy's Giorgia Meloni", "minister, Retno Marsudi"."""
        toks = self.parsed.tokens
        if not all(t.pos == "PROPN" for t in toks[start:end]) or end - start < 2:
            return False
        before = toks[start - 1] if start > 0 else None
        head = toks[toks[end - 1].head]
        # (A name before its title, "European Council President ...", is the title's organization.)
        return bool(
            (before is not None and (before.tag == "POS" or before.lemma.lower() in TITLES))
            or (head.lemma.lower() in TITLES and head.i < start)
        )

    def _person(self, start: int, end: int, text: str) -> Actor:
        name = _clean(text)
        words = name.split()
        known = self.by_surname.get(words[-1].lower())
        if known is not None and (len(words) == 1 or known.actor.name.endswith(name)):
            return known.actor
        if len(words) == 1:
            # A surname-only first mention: a later full name may still appear; keep it as written.
            actor = Actor(name, "person")
        else:
            actor = Actor(name, "person")
            person = _Person(actor, self._titles_before(start))
            self.people.append(person)
            self.by_surname.setdefault(words[-1].lower(), person)
            for w in words[:-1]:
                # Family names come first in many languages: "Kim Jong Un", "Lee Hsien Loong".
                if w[:1].isupper() and len(w) >= 2 and not w.endswith("."):  # "Xi", "Li"
                    self.by_surname.setdefault(w.lower(), person)
        return actor

    def _short_name_of_known(self, text: str) -> Actor | None:
        """ "Harcourt" after "Harcourt Foods": an organization's first word stands for it."""
        word = _clean(text)
        if " " in word:
            return None
        for m in reversed(self.mentions):
            if m.actor is not None and m.actor.kind == "organization" and m.actor.name.split()[0] == word:
                return m.actor if " " in m.actor.name else None
        return None

    def _surname_of_known(self, text: str) -> Actor | None:
        person = self.by_surname.get(_clean(text).lower())
        return person.actor if person else None

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
        if not matches and codes and tok.lemma.lower() in LEADER_TITLES:
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

    def _of_country(self, codes: set[str]) -> _Person | None:
        return next((p for p in reversed(self.people) if codes <= p.countries), None)

    def _untied_person_near(self, i: int) -> _Person | None:
        toks = self.parsed.tokens
        verb = toks[i]
        while verb.dep not in {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp"} and verb.head != verb.i:
            verb = toks[verb.head]
        own_subjects = {c.i for c in self.parsed.children(verb.i) if c.dep in {"nsubj", "nsubjpass"}}
        for m in reversed(self.mentions):
            if toks[m.start_token].sent < toks[i].sent - 2:
                break
            if m.actor is None or m.actor.kind != "person" or m.end_token - 1 in own_subjects:
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
                    toks[m.start_token].ent_type in {"GPE", "LOC", "FAC"}
                    or _in_place_phrase(self.parsed, m.end_token - 1)
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
            if cand.dep not in {"nsubj", "nsubjpass"} or cand.tag in {"PRP", "WDT", "WP", "EX"}:
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
                    and (o.actor.kind == "organization" or not _in_place_phrase(self.parsed, j))
                ]
                if later:
                    return ActorMention(later[-1].actor, i, i + 1, tok.start, tok.end, tok.text)
            return None
        return None


def _in_place_phrase(parsed: ParsedText, i: int) -> bool:
    tok = parsed.tokens[i]
    while tok.dep in {"conj", "appos", "compound"} and tok.head != tok.i:
        tok = parsed.tokens[tok.head]
    return tok.dep == "pobj" and parsed.tokens[tok.head].lower in PLACE_PREPOSITIONS


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(the|The)\s+", "", text)
    return re.sub(r"['’]s?$", "", text).strip()  # noqa: RUF001


def is_pronoun(tok: Token) -> bool:
    return tok.lower in PRONOUNS
