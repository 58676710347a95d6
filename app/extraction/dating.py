"""Dating: when a gathering met that none of its mentions dates, by a learned weighing.

frames.py ties a date to a meeting mention only through the syntax of its own sentence. For a
gathering left without one, this stage weighs every resolved date named in a sentence that mentions
it, in the sentence before or the two after it, and takes the likeliest when the model "dating"
(learned/) gives it a probability over its threshold ("The two leaders spoke by phone. The call, on
Tuesday, ..." when the parse ties the day elsewhere). A date something is reckoned from ("the
first summit since taking office on May 3") is never a candidate: it is another event's, and the
gathering came after it.
"""

from __future__ import annotations

import math

from app.extraction import deadline
from app.extraction.gatherings import Gathering, event_date_value
from app.extraction.grammar import mention_root, reckoned_from
from app.extraction.learned import (
    Features,
    LogisticModel,
    around_mentions,
    likeliest,
    load,
    quote_offsets,
)
from app.extraction.parsed import ParsedText
from app.extraction.temporal import DateMention

MODEL = "dating"


def likely_dates(
    parsed: ParsedText,
    gatherings: list[Gathering],
    dates: list[DateMention],
    model: LogisticModel | None = None,
) -> list[Gathering]:
    """`gatherings`, each undated one given the date the model finds likeliest, if likely enough."""
    for n, choice in likeliest(model or load(MODEL), candidates(parsed, gatherings, dates)).items():
        gatherings[n].guessed_date = choice
    return gatherings


def candidates(
    parsed: ParsedText, gatherings: list[Gathering], dates: list[DateMention]
) -> list[tuple[int, DateMention, Features]]:
    """(gathering, date, features) for every resolved date near a gathering that has none."""
    usable = [d for d in dates if event_date_value(d.value) is not None and not _reckoned_from(parsed, d)]
    if not usable:
        return []
    by_sent: dict[int, list[DateMention]] = {}
    for d in usable:
        by_sent.setdefault(parsed.tokens[d.token_start].sent, []).append(d)
    with_trigger = {f.sent for g in gatherings for f in g.frames}
    taken = {id(g.date) for g in gatherings if g.date is not None}
    first = usable[0]
    quotes = quote_offsets(parsed.text)
    out: list[tuple[int, DateMention, Features]] = []
    for n, g in enumerate(gatherings):
        if g.date is not None:
            continue
        deadline.check("weighing dates")
        found = around_mentions(parsed, g.frames, by_sent, with_trigger, _tokens_of, quotes)
        status = g.status or "unknown"
        tense = g.first.tense
        for d, features in found:
            value = event_date_value(d.value) or ""
            sentence = parsed.tokens[d.token_start].sent
            features.update(
                {
                    f"precision:{len(value)}": 1.0,
                    f"direction:{d.direction}": 1.0,
                    f"status:{status}": 1.0,
                    f"tense:{tense}": 1.0,
                    "agrees": float(
                        (d.direction == "past" and status == "occurred")
                        or (d.direction == "future" and status in {"scheduled", "proposed"})
                    ),
                    "date_of_other": float(id(d) in taken),
                    "range": float(d.end_value is not None),
                    "first_date": float(d is first),
                    "dates_in_sentence_log": math.log1p(len(by_sent[sentence])),
                }
            )
            out.append((n, d, features))
    return out


def _reckoned_from(parsed: ParsedText, d: DateMention) -> bool:
    """A date in a clause that tells what something is reckoned from ("since taking office on May 3")."""
    root = mention_root(parsed, d.token_start, d.token_end)
    return any(reckoned_from(parsed, t) for t in parsed.ancestors(root.i))


def _tokens_of(d: DateMention) -> tuple[int, int]:
    return d.token_start, d.token_end
