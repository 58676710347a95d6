"""Gatherings: which meeting mentions are one gathering, and what the passage adds to each.

Frames merge into gatherings by discourse: a definite or anaphoric mention ("the summit", "the
earlier meeting", "the discussions") joins the gathering it points back to; a mention marked new
("another meeting", "the next summit") or with a conflicting date, place, status or parties starts one
(`_antecedent`, `_conflict`); a noun that renames one in its own sentence ("the summit, a gathering
of ...") joins it; a mention in a clause another is reckoned from ("the first talks since they met
in Bali") never joins that one, nor does one held on another's sidelines. Each mention is weighed
against a bounded window of recent gatherings, and each decision (the rule, and per candidate its
named reasons and score, coreference.py) is logged at debug level and returned by
`merge_decisions`. Where a rule joins a mention by salience alone, the model "separate" (learned/)
may weigh it a gathering of its own (`separation_features`). Then each gathering gets what the
passage says beyond its mentions: the gathering it was held beside, the parties of a series,
positions taken, and exclusions (exclusions.py finds the cues; `_exclusion_target` says which
gathering each is about).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import islice

from app.extraction import deadline
from app.extraction.actors import ActorIndex
from app.extraction.actors.gazetteer import is_region
from app.extraction.coreference import Decision, Link, link_evidence, predicate_of, predicated_of_it
from app.extraction.exclusions import Exclusion, description_of, find_exclusions
from app.extraction.frames import Frame
from app.extraction.grammar import Tense, mention_root, reckoned_from
from app.extraction.learned import Features, LogisticModel, load
from app.extraction.lexicon.wordsets import senses
from app.extraction.location import Place, is_country, sidelines_of
from app.extraction.parsed import ParsedText
from app.extraction.parties import PartyRole, positions_taken
from app.extraction.status import Status
from app.extraction.temporal import DateMention
from app.extraction.triggers import TIME_SPANS, Trigger

logger = logging.getLogger(__name__)
# How many recent gatherings a mention is compared with.
WINDOW = 8
# How far back (in sentences) an anaphoric mention looks for the gathering it names.
ANAPHORA_WINDOW = 3
# Gatherings a mention may point back to: the latest ones. An article names a few dozen at most;
# the bound keeps merging linear in the mentions of a text that names thousands.
MAX_ANTECEDENTS = 64
# The rule that starts a gathering held beside the one a mention would have joined ("... hosted Gulf
# leaders at a summit. King Abdullah met Emir Tamim on Friday").
HELD_BESIDE = "own-day-and-parties"
# The longest gathering whose start and end dates are taken to be one gathering's.
MAX_GATHERING_DAYS = 21
# Meetings small enough that meeting someone at one is that meeting.
SMALL_MEETINGS = senses("small-meeting")
HEARINGS = senses("hearing")
TESTIFYING = senses("testify")
# Words for rounds of one negotiation: a new round goes on with the same sides.
ROUNDS = senses("round")
# Words that make a sentence add to the one before it ("Qatar was also left off the list").
ADDITIVE = {"also", "either", "too", "likewise", "nor", "neither"}
# Sentence openers that leave the passage: "Separately, Russia rejected ...".
TOPIC_SHIFTS = senses("topic-shift")
# Nouns for negotiating rounds; a bare plural of one continues the talks just mentioned.
TALKS = senses("talks")
# The model that weighs whether a mention a rule joins to a gathering names one of its own ("Macron
# sat down with Aliyev" after the summit they attended; "the cabinet then convened" after the talks).
SEPARATE_MODEL = "separate"
# Joins the model does not weigh: where the grammar itself says the two are one ("met for talks",
# "the summit, a gathering of ...", "that meeting", "the new discussions" after "another meeting"), or
# the rule already keeps them apart. Nor does it weigh a photo caption's mention: a caption retells.
GRAMMATICAL_JOINS = {
    "purpose",
    "predicate",
    "demonstrative",
    "demonstrative-same-word",
    "distributive",
    "planned-series",
    "talks-continue",
    HELD_BESIDE,
}


def _precision(date: DateMention) -> int:
    return len(event_date_value(date.value) or "")


@dataclass
class _Summary:
    """What merging asks of a gathering for every mention it places (date, status, words, places,
    parties), kept up to date over the frames appended since it last looked (frames are only ever
    appended), so that a gathering of thousands of mentions costs no more per question than one."""

    seen: int = 0
    best_date: DateMention | None = None  # the most precise date of a mention that does not end it
    best_any_date: DateMention | None = None  # the most precise of any mention
    cancelled: bool = False
    proposed: bool = False
    first_settled: Status | None = None  # the first status other than proposed
    lemmas: set[str] = field(default_factory=set)
    places: dict[str, Place] = field(default_factory=dict)  # one per name, the first
    party_names: set[str] = field(default_factory=set)
    remote: set[bool] = field(default_factory=set)  # whether mentions were over a line, in person or both

    def add(self, f: Frame) -> None:
        if f.date is not None and f.date.value:
            # The first of the most precise wins, as max() over them in order would pick it.
            if self.best_any_date is None or _precision(f.date) > _precision(self.best_any_date):
                self.best_any_date = f.date
            if not f.ends and (self.best_date is None or _precision(f.date) > _precision(self.best_date)):
                self.best_date = f.date
        self.cancelled |= f.status == "cancelled"
        self.proposed |= f.status == "proposed"
        if self.first_settled is None and f.status is not None and f.status != "proposed":
            self.first_settled = f.status
        self.lemmas.add(f.trigger.lemma)
        if f.place is not None:
            self.places.setdefault(f.place.name, f.place)
        self.party_names.update(p.mention.actor.name for p in f.parties if p.mention.actor is not None)
        self.remote.add(f.trigger.remote)


@dataclass
class Gathering:
    frames: list[Frame] = field(default_factory=list)
    exclusions: list[Exclusion] = field(default_factory=list)
    beside: Gathering | None = None  # the gathering this one was held beside (sidelines, same day)
    # Gatherings said to be held on this one's sidelines: whoever met there was at this one too.
    sidelines: list[Gathering] = field(default_factory=list)
    # Parties a series implies: who convenes "another meeting" convened the one before it.
    inherited: list[PartyRole] = field(default_factory=list)
    # Where and when learned weighings put it when nothing else does (whereabouts.py, dating.py).
    guessed_place: Place | None = None
    guessed_date: DateMention | None = None
    _summary: _Summary = field(default_factory=_Summary, repr=False, compare=False)

    @property
    def summary(self) -> _Summary:
        summary = self._summary
        for n in range(summary.seen, len(self.frames)):
            summary.add(self.frames[n])
        summary.seen = len(self.frames)
        return summary

    @property
    def place(self) -> Place | None:
        """Where its mentions say it is; else where the gathering it was held beside is; else the
        scene of the passage."""
        own = self.said_place
        if own is None and self.beside is not None:
            own = self.beside.said_place  # one step only: "beside" links may run both ways
        if own is None:
            return _most_specific([f.scene for f in self.frames if f.scene]) or self.guessed_place
        return own

    @property
    def said_place(self) -> Place | None:
        """The most specific place the mentions give: the city over its country, and the mention
        that also dates the gathering (the detailed report) over a passing one."""
        framed = sorted((f for f in self.frames if f.place is not None), key=lambda f: f.date is None)
        return _most_specific([f.place for f in framed if f.place is not None])

    @property
    def first(self) -> Frame:
        return self.frames[0]

    @property
    def last_sent(self) -> int:
        return self.frames[-1].sent

    @property
    def date(self) -> DateMention | None:
        """The most precise date any mention gives ("October 26-28" over "later this month"), of a
        mention that does not end the gathering if there is one."""
        summary = self.summary
        return summary.best_date or summary.best_any_date or self.guessed_date

    @property
    def date_ends(self) -> bool:
        """Whether its date is the day it ended ("wrapped up the summit on Thursday"), no mention
        saying when it began."""
        summary = self.summary
        return summary.best_date is None and summary.best_any_date is not None

    @property
    def status(self) -> Status | None:
        """Cancelled if any mention says so; proposed only while no mention reports it as
        scheduled or held (an invitation to a summit already set does not make it a proposal)."""
        summary = self.summary
        if summary.cancelled:
            return "cancelled"
        if summary.proposed and summary.first_settled is None:
            return "proposed"
        # A date on the far side of publication settles it better than any one clause's tense.
        date = self.date
        if date is not None and date.direction in {"past", "future"}:
            return "occurred" if date.direction == "past" else "scheduled"
        return summary.first_settled

    @property
    def places(self) -> list[Place]:
        """The places its mentions give, one per name."""
        return list(self.summary.places.values())

    @property
    def party_names(self) -> set[str]:
        """The actors its mentions name as parties."""
        return self.summary.party_names

    @property
    def lemmas(self) -> set[str]:
        return self.summary.lemmas


def find_gatherings(parsed: ParsedText, frames: list[Frame], actors: ActorIndex) -> list[Gathering]:
    """The gatherings the frames report, in order of first mention, with what the passage adds to
    each: what it was held beside, the parties a series implies, positions taken around it, and the
    parties left out of it."""
    gatherings = _merge(parsed, frames, separate=load(SEPARATE_MODEL))
    heads = {t.head: n for n, g in enumerate(gatherings) for t in (f.trigger for f in g.frames)}
    _link_beside(parsed, gatherings, heads)
    _continue_series(gatherings)
    _positions_in_passage(parsed, gatherings, actors)
    last: Gathering | None = None  # the gathering of the exclusion told before
    for exclusion in sorted(find_exclusions(parsed, actors, heads.keys()), key=lambda e: e.sent):
        target = _exclusion_target(parsed, exclusion, gatherings, heads)
        if (
            exclusion.target is None
            and exclusion.body is None
            and last is not None
            and _adds_to_before(parsed, exclusion.sent)
        ):
            # "Greece was not invited. ... Qatar was also left off the list.": the exclusion it adds
            # to is the one told last, however far back (and the parties listed with it go along:
            # "France, Germany and Britain had no seat either")
            target = last
        if target is not None:
            target.exclusions.append(exclusion)
            last = target
    return gatherings


def _adds_to_before(parsed: ParsedText, sent: int) -> bool:
    """A sentence that adds to what the one before said: "also", "either", "too", "Nor ..."."""
    return any(
        t.lower in ADDITIVE and t.dep in {"advmod", "cc", "preconj", "dep"}
        for t in parsed.sentence_tokens(sent)
    )


def _link_beside(parsed: ParsedText, gatherings: list[Gathering], heads: dict[int, int]) -> None:
    """Which gathering each was held beside: the one named in "on the summit's sidelines", else,
    for one whose place is said nowhere, the only other gathering that day whose place is said
    ("held talks on Friday with the summit's host")."""
    placed_on: dict[str, list[Gathering]] = {}  # day -> the gatherings that day whose place is said
    for g in gatherings:
        if g.date is not None and g.date.value is not None and g.said_place is not None:
            placed_on.setdefault(g.date.value, []).append(g)
    for g in gatherings:
        for f in g.frames:
            host = sidelines_of(parsed, f.trigger, heads.keys())
            if host is not None and gatherings[heads[host]] is not g:
                g.beside = gatherings[heads[host]]
                if g not in g.beside.sidelines:
                    g.beside.sidelines.append(g)
        day = g.date.value if g.date is not None else None
        if g.beside is None and g.said_place is None and day is not None and len(day) == 10:
            same_day = [o for o in placed_on.get(day, []) if o is not g]
            if len(same_day) == 1:
                g.beside = same_day[0]


def _continue_series(gatherings: list[Gathering]) -> None:
    """ "Macron will convene another meeting" says he convened the one before it: the one other
    meeting of that kind already held, if it names no organizer. "The next plenary" with no
    parties of its own is held by the body that held the one before it."""
    for g in gatherings:
        if not g.first.trigger.novel:
            continue
        own = [p for f in g.frames for p in f.parties]
        organizers = [p for p in own if p.role == "organizer"]
        if organizers:
            held = [
                h
                for h in gatherings
                if h is not g
                and g.first.trigger.lemma in h.lemmas
                and h.status == "occurred"
                and not any(p.role == "organizer" for f in h.frames for p in f.parties)
            ]
            if len(held) == 1:
                held[0].inherited.extend(organizers)
        elif not own:
            # "a 14th round" goes on with the sides of the rounds before; "the next plenary" with
            # the body that held the last one.
            rounds = ROUNDS & g.lemmas
            kinds = {"organization", "country", "group"} if rounds else {"organization"}
            before = [
                h
                for h in gatherings
                if h.first.sent < g.first.sent and h is not g and (not rounds or ROUNDS & h.lemmas)
            ]
            for h in reversed(before):
                bodies = [
                    p
                    for f in h.frames
                    for p in f.parties
                    if p.role in {"organizer", "participant"}
                    and p.mention.actor is not None
                    and p.mention.actor.kind in kinds
                ]
                if bodies:
                    g.inherited.extend(replace(p, role="participant") for p in bodies)
                    break


def _positions_in_passage(parsed: ParsedText, gatherings: list[Gathering], actors: ActorIndex) -> None:
    """Who took a side, in a sentence on one held gathering or in the passage around its mentions
    (up to three sentences after one, or just before the next), was at that gathering; so is who
    is said to be expected at one to come."""
    by_sent: dict[int, list[Gathering]] = {}
    for g in gatherings:
        for f in g.frames:
            by_sent.setdefault(f.sent, [])
            if g not in by_sent[f.sent]:
                by_sent[f.sent].append(g)
    for sent in range(len(parsed.sentences)):
        here = by_sent.get(sent, [])
        if len(here) > 1:
            continue
        if here:
            g = here[0]
        else:
            before = next((by_sent[s] for s in range(sent - 1, sent - 4, -1) if s in by_sent), [])
            after = by_sent.get(sent + 1, [])
            near = {id(x): x for x in [*before, *after]}
            if len(near) != 1:
                continue  # no gathering near, or two it could be
            (g,) = near.values()
        opening = parsed.tokens[parsed.sentences[sent].start_token].lower
        if not here and opening in TOPIC_SHIFTS:
            continue
        g.inherited.extend(positions_taken(parsed, sent, actors, held=g.status == "occurred"))


def _exclusion_target(
    parsed: ParsedText, exclusion: Exclusion, gatherings: list[Gathering], heads: dict[int, int]
) -> Gathering | None:
    if exclusion.target is not None:
        return gatherings[heads[exclusion.target]]
    held_by = [
        g
        for g in gatherings
        if g.first.sent <= exclusion.sent
        and any(
            p.mention.actor is not None and p.mention.actor.name == exclusion.body
            for f in g.frames
            for p in f.parties
        )
    ]
    if exclusion.body is not None and held_by:
        return held_by[-1]  # "shut out of the group": out of that group's gathering
    # No meeting named in the cue: of those mentioned in the last two sentences and on the same
    # side of now as the cue ("were not included" looks back), the one mentioned last ("said it
    # had not been invited" right after the meeting it means); with none near, the one the story
    # told first, the gathering it is about (as a definite description with nothing near names it).
    # A meeting named in what describes the party tells who it is: "Dr. He, who spoke at the previous
    # summit, was not invited".
    m = exclusion.mention
    aside = description_of(parsed, mention_root(parsed, m.start_token, m.end_token))
    mentions = {
        id(g): [
            f.trigger.head
            for f in g.frames
            if 0 <= exclusion.sent - f.sent <= 2 and f.trigger.head not in aside
        ]
        for g in gatherings
    }
    # (not one its own mentions say the party takes part in: "X was left off the guest list, and Y
    # invited it to a rival meeting")
    recent = [g for g in gatherings if mentions[id(g)]]
    recent = [g for g in recent if not _takes_part(g, exclusion)] or recent
    wanted = {"past": {"occurred"}, "future": {"scheduled", "proposed"}}.get(exclusion.tense)
    if wanted:
        recent = [g for g in recent if g.status in wanted or g.status is None] or recent
    if recent:
        return max(recent, key=lambda g: max(mentions[id(g)]))
    before = [g for g in gatherings if g.first.sent <= exclusion.sent]
    return before[0] if before else (gatherings[0] if gatherings else None)


def _takes_part(g: Gathering, exclusion: Exclusion) -> bool:
    """Whether a mention of `g` has the party the exclusion names among those who take part."""
    actor = exclusion.mention.actor
    return actor is not None and any(
        p.role in {"organizer", "participant"}
        and p.mention.actor is not None
        and p.mention.actor.name == actor.name
        for f in g.frames
        for p in f.parties
    )


def _most_specific(places: list[Place]) -> Place | None:
    """The city over its country."""
    return next((p for p in places if not is_country(p)), places[0] if places else None)


def merge_decisions(
    parsed: ParsedText, frames: list[Frame], separate: LogisticModel | None = None
) -> list[Decision]:
    """Why each mention joined the gathering it did or started one: the trace `find_gatherings`
    logs at debug level, for tests and debugging (with `separate`, as the service decides)."""
    trace: list[Decision] = []
    _merge(parsed, frames, trace, separate)
    return trace


def weighed_joins(parsed: ParsedText, frames: list[Frame]) -> list[tuple[Frame, Features]]:
    """The mentions the rules alone join by salience, each with what the model "separate" weighs
    (for fitting it: bench/train.py)."""
    weighed: list[tuple[Frame, Features]] = []
    _merge(parsed, frames, weighed=weighed)
    return weighed


def _merge(
    parsed: ParsedText,
    frames: list[Frame],
    trace: list[Decision] | None = None,
    separate: LogisticModel | None = None,
    weighed: list[tuple[Frame, Features]] | None = None,
) -> list[Gathering]:
    gatherings: list[Gathering] = []
    by_head: dict[int, Gathering] = {}
    nouns = {f.trigger.head: f.trigger for f in frames if f.trigger.kind == "noun"}
    # What each mention is on the sidelines of, and per summit mention the mentions of meetings on
    # its sidelines: found once, not again per mention and per gathering of the window (a summit
    # named in thousands of sentences must not be weighed against each of its mentions again).
    hosts = {
        f.trigger.head: host
        for f in frames
        if (host := sidelines_of(parsed, f.trigger, nouns.keys())) not in {None, f.trigger.head}
    }
    on_sidelines: dict[int, list[int]] = {}
    for mention, host in hosts.items():
        on_sidelines.setdefault(host, []).append(mention)
    # The gatherings by when they were last mentioned (latest last), and their order of first
    # mention: the window a mention is compared with costs WINDOW, not the whole text.
    recency: dict[int, Gathering] = {}
    position: dict[int, int] = {}
    for frame in frames:
        deadline.check("merging mentions")
        window = sorted(islice(reversed(recency.values()), WINDOW), key=lambda g: position[id(g)])
        beside = {id(by_head[h]) for h in on_sidelines.get(frame.trigger.head, ()) if h in by_head}
        # (the summit a meeting was held on the sidelines of is not that meeting: "met Merkel on the
        # sidelines of the G20 summit" tells the summit after the meeting beside it)
        window = [g for g in window if id(g) not in beside]
        target, rule = _place_mention(parsed, frame, nouns, gatherings, window, by_head, hosts)
        if (
            target is not None
            and rule not in GRAMMATICAL_JOINS
            and (separate is not None or weighed is not None)
            and not frame.caption
        ):
            features = separation_features(parsed, frame, target, rule)
            if weighed is not None:
                weighed.append((frame, features))
            if separate is not None and separate.probability(features) >= separate.threshold:
                target, rule = None, f"{rule}, weighed new"
        joined: list[Gathering] = []
        if target is None and rule == "nothing-to-attend":
            pass  # "asked to attend" with nothing before it to attend
        elif target is None or rule == HELD_BESIDE:
            started = Gathering([frame])
            started.beside = target  # (HELD_BESIDE: the gathering just told, where it was held)
            position[id(started)] = len(gatherings)
            gatherings.append(started)
            by_head[frame.trigger.head] = started
            joined = [started]
        elif rule == "distributive":
            # "Both sessions will take place in Washington": what it says holds for each of the
            # two gatherings just named.
            joined = list(islice(reversed(recency.values()), 2))[::-1]
            for g in joined:
                g.frames.append(frame)
        else:
            target.frames.append(frame)
            by_head[frame.trigger.head] = target
            joined = [target]
        for g in joined:
            recency.pop(id(g), None)
            recency[id(g)] = g
        if trace is not None or logger.isEnabledFor(logging.DEBUG):
            decision = _decision(parsed, frame, gatherings, None if rule == HELD_BESIDE else target, rule)
            logger.debug("gathering decision: %s", decision)
            if trace is not None:
                trace.append(decision)
    return gatherings


def _place_mention(
    parsed: ParsedText,
    frame: Frame,
    nouns: dict[int, Trigger],
    gatherings: list[Gathering],
    window: list[Gathering],
    by_head: dict[int, Gathering],
    hosts: Mapping[int, int],
) -> tuple[Gathering | None, str]:
    """The gathering `frame`'s mention joins (None: a new one) and the rule that decided. `hosts`:
    per mention's head, the head of the gathering it is on the sidelines of."""
    purpose = _purpose_of(parsed, frame.trigger, by_head)
    if purpose is not None:
        return purpose, "purpose"  # "met on Tuesday for talks": the meeting is the talks
    if frame.trigger.distributive and len(gatherings) >= 2:
        return gatherings[-1], "distributive"
    # "are due to meet in Lisbon for a joint commission session": a verb whose purpose is a
    # gathering newly named (indefinite) starts that gathering.
    if _meets_for_new(parsed, frame, nouns):
        return None, "nothing-to-attend" if frame.trigger.anaphoric else "meets-for-new"
    host = hosts.get(frame.trigger.head)
    if host is not None:
        # "met Biden on the sidelines of the summit": a meeting of its own, beside the summit
        # (`_link_beside` ties the two once every mention is placed), told on in the same words
        # ("a bilateral meeting on the summit's sidelines ... did not sit down until late")
        beside = [g for g in window if hosts.get(g.first.trigger.head) == host and _compatible(frame, g)]
        return (beside[-1], "same-sidelines") if beside else (None, "sidelines")
    reckoned = _reckoned_from(parsed, frame.trigger, window)
    window = [g for g in window if g is not reckoned]
    if not window and reckoned is not None:
        return None, "reckoned-from"  # "their first talks since they met in Bali": the meeting before
    if not window:
        return None, "nothing-to-attend" if frame.trigger.anaphoric else "first-mention"
    renamed = _renamed(parsed, frame, window)
    if renamed is not None:
        return renamed, "predicate"
    target, rule = _antecedent(frame, window)
    if target is None and frame.trigger.anaphoric:
        return None, "nothing-to-attend"
    if (
        rule == "story-topic"
        and target is not None
        and any(p.role == "participant" for p in frame.parties)
        and _weigh(parsed, frame, target).has("parties-disjoint")
    ):
        # A definite mention with no gathering near to point back to names the story's gathering,
        # unless its own parties were not at that one: then it names another.
        return None, "topic-other-parties"
    return target, rule


