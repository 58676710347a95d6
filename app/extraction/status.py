"""Status of a meeting mention: occurred, scheduled, proposed or cancelled.

Lexical cues on the trigger and the verbs above it decide first ("cancelled visit", "proposed that
their next meeting", "called the trip off"); otherwise the tense of the clause, and where the event's
date is known, whether it lies before or after publication.
"""

from __future__ import annotations

from typing import Literal

from app.extraction.grammar import clause_tense, governing_verb, own_clause
from app.extraction.lexicon.wordsets import senses
from app.extraction.parsed import ParsedText, Token
from app.extraction.triggers import Trigger

Status = Literal["occurred", "scheduled", "proposed", "cancelled"]

CANCEL_WORDS = senses("cancel")
PROPOSAL_WORDS = senses("propose")
# Verbs whose mood is the invitation's, not the meeting's: "would not be invited to the summit".
INVITATION_VERBS = senses("invitation")
# Verbs whose subject is the meeting happening: "propose that the meeting take place in Moscow".
HAPPENING_VERBS = senses("happen")
# Proposal verbs that propose a meeting only with "for": "called for talks".
NEEDS_FOR = senses("propose-with-for")
# Verbs that undo a cancellation: "cancelled the summit in May, then revived it".
REVIVING = senses("revive")
# Verbs of saying end the climb: "said on Saturday that the summit ..." says nothing of status.
REPORTING = senses("report")
SCHEDULE_WORDS = senses("schedule-date")
# How long a meeting goes on, not whether it has begun: "is expected to run until Friday".
LASTING = senses("last")
# Verbs whose tense is the meeting's when the meeting is their object: it is held, attended, led,
# planned, moved or called off (the attendance and scheduling verbs the parties stage reads, and more).
REALIZING_VERBS = senses("take-part", "schedule", "realize")
# Prepositions that put what the clause tells inside the meeting's time: its tense is the meeting's.
DURING = {"during", "amid", "throughout"}


def mention_status(parsed: ParsedText, trigger: Trigger) -> Status | None:
    """What the words around one mention say of its status; None when they say nothing clear."""
    toks = parsed.tokens
    head = toks[trigger.head]
    near = [c.lemma.lower() for c in parsed.children(head.i)] + [
        t.lemma.lower() for t in parsed.tokens[trigger.start_token : trigger.end_token]
    ]
    if any(w in CANCEL_WORDS for w in near):
        return "cancelled"
    chain = [head, *parsed.ancestors(head.i)][:4]
    for below, anc in zip([None, *chain], chain, strict=False):
        lemma = anc.lemma.lower()
        if lemma in REPORTING and anc.i != head.i:
            break
        if below is not None and below.dep != "ccomp" and own_clause(parsed, below):
            break  # another clause's verb: "called off strikes so they could join" cancels no meeting
        if below is not None and _inside(below, anc):
            break  # what was done at it ("asked him during a meeting") neither invites to it nor plans it
        kids = parsed.children(anc.i)
        if lemma in CANCEL_WORDS or (lemma == "call" and any(k.lower == "off" for k in kids)):
            if any(k.dep in {"conj", "dep", "parataxis"} and k.lemma.lower() in REVIVING for k in kids):
                return None  # "cancelled the summit, then revived it": whatever else is said holds
            return "cancelled"  # "called off the meeting", "the summit was cancelled"
        if below is not None and below.dep == "nsubj" and lemma not in HAPPENING_VERBS:
            break  # what the meeting itself did ("the meeting sought to ...") is no plan for it
        negated = any(k.dep == "neg" for k in kids)
        if anc.pos == "ADJ" and anc.dep == "acomp":
            # "is not willing to meet": the copula carries the negation
            negated |= any(k.dep == "neg" for k in parsed.children(anc.head))
        if (
            trigger.kind == "noun"
            and lemma in INVITATION_VERBS
            and anc.i != head.i
            and (negated or lemma != "invite")
        ):
            # "would not be invited to the summit": the invitation's mood, not the summit's
            # ("inviting it to formal talks" still proposes them)
            return None
        if lemma in PROPOSAL_WORDS and anc.pos == "NOUN" and anc.i != head.i and _denied(parsed, anc):
            # "did not receive an invitation to the summit": the invitation's mood, not the summit's
            return None
        if lemma in PROPOSAL_WORDS and below is not None and _told_as_past(parsed, below):
            break  # "suggested he changed his mind after meeting X": a past told, no proposal
        if lemma in PROPOSAL_WORDS and anc.i != head.i and anc.dep != "aux" and not negated:
            if lemma in NEEDS_FOR and not any(k.lower == "for" for k in kids):
                continue  # "called for talks" proposes them; "called the talks useful" does not
            return "proposed"
        modals = {k.lower for k in kids if k.dep == "aux"}
        reported = anc.dep == "ccomp" and parsed.tokens[anc.head].lemma.lower() in REPORTING
        purpose = any(k.dep == "mark" for k in kids)  # "so they could join": no proposal
        # "could meet", "might hold talks"; but "said the committee would meet" is a reported plan.
        if (
            anc.pos in {"VERB", "AUX"}
            and not purpose
            and (modals & {"could", "might"} or ("would" in modals and not reported))
        ):
            return "proposed"
    if head.dep == "pobj":
        prep = toks[head.head].lower
        if prep in {"after", "following", "since"}:
            return "occurred"  # "following talks between X and Y": those came first
        if prep in {"before", "ahead"}:
            return None  # before a gathering says nothing of whether it is past
    governor = governing_verb(parsed, head.i)
    if governor is not None and _done_at(parsed, head, governor):
        return _by_tense(parsed, head)  # "asked him during a meeting this week": done while it met
    if governor is not None and _lasting(parsed, governor):
        return None  # "the hearing is expected to run until Friday": how long, not whether yet
    if governor is not None and governor.i != head.i and governor.lemma.lower() in INVITATION_VERBS:
        return None  # "was not invited to the Berlin meeting": the invitation's tense, not the meeting's
    if governor is not None and not _tells_of_the_meeting(parsed, head, governor):
        return None  # "clashing with the summit": the clash's tense, not the summit's
    return _by_tense(parsed, head)


