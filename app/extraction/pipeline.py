"""Loading the spaCy pipeline and turning its `Doc` into the plain `ParsedText` the stages read."""

from __future__ import annotations

import dataclasses
from typing import Any

import spacy

from app.extraction import deadline
from app.extraction.long_input import bound_long_input
from app.extraction.parsed import Entity, ParsedText, Sentence, Token

# Entity labels of the names the small model takes for more members of a fronted place's list.
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# The stages read tags, lemmas, the dependency parse and named entities; nothing else is needed.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def load_pipeline(model: str) -> Any:
    """Load the installed spaCy package `model` with only the components the stages use."""
    nlp = spacy.load(model)
    unused = [name for name in nlp.pipe_names if name not in NEEDED]
    if unused:
        nlp.select_pipes(disable=unused)
    bound_long_input(nlp)
    return nlp


def run_pipeline(nlp: Any, text: str) -> Any:
    """`nlp(text)`, one component at a time, with a deadline check before each (the tokenizer checks
    between the pieces of a long run)."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        deadline.check(f"parse, before {name}")
        doc = component(doc)
    return doc


def to_parsed(doc: Any) -> ParsedText:
    """Copy what the stages need out of a spaCy `Doc` into plain immutable data."""
    sent_of: dict[int, int] = {}
    sentences = []
    for n, sent in enumerate(doc.sents):
        sentences.append(Sentence(n, sent.start, sent.end, sent.start_char, sent.end_char))
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            start=t.idx,
            end=t.idx + len(t.text),
            ent_type=t.ent_type_,
            sent=sent_of[t.i],
        )
        for t in doc
    )
    entities = tuple(Entity(e.label_, e.start, e.end, e.start_char, e.end_char, e.text) for e in doc.ents)
    return _fronted_subjects_mended(ParsedText(doc.text, tokens, tuple(sentences), entities))


def _fronted_subjects_mended(parsed: ParsedText) -> ParsedText:
    """The small model often reads the subject after a fronted place as more of the place's list:
    in "Back in Kyiv, Macron and Scholz met", "Macron" hangs on "Kyiv" as a conjunct (or, a person,
    as an apposition) and "met" has no subject. The verb above such an object, when it has no
    subject and comes after the names, takes back the first name after the comma (the names after
    it stay conjoined to it). `parsed` itself where nothing is mended (nearly every text)."""
    tokens = parsed.tokens
    mended = list(tokens)
    changed = False
    for obj in tokens:
        if obj.dep != "pobj":
            continue
        names = [
            c
            for c in parsed.children(obj.i)
            if (
                (c.dep == "conj" and c.ent_type in NAME_LABELS)
                or (c.dep == "appos" and c.ent_type == "PERSON")
            )
            and any(t.text == "," for t in tokens[obj.i + 1 : c.i])
        ]
        if not names:
            continue
        verb = next((a for a in parsed.ancestors(obj.i) if a.pos in {"VERB", "AUX"}), None)
        if verb is None or verb.i < names[0].i:
            continue
        if not any(c.dep in {"nsubj", "nsubjpass", "expl", "csubj"} for c in parsed.children(verb.i)):
            mended[names[0].i] = dataclasses.replace(names[0], dep="nsubj", head=verb.i)
            changed = True
    if not changed:
        return parsed
    return ParsedText(parsed.text, tuple(mended), parsed.sentences, parsed.entities)
