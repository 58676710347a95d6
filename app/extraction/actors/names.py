"""Name repair: the person and organization names the small NER model cuts short, pads with a title or
runs together, mended from the tokens around them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from app.extraction.actors.gazetteer import ARTICLE_AND_POSSESSIVE, is_known_name
from app.extraction.actors.mentions import Actor, ActorMention, Span
from app.extraction.actors.words import (
    BODY_NAME_WORDS,
    BODY_NOUNS,
    GENERIC_ORG_WORDS,
    INSTITUTION_HEADS,
    LEGAL_FORMS,
    NAME_PARTICLES,
    NAME_TITLES,
    ORG_DESCRIPTORS,
    PARTY_FAMILIES,
    PERSON_TITLE_WORDS,
    POST_NOMINALS,
    STYLED_TITLES,
    TITLES,
)
from app.extraction.parsed import ParsedText, Token


def clean(text: str) -> str:
    """A name as we give it: one space between words, no "the" before it, no possessive after it,
    no company's legal form ("Twitter Inc" is Twitter)."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(the|The)\s+", "", text)
    text = re.sub(r"['’]s?$", "", text).strip()  # noqa: RUF001
    name, _, last = text.rpartition(" ")
    if name and last[:1].isupper() and last.lower() in LEGAL_FORMS:
        return name.rstrip(" ,")
    return text


def spelled_as_in(text: str, name: str) -> str:
    """`name` as `text` spells it, where the two differ only in accents or capitals: a table's
    "Brasília" in a text that writes "Brasilia", a dateline's "CADIZ" in one that writes "Cádiz"
    (of several spellings, one with accents). A name the text writes only in capitals or lower case
    stays as it is."""
    if name in text and name.isascii():
        return name  # written so (the common case): no spelling to look for
    found = re.finditer(rf"\b{re.escape(_unaccented(name))}\b", _unaccented(text), re.IGNORECASE)
    spellings = {text[m.start() : m.end()] for m in found}
    written = sorted(s for s in spellings if s[:1].isupper() and not s.isupper())
    if not written or name in written:
        return name
    return max(written, key=lambda s: s != _unaccented(s))


def _unaccented(text: str) -> str:
    """`text` with each accented letter as its base letter, character for character."""
    return text.translate({ord(ch): _base_letter(ch) for ch in set(text) if not ch.isascii()})


