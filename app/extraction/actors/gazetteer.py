"""The gazetteer: the names the stage knows (countries, capitals and seats of government,
organizations, nationality adjectives, towns and cities) and where they occur in a text.

Countries become their common English name with an ISO 3166-1 alpha-3 id (pycountry), capitals and
seats of government map to their country when they act, organizations are named in full. Names are
found in a text by one spaCy PhraseMatcher over all of them, built on first use, so a name is found
whole however many words it has ("Association of Southeast Asian Nations").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping, Set
from dataclasses import dataclass
from functools import cache

import countryinfo
import pycountry
import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from app.extraction import lexicon
from app.extraction.actors.mentions import Actor, Span
from app.extraction.actors.words import NAME_POS
from app.extraction.parsed import ParsedText

# The tables (app/extraction/lexicon/en/) as the lookups below read them: keys in lower case.
_countries_table = lexicon.table("countries")
# pycountry's names are ISO's; news writes the common ones.
COMMON_COUNTRY_NAMES = {row["code"]: row["form"] for row in _countries_table.where(use="name")}
COUNTRY_ALIASES = {row["form"].lower(): row["code"] for row in _countries_table.rows}
# Capitals and seats of government that stand for their country when they act
# ("Moscow was cooler", "the Kremlin said"); the second value is the place they name.
METONYMS = {row["form"].lower(): (row["code"], row["place"]) for row in lexicon.table("metonyms").rows}
ORGANIZATIONS = {row["form"].lower(): row["name"] for row in lexicon.table("organizations").rows}
# News outlets are organizations by their own names ("told The Washington Post" is no Washington).
ORGANIZATIONS |= {row["name"].lower(): row["name"] for row in lexicon.table("news_outlets").rows}
WITHDRAWN = "-"  # a demonym override's code that withdraws a derived demonym
# "the" before a name and a possessive ending after it, which no key carries
ARTICLE_AND_POSSESSIVE = re.compile(r"^(the)\s+|(['’]s?)$", re.IGNORECASE)  # noqa: RUF001


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


def country_by_code(code: str) -> Actor | None:
    """The country of an alpha-3 code, by its common English name."""
    found = next((v for v in _countries().values() if v[1] == code), None)
    return Actor(found[0], "country", found[1]) if found else None


def country(name: str) -> Actor | None:
    """The country a name stands for, metonyms included ("the Kremlin" -> Russia)."""
    key = ARTICLE_AND_POSSESSIVE.sub("", name.strip()).lower()
    key = ARTICLE_AND_POSSESSIVE.sub("", key)
    found = _countries().get(key)
    if found is None and key in METONYMS:
        return country_by_code(METONYMS[key][0])
    return Actor(found[0], "country", found[1]) if found else None


@cache
def _capitals() -> dict[str, tuple[str, str]]:
    """Every country's capital (from countryinfo), lower-cased, to the country's alpha-3 code and
    the capital's name as written."""
    table: dict[str, tuple[str, str]] = {}
    for info in countryinfo.all_countries():
        try:
            capital, code = info.capital(), info.iso(3)
        except (KeyError, ValueError, countryinfo.CountryNotFoundError):
            continue
        known = isinstance(code, str) and code in {v[1] for v in _countries().values()}
        for name in [capital] if isinstance(capital, str) else capital or []:
            if known and isinstance(name, str):
                table.setdefault(name.lower(), (str(code), _CAPITAL_NAMES.get(name, name)))
    return table


# Where countryinfo's form of a capital is not the one news writes.
_CAPITAL_NAMES = {"Washington D.C.": "Washington"}


@cache
def _regions() -> frozenset[str]:
    """Every country's states and provinces (countryinfo), lower-cased: "Alaska", "Quebec"."""
    names: set[str] = set()
    for info in countryinfo.all_countries():
        try:
            provinces = info.provinces()
        except (KeyError, ValueError, countryinfo.CountryNotFoundError):
            continue
        names.update(p.lower() for p in provinces or [] if isinstance(p, str))
    return frozenset(names)


def is_region(name: str) -> bool:
    """Whether a place name may be a state or province ("Alaska" holds "Anchorage"): one of
    countryinfo's, unless it is a country's capital (Berlin, Tokyo and Lima are provinces too)."""
    key = ARTICLE_AND_POSSESSIVE.sub("", name.strip()).lower()
    return key in _regions() and key not in _capitals()


def capital_city(code: str) -> str | None:
    """The capital of the country with that alpha-3 code ("USA" -> "Washington")."""
    return next((name for country_code, name in _capitals().values() if country_code == code), None)


@cache
def _cities() -> dict[str, bool]:
    """The names of cities15000 (cities.tsv, generated from GeoNames) in lower case, each with
    whether it is the GeoNames main name (not another spelling). Read line by line rather than as a
    table: 50,000 names need no row objects kept for the process's life."""
    out: dict[str, bool] = {}
    with lexicon.path_of("cities").open(encoding="utf-8") as lines:
        for line in lines:
            cells = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cells) == 4 and cells[0] != "name":
                out[cells[0].lower()] = cells[3] == "main"
    return out


def city(name: str, main_only: bool = False) -> bool:
    """Whether `name` is a town or city of 15,000 people or more that is no country and no known
    organization: "Ulaanbaatar", "Timika" (GeoNames); with `main_only`, by its GeoNames main name,
    not another spelling ("Hamas" is one of a German town's)."""
    key = ARTICLE_AND_POSSESSIVE.sub("", name.strip()).lower()
    main = _cities().get(key)
    return main is not None and (main or not main_only) and key not in ORGANIZATIONS and country(name) is None


