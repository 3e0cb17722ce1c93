"""Containment: a province or area named as holding a struck town is a strike place of its own.

"Jisr al-Shughour in Idlib province", "Lataminah, Hama", "towns in the Hama countryside": the
outer place is struck through the town, so it is kept as a target marked `container` (a map can
still draw only the town); a country ("Homs, in western Syria") only sets the scene.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from geo.geodesy import haversine_km
from geo.lexicon import words
from geo.strike_places import NAME_DEPS, PLACE_NOUNS, is_noun_of, listed_for
from geo.types import ClaimPlace, Toponym

if TYPE_CHECKING:
    from spacy.tokens import Token

AREA_NOUNS = words("area_nouns")
AREA_RADIUS_KM = 60.0  # how far a town's "countryside" reaches


def mark_containers(places: list[ClaimPlace], roots: dict[int, Token]) -> list[ClaimPlace]:
    """A place named to locate another target is struck through it. A province or area ("Jisr
    al-Shughour in Idlib province", "Lataminah, Hama", "towns in the Hama countryside") is a strike
    place of its own, marked as derived by containment so that a map can still draw only the town;
    a country ("Homs, in western Syria") only sets the scene."""
    targets = [p for p in places if p.role == "target" and p.toponym.place is not None]
    out = []
    for p in places:
        # "the raids on the town of Kafranbel, in Idlib province, followed ...": a province locates a
        # struck town however the parse hangs it, whether or not it was read as a target itself
        holds = any(
            q is not p
            and _contains(p.toponym, q.toponym, _names_an_area(roots.get(id(p.toponym))))
            and _locates(roots.get(id(p.toponym)), roots.get(id(q.toponym)), p.toponym.precision == "country")
            for q in targets
        )
        if p in targets and holds:
            if p.toponym.precision == "country":
                p = ClaimPlace(p.toponym, "context", p.basis)
            else:
                p = ClaimPlace(p.toponym, "target", "container")
        elif (
            p.role == "context"
            and p.toponym.precision == "admin1"
            and (holds or _province_of(p, targets, roots))
        ):
            p = ClaimPlace(p.toponym, "target", "container")
        out.append(p)
    return out


def _province_of(p: ClaimPlace, targets: list[ClaimPlace], roots: dict[int, Token]) -> bool:
    """ "the Eastern Ghouta of Rif Dimashq": a province named as the one a struck place is of."""
    root = roots.get(id(p.toponym))
    if root is None or root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    return any(
        (r := roots.get(id(q.toponym))) is not None
        and r.i == root.head.head.i
        and _contains(p.toponym, q.toponym, area=True)
        for q in targets
    )


def _names_an_area(root: Token | None) -> bool:
    """ "the Hama countryside", "the outskirts of Homs": a town's name standing for its area."""
    if root is None:
        return False
    if root.dep_ in NAME_DEPS and is_noun_of(root.head, AREA_NOUNS):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "of" and is_noun_of(root.head.head, AREA_NOUNS)


def _contains(outer: Toponym, inner: Toponym, area: bool = False) -> bool:
    a, b = outer.place, inner.place
    if a is None or b is None or a.id == b.id or a.country_code != b.country_code:
        return False
    if outer.precision == "country":
        return inner.precision != "country"
    if ((area and outer.precision == "point") or outer.precision == "region") and inner.precision == "point":
        lat, lon = (
            (outer.lat, outer.lon) if outer.lat is not None and outer.lon is not None else (a.lat, a.lon)
        )
        return haversine_km(lat, lon, b.lat, b.lon) <= AREA_RADIUS_KM
    if outer.precision != "admin1" or inner.precision != "point":
        return False
    if a.admin1 and b.admin1:
        return a.admin1 == b.admin1
    return a.polygon is not None and _in_polygon(a.polygon, b.lat, b.lon)


def _in_polygon(polygon: Mapping[str, Any], lat: float, lon: float) -> bool:
    from shapely.geometry import Point, shape

    return bool(shape(polygon).contains(Point(lon, lat)))


def _locates(outer: Token | None, inner: Token | None, setting: bool) -> bool:
    """Whether the outer place's phrase hangs off the inner one's ("X in Y province"), or both sit in
    one clause where a country can only be the setting ("struck Homs, in western Syria")."""
    if outer is None or inner is None:
        return True
    inner = listed_for(inner)
    # "Syria's Idlib province", "Syria's provinces of Idlib and Hama": the possessor hangs on the
    # place noun the name stands in
    inner_ids = {inner.i}
    if inner.dep_ in NAME_DEPS and is_noun_of(inner.head, PLACE_NOUNS):
        inner_ids.add(inner.head.i)
    first = inner
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ == "of" and is_noun_of(first.head.head, PLACE_NOUNS):
        inner_ids.add(first.head.head.i)
    tok = outer
    for _ in range(6):
        if tok.i in inner_ids:
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if _attachment(outer) is not None and _attachment(outer) == _attachment(inner) and outer.i > inner.i:
        return True  # "hit a market in Kafr Nabouda, in the Hama countryside"
    return setting and outer.dep_ == "pobj" and outer.head.lower_ in {"in", "across", "throughout", "inside"}


def _attachment(tok: Token) -> int | None:
    """The word a place's prepositional phrase hangs on ("hit" in "hit ... in Homs")."""
    if tok.dep_ in NAME_DEPS and is_noun_of(tok.head, PLACE_NOUNS):
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    word = tok.head.head
    for _ in range(3):  # "hit the town of X": X hangs on "hit" through "the town of"
        if not is_noun_of(word, PLACE_NOUNS) or word.head.i == word.i:
            break
        word = word.head.head if word.dep_ == "pobj" else word.head
    return int(word.i)
