"""Excluded from: which gathering a party left out was kept from, by a learned weighing.

A cue that names its meeting ("was not invited to the summit") says which gathering it is about. One
that names none ("Hungary was snubbed", "Its allies were left off the list") is given by the rules
(gatherings.py) to the gathering mentioned last before it; on news that is the wrong one about a
third of the time: the story's main summit was told three sentences back, a call or an earlier
round came in between. This stage weighs every gathering of the text for each such exclusion (the
rules' choice among the features) and moves the exclusion to the one the model "excluded_from"
(learned/) finds likeliest.
"""

from __future__ import annotations

import datetime as dt
import math

from app.extraction import deadline
from app.extraction.exclusions import Exclusion
from app.extraction.gatherings import Gathering
from app.extraction.learned import Features, LogisticModel, load

MODEL = "excluded_from"
# How many sentences around the cue a gathering's mention counts as near (the rule looks two back).
NEAR = 2
# The gatherings weighed for an exclusion: the story's first, and those mentioned this many sentences
# or fewer from the cue (a long text's far gatherings cost time and are never the one).
REACH = 12
# A gathering of this many parties or more is a multilateral one, what a party is most often kept from.
MULTILATERAL = 3
# Words for a gathering of many, what a party is most often kept from ("the summit", "the conference").
CONFERENCE_WORDS = {"summit", "conference", "forum", "assembly", "congress", "convention", "gathering"}
# A gathering dated this many days or fewer from publication is the story's news.
NEWS_DAYS = 7
_TENSE_STATUSES = {"past": {"occurred"}, "future": {"scheduled", "proposed"}}


def weighed_targets(
    gatherings: list[Gathering], published: dt.date | None, model: LogisticModel | None = None
) -> list[Gathering]:
    """`gatherings`, each exclusion whose cue names no meeting moved to the gathering the model
    finds likeliest, where that is not the one the rules chose and its probability is over the
    model's threshold."""
    model = model or load(MODEL)
    moves: list[tuple[Exclusion, int, int]] = []
    for exclusion, held, choices in candidates(gatherings, published):
        p, best = max((model.probability(features), n) for n, features in choices)
        if best != held and p >= model.threshold:
            moves.append((exclusion, held, best))
    for exclusion, held, best in moves:
        gatherings[held].exclusions.remove(exclusion)
        gatherings[best].exclusions.append(exclusion)
    return gatherings


def is_weighed(exclusion: Exclusion) -> bool:
    """Whether the cue left the gathering open: it names no meeting and no body kept from, and
    keeps the party out (one that stayed away is not weighed)."""
    return exclusion.target is None and exclusion.body is None and exclusion.role == "excluded"


def candidates(
    gatherings: list[Gathering], published: dt.date | None
) -> list[tuple[Exclusion, int, list[tuple[int, Features]]]]:
    """(exclusion, the gathering holding it, [(gathering, features)] for the story's first
    gathering and every one mentioned within REACH sentences of the cue) for each exclusion the
    stage weighs."""
    if len(gatherings) < 2:
        return []
    described = [_described(n, g, published) for n, g in enumerate(gatherings)]
    most_mentions = max(d["mentions_log"] for d in described)
    most_parties = max(d["parties_log"] for d in described)
    for d in described:
        d["most_mentioned"] = float(d["mentions_log"] == most_mentions)
        d["most_parties"] = float(d["parties_log"] == most_parties)
    sents = [sorted({f.sent for f in g.frames}) for g in gatherings]
    out: list[tuple[Exclusion, int, list[tuple[int, Features]]]] = []
    for held, g in enumerate(gatherings):
        for exclusion in g.exclusions:
            if not is_weighed(exclusion):
                continue
            deadline.check("weighing exclusions")
            sent = exclusion.sent
            near = [n for n, s in enumerate(sents) if n == 0 or any(abs(k - sent) <= REACH for k in s)]
            latest = max((k for n in near for k in sents[n] if k <= sent), default=None)
            choices = [
                (n, described[n] | _against(exclusion, n, gatherings[n], sents[n], held, latest))
                for n in near
            ]
            out.append((exclusion, held, choices))
    return out


def _described(n: int, g: Gathering, published: dt.date | None) -> Features:
    """What the gathering is, whatever the exclusion: the story's first or lead, its size, its kind."""
    parties = g.party_names
    return {
        "first_gathering": float(n == 0),
        "in_lead": float(g.first.sent <= 1),
        "mentions_log": math.log1p(len(g.frames)),
        "parties_log": math.log1p(len(parties)),
        "multilateral": float(len(parties) >= MULTILATERAL),
        "dated": float(g.date is not None),
        "placed": float(g.place is not None),
        "remote": float(any(f.trigger.remote for f in g.frames)),
        "side_meeting": float(g.beside is not None),
        "noun_mention": float(any(f.trigger.kind == "noun" for f in g.frames)),
        "conference_word": float(bool(g.lemmas & CONFERENCE_WORDS)),
        "news_of_the_day": float(_news_of_the_day(g, published)),
    }


def _against(
    exclusion: Exclusion, n: int, g: Gathering, sents: list[int], held: int, latest: int | None
) -> Features:
    """How the gathering stands to the exclusion: where mentioned from the cue, whether the rules
    chose it, whether the party is already one of its own, whether its time fits the cue's."""
    sent = exclusion.sent
    before = [k for k in sents if k <= sent]
    after = [k for k in sents if k > sent]
    last_before = before[-1] if before else None
    near_before = last_before is not None and sent - last_before <= NEAR
    actor = exclusion.mention.actor
    kinds = {p.mention.actor.kind for f in g.frames for p in f.parties if p.mention.actor is not None}
    wanted = _TENSE_STATUSES.get(exclusion.tense)
    return {
        "rules_choice": float(n == held),
        "rules_choice_near": float(n == held and near_before),
        "rules_choice_same_sentence": float(n == held and sent in sents),
        "same_sentence": float(sent in sents),
        "near_before": float(near_before),
        "near_after": float(bool(after) and after[0] - sent <= NEAR),
        "sentences_back_log": math.log1p(sent - last_before) if last_before is not None else 0.0,
        "only_after": float(last_before is None),
        "latest_before": float(last_before is not None and last_before == latest),
        "already_a_party": float(actor is not None and actor.name in g.party_names),
        "same_kind_as_party": float(actor is not None and actor.kind in kinds),
        "other_exclusions": float(any(e is not exclusion for e in g.exclusions)),
        "tense_fits": float(wanted is not None and g.status in wanted),
        "tense_clashes": float(wanted is not None and g.status is not None and g.status not in wanted),
    }


def _news_of_the_day(g: Gathering, published: dt.date | None) -> bool:
    """Whether the gathering is dated within a week of publication: the story's news."""
    value = g.date.value if g.date is not None else None
    if published is None or value is None or len(value) < 10:
        return False
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return abs((day - published).days) <= NEWS_DAYS
