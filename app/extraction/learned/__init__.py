"""Learned decisions: small logistic models over named features of the parse, their weights data.

Where hand-ordered rules stall (whether a mention joined by salience alone tells a meeting of its own,
who else attends, where a gathering met when its own phrase does not say), a stage describes each
candidate by features (`syntax_features` here, and the stage's own) and asks a model fitted on the
annotated corpora for a probability. The models are JSON files beside this
module, written by `python -m bench.train` from dev, voa and the tuning split of bench/articles, never
the frozen split; each holds its weights by feature name, its bias and threshold, and what it was
fitted on. A weight reads as what that evidence is worth.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from app.extraction.grammar import mention_root
from app.extraction.lexicon.wordsets import senses
from app.extraction.parsed import ParsedText, Token

if TYPE_CHECKING:
    from app.extraction.frames import Frame

MODELS = Path(__file__).parent
REPORTING = senses("report")
# Dependencies and prepositions that get a weight of their own; the rest share "other".
DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss", "compound", "npadvmod")
PREPS = ("with", "between", "by", "of", "from", "for", "to", "at", "in", "among", "including", "on")
SUBJECTS = {"nsubj", "nsubjpass"}
# Senses of the word that governs a candidate, each with a weight ("met", "travelled", "said", "refused").
GOVERNING_SENSES = (
    "take-part",
    "meet",
    "travel",
    "motion",
    "stance",
    "speak",
    "report",
    "host",
    "hold-place",
    "invite",
    "attend",
    "discuss",
    "accompany",
    "contact",
    "come",
    "face",
    "decline",
    "exclude",
    "shut-out",
    "organizer-verb",
    "group-head",
    "hold",
)

Features = dict[str, float]
Choice = TypeVar("Choice")
# The sentences around a gathering's mentions whose places and dates are weighed: one before, two after.
NEAR_SENTENCES = (-1, 1, 2)


@dataclass(frozen=True)
class LogisticModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Features) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-z))


def likeliest(model: LogisticModel, candidates: Iterable[tuple[int, Choice, Features]]) -> dict[int, Choice]:
    """Per gathering (by index), the candidate the model finds likeliest, where it is over the
    model's threshold."""
    best: dict[int, tuple[float, Choice]] = {}
    for n, choice, features in candidates:
        p = model.probability(features)
        if p >= model.threshold and (n not in best or p > best[n][0]):
            best[n] = (p, choice)
    return {n: choice for n, (_, choice) in best.items()}


def around_mentions(
    parsed: ParsedText,
    frames: Sequence[Frame],
    by_sent: Mapping[int, Sequence[Choice]],
    taken: set[int],
    span: Callable[[Choice], tuple[int, int]],
    quotes: Sequence[int],
) -> list[tuple[Choice, Features]]:
    """The things (places, dates) of a gathering's sentences, each with its syntax against the
    mention there; then those of the sentences around (NEAR_SENTENCES, not `taken` by a gathering
    of their own), with their syntax against the sentence's root, "near:" before each feature, and
    their offset."""
    found: list[tuple[Choice, Features]] = []
    for f in frames:
        for thing in by_sent.get(f.sent, []):
            found.append((thing, syntax_features(parsed, *span(thing), f.trigger.head, quotes)))
    for sent, offset in _nearby_sentences(parsed, {f.sent for f in frames}, taken, NEAR_SENTENCES):
        root = _sentence_root(parsed, sent).i
        for thing in by_sent.get(sent, []):
            syntax = syntax_features(parsed, *span(thing), root, quotes)
            features = {f"near:{k}": v for k, v in syntax.items()}
            features[f"offset:{offset:+d}"] = 1.0
            found.append((thing, features))
    return found


def model_file(name: str) -> Path:
    return MODELS / f"{name}.json"


@cache
def load(name: str) -> LogisticModel:
    """The model `name`.json beside this module, read once per process."""
    data = json.loads(model_file(name).read_text())
    return LogisticModel(weights=data["weights"], bias=data["bias"], threshold=data["threshold"])