def _reckoned_from(parsed: ParsedText, trigger: Trigger, window: list[Gathering]) -> Gathering | None:
    """The gathering a mention tells what it is reckoned from, which it is not: "held their first
    talks since they met in Bali" (the meeting in Bali came before them). The clause hangs on the
    other mention or on the verb that holds it."""
    head = parsed.tokens[trigger.head]
    if not reckoned_from(parsed, head):
        return None
    host = head.head
    for g in reversed(window):
        for f in g.frames:
            # (the mention, or a word over it: "held ... talks", "met for a session")
            above = [f.trigger.head, *(a.i for a in islice(parsed.ancestors(f.trigger.head), 3))]
            if host in above:
                return g
    return None


def _renamed(parsed: ParsedText, frame: Frame, window: list[Gathering]) -> Gathering | None:
    """The gathering a noun mention renames in its own sentence: "the summit, a gathering of ...",
    "the forum was a gathering that ..."."""
    if frame.trigger.kind != "noun" or frame.trigger.novel:
        return None
    for g in reversed(window):
        if g.last_sent == frame.sent and predicate_of(
            parsed, frame.trigger.head, {f.trigger.head for f in g.frames}
        ):
            return g
    # "... held a summit in Anchorage. It was the first such meeting since 2021.": the predicate of a
    # pronoun subject renames the gathering just mentioned.
    if predicated_of_it(parsed, frame.trigger.head):
        last = [g for g in window if 0 <= frame.sent - g.last_sent <= 1]
        if last:
            return max(last, key=lambda g: max(f.trigger.head for f in g.frames))
    return None


