"""The words the actor stage reads, as views of its lexicon tables (app/extraction/lexicon/en/).

Each table row carries an example sentence that tests/extraction/test_lexicon_actors.py runs; the
closed grammatical sets (pronouns, entity labels) stay here in code.
"""

from __future__ import annotations

from typing import cast, get_args

from app.extraction import lexicon
from app.extraction.lexicon.wordsets import grouped
from app.models.v1 import PartyKind

# Words that introduce or describe a person ("French President Emmanuel Macron", "its spokesman").
TITLES = lexicon.words("titles", "word", role="describes")
# Titles the NER model includes in a person's span ("Prince Abdulaziz", "President Macron").
NAME_TITLES = lexicon.words("titles", "word", role="in_name")
# Words after which a tagged span's name begins: "... Security Adviser Ajit Doval".
PERSON_TITLE_WORDS = lexicon.words("titles", "word", role="opens_name")
STYLED_TITLES = lexicon.words("titles", "word", role="styled")
# Letters written after a name that the tagger runs into it: "Jane Doyle QC", "Dario Vesco MP".
POST_NOMINALS = lexicon.words("titles", "word", role="post_nominal")
# Titles of whoever leads a country: "the Russian leader" is the one the text ties to Russia.
LEADER_TITLES = lexicon.words("titles", "word", role="leads_country")
# How wire copy opens a photo caption ("FILE - ..."): never part of a name that follows it.
CAPTION_OPENINGS = tuple(lexicon.words("wire_copy_cues", "words", cue="opening"))
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
# The plural names of political party families, which name a party: "the Greens", "the Social Democrats".
PARTY_FAMILIES = lexicon.words("organization_words", "word", role="party_family")
# A body of an organization's people, an organization of its own: "Norland Air Pilots Union".
OWN_BODIES = lexicon.words("organization_words", "word", role="own_body")
# A company's legal form after its name, which news drops when it names the company again ("Twitter
# Inc", "Barrick Gold Corp."): the abbreviations of ISO 20275's entity legal forms common in English
# copy. (The words spelled out, "Corporation", "Limited", are often part of the name itself.)
LEGAL_FORMS = lexicon.words("organization_words", "word", role="legal_form")
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
PRONOUNS = {"he": "person", "him": "person", "his": "person", "she": "person", "her": "person"}
# Pronouns for an organization or a country: "OPEC+ has pushed back its meeting", "the court said
# it will hear".
NONPERSON_PRONOUNS = {"it", "its"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
# Closed grammatical sets the stage reads, each named once.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # dependency labels of a clause's subject
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # entity labels of places
PRONOUN_TAGS = frozenset({"PRP", "PRP$"})  # personal and possessive pronouns
RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "which", "that", "who" opening a relative clause
# Prepositions that name members of a plural party: "several states, among them Chad" (role_cues.tsv;
# one set, which the exclusions stage reads too).
MEMBER_PREPOSITIONS = grouped("role_cues", "kind", "lemma")["member-preposition"]
NAME_POS = frozenset({"PROPN", "NOUN"})  # a capitalized word of either may be a name
