"""Loading the spaCy pipeline and turning its `Doc` into the plain `ParsedText` the stages read."""

from __future__ import annotations

from typing import Any

import spacy

from app.extraction import deadline
from app.extraction.long_input import bound_long_input
from app.extraction.parsed import Entity, ParsedText, Sentence, Token

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
    return ParsedText(doc.text, tokens, tuple(sentences), entities)
