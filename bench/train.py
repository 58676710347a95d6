"""Fit the learned decisions (app/extraction/learned/) on the annotated corpora; write their weights.

.venv/bin/python -m bench.train                # cross-validate, fit and write every model
.venv/bin/python -m bench.train --check        # cross-validate only
.venv/bin/python -m bench.train attendance     # one model

Fitted on dev, voa and the tuning split of bench/articles; the frozen split is never read. The
rules run as they do in the service (engine.read); each model's candidates are labelled by the gold
gathering the scorer (../shared/eval/score.py) aligns the event to. A model's threshold is the one
that gives the best F1 of what it decides (attendees; places) over the whole corpus, each article's
probabilities coming from a model fitted without it (5 folds by article): the middle of the
thresholds within a point of the best, or for a model that fills a gap (a place, a date) the lowest
of them; then the model is fitted on everything. The gathering model ("spurious", reality.py) sees
the gatherings as the service has them after the other two, and its threshold is the one that gives
the best mean of the sets' headline scores (score.py's own figures with the dropped events left
out), not an F1 of its own. The merge model ("separate", gatherings.py) is labelled otherwise: a
mention the rules join to an earlier gathering is a gathering of its own where a gold meeting is
first mentioned (FORMAT.md's trigger); its threshold is the one whose splits are worth most, a wrong
split costing twice what a right one gains.
Fit it first: the others' candidates come from the gatherings it shapes.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import importlib.util
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from app.extraction import attendance, dating, reality, whereabouts
from app.extraction.actors import ActorIndex
from app.extraction.engine import Extractor, read, read_mentions
from app.extraction.gatherings import SEPARATE_MODEL, Gathering, event_date_value, weighed_joins
from app.extraction.learned import model_file
from app.extraction.output import to_extraction
from app.extraction.parsed import ParsedText
from app.extraction.temporal import DateMention
from app.settings import get_settings
from bench.quality import SCORER, article_sets

FROZEN = "ours, FROZEN"
REGULARIZATION = 0.5  # sklearn's C: small weights, for a few thousand examples
THRESHOLDS = np.arange(0.1, 0.9, 0.025)
PLATEAU = 0.005
# Per model, a narrower plateau where the model's whole gain is about one PLATEAU wide.
PLATEAUS = {reality.MODEL: 0.001}
# Models that fill a gap the rules leave (a place, a date) take the lowest threshold of their plateau:
# of equal F1, the one that answers most (the scorer counts a place or date only where gold has one).
FILLING = {whereabouts.MODEL, dating.MODEL}
# What a wrong split of a mention from its gathering costs, against a right split's gain of one.
WRONG_SPLIT_COST = 2.0
# The share of the gatherings the reality model drops that may be real meetings, out of fold.
REALITY_DROPS_REAL = 0.1


@dataclass
class Example:
    decision: tuple[str, int]  # (article, gathering): the runtime decides per gathering ...
    choice: str  # ... and per actor or place name
    features: dict[str, float]
    label: int


@dataclass
class Corpus:
    """A model's examples, and the tally of the rules alone (tp, fp, fn) its decisions change."""

    examples: list[Example] = field(default_factory=list)
    tally: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    # For the gathering model: per article, its set, its gold and the events the service answers.
    answers: dict[str, tuple[str, dict[str, object], list[dict[str, object]]]] = field(default_factory=dict)


@dataclass
class Article:
    id: str
    parsed: ParsedText
    actors: ActorIndex
    dates: list[DateMention]
    gatherings: list[Gathering]
    preds: list[dict[str, object]]
    golds: list[dict[str, object]]
    pairs: dict[int, int]  # prediction -> gold, as the scorer aligns them
    set_name: str
    gold: dict[str, object]
    published: dt.date


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def separate_examples(a: Article, score: ModuleType, corpus: Corpus) -> None:
    """Each mention the rules join to an earlier gathering by salience alone: 1 when it is where a
    gold meeting is first mentioned (its trigger, found as the scorer finds it), a gathering of its
    own. The merge replayed by the rules alone, so the examples do not depend on the model."""
    triggers = [g["trigger"] for g in a.golds]  # (text, start, end), start -1 where not found
    firsts = [(start, end) for _, start, end in triggers if start >= 0]  # type: ignore[misc]
    frames = read_mentions(a.parsed, a.published).frames
    for n, (frame, features) in enumerate(weighed_joins(a.parsed, frames)):
        t = frame.trigger
        label = int(any(t.start < end and t.end > start for start, end in firsts))
        corpus.examples.append(Example((a.id, n), t.text, features, label))


