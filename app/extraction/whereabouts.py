"""Whereabouts: where a gathering met when none of its mentions' phrases says, by a learned weighing.

location.py reads a place only from a mention's own phrase and the verbs above it, and the scene of
a past passage. For a gathering left without one, this stage weighs every place named in a sentence
that mentions it, in the sentence before or the two after it, and the dateline, and takes the likeliest
when the model "whereabouts" (learned/) gives it a probability over its threshold.
"""

from __future__ import annotations

import math

from app.extraction import deadline
from app.extraction.actors import ActorIndex, ActorMention
from app.extraction.actors.names import dateline_tokens, filed_places
from app.extraction.gatherings import Gathering
from app.extraction.learned import (
    Features,
    LogisticModel,
    around_mentions,
    likeliest,
    load,
    quote_offsets,
)
from app.extraction.location import Place, names_a_gathering, trigger_heads
from app.extraction.parsed import ParsedText

MODEL = "whereabouts"


def likely_places(
    parsed: ParsedText, gatherings: list[Gathering], actors: ActorIndex, model: LogisticModel | None = None
) -> list[Gathering]:
    """`gatherings`, each placeless one given the place the model finds likeliest, if likely enough."""
    for n, choice in likeliest(model or load(MODEL), candidates(parsed, gatherings, actors)).items():
        gatherings[n].guessed_place = choice
    return gatherings


def candidates(
    parsed: ParsedText, gatherings: list[Gathering], actors: ActorIndex
) -> list[tuple[int, Place, Features]]:
    """(gathering, place, features) for every place named near a gathering that has none."""
    dateline = dateline_tokens(parsed)
    toks = parsed.tokens
    # Where a story was filed is the city its dateline opens with, not a region after it.
    filed = filed_places(parsed)
    names = trigger_heads(f.trigger for g in gatherings for f in g.frames)
    places = [
        m
        for m in actors.mentions
        if m.place is not None and m.start_token not in dateline and not names_a_gathering(m, names)
    ] + filed
    if not places:
        return []
    by_sent: dict[int, list[ActorMention]] = {}
    for m in places:
        by_sent.setdefault(toks[m.start_token].sent, []).append(m)
    with_trigger = {f.sent for g in gatherings for f in g.frames}
    said = {g.said_place.name for g in gatherings if g.said_place is not None}
    count: dict[str, int] = {}
    for m in places:
        assert m.place is not None
        count[m.place] = count.get(m.place, 0) + 1
    quotes = quote_offsets(parsed.text)
    out: list[tuple[int, Place, Features]] = []
    for n, g in enumerate(gatherings):
        if g.place is not None:
            continue
        deadline.check("weighing places")
        parties = {p.mention.actor.name for f in g.frames for p in f.parties if p.mention.actor is not None}
        found = around_mentions(parsed, g.frames, by_sent, with_trigger, _tokens_of, quotes)
        found += [(m, {"far": 1.0}) for m in filed if all(m is not k for k, _ in found)]
        status = g.status or "unknown"
        # The story's own day: a day the text dates from its publication ("on Saturday").
        news_day = g.date is not None and g.date.anchor == "publication" and len(g.date.value or "") == 10
        for m, features in found:
            assert m.place is not None
            actor = m.actor
            features.update(
                {
                    "dateline": float(m.start_token in dateline),
                    "country": float(actor is not None and actor.kind == "country" and actor.name == m.place),
                    f"entity:{parsed.tokens[m.start_token].ent_type or 'none'}": 1.0,
                    "party": float(actor is not None and actor.name in parties),
                    "place_of_other": float(m.place in said),
                    "doc_mentions_log": math.log1p(count[m.place]),
                    f"status:{status}": 1.0,
                    "dated": float(g.date is not None),
                    # "OHRID — Serbia and Kosovo agreed late on Saturday, after talks": where the story
                    # was filed is where its news-day gathering, the story's first, met
                    "dateline_news_day": float(m.start_token in dateline and news_day),
                    "dateline_first_gathering": float(m.start_token in dateline and n == 0),
                }
            )
            out.append((n, Place(m.place, m), features))
    return out


def _tokens_of(m: ActorMention) -> tuple[int, int]:
    return m.start_token, m.end_token