def syntax_features(
    parsed: ParsedText, start_token: int, end_token: int, anchor: int, quotes: Sequence[int]
) -> Features:
    """What the parse says of the mention spanning tokens [start_token, end_token) against token
    `anchor` (a meeting mention's head, or the root of a sentence that has none): its dependency
    and preposition, how close it stands in the tree and in the text, whether it is the subject of
    the anchor's clause, a speaker, quoted, and the sense of the word that governs it. Closeness,
    not distance: a candidate's features are each taken at their strongest over its mentions."""
    toks = parsed.tokens
    root = mention_root(parsed, start_token, end_token)
    features: Features = {"dep:" + (root.dep if root.dep in DEPS else "other"): 1.0}
    head = toks[root.head]
    if root.dep == "pobj":
        features["prep:" + (head.lower if head.lower in PREPS else "other")] = 1.0
    up = [a.i for a in parsed.ancestors(root.i)]
    anchor_up = [anchor, *(a.i for a in parsed.ancestors(anchor))]
    common = next((k for k, i in enumerate(anchor_up) if i == root.i or i in up), None)
    if common is None:
        tree = 12
    else:
        meet = anchor_up[common]
        tree = common + (up.index(meet) + 1 if meet in up else 0)
    features["tree_closeness"] = 1 / (1 + tree)
    features["token_closeness"] = 1 / (1 + math.log1p(abs(root.i - anchor)))
    features["before_anchor"] = float(start_token < anchor)
    features["under_anchor"] = float(anchor in up)
    anchor_verb = clause_verb(parsed, toks[anchor])
    features["subject_of_anchor_clause"] = float(
        root.dep in SUBJECTS and anchor_verb is not None and root.head == anchor_verb.i
    )
    features["speaker"] = float(root.dep in SUBJECTS and head.lemma.lower() in REPORTING)
    tok = toks[start_token]
    features["in_quote"] = float(in_quotes(parsed, quotes, tok.start, tok.sent))
    governor = clause_verb(parsed, head) if root.dep == "pobj" else head
    if governor is not None and governor.i != root.i:
        lemma = governor.lemma.lower()
        features.update({f"governed_by:{name}": 1.0 for name in GOVERNING_SENSES if lemma in senses(name)})
    return features


def clause_verb(parsed: ParsedText, tok: Token) -> Token | None:
    """The verb of the clause a token stands in (itself, if a verb)."""
    if tok.pos in {"VERB", "AUX"}:
        return tok
    return next((a for a in parsed.ancestors(tok.i) if a.pos in {"VERB", "AUX"}), None)


def _sentence_root(parsed: ParsedText, sent: int) -> Token:
    sentence = parsed.sentences[sent]
    tokens = parsed.tokens[sentence.start_token : sentence.end_token]
    return next((t for t in tokens if t.head == t.i), tokens[0])


def _nearby_sentences(
    parsed: ParsedText, own: set[int], taken: set[int], near: tuple[int, ...]
) -> list[tuple[int, int]]:
    """(sentence, offset to the nearest of `own`) for the sentences `near` the `own` ones that are
    in the text and not `taken` (they mention a gathering of their own)."""
    out = []
    for sent in sorted({s + k for s in own for k in near} - own - taken):
        if 0 <= sent < len(parsed.sentences):
            out.append((sent, min((sent - s for s in own), key=abs)))
    return out


QUOTES = ('"', "\u201c", "\u201d")


def quote_offsets(text: str) -> list[int]:
    """Where the text's quotation marks stand, in order: found once per text, not per mention."""
    return [i for i, ch in enumerate(text) if ch in QUOTES]


def in_quotes(parsed: ParsedText, quotes: Sequence[int], start: int, sent: int) -> bool:
    """Whether the character at `start` stands within quotation marks opened in its sentence."""
    return (bisect_left(quotes, start) - bisect_left(quotes, parsed.sentences[sent].start)) % 2 == 1
