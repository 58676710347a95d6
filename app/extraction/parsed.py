"""A plain, immutable view of one parsed text.

Stages read this instead of spaCy objects so that no `Doc` leaves the engine and stage tests can
build or inspect parses as ordinary data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in the text
    text: str
    lemma: str
    pos: str  # universal part of speech (VERB, NOUN, PROPN, ...)
    tag: str  # Penn Treebank tag (VBD, VBZ, MD, ...)
    dep: str  # dependency label to `head`
    head: int  # index of the syntactic head; the root points to itself
    start: int  # character offsets into the text
    end: int
    ent_type: str  # named-entity label ("" outside entities)
    sent: int  # index of the sentence that holds the token

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Entity:
    label: str  # spaCy NER label: PERSON, GPE, ORG, NORP, DATE, ...
    start_token: int
    end_token: int  # exclusive
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start_token: int
    end_token: int  # exclusive
    start: int
    end: int


@dataclass(frozen=True)
class ParsedText:
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    _children: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)
    _entity_of: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for tok in self.tokens:
            if tok.head != tok.i:
                kids[tok.head].append(tok.i)
        entity_of = [-1] * len(self.tokens)
        for n, ent in enumerate(self.entities):
            for i in range(ent.start_token, ent.end_token):
                entity_of[i] = n
        object.__setattr__(self, "_children", tuple(tuple(k) for k in kids))
        object.__setattr__(self, "_entity_of", tuple(entity_of))

    def children(self, i: int) -> list[Token]:
        return [self.tokens[k] for k in self._children[i]]

    def ancestors(self, i: int) -> Iterator[Token]:
        """The heads above token i, nearest first."""
        seen = {i}
        tok = self.tokens[i]
        while tok.head != tok.i and tok.head not in seen:
            seen.add(tok.head)
            tok = self.tokens[tok.head]
            yield tok

    def subtree(self, i: int) -> list[Token]:
        """Token i and everything it governs, in text order."""
        out, stack = [], [i]
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(self._children[k])
        return [self.tokens[k] for k in sorted(out)]

    def entity_at(self, i: int) -> Entity | None:
        n = self._entity_of[i]
        return self.entities[n] if n >= 0 else None

    @cached_property
    def surnames(self) -> frozenset[str]:
        """The last words of the people the tagger names in full: "Sessions" of "Jeff Sessions"."""
        return frozenset(
            self.tokens[e.end_token - 1].text
            for e in self.entities
            if e.label == "PERSON" and e.end_token - e.start_token > 1
        )

    def glued(self, k: int) -> bool:
        """Token k touches the tokens on both sides, no space between: the hyphen of "Moretti-Sandri"."""
        toks = self.tokens
        return 0 < k < len(toks) - 1 and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start

    @cached_property
    def first_of_word(self) -> dict[str, int]:
        """Where each word (lower case) first occurs: a stage asks "was X said before?" in one step."""
        first: dict[str, int] = {}
        for tok in self.tokens:
            first.setdefault(tok.lower, tok.i)
        return first

    def sentence_tokens(self, sent: int) -> tuple[Token, ...]:
        s = self.sentences[sent]
        return self.tokens[s.start_token : s.end_token]

    def sentence_text(self, sent: int) -> str:
        s = self.sentences[sent]
        return self.text[s.start : s.end]

    def span_text(self, start_token: int, end_token: int) -> str:
        return self.text[self.tokens[start_token].start : self.tokens[end_token - 1].end]


def join(text: str, parts: list[tuple[int, ParsedText]]) -> ParsedText:
    """One ParsedText of `text` from the parses of consecutive pieces of it, each given with the
    character offset where it starts (the pieces cover `text` in order)."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    for offset, part in parts:
        first_token, first_sentence = len(tokens), len(sentences)
        tokens += [
            Token(
                i=t.i + first_token,
                text=t.text,
                lemma=t.lemma,
                pos=t.pos,
                tag=t.tag,
                dep=t.dep,
                head=t.head + first_token,
                start=t.start + offset,
                end=t.end + offset,
                ent_type=t.ent_type,
                sent=t.sent + first_sentence,
            )
            for t in part.tokens
        ]
        sentences += [
            Sentence(
                s.index + first_sentence,
                s.start_token + first_token,
                s.end_token + first_token,
                s.start + offset,
                s.end + offset,
            )
            for s in part.sentences
        ]
        entities += [
            Entity(
                e.label,
                e.start_token + first_token,
                e.end_token + first_token,
                e.start + offset,
                e.end + offset,
                e.text,
            )
            for e in part.entities
        ]
    return ParsedText(text, tuple(tokens), tuple(sentences), tuple(entities))
