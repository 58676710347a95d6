"""Location of a meeting mention: the place in "in Paris", "at the White House", "Istanbul meeting".

A place is looked for in the trigger's own phrase first, then on the verbs above it up to a verb of
saying. A facility gives way to the city named with it ("a base outside Anchorage").
"""

from __future__ import annotations

from dataclasses import dataclass

from app.extraction.actors import ActorIndex, ActorMention
from app.extraction.parsed import ParsedText, Token
from app.extraction.status import REPORTING
from app.extraction.triggers import Trigger

PLACE_PREPS = {"in", "at", "to", "on", "outside", "near", "inside"}
MOTION_VERBS = {"travel", "go", "come", "arrive", "fly", "head", "visit", "return", "land"}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    mention: ActorMention


def mention_place(parsed: ParsedText, trigger: Trigger, actors: ActorIndex) -> Place | None:
    toks = parsed.tokens
    head = toks[trigger.head]
    # "Istanbul meeting", "the Paris talks"
    for c in parsed.children(head.i):
        if c.dep in {"compound", "nmod"} and c.i < head.i:
            place = _place_at(parsed, c, actors)
            if place:
                return place
    chain: list[Token] = [head]
    for anc in parsed.ancestors(head.i):
        if anc.lemma.lower() in REPORTING or len(chain) > 3:
            break
        chain.append(anc)
        if anc.pos in {"VERB", "AUX"} and anc.dep not in {"xcomp", "aux", "prep", "pcomp"}:
            break  # the meeting's own clause ends here; a place further up is another event's
    for node in chain:
        for c in parsed.children(node.i):
            if c.dep != "prep" or c.lower not in PLACE_PREPS:
                continue
            if c.lower == "to" and node.lemma.lower() not in MOTION_VERBS | {"visit", "trip"}:
                continue
            for obj in parsed.children(c.i):
                if obj.dep == "pobj":
                    place = _place_in(parsed, obj, actors)
                    if place:
                        return place
    return None


def _place_at(parsed: ParsedText, tok: Token, actors: ActorIndex) -> Place | None:
    m = actors.at(tok.i)
    if m is None or m.place is None:
        return None
    if m.actor is not None and m.actor.kind not in {"country"}:
        return None
    return Place(m.place, m)


def _place_in(parsed: ParsedText, tok: Token, actors: ActorIndex) -> Place | None:
    """The place a prepositional object names; a facility defers to a city named inside it."""
    direct = _place_at(parsed, tok, actors)
    inner = None
    for t in parsed.subtree(tok.i):
        if t.i == tok.i:
            continue
        m = actors.at(t.i)
        if m is not None and m.place is not None and parsed.tokens[m.start_token].ent_type in {"GPE"}:
            inner = Place(m.place, m)
            break
    ent = parsed.entity_at(tok.i)
    if ent is not None and ent.label == "FAC" and inner is not None:
        return inner
    return direct or inner