def _recent(gatherings: list[Gathering]) -> list[Gathering]:
    """The WINDOW gatherings last mentioned, in order of first mention, as `_merge` keeps them as it
    goes (here for the trace, which is built only when asked for)."""
    if len(gatherings) <= WINDOW:
        return gatherings
    kept = {id(g) for g in sorted(gatherings, key=lambda g: g.last_sent)[-WINDOW:]}
    return [g for g in gatherings if id(g) in kept]


def _weigh(parsed: ParsedText, frame: Frame, g: Gathering) -> Link:
    """The evidence that `frame` is one gathering with `g`, with what contradicts it."""
    link = link_evidence(parsed, frame, [f for f in g.frames if f is not frame])
    conflict = _conflict(frame, g)
    return Link((*link.reasons, conflict)) if conflict else link


def separation_features(parsed: ParsedText, frame: Frame, g: Gathering, rule: str) -> Features:
    """What tells a mention the rule `rule` joins to `g` from one naming a gathering of its own: the
    rule, the mention's marks and clause tense, the evidence of the link (coreference.WEIGHTS), what
    each side says (a date, a place, parties; new parties), how far back `g` was told and what it
    is."""
    t = frame.trigger
    features: Features = {f"rule:{rule}": 1.0, f"kind:{t.kind}": 1.0, f"tense:{frame.tense}": 1.0}
    for mark in ("definite", "novel", "back", "anaphoric", "demonstrative", "remote"):
        if getattr(t, mark):
            features[f"trigger:{mark}"] = 1.0
    # (weighed against its latest mentions, as the window bounds the gatherings: a summit named in
    # thousands of sentences costs no more per mention than one named in two; no conflict to weigh,
    # as every rule weighed joins only a gathering nothing contradicts)
    for reason in link_evidence(parsed, frame, g.frames[-WINDOW:]).reasons:
        features[f"link:{reason}"] = 1.0
    own = {p.mention.actor.name for p in frame.parties if p.mention.actor is not None}
    features.update(
        {
            "dated": float(frame.date is not None),
            "dated_to_day": float(frame.date is not None and len(frame.date.value or "") == 10),
            "placed": float(frame.place is not None),
            "parties_log": math.log1p(len(own)),
            "brings_new_parties": float(_brings_new_parties(frame, g)),
            "same_word": float(t.lemma in g.lemmas),
            "same_word_as_first": float(t.lemma == g.first.trigger.lemma),
            "sentences_since_last_log": math.log1p(frame.sent - g.last_sent),
            "sentences_since_first_log": math.log1p(frame.sent - g.first.sent),
            "gathering_dated": float(g.date is not None),
            "gathering_placed": float(bool(g.summary.places)),
            "gathering_parties_log": math.log1p(len(g.party_names)),
            "gathering_mentions_log": math.log1p(len(g.frames)),
            "gathering_first_verb": float(g.first.trigger.kind == "verb"),
            "gathering_other_medium": float((not t.remote) in g.summary.remote),
            f"gathering_status:{g.status or 'unknown'}": 1.0,
        }
    )
    return features


