"""A part of a town written with the town's possessive ("Aleppo's historic Old City", "Homs's old
souk") is in that town, whatever namesake elsewhere the part's own name also has.

Why: "Old City", "Downtown", "Old Market" are names of many places' parts, and the gazetteer holds
a few of them as towns of their own (Philadelphia's Old City); the possessive says whose part it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from geo.geodesy import haversine_km
from geo.resolve_rank import POINT_KINDS
from geo.resolve_weights import weights
from geo.types import Mention, Toponym

PART_OF = "part of"  # the qualifier of a toponym placed at the town it is a part of

# "Aleppo's historic Old City": the owner's name, its possessive, at most two lower-case words
_OWNER = re.compile(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})['’]s?\s+(?:[a-z][\w-]*\s+){0,2}$")
_POSSESSIVE_END = re.compile(r"['’]s?$")


def owner_of(text: str, mentions: Sequence[Mention], i: int) -> int:
    """The index of a mention of the town whose possessive directly precedes mention `i`, else -1.

    The owner need not be a mention there ("Aleppo's" inside a longer phrase the recogniser left
    whole): the same name elsewhere in the article stands for it, the nearest one first."""
    m = mentions[i]
    got = _OWNER.search(text[max(0, m.start - weights().context_chars) : m.start])
    if got is None:
        return -1
    owner = got.group(1)
    same = [
        j
        for j, o in enumerate(mentions)
        if j != i and _POSSESSIVE_END.sub("", text[o.start : o.end]) == owner
    ]
    return min(same, key=lambda j: abs(mentions[j].start - m.start), default=-1)


def place_parts(text: str, mentions: Sequence[Mention], toponyms: list[Toponym]) -> list[Toponym]:
    """Each part read as a small place away from its owner town (or not read) is put at the town."""
    out = list(toponyms)
    for i in range(len(mentions)):
        j = owner_of(text, mentions, i)
        if j < 0:
            continue
        owner, part = toponyms[j], toponyms[i]
        town = owner.place
        if town is None or town.kind not in POINT_KINDS or owner.lat is None or owner.lon is None:
            continue
        here = part.place
        w = weights()
        # an area or a sizeable town is not a part ("Moscow's Syria policy", "Ankara's Aleppo policy")
        if here is not None and (
            here.kind not in POINT_KINDS
            or here.population >= w.small_town
            or haversine_km(here.lat, here.lon, town.lat, town.lon) < w.near_km
        ):
            continue
        out[i] = replace(owner, mention=part.mention, qualifier=PART_OF)
    return out
