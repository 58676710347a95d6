"""The actor stage: which party each name, title or pronoun in a text stands for.

Countries become their common English name with an ISO 3166-1 alpha-3 id, capitals and seats of
government map to their country when they act, organizations are named in full, and people get the
full name of their first mention (later surnames, titles and pronouns point back to it).

gazetteer   the names the stage knows, from the lexicon tables and pycountry/countryinfo data
names       name repair: spans the NER cuts short, pads with a title or runs together
coreference pronouns, titles ("the Russian leader") and descriptions ("the committee") pointed back
resolver    resolve_actors: the stage itself, over a parsed text
"""

from app.extraction.actors.gazetteer import capital_of, country, nationality, organization, place_name
from app.extraction.actors.mentions import Actor, ActorIndex, ActorMention
from app.extraction.actors.resolver import resolve_actors
from app.extraction.actors.words import NAME_TITLES, PRONOUNS, TITLES

__all__ = [
    "NAME_TITLES",
    "PRONOUNS",
    "TITLES",
    "Actor",
    "ActorIndex",
    "ActorMention",
    "capital_of",
    "country",
    "nationality",
    "organization",
    "place_name",
    "resolve_actors",
]