def separations_worth(corpus: Corpus, probabilities: np.ndarray, threshold: float) -> float:
    """What splitting every mention at or over `threshold` is worth, per weighed mention: a right
    split gains a meeting; a wrong one costs WRONG_SPLIT_COST, since it adds a spurious meeting and
    takes its parties and date from the real one."""
    split = [e.label for e, p in zip(corpus.examples, probabilities, strict=True) if p >= threshold]
    return (sum(split) - WRONG_SPLIT_COST * (len(split) - sum(split))) / max(len(corpus.examples), 1)


def attendance_examples(a: Article, score: ModuleType, corpus: Corpus) -> None:
    """Each actor the rules did not make a party: 1 when it is among the aligned gold's attendees
    the rules missed."""
    missed: dict[int, list[str]] = {}
    for i, p in enumerate(a.preds):
        if i not in a.pairs:
            corpus.tally["fp"] += len(set(map(score.canon, p["attendees"])))  # type: ignore[arg-type]
            continue
        left = list(a.golds[a.pairs[i]]["attendees"])  # type: ignore[call-overload]
        tp, fp, fn = score.match_sets(p["attendees"], left)
        corpus.tally["tp"] += tp
        corpus.tally["fp"] += fp
        corpus.tally["fn"] += fn
        for name in dict.fromkeys(score.canon(x) for x in p["attendees"]):  # type: ignore[attr-defined]
            hit = next((g for g in left if score.same_party(name, g)), None)
            if hit is not None:
                left.remove(hit)
        missed[i] = left
    for j, g in enumerate(a.golds):
        if j not in a.pairs.values():
            corpus.tally["fn"] += len(g["attendees"])  # type: ignore[arg-type]
    for c in attendance.candidates(a.parsed, a.gatherings, a.actors):
        assert c.mention.actor is not None
        name = c.mention.actor.name
        label = int(any(score.same_party(name, g) for g in missed.get(c.gathering, [])))
        corpus.examples.append(Example((a.id, c.gathering), name, c.features, label))


def whereabouts_examples(a: Article, score: ModuleType, corpus: Corpus) -> None:
    """Each place near a gathering the rules left without one: 1 when it is the aligned gold's place."""
    for i, p in enumerate(a.preds):
        gold = a.golds[a.pairs[i]]["location"] if i in a.pairs else None
        if p["location"] and gold and score.same_party(p["location"], gold):
            corpus.tally["tp"] += 1
            continue
        corpus.tally["fp"] += int(bool(p["location"]))
        corpus.tally["fn"] += int(bool(gold))
    for n, place, features in whereabouts.candidates(a.parsed, a.gatherings, a.actors):
        gold = a.golds[a.pairs[n]]["location"] if n in a.pairs else None
        label = int(bool(gold) and score.same_party(place.name, gold))
        corpus.examples.append(Example((a.id, n), place.name, features, label))


def dating_examples(a: Article, score: ModuleType, corpus: Corpus) -> None:
    """Each date near a gathering the rules left undated: 1 when it is the aligned gold's date."""
    for i, p in enumerate(a.preds):
        gold = a.golds[a.pairs[i]]["date"] if i in a.pairs else None
        if p["date"] and gold and p["date"] == gold:
            corpus.tally["tp"] += 1
            continue
        corpus.tally["fp"] += int(bool(p["date"]))
        corpus.tally["fn"] += int(bool(gold))
    for n, date, features in dating.candidates(a.parsed, a.gatherings, a.dates):
        gold = a.golds[a.pairs[n]]["date"] if n in a.pairs else None
        label = int(bool(gold) and event_date_value(date.value) == gold)
        corpus.examples.append(Example((a.id, n), str(date.start), features, label))


