"""Clause-level grammar shared by the stages: which verb governs a word, that clause's tense, and
what a relative clause is about."""

from __future__ import annotations

from collections.abc import Set
from typing import Literal

from app.extraction.lexicon.wordsets import senses
from app.extraction.parsed import ParsedText, Token

Tense = Literal["past", "present", "future", "unknown"]

# "wo" is how spaCy splits "won't"; "would" is the future seen from a past report ("said it would").
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "\u2019ll"}
# Verbs and adjectives that put what they govern in the future: "plans to meet", "is due to".
FUTURE_GOVERNORS = senses("look-ahead")
# What an infinitive under them plans: the look-ahead words and commitments ("promised to meet").
INFINITIVE_GOVERNORS = FUTURE_GOVERNORS | senses("commit-to")
# Participles that by themselves name a plan's date ("talks set for Friday"); not a summons or an
# invitation, which reports when it was made ("executives called to the White House on May 4").
PLANNED = senses("schedule-date")
# What introduces the event something is reckoned from: "the first summit since taking office".
SINCE = {"since"}
# Conjunctions of a clause that happens at the time of the clause it hangs on: "marched out on
# Saturday as leaders opened their summit".
MEANWHILE = {"as", "when", "while", "whilst"}
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "parataxis", "csubj"}


def governing_verb(parsed: ParsedText, i: int) -> Token | None:
    """The nearest verb at or above token i that heads a clause."""
    tok = parsed.tokens[i]
    for cand in (tok, *parsed.ancestors(i)):
        if cand.pos in {"VERB", "AUX"} and (cand.dep in CLAUSE_DEPS or cand.head == cand.i):
            return cand
    return None


def relative_noun(parsed: ParsedText, clause: Token) -> Token:
    """The noun a relative clause (`clause`, its verb) is about: the one it hangs on, or the name
    that noun stands in apposition to ("Unite, the largest union, which was not invited": Unite)."""
    noun = parsed.tokens[clause.head]
    while noun.dep == "appos" and noun.head != noun.i:
        noun = parsed.tokens[noun.head]
    return noun


def verb_tense(parsed: ParsedText, verb: Token) -> Tense:
    """The tense of the clause headed by `verb`, read from its tag and auxiliaries."""
    auxes = [c for c in parsed.children(verb.i) if c.dep in {"aux", "auxpass"}]
    aux_lower = {a.lower for a in auxes}
    if aux_lower & FUTURE_AUX:
        return "future"
    if any(a.lower in {"going", "gon"} for a in auxes) or _going_to(parsed, verb):
        return "future"
    if verb.lemma.lower() == "due" or _prospective_be(parsed, verb):
        return "future"
    planned = _plan_tense(parsed, verb)
    if planned is not None:
        return planned
    if any(a.tag == "VBD" for a in auxes) or verb.tag == "VBD":
        return "past"
    if verb.tag == "VBN" and any(a.lemma == "have" for a in auxes):
        return "past"  # present perfect reports the past
    if verb.tag in {"VBZ", "VBP"} or any(a.tag in {"VBZ", "VBP"} for a in auxes):
        # "talks are scheduled for Wednesday": a present-tense plan is about the future.
        return "future" if verb.tag == "VBN" and verb.lemma.lower() in FUTURE_GOVERNORS else "present"
    if verb.tag == "VBN" and not auxes and verb.dep in {"acl", "relcl", "advcl"}:
        # A reduced relative: "a meeting held on Monday" reports the past, "talks set for Friday"
        # the future.
        return "future" if verb.lemma.lower() in PLANNED else "past"
    if verb.tag in {"VB", "VBG", "VBN"} and verb.dep in {"xcomp", "conj", "advcl", "pcomp"}:
        host = governing_verb(parsed, verb.head)
        if host is not None and host.i != verb.i:
            return verb_tense(parsed, host)
    return "unknown"


def clause_tense(parsed: ParsedText, i: int) -> Tense:
    """The tense of the clause that holds token i."""
    verb = governing_verb(parsed, i)
    return verb_tense(parsed, verb) if verb is not None else "unknown"


def past_form(parsed: ParsedText, verb: Token) -> bool:
    """ "met", "had met", "was set": the verb or an auxiliary of it in the past tense."""
    return verb.tag == "VBD" or any(
        c.tag == "VBD" for c in parsed.children(verb.i) if c.dep in {"aux", "auxpass"}
    )


def _prospective_be(parsed: ParsedText, verb: Token) -> bool:
    """Present "be" that looks ahead: "are to chair", "is due to host", "is set for"."""
    if verb.lemma.lower() != "be" or verb.tag not in {"VBZ", "VBP"}:
        return False
    for child in parsed.children(verb.i):
        if child.dep == "acomp" and child.lemma.lower() in FUTURE_GOVERNORS:
            return True
        if (
            child.dep == "xcomp"
            and child.tag == "VB"
            and any(c.lower == "to" for c in parsed.children(child.i))
        ):
            return True
    return False


def _going_to(parsed: ParsedText, verb: Token) -> bool:
    # "is going to meet": meet <-xcomp- going
    head = parsed.tokens[verb.head]
    return verb.dep == "xcomp" and head.lower == "going"


