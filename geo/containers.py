"""Containers: the place the text puts a name in, when the gazetteer does not know the name.

The words after a listed name ("A and B in Hama province", "A, B and C villages in the eastern
countryside of Deir Ezzor", "A near Y", "A, Idlib"), the city a quarter is of ("the A and B
neighbourhoods of Aleppo"), the province or area a sentence opens with or names alone, and a line
that heads a list ("Deir Ezzor Province:"). Used by geo.unlocated.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.lexicon import words
from geo.mentions import PLACE_HEADS
from geo.names import ARTICLES, fold
from geo.resolve import resolve
from geo.strike_places import PLACE_NOUNS, is_noun_of
from geo.types import Mention, Precision, Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from geo.gazetteer import Gazetteer

ADMIN_WORDS = words("admin_words")
AREA_NOUNS = words("area_nouns")
# the parts of a city a list of its quarters is put in: "the A and B neighbourhoods of Aleppo"
QUARTER_NOUNS = words("quarter_nouns")
AREA_ADJECTIVES = words("area_adjectives")
# Words that may stand between a listed name and the phrase that contains it: "A, B and C villages
# in the eastern countryside of", "A near", "A, at the outskirts of".
_LINKS = frozenset({"in", "at", "near", "outside", "around", "on", "inside", "within"})
_LIST_WORDS = frozenset({",", "and", "or", "the", "of", "-", "'s", "’s"})
_DIRECTION = re.compile(r"(?:north|south)?(?:east|west)ern|northern|southern|central")
_COMPASS = words("directions") - {"central"}  # compass points: "to the north-east of"
_GOING_ON = frozenset({"it", "he", "she", "they"})  # a paragraph that opens with the last one's source
_MAX_GAP = 30  # tokens between a name and its container: a long list, never another clause
# A line that only heads what follows: "Deir Ezzor Province:", "Idlib Province – The Observatory:"
_HEADER_END = re.compile(r"^\s*(?:[:–—-]|,[^\n.]*:)")


def headers(doc: Doc, resolved: dict[int, tuple[Toponym, int]]) -> list[tuple[int, Toponym]]:
    """(token index, governorate) of each line that heads what follows: "Deir Ezzor Province:"."""
    out = []
    text = doc.text
    for i, (t, _) in resolved.items():
        if t.precision != "admin1":
            continue
        line_start = text.rfind("\n", 0, t.mention.start) + 1
        if text[line_start : t.mention.start].strip(" \t\"'“‘") != "":
            continue
        rest = text[t.mention.end : t.mention.end + 80]
        word = re.match(r"\s*(\w+)", rest)
        if word and word.group(1).lower() in ADMIN_WORDS:
            rest = rest[word.end() :]
        if _HEADER_END.match(rest.split("\n", 1)[0] + ("\n" if "\n" in rest else "")):
            out.append((i, t))
    return sorted(out, key=lambda h: h[0])


def quarter_of(span: Span, resolved: dict[int, tuple[Toponym, int]]) -> Toponym | None:
    """The place, mostly a city, a listed name is a quarter of: "the A and B neighbourhoods of
    Aleppo", "A, B and other parts of Aleppo", "the A district in Homs", "eastern Aleppo's A
    district"."""
    doc = span.doc
    i, quarter = _quarter_noun_after(span, resolved)
    if not quarter:
        return None
    if doc[i - 1].lower_ in {"of", "in"} and i in resolved:
        return _not_a_country(resolved[i][0])
    before = span.start - 1  # "Aleppo's A district": the city owns the quarter
    if before > span.sent.start and doc[before].lower_ in {"'s", "’s"}:
        found = [t for t, end in resolved.values() if end == before]
        return _not_a_country(found[0]) if found else None
    return None


def names_a_quarter(span: Span, resolved: dict[int, tuple[Toponym, int]]) -> bool:
    """Whether the text calls a listed name a city's quarter ("the A neighbourhood", "In A, B and
    other districts"), whether or not it names the city."""
    return _quarter_noun_after(span, resolved)[1]