def _decision(
    parsed: ParsedText, frame: Frame, gatherings: list[Gathering], target: Gathering | None, rule: str
) -> Decision:
    index = {id(g): n for n, g in enumerate(gatherings)}
    before = [g for g in gatherings if any(f is not frame for f in g.frames)]  # (not the one it began)
    weighed = tuple((index[id(g)], _weigh(parsed, frame, g)) for g in _recent(before))
    # (a distributive mention joined the last two; the trace names the last)
    joined = None if target is None else index.get(id(target))
    return Decision(frame.trigger.text, frame.sent, joined, rule, weighed)


def _meets_for_new(parsed: ParsedText, frame: Frame, nouns: dict[int, Trigger]) -> bool:
    """`nouns`: the noun mentions by their head token."""
    if frame.trigger.kind != "verb":
        return False
    for prep in parsed.children(frame.trigger.head):
        if prep.dep == "prep" and prep.lower == "for":
            for obj in parsed.children(prep.i):
                t = nouns.get(obj.i)
                if t is not None and not (t.definite or t.back):
                    return True
    return False


def _purpose_of(parsed: ParsedText, trigger: Trigger, by_head: dict[int, Gathering]) -> Gathering | None:
    """The gathering a meeting verb names when this mention is what it was for: "met for talks",
    "gathered on Friday for a summit"."""
    head = parsed.tokens[trigger.head]
    prep = parsed.tokens[head.head]
    if trigger.kind != "noun" or head.dep != "pobj" or trigger.novel:
        return None
    span = parsed.tokens[prep.head]
    if prep.lower == "of" and span.lemma.lower() in TIME_SPANS and span.dep == "pobj":
        prep = parsed.tokens[span.head]  # "met for two hours of talks": the talks are what it was for
    # "met X at a closed session", "met in a session that lasted an hour" is that session; "met at
    # the summit" is a meeting beside it.
    if prep.lower == "for" or (prep.lower in {"at", "in"} and trigger.lemma in SMALL_MEETINGS):
        return by_head.get(prep.head)
    # "appeared before the judge at a hearing", "testified at the hearing": the hearing itself
    verb = parsed.tokens[prep.head]
    if (
        prep.lower in {"at", "in", "during"}
        and trigger.lemma in HEARINGS
        and verb.lemma.lower() in TESTIFYING
    ):
        return by_head.get(verb.i)
    return None