def attendance_f1(corpus: Corpus, probabilities: np.ndarray, threshold: float) -> float:
    """Attendee F1 when every candidate over `threshold` is added."""
    tp, fp, fn = corpus.tally["tp"], corpus.tally["fp"], corpus.tally["fn"]
    seen = set()
    for e, p in zip(corpus.examples, probabilities, strict=True):
        key = (e.decision, e.choice)
        if p >= threshold and key not in seen:
            seen.add(key)
            tp, fp, fn = tp + e.label, fp + 1 - e.label, fn - e.label
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_choice_f1(corpus: Corpus, probabilities: np.ndarray, threshold: float) -> float:
    """F1 of a gathering's place (or date) when each gathering without one takes its likeliest
    candidate over `threshold`."""
    tp, fp, fn = corpus.tally["tp"], corpus.tally["fp"], corpus.tally["fn"]
    best: dict[tuple[str, int], tuple[float, int]] = {}
    for e, p in zip(corpus.examples, probabilities, strict=True):
        if p > best.get(e.decision, (-1.0, 0))[0]:
            best[e.decision] = (float(p), e.label)
    for p, label in best.values():
        if p >= threshold:
            tp, fp, fn = tp + label, fp + 1 - label, fn - label
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def reality_examples(a: Article, score: ModuleType, corpus: Corpus) -> None:
    """Each gathering, as the service has it after the other learned decisions: 1 when the scorer
    aligns its event to no gold meeting (spurious). Its choice says whether the model may drop it."""
    gatherings = copy.deepcopy(a.gatherings)
    gatherings = attendance.likely_attendees(a.parsed, gatherings, a.actors)
    gatherings = whereabouts.likely_places(a.parsed, gatherings, a.actors)
    gatherings = dating.likely_dates(a.parsed, gatherings, a.dates)
    events = to_extraction(a.parsed, gatherings, a.dates, a.published).model_dump(mode="json")["events"]
    corpus.answers[a.id] = (a.set_name, a.gold, events)
    golds = [score.gold_view(e, a.gold["text"]) for e in a.gold.get("events") or []]  # type: ignore[attr-defined]
    aligned = dict(score.align([score.pred_view(e) for e in events], golds))
    for n, (g, features) in enumerate(zip(gatherings, reality.described(a.parsed, gatherings), strict=True)):
        choice = "weighed" if reality.is_weighed(g) else "kept"
        corpus.examples.append(Example((a.id, n), choice, features, int(n not in aligned)))


def reality_score(corpus: Corpus, probabilities: np.ndarray, threshold: float) -> float:
    """The mean of the sets' headline figures (voa's core_score, the others' event_score), as the
    scorer computes them, when every gathering at or over `threshold` is dropped: a dropped real
    meeting loses its attendees, date and place with it. A threshold at which more than one dropped
    gathering in ten is real scores as the rules alone: a dropped meeting is lost to the consumer,
    while a kept spurious one still carries its low confidence."""
    score = scorer()
    dropped = {
        e.decision
        for e, p in zip(corpus.examples, probabilities, strict=True)
        if e.choice == "weighed" and p >= threshold
    }
    real = sum(e.label == 0 for e in corpus.examples if e.decision in dropped)
    if real > REALITY_DROPS_REAL * len(dropped):
        dropped = set()
    tallies: dict[str, object] = {}
    for article, (set_name, gold, events) in corpus.answers.items():
        kept = [e for n, e in enumerate(events) if (article, n) not in dropped]
        tallies.setdefault(set_name, score.Tally())
        score.score_article(gold, {"events": kept}, tallies[set_name], [])
    figures = []
    for set_name, t in tallies.items():
        parts = [t.prf("event")["f1"], t.prf("attend")["f1"], t.acc("date"), t.acc("loc")]  # type: ignore[attr-defined]
        if not set_name.startswith("voa"):
            parts.append(t.prf("excl")["f1"])  # type: ignore[attr-defined]
        figures.append(sum(parts) / len(parts))
    return sum(figures) / len(figures)