def _quarter_noun_after(span: Span, resolved: dict[int, tuple[Toponym, int]]) -> tuple[int, bool]:
    """Where the list a name is in ends, and whether a quarter noun ("neighbourhood") ends it."""
    doc = span.doc
    i, quarter = span.end, False
    while i < min(span.sent.end, span.end + _MAX_GAP):
        tok = doc[i]
        if is_noun_of(tok, QUARTER_NOUNS):
            quarter = True
        elif i in resolved and not quarter and _listed(doc, resolved[i][1]):
            i = resolved[i][1]  # "A, Kallaseh and B neighbourhoods": a known name in the list
            continue
        elif i in resolved or not (
            tok.lower_ in _LIST_WORDS
            or tok.lower_ in ARTICLES
            or (tok.pos_ == "PROPN" and tok.text[:1].isupper())
            or tok.pos_ in {"DET", "ADJ"}
            or (quarter and tok.lower_ == "city")  # "the A neighbourhood of the city of Aleppo"
        ):
            break
        i += 1
    return i, quarter


def _listed(doc: Doc, end: int) -> bool:
    """Whether a list goes on after the name that ends at `end`."""
    return end < len(doc) and (doc[end].lower_ in {"and", "or"} or doc[end].text == ",")


def _not_a_country(t: Toponym) -> Toponym | None:
    return None if t.place is None or t.precision == "country" else t


def container_after(
    span: Span, resolved: dict[int, tuple[Toponym, int]], gazetteer: Gazetteer
) -> tuple[Toponym, Precision] | None:
    """The place that the words after a listed name put it in: "A and B in Hama province", "A, B
    and C villages in the eastern countryside of Deir Ezzor", "A near Y", "A, Idlib"."""
    doc = span.doc
    linked = area = False
    direction = ""
    i = span.end
    while i < min(span.sent.end, span.end + _MAX_GAP):
        tok = doc[i]
        if i in resolved:
            t, end = resolved[i]
            after = doc[end] if end < len(doc) else None
            if after is not None and after.text == "," and _country_at(end + 1, resolved):
                after = None  # "A, Aleppo, Syria": the country closes the address, no list goes on
            listed = after is not None and (after.lower_ in {"and", "or"} or _comma_list(doc, end))
            if not (linked or area) and (listed or doc[i - 1].text != ","):
                i = end  # "A, Kafr Nabl and B in Idlib": a known place in the list, not its container
                continue
            if _more_places(doc, end, resolved):
                return None  # "near Hama and Idlib": which of them holds the village is not said
            if (
                after is not None
                and _DIRECTION.fullmatch(after.lower_)
                and end + 1 < len(doc)
                and is_noun_of(doc[end + 1], AREA_NOUNS)
            ):
                direction, area = after.lower_, True  # "in Hama northern countryside"
            if direction and area:
                t = _part(t, direction, gazetteer)
            return _as_container(t, linked, area, after, gazetteer)
        low = tok.lower_
        if _DIRECTION.fullmatch(low):
            direction = low
        if low in _LINKS:
            linked = True
        elif low == "to" and i + 2 < len(doc) and doc[i + 2].lower_ in _COMPASS:
            linked = True  # "the A and B areas to the north-east of Y"
        elif is_noun_of(tok, AREA_NOUNS) or low in ADMIN_WORDS:
            area = True
            before = i - 1
            while before > span.end and _DIRECTION.fullmatch(doc[before].lower_):
                before -= 1  # "in the northern countryside": the part of the area named before
            anaphor = linked and low not in _COMPASS and doc[before].lower_ in {"the", "this", "that"}
            if anaphor and _ends_phrase(doc, i + 1):
                return _named_before(span, resolved)  # "the towns of A and B in the region"
        elif not (
            low in _LIST_WORDS
            or low in ARTICLES
            or low in PLACE_HEADS  # the parser reads "Tell" of "Tell Sikkin" as a verb
            or (tok.pos_ == "PROPN" and tok.text[:1].isupper())
            or tok.pos_ in {"DET", "ADJ"}
            or (tok.pos_ == "NOUN" and is_noun_of(tok, PLACE_NOUNS))
            or "-" in {doc[i - 1].text, doc[i + 1].text if i + 1 < len(doc) else ""}  # "rebel-held"
        ):
            return None
        i += 1
    return None