def _antecedent(frame: Frame, gatherings: list[Gathering]) -> tuple[Gathering | None, str]:
    """The gathering a mention points back to, or None when it names a new one; and the rule that
    said so."""
    t = frame.trigger
    compatible = [g for g in gatherings[-MAX_ANTECEDENTS:] if _compatible(frame, g)]
    if not compatible:
        return None, "conflicts-with-all"
    if frame.place is not None and (t.definite or t.back):
        # "the Berlin meeting" is the one held in Berlin.
        same_place = [
            g for g in compatible if any(f.place and f.place.name == frame.place.name for f in g.frames)
        ]
        if same_place:
            return same_place[-1], "named-place"
    if frame.date is not None and frame.date.value:
        same_day = [
            g
            for g in compatible
            if g.date is not None and g.date.value == frame.date.value and len(frame.date.value) == 10
        ]
        named_alike = [
            g for g in compatible if t.lemma in g.lemmas and frame.sent - g.last_sent < ANAPHORA_WINDOW
        ]
        if same_day and (t.definite or t.kind == "verb") and not t.novel:
            # Of the gatherings that day, the one called by the same word ("the summit's host"
            # is the summit's, not the talks' held beside it), else the latest; but a gathering
            # just called by the same word beats one of another name that merely shares the day
            # ("the board meeting, set for Sunday, clashing with the summit ... on Sunday").
            best = max(same_day, key=lambda g: (t.lemma in g.lemmas, g.last_sent))
            if t.kind == "verb" and _brings_new_parties(frame, best):
                return best, HELD_BESIDE
            if t.lemma in best.lemmas or not named_alike:
                return best, "same-day"
            return named_alike[-1], "same-day-same-word"
    if t.novel:
        # "The new discussions are scheduled for Wednesday" continues "another meeting": both new.
        # A story about a coming gathering names it anew however far apart the mentions are.
        planned = [
            g for g in compatible if g.first.trigger.novel and g.status in {"scheduled", "proposed", None}
        ]
        return (planned[-1], "planned-series") if planned else (None, "novel")
    if not (t.definite or t.back or t.kind == "verb" or t.anaphoric):
        # A bare plural goes on with the negotiations just mentioned: "continue pay negotiations
        # with ministers ... have been in talks with the department since Tuesday".
        if t.lemma in TALKS and not t.novel:
            last = [g for g in compatible if frame.sent - g.last_sent <= 1 and TALKS & g.lemmas]
            if last:
                return last[-1], "talks-continue"
        return None, "indefinite"
    # Salience: the same word within a few sentences, then the same word further back for a
    # definite mention ("the summit itself"), then any gathering just mentioned.
    recent = [g for g in compatible if frame.sent - g.last_sent <= ANAPHORA_WINDOW - 1]
    if recent and t.demonstrative:
        # "shut out of that meeting": the gathering just spoken of, whatever it was called
        return max(recent, key=lambda g: max(f.trigger.head for f in g.frames)), "demonstrative"
    same_lemma = [g for g in recent if t.lemma in g.lemmas]
    if same_lemma:
        return same_lemma[-1], "same-word-recent"
    # Further back, the same word must also agree in time: "at not being included in the
    # discussions" (past) does not reach over the past meeting to the planned discussions.
    anywhere = [
        g
        for g in compatible
        if t.lemma in g.lemmas
        and frame.sent - g.last_sent <= 2 * ANAPHORA_WINDOW
        and not _opposite_sides(frame.tense, g.status)
    ]
    if anywhere and t.definite:
        return anywhere[-1], "same-word-earlier"
    if t.demonstrative:
        # "that testy phone call" points back however far to the call the story told (first
        # called so: a word any gathering may borrow, "that meeting", says less)
        named = [
            g
            for g in compatible
            if g.first.trigger.lemma == t.lemma and not _opposite_sides(frame.tense, g.status)
        ]
        if named:
            return named[-1], "demonstrative-same-word"
    same_side = [g for g in recent if not _opposite_sides(frame.tense, g.status)] or recent
    own_day = t.kind == "verb" and frame.date is not None
    if same_side and own_day and _brings_new_parties(frame, same_side[-1]):
        # "Modi met Putin on Tuesday" after the summit: a verb with a day and a party of its own
        # tells a meeting of its own, held beside the gathering just told.
        return same_side[-1], HELD_BESIDE
    if same_side:
        return same_side[-1], "salient"  # "was not invited to the sessions": the past ones
    # A definite description with nothing near to point to names what the story is about.
    if t.definite and compatible and not t.back:
        return max(compatible, key=lambda g: len(g.frames)), "story-topic"
    return None, "nothing-near"


