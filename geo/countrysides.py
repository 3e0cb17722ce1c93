"""Countrysides: a town's name standing for the governorate around it ("the Hama countryside").

Syrian reporting names a governorate by its seat's name and a countryside word: "the Hama
countryside", "the countryside of Idlib", "rural Aleppo", "the Hama and Idlib countrysides". With no
compass point that means the governorate outside the city (the project's gold convention and the
reporting it follows agree), not the city's point; "the northern Hama countryside" is a part of it,
which the resolver already draws as an area. The resolver reads the bare name as the city, so this
module moves such a name to its governorate: the governorate the gazetteer gives the countryside by
name ("Damascus Countryside" is Rif Dimashq), else the seat's namesake governorate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from geo.lexicon import words
from geo.types import Mention

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer
    from geo.types import Place, Toponym

# a compass point makes it a part of the governorate ("the northern Hama countryside")
_COMPASS = words("directions") | {w + "ern" for w in words("directions")} | {"northeastern", "southwestern"}


def countryside_governorates(text: str, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """`toponyms` of `text` (an article's body or its title), with each town named for its
    countryside moved to its governorate."""
    out = []
    for t in toponyms:
        if (
            t.precision == "point"
            and t.place is not None
            and _countryside(text, t.mention.start, t.mention.end)
        ):
            gov = _governorate(t.mention.text, t.place, gazetteer)
            if gov is not None:
                t = _at(t, t.mention, gov)
        out.append(t)
        own = _OWN_COUNTRYSIDE.match(text, t.mention.end)
        if own and t.precision == "point" and t.place is not None:
            # "Aleppo and its countryside": the city, and the governorate around it as a place of its own
            gov = _governorate(t.mention.text, t.place, gazetteer)
            if gov is not None:
                out.append(_at(t, Mention(own.group("area"), own.start("area"), own.end("area"), LABEL), gov))
    return out


LABEL = "AREA"  # the mention label of "its countryside" after a town's name
_OWN_COUNTRYSIDE = re.compile(r"\s+and\s+(?P<area>its\s+(?:countryside|province|suburbs|environs))\b")


def _at(t: Toponym, mention: Mention, gov: Place) -> Toponym:
    return replace(
        t, mention=mention, place=gov, precision="admin1", lat=gov.lat, lon=gov.lon, qualifier="countryside"
    )


_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s*(?:,|\band\b)\s*[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)*\s+(?i:countrysides?)\b"
)
# "the countryside of Raqqa and Homs": every listed name is a countryside
_BEFORE = re.compile(
    r"(?i:\bcountrysides?\s+of\s+(?:the\s+)?|\brural\s+)"
    r"(?:[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$"
)


def _countryside(text: str, start: int, end: int) -> bool:
    """ "the Hama countryside", "Hama's countryside", "the countryside of Hama", "rural Hama", "the
    Hama and Idlib countrysides"; not with a compass point just before ("the northern Hama
    countryside", "the northern countryside of Hama", "rural north Hama")."""
    before = text[max(0, start - 60) : start]
    named = _BEFORE.search(before) or _AFTER.match(text[end : end + 60])
    if not named:
        return False
    cut = _BEFORE.search(before)
    lead = before[: cut.start()] if cut else before
    last = re.findall(r"[\w-]+", lead.split("\n")[-1].lower())[-2:]
    return not any(w in _COMPASS for w in last)


def _governorate(name: str, town: Place, gazetteer: Gazetteer) -> Place | None:
    for c in gazetteer.candidates(f"{name} Countryside", country=town.country_code, limit=5):
        if c.match == "exact" and c.place.kind == "admin1":
            return c.place  # "Damascus Countryside": Rif Dimashq
    if not town.admin1:
        return None
    gov = gazetteer.admin1(town.country_code, town.admin1)
    if gov is None:
        return None
    namesake = any(
        c.place.id == gov.id for c in gazetteer.candidates(name, country=town.country_code, limit=10)
    )
    return gov if namesake else None
