"""Bounds on what one stretch of text costs the parse, whatever its shape.

Two shapes make spaCy superlinear, and both are cut into pieces before they get that far:

- A long run without whitespace ("😀" * 60000, a pasted blob): the tokenizer strips affixes one at a
  time, copying and searching the rest of the run for each, so a run of n symbols costs n² (8,000
  emoji took 10 s). `RunSplittingTokenizer` cuts such a run into tokens of `MAX_RUN_CHARS` characters
  and tokenizes the text around it as usual; the tokens are put together into one Doc with the exact
  text, so offsets do not move.
- A long stretch without a sentence end ("meeting " * 12500, a list of names): the parser makes it one
  sentence, and every stage that walks a tree or a sentence then walks all of it for each mention.
  `bounded_sentences`, before the parser, starts a sentence after `MAX_SENTENCE_TOKENS` tokens with no
  sentence-final punctuation; prose never comes near that, so news is parsed as before.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from app.extraction import deadline

# Real words, URLs and numbers are far shorter; only blobs and symbol strings reach it.
MAX_RUN_CHARS = 100
# A news sentence rarely has 60 tokens; 150 without a full stop is a list or boilerplate.
MAX_SENTENCE_TOKENS = 150
SENTENCE_ENDS = frozenset({".", "!", "?", "\n", "\n\n"})
# Texts longer than this are parsed in chunks of about this size, cut between paragraphs (else
# after a sentence, else at a space), each in a turn of its own at the parser (turns.py): a short
# request waits for one chunk, not for a whole long text, and the parse's memory peak is a chunk's.
# News articles (2,200 characters on average) are one chunk.
CHUNK_CHARS = 10_000
_CUTS = ("\n", ". ", " ")
COMPONENT = "bounded_sentences"

_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


class RunSplittingTokenizer:
    """spaCy's tokenizer, except that a whitespace-free run longer than `MAX_RUN_CHARS` becomes
    tokens of `MAX_RUN_CHARS` characters each, untouched by affix rules (see the module docstring).
    Such a run is no prose; keeping it out of the per-symbol rules also keeps 60,000 emoji from
    becoming 60,000 tokens for the parser."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        runs = list(_LONG_RUN.finditer(text))
        if not runs:
            doc: Doc = self._tokenizer(text)
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        at = 0
        for run in runs:
            deadline.check("tokenizing")
            self._tokenize_into(text[at : run.start()], words, spaces)
            for start in range(run.start(), run.end(), MAX_RUN_CHARS):
                words.append(text[start : min(start + MAX_RUN_CHARS, run.end())])
                spaces.append(False)
            at = run.end()
            if text.startswith(" ", at):  # one space after a token is its trailing whitespace
                spaces[-1] = True
                at += 1
        self._tokenize_into(text[at:], words, spaces)
        return Doc(self._tokenizer.vocab, words=words, spaces=spaces)

    def _tokenize_into(self, text: str, words: list[str], spaces: list[bool]) -> None:
        for token in self._tokenizer(text) if text else ():
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def __getattr__(self, name: str) -> Any:
        # Everything else (vocab, memory_zone, rules, serialization) is the wrapped tokenizer's.
        return getattr(self._tokenizer, name)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """`text` in consecutive pieces of at most `size` characters, each with its offset; a piece
    ends after the last line break in it, else after its last sentence end, else its last space."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next((window.rfind(c) + len(c) for c in _CUTS if window.rfind(c) > 0), size)
        pieces.append((start, window[:cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


@Language.component(COMPONENT)
def bounded_sentences(doc: Doc) -> Doc:
    """Start a sentence where `MAX_SENTENCE_TOKENS` tokens have passed without a sentence end."""
    ends = {doc.vocab.strings.add(end) for end in SENTENCE_ENDS}
    since_end = 0
    for i, orth in enumerate(doc.to_array("ORTH").tolist()):  # ints: no Token object per token
        if since_end >= MAX_SENTENCE_TOKENS:
            doc[i].is_sent_start = True
            since_end = 0
        since_end = 0 if orth in ends else since_end + 1
    return doc


def bound_long_input(nlp: Language) -> None:
    """Install both bounds on a loaded pipeline (the sentence bound just before its parser)."""
    nlp.tokenizer = RunSplittingTokenizer(nlp.tokenizer)
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
