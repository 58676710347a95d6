"""The gazetteer: the names the stage knows (countries, capitals and seats of government,
organizations, nationality adjectives) and where they occur in a text.

Countries become their common English name with an ISO 3166-1 alpha-3 id (pycountry), capitals and
seats of government map to their country when they act, organizations are named in full.
"""

from __future__ import annotations

import re
from functools import cache

import countryinfo
import pycountry

from app.extraction import lexicon
from app.extraction.actors.mentions import Actor, Span
from app.extraction.parsed import ParsedText

_countries_table = lexicon.table("countries")
# pycountry's names are ISO's; news writes the common ones.
COMMON_COUNTRY_NAMES = {row["code"]: row["form"] for row in _countries_table.where(use="name")}
COUNTRY_ALIASES = {row["form"].lower(): row["code"] for row in _countries_table.rows}
# Capitals and seats of government that stand for their country when they act
# ("Moscow was cooler", "the Kremlin said"); the second value is the place they name.
METONYMS = {row["form"].lower(): (row["code"], row["place"]) for row in lexicon.table("metonyms").rows}
ORGANIZATIONS = {row["form"].lower(): row["name"] for row in lexicon.table("organizations").rows}
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
    code = _capitals().get(ARTICLE_AND_POSSESSIVE.sub("", name.strip()).lower())
    return country_by_code(code) if code else None


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


def long_names(parsed: ParsedText) -> list[Span]:
    """Known names of several words, which beat the tagger's cuts ("Group of Seven" is the G7,
    not "Group" and "Seven")."""
    toks = parsed.tokens
    lexical: list[Span] = []
    taken: set[int] = set()
    for tok in toks:
        if tok.i in taken or not tok.text[:1].isupper():
            continue
        for width in (4, 3, 2):
            end = tok.i + width
            if end <= len(toks) and is_known_name(parsed.span_text(tok.i, end)):
                lexical.append((tok.i, end, "LEX"))
                taken.update(range(tok.i, end))
                break
    return lexical


def missed_names(parsed: ParsedText, covered: set[int]) -> list[Span]:
    """Known names the tagger missed, outside the tokens `covered` already (which grows)."""
    toks = parsed.tokens
    out: list[Span] = []
    for tok in toks:
        if tok.i in covered or tok.pos not in {"PROPN", "NOUN"} or not tok.text[:1].isupper():
            continue
        for width in (3, 2, 1):
            end = tok.i + width
            if end > len(toks) or any(i in covered for i in range(tok.i, end)):
                continue
            if is_known_name(parsed.span_text(tok.i, end)):
                out.append((tok.i, end, "LEX"))
                covered.update(range(tok.i, end))
                break
    return out
