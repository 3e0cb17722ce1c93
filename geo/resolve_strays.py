"""Stray readings: a name the ranker could only place at a small foreign namesake, far from the
story's other places and outside the countries it is about, is left unresolved.

Why: a village of a campaign that the gazetteer lacks ("al-Bo Omar", a transliterated hamlet) still
matches something somewhere, a spelling variant in France or a hamlet of the same letters in New
York, and a strike marker there is worse than none. The ranker's context features weigh such a
reading down but cannot refuse it; this step can, and gives the name its best reading that the
story backs instead, if it has one (an alternate name of a town in the story's country).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from geo.geodesy import haversine_km
from geo.resolve_lookup import is_primary
from geo.resolve_rank import POINT_KINDS, Group, name_of
from geo.resolve_weights import weights
from geo.types import Place


@dataclass(frozen=True, slots=True)
class _Story:
    """The other names' readings a candidate is weighed against."""

    points: tuple[Place, ...]  # towns, features, counties
    admin1s: frozenset[tuple[str, str]]  # the states and provinces named
    shares: dict[str, float]  # per country: its share of the mentions placed


def settle_strays(groups: Sequence[Group]) -> None:
    """Give each group whose reading is a stray its best backed reading instead, or none.

    The strays are found against the ranker's readings, then weighed again against the others
    alone, so that two strays do not vouch for each other's country."""
    placed = [g for g in groups if g.best >= 0]
    first = {id(g) for g in placed if is_stray(g, g.best, _story(g, placed))}
    if not first:
        return
    kept = [g for g in placed if id(g) not in first]
    settled: list[tuple[Group, int]] = []
    for g in placed:
        if id(g) not in first:
            continue
        story = _story(g, kept)
        if not is_stray(g, g.best, story):
            continue
        # only a reading spelt as written: a looser spelling that the story backs is still a guess
        backed = [
            i
            for i, c in enumerate(g.cands[: weights().max_scored])
            if c.match == "exact"
            and c.score >= 1.0
            and c.place.kind != "country"
            and c.place.country_code
            and _backed(c.place, story)
        ]
        settled.append((g, max(backed, key=lambda i: (g.scores[i], -i)) if backed else -1))
    for g, best in settled:
        g.best = best
        if best < 0:
            g.confidence = 0.0


def is_stray(g: Group, i: int, story: _Story) -> bool:
    """A reading of a small place outside the story's countries and far from all its places; how
    small depends on how the name matched: a hamlet under its own name, a town under one of its
    other names, a city under a spelling variant. A name written with its container ("Paris,
    Texas") is never one: the text says where it is; nor is a sea or a macro-region, which no
    country holds."""
    c = g.cands[i]
    p = c.place
    w = weights()
    if not p.country_code or g.container_places or not story.shares:
        return False
    if c.match != "exact" and not (g.kind_cue == "admin" and p.kind == "admin1"):
        # "Khirbet" read as Kiribati, "Al-Khrayta" as Jakarta: a looser spelling's reading abroad is
        # a guess however large the place, unless the story backs it or the text says what kind of
        # place it is ("the Syrian province of Deir Ezzor")
        return not _backed(p, story)
    if p.kind in {"country", "admin1"}:
        return False  # (a province is no small place, though the gazetteer gives it no population)
    if is_primary(c, g.query):
        # (a feature under its own name, an air base or a landmark, has no population to weigh)
        limit = w.hamlet if p.kind == "populated_place" else 0
    elif c.match == "exact" and c.score >= 1.0:
        limit = w.stray_alternate_population
    else:
        limit = w.stray_loose_population
    return p.population < limit and not _backed(p, story)


def _backed(p: Place, story: _Story) -> bool:
    """Whether the story backs a reading: near one of its places, in a province it names, or in a
    country that holds a fair share of its places (not one it mentions in passing: a speaker "in
    New York" does not make a New York hamlet the Syrian village of the same spelling)."""
    w = weights()
    return (
        any(haversine_km(p.lat, p.lon, o.lat, o.lon) < w.stray_km for o in story.points)
        or (p.country_code, p.admin1) in story.admin1s
        or story.shares.get(p.country_code, 0.0) >= w.stray_country_share
    )


def _story(g: Group, placed: Sequence[Group]) -> _Story:
    """What the other names say, from the readings spelt as written only: a name the ranker could
    place only by a looser spelling vouches for no country (a list of villages the gazetteer lacks
    would otherwise make a story about Syria one about France, Egypt and Brazil)."""
    name = name_of(g)
    mentions: dict[str, int] = {}
    points: list[Place] = []
    admin1s: set[tuple[str, str]] = set()
    for o in placed:
        c = o.cands[o.best]
        if name_of(o) == name or c.match != "exact" or c.score < 1.0:
            continue
        p = c.place
        # a name the story repeats is more what it is about
        mentions[p.country_code] = mentions.get(p.country_code, 0) + o.n
        if p.kind in POINT_KINDS:
            points.append(p)
        elif p.kind == "admin1":
            admin1s.add((p.country_code, p.admin1))
    n = sum(mentions.values())
    return _Story(tuple(points), frozenset(admin1s), {cc: k / n for cc, k in mentions.items()})
