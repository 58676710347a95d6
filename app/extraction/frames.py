"""Frames: what each meeting mention's own sentence says of it, one frame per mention.

A frame holds the mention's parties with their roles (parties.py), its place (location.py), its status
(status.py), and the date syntax ties to it (here): in its own phrase, else on the verbs above it.
Frames know nothing of each other; which of them are one gathering is gatherings.py's question.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from app.extraction import deadline
from app.extraction.actors import ActorIndex
from app.extraction.grammar import (
    Tense,
    at_the_same_time,
    clause_tense,
    governing_verb,
    own_clause,
    reckoned_from,
)
from app.extraction.lexicon.wordsets import senses
from app.extraction.location import Place, mention_place, names_a_gathering, scene_place, trigger_heads
from app.extraction.parsed import ParsedText, Token
from app.extraction.parties import PartyRole, trigger_parties
from app.extraction.status import Status, mention_status
from app.extraction.temporal import DateMention
from app.extraction.triggers import Trigger, part_of

SHALLOW_DEPS = {"prep", "npadvmod", "tmod", "advmod", "pobj", "nmod", "poss", "compound", "dobj"}
# Verbs of saying: a date above one dates the saying.
REPORTING = senses("report")
# Verbs that plan a meeting: "a meeting between X and Y, scheduled for May 2" dates it.
SCHEDULE_WORDS = senses("schedule-date")
# Dates that end something ("ran until late on Saturday") are not when it met.
END_PREPS = {"until", "till", "through", "by"}
# Verbs that move or call off a meeting: their own date is when that was decided.
RESCHEDULING = senses("reschedule")
# A relative clause with one of these on a meeting tells its own time: "the summit, which the
# council holds on December 1".
HOLDING_VERBS = senses("hold")
# A clause on a meeting with one of these dates the meeting: "scheduled for May 2", "held on Monday".
DATING_VERBS = SCHEDULE_WORDS | HOLDING_VERBS
# Verbs that end a meeting: their date is its last day, not its first.
ENDING_VERBS = senses("end")


@dataclass
class Frame:
    trigger: Trigger
    date: DateMention | None
    place: Place | None
    status: Status | None
    parties: list[PartyRole]
    sent: int
    scene: Place | None = None  # where the passage is set, when the mention itself says nothing
    ends: bool = False  # its date is when it ended ("ended on Sunday"), not when it began
    tense: Tense = "unknown"  # of the clause the mention stands in
    caption: bool = False  # it stands in a photo caption, which retells (wire_copy.py)


def frame_of(parsed: ParsedText, trigger: Trigger, dates: list[DateMention], actors: ActorIndex) -> Frame:
    deadline.check("reading a mention")
    parties = trigger_parties(parsed, trigger, actors)
    place = mention_place(parsed, trigger, actors)
    party_tokens = {p.mention.start_token for p in parties}
    status = mention_status(parsed, trigger)
    # A gathering still to come is not where the passage is set: its place must be said.
    use_scene = place is None and status not in {"scheduled", "proposed"}
    date = attached_date(parsed, trigger, dates)
    return Frame(
        trigger=trigger,
        date=date,
        ends=date is not None and _ends_on(parsed, trigger, date),
        place=place,
        status=status,
        parties=parties,
        sent=parsed.tokens[trigger.head].sent,
        scene=scene_place(parsed, trigger, actors, party_tokens) if use_scene else None,
        tense=clause_tense(parsed, trigger.head),
    )


def attached_date(parsed: ParsedText, trigger: Trigger, dates: list[DateMention]) -> DateMention | None:
    """The date syntax ties to a trigger: in its own phrase, else on the verbs above it.

    The climb stops where a reported clause meets its verb of saying ("said on Saturday that the
    summit ...": Saturday dates the saying), and a verb that moves or cancels the meeting lends
    only its target date ("pushed back the meeting to December 5", not "cancelled it in May").
    """
    # Only the dates of the trigger's sentence: the syntax never reaches beyond it.
    sentence = parsed.sentences[parsed.tokens[trigger.head].sent]
    first = bisect.bisect_left(dates, sentence.start_token, key=lambda d: d.token_start)
    following = (dates[k] for k in range(first, len(dates)))
    near = itertools.takewhile(lambda d: d.token_start < sentence.end_token, following)
    # ("now", "currently": the present, no day a meeting can be held on)
    by_token = {i: d for d in near if not _reference(d) for i in range(d.token_start, d.token_end)}
    head = parsed.tokens[trigger.head]
    inside = _dates_in(parsed, head, by_token, skip=set())
    if inside:
        return inside[0]
    below = {head.i}
    came_from = head
    for anc in parsed.ancestors(head.i):
        lemma = anc.lemma.lower()
        if anc.pos not in {"VERB", "AUX", "ADP", "NOUN", "PROPN", "ADJ"}:
            break
        if lemma in REPORTING and came_from.dep in {"ccomp", "xcomp", "advcl", "parataxis"}:
            break
        if own_clause(parsed, came_from) and not at_the_same_time(parsed, came_from):
            break  # a clause of its own: "called off strikes this week so they could join"
        found = _dates_in(parsed, anc, by_token, skip=below, shallow=True)
        if any(_end_point(parsed, c) for c in parsed.children(anc.i)):
            found = []  # "the talks ran until late on Saturday": how long it ran, not when it met
        if lemma in RESCHEDULING:
            found = [d for d in found if _under_prep(parsed, d, {"to", "for", "until"})]
        if found:
            return found[0]
        below.add(anc.i)
        came_from = anc
        if (
            anc.dep in {"ROOT", "ccomp", "advcl", "relcl", "conj"}
            and anc.pos in {"VERB", "AUX"}
            and not at_the_same_time(parsed, anc)
        ):
            break  # a clause's own modifiers end here; its head's belong to another clause
    return None


def _reference(date: DateMention) -> bool:
    return date.value is not None and date.value.endswith("_REF")


def _ends_on(parsed: ParsedText, trigger: Trigger, date: DateMention) -> bool:
    """Whether the date comes from a verb ending the meeting ("ended their summit on Sunday") or
    from what followed it ("agreed on Friday after two days of talks")."""
    verb = governing_verb(parsed, date.token_start)
    head = parsed.tokens[trigger.head]
    head = part_of(parsed, head) or head  # "wrapped up a round of talks on Friday"
    if verb is None or date.token_start in range(trigger.start_token, trigger.end_token):
        return False
    if head.head == verb.i:
        return verb.lemma.lower() in ENDING_VERBS
    after = parsed.tokens[head.head]
    if head.dep != "pobj" or after.lower != "after":
        return False
    host = parsed.tokens[after.head]  # (or the infinitive the date's verb governs: "agreed to X after")
    return host.i == verb.i or (host.dep == "xcomp" and host.head == verb.i)


def _end_point(parsed: ParsedText, prep: Token) -> bool:
    """ "until late", "by March": a preposition of an end point; not "by" of a means ("closed the
    conference by endorsing a plan")."""
    if prep.dep != "prep" or prep.lower not in END_PREPS:
        return False
    return prep.lower != "by" or not any(c.dep == "pcomp" for c in parsed.children(prep.i))


def _under_prep(parsed: ParsedText, date: DateMention, preps: set[str]) -> bool:
    head = parsed.tokens[date.token_end - 1]
    while head.dep not in {"pobj", "ROOT"} and head.head != head.i and head.head < date.token_end:
        head = parsed.tokens[head.head]
    return head.dep == "pobj" and parsed.tokens[head.head].lower in preps


def _ends_something(parsed: ParsedText, date: DateMention) -> bool:
    """ "ran until late on Saturday", "by the end of March": an end point, not when it met."""
    tok = parsed.tokens[date.token_end - 1]
    for _ in range(4):
        if tok.head == tok.i:
            return False
        tok = parsed.tokens[tok.head]
        if tok.dep == "prep" and tok.lower in END_PREPS:
            return True
        if tok.pos in {"VERB", "AUX", "NOUN"} and tok.i < date.token_start:
            return False
    return False


def _dates_in(
    parsed: ParsedText, node: Token, by_token: dict[int, DateMention], skip: set[int], shallow: bool = False
) -> list[DateMention]:
    """Dates within node's phrase, nearest first; `shallow` looks only at its modifiers."""
    out: list[DateMention] = []
    stack = [node.i]
    while stack:
        i = stack.pop(0)
        if i in by_token and by_token[i] not in out:
            if not _ends_something(parsed, by_token[i]):
                out.append(by_token[i])
            continue
        for c in parsed.children(i):
            if c.i in skip:
                continue
            reduced = (
                c.dep == "advcl"
                and c.tag == "VBN"
                and not any(k.dep in {"nsubj", "nsubjpass", "mark"} for k in parsed.children(c.i))
            )  # "the next plenary, expected later this year"
            # "is scheduled to begin on July 29": the date of the infinitive that starts it
            starting = c.dep in {"xcomp", "advcl", "acl"} and c.lemma.lower() in HOLDING_VERBS
            if shallow and i == node.i and c.dep not in SHALLOW_DEPS and not reduced and not starting:
                continue
            holding = (
                c.dep == "relcl" and c.lemma.lower() in HOLDING_VERBS
            )  # "which the council holds on December 1"
            if (
                reckoned_from(parsed, c)
                or (c.dep in {"relcl", "ccomp"} and not holding)
                or (c.pos == "VERB" and c.dep == "advcl" and not reduced and not starting)
                or (
                    c.pos == "VERB"
                    and c.dep in {"acl", "pcomp"}
                    and i != node.i
                    and c.lemma.lower() not in DATING_VERBS
                )
            ):
                # another clause's date: "a statement issued on Wednesday", "a hearing over
                # whether it breached a 2013 agreement", "the first summit since taking office on
                # May 3" (but "a meeting held on Monday" is its own,
                # and so is "a meeting between X and Y, scheduled for May 2", however it is hung)
                continue
            stack.append(c.i)
    return out


def find_frames(
    parsed: ParsedText, triggers: list[Trigger], dates: list[DateMention], actors: ActorIndex
) -> list[Frame]:
    """One frame per meeting mention, in text order."""
    frames = [frame_of(parsed, t, dates, actors) for t in triggers]
    names = trigger_heads(triggers)
    for f in frames:
        if f.place is not None and names_a_gathering(f.place.mention, names):
            f.place = None
        if f.scene is not None and names_a_gathering(f.scene.mention, names):
            f.scene = None
    return frames