def possessor(
    span: Span, resolved: dict[int, tuple[Toponym, int]], gazetteer: Gazetteer
) -> tuple[Toponym, Precision] | None:
    """The place a list is given as belonging to: "Idlib's A, B and C districts"."""
    doc = span.doc
    i = span.start - 1
    while i > max(span.sent.start, span.start - _MAX_GAP) and (
        doc[i].lower_ in _LIST_WORDS - {"'s", "’s"} or doc[i].pos_ == "PROPN"
    ):
        i -= 1
    if doc[i].lower_ not in {"'s", "’s"}:
        return None
    owner = next((t for t, end in resolved.values() if end == i), None)
    if owner is None or owner.place is None or owner.precision == "country":
        return None
    return _as_container(owner, False, False, None, gazetteer) or (owner, "region")


def _ends_phrase(doc: Doc, i: int) -> bool:
    """Whether nothing names the area after its noun: "in the region." (not "the region of X")."""
    return i >= len(doc) or doc[i].text in {".", ",", ";", ")"} or doc[i].pos_ == "CCONJ"


def _named_before(span: Span, resolved: dict[int, tuple[Toponym, int]]) -> tuple[Toponym, Precision] | None:
    """The area or province the text named last before `span`: what "the region" refers to (an area
    rather than a province when there is one: "the Douma district of eastern Ghouta, Damascus")."""
    named = [
        t for i, (t, _) in sorted(resolved.items()) if i < span.start and t.precision in {"admin1", "region"}
    ]
    areas = [t for t in named if t.precision == "region"] or named
    return (areas[-1], areas[-1].precision) if areas else None


def named_governorate(tail: Span, gazetteer: Gazetteer) -> tuple[Toponym, Precision] | None:
    text = tail.text
    if not text or not text[:1].isupper():
        return None
    t = resolve(text, [Mention(text, 0, len(text))], gazetteer)[0]
    return _as_container(t, False, False, None, gazetteer)


def elsewhere(
    span: Span, resolved: dict[int, tuple[Toponym, int]], gazetteer: Gazetteer
) -> tuple[Toponym, Precision] | None:
    """The container the text gives the same name elsewhere: an incident record's "Location: A,
    Aleppo, Syria" over a report of "an air strike on the village of A"."""
    doc, text = span.doc, span.doc.text
    start = text.find(span.text)
    while start != -1:
        other = doc.char_span(start, start + len(span.text))
        if other is not None and other.start != span.start:
            found = container_after(other, resolved, gazetteer)
            if found is not None:
                return found
        start = text.find(span.text, start + 1)
    return None


def _comma_list(doc: Doc, comma: int) -> bool:
    """Whether a comma goes on with another name ("A, Hama, B and C"), not with the rest of the
    clause ("A village, Idlib, on July 11")."""
    nxt = doc[comma + 1] if comma + 1 < len(doc) else None
    return (
        doc[comma].text == ","
        and nxt is not None
        and (nxt.lower_ in ARTICLES or (nxt.text[:1].isupper() and nxt.ent_type_ != "DATE"))
    )


def _country_at(i: int, resolved: dict[int, tuple[Toponym, int]]) -> bool:
    return i in resolved and resolved[i][0].precision == "country"


def _as_container(
    t: Toponym, linked: bool, area: bool, after: Token | None, gazetteer: Gazetteer
) -> tuple[Toponym, Precision] | None:
    if t.place is None or t.precision == "country":
        return None
    if t.precision in {"admin1", "region"}:
        return t, t.precision
    if linked or area:
        return t, "region"  # "A near Homs", "A in the countryside of Hama": the town's area
    # "A, Idlib": only a town that gives its governorate its name stands for the governorate here;
    # any other town after a comma is the list going on
    if after is not None and (after.lower_ in {"and", "or"} or _comma_list(after.doc, after.i)):
        return None
    admin = gazetteer.admin1(t.place.country_code, t.place.admin1) if t.place.admin1 else None
    if admin is None or fold(admin.name) != fold(t.place.name):
        return None
    return replace(t, place=admin, precision="admin1", lat=admin.lat, lon=admin.lon), "admin1"


def _more_places(doc: Doc, end: int, resolved: dict[int, tuple[Toponym, int]]) -> bool:
    """Whether the container is one of a list of places ("near Hama and Idlib")."""
    i = end
    while i < min(len(doc), end + 3) and doc[i].lower_ in {"and", "or", ",", "the"}:
        i += 1
    return i > end and i in resolved and not _country_at(i, resolved)  # "A, Aleppo, Syria": an address


