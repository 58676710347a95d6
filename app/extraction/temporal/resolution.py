"""Resolution: every date expression in a text, resolved against the publication date.

`matching` finds the expressions and the calendar fields they name; this module decides which
occurrence a yearless or relative expression means (from cue words and the clause's tense) and
renders the value at the precision the text gives (TIMEX3 conventions: YYYY-MM-DD, YYYY-MM, YYYY-Www,
YYYY, YYY for a decade, YYYY-Qn, YYYY-SU, PRESENT_REF).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from app.extraction import deadline
from app.extraction.grammar import Tense, clause_tense, governing_verb, in_plan_told_in_past, past_form
from app.extraction.parsed import ParsedText, Token
from app.extraction.temporal import calendar as cal
from app.extraction.temporal.calendar import Lean, Period
from app.extraction.temporal.matching import Expr, Matcher
from app.extraction.temporal.words import WORDS, TemporalWords

Anchor = Literal["publication", "text", "none"]
Direction = Literal["past", "future", "same", "absolute"]

NO_PUBLICATION = "relative date and no published_at given"
NO_TEXT_ANCHOR = "relative to an earlier date and the text gives none before it"
OFF_THE_CALENDAR = "falls outside the calendar (years 1 to 9999)"


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int  # character offsets into the text
    end: int
    token_start: int  # token indices, so later stages can attach the date syntactically
    token_end: int  # exclusive
    value: str | None  # YYYY-MM-DD, YYYY-MM, YYYY-Www, YYYY, PRESENT_REF; None when unresolved
    anchor: Anchor
    direction: Direction
    end_value: str | None = None  # the end of a range ("October 26-28")
    reason: str | None = None  # why value is None
    first_day: dt.date | None = None  # the days the value covers, for comparing dates of any size
    last_day: dt.date | None = None
    # "have been meeting since February": what the verb says has gone on from then to the story's day
    ongoing: bool = False


def find_dates(
    parsed: ParsedText, published: dt.date | None, *, lex: TemporalWords = WORDS
) -> list[DateMention]:
    """Every date expression in `parsed`, in text order, with its normalized value (`lex`: the
    words to read them with, the lexicon's by default)."""
    matcher = Matcher(parsed, lex)
    mentions: list[DateMention] = []
    last_period: Period | None = None  # what "the next day" counts from
    # Where the last date before was told, and whether it lay behind publication: a sentence that
    # dates its story in the past sets what it plans there in the past too.
    last_sent, last_past = -1, False
    # A bare weekday named again without a tense of its own names the day it named before: "talks
    # on Sunday ... not invited to Sunday's session" is the same Sunday.
    weekdays: dict[int, _Resolved] = {}
    i = 0
    while i < matcher.n:
        deadline.check("finding dates")
        expr = matcher.match(i)
        if expr is None:
            i += 1
            continue
        bare_weekday = expr.kind == "weekday" and expr.weekday is not None and expr.cue == "none"
        sent = parsed.tokens[expr.start].sent
        if bare_weekday and expr.weekday in weekdays and _named_again(parsed, expr):
            resolved = weekdays[expr.weekday]
        else:
            past_scene = last_past and last_sent == sent
            resolver = _Resolver(parsed, matcher, published, last_period, lex, past_scene)
            resolved = _resolve_on_calendar(resolver, expr)
            if bare_weekday and expr.weekday is not None and resolved.period is not None:
                weekdays[expr.weekday] = resolved
        if resolved.period is not None:
            last_period = resolved.period
            last_sent, last_past = sent, resolved.direction == "past"
        first, last = parsed.tokens[expr.start], parsed.tokens[expr.end - 1]
        mentions.append(
            DateMention(
                text=parsed.text[first.start : last.end],
                start=first.start,
                end=last.end,
                token_start=expr.start,
                token_end=expr.end,
                value=resolved.value,
                anchor=resolved.anchor,
                direction=resolved.direction,
                end_value=resolved.end_value,
                reason=resolved.reason,
                first_day=resolved.period.first if resolved.period else None,
                last_day=resolved.period.last if resolved.period else None,
                ongoing=_gone_on_since(parsed, expr.start),
            )
        )
        i = expr.end
    return mentions


def _named_again(parsed: ParsedText, expr: Expr) -> bool:
    """ "Sunday's session", or a weekday in a clause with no tense: it names the day named before.
    One with a tense of its own is read on its own ("met on Monday ... will meet again on Monday")."""
    return parsed.tokens[expr.head].dep == "poss" or clause_tense(parsed, expr.head) == "unknown"


def _gone_on_since(parsed: ParsedText, start: int) -> bool:
    """ "had been meeting since February", "have negotiated since March 3": a date after "since" on a
    verb in the perfect, which has gone on until now ("in office since June 30" dates no verb)."""
    if start == 0 or parsed.tokens[start - 1].lower != "since":
        return False
    verb = parsed.tokens[parsed.tokens[start - 1].head]
    return verb.pos in {"VERB", "AUX"} and any(
        c.dep == "aux" and c.lemma.lower() == "have" for c in parsed.children(verb.i)
    )


def _resolve_on_calendar(resolver: _Resolver, expr: Expr) -> _Resolved:
    """The resolver's answer, or no value with a reason where the day it counts to lies before
    0001-01-01 or after 9999-12-31 ("next week" in a paper of 9999-12-31): date arithmetic raises
    OverflowError there, and building a date in year 0 or 10000 ValueError."""
    try:
        return resolver.resolve(expr)
    except (OverflowError, ValueError):
        return _Resolved(None, None, "publication", "same", reason=OFF_THE_CALENDAR)


@dataclass(frozen=True, slots=True)
class _Resolved:
    period: Period | None
    value: str | None
    anchor: Anchor
    direction: Direction
    end_value: str | None = None
    reason: str | None = None


class _Resolver:
    def __init__(
        self,
        parsed: ParsedText,
        matcher: Matcher,
        published: dt.date | None,
        last_period: Period | None,
        lex: TemporalWords,
        past_scene: bool = False,
    ) -> None:
        self.parsed = parsed
        self.lex = lex
        self.matcher = matcher
        self.published = published
        self.last_period = last_period
        self.past_scene = past_scene  # an earlier date of the sentence lay behind publication

    def resolve(self, expr: Expr) -> _Resolved:
        if expr.kind == "ref":
            return _Resolved(None, expr.ref, "publication", "past" if expr.ref == "PAST_REF" else "same")
        absolute = self.absolute(expr)
        if absolute is not None:
            return _Resolved(absolute, absolute.label, "none", "absolute", self.range_end(expr, absolute))
        if expr.kind == "text_offset":
            return self.from_text(expr)
        if self.published is None:
            return _Resolved(None, None, "publication", self.lean_direction(expr), reason=NO_PUBLICATION)
        period = self.relative(expr, self.published)
        if period is None:
            return _Resolved(None, None, "publication", "same", reason="no such day in any nearby year")
        direction: Direction = cal.direction_of(period, self.published)
        if direction == "same" and expr.side:
            direction = "past" if expr.side < 0 else "future"  # "earlier this week": before now
        return _Resolved(period, period.label, "publication", direction, self.range_end(expr, period))

    # --- dates that need no anchor -------------------------------------------------------------
    def absolute(self, expr: Expr) -> Period | None:
        if expr.kind == "decade" and expr.index is not None:
            return cal.decade(expr.index)
        if expr.kind == "century" and expr.index is not None:
            return cal.century(expr.index)
        if expr.year is None:
            return None
        if expr.kind == "quarter" and expr.index is not None:
            return cal.quarter(expr.year, expr.index)
        if expr.kind == "season" and expr.index is not None:
            return cal.season(expr.year, expr.index)
        if expr.kind != "calendar":
            return None
        if expr.month is None:
            return cal.year(expr.year)
        if expr.day is None:
            return cal.month(expr.year, expr.month)
        try:
            return cal.day(dt.date(expr.year, expr.month, expr.day))
        except ValueError:
            return None

    def range_end(self, expr: Expr, start: Period) -> str | None:
        if expr.end_month is None or expr.end_day is None:
            return None
        y = start.first.year + (1 if expr.end_month < start.first.month else 0)
        try:
            return dt.date(y, expr.end_month, expr.end_day).isoformat()
        except ValueError:
            return None

    # --- dates relative to the publication date -----------------------------------------------
    def relative(self, expr: Expr, pub: dt.date) -> Period | None:
        lean, strict = self.lean(expr)
        if expr.kind == "weekday" and expr.weekday is not None:
            weeks = self.week_named_after(expr)
            if weeks is not None:  # "Wednesday of last week": that week's Wednesday
                monday = pub - dt.timedelta(days=pub.weekday())
                return cal.day(monday + dt.timedelta(weeks=weeks, days=expr.weekday))
            return cal.day(_weekday_date(expr.weekday, pub, lean, strict, expr.cue))
        if expr.kind == "relative" and expr.unit is not None:
            return _shifted(expr.unit, expr.shift, pub)
        if expr.kind == "ago" and expr.unit is not None:
            return _shifted(expr.unit, expr.shift, pub)
        if expr.kind == "calendar" and expr.month is not None:
            return self.yearless(expr, pub, lean, strict)
        if expr.kind == "quarter" and expr.index is not None:
            if expr.year_shift is not None:
                return cal.quarter(pub.year + expr.year_shift, expr.index)
            here = (pub.year, (pub.month - 1) // 3)
            return cal.quarter(cal.pick_cyclic(expr.index - 1, 4, here, lean, strict), expr.index)
        if expr.kind == "season" and expr.index is not None:
            if expr.cue == "this":
                lean, strict = "nearest", False
            return cal.season(cal.pick_cyclic(expr.index, 4, cal.season_of(pub), lean, strict), expr.index)
        if expr.kind == "ordinal_day" and expr.day is not None:
            return _day_of_month(expr.day, pub, lean)
        if expr.kind == "period_end":
            return _period_end(expr.unit or "year", pub, lean)
        return None

    def yearless(self, expr: Expr, pub: dt.date, lean: Lean, strict: bool) -> Period | None:
        assert expr.month is not None
        month_no, day_no = expr.month, expr.day
        if expr.year_shift is not None:
            y = pub.year + expr.year_shift
            return cal.month(y, month_no) if day_no is None else _safe_day(y, month_no, day_no)
        that_year = self.year_named_before(expr)
        if that_year is not None:
            # "on Sept. 13 that year": the year the text spoke of last, not the story's
            return (
                cal.month(that_year, month_no) if day_no is None else _safe_day(that_year, month_no, day_no)
            )
        if day_no is None:
            if expr.cue == "this":
                lean = "same_year"
            here = (pub.year, pub.month - 1)
            return cal.month(cal.pick_cyclic(month_no - 1, 12, here, lean, strict), month_no)
        if expr.weekday is not None:
            # "Thursday, December 5": the nearby year in which that day is a Thursday.
            fitting = [
                y
                for y in range(pub.year - 1, pub.year + 2)
                if (d := _safe_date(y, month_no, day_no)) is not None and d.weekday() == expr.weekday
            ]
            if fitting:
                return _safe_day(min(fitting, key=lambda y: abs(y - pub.year)), month_no, day_no)
        picked = cal.pick_date_year(month_no, day_no, pub, lean, strict)
        return None if picked is None else _safe_day(picked, month_no, day_no)

    def year_named_before(self, expr: Expr) -> int | None:
        """The year of the date named last when the expression is followed by "that year" or "the
        same year" ("on Sept. 13 that year"). ("the following year" is a date of its own.)"""
        after = [self.matcher.word(expr.end + k) for k in range(3)]
        if self.last_period is not None and (
            after[:2] == ["that", "year"] or after == ["the", "same", "year"]
        ):
            return self.last_period.first.year
        return None

    def lean(self, expr: Expr) -> tuple[Lean, bool]:
        """Which occurrence the expression means, and whether "now" itself is excluded."""
        if expr.cue == "last":
            return "past", True
        if expr.cue == "next":
            return "future", True
        before, before2 = self.matcher.word(expr.start - 1), self.matcher.word(expr.start - 2)
        cued = self.lex.cue_words.get(before) or self.lex.cue_pairs.get((before2, before))
        if cued is not None:
            return cued, False
        plan = self.plan_for(expr.start - 1) if before == "for" else None
        if plan is not None:
            # "has been called for Tuesday", "has scheduled a meeting for Tuesday" lie ahead; "had
            # been set for October 8" (a plan told from further back) may have passed: the nearer
            # of the two; "a previous meeting, scheduled for March 1" is behind.
            if self.plan_of_a_past_meeting(expr.start - 1):
                return "past", False
            # ("had been set for October 8", "were set for Nov. 17", "scheduled a meeting for Wednesday")
            told_before = past_form(self.parsed, plan) or self.plan_in_a_past_clause(plan)
            return ("nearest" if told_before else "future"), False
        if before in {"to", "until"} and self.moved_to(expr.start - 1):
            return "future", False  # "has pushed back its meeting to December 5": the new date
        if expr.kind in {"weekday", "calendar"} and self.summoned_to(expr.head):
            return "future", False  # "has summoned both sides to talks on Monday": the talks
        noun_lean = self.noun_modifier_lean(expr.head)
        if noun_lean is not None:
            return noun_lean, False
        if expr.kind != "weekday" and self._proposing_verb_with_object(expr.head):
            # "proposing a meeting in Montevideo in December": the month of what is proposed
            return "future", False
        if expr.kind in {"calendar", "weekday"} and in_plan_told_in_past(self.parsed, expr.head):
            # "agreed to meet at the end of October", "had been due to meet on Sunday": what a past
            # plan planned may lie on either side of publication; the nearer such month or day, but
            # a weekday in a sentence that set its story in the past is that week's ("opened on
            # May 2 and was due to close on Friday")
            return ("past" if self.past_scene and expr.kind == "weekday" else "nearest"), False
        tense = clause_tense(self.parsed, expr.head)
        if tense == "present" and expr.kind == "weekday" and self.reported(expr.head):
            tense = "past"  # "the ministry says on Monday": a report, told in the present
        return _lean_from_tense(tense, expr), False

    def week_named_after(self, expr: Expr) -> int | None:
        """How many weeks from publication's the week named right after a weekday lies: "Wednesday
        of last week" -1, "Friday next week" +1, "Monday of this week" 0; None without one."""
        at = expr.end + (self.matcher.word(expr.end) == "of")
        shift = self.lex.shift_cues.get(self.matcher.word(at))
        if shift is None or self.lex.units.get(self.matcher.word(at + 1)) != "week":
            return None
        return shift[1]

    def reported(self, head: int) -> bool:
        verb = governing_verb(self.parsed, head)
        return verb is not None and verb.lemma.lower() in self.lex.reporting_verbs

    def summoned_to(self, head: int) -> bool:
        """ "has called the chairmen to a meeting on Saturday", "has been ordered to appear on
        Monday": a summons in the present perfect stands, so what it calls to lies ahead."""
        verb = governing_verb(self.parsed, head)
        if verb is not None and verb.dep == "xcomp":
            verb = self.parsed.tokens[verb.head]  # "has asked the minister to appear on Monday"
        if verb is None or verb.lemma.lower() not in self.lex.summoning_verbs or verb.tag != "VBN":
            return False
        auxes = [c.lower for c in self.parsed.children(verb.i) if c.dep in {"aux", "auxpass"}]
        return bool({"has", "have", "'ve"} & set(auxes))

    def plan_for(self, for_index: int) -> Token | None:
        """The plan a "for" gives the date of: "set for Friday" (the participle), "has scheduled a
        meeting for Friday" (the verb whose object it modifies, or that the "for" hangs on itself:
        "set its next session for Nov. 24")."""
        head = self.parsed.tokens[self.parsed.tokens[for_index].head]
        if head.lemma.lower() in self.lex.plan_participles and (
            head.tag in {"VBN", "JJ"}
            or (head.pos == "VERB" and any(c.dep == "dobj" for c in self.parsed.children(head.i)))
        ):
            return head
        verb = self.parsed.tokens[head.head]
        if head.dep == "dobj" and verb.lemma.lower() in self.lex.plan_participles and verb.pos == "VERB":
            return verb
        return None

    def plan_of_a_past_meeting(self, for_index: int) -> bool:
        tokens = self.parsed.tokens
        node = tokens[tokens[for_index].head]
        for _ in range(4):
            if any(
                c.dep == "amod" and self.lex.noun_modifiers.get(c.lower) == "past"
                for c in self.parsed.children(node.i)
            ):
                return True
            if node.head == node.i:
                return False
            node = tokens[node.head]
        return False

    def plan_in_a_past_clause(self, plan: Token) -> bool:
        """ "a first session, set for Nov. 17, was called off": a plan named by a participle alone,
        in a clause told in the past, may have fallen on either side of publication."""
        if plan.dep != "acl" or any(c.dep in {"aux", "auxpass"} for c in self.parsed.children(plan.i)):
            return False
        return clause_tense(self.parsed, plan.head) == "past"

    def moved_to(self, to_index: int) -> bool:
        head = self.parsed.tokens[self.parsed.tokens[to_index].head]
        return head.lemma.lower() in self.lex.rescheduling_verbs

    def noun_modifier_lean(self, head: int) -> Lean | None:
        """The lean a date gets from the noun its preposition hangs on ("the previous visit in May"), or
        that it is the possessive of ("Friday's planned vote")."""
        tokens = self.parsed.tokens
        prep = tokens[tokens[head].head]
        if tokens[head].dep == "poss" and prep.pos in {"NOUN", "PROPN"}:
            noun = prep  # "Friday's planned vote": the noun the date is the possessive of
        elif prep.dep != "prep" or prep.i == head:
            return None
        else:
            noun = tokens[prep.head]
        if noun.pos not in {"NOUN", "PROPN"}:
            return None
        for child in self.parsed.children(noun.i):
            if child.dep == "amod" and child.lower in self.lex.noun_modifiers:
                return self.lex.noun_modifiers[child.lower]
        return "future" if self._proposed(noun) else None

    def _proposing_verb_with_object(self, head: int) -> bool:
        tokens = self.parsed.tokens
        prep = tokens[tokens[head].head]
        verb = tokens[prep.head]
        return (
            prep.dep == "prep"
            and verb.lemma.lower() in self.lex.proposing_verbs
            and any(c.dep == "dobj" for c in self.parsed.children(verb.i))
        )

    def _proposed(self, noun: Token) -> bool:
        """Whether a noun is what a proposal proposes ("proposed a meeting in Montevideo in
        December", "called for talks in May"): what is proposed lies ahead of the proposing."""
        tokens = self.parsed.tokens
        for _ in range(4):
            head = tokens[noun.head]
            if noun.dep == "dobj" and head.lemma.lower() in self.lex.proposing_verbs:
                return True
            if noun.dep == "pobj" and head.lower == "for" and tokens[head.head].lemma.lower() == "call":
                return True
            if noun.dep not in {"pobj", "prep"} or head.i == noun.i:
                return False
            noun = head
        return False

    def lean_direction(self, expr: Expr) -> Direction:
        if expr.kind in {"relative", "ago"}:
            return "past" if expr.shift < 0 else "future" if expr.shift > 0 else "same"
        lean, _ = self.lean(expr)
        return "past" if lean == "past" else "future" if lean == "future" else "same"

    # --- dates relative to an earlier date in the text ---------------------------------------
    def from_text(self, expr: Expr) -> _Resolved:
        anchor = self.last_period
        if anchor is None or expr.unit is None or not _fine_enough(anchor, expr.unit):
            return _Resolved(None, None, "text", "same", reason=NO_TEXT_ANCHOR)
        period = _shifted(expr.unit, expr.shift, anchor.first)
        pub = self.published
        direction: Direction = "absolute" if pub is None else cal.direction_of(period, pub)
        return _Resolved(period, period.label, "text", direction)


def _fine_enough(anchor: Period, unit: str) -> bool:
    """Whether `anchor` is precise enough to count `unit`s from ("the next day" needs a day)."""
    span_days = (anchor.last - anchor.first).days
    if unit in {"day", "week"}:
        return span_days == 0
    if unit == "month":
        return span_days < 31
    return span_days < 366


def _lean_from_tense(tense: Tense, expr: Expr) -> Lean:
    """News conventions: schedules are told in the present ("the summit opens on Saturday", "elections
    are in November"), so a weekday or a bare month in a present clause is the coming one; an untensed
    weekday is the latest one (news reports what happened), an untensed bare month the publication
    year's, and a month and day with no tense the nearest such day."""
    if tense == "future":
        return "future"
    if tense == "past":
        return "past"
    if expr.kind == "weekday":
        return "future" if tense == "present" else "past"
    if expr.kind == "calendar" and expr.day is None:
        return "future" if tense == "present" else "same_year"
    return "nearest"


def _weekday_date(weekday: int, pub: dt.date, lean: Lean, strict: bool, cue: str) -> dt.date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if back == 0 and not strict:
        return pub  # "on Tuesday" in Tuesday's paper is that day
    back, ahead = back or 7, ahead or 7
    # "last Wednesday" in Thursday's paper is the week before: the day before would be "yesterday"
    # (and "next Friday" in Thursday's, the week after "tomorrow").
    if cue == "last" and back == 1:
        back = 8
    if cue == "next" and ahead == 1:
        ahead = 8
    if lean == "future":
        return pub + dt.timedelta(days=ahead)
    if lean == "past":
        return pub - dt.timedelta(days=back)
    return pub + dt.timedelta(days=ahead) if ahead < back else pub - dt.timedelta(days=back)


def _shifted(unit: str, shift: int, origin: dt.date) -> Period:
    if unit == "day":
        return cal.day(origin + dt.timedelta(days=shift))
    if unit == "week":
        return cal.week(origin + dt.timedelta(weeks=shift))
    if unit == "weekend":
        return cal.weekend(origin + dt.timedelta(weeks=shift))
    if unit == "month":
        return cal.month(*cal.shift_month(origin.year, origin.month, shift))
    if unit == "quarter":
        y, m = cal.shift_month(origin.year, origin.month, 3 * shift)
        return cal.quarter(y, (m - 1) // 3 + 1)
    return cal.year(origin.year + shift)


def _day_of_month(day_no: int, pub: dt.date, lean: Lean) -> Period | None:
    """ "The 14th": that day of this month, or of the month before or after as the tense says."""
    options = []
    for by in (-1, 0, 1):
        y, m = cal.shift_month(pub.year, pub.month, by)
        d = _safe_date(y, m, day_no)
        if d is not None:
            options.append(d)
    if lean == "past":
        options = [d for d in options if d <= pub] or options
        return cal.day(max(options)) if options else None
    if lean == "future":
        options = [d for d in options if d >= pub] or options
        return cal.day(min(options)) if options else None
    return cal.day(min(options, key=lambda d: abs((d - pub).days))) if options else None


def _period_end(unit: str, pub: dt.date, lean: Lean) -> Period:
    """ "The end of the year": this one, or the last one when a past clause says it is over."""
    if unit == "month":
        over = lean == "past" and pub.day < 20
        return cal.month(*cal.shift_month(pub.year, pub.month, -1 if over else 0))
    return cal.year(pub.year - 1 if lean == "past" and pub.month < 12 else pub.year)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _safe_day(y: int, m: int, d: int) -> Period | None:
    found = _safe_date(y, m, d)
    return cal.day(found) if found is not None else None