def _governed_by_future(parsed: ParsedText, verb: Token) -> bool:
    """An infinitive under a planning word ("plans to meet", "is scheduled to hold")."""
    if verb.tag != "VB" or verb.dep not in {"xcomp", "ccomp", "advcl", "acl"}:
        return False
    if not any(c.lower == "to" and c.dep == "aux" for c in parsed.children(verb.i)):
        return False
    head = parsed.tokens[verb.head]
    return head.lemma.lower() in INFINITIVE_GOVERNORS


def _plan_tense(parsed: ParsedText, verb: Token) -> Tense | None:
    """For an infinitive under a planning word, the time of the telling: "plans to meet" looks
    ahead; "was scheduled to close", "had been due to close", "agreed to meet" tell a plan of the
    past (the tense of "due" is its copula's). None for any other verb."""
    if not _governed_by_future(parsed, verb):
        return None
    head = parsed.tokens[verb.head]
    copula = parsed.tokens[head.head] if head.dep == "acomp" else head
    return "past" if past_form(parsed, head) or past_form(parsed, copula) else "future"


def in_plan_told_in_past(parsed: ParsedText, i: int) -> bool:
    """Token i stands in what a past plan planned: "agreed to meet in October", "had been due to
    meet in June" (the plan is past, what it planned may still lie ahead)."""
    verb = governing_verb(parsed, i)
    return verb is not None and _plan_tense(parsed, verb) == "past"


def own_clause(parsed: ParsedText, verb: Token) -> bool:
    """Whether `verb` heads a finite clause of its own under another ("so they could join",
    "which Brunei hosts"), as opposed to an infinitive that shares its host's time and mood
    ("travel this month to meet all sides")."""
    if verb.pos not in {"VERB", "AUX"} or verb.dep not in {"advcl", "ccomp", "relcl", "conj", "parataxis"}:
        return False
    return any(c.dep in {"mark", "nsubj", "nsubjpass"} for c in parsed.children(verb.i))


def denied(parsed: ParsedText, verb: Token, refusing: Set[str]) -> bool:
    """Whether the text says `verb` did not happen: it is negated ("was not invited", "did not
    meet"), or it completes a negated verb or one of `refusing` ("did not want to invite",
    "refused to invite", "failed to meet")."""
    if any(c.dep == "neg" for c in parsed.children(verb.i)):
        return True
    host = parsed.tokens[verb.head]
    return verb.dep == "xcomp" and (
        host.lemma.lower() in refusing or any(c.dep == "neg" for c in parsed.children(host.i))
    )


def at_the_same_time(parsed: ParsedText, verb: Token) -> bool:
    """Whether `verb` heads a clause that happens when the clause it hangs on does: "a diplomat
    was marched out on Saturday as leaders opened their summit" (so it has that clause's date)."""
    return verb.dep == "advcl" and any(
        c.dep == "mark" and c.lower in MEANWHILE for c in parsed.children(verb.i)
    )


def reckoned_from(parsed: ParsedText, verb: Token) -> bool:
    """Whether `verb` heads a clause that tells another event, one something is reckoned from:
    "the first summit since taking office on May 3", "the first talks since the war began in 2022"
    (their dates and places are that event's)."""
    if verb.pos not in {"VERB", "AUX"}:
        return False
    if verb.dep == "pcomp":
        return parsed.tokens[verb.head].lower in SINCE
    return verb.dep == "advcl" and any(c.dep == "mark" and c.lower in SINCE for c in parsed.children(verb.i))


def passive(parsed: ParsedText, verb: Token) -> bool:
    """A verb in the passive voice: "was represented by", "were invited"."""
    return any(c.dep in {"auxpass", "nsubjpass"} for c in parsed.children(verb.i))


def controlled_subjects(parsed: ParsedText, verb: Token) -> list[Token]:
    """Who does what `verb` says: its own subjects, else, for an infinitive or adjective that
    completes another word, the subjects of that word ("ministers are due to gather", "plan to
    gather", "are expected to sit"), or its object where it has one ("urged the sides to gather")."""
    for _ in range(4):  # "are expected to be able to gather": four words up, as deep as news goes
        own = [c for c in parsed.children(verb.i) if c.dep in {"nsubj", "nsubjpass"}]
        if own and verb.dep == "relcl":
            # a relative pronoun stands for the noun the clause hangs on: "the court, which heard ..."
            own = [relative_noun(parsed, verb) if c.tag in {"WDT", "WP"} else c for c in own]
        if own or verb.dep not in {"xcomp", "acomp"} or verb.head == verb.i:
            return own
        verb = parsed.tokens[verb.head]
        objects = [c for c in parsed.children(verb.i) if c.dep == "dobj"]
        if objects:
            return objects
    return []


def relatives_in_of_phrase(parsed: ParsedText, noun: Token) -> list[Token]:
    """Relative clauses inside a noun's "of" phrase, where the parser hangs a clause that is about
    the noun itself on the phrase's last member: "a summit of X and Y, which Z hosted"."""
    return [
        rel
        for of in parsed.children(noun.i)
        if of.dep == "prep" and of.lower == "of"
        for member in parsed.subtree(of.i)
        for rel in parsed.children(member.i)
        if rel.dep == "relcl"
    ]


def mention_root(parsed: ParsedText, start_token: int, end_token: int) -> Token:
    """The token of the span whose head lies outside it."""
    for i in range(start_token, end_token):
        tok = parsed.tokens[i]
        if not start_token <= tok.head < end_token or tok.head == tok.i:
            return tok
    return parsed.tokens[end_token - 1]