def capital_of(name: str) -> Actor | None:
    """The country whose capital a place name is ("Lisbon" -> Portugal): only for a name the
    tagger already read as a place, as many capitals are also words or given names."""
    found = _capitals().get(ARTICLE_AND_POSSESSIVE.sub("", name.strip()).lower())
    return country_by_code(found[0]) if found else None


def place_name(name: str) -> str | None:
    """The place a seat of government names ("the White House" -> Washington), if it is one."""
    key = ARTICLE_AND_POSSESSIVE.sub("", name.strip()).lower()
    return METONYMS[key][1] if key in METONYMS else None


def organization(name: str) -> Actor | None:
    key = ARTICLE_AND_POSSESSIVE.sub("", name.strip()).lower()
    full = ORGANIZATIONS.get(key)
    return Actor(full, "organization") if full else None


def nationality(word: str) -> str | None:
    """The ISO 3166-1 alpha-3 code a word ties a person to: "Russian", "US", "Kremlin"."""
    code = demonyms().get(word.lower())
    if code is None:
        found = country(word)
        code = found.id if found is not None else None
    return code


def is_known_name(text: str) -> bool:
    """Whether a stretch of text is a country's or an organization's name the gazetteer knows."""
    return bool(organization(text) or country(text))


@dataclass(frozen=True)
class _NameMatcher:
    vocab: Vocab
    matcher: PhraseMatcher
    words: frozenset[str]  # every word of a known name, in lower case


_OTHER = "<other>"  # stands for any word of a text that is in no known name


@cache
def _name_matcher() -> _NameMatcher:
    """A PhraseMatcher over every name the gazetteer knows, in lower case, built once per process on
    a blank English tokenizer (the tokenizer of the pipeline the texts were parsed with)."""
    nlp = spacy.blank("en")
    forms = sorted({*_countries(), *METONYMS, *ORGANIZATIONS})
    # Tokens depend on case ("U.S." is one token, "u.s." two), so each name is tokenized as written
    # in lower case, title case and capitals. (A form that starts with "the" never matches: lookups
    # drop a leading "the".)
    patterns = {
        tuple(t.lower_ for t in nlp.make_doc(written))
        for form in forms
        if not form.startswith("the ")
        for written in (form, form.title(), form.upper())
    }
    words = frozenset(word for pattern in patterns for word in pattern)  # ("<other>" is three tokens)
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("NAME", [Doc(nlp.vocab, words=list(pattern)) for pattern in sorted(patterns)])
    Doc(nlp.vocab, words=[_OTHER])  # (every word a text's stand-in may hold is now in the vocabulary)
    return _NameMatcher(nlp.vocab, matcher, words)


_MATCHING = threading.Lock()
_POSSESSIVE = {"'s", "'", "’s", "’"}  # noqa: RUF001


@dataclass(frozen=True)
class KnownNames:
    """Where known names occur in a text: for each token a name starts at, the tokens it may end
    at (a "The" before it and a possessive after it included, as lookups drop them)."""

    ends_at: Mapping[int, frozenset[int]]

    def longest(self, start: int, shortest: int = 1, outside: Set[int] = frozenset()) -> int | None:
        """The end of the longest known name from `start` of `shortest` tokens or more that uses
        no token of `outside`, if there is one."""
        return max(
            (
                end
                for end in self.ends_at.get(start, ())
                if end - start >= shortest and outside.isdisjoint(range(start, end))
            ),
            default=None,
        )


def find_names(parsed: ParsedText) -> KnownNames:
    """Every known name in `parsed`, however many tokens long."""
    names = _name_matcher()
    toks = parsed.tokens
    # The text's stand-in holds only words of known names, so the matcher's vocabulary never grows.
    words = [t.lower if t.lower in names.words else _OTHER for t in toks]
    with _MATCHING:
        matches = [(start, end) for _, start, end in names.matcher(Doc(names.vocab, words=words))]
    ends: dict[int, set[int]] = {}
    for start, end in matches:
        starts = [start, start - 1] if start > 0 and toks[start - 1].lower == "the" else [start]
        for first in starts:
            ends.setdefault(first, set()).add(end)
            if end < len(toks) and toks[end].lower in _POSSESSIVE:
                ends[first].add(end + 1)
    return KnownNames({start: frozenset(e) for start, e in ends.items()})


def long_names(parsed: ParsedText, known: KnownNames) -> list[Span]:
    """Known names of several words, which beat the tagger's cuts ("Group of Seven" is the G7,
    not "Group" and "Seven"; "Association of Southeast Asian Nations")."""
    lexical: list[Span] = []
    taken: set[int] = set()
    for tok in parsed.tokens:
        if tok.i in taken or not tok.text[:1].isupper():
            continue
        end = known.longest(tok.i, shortest=2)
        if end is not None:
            lexical.append((tok.i, end, "LEX"))
            taken.update(range(tok.i, end))
    return lexical


def missed_names(parsed: ParsedText, known: KnownNames, covered: set[int]) -> list[Span]:
    """Known names the tagger missed, outside the tokens `covered` already (which grows)."""
    out: list[Span] = []
    for tok in parsed.tokens:
        if tok.i in covered or tok.pos not in NAME_POS or not tok.text[:1].isupper():
            continue
        end = known.longest(tok.i, outside=covered)
        if end is not None:
            out.append((tok.i, end, "LEX"))
            covered.update(range(tok.i, end))
    return out