def _by_tense(parsed: ParsedText, head: Token) -> Status | None:
    tense = clause_tense(parsed, head.i)
    if tense == "future":
        return "scheduled"
    if tense == "past":
        return "occurred"
    return None


def _done_at(parsed: ParsedText, head: Token, governor: Token) -> bool:
    """The governing clause tells what was done during the meeting ("asked him during a meeting",
    "pressed Iran throughout the talks", "agreed at the summit"): its tense is the meeting's, whatever
    its verb."""
    prep = parsed.tokens[head.head]
    return head.dep == "pobj" and prep.head == governor.i and _inside(prep, governor)


def _inside(prep: Token, verb: Token) -> bool:
    """A preposition that puts what `verb` tells inside the meeting's time: "during", or "at" where the
    verb lets no one in ("agreed at the summit", not "would not be admitted at the summit")."""
    return prep.dep == "prep" and (
        prep.lower in DURING or (prep.lower == "at" and verb.lemma.lower() not in INVITATION_VERBS)
    )


def _denied(parsed: ParsedText, noun: Token) -> bool:
    """A proposal noun that is withheld: "no invitation", "did not receive an invitation"."""
    if any(k.dep == "det" and k.lower == "no" for k in parsed.children(noun.i)):
        return True
    verb = parsed.tokens[noun.head]
    return noun.dep in {"dobj", "nsubjpass"} and any(k.dep == "neg" for k in parsed.children(verb.i))


def _lasting(parsed: ParsedText, verb: Token) -> bool:
    verbs = [verb, *(c for c in parsed.children(verb.i) if c.dep == "xcomp")]  # "expected to run"
    return any(
        v.lemma.lower() in LASTING
        and any(
            c.dep == "prep" and c.lower in {"until", "till", "through", "into"} for c in parsed.children(v.i)
        )
        for v in verbs
    )


def _tells_of_the_meeting(parsed: ParsedText, head: Token, governor: Token) -> bool:
    """Whether the governing clause reports the meeting itself (it was held, attended, planned;
    it ended, it will take place), so that its tense is the meeting's."""
    if governor.i == head.i:
        return True
    if head.dep in {"nsubj", "nsubjpass"}:
        return True
    return governor.lemma.lower() in REALIZING_VERBS


def _told_as_past(parsed: ParsedText, clause: Token) -> bool:
    """A clause a verb takes as what happened, not as what should: a verb in the past tense or the
    perfect ("suggested he changed his mind", "hinted that talks had taken place")."""
    if clause.dep != "ccomp" or clause.pos not in {"VERB", "AUX"}:
        return False
    perfect = any(k.dep == "aux" and k.lemma.lower() == "have" for k in parsed.children(clause.i))
    return clause.tag == "VBD" or (perfect and clause.tag == "VBN")