def _brings_new_parties(frame: Frame, g: Gathering) -> bool:
    """The mention names a party the gathering's mentions, which name some, have not named (a
    gathering told with no party, "the cancelled visit", takes them from the mention after it)."""
    named = g.party_names
    return bool(named) and any(
        p.mention.actor is not None and p.mention.actor.name not in named for p in frame.parties
    )


def _compatible(frame: Frame, g: Gathering) -> bool:
    """Nothing known of the two contradicts: dates, places and statuses agree where both are known."""
    return _conflict(frame, g) is None


def _conflict(frame: Frame, g: Gathering) -> str | None:
    """What known of the two contradicts (a reason named in coreference.WEIGHTS), or None."""
    if (
        frame.date is not None
        and g.date is not None
        and not _may_overlap(frame.date, g.date)
        and not _ends_after(frame, g)
    ):
        return "date-conflict"  # the two dates cannot both hold ("2023-W10" holds "2023-03-07")
    # A place may hold another ("Alaska" holds "Anchorage"): places keep an indefinite mention
    # apart, but stop a definite one pointing back only when the place is part of its name ("the
    # Berlin meeting") or both are towns (countryinfo's countries and provinces are not).
    named = (
        frame.place is not None
        and frame.trigger.start_token <= frame.place.mention.start_token < frame.trigger.head
    )
    pointing_back = frame.trigger.definite or frame.trigger.back or frame.trigger.kind == "verb"
    for place in g.places:
        if (
            frame.place is not None
            and _places_conflict(frame.place, place)
            and (named or not pointing_back or (_town(frame.place) and _town(place)))
        ):
            return "place-conflict"
    if frame.trigger.back and not frame.trigger.demonstrative and g.first.trigger.novel:
        return "back-vs-new"  # "the previous meeting" is not "another meeting"; "that meeting" may be
    # Different parties name a different gathering: "opened negotiations with Renault" is not the
    # Honda-Nissan talks.
    mine = {p.mention.actor.name for p in frame.parties if p.mention.actor is not None}
    theirs = g.party_names
    if (
        len(mine) >= 2
        and theirs
        and not mine & theirs
        and not (frame.trigger.definite or frame.trigger.kind == "verb")
    ):
        return "parties-conflict"
    # A call is not a meeting in person, nor the other way: "met in Paris ... spoke by phone with
    # Biden" (but "the call", "that meeting" may point across).
    if g.summary.remote == {not frame.trigger.remote} and not (
        frame.trigger.definite or frame.trigger.back or frame.trigger.anaphoric
    ):
        return "medium-conflict"
    # A gathering past is not one still to come (a cancelled one may have been either).
    side = {"occurred": "past", "scheduled": "future", "proposed": "future"}
    status = g.status
    if frame.status in side and status in side and side[frame.status] != side[status]:
        return "status-conflict"
    return None


