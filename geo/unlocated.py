"""Unlocated places: a struck place the gazetteer does not know, kept at the place the text puts it in.

Monitors and state media list villages no shipped gazetteer holds ("the villages of A, B and C in the
eastern countryside of Deir Ezzor", a "Deir Ezzor Province:" line over a list). Conflict-event
datasets keep such a place under its own name at its container's point, with a precision that says
so (ACLED's geo_precision 2 and 3); so does this module. The name gets the container's point and
precision (an area or a governorate, never a town's point) and the location basis "unlocated", so
that a map draws an area and a user can filter these places out.

Two steps, around the claims stage: `listed_names` adds, as unresolved names, the proper names the
text itself lists as places ("the villages of A and B", "A and B towns", "struck Homs, A and B"), so
that the claims stage judges whether they were struck; `locate_unlocated` then gives each unresolved
name that a claim makes a target the container its clause names, or the list's header. A name with
no container in its clause or header stays off the map, as do people, groups and units. A name the
gazetteer knows only as a small namesake abroad, which the resolver therefore left unresolved, is
treated as unknown: the clause's container is still the best the text says of where it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.lexicon import words
from geo.mentions import NOT_PLACES, ORG_WORDS, PLACE_HEADS, TITLES
from geo.names import ARTICLES, fold
from geo.resolve import resolve
from geo.strike_places import PLACE_NOUNS, is_noun_of
from geo.types import Claim, ClaimPlace, Mention, Place, Precision, Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from geo.gazetteer import Gazetteer

LABEL = "LISTED"  # the mention label of a name found only because the text lists it as a place
GROUP_WORDS = words("group_name_words")
ADMIN_WORDS = words("admin_words")
AREA_NOUNS = words("area_nouns")
# the parts of a city a list of its quarters is put in: "the A and B neighbourhoods of Aleppo"
QUARTER_NOUNS = words("quarter_nouns")
TITLE_PLACE_HEADS = words("title_place_heads")
# Words that may stand between a listed name and the phrase that contains it: "A, B and C villages
# in the eastern countryside of", "A near", "A, at the outskirts of".
_LINKS = frozenset({"in", "at", "near", "outside", "around", "on", "inside", "within"})
_LIST_WORDS = frozenset({",", "and", "or", "the", "of", "-", "'s", "’s"})
_DIRECTION = re.compile(r"(?:north|south)?(?:east|west)ern|northern|southern|central")
_MAX_GAP = 30  # tokens between a name and its container: a long list, never another clause
# A line that only heads what follows: "Deir Ezzor Province:", "Idlib Province – The Observatory:"
_HEADER_END = re.compile(r"^\s*(?:[:–—-]|,[^\n.]*:)")
# A located name keeps part of its container's confidence: its own point is unknown.
_CONFIDENCE_SHARE = 0.6
_SLUG = re.compile(r"[^a-z0-9]+")


def listed_names(
    doc: Doc, toponyms: Sequence[Toponym], gazetteer: Gazetteer, is_actor: Callable[[str], bool]
) -> list[Toponym]:
    """`toponyms` and, unresolved, the proper names the text lists as places that no mention holds,
    in text order. `is_actor` tells the registry's people, bodies and media."""
    covered: set[int] = set()
    for t in toponyms:
        span = doc.char_span(t.mention.start, t.mention.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    found: dict[int, Toponym] = {}
    for tok in doc:
        if tok.i in covered or not _heads_a_name(tok):
            continue
        span = _name_span(tok)
        if any(i in covered for i in range(span.start, span.end)):
            continue
        named = _named_as_place(tok)
        if not (named or _listed_with(tok, covered)):
            continue
        if not is_plain_name(span, gazetteer, is_actor, named=named):
            continue
        if gazetteer.is_name(span.text) and not named:
            continue  # a known name the mention finder judged no place here
        if tok.ent_type_ == "PERSON" and not named:
            continue  # "Homs, Hama and Joseph": a person's name beside places, not a place
        mention = Mention(span.text, span.start_char, span.end_char, LABEL)
        found[span.start_char] = Toponym(mention, None, "point", None, None, 0.0)
    if not found:
        return list(toponyms)
    return sorted([*toponyms, *found.values()], key=lambda t: t.mention.start)


def locate_unlocated(
    claims: Sequence[Claim],
    doc: Doc,
    toponyms: Sequence[Toponym],
    gazetteer: Gazetteer,
    is_actor: Callable[[str], bool],
) -> list[Claim]:
    """The claims with each unresolved target name placed at its container (basis "unlocated");
    a name with no container, or not a plain place name, stays unresolved (no map feature), and
    one that only `listed_names` found is dropped, which leaves such claims as they were. A name
    resolved to a namesake in another country than its container is placed at the container."""
    resolved = _by_token(doc, toponyms)
    headers = _headers(doc, resolved)
    out = []
    for claim in claims:
        places = []
        governorates: list[Toponym] = []
        best = claim.confidence
        for cp in claim.places:
            found = None
            if cp.role == "target" and cp.basis == "explicit" and cp.toponym.precision != "country":
                found = _locate(cp.toponym, doc, resolved, headers, gazetteer, is_actor)
            if found is not None:
                located, outer = found
                cp = ClaimPlace(located, "target", "unlocated")
                best = max(best, round(located.confidence, 3))
                governorates += outer
            elif cp.toponym.place is None and cp.toponym.mention.label == LABEL:
                continue  # a listed name was only added for the claims stage to judge
            places.append(cp)
        # the governorate that holds a struck village is struck through it, as for a known village
        # (geo.containment); once per claim, and not when the claim names it as a target already
        held = {p.toponym.place.id for p in places if p.role == "target" and p.toponym.place is not None}
        for gov in governorates:
            if gov.place is not None and gov.place.id not in held:
                held.add(gov.place.id)
                places.append(ClaimPlace(gov, "target", "container"))
        if places:  # as the claims stage, no claim without a place
            out.append(replace(claim, places=tuple(places), confidence=best))
    return out


def _governorate(container: Toponym) -> list[Toponym]:
    """The governorate a container is or is a part of ("the eastern countryside of Deir Ezzor")."""
    p = container.place
    if p is None or p.kind != "admin1":
        return []
    return [replace(container, precision="admin1", lat=p.lat, lon=p.lon, qualifier="")]


def is_plain_name(
    span: Span, gazetteer: Gazetteer, is_actor: Callable[[str], bool], *, named: bool = False
) -> bool:
    """Whether a span can be a village's name: not a title's bearer, a body, group or unit the
    registry or its words tell, not English words, not an acronym. A name the text calls a place
    (`named`: "the Sheikh Maqsoud neighbourhood") may start with a title that begins place names."""
    text = span.text.strip()
    first = text.split()[0].lower().rstrip(".") if text.split() else ""
    low = [w.lower() for w in re.split(r"[\s-]+", text) if w]
    if len(text) < 3 or text.lower() in NOT_PLACES or (text.isupper() and len(text) <= 5):
        return False
    if first in TITLES and not (named and first in TITLE_PLACE_HEADS):
        return False
    if any(w in ORG_WORDS for w in low) or any(w in GROUP_WORDS for w in low):
        return False
    # the registry's actors; "Monday Market", "Bakery": English words, not a name
    return not (is_actor(text) or all(gazetteer.is_common_word(w) for w in low))


# --- names the text lists as places ------------------------------------------------------------


def _heads_a_name(tok: Token) -> bool:
    """The last word of a capitalised proper name ("Hamam" of "Abu Hamam", "Kharita" of "al-Kharita")."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or not (
        (nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.dep_ == "compound")
        or (nxt.text == "-" and not nxt.whitespace_ and not tok.whitespace_)
    )


def _name_span(tok: Token) -> Span:
    """The whole name ending at `tok`: its capitalised words and inner articles ("al-", "Tell", ...)."""
    doc, start = tok.doc, tok.i
    while start > tok.sent.start:
        prev = doc[start - 1]
        hyphen = prev.text == "-" and not prev.whitespace_
        article = prev.lower_ in ARTICLES and doc[start].text == "-"
        word = prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.dep_ in {"compound", "punct"}
        if not (hyphen or article or word):
            break
        start -= 1
    while doc[start].text == "-":
        start += 1
    return doc[start : tok.i + 1]


def _named_as_place(tok: Token) -> bool:
    """ "the village of X", "the villages of A, B and C", "X village", "A and B towns": the text
    says what the names are."""
    head = _first_listed(tok)
    if head.dep_ == "pobj" and head.head.lower_ == "of" and is_noun_of(head.head.head, PLACE_NOUNS):
        return True
    last = tok
    while True:  # "A, B and C villages": the noun after the list's last name
        nxt = [c for c in last.children if c.dep_ == "conj"]
        if not nxt:
            break
        last = nxt[-1]
    after = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    own = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return any(
        t is not None
        and t.pos_ == "NOUN"
        and is_noun_of(t, PLACE_NOUNS)
        and (t.lower_ not in AREA_NOUNS or is_noun_of(t, QUARTER_NOUNS))  # "the A district"
        for t in (own, after)
    )


def _first_listed(tok: Token) -> Token:
    """The first name of the list `tok` is in (itself when it is in none)."""
    for _ in range(40):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _listed_with(tok: Token, covered: set[int]) -> bool:
    """A member of a list whose other members are place mentions ("struck Homs, A and Hama")."""
    if tok.dep_ != "conj" and not any(c.dep_ == "conj" for c in tok.children):
        return False
    first = _first_listed(tok)
    members = [first, *(t for t in first.subtree if t.dep_ == "conj" and _first_listed(t).i == first.i)]
    return any(m.i in covered for m in members if m.i != tok.i)


# --- containers --------------------------------------------------------------------------------


def _by_token(doc: Doc, toponyms: Sequence[Toponym]) -> dict[int, tuple[Toponym, int]]:
    """Resolved toponyms, and the index after their last token, by the index of their first."""
    out: dict[int, tuple[Toponym, int]] = {}
    for t in toponyms:
        if t.place is None or t.lat is None or t.lon is None:
            continue
        span = doc.char_span(t.mention.start, t.mention.end, alignment_mode="expand")
        if span is not None:
            out[span.start] = (t, span.end)
    return out


def _headers(doc: Doc, resolved: dict[int, tuple[Toponym, int]]) -> list[tuple[int, Toponym]]:
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


def _locate(
    name: Toponym,
    doc: Doc,
    resolved: dict[int, tuple[Toponym, int]],
    headers: list[tuple[int, Toponym]],
    gazetteer: Gazetteer,
    is_actor: Callable[[str], bool],
) -> tuple[Toponym, list[Toponym]] | None:
    """An unresolved name at its container, and the governorate struck through it (the one the
    container is or is part of; none for a city's quarter, "the A neighbourhood of Aleppo"). A name
    the resolver put in another country than the container its clause gives it ("al-Tareef village
    in the western countryside of Deir Ezzor" read as a namesake abroad) goes to that container too."""
    span = doc.char_span(name.mention.start, name.mention.end, alignment_mode="expand")
    if span is None:
        return None
    found: tuple[Toponym, Precision] | None = None
    if name.place is None and "," in span.text:  # "Beinin, Idlib" read as one name
        head = next(t for t in span if t.text == ",")
        found = _named_governorate(span.doc[head.i + 1 : span.end], gazetteer)
        span = span.doc[span.start : head.i]
        name = replace(name, mention=Mention(span.text, span.start_char, span.end_char, name.mention.label))
        if found is None or not span:
            return None
    if not is_plain_name(span, gazetteer, is_actor, named=_named_as_place(span[-1])):
        return None
    quarter_of = None if found else _quarter_of(span, resolved)
    if quarter_of is not None:
        found = (quarter_of, "region")
    found = found or _container_after(span, resolved, gazetteer) or _scene(span, resolved)
    if found is None:
        header = [t for i, t in headers if i < span.start]
        found = (header[-1], "admin1") if header else None
    if found is None:
        return None
    container, precision = found
    if name.place is not None and (
        container.place is None or container.place.country_code in {"", name.place.country_code}
    ):
        return None
    # a quarter's city is named in its clause, and struck there already
    outer = _governorate(container) if quarter_of is None else []
    return _placed(name, container, precision), outer


def _quarter_of(span: Span, resolved: dict[int, tuple[Toponym, int]]) -> Toponym | None:
    """The place, mostly a city, a listed name is a quarter of: "the A and B neighbourhoods of
    Aleppo", "A, B and other parts of Aleppo", "the A district in Homs", "eastern Aleppo's A
    district"."""
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
    if not quarter:
        return None
    if doc[i - 1].lower_ in {"of", "in"} and i in resolved:
        return _not_a_country(resolved[i][0])
    before = span.start - 1  # "Aleppo's A district": the city owns the quarter
    if before > span.sent.start and doc[before].lower_ in {"'s", "’s"}:
        found = [t for t, end in resolved.values() if end == before]
        return _not_a_country(found[0]) if found else None
    return None


def _listed(doc: Doc, end: int) -> bool:
    """Whether a list goes on after the name that ends at `end`."""
    return end < len(doc) and (doc[end].lower_ in {"and", "or"} or doc[end].text == ",")


def _not_a_country(t: Toponym) -> Toponym | None:
    return None if t.place is None or t.precision == "country" else t


def _container_after(
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
            listed = after is not None and (after.lower_ in {"and", "or"} or after.text == ",")
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
        elif is_noun_of(tok, AREA_NOUNS) or low in ADMIN_WORDS:
            area = True
        elif not (
            low in _LIST_WORDS
            or low in ARTICLES
            or low in PLACE_HEADS  # the parser reads "Tell" of "Tell Sikkin" as a verb
            or (tok.pos_ == "PROPN" and tok.text[:1].isupper())
            or tok.pos_ in {"DET", "ADJ"}
            or (tok.pos_ == "NOUN" and is_noun_of(tok, PLACE_NOUNS))
        ):
            return None
        i += 1
    return None


def _named_governorate(tail: Span, gazetteer: Gazetteer) -> tuple[Toponym, Precision] | None:
    text = tail.text
    if not text or not text[:1].isupper():
        return None
    t = resolve(text, [Mention(text, 0, len(text))], gazetteer)[0]
    return _as_container(t, False, False, None, gazetteer)


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
    if after is not None and (after.lower_ in {"and", "or"} or after.text == ","):
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
    return i > end and i in resolved


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


def _scene(span: Span, resolved: dict[int, tuple[Toponym, int]]) -> tuple[Toponym, Precision] | None:
    """ "In Hama province, jets struck the village of A": a province or area the sentence opens with."""
    for i in range(span.sent.start, span.start):
        t, _ = resolved.get(i, (None, 0))
        if t is None or t.precision not in {"admin1", "region"}:
            continue
        opener = span.doc[span.sent.start : i]
        if opener and opener[0].lower_ == "in" and all(w.pos_ in {"ADP", "DET", "ADJ"} for w in opener):
            return t, t.precision
    return None


def _placed(name: Toponym, container: Toponym, precision: Precision) -> Toponym:
    c = container.place
    assert c is not None and container.lat is not None and container.lon is not None
    written = re.sub(r"^(?:the|The)\s+", "", name.mention.text)
    slug = _SLUG.sub("-", fold(written)).strip("-")
    place = Place(
        id=f"unlocated:{c.id}:{slug}",
        name=written,
        lat=container.lat,
        lon=container.lon,
        country_code=c.country_code,
        admin1=c.admin1,
        admin1_name=c.admin1_name or (c.name if c.kind == "admin1" else ""),
        polygon=c.polygon if precision == "admin1" else None,
    )
    confidence = round(container.confidence * _CONFIDENCE_SHARE, 4)
    return Toponym(name.mention, place, precision, container.lat, container.lon, confidence)