def _base_letter(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


def surname_forms(surname: str) -> list[str]:
    """The ways a text names a person by surname: as written, and without a particle joined to it
    by a hyphen ("al-Bashir" is "Bashir" later in the text, "el-Sisi" "Sisi")."""
    particle, hyphen, rest = surname.partition("-")
    return [surname, rest] if hyphen and particle.lower() in NAME_PARTICLES and rest else [surname]


def bare(name: str) -> str:
    """A person's name without the particles its words are joined to: "Bashar al-Assad" is "Bashar
    Assad", as news writes him too."""
    return " ".join(surname_forms(word)[-1] for word in name.split())


def sole_full_names(names: Iterable[str]) -> dict[str, str]:
    """Surname -> the one full name among `names` that ends with it ("Obama" -> "Barack Obama",
    "Bashir" -> "Omar al-Bashir"); a surname two full names share ("Clinton") has none."""
    full: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        if " " in name:
            for form in surname_forms(name.split()[-1]):
                full.setdefault(form, []).append(name)
    return {surname: found[0] for surname, found in full.items() if len(found) == 1}


def names_no_organization(text: str) -> bool:
    """A tagged "organization" that is none: a single word such as "Group" or "State" (from "Group of
    Seven", "Secretary of State"), an organ of one ("the ECB's Governing Council", "the IAEA Board
    of Governors"), where the owner acts, or a person's office ("National Security Adviser")."""
    words = clean(text).lower().split()
    return (
        text.lower() in GENERIC_ORG_WORDS
        or set(words) <= BODY_NAME_WORDS
        or (len(words) > 1 and words[-1] in TITLES and not is_known_name(text))
    )


# Heads of bodies named for a region that BODY_HEADS leaves out, being words for gatherings or
# places too: "the Pacific Islands Forum", "the Caribbean Community".
PLACE_NAMED_BODIES = {"forum", "community"}
# Nouns that head the name of a body, never a person's: "the Constitutional Court", "Elliott Management".
BODY_HEADS = (BODY_NOUNS | INSTITUTION_HEADS | ORG_DESCRIPTORS | BODY_NAME_WORDS) - {
    "of",
    "general",
    "executive",
    "governing",
    "monetary",
    "policy",
    "supervisory",
}


def names_a_body(text: str) -> bool:
    """Whether a name of two words or more ends in a body's head noun, whatever the tagger called
    it: "Supreme Court", "Politburo Standing Committee", "Elliott Management"."""
    words = clean(text).split()
    return len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() in BODY_HEADS


def party_family_spans(parsed: ParsedText, spans: list[Span]) -> list[Span]:
    """`spans` with the name of a party family whole ("Christian" + "Democrats", which the tagger
    cuts in two) and found where the tagger left it out ("The Liberals walked out")."""
    toks = parsed.tokens
    out: list[Span] = []
    for start, end, label in spans:
        if label == "NORP" and names_a_party_family(parsed, start, end):
            # the capitalized words before it that modify it: "Christian", "Social", "Free"
            while start > 0 and toks[start - 1].text[:1].isupper() and toks[start - 1].head == end - 1:
                start -= 1
            out = [s for s in out if s[1] <= start]
        out.append((start, end, label))
    covered = {i for s, e, _ in out for i in range(s, e)}
    for t in toks:
        if (
            t.i not in covered
            and not t.ent_type
            and t.tag in {"NNPS", "NNS"}
            and names_a_party_family(parsed, t.i, t.i + 1)
        ):
            out.append((t.i, t.i + 1, "NORP"))
    return sorted(out)


def names_a_party_family(parsed: ParsedText, start: int, end: int) -> bool:
    """ "the Greens", "the Social Democrats", "Sweden Democrats": a capitalized plural that ends in
    the name of a political party family; not the singular of a modifier ("a Republican senator")."""
    last = parsed.tokens[end - 1]
    return last.text[:1].isupper() and last.lower in PARTY_FAMILIES


# Words no name holds: a span the tagger ran across one is two names ("the Kenyan ministry of
# health nor the Uganda Medical Association").
LIST_BREAKS = {"nor", "neither", "either"}


def spans_split_at_list_breaks(parsed: ParsedText, spans: list[Span]) -> list[Span]:
    """Each span cut where it runs across a word no name holds (LIST_BREAKS), with an article
    after the cut left out: two names the tagger ran together as one."""
    toks = parsed.tokens
    out: list[Span] = []
    for start, end, label in spans:
        piece = start
        for k in range(start, end + 1):
            if k < end and toks[k].lower not in LIST_BREAKS:
                continue
            if piece < k:
                out.append((piece, k, label))
            piece = k + 1
            while piece < end and toks[piece].lower == "the":
                piece += 1
    return out


def org_spans_joined(parsed: ParsedText, spans: list[Span]) -> list[Span]:
    """One name the tagger cut in two at a joining word: "the International Longshore and" +
    "Warehouse Union Canada"."""
    toks = parsed.tokens
    out: list[Span] = []
    for span in spans:
        if out:
            start, end, label = out[-1]
            if (
                label == "ORG"
                and span[2] == "ORG"
                and span[0] == end
                and toks[end - 1].lower in {"and", "&", "of", "for"}
            ):
                out[-1] = (start, span[1], "ORG")
                continue
        out.append(span)
    return out


def body_named_for_a_place(parsed: ParsedText, span: Span) -> Span:
    """A place or people the tagger tagged alone where the name goes on, untagged, to a body's head
    noun: the whole is that body's name ("the Pacific Islands Forum", "the Kenyan High Court",
    "the Galician Nationalist Bloc")."""
    start, end, label = span
    toks = parsed.tokens
    if label not in {"GPE", "LOC", "NORP"}:
        return span
    last = end
    while (
        last < len(toks)
        and last - end < 3
        and toks[last].pos == "PROPN"
        and toks[last].text[:1].isupper()
        and not toks[last].ent_type
    ):
        last += 1
    if last > end and toks[last - 1].lower in BODY_HEADS | PLACE_NAMED_BODIES:
        return start, last, "ORG"
    return span


def org_span_extended(parsed: ParsedText, span: Span) -> Span:
    """An institution's name the tagger cut before its "of"/"for" part: "the U.S. Court of
    Appeals for the District of Columbia Circuit", "the Ministry of Foreign Affairs"."""
    start, end, label = span
    toks = parsed.tokens
    if label != "ORG" or toks[end - 1].lemma.lower() not in BODY_NOUNS | INSTITUTION_HEADS:
        return span
    k = end
    while k < len(toks) and toks[k].lower in {"of", "for"}:
        j = k + 1
        if j < len(toks) and toks[j].lower == "the":
            j += 1
        last = j
        while last < len(toks) and (
            (toks[last].pos == "PROPN" and toks[last].text[:1].isupper() and toks[last].ent_type != "DATE")
            or (toks[last].lower in {"of", "and"} and last + 1 < len(toks) and toks[last + 1].pos == "PROPN")
        ):
            last += 1
        if last == j or toks[last - 1].pos != "PROPN":
            break
        end = k = last
    return start, end, label


def person_spans_mended(parsed: ParsedText, spans: list[Span]) -> list[Span]:
    """Mend person names the small NER model cuts short or pads with a title.

    "Ursula von" + "der" + "Leyen" and "Lee Hsien" + "Loong" are one name; "Prince Abdulaziz"
    is Abdulaziz.
    """
    toks = parsed.tokens
    spans = sorted(spans)
    out: list[Span] = []
    k = 0
    while k < len(spans):
        start, end, label = spans[k]
        k += 1
        if label == "ORG":
            # "Indian National Security Adviser Ajit Doval" tagged as an organization
            last_title = max(
                (j for j in range(start, end) if toks[j].lower in PERSON_TITLE_WORDS), default=None
            )
            if (
                last_title is not None
                and end - last_title > 2
                and all(t.pos == "PROPN" for t in toks[last_title + 1 : end])
            ):
                label = "PERSON"
        if label == "ORG" and end - start > 2 and _post_nominal(toks[end - 1]):
            label = "PERSON"  # "Simon Okafor SC", which the tagger may call an organization
        if label == "PERSON":
            # "Issa Hayatou of": a word that joins the name to more is no part of it
            # (but not the glued half of a hyphenated name: "Lee Jae-myung")
            while (
                end - start > 1
                and toks[end - 1].text.islower()
                and toks[end - 1].lower not in NAME_PARTICLES
                and toks[end - 2].end < toks[end - 1].start
            ):
                end -= 1
            while True:
                j = end
                while j < len(toks) and toks[j].lower in NAME_PARTICLES:
                    j += 1
                    if j < len(toks) and toks[j].text == "-" and parsed.glued(j):
                        j += 1  # "Abdel Fattah el-Sissi": the particle glued to the name
                if (
                    j < len(toks)
                    and toks[j].pos == "PROPN"
                    and toks[j].text[:1].isupper()
                    and (j > end or not toks[j].ent_type or toks[j].ent_type in {"PERSON", "GPE"})
                    and toks[j].ent_type not in {"DATE"}
                    and toks[j].tag != "POS"
                ):
                    nxt = next((sp for sp in spans[k:] if sp[0] == j), None)
                    end = nxt[1] if nxt else j + 1
                    if nxt:
                        k = spans.index(nxt) + 1
                    continue
                break
            # "Moon Jae-in", "Park Geun-hye": a hyphenated given name the tokenizer split, its
            # lower-case second half glued to the hyphen
            if (
                end + 1 < len(toks)
                and toks[end].text == "-"
                and toks[end].start == toks[end - 1].end
                and toks[end + 1].start == toks[end].end
                and toks[end + 1].text.isalpha()
                and toks[end + 1].text.islower()
                and len(toks[end + 1].text) <= 4
            ):
                end += 2
                if (
                    end + 1 < len(toks)
                    and toks[end].text == "-"
                    and parsed.glued(end)
                    and toks[end + 1].text.istitle()
                ):
                    # "Mar" + "-a-Lago": a name joined by a lower-case link is a place's or a
                    # body's, never a person's given name (the venues table may know it)
                    continue
            # "Indian National Security Adviser Ajit Doval" tagged whole: the name follows the
            # last title word.
            last_title = max(
                (
                    k
                    for k in range(start, end)
                    if toks[k].lower.rstrip(".") in TITLES | {"adviser", "advisor"}
                ),
                default=None,
            )
            if last_title is not None and end - last_title > 2:
                start = last_title + 1
            # "Jane Doyle QC": letters after the name are no part of it
            while end - start > 2 and _post_nominal(toks[end - 1]):
                end -= 1
            # Strip titles, but keep a royal or religious one before a single name ("Pope
            # Francis", "King Charles"): it is part of how such people are named.
            while end - start > 1 and toks[start].lower.rstrip(".") in NAME_TITLES:
                if end - start == 2 and toks[start].lower in STYLED_TITLES:
                    break
                start += 1
        if label == "ORG":
            # "Pakistan Tehreek" + "-e-Insaf": a name joined by a lower-case link between hyphens,
            # which the tokenizer split (not "UN-backed", "NATO-Russia")
            while (
                end + 3 < len(toks)
                and toks[end].text == toks[end + 2].text == "-"
                and parsed.glued(end)
                and parsed.glued(end + 2)
                and toks[end + 1].text.islower()
                and toks[end + 3].text[:1].isupper()
            ):
                end += 4
        out.append((start, end, label))
    return out


def _post_nominal(tok: Token) -> bool:
    return tok.text.replace(".", "").isupper() and tok.lower.replace(".", "") in POST_NOMINALS


# What separates the members of a list of names: "A B, C D and E F".
LIST_SEPARATORS = {",", "and"}
# Labels the small NER gives a person's name it does not know ("Igor Strelkov", "Lars Klingbeil"); an
# organization, a building or a product beside a person stays one ("Merkel and Deutsche Telekom",
# "Putin and Red Square", "Trump and Air Force One").
MISTAKEN_PERSON_LABELS = {"GPE", "NORP"}
ORGANIZATION_WORDS = BODY_NOUNS | INSTITUTION_HEADS | ORG_DESCRIPTORS | GENERIC_ORG_WORDS | BODY_NAME_WORDS


def people_listed_with_people(parsed: ParsedText, spans: list[Span]) -> list[Span]:
    """`spans`, where a list joins a full name to a person's: "rebel leaders Alexander Zakharchenko
    and Igor Plotnitsky", "Mitch Fifield and Michaelia Cash". A name of two to four capitalized
    words beside a person's in such a list is a person's too, whether the NER left it untagged or
    called it a people or a place; never a name the gazetteer knows or one with an
    organization's word ("Angela Merkel and Deutsche Bank" has none; "and the Bundesbank" is one)."""
    label_at = {(s, e): label for s, e, label in spans}
    taken = {i: (s, e) for s, e, _ in spans for i in range(s, e)}
    people = [(s, e) for s, e, label in spans if label == "PERSON" and e - s >= 2]
    found: dict[tuple[int, int], str] = {}
    while people:
        start, end = people.pop()
        for name in (_name_after(parsed, end), _name_before(parsed, start, end)):
            if name is None or name in found:
                continue
            covering = {taken[i] for i in range(*name) if i in taken}
            if covering and (covering != {name} or label_at[name] not in MISTAKEN_PERSON_LABELS):
                continue  # part of another name, or a person already
            words = parsed.span_text(*name)
            if is_known_name(words) or any(
                w.lower() in ORGANIZATION_WORDS | TITLES | NAME_TITLES for w in words.split()
            ):
                continue
            found[name] = "PERSON"
            people.append(name)
    kept = [(s, e, label) for s, e, label in spans if (s, e) not in found]
    return kept + [(s, e, label) for (s, e), label in found.items()]


# Labels the tagger gives a person's name it does not know ("Frans Timmermans" as a people, "Espen
# Barth Eide" as a work of art): a name in apposition to a title is a person's all the same.
MISREAD_NAME_LABELS = MISTAKEN_PERSON_LABELS | {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}


def people_by_their_titles(parsed: ParsedText, spans: list[Span]) -> list[Span]:
    """`spans`, where a name stands in apposition to a person's title, before or after it:
    "Samoa's prime minister, Fiame Naomi Mata'afa", "talks with his counterpart, Choe Son Hui",
    "Virginijus Sinkevicius, the European Union's environment commissioner". A name of two to four
    capitalized words so described is a person's, whether the NER left it untagged or misread it
    (MISREAD_NAME_LABELS); never a name the gazetteer knows or one with an organization's word."""
    toks = parsed.tokens
    label_at = {(s, e): label for s, e, label in spans}
    taken = {i: (s, e) for s, e, _ in spans for i in range(s, e)}
    found: set[tuple[int, int]] = set()
    for tok in toks:
        if tok.pos != "PROPN" or not _titled(parsed, tok):
            continue
        name = (_name_run(parsed, tok.i, -1) + 1, tok.i + 1)
        if name[1] - name[0] < 2 or _name_run(parsed, tok.i + 1, 1) != tok.i + 1:
            continue  # one word, or not the run's last
        covering = {taken[i] for i in range(*name) if i in taken}
        if covering and (covering != {name} or label_at[name] not in MISREAD_NAME_LABELS):
            continue
        words = parsed.span_text(*name)
        if is_known_name(words) or any(
            w.lower() in ORGANIZATION_WORDS | TITLES | NAME_TITLES for w in words.split()
        ):
            continue
        found.add(name)
    kept = [(s, e, label) for s, e, label in spans if (s, e) not in found]
    return kept + [(s, e, "PERSON") for s, e in sorted(found)]


def _titled(parsed: ParsedText, tok: Token) -> bool:
    """Whether a person's title stands in apposition to `tok`, either side of it."""
    head = parsed.tokens[tok.head]
    if tok.dep == "appos" and head.pos == "NOUN" and head.lemma.lower() in TITLES:
        return True
    return any(
        c.dep == "appos" and c.pos == "NOUN" and c.lemma.lower() in TITLES for c in parsed.children(tok.i)
    )


def _name_after(parsed: ParsedText, end: int) -> tuple[int, int] | None:
    toks = parsed.tokens
    k = end
    while k < len(toks) and toks[k].text in LIST_SEPARATORS:
        k += 1
    stop = _name_run(parsed, k, 1)
    after = toks[stop].text if stop < len(toks) else ""
    # (not a name that qualifies a noun: "Merkel and Air France executives")
    if stop - k < 2 or (stop < len(toks) and toks[stop].pos in {"PROPN", "NOUN"}):
        return None
    return (k, stop) if _in_a_list(toks, end, k, after) else None


def _name_before(parsed: ParsedText, start: int, end: int) -> tuple[int, int] | None:
    toks = parsed.tokens
    k = start - 1
    while k >= 0 and toks[k].text in LIST_SEPARATORS:
        k -= 1
    first = _name_run(parsed, k, -1) + 1
    if k + 1 - first < 2 or (first > 0 and toks[first - 1].pos == "PROPN"):
        return None
    after = toks[end].text if end < len(toks) else ""
    return (first, k + 1) if _in_a_list(toks, k + 1, start, after) else None


def _in_a_list(toks: Sequence[Token], gap_start: int, gap_end: int, after: str) -> bool:
    """Two names with only separators between: "and" joins them; a comma alone only where the list
    goes on after the second ("A, B and C"), as "Aaron Miller, Vice President ..." is an apposition."""
    gap = [t.text for t in toks[gap_start:gap_end]]
    if not gap or any(w not in LIST_SEPARATORS for w in gap):
        return False
    return "and" in gap or after in LIST_SEPARATORS


def _name_run(parsed: ParsedText, k: int, step: int) -> int:
    """From token k, the first token past a run of capitalized proper nouns in direction `step`
    (a hyphen written without spaces joins two: "Moretti-Sandri"); at most four words."""
    toks = parsed.tokens
    words = 0
    while 0 <= k < len(toks) and words < 4:
        tok = toks[k]
        if tok.text == "-" and 0 <= k + step < len(toks) and parsed.glued(k):
            k += step
            continue
        if tok.pos != "PROPN" or not tok.text[:1].isupper() or tok.text.isupper():
            break
        words += 1
        k += step
    return k


def titled_names(parsed: ParsedText, covered: set[int]) -> list[Span]:
    """Untagged people named after a title, outside the tokens `covered` already (which grows)."""
    toks = parsed.tokens
    out: list[Span] = []
    # "President Ruto", "Chancellor Merz": a capitalized title before untagged proper nouns
    # (not the next title of a chain, "Secretary General Mark Rutte", nor part of a tagged name).
    titles = NAME_TITLES | TITLES
    for tok in toks[:-1]:
        # (a plural title before a list of names: "Foreign Ministers Laurent Fabius and ...")
        plural_title = tok.lower.endswith("s") and tok.lower[:-1] in titles
        if (tok.lower.rstrip(".") not in titles and not plural_title) or not tok.text[:1].isupper():
            continue
        start = end = tok.i + 1
        while (
            end < len(toks)
            and end - start < 3
            and toks[end].pos == "PROPN"
            and end not in covered
            and toks[end].lower.rstrip(".") not in titles
        ):
            end += 1
            if end + 1 < len(toks) and toks[end].text == "-" and parsed.glued(end) and end + 1 not in covered:
                end += 2  # "Linda Thomas-Greenfield": one word the tokenizer split at the hyphen
        if end == start or (end < len(toks) and (end in covered or toks[end].lower in titles)):
            continue
        if not is_known_name(parsed.span_text(start, end)):
            out.append((start, end, "PERSON"))
            covered.update(range(start, end))
    return out


def named_again(parsed: ParsedText, spans: Sequence[Span], covered: set[int]) -> list[Span]:
    """Untagged runs of two to four capitalized proper nouns that the text names again by one word
    the tagger did tag, outside the tokens `covered` already (which grows): "BEIJING — Xi Jinping
    closed ...", then "Xi"; "Takeda Pharmaceutical and Shire agreed", then "Takeda". The small
    tagger misses names most at a story's opening, where the lead names the main party in full."""
    toks = parsed.tokens
    again = _tagged_alone(parsed, spans)
    titles = NAME_TITLES | TITLES
    out: list[Span] = []
    k = 0
    while k < len(toks):
        end = k
        while (
            end < len(toks)
            and end - k < 4
            and end not in covered
            and toks[end].pos == "PROPN"
            and toks[end].text[:1].isupper()
            and not toks[end].ent_type
            and toks[end].lower.rstrip(".") not in titles
        ):
            end += 1
        # (a person by the first word or the last: "Xi" of Xi Jinping, "Rousseff" of Dilma Rousseff;
        # an organization by the first: "Takeda" of Takeda Pharmaceutical)
        first = again.get(toks[k].text)
        last = again.get(toks[end - 1].text) if end > k else None
        label = first or (last if last == "PERSON" else None)
        if end - k >= 2 and label is not None:
            out.append((k, end, label))
            covered.update(range(k, end))
        k = max(end, k + 1)
    return out


def paired_people(parsed: ParsedText, spans: list[Span]) -> list[Span]:
    """`spans`, where two names joined by a hyphen ("a Trump-Putin summit", "the Biden-Xi meeting")
    are two people the text names elsewhere, each by the first or last word of a person's name:
    each a person's span, in place of the span the tagger made of the pair (or of none). A name
    that goes on before the pair is one person's ("Sam Bankman-Fried"), and "US-China talks" name
    no people."""
    toks = parsed.tokens
    people = {
        toks[k].text
        for start, end, label in spans
        if label == "PERSON" and all(t.text != "-" for t in toks[start:end])  # (not "Bogdan-Martin")
        for k in (start, end - 1)
    }
    # (a pair that is part of a longer person's name anywhere is that person: "Sam Bankman-Fried")
    one_name = {
        (toks[k - 1].text, toks[k + 1].text)
        for start, end, label in spans
        if label == "PERSON" and end - start > 3
        for k in range(start + 1, end - 1)
        if toks[k].text == "-"
    }
    pairs: list[tuple[int, int]] = []
    for k in range(1, len(toks) - 1):
        a, b = toks[k - 1], toks[k + 1]
        if (
            toks[k].text == "-"
            and (a.text, b.text) not in one_name
            and parsed.glued(k)
            and a.pos == b.pos == "PROPN"
            and a.text[:1].isupper()
            and b.text[:1].isupper()
            and {a.text, b.text} <= people
            and not (k >= 2 and toks[k - 2].pos == "PROPN" and toks[k - 2].text[:1].isupper())
        ):
            pairs.append((a.i, b.i))
    if not pairs:
        return spans
    inside = {i for a, b in pairs for i in range(a, b + 1)}
    kept = [s for s in spans if not inside & set(range(s[0], s[1]))]
    return sorted(kept + [(i, i + 1, "PERSON") for pair in pairs for i in pair])


def _tagged_alone(parsed: ParsedText, spans: Sequence[Span]) -> dict[str, str]:
    """The one-word names the tagger tagged as a person's or an organization's, each with the tag it
    gave most often (it calls "Twitter" a person now and then)."""
    tags: dict[str, list[str]] = {}
    for start, end, label in spans:
        if end - start == 1 and label in {"PERSON", "ORG"}:
            tags.setdefault(parsed.tokens[start].text, []).append(label)
    return {word: max(("ORG", "PERSON"), key=labels.count) for word, labels in tags.items()}


def coordinated_bodies(parsed: ParsedText, spans: list[Span]) -> list[ActorMention]:
    """ "the Senate Judiciary and Commerce committees" are two committees, the Senate
    Judiciary Committee and the Senate Commerce Committee: the plural head is shared, and so
    is whatever precedes the first member beyond the last member's length."""
    toks = parsed.tokens
    out: list[ActorMention] = []
    for start, end, label in spans:
        while start < end and toks[start].lower == "the":
            start += 1
        head = toks[end] if end < len(toks) else None
        if (
            label != "ORG"
            or head is None
            or head.tag != "NNS"
            or head.lemma.lower() not in BODY_NOUNS | INSTITUTION_HEADS
        ):
            continue
        members: list[list[Token]] = [[]]
        for tok in toks[start:end]:
            if tok.lower in {"and", ","}:
                members.append([])
            else:
                members[-1].append(tok)
        members = [m for m in members if m]
        if len(members) < 2 or any(not t.text[:1].isupper() for m in members for t in m):
            continue
        width = len(members[-1])
        if len(members[0]) <= width:
            continue  # no shared part to spread: "Energy and Commerce committees"
        shared = members[0][:-width]
        members[0] = members[0][-width:]
        suffix = head.lemma.capitalize()
        prefix = " ".join(t.text for t in shared)
        for k, member in enumerate(members):
            first = shared[0] if k == 0 else member[0]
            name = f"{prefix} {' '.join(t.text for t in member)} {suffix}"
            out.append(
                ActorMention(
                    Actor(name, "organization"),
                    first.i,
                    member[-1].i + 1,
                    first.start,
                    member[-1].end,
                    parsed.text[first.start : member[-1].end],
                )
            )
    return out


def acronyms(parsed: ParsedText) -> dict[str, Actor]:
    """Acronyms defined or implied in the text: "the British Medical Association ... the BMA",
    "the World Anti-Doping Agency ... WADA" (a hyphen's parts give a letter each, or the word one)."""
    found: dict[str, Actor] = {}
    long_orgs = [e for e in parsed.entities if e.label == "ORG" and len(e.text.split()) >= 2]
    # acronyms the text defines: "the People's United Democratic Movement (PUDEMO)", "..., known as APIKUR"
    defined: dict[str, Actor] = {}
    for ent in long_orgs:
        acronym = _defined_acronym(parsed, ent.end_token)
        if acronym is not None:
            defined.setdefault(acronym, Actor(clean(ent.text), "organization"))
    for ent in long_orgs:
        name = ARTICLE_AND_POSSESSIVE.sub("", ent.text)
        for words in (name.split(), name.replace("-", " ").split()):
            capitalized = [w for w in words if w[:1].isupper()]
            if len(capitalized) >= 2:
                initials = "".join(w[0] for w in capitalized).upper()
                found.setdefault(initials, Actor(clean(ent.text), "organization"))
    return found | defined


def _defined_acronym(parsed: ParsedText, k: int) -> str | None:
    """The acronym a name defines right after it: "(PUDEMO)", ", known as APIKUR"."""
    words = [t.text for t in parsed.tokens[k : k + 4]]
    if len(words) >= 3 and words[0] == "(" and words[2] == ")":
        acronym = words[1]
    elif len(words) == 4 and words[:3] == [",", "known", "as"]:
        acronym = words[3]
    else:
        return None
    return acronym if acronym.isupper() and acronym.isalpha() and len(acronym) >= 2 else None


def described_as_organization(parsed: ParsedText, tok: Token) -> bool:
    """ "Ofwat, the industry regulator", "the carmaker Renault": an apposition says what the
    untagged name is."""
    toks = parsed.tokens
    described = [c for c in parsed.children(tok.i) if c.dep == "appos"]
    if tok.dep == "appos" or (tok.dep == "compound" and toks[tok.head].pos == "NOUN"):
        described.append(toks[tok.head])
    return any(d.lemma.lower() in ORG_DESCRIPTORS and d.pos == "NOUN" for d in described)


def looks_like_person(parsed: ParsedText, start: int, end: int) -> bool:
    """Proper names introduced by a title: "Italy's Giorgia Meloni", "minister, Retno Marsudi"."""
    toks = parsed.tokens
    if not all(t.pos == "PROPN" for t in toks[start:end]) or end - start < 2:
        return False
    if names_a_body(parsed.span_text(start, end)):
        return False  # "India's Supreme Court", "Vietnam's Communist Party"
    before = toks[start - 1] if start > 0 else None
    head = toks[toks[end - 1].head]
    # (A name before its title, "European Council President ...", is the title's organization.)
    return bool(
        (before is not None and (before.tag == "POS" or before.lemma.lower() in TITLES))
        or (head.lemma.lower() in TITLES and head.i < start)
    )


# A dateline: a place in capitals opening the text, a line or what follows a headline's hyphen,
# maybe a region after a comma, then a dash ("HANGZHOU, China —", "Deal Struck-VIENNA —").
_DATELINE = re.compile(
    r"(?:^|\n|-)"  # the start of the text or a line, or a headline's hyphen
    r"([A-Z][A-Z.'\u2019-]*[A-Z.](?: [A-Z][A-Z.'\u2019-]*)*"  # the place in capitals
    r"(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?)"  # ", China", ", British Columbia"
    r"(?: \(([A-Z][\w.]*(?: [A-Z][\w.]*)*)\))?"  # the agency: "(AP)", "(Reuters)"
    r" ?(?:\u2014|\u2013|--)"  # the dash
)


def dateline_cities(parsed: ParsedText) -> list[tuple[int, int, str]]:
    """(start token, end token, name) of the place each dateline opens with, before any region:
    "OHRID, North Macedonia —" is Ohrid, "THE HAGUE —" The Hague."""
    out = []
    for m in _DATELINE.finditer(parsed.text):
        start, end = m.start(1), m.start(1) + len(m.group(1).split(",")[0])
        toks = [t for t in parsed.tokens if start <= t.start < end]
        if toks:
            out.append((toks[0].i, toks[-1].i + 1, parsed.text[start:end].title()))
    return out


def filed_places(parsed: ParsedText) -> list[ActorMention]:
    """Where the story was filed, as place mentions: the city each dateline opens with."""
    toks = parsed.tokens
    return [
        ActorMention(None, start, end, toks[start].start, toks[end - 1].end, name, place=name)
        for start, end, name in dateline_cities(parsed)
    ]


def dateline_tokens(parsed: ParsedText) -> frozenset[int]:
    """The tokens of the text's datelines: where the story was filed, never a party to it."""
    return _tokens_of_group(parsed, 1)


def dateline_agency_tokens(parsed: ParsedText) -> frozenset[int]:
    """The tokens of the agency a dateline credits ("NAIROBI, Kenya (AP) —"): no party, no place."""
    return _tokens_of_group(parsed, 2)


def _tokens_of_group(parsed: ParsedText, group: int) -> frozenset[int]:
    spans = [(m.start(group), m.end(group)) for m in _DATELINE.finditer(parsed.text) if m.group(group)]
    return frozenset(t.i for t in parsed.tokens for start, end in spans if start <= t.start < end)


# Where ingested copy glues its headline to the story: "Africa AIDS Conference Wraps in Zimbabwe-HARARE
# — ...", "MSF Says Thousands Flee-Eight days after ...": a hyphen with no space, a capital after it.
_HEADLINE_JOIN = re.compile(r"[\w'\u2019\"?!:]-(?=[A-Z])")


def headline_end(text: str) -> int:
    """Where a headline glued to the first line ends (0 where there is none): at the first such
    hyphen after a title-cased run of three to 25 words, where the story starts, either a dateline
    in capitals or a sentence (a lower-case word among its first six); not a name's hyphen
    ("Israeli-Palestinian Talks Resume-...", "US-China talks resumed")."""
    line, newline, rest = text.partition("\n")
    for m in _HEADLINE_JOIN.finditer(line):
        if not _title_cased(line[: m.start() + 1]):
            continue
        after = line[m.end() :]
        if _DATELINE.match("-" + after) or any(w[:1].islower() for w in after.split()[1:6]):
            return m.end()
    # A headline on a line of its own, a dateline opening the next: "Talks Collapse in Hanoi\nHANOI (AP) —"
    if newline and _title_cased(line) and _DATELINE.match("\n" + rest):
        return len(line) + 1
    return 0


def _title_cased(head: str) -> bool:
    """A headline's words: three to 25, their content words capitalized, no sentence ending inside."""
    words = [w for w in re.split(r"[\s-]+", head) if w[:1].isalpha()]
    content = [w for w in words if w.lower() not in _HEADLINE_LOWER]
    capitalized = sum(w[:1].isupper() for w in content)
    return 3 <= len(words) <= 25 and capitalized >= 0.85 * len(content) and ". " not in head


# Words a title-cased headline leaves in lower case.
_HEADLINE_LOWER = {
    *("a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "over", "the", "to", "with"),
}
# Of those, the ones no name holds (unlike "of", "and", "the": "Bank of England"): a headline name
# with one inside is a clause the capitals ran together ("Trump Sides With Putin").
CLAUSE_WORDS = _HEADLINE_LOWER - {"a", "an", "and", "of", "the"}
