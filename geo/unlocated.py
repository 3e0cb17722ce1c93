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
name that a claim makes a target the container its clause names, or the list's header, or else the
governorate a claim gave as struck a few sentences before. A name with none of these stays off the
map, as do people, groups and units. A name the
gazetteer knows only as a small namesake abroad, which the resolver therefore left unresolved, is
treated as unknown: the clause's container is still the best the text says of where it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from geo import containers
from geo.countrysides import countryside_governorates
from geo.lexicon import words
from geo.mentions import NOT_PLACES, ORG_WORDS, PLACE_HEADS, TITLES, member_before, name_word
from geo.names import ARTICLES, fold
from geo.resolve_article import PRECISION_OF, home_country
from geo.strike_places import PLACE_NOUNS, is_noun_of
from geo.types import Claim, ClaimPlace, Mention, Place, Precision, Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from geo.gazetteer import Gazetteer

LABEL = "LISTED"  # the mention label of a name found only because the text lists it as a place
GROUP_WORDS = words("group_name_words")
TITLE_PLACE_HEADS = words("title_place_heads")
# A located name keeps part of its container's confidence: its own point is unknown.
_CONFIDENCE_SHARE = 0.6
_SLUG = re.compile(r"[^a-z0-9]+")


def listed_names(
    doc: Doc, toponyms: Sequence[Toponym], gazetteer: Gazetteer, is_actor: Callable[[str], bool]
) -> list[Toponym]:
    """`toponyms` and, unresolved, the proper names the text lists as places that no mention holds,
    in text order. `is_actor` tells the registry's people, bodies and media. A town named for its
    countryside comes back as its governorate (geo.countrysides), as the list's container it is."""
    toponyms = countryside_governorates(doc.text, toponyms, gazetteer)
    covered: set[int] = set()
    for t in toponyms:
        span = doc.char_span(t.mention.start, t.mention.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    found: dict[int, Toponym] = {}
    home = home_country(toponyms)
    for tok in doc:
        if tok.i in covered or not _heads_a_name(tok):
            continue
        span = _name_span(tok)
        if any(i in covered for i in range(span.start, span.end)):
            continue
        # the word that ties the whole name into its list: "Tell" of "A and Tell B", when the tagger
        # reads it as a verb that the name is the object of
        tie = tok.head if span.start <= tok.head.i < tok.i else tok
        if tie.pos_ == "VERB":
            tie = member_before(tie)  # "A and Tell B" parsed as a second clause: B is A's
        named = _named_as_place(tie) or _arabic_name_in_place(span, tie)
        if not (named or _listed_with(tie, covered)):
            continue
        if not is_plain_name(span, gazetteer, is_actor, named=named):
            continue
        if gazetteer.is_name(span.text) and not named:
            continue  # a known name the mention finder judged no place here
        if (
            tok.ent_type_ == "PERSON"
            and not named
            and span[0].lower_ not in PLACE_HEADS
            and span[0].lower_ not in ARTICLES
        ):
            # "Homs, Hama and Joseph": a person's name beside places; "Um Zaytouna", "Al-Azamu" are places
            continue
        mention = Mention(span.text, span.start_char, span.end_char, LABEL)
        found[span.start_char] = _known_here(mention, home, gazetteer)
    if not found:
        return list(toponyms)
    return sorted([*toponyms, *found.values()], key=lambda t: t.mention.start)


def _known_here(mention: Mention, home: str, gazetteer: Gazetteer) -> Toponym:
    """A listed name the mention finder missed ("the cities of Kafr Nabl, Sarmeen and Ariha"), read
    as the gazetteer spells it in the country the article's places lie in; unresolved otherwise (a
    fuzzy match is no reading of a name the text alone gives as a place)."""
    if home:
        for c in gazetteer.candidates(mention.text, country=home, limit=3):
            if c.match != "fuzzy" and c.place.kind != "country":
                p = c.place
                return Toponym(mention, p, PRECISION_OF.get(p.kind, "point"), p.lat, p.lon, 0.5 * c.score)
    return Toponym(mention, None, "point", None, None, 0.0)


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
    headers = containers.headers(doc, resolved)
    # the governorates the text names, struck or not, in text order
    named = [
        t for i in sorted(resolved) if (t := resolved[i][0]).place is not None and t.place.kind == "admin1"
    ]
    out = []
    struck: list[Toponym] = []  # the governorates struck so far, in text order
    towns: list[Toponym] = []  # and the towns and cities
    for claim in claims:
        places = []
        governorates: list[Toponym] = []
        best = claim.confidence
        recent = (_recent(struck, claim.evidence_start), _recent(towns, claim.evidence_start))
        for cp in claim.places:
            found = None
            if cp.role == "target" and cp.basis == "explicit" and cp.toponym.precision != "country":
                found = _locate(cp.toponym, doc, resolved, headers, gazetteer, is_actor, recent, named)
            if found is not None:
                located, outer = found
                cp = ClaimPlace(located, "target", "unlocated")
                best = max(best, round(located.confidence, 3))
                governorates += outer
            elif cp.toponym.place is None and cp.toponym.mention.label == LABEL:
                continue  # a listed name was only added for the claims stage to judge
            places.append(cp)
        governorates += _under_header(claim, places, doc, headers)
        # the governorate that holds a struck village is struck through it, as for a known village
        # (geo.containment); once per claim, and not when the claim names it as a target already
        held = {p.toponym.place.id for p in places if p.role == "target" and p.toponym.place is not None}
        for gov in governorates:
            if gov.place is not None and gov.place.id not in held:
                held.add(gov.place.id)
                places.append(ClaimPlace(gov, "target", "container"))
        if places:  # as the claims stage, no claim without a place
            out.append(replace(claim, places=tuple(places), confidence=best))
        for p in places:
            if p.role == "target" and p.toponym.place is not None:
                if p.toponym.place.kind == "admin1":
                    struck.append(p.toponym)
                elif p.toponym.place.kind == "populated_place" and p.basis == "explicit":
                    towns.append(p.toponym)
    return out


# how far back a governorate struck before goes on holding the villages a list names
_RECENT_CHARS = 600


def _recent(struck: Sequence[Toponym], start: int) -> Toponym | None:
    """ "Activists said jets pounded a village south of Aleppo. ... According to a local site, the air
    strikes targeted the villages of A, B and C": a list with no container of its own is where the
    report has just been, whoever's account it was; and "a strike on the A neighbourhood", a quarter
    of the city just struck."""
    near = [t for t in struck if 0 <= start - t.mention.start <= _RECENT_CHARS]
    return near[-1] if near else None


def _under_header(
    claim: Claim, places: list[ClaimPlace], doc: Doc, headers: list[tuple[int, Toponym]]
) -> list[Toponym]:
    """ "Rif Dimashq Province:" over a monitor's report of strikes on Douma: the governorate the
    section is headed by holds the places it reports struck, as a governorate named beside them
    would (the last header before the claim; only for places that lie in it)."""
    above = [t for i, t in headers if doc[i].idx < claim.evidence_start]
    gov = above[-1].place if above else None
    if gov is None:
        return []
    inside = any(
        p.role == "target"
        and p.basis in {"explicit", "unlocated"}
        and (q := p.toponym.place) is not None
        and q.id != gov.id
        and q.country_code == gov.country_code
        and bool(q.admin1)
        and q.admin1 == gov.admin1
        for p in places
    )
    return _governorate(above[-1]) if inside else []


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
        if not (hyphen or article or word or (prev.pos_ != "PROPN" and name_word(prev))):
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
    if head.dep_ == "pobj" and _example_of_places(head.head):
        return True  # "Turkmen villages such as A, B and C", "towns including A and B"
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
        and (t.lower_ not in containers.AREA_NOUNS or is_noun_of(t, containers.QUARTER_NOUNS))
        for t in (own, after)
    )