Collect = Callable[[Article, ModuleType, Corpus], None]
Objective = Callable[[Corpus, np.ndarray, float], float]
MODELS: dict[str, tuple[Collect, Objective]] = {
    SEPARATE_MODEL: (separate_examples, separations_worth),
    attendance.MODEL: (attendance_examples, attendance_f1),
    whereabouts.MODEL: (whereabouts_examples, best_choice_f1),
    dating.MODEL: (dating_examples, best_choice_f1),
    reality.MODEL: (reality_examples, reality_score),
}


def articles(score: ModuleType) -> tuple[dict[str, int], list[Article]]:
    extractor = Extractor(get_settings().spacy_model)
    sets = {name: files for name, files in article_sets().items() if name != FROZEN}
    out = []
    for set_name, files in sets.items():
        for f in files:
            gold = json.loads(f.read_text())
            published = dt.date.fromisoformat(gold["published_at"])
            parsed = extractor.parse(gold["text"])
            dates, actors, gatherings = read(parsed, published)
            if actors is None:
                continue
            events = to_extraction(parsed, gatherings, dates, published).model_dump(mode="json")["events"]
            preds = [score.pred_view(e) for e in events]
            golds = [score.gold_view(e, gold["text"]) for e in gold.get("events") or []]
            pairs = dict(score.align(preds, golds))
            out.append(
                Article(
                    gold["id"],
                    parsed,
                    actors,
                    dates,
                    gatherings,
                    preds,
                    golds,
                    pairs,
                    set_name,
                    gold,
                    published,
                )
            )
    return {name: len(files) for name, files in sets.items()}, out


def fit(name: str, corpus: Corpus, objective: Objective, fitted_on: dict[str, int], write: bool) -> None:
    vectorizer = DictVectorizer(sparse=False)
    x = vectorizer.fit_transform([e.features for e in corpus.examples])
    y = np.array([e.label for e in corpus.examples])
    held_out = np.zeros(len(y))
    groups = [e.decision[0] for e in corpus.examples]
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        model = LogisticRegression(C=REGULARIZATION, max_iter=5000).fit(x[train], y[train])
        held_out[test] = model.predict_proba(x[test])[:, 1]
    rules = objective(corpus, held_out, 2.0)
    scored = [(float(t), objective(corpus, held_out, t)) for t in THRESHOLDS]
    best = max(f1 for _, f1 in scored)
    # the middle of the thresholds within a point of the best: one lucky step is no optimum
    plateau = [t for t, f1 in scored if f1 >= best - PLATEAUS.get(name, PLATEAU)]
    threshold = plateau[0] if name in FILLING else plateau[len(plateau) // 2]
    print(f"{name}: {len(y)} candidates, {int(y.sum())} right")
    chosen = objective(corpus, held_out, threshold)
    print(f"  out-of-fold F1 {rules:.3f} (rules) -> {chosen:.3f} at p >= {threshold:.3f} (best {best:.3f})")
    model = LogisticRegression(C=REGULARIZATION, max_iter=5000).fit(x, y)
    weights = dict(zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True))
    for feature, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:12]:
        print(f"  {w:+.2f}  {feature}")
    if not write:
        return
    data = {
        "about": f"app/extraction/learned: the {name} model, written by python -m bench.train",
        "fitted_on": fitted_on,
        "candidates": len(y),
        "out_of_fold_f1": {"rules": round(rules, 3), "with_model": round(chosen, 3)},
        "threshold": round(threshold, 3),
        "bias": round(float(model.intercept_[0]), 4),
        "weights": {feature: round(float(w), 4) for feature, w in sorted(weights.items())},
    }
    model_file(name).write_text(json.dumps(data, indent=2) + "\n")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="*", choices=[[], *MODELS], default=[], help="default: all")
    ap.add_argument("--check", action="store_true", help="cross-validate only; write nothing")
    args = ap.parse_args(argv)
    score = scorer()
    fitted_on, read_articles = articles(score)
    for name in args.models or list(MODELS):
        collect, objective = MODELS[name]
        corpus = Corpus()
        for a in read_articles:
            collect(a, score, corpus)
        fit(name, corpus, objective, fitted_on, write=not args.check)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