def _part(t: Toponym, direction: str, gazetteer: Gazetteer) -> Toponym:
    """ "the eastern countryside of Deir Ezzor": the part of the place the resolver gives "eastern
    Deir Ezzor"; the place itself when the resolver reads the phrase as another place."""
    if t.precision == "region":
        return t
    text = f"{direction} {t.mention.text}"
    part = resolve(text, [Mention(t.mention.text, len(direction) + 1, len(text))], gazetteer)[0]
    c, p = t.place, part.place
    if c is None or p is None or part.precision != "region" or part.lat is None:
        return t
    if (p.country_code, p.admin1) != (c.country_code, c.admin1):
        return t
    return replace(part, mention=t.mention, confidence=t.confidence)


def scene(span: Span, resolved: dict[int, tuple[Toponym, int]]) -> tuple[Toponym, Precision] | None:
    """ "In Hama province, jets struck the village of A": a province or area the sentence opens with."""
    for i in range(span.sent.start, span.start):
        t, _ = resolved.get(i, (None, 0))
        if t is None or t.precision not in {"admin1", "region"}:
            continue
        opener = span.doc[span.sent.start : i]
        if opener and opener[0].lower_ == "in" and all(w.pos_ in {"ADP", "DET", "ADJ"} for w in opener):
            return t, t.precision
    # "In the eastern countryside, jets raided the villages of A and B": the area named before
    opener = span.doc[span.sent.start : min(span.start, span.sent.start + 6)]
    noun = next((w for w in opener if is_noun_of(w, AREA_NOUNS)), None)
    if (
        noun is not None
        and opener[0].lower_ == "in"
        and opener[1].lower_ == "the"
        and all(w.pos_ == "ADJ" for w in span.doc[opener[1].i + 1 : noun.i])
        and _ends_phrase(span.doc, noun.i + 1)
    ):
        return _named_before(span, resolved)
    return None


def area(span: Span, resolved: dict[int, tuple[Toponym, int]]) -> tuple[Toponym, Precision] | None:
    """ "jets battered the western countryside of Palmyra, with strikes inside the villages of A and
    B": the one area the sentence names, when it names no other place that might hold them; for a
    sentence that names no area, the one area the sentence before it in the paragraph names ("...
    airstrikes on rural Idlib on Sunday. Strikes hit the towns of A, B and C")."""
    sent = span.sent
    found = _only_area(sent, resolved)
    doc = span.doc
    if found is not None or sent.start == 0:
        return found
    if "\n" in doc[sent.start - 1].text_with_ws and sent[0].lower_ not in _GOING_ON:
        return found  # the paragraph's first sentence has none before it, unless it goes on with
        # the last paragraph's source: wire copy's one-sentence paragraphs ("It said the attacks
        # had been concentrated on the village of A")
    before = _only_area(doc[sent.start - 1].sent, resolved)
    if before is None or before[0].place is None:
        return None
    country = before[0].place.country_code
    own = [
        t
        for i, (t, _) in resolved.items()
        if sent.start <= i < sent.end and t.precision in {"admin1", "region"}
    ]
    # an area of its own in that country (not a namesake abroad) says which area the sentence means
    return None if any(t.place is not None and t.place.country_code == country for t in own) else before


def _only_area(sent: Span, resolved: dict[int, tuple[Toponym, int]]) -> tuple[Toponym, Precision] | None:
    doc = sent.doc
    named = [(i, t) for i, (t, _) in resolved.items() if sent.start <= i < sent.end]
    places = {t.place.id for _, t in named if t.place is not None and t.precision != "country"}
    if len(places) != 1:
        return None
    i, t = next((i, t) for i, t in named if t.precision != "country")
    if t.precision in {"admin1", "region"}:
        return t, t.precision
    before = doc[i - 1] if i > 0 else None
    of_area = before is not None and before.lower_ == "of" and is_noun_of(before.head, AREA_NOUNS)
    rural = before is not None and before.lower_ in AREA_ADJECTIVES
    after = doc[resolved[i][1]] if resolved[i][1] < len(doc) else None
    named_area = of_area or rural or (after is not None and is_noun_of(after, AREA_NOUNS))
    return (t, "region") if named_area else None