def _arabic_name_in_place(span: Span, tie: Token) -> bool:
    """ "destroyed depots in al-Maghar Mount", "vehicles in Rasm al-Abboud near the airport": a
    name with an Arabic article inside, after a locative preposition, is a place name."""
    article = any(t.lower_ in ARTICLES and t.i + 1 < span.end and span.doc[t.i + 1].text == "-" for t in span)
    return article and tie.dep_ == "pobj" and tie.head.lower_ in _LOCATIVE


_LOCATIVE = frozenset({"in", "near", "at", "outside", "around"})


def _example_of_places(prep: Token) -> bool:
    """ "villages such as", "towns including": a preposition that lists examples of a place noun."""
    such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
    return (such_as or prep.lower_ == "including") and is_noun_of(prep.head, PLACE_NOUNS)


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


def _locate(
    name: Toponym,
    doc: Doc,
    resolved: dict[int, tuple[Toponym, int]],
    headers: list[tuple[int, Toponym]],
    gazetteer: Gazetteer,
    is_actor: Callable[[str], bool],
    recent: tuple[Toponym | None, Toponym | None] = (None, None),
    named: Sequence[Toponym] = (),
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
        found = containers.named_governorate(span.doc[head.i + 1 : span.end], gazetteer)
        span = span.doc[span.start : head.i]
        name = replace(name, mention=Mention(span.text, span.start_char, span.end_char, name.mention.label))
        if found is None or not span:
            return None
    if not is_plain_name(span, gazetteer, is_actor, named=_named_as_place(span[-1])):
        return None
    quarter_of = None if found else containers.quarter_of(span, resolved)
    if quarter_of is not None:
        found = (quarter_of, "region")
    found = (
        found
        or containers.container_after(span, resolved, gazetteer)
        or containers.possessor(span, resolved, gazetteer)
        or containers.scene(span, resolved)
        or containers.area(span, resolved)
    )
    if found is None:
        header = [t for i, t in headers if i < span.start]
        found = (header[-1], "admin1") if header else containers.elsewhere(span, resolved, gazetteer)
    governorate, town = recent  # struck a few sentences before
    if (
        found is None
        and town is not None
        and name.place is None
        and containers.names_a_quarter(span, resolved)
    ):
        quarter_of, found = town, (town, "region")
    if found is None and governorate is not None and name.place is None:
        found = (governorate, "admin1")
    if (
        found is None
        and town is not None
        and town.place is not None
        and town.place.admin1
        and name.place is None
    ):
        # "raids on the city of Anadan ... a similar raid on the village of al-Tamoura": a village
        # told of right after a struck town is in that town's governorate
        gov = gazetteer.admin1(town.place.country_code, town.place.admin1)
        if gov is not None:
            found = (
                replace(town, place=gov, precision="admin1", lat=gov.lat, lon=gov.lon, qualifier=""),
                "admin1",
            )
    # "Russian aircraft entered the fighting in the southern Aleppo countryside ... The bombing hit
    # the villages of (A, B, C)": a list no claim has placed is in the governorate just spoken of
    if found is None and name.place is None and (area := _recent(named, span.start_char)) is not None:
        found = (area, "region" if area.precision == "region" else "admin1")
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
