"""The given-spans path (`geo resolve`, the public benchmarks): every span is known to be a place,
so a span the gazetteer cannot place as written is read by a place named inside it (a body, a
landmark) or put at the story's own locality (a street, a building, a venue)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from geo import lexicon
from geo.geodesy import haversine_km
from geo.names import fold
from geo.resolve_article import facility_words, resolve_article
from geo.resolve_cues import DIRECTIONS
from geo.resolve_lookup import Lookup
from geo.resolve_rank import POINT_KINDS, Group, contains
from geo.resolve_weights import weights
from geo.types import Candidate, Mention, Place, Toponym

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

INNER_NAME = "named inside"  # the qualifier of a span placed by a place name inside it
NEAREST_LOCALITY = "nearest locality"  # the qualifier of a span placed at a locality near it

_WHOLE_COUNTRY = "*"
_CAP_WORD = re.compile(r"\b[A-Z][\w'’.-]*")
_DIRECTIONAL_NAME = re.compile(
    r"(?:(?:north|south)[- ]?(?:east|west)?|east|west|central|centre|center|middle|upper|lower)(?:ern)?"
    r"(?: (?:side|coast|end|region|province|district|area|division|state|zone))?"
)
# a town's part named by its direction: "the North Side", "the South Shore", "the West End"
_DIRECTIONAL_QUARTER = re.compile(r"(?:north|south|east|west|upper|lower)[- ]?(?:side|end|shore)")
_TOWN_AFTER = re.compile(r"(\s*,\s*|\s+(?:in|at)\s+)((?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*){0,2})")
_MINOR_UNITS = frozenset({"township", "village", "hamlet", "borough"})
_GROUND_WORDS = lexicon.words("the_ground_words")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_COMMA = re.compile(r"\s*,\s*")
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|&|or\b)\s*[A-Z]")
_LOCATED_IN = re.compile(r"\s*,\s*|\s+(?:in|at|near|outside|of)\s+(?:(?:the|downtown|central)\s+)?")


def resolve_spans(text: str, spans: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[Toponym]:
    """Resolve given spans (start, end) of `text`; one Toponym per span, in the spans' order.

    The spans are known to be places, so one the gazetteer cannot place as written gets two more
    readings. A place named inside it stands for a body or landmark ("Bank of Japan", "Arizona
    State University"; qualifier "named inside"). A street, a building or a neighbourhood is put at
    the locality the article names nearest to it, preferring towns inside the countries and states
    the article names, with a low confidence and the qualifier "nearest locality"; an article that
    names no town lends its surest area. A spelling variant or fuzzy match alone does not place a
    span: in English news it is nearly always another place. The claims pipeline does none of this:
    its own mentions may not be places, and it lists unresolved names instead.
    """
    mentions = [Mention(text[s:e], s, e, "GOLD") for s, e in spans]
    lookup = Lookup(gazetteer)
    resolved = resolve_article(text, mentions, lookup)
    # A span the gazetteer cannot place as written may carry a place's name inside it: "Bank of
    # Japan", "Arizona State University", "the Mexican Senate". Read those again by that name,
    # with the rest of the article as context.
    inner = {
        i: sub
        for i, (t, g) in enumerate(resolved)
        if (t.place is None or not _spelt(g)) and (sub := _inner_name(mentions[i], lookup)) is not None
    }
    if inner:
        again = resolve_article(text, [inner.get(i, m) for i, m in enumerate(mentions)], lookup)
        for i in inner:
            t, g = again[i]
            if t.place is not None and _spelt(g):
                resolved[i] = (replace(t, mention=mentions[i], qualifier=INNER_NAME), g)
    spelt = [i for i, (t, g) in enumerate(resolved) if t.place is not None and _spelt(g)]
    # The countries, states and provinces the article names outright: a street is in one of their towns.
    # (Readings that hold only inside a named country do not count as naming it.)
    named = {
        _area(p)
        for i in spelt
        if (p := resolved[i][0].place) is not None
        and p.kind in ("admin1", "country")
        and not _needs_its_country(resolved[i][1])
    }
    # so do the containers it writes out ("Tacoma, Washington")
    named |= {_area(c) for i in spelt for c in resolved[i][1].container_places}
    sure = {
        i
        for i in spelt
        if not _local_feature(*resolved[i])
        and (not _needs_its_country(resolved[i][1]) or _in_named(resolved[i][0], named))
        and not _stray_hamlet(*resolved[i], [resolved[j][0] for j in spelt], named)
        and not _foreign_town(*resolved[i], [resolved[j][0] for j in spelt])
        and not _minor_unit_elsewhere(resolved[i][0], named)
        and not _loose_and_far(*resolved[i], [resolved[j][0] for j in spelt])
        and not _the_ground(text, resolved[i][0])
    }
    placed = [resolved[i][0] for i in sorted(sure) if resolved[i][0].qualifier != INNER_NAME]
    # spans the story's locality will hold: "a restaurant in Washington Township" follows that township
    unsure = {t.mention.start for i, (t, _) in enumerate(resolved) if i not in sure}
    # towns first; an article that names only countries or regions lends the span one of those
    localities = [t for t in placed if t.place is not None and t.place.kind in POINT_KINDS] or placed
    return [
        _written_town(text, t, lookup, placed, named, unsure)
        or _outside_written_area(text, t, placed)
        or (t if i in sure else _near_locality(text, t, localities, placed, named))
        for i, (t, _) in enumerate(resolved)
    ]


def _written_town(
    text: str,
    t: Toponym,
    lookup: Lookup,
    placed: list[Toponym],
    named: set[tuple[str, str]],
    unsure: set[int],
) -> Toponym | None:
    """The town the text puts a body or a building in, written right after it.

    "Washington University in St. Louis", "the University of California, Los Angeles", "California
    State University at San Marcos", "Seasons restaurant in Springfield": the campus or the branch is
    where the text says, not at the place the body is named for nor at the story's other towns. A
    town after a bare comma counts only inside the state or country the body is named for (else it
    is a list, "St. Clair Twp., Madison Twp.", or a person, "Brands Hatch, Collard said"); so does one
    after "in"/"at" ("a study by Arizona State University in Washington" is Arizona's), except for a
    body named for a town or a building, which go to a town the story's areas hold or a sizeable one.
    """
    if t.place is not None and t.qualifier != INNER_NAME:
        return None
    after = _TOWN_AFTER.match(text, t.mention.end)
    if after is None:
        return None
    body = t.place is not None  # a body named for a place; else a building or a venue
    area = t.place if t.place is not None and t.place.kind in ("admin1", "country") else None
    for x in placed:  # a span the article resolved in context; a venue so written is _near_locality's
        if x.mention.start == after.start(2) and x.place is not None:
            if not body or x.place.kind != "populated_place":
                return None
            return _in_town(t, x.place) if area is None or contains(area, x.place) else None
    if after.start(2) in unsure:
        return None
    comma = after.group(1).strip() == ","
    words = after.group(2).split()
    for n in range(len(words), 0, -1):
        towns = [
            c.place
            for c in lookup.candidates(" ".join(words[:n]))
            if c.match == "exact" and c.score >= 1.0 and c.place.kind == "populated_place"
        ]
        inside = [p for p in towns if area is not None and contains(area, p)]
        if area is None and not comma:
            named_or_big = [
                p
                for p in towns
                if p.population >= weights().written_town_population
                or _in_named(Toponym(t.mention, p, "point", p.lat, p.lon, 0.0), named)
            ]
            inside = named_or_big
        if inside:
            return _in_town(t, max(inside, key=lambda p: p.population))
    return None


def _outside_written_area(text: str, t: Toponym, placed: list[Toponym]) -> Toponym | None:
    """ "Croft, Yorkshire", "Thackerville, Okla.": a village written with its area, read as a
    namesake outside that area, is a place the gazetteer lacks; the area holds it (not a list: the
    area ends the phrase)."""
    p = t.place
    if p is None or p.kind != "populated_place" or p.population >= weights().hamlet:
        return None
    end = t.mention.end
    for x in placed:
        a = x.place
        if (
            a is not None
            and a.kind in ("admin1", "region")
            and _COMMA.fullmatch(text[end : x.mention.start])
            and not _LIST_GOES_ON.match(text, x.mention.end)
            and not (
                contains(a, p)
                or (
                    a.kind == "region"
                    and haversine_km(a.lat, a.lon, p.lat, p.lon) < weights().region_holds_km
                )
            )
        ):
            return _at_locality(t, x)
    return None


def _in_town(t: Toponym, p: Place) -> Toponym:
    if t.place is None:
        conf = weights().locality_confidence
        return Toponym(t.mention, p, "point", p.lat, p.lon, conf, NEAREST_LOCALITY)
    return Toponym(t.mention, p, "point", p.lat, p.lon, t.confidence, INNER_NAME)


def _direction_names() -> frozenset[str]:
    """The cardinal points and their adjectives ("North", "Western"): not a place a body is named for.

    ("Northeastern" may be: a university named for a region.)"""
    return frozenset(d + e for d, (n, s) in DIRECTIONS.items() if abs(n) + abs(s) < 2 for e in ("", "ern"))


def _inner_name(m: Mention, lookup: Lookup) -> Mention | None:
    """The longest run of capitalised words inside the span that is a place name, else a demonym.

    A place beats a demonym: "the British Embassy Tokyo" is in Tokyo, "the American University of
    Beirut" in Beirut; the demonym stands for its country only when the span names no place.
    """
    words = [(w.start(), w.end()) for w in _CAP_WORD.finditer(m.text)][: weights().max_inner_words]
    low = m.text.lower().replace(".", " ").split()
    heads = [w for i, w in enumerate(low) if i in (0, len(low) - 1) or low[i + 1 : i + 2] == ["of"]]
    # a street, a school, a stadium, a river: where it is, not what it is named after
    local = lexicon.words("site_words") | lexicon.words("local_feature_words")
    if any(w in local for w in heads):
        return None
    runs = [
        (words[i][0], words[i + n - 1][1])
        for n in range(len(words) - 1, 0, -1)
        for i in range(len(words) - n + 1)
    ]
    skip = facility_words() | _direction_names()
    demonym: Mention | None = None
    for a, b in runs:
        sub = m.text[a:b]
        if "  " in sub or "\n" in sub:
            continue  # words split by more than a single space are not one name
        if sub.lower() in skip:
            continue
        common = lookup.gaz.is_common_word(sub)  # "Bend", "Plantation": towns, and words too
        if any(_is_landmark(c, common) for c in lookup.candidates(sub)):
            return Mention(sub, m.start + a, m.start + b, m.label)
        if demonym is None and lookup.demonym(sub)[1]:
            demonym = Mention(sub, m.start + a, m.start + b, m.label)
    return demonym


def _is_landmark(c: Candidate, common_word: bool) -> bool:
    """A place well enough known to be what a body or building named after it stands for."""
    if c.match != "exact" or c.score < 1.0:
        return False
    return c.place.kind in ("country", "admin1", "region") or (
        c.place.population >= weights().inner_min_population and not common_word
    )


def _spelt(g: Group) -> bool:
    """Whether the group's place is spelt as written, not only a spelling variant or a fuzzy match."""
    return g.best >= 0 and g.cands[g.best].match == "exact"


def _needs_its_country(g: Group) -> bool:
    """A reading that holds only inside a country the article names.

    A town or unit whose name only shares its folded key with the span ("Anfield": Enfield,
    "Misrata": Misratah, "Jackson": a Jackson County), and a province named by a bare direction
    ("West": Cameroon's, "Western": Sri Lanka's, "North Side": Anguilla's), and a town named for a
    quarter ("North Shore", "South Side": a Pittsburgh or Chicago story's own), are more likely
    another place when their country (or state) is absent.
    """
    c = g.cands[g.best]
    p = c.place
    key_only = c.score < 1.0 and p.kind in ("populated_place", "admin1", "admin2") and not g.demonym
    directional = p.kind in ("admin1", "region") and bool(_DIRECTIONAL_NAME.fullmatch(fold(p.name)))
    quarter = p.kind == "populated_place" and bool(_DIRECTIONAL_QUARTER.fullmatch(fold(g.query)))
    return key_only or directional or quarter


def _area(p: Place) -> tuple[str, str]:
    """The state or country an admin1 or a country names, as `named` holds it."""
    return p.country_code, p.admin1 if p.kind == "admin1" else _WHOLE_COUNTRY


def _in_named(t: Toponym, named: set[tuple[str, str]]) -> bool:
    """Whether the toponym's place lies in a state, province or country the article names."""
    p = t.place
    return p is not None and (
        (p.country_code, p.admin1) in named or (p.country_code, _WHOLE_COUNTRY) in named
    )


def _in_named_state(t: Toponym, named: set[tuple[str, str]]) -> bool:
    """Like `_in_named`, but where the story names states of the place's country, only those count:
    "America" in a South Carolina story does not make a Florida village the story's."""
    p = t.place
    if p is None:
        return False
    states = {a for cc, a in named if cc == p.country_code and a != _WHOLE_COUNTRY}
    return p.admin1 in states if states else _in_named(t, named)


def _local_feature(t: Toponym, g: Group) -> bool:
    """A town's name that the text uses for a street ("Bourbon Street"), read as that town: a given
    span so written is in the story's town instead."""
    return g.kind_cue == "local" and t.place is not None and t.place.kind == "populated_place"


def _stray_hamlet(t: Toponym, g: Group, others: list[Toponym], named: set[tuple[str, str]]) -> bool:
    """A hamlet named once, far from every other place of the article and outside its countries,
    states and provinces, and not written with its container or kind ("the town of Groton").

    A given span read so ("August" in a restaurant story, "Booker" a winery, "Congress") is far
    likelier a venue or a body of the story's own towns than a village nobody else in it is near
    (a region's width away: a village a hundred km from the story's city is a day trip, not a venue);
    a hamlet the story keeps naming ("Samos") is what the story is about, unless it lies outside
    every state and country the story names.
    """
    p = t.place
    if (
        p is None
        or p.kind != "populated_place"
        or p.population >= weights().hamlet
        or (g.n > 1 and not named)
        or g.container_places
        or g.kind_cue == "city"
        or _in_named_state(t, named)
    ):
        return False
    km = [
        haversine_km(p.lat, p.lon, o.lat, o.lon)
        for o in others
        if o.place is not None and o.place.id != p.id and o.lat is not None and o.lon is not None
    ]
    return bool(km) and min(km) >= weights().stray_hamlet_km


def _foreign_town(t: Toponym, g: Group, others: list[Toponym]) -> bool:
    """A town in a country nothing else of the story is in, while the story keeps to one other country.

    A suburb or township the gazetteer lacks ("Delft" in a Cape Town story) matches a town of the
    same name abroad; the story's own locality is the likelier place.
    """
    p = t.place
    w = weights()
    if (
        p is None
        or p.kind != "populated_place"
        or p.population >= w.foreign_town
        or g.container_places
        or g.kind_cue not in ("", "city")
    ):
        return False
    codes = [
        o.place.country_code
        for o in others
        if o.place is not None and o.place.id != p.id and o.place.country_code
    ]
    if not codes or p.country_code in codes:
        return False
    top = max(set(codes), key=codes.count)
    return codes.count(top) >= w.foreign_town_story and codes.count(top) == len(codes)


def _loose_and_far(t: Toponym, g: Group, others: list[Toponym]) -> bool:
    """A town that only shares its folded key with the span ("Anfield": Enfield), far from every
    other town of the story: a venue of the story's own town, not that town."""
    c = g.cands[g.best] if g.best >= 0 else None
    p = t.place
    if c is None or p is None or c.score >= 1.0 or p.kind != "populated_place":
        return False
    km = [
        haversine_km(p.lat, p.lon, o.lat, o.lon)
        for o in others
        if o.place is not None
        and o.place.kind in POINT_KINDS
        and o.place.id != p.id
        and o.lat is not None
        and o.lon is not None
    ]
    return bool(km) and min(km) >= weights().near_km


def _the_ground(text: str, t: Toponym) -> bool:
    """ "atop the Mesa", "here in the Valley", "from the Republic": a common word written after "the"
    names the story's own ground, not a town so called (Mesa, Arizona; Republic, Missouri)."""
    return (
        t.place is not None
        and t.place.kind == "populated_place"
        and t.mention.text.lower() in _GROUND_WORDS
        and bool(_THE_BEFORE.search(text, 0, t.mention.start))
    )


def _minor_unit_elsewhere(t: Toponym, named: set[tuple[str, str]]) -> bool:
    """ "Washington Township", "the village of Dover": a unit that small is the story's own; read as
    a namesake outside every state the story names (the capital, for "Washington Township" in a
    New Jersey story), it is a township the gazetteer lacks, in the story's locality."""
    return (
        t.qualifier in _MINOR_UNITS
        and t.place is not None
        and any(a != _WHOLE_COUNTRY for _, a in named)
        and not _in_named(t, named)
    )


def _near_locality(
    text: str, t: Toponym, localities: list[Toponym], placed: list[Toponym], named: set[tuple[str, str]]
) -> Toponym:
    if not localities:
        return t
    w = weights()
    # "the Palais des Nations in Geneva", "Collins Avenue, Miami Beach", "Oulton Park, Cheshire": the
    # text says which; an area so written holds the span, in one of the story's towns inside it if any
    after = [x for x in placed if _LOCATED_IN.fullmatch(text[t.mention.end : x.mention.start])]
    if after:
        area = min(after, key=lambda x: x.mention.start)
        if area.place is None or area.place.kind in POINT_KINDS:
            return _at_locality(t, area)
        localities = [x for x in localities if x.place is not None and contains(area.place, x.place)]
        if not localities:
            return _at_locality(t, area)
    # the locality the article names most surely and most often, discounted by its distance in the
    # text from the span (a street is usually in the town named around it), and more so when it
    # lies outside every state or province the article names
    here = t.mention.start
    weight: dict[str, float] = {}
    for x in localities:
        if x.place is not None:
            inside = not named or _in_named_state(x, named)
            weight[x.place.id] = weight.get(x.place.id, 0.0) + x.confidence * (
                1.0 if inside else w.outside_named
            )
    best = max(
        localities,
        key=lambda x: (
            (weight[x.place.id] if x.place else 0.0) / (1.0 + abs(x.mention.start - here) / w.locality_chars),
            -x.mention.start,
        ),
    )
    return _at_locality(t, best)


def _at_locality(t: Toponym, x: Toponym) -> Toponym:
    conf = weights().locality_confidence * x.confidence
    return Toponym(t.mention, x.place, x.precision, x.lat, x.lon, conf, NEAREST_LOCALITY)