def _ends_after(frame: Frame, g: Gathering) -> bool:
    """One date is the end of a gathering that began on the other, within a few weeks: "opened on
    Saturday" and "ended their summit on Sunday" are one summit."""
    ending = [f for f in g.frames if f.ends and f.date is not None]
    starts, ends = (g.date, frame.date) if frame.ends else (frame.date, ending[0].date if ending else None)
    if starts is None or ends is None or starts.first_day is None or ends.first_day is None:
        return False
    return 0 <= (ends.first_day - starts.first_day).days <= MAX_GATHERING_DAYS


def _may_overlap(a: DateMention, b: DateMention) -> bool:
    if {a.direction, b.direction} in ({"future", "past"}, {"future", "same"}):
        return False  # "later this month" is not "on Thursday" (today) nor "last week"
    if a.first_day is None or a.last_day is None or b.first_day is None or b.last_day is None:
        return True
    # "negotiators had been meeting since February" holds "talks ... on Thursday" in March
    a_last = dt.date.max if a.ongoing else a.last_day
    b_last = dt.date.max if b.ongoing else b.last_day
    return not (a_last < b.first_day or b_last < a.first_day)


def _opposite_sides(tense: Tense, status: Status | None) -> bool:
    return (tense == "past" and status in {"scheduled", "proposed"}) or (
        tense == "future" and status == "occurred"
    )


def _town(place: Place) -> bool:
    """A place that holds no other town: no country, state or province ("Alaska")."""
    return not is_country(place) and not is_region(place.name)


def _places_conflict(a: Place, b: Place) -> bool:
    """Two different cities conflict; a city and a country may be the same place."""
    if a.name == b.name:
        return False
    return is_country(a) == is_country(b)


def event_date_value(value: str | None) -> str | None:
    """An event's date at day, month or year precision: a week becomes the month most of it lies
    in, a quarter, season or decade the year (or its first year)."""
    if value is None:
        return None
    if len(value) == 8 and value[5] == "W" and value[:4].isdecimal() and value[6:].isdecimal():
        thursday = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 4)
        return f"{thursday.year:04d}-{thursday.month:02d}"  # strftime writes year 1 as "1"
    if (
        len(value) >= 4
        and value[:4].isdecimal()
        and len(value) in {7, 10}
        and value[4] == "-"
        and value[5:7].isdecimal()
    ):
        return value
    if len(value) >= 4 and value[:4].isdecimal():
        return value[:4]
    if len(value) == 3 and value.isdecimal():
        return value + "0"
    return None
