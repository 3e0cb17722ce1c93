"""Resolve place mentions to gazetteer entries, choosing among namesakes from the article's context."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from geo.names import fold
from geo.types import Candidate, Mention, Place, Precision, Toponym

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

__all__ = ["resolve", "resolve_spans"]

# AP-style and postal abbreviations of US states, as they follow a town name ("Alexandria, Va.").
# Postal codes are only read in that "Town, XX" position, never on their own ("IN", "OK", "ME").
_AP_STATES: dict[str, str] = {
    "ala": "Alabama",
    "ariz": "Arizona",
    "ark": "Arkansas",
    "calif": "California",
    "cal": "California",
    "colo": "Colorado",
    "conn": "Connecticut",
    "del": "Delaware",
    "fla": "Florida",
    "ga": "Georgia",
    "ill": "Illinois",
    "ind": "Indiana",
    "kan": "Kansas",
    "kans": "Kansas",
    "ky": "Kentucky",
    "la": "Louisiana",
    "md": "Maryland",
    "mass": "Massachusetts",
    "mich": "Michigan",
    "minn": "Minnesota",
    "miss": "Mississippi",
    "mo": "Missouri",
    "mont": "Montana",
    "neb": "Nebraska",
    "nebr": "Nebraska",
    "nev": "Nevada",
    "n.h": "New Hampshire",
    "n.j": "New Jersey",
    "n.m": "New Mexico",
    "n.mex": "New Mexico",
    "n.y": "New York",
    "n.c": "North Carolina",
    "n.d": "North Dakota",
    "okla": "Oklahoma",
    "ore": "Oregon",
    "oreg": "Oregon",
    "pa": "Pennsylvania",
    "penn": "Pennsylvania",
    "r.i": "Rhode Island",
    "s.c": "South Carolina",
    "s.d": "South Dakota",
    "tenn": "Tennessee",
    "tex": "Texas",
    "vt": "Vermont",
    "va": "Virginia",
    "wash": "Washington",
    "w.va": "West Virginia",
    "w.v": "West Virginia",
    "wis": "Wisconsin",
    "wisc": "Wisconsin",
    "wyo": "Wyoming",
    "d.c": "District of Columbia",
}
_POSTAL_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "District of Columbia",
}  # fmt: skip

# Abbreviations of states, provinces and counties outside the US, as written alone ("in WA", "N.B.",
# "Herts"), keyed without dots and case-sensitive. Several may share one ("WA": Washington or
# Western Australia); the article's context chooses, as for any namesakes.
_ADMIN_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AB": ("Alberta",), "Alta": ("Alberta",), "BC": ("British Columbia",), "MB": ("Manitoba",),
    "Man": ("Manitoba",), "NB": ("New Brunswick",), "NL": ("Newfoundland and Labrador",),
    "Nfld": ("Newfoundland and Labrador",), "NS": ("Nova Scotia",), "ON": ("Ontario",), "Ont": ("Ontario",),
    "PE": ("Prince Edward Island",), "PEI": ("Prince Edward Island",), "QC": ("Quebec",), "Que": ("Quebec",),
    "SK": ("Saskatchewan",), "Sask": ("Saskatchewan",), "NSW": ("New South Wales",), "Qld": ("Queensland",),
    "QLD": ("Queensland",), "VIC": ("Victoria",), "TAS": ("Tasmania",),
    "WA": ("Washington", "Western Australia"), "SA": ("South Australia", "South Africa"),
    "NT": ("Northern Territory", "Northwest Territories"),
    "ACT": ("Australian Capital Territory",), "Herts": ("Hertfordshire",), "Hants": ("Hampshire",),
    "Bucks": ("Buckinghamshire",), "Lancs": ("Lancashire",), "Glos": ("Gloucestershire",),
    "Oxon": ("Oxfordshire",), "Cambs": ("Cambridgeshire",), "Notts": ("Nottinghamshire",),
    "Leics": ("Leicestershire",), "Wilts": ("Wiltshire",), "Worcs": ("Worcestershire",),
    "Staffs": ("Staffordshire",), "Lincs": ("Lincolnshire",), "Yorks": ("Yorkshire",),
}  # fmt: skip

# Abbreviations and short forms of countries that news uses and that also spell small places ("US", "Us").
_ALIASES: dict[str, str] = {
    "us": "United States", "u.s": "United States", "usa": "United States", "u.s.a": "United States",
    "america": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "u.k": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "uae": "United Arab Emirates", "u.a.e": "United Arab Emirates",
    "dprk": "North Korea", "rok": "South Korea", "prc": "China", "drc": "Democratic Republic of the Congo",
    "ussr": "Russia", "soviet union": "Russia", "holland": "Netherlands", "d.c": "District of Columbia",
    "eu": "Europe", "e.u": "Europe", "european union": "Europe", "l.a": "Los Angeles",
    "n.y.c": "New York City", "nyc": "New York City",
}  # fmt: skip

# Demonyms whose country cannot be reached by stripping a suffix.
_IRREGULAR_DEMONYMS: dict[str, str] = {
    "british": "United Kingdom", "briton": "United Kingdom", "english": "England", "french": "France",
    "frenchman": "France", "dutch": "Netherlands", "welsh": "Wales", "scottish": "Scotland",
    "scots": "Scotland", "irish": "Ireland", "swiss": "Switzerland", "greek": "Greece",
    "danish": "Denmark", "dane": "Denmark", "spanish": "Spain", "spaniard": "Spain", "swedish": "Sweden",
    "swede": "Sweden", "finnish": "Finland", "finn": "Finland", "polish": "Poland", "pole": "Poland",
    "turkish": "Turkey", "turk": "Turkey", "filipino": "Philippines", "thai": "Thailand",
    "kurdish": "Kurdistan", "kurd": "Kurdistan", "argentine": "Argentina", "norwegian": "Norway",
    "portuguese": "Portugal", "afghan": "Afghanistan", "uzbek": "Uzbekistan", "kazakh": "Kazakhstan",
    "tajik": "Tajikistan", "kyrgyz": "Kyrgyzstan", "turkmen": "Turkmenistan", "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates", "czech": "Czech Republic", "slovak": "Slovakia",
    "cypriot": "Cyprus", "icelandic": "Iceland", "peruvian": "Peru", "american": "United States",
    "yankee": "United States", "israeli": "Israel", "arab": "", "malagasy": "Madagascar",
    "burmese": "Myanmar", "lao": "Laos", "kiwi": "New Zealand", "aussie": "Australia",
    "sinhalese": "Sri Lanka", "basque": "Basque Country", "flemish": "Flanders", "catalan": "Catalonia",
    "bahamian": "Bahamas", "luxembourger": "Luxembourg", "monegasque": "Monaco", "maltese": "Malta",
    "korean": "South Korea", "salvadoran": "El Salvador", "philippine": "Philippines",
    "serb": "Serbia", "croat": "Croatia", "bosniak": "Bosnia", "yugoslav": "Yugoslavia",
}  # fmt: skip

# Suffix rewrites that turn a demonym back into its place name, most specific first.
_DEMONYM_RULES: tuple[tuple[str, str], ...] = (
    ("ian", ""), ("ian", "a"), ("ian", "e"), ("ian", "y"), ("ian", "ium"), ("ian", "ia"),
    ("ean", "e"), ("ean", "ea"), ("ese", ""), ("ese", "a"), ("ese", "on"), ("ese", "o"),
    ("an", "a"), ("an", "any"), ("an", "o"), ("an", "as"), ("an", "e"), ("an", ""), ("n", ""),
    ("i", ""), ("i", "ia"), ("ish", "ey"), ("ish", "and"), ("ic", "ia"), ("ite", ""),
)  # fmt: skip

_DEMONYM_KIND_RANK = {"country": 0, "region": 1, "admin1": 2}

_DIRECTION_WORDS: dict[str, tuple[int, int]] = {
    "north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1),
    "northeast": (1, 1), "northwest": (1, -1), "southeast": (-1, 1), "southwest": (-1, -1),
    "central": (0, 0),
}  # fmt: skip

_ADMIN_NOUNS = (
    r"province|governorate|state|region|county|parish|district|department|prefecture|oblast|"
    r"territory|canton|emirate|muhafazah|wilayah?"
)
_CITY_NOUNS = r"city|town|village|capital|suburb|hamlet|township|municipality|neighbou?rhood|settlement"
_DIR = r"(north|south|east|west)?[- ]?(north|south|east|west)(?:ern)?|central|centre of|center of"

# "the central province of Homs", "the Syrian city of Homs", "the town of" (left of the span).
# ("the territory of Georgia" may be a country's: "territory" is a kind only after the name.)
_LEFT_KIND = re.compile(
    rf"\b((?:[\w-]+\s+)?((?!territory)(?:{_ADMIN_NOUNS})|{_CITY_NOUNS}))\s+of\s+$", re.IGNORECASE
)


def _with_plural_stems(nouns: str) -> str:
    """The alternation with each "-y" noun also as its plural stem: "county" and "countie(s)"."""
    return "|".join(n[:-1] + "(?:y|ie)" if n.endswith("y") else n for n in nouns.split("|"))


def _singular(noun: str) -> str:
    return noun[:-2] + "y" if noun.endswith("ie") else noun


# "Homs province", "Homs city", "Washington counties" (right of the span).
_RIGHT_KIND = re.compile(
    rf"^\s+(?i:({_with_plural_stems(_ADMIN_NOUNS)}|{_with_plural_stems(_CITY_NOUNS)}))(?:e?s)?\b"
)
# "Idlib and Hama provinces", "Homs, Hama and Idlib governorates": a plural noun after a list
# is every listed name's.
_RIGHT_LIST_KIND = re.compile(
    rf"^(?:(?:\s*,\s*|\s+and\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)+\s+(?i:({_with_plural_stems(_ADMIN_NOUNS)}))e?s\b"
)
# "Bourbon Street", "State and Hubbard streets", "Main and Elm Avenues" (right of the span).
_RIGHT_STREET = re.compile(
    r"^\s+(?i:street|st\.|avenue|ave\.|road|boulevard|lane)(?!\w)"
    r"|^(?:(?:\s*,\s*|\s+(?:and|&)\s+)[A-Z][\w'’-]*)+\s+(?i:streets|avenues|roads|boulevards|lanes)\b"
)
# "northern Homs", "north-western Syria", "central Syria" (immediately left).
_LEFT_DIR = re.compile(
    r"(?<![\w-])((?:north|south)[- ]?(?:east|west)ern|(?:north|south)[- ]?(?:east|west)|"
    r"northern|southern|eastern|western|central)\s+$",
    re.IGNORECASE,
)
# "the north of Homs", "towns north of Homs", "the northern part of Homs", "the north-west of Syria".
_LEFT_DIR_OF = re.compile(
    r"(?:\bthe\s+|(?<![\w-]))((?:north|south)[- ]?(?:east|west)|north|south|east|west|centre|center|"
    r"(?:north|south)[- ]?(?:east|west)ern|northern|southern|eastern|western|central)"
    r"(?:\s+(?:part|parts|region|reaches|outskirts|side))?\s+of\s+$",
    re.IGNORECASE,
)
# "Alexandria, Va.", "Paris, Texas", "Homs, Syria": what follows the span.
_RIGHT_CONTAINER = re.compile(
    r"^,\s*((?:[A-Z]\.\s?){1,3}(?:[A-Z][a-z]{0,4}\.)?|[A-Z][a-z]{1,4}\.|[A-Z]{2}\b|"
    r"[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3})"
)
_DATELINE_LEFT = re.compile(r"(?:^|\n)\s*$")
_DATELINE_RIGHT = re.compile(r"^\s*(?:\(|[-–—]|,\s*[A-Z])")
_LIST_GOES_ON = re.compile(r"^(?:\s*,)?\s+and\s+[A-Z]|^\s*,\s*[A-Z]")
_LONG_FORM = re.compile(
    r"^(?:(?:islamic|democratic|people's|federal|arab|united)\s+)*"
    r"(?:republic|kingdom|state|emirate|sultanate|principality|commonwealth|federation)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)

_KIND_WEIGHT = {
    "country": 4.0, "admin1": 3.0, "region": 3.0, "admin2": 1.0, "populated_place": 0.0,
    "feature": 1.5,  # an air base, a plain, an airport, a landmark: listed at all for being notable
}  # fmt: skip
_PRECISION: dict[str, Precision] = {
    "populated_place": "point",
    "feature": "point",
    "admin1": "admin1",
    "admin2": "point",  # a county is small enough that its point is as good as a town's
    "country": "country",
    "region": "region",
}
# Weights of the ranking features (log-odds-like points), set on LGL and GeoWebNews together.
_W_POP = 0.35  # per tenfold population
_W_WORLD_CITY = 0.5  # a city of a million or more, over its small namesakes ...
_WORLD_CITY = 1_000_000  # ... at this size
_W_CAPITAL = 1.0  # a country's capital, over its namesakes
_W_DATELINE_POP = 1.0  # more per tenfold population for a city a dateline names alone (AP style)
_SMALL_TOWN = 100_000
_SMALL_TOWN_COUNTRY_ONLY = 0.5  # the share of country evidence a small town gets without its admin1
_W_COUNTRY_ANY = 1.5  # some evidence for the candidate's country
_W_COUNTRY_SHARE = 1.5  # the country's share of the article's evidence
_W_ADMIN1 = 1.0  # evidence for the candidate's admin1 (state, province)
_TOWN_ADMIN1_SHARE = 0.5  # a town counts half as much as the admin1 itself for its admin1
_W_NEAR = 1.0  # another place of the article nearby ...
_NEAR_KM = 100.0  # ... on this scale
_W_PAIR = 2.5  # a plausible namesake of another name of the article right next to the candidate ...
_PAIR_KM = 25.0  # ... on this scale ("Huntsville" and "Walker County": both the Texan ones)
_PAIR_GAP_FREE = 1.0  # how far below its name's best prior a reading may be and still pair fully ...
_PAIR_GAP = 1.0  # ... and how fast its pairing fades below that
_PAIR_SLACK = 4.0  # how far below its group's best prior a candidate may be and still vouch
_POINT_KINDS = frozenset({"populated_place", "feature", "admin2"})
_MAX_CANDIDATES = 50
_MAX_SCORED = 25  # candidates that get the (costlier) context features
_MAX_ANCHORS = 30  # other places a candidate's distance is measured against
_CITY_OFFSET_KM = 20.0
_ADMIN_OFFSET_KM = 50.0
_COUNTRY_OFFSET_KM = 150.0


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
    lookup = _Lookup(gazetteer)
    resolved = _resolve(text, mentions, lookup)
    # A span the gazetteer cannot place as written may carry a place's name inside it: "Bank of
    # Japan", "Arizona State University", "the Mexican Senate". Read those again by that name,
    # with the rest of the article as context.
    inner = {
        i: sub
        for i, (t, g) in enumerate(resolved)
        if (t.place is None or not _spelt(g)) and (sub := _inner_name(mentions[i], lookup)) is not None
    }
    if inner:
        again = _resolve(text, [inner.get(i, m) for i, m in enumerate(mentions)], lookup)
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
    }
    placed = [resolved[i][0] for i in sorted(sure) if resolved[i][0].qualifier != INNER_NAME]
    # towns first; an article that names only countries or regions lends the span one of those
    localities = [t for t in placed if t.place is not None and t.place.kind in _POINT_KINDS] or placed
    return [
        t if i in sure else _near_locality(text, t, localities, named) for i, (t, _) in enumerate(resolved)
    ]


INNER_NAME = "named inside"  # the qualifier of a span placed by a place name inside it


def _inner_name(m: Mention, lookup: _Lookup) -> Mention | None:
    """The longest run of capitalised words inside the span that is a place name, else a demonym.

    A place beats a demonym: "the British Embassy Tokyo" is in Tokyo, "the American University of
    Beirut" in Beirut; the demonym stands for its country only when the span names no place.
    """
    words = [(w.start(), w.end()) for w in _CAP_WORD.finditer(m.text)][:_MAX_INNER_WORDS]
    low = m.text.lower().replace(".", " ").split()
    heads = [w for i, w in enumerate(low) if i in (0, len(low) - 1) or low[i + 1 : i + 2] == ["of"]]
    if any(w in _LOCAL_WORDS for w in heads):
        return None  # a street, a school, a stadium: where it is, not what it is named after
    runs = [
        (words[i][0], words[i + n - 1][1])
        for n in range(len(words) - 1, 0, -1)
        for i in range(len(words) - n + 1)
    ]
    demonym: Mention | None = None
    for a, b in runs:
        sub = m.text[a:b]
        if "  " in sub or "\n" in sub:
            continue  # words split by more than a single space are not one name
        if sub.lower() in _FACILITY_WORDS or sub.lower() in _DIRECTION_NAMES:
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
        c.place.population >= _INNER_MIN_POPULATION and not common_word
    )


_INNER_MIN_POPULATION = 50_000
_MAX_INNER_WORDS = 8  # names are short; a longer span is searched in its first words only
# Buildings and sites: where a thing stands, not what it is named after ("Hampton Avenue").
_SITE_WORDS = frozenset(
    """street st road rd avenue ave drive dr boulevard blvd lane ln way square sq plaza bridge hall
    tower building center centre school academy library church chapel cathedral basilica mosque
    temple museum hospital clinic stadium arena park garden gardens inn hotel club market mall
    airport station terminal port harbour harbor base camp prison embassy consulate castle palace
    fort village court cottage estate campus quarter gateway racecourse course elementary middle
    high""".split()
)
# Bodies: a place in their name is often what they stand for ("Bank of Japan", "Iowa House").
_BODY_WORDS = frozenset(
    """house institute university college commission council committee parliament senate congress
    assembly bank reserve company corporation""".split()
)
_FACILITY_WORDS = _SITE_WORDS | _BODY_WORDS
# A span headed by one of these is read where it lies: a site, or a feature named after a place
# ("Niger Delta", "Marigny Plantation").
_LOCAL_WORDS = _SITE_WORDS | frozenset(
    """delta twp township colony river lake creek bay canal valley island islands mountain mountains
    hill hills bend plantation""".split()
)
_DIRECTION_NAMES = frozenset(
    f"{a}{b}" for a in ("north", "south", "east", "west", "central", "") for b in ("", "ern")
) - {""}
_CAP_WORD = re.compile(r"\b[A-Z][\w'’.-]*")


def _spelt(g: _Group) -> bool:
    """Whether the group's place is spelt as written, not only a spelling variant or a fuzzy match."""
    return g.best >= 0 and g.cands[g.best].match == "exact"


def _needs_its_country(g: _Group) -> bool:
    """A reading that holds only inside a country the article names.

    A town or unit whose name only shares its folded key with the span ("Anfield": Enfield,
    "Misrata": Misratah, "Jackson": a Jackson County), and a province named by a bare direction
    ("West": Cameroon's, "Western": Sri Lanka's, "North Side": Anguilla's), are more likely
    another place when their country (or state) is absent.
    """
    c = g.cands[g.best]
    p = c.place
    key_only = c.score < 1.0 and p.kind in ("populated_place", "admin1", "admin2") and not g.demonym
    return key_only or (p.kind in ("admin1", "region") and bool(_DIRECTIONAL_NAME.fullmatch(fold(p.name))))


def _area(p: Place) -> tuple[str, str]:
    """The state or country an admin1 or a country names, as `named` holds it."""
    return p.country_code, p.admin1 if p.kind == "admin1" else _WHOLE_COUNTRY


def _in_named(t: Toponym, named: set[tuple[str, str]]) -> bool:
    """Whether the toponym's place lies in a state, province or country the article names."""
    p = t.place
    return p is not None and (
        (p.country_code, p.admin1) in named or (p.country_code, _WHOLE_COUNTRY) in named
    )


def _local_feature(t: Toponym, g: _Group) -> bool:
    """A town's name that the text uses for a street ("Bourbon Street"), read as that town: a given
    span so written is in the story's town instead."""
    return g.kind_cue == "local" and t.place is not None and t.place.kind == "populated_place"


def _stray_hamlet(t: Toponym, g: _Group, others: list[Toponym], named: set[tuple[str, str]]) -> bool:
    """A hamlet named once, far from every other place of the article and outside its countries,
    states and provinces, and not written with its container or kind ("the town of Groton").

    A given span read so ("August" in a restaurant story, "Booker" a winery, "Congress") is far
    likelier a venue or a body of the story's own towns than a village nobody else in it is near;
    a hamlet the story keeps naming ("Samos") is what the story is about, unless it lies outside
    every state and country the story names.
    """
    p = t.place
    if (
        p is None
        or p.kind != "populated_place"
        or p.population >= _HAMLET
        or (g.n > 1 and not named)
        or g.container_places
        or g.kind_cue == "city"
        or _in_named(t, named)
    ):
        return False
    km = [
        _haversine_km(p.lat, p.lon, o.lat, o.lon)
        for o in others
        if o.place is not None and o.place.id != p.id and o.lat is not None and o.lon is not None
    ]
    return bool(km) and min(km) >= _NEAR_KM


_HAMLET = 10_000

_DIRECTIONAL_NAME = re.compile(
    r"(?:(?:north|south)[- ]?(?:east|west)?|east|west|central|centre|center|middle|upper|lower)(?:ern)?"
    r"(?: (?:side|coast|end|region|province|district|area|division|state|zone))?"
)


def _near_locality(text: str, t: Toponym, localities: list[Toponym], named: set[tuple[str, str]]) -> Toponym:
    if not localities:
        return t
    # "the Palais des Nations in Geneva", "Collins Avenue, Miami Beach": the text says which
    after = [x for x in localities if _LOCATED_IN.fullmatch(text[t.mention.end : x.mention.start])]
    if after:
        best = min(after, key=lambda x: x.mention.start)
        return Toponym(
            t.mention, best.place, best.precision, best.lat, best.lon, 0.1 * best.confidence, NEAREST_LOCALITY
        )
    # the locality the article names most surely and most often, discounted by its distance in the
    # text from the span (a street is usually in the town named around it), and more so when it
    # lies outside every state or province the article names
    here = t.mention.start
    weight: dict[str, float] = {}
    for x in localities:
        if x.place is not None:
            inside = not named or _in_named(x, named)
            weight[x.place.id] = weight.get(x.place.id, 0.0) + x.confidence * (1.0 if inside else _OUTSIDE)
    best = max(
        localities,
        key=lambda x: (
            (weight[x.place.id] if x.place else 0.0) / (1.0 + abs(x.mention.start - here) / _LOCALITY_CHARS),
            -x.mention.start,
        ),
    )
    return Toponym(
        t.mention, best.place, best.precision, best.lat, best.lon, 0.1 * best.confidence, NEAREST_LOCALITY
    )


NEAREST_LOCALITY = "nearest locality"  # the qualifier of a span placed at a locality near it
_LOCATED_IN = re.compile(r"\s*,\s*|\s+(?:in|at|near|outside|of)\s+(?:(?:the|downtown|central)\s+)?")
_OUTSIDE = 0.01  # the weight of a locality outside every country, state and province the article names
_WHOLE_COUNTRY = "*"
_LOCALITY_CHARS = 200.0  # how fast a locality's claim on a span fades with distance in the text


def resolve(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Toponym]:
    """Resolve each mention to a place, reading the whole article for context; same order as `mentions`."""
    return [t for t, _ in _resolve(text, mentions, _Lookup(gazetteer))]


def _resolve(text: str, mentions: Sequence[Mention], lookup: _Lookup) -> list[tuple[Toponym, _Group]]:
    if not mentions:
        return []
    sports = _is_sports_story(text)
    readings = [_read_mention(text, m, lookup, sports) for m in mentions]
    groups = _group(readings, lookup)  # (which keeps only the containers that contain)
    if _mark_containers(mentions, readings):
        groups = _group(readings, lookup)
    _choose(groups)
    _share_senses(groups)
    out: list[tuple[Toponym, _Group]] = []
    for mention, reading in zip(mentions, readings, strict=True):
        g = reading.group
        assert g is not None
        out.append((_toponym(mention, reading, g), g))
    return out


# --- reading one mention -------------------------------------------------------------------------


@dataclass(slots=True)
class _Reading:
    """What the text says about one mention: the name to look up and the cues around it."""

    key: str  # the normalised name: mentions with equal keys share one sense per article
    queries: tuple[str, ...]  # names to try in the gazetteer, in order
    kind_cue: str = ""  # "admin" | "city" | "area" | "container" | "local" | ""
    qualifier: str = ""  # as written: "central province", "city", "northern"
    direction: tuple[int, int] | None = None
    container: str = ""  # "Texas" in "Paris, Texas"
    container_at: int = -1  # where that container starts in the text, when it follows the span
    dateline: bool = False  # "WASHINGTON (AP) -": a wire names a city alone only when it is the famous one
    team: bool = False  # "beat Portland" in a sports story: a team, named for the famous namesake
    # what an abbreviation may stand for ("WA": Washington, Western Australia)
    expansions: tuple[str, ...] = ()
    demonym: bool = False
    group: _Group | None = None


def _clean(name: str) -> str:
    name = " ".join(name.split())
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name) if len(name) > 3 else name
    name = name.strip(" \t,;:()[]\"“”'‘’-")
    if name.isupper() and len(name) > 4 and "." not in name:
        name = name.title()  # "CHARLESTON" in datelines
    return name


def _norm_key(name: str) -> str:
    return name.lower().rstrip(".")


def _read_mention(text: str, m: Mention, lookup: _Lookup, sports: bool = False) -> _Reading:
    raw = text[m.start : m.end] if 0 <= m.start < m.end <= len(text) else m.text
    name = _clean(raw)
    key = _norm_key(name)
    left = text[max(0, m.start - 60) : m.start] if m.start <= len(text) else ""
    right = text[m.end : m.end + 60]
    r = _Reading(key=key, queries=())

    queries: list[str] = []
    # "W. Va." and "W.Va." are one abbreviation.
    state = _AP_STATES.get(key.replace(" ", "")) if "." in name else None
    alias = _ALIASES.get(key) or state
    if alias:
        queries.append(alias)
    compact = name.replace(".", "").replace(" ", "")
    if not alias:
        r.expansions = _ADMIN_ABBREVIATIONS.get(compact, ()) or (
            (_POSTAL_STATES[compact],) if compact in _POSTAL_STATES and len(name) <= 4 else ()
        )
    if "," in name:  # the span itself is "Springfield, Illinois"
        head, _, tail = name.partition(",")
        r.container = _clean(tail)
        name = _clean(head)
        key = _norm_key(name) + "," + _norm_key(r.container)
        r.key = key
    queries.append(name)
    # "Homs Province", "Laurel County": try the whole name, then the name with its kind as a cue.
    suffix = re.search(rf"\s+({_ADMIN_NOUNS}|{_CITY_NOUNS})$", name, re.IGNORECASE)
    if suffix and not _has_good_match(lookup, name):
        word = suffix.group(1).lower()
        r.kind_cue = "city" if re.fullmatch(_CITY_NOUNS, word) else "admin"
        r.qualifier = word
        queries.append(name[: suffix.start()])
    # "Republic of Armenia", "Kingdom of Morocco": the state's long form.
    long_form = _LONG_FORM.match(name)
    if long_form and not _has_good_match(lookup, name):
        queries.append(name[long_form.end() :])
    r.queries = tuple(dict.fromkeys(q for q in queries if q))
    if state and alias == state:
        r.kind_cue = "admin"  # "N.Y." is the state, never the city

    km = _LEFT_KIND.search(left)
    if km:
        noun = km.group(2).lower()
        r.kind_cue = "city" if re.fullmatch(_CITY_NOUNS, noun) else "admin"
        words = km.group(1).split()
        r.qualifier = " ".join(w.lower() for w in words if w.lower() not in ("the", "a", "an"))
    else:
        kr = _RIGHT_KIND.match(right) or _RIGHT_LIST_KIND.match(right)
        if kr:
            noun = _singular(kr.group(1).lower())
            r.kind_cue = "city" if re.fullmatch(_CITY_NOUNS, noun) else "admin"
            r.qualifier = noun
    # "north of the city of Homs": a direction before the kind phrase still applies
    before_kind = re.sub(r"\bthe\s+$", "", left[: km.start()]) if km else left
    dm = _LEFT_DIR_OF.search(before_kind) or (_LEFT_DIR.search(left) if not km else None)
    if dm:
        word = dm.group(1).lower().replace("-", "").replace(" ", "")
        word = {"centre": "central", "center": "central"}.get(word, word)
        base = word[:-3] if word.endswith("ern") else word
        if base in _DIRECTION_WORDS:
            r.direction = _DIRECTION_WORDS[base]
            r.qualifier = base + "ern" if base != "central" else "central"
            r.kind_cue = r.kind_cue or "area"
    if not r.kind_cue and _listed_with_area(left, right, lookup):
        r.kind_cue = "area"  # "California or Washington": a name listed with states is a state
    r.team = sports and bool(_TEAM_LEFT.search(left))
    if not r.kind_cue and _RIGHT_STREET.match(right):
        r.kind_cue = "local"  # "Bourbon and Dauphine streets": named for a town, not the town
    r.dateline = raw.isupper() and bool(_DATELINE_LEFT.search(left)) and bool(_DATELINE_RIGHT.match(right))
    if not r.container:
        cm = _RIGHT_CONTAINER.match(right)
        # "Washington, New York and Boston" is a list; "Alexandria, Va., and Richmond" is not.
        if cm and ("." in cm.group(1) or not _LIST_GOES_ON.match(right[cm.end() :])):
            r.container, r.container_at = cm.group(1), m.end + cm.start(1)
    return r


# "California or Washington", "Oregon and Washington laws": the neighbours in a list.
_LIST_LEFT = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,|,? (?:and|or|&)) $")
_LIST_RIGHT = re.compile(r"^,? (?:and|or|&) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")


def _listed_with_area(left: str, right: str, lookup: _Lookup) -> bool:
    """Whether the mention is listed beside a state or province that no sizeable town is named
    for ("Oregon" yes; "New York", "Hama" no): a list keeps to one kind of place."""
    for found in (_LIST_LEFT.search(left), _LIST_RIGHT.match(right)):
        if found is None:
            continue
        name = found.group(1)
        cands = lookup.candidates(name)
        areas = [c.place.population for c in cands if c.place.kind == "admin1" and _is_primary(c, name)]
        size = max(areas, default=-1)
        if size > 0 and not any(
            c.match == "exact"
            and c.score >= 1.0
            and c.place.kind in ("country", "populated_place")
            and c.place.population >= _LIST_TOWN_SHARE * size
            for c in cands
        ):
            return True
    return False


_LIST_TOWN_SHARE = 0.05  # a town this large beside its namesake state makes the name a town's too

# A sports story names teams for their cities ("beat Portland", "against Louisville"); the team is
# the famous namesake's, whatever the rest of the story is about.
_SPORTS_WORDS = frozenset(
    """game games season coach coaches playoff playoffs league championship tournament scored
    points rebounds assists innings pitcher quarterback touchdown touchdowns goals striker midfielder
    halftime overtime semifinal semifinals quarterfinal standings roster""".split()
)
_SPORTS_MIN_WORDS = 4  # distinct sports words that make a story a sports story
_TEAM_LEFT = re.compile(
    r"\b(?:against|beat|beats|beating|defeated|defeats|defeating|vs\.?|versus|edged|routed|downed|"
    r"outlasted|hosts|hosted|hosting|facing|faces|faced)\s+$",
    re.IGNORECASE,
)


def _is_sports_story(text: str) -> bool:
    words = set(re.findall(r"[a-z]+", text.lower()))
    return len(words & _SPORTS_WORDS) >= _SPORTS_MIN_WORDS


def _has_good_match(lookup: _Lookup, name: str) -> bool:
    return any(c.match != "fuzzy" for c in lookup.candidates(name))


# --- the gazetteer, asked once per name ----------------------------------------------------------


class _Lookup:
    """The gazetteer's answers for one article, so that a repeated name is looked up once."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._cands: dict[str, list[Candidate]] = {}
        self._containers: dict[str, list[Place]] = {}

    def candidates(self, name: str) -> list[Candidate]:
        got = self._cands.get(name)
        if got is None:
            got = self.gaz.candidates(name, limit=_MAX_CANDIDATES) if name.strip() else []
            self._cands[name] = got
        return got

    def container(self, name: str) -> list[Place]:
        """The admin1s and countries `name` can denote when it follows a comma ("Va.", "Texas", "Syria")."""
        got = self._containers.get(name)
        if got is not None:
            return got
        key = _norm_key(name)
        queries = []
        if key.replace(" ", "") in _AP_STATES:
            queries.append(_AP_STATES[key.replace(" ", "")])
        if name in _POSTAL_STATES:
            queries.append(_POSTAL_STATES[name])
        if key in _ALIASES:
            queries.append(_ALIASES[key])
        queries.append(name)
        got = []
        for q in queries:
            for c in self.candidates(q):
                if c.match != "fuzzy" and c.place.kind in ("admin1", "country") and c.place not in got:
                    got.append(c.place)
            if got:
                break
        self._containers[name] = got
        return got

    def abbreviated(self, name: str) -> list[Candidate]:
        """The states, provinces and countries an abbreviation's expansion names, as literal matches."""
        return [
            Candidate(c.place, "exact", 1.0)
            for c in self.candidates(name)
            if c.match == "exact" and c.place.kind in ("admin1", "country", "region") and _is_primary(c, name)
        ]

    def demonym(self, word: str) -> tuple[str, list[Candidate]]:
        """The place a demonym names ("Syrian" -> Syria, "Palestinians" -> Palestine) and its candidates."""
        if not word[:1].isupper() or (" " in word.strip() and not word.split()[-1][:1].isupper()):
            return "", []
        low = word.lower()
        stems = [low]
        if low.endswith("s") and not low.endswith("ss"):
            stems.append(low[:-1])
        tried: list[str] = []
        for stem in stems:
            if stem in _IRREGULAR_DEMONYMS:
                tried.append(_IRREGULAR_DEMONYMS[stem])
            for suf, rep in _DEMONYM_RULES:
                if stem.endswith(suf) and len(stem) - len(suf) >= 3:
                    tried.append(word[: len(stem) - len(suf)] + rep)
        best: tuple[int, int, str, list[Candidate]] | None = None
        for q in dict.fromkeys(t for t in tried if t):
            q = q[:1].upper() + q[1:]
            good = [c for c in self.candidates(q) if _is_primary(c, q) and c.place.kind in _DEMONYM_KIND_RANK]
            rank = min((_DEMONYM_KIND_RANK.get(c.place.kind, 9) for c in good), default=9)
            # "Nigerian": Nigeria before Niger, so the longest name of the best kind wins.
            if rank < 9 and (best is None or (rank, -len(q)) < best[:2]):
                best = (rank, -len(q), q, good)
        return (best[2], best[3]) if best else ("", [])


# --- grouping: one sense per name per article ------------------------------------------------------


@dataclass(slots=True)
class _Group:
    """The mentions of one name with the same cues; they get one place."""

    key: str
    query: str  # the name whose candidates these are
    kind_cue: str
    container_places: tuple[Place, ...]
    cands: list[Candidate]
    n: int = 0
    prior: list[float] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    prominence: list[float] = field(default_factory=list)  # how far each reading may pair (_prominence)
    best: int = -1
    confidence: float = 0.0
    demonym: bool = False
    names_country: bool = False  # the name is a country's own name
    dateline: bool = False  # one of its mentions is a bare dateline
    team: bool = False  # one of its mentions names a sports team


def _group(readings: list[_Reading], lookup: _Lookup) -> list[_Group]:
    by_key: dict[tuple[str, str, str], _Group] = {}
    for r in readings:
        containers: tuple[Place, ...] = ()
        cands: list[Candidate] = []
        query = r.queries[0] if r.queries else r.key
        for q in r.queries:
            cands, query = lookup.candidates(q), q
            if any(c.match != "fuzzy" for c in cands):
                break
        expanded = [c for q in r.expansions for c in lookup.abbreviated(q)]
        if expanded:
            cands, query = expanded, r.expansions[0]
        if r.container:
            places = lookup.container(r.container)
            # Only a real container: "Homs, Hama and Idlib" is a list, "Paris, Texas" is not; nor is
            # "Brazil, Venezuela", where only a spelling variant ("Bruzual") lies inside the second.
            inside = [c for c in cands if c.match == "exact" and any(_contains(p, c.place) for p in places)]
            if inside:
                containers = tuple(places)
            else:
                r.container = ""
        if not any(c.match != "fuzzy" for c in cands) or _looks_like_demonym(r.key, cands):
            dem_query, dem = lookup.demonym(r.queries[-1] if r.queries else r.key)
            if dem:
                cands, query, r.demonym = dem, dem_query, True
        gkey = (r.key, r.kind_cue, ",".join(p.id for p in containers))
        g = by_key.get(gkey)
        if g is None:
            g = _Group(r.key, query, r.kind_cue, containers, cands, demonym=r.demonym)
            by_key[gkey] = g
        g.n += 1
        g.dateline = g.dateline or r.dateline
        g.team = g.team or r.team
        r.group = g
    groups = list(by_key.values())
    for g in groups:
        g.names_country = any(c.place.kind == "country" and _is_primary(c, g.query) for c in g.cands)
        g.prior = [_prior(c, g) for c in g.cands]
        g.prominence = _prominence(g)
    return groups


def _looks_like_demonym(key: str, cands: list[Candidate]) -> bool:
    """A name like "Indian" or "Russian" that exactly matches only small places, not a country or admin1."""
    if key not in _IRREGULAR_DEMONYMS and not re.search(r"(ian|an|ese|i|ish|ians|ans|is)$", key):
        return False
    literal = [c for c in cands if c.match == "exact" and c.score >= 1.0]
    return not any(c.place.kind in ("country", "admin1") or c.place.population >= 100_000 for c in literal)


def _contains(container: Place, place: Place) -> bool:
    if container.kind == "country":
        return place.country_code == container.country_code and place.id != container.id
    if container.kind == "admin1":
        return (
            place.country_code == container.country_code
            and place.admin1 == container.admin1
            and place.id != container.id
        )
    return False


def _prior(c: Candidate, g: _Group) -> float:
    """How likely the candidate is before reading the rest of the article: match, kind, size, cues."""
    p = c.place
    primary = _is_primary(c, g.query) or _is_seat_city(c, g)
    if c.match == "exact":
        s, importance = (3.0, 1.0) if primary else (1.0 + c.score, 0.6)
    else:  # a spelling variant or a fuzzy match: the place's size matters less than the spelling
        s = (2.0 * c.score - 1.0) if c.match == "variant" else (c.score - 1.0)
        importance = 0.5
    if p.kind in ("populated_place", "feature"):
        s += importance * (_KIND_WEIGHT[p.kind] + _W_POP * math.log10(p.population + 1))
        # "Moscow", "Paris", "Washington": a namesake needs more than an article heavy with its country
        s += max(_W_WORLD_CITY if p.population >= _WORLD_CITY else 0.0, _W_CAPITAL if p.capital else 0.0)
        if (g.dateline or g.team) and not g.container_places:
            s += _W_DATELINE_POP * math.log10(p.population + 1)
    else:
        s += importance * (_KIND_WEIGHT.get(p.kind, 0.0) + 0.1 * math.log10(p.population + 1))
    if g.kind_cue == "admin":
        s += 3.0 if p.kind in ("admin1", "admin2", "region") else -3.0
    elif g.kind_cue == "area":
        s += 1.0 if p.kind in ("admin1", "admin2", "region", "country") else 0.0
    elif g.kind_cue == "city":
        s += 3.0 if p.kind == "populated_place" else -3.0
    elif g.kind_cue == "container":
        s += 3.0 if p.kind in ("admin1", "country", "region") else -3.0
    if g.container_places:
        s += 6.0 if any(_contains(cp, p) for cp in g.container_places) else -4.0
    if p.kind in ("populated_place", "feature", "admin2") and not g.container_places and g.names_country:
        s -= 2.5  # "China" in a Texas story is still China, unless written "China, Texas"
    if p.kind == "admin1" and not g.kind_cue and _has_namesake_city(p, g):
        s -= 2.0  # a bare "Homs", "Idlib": the city, not the province named after it
    return s


def _is_primary(c: Candidate, query: str) -> bool:
    """Whether the query is the place's own name, not one of its alternate or historical names."""
    if c.match != "exact" or c.score < 1.0:
        return False
    # A country's or admin1's other names are conventional ("America", "Palestine"); a town's are
    # often historical or foreign ("Alexandria" for Mashhad), so only its own name counts.
    if c.place.kind in ("country", "admin1", "region"):
        return True
    return _spelled_out(c.place.name) == _spelled_out(query)


def _spelled_out(name: str) -> str:
    """The folded name with its abbreviated words written out: "St. Petersburg" = "Saint Petersburg"."""
    return " ".join(_ABBREVIATED_WORDS.get(w, w) for w in fold(name).replace(".", " ").split())


_ABBREVIATED_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


def _is_seat_city(c: Candidate, g: _Group) -> bool:
    """A town spelt like a province of its own ("Raqqa": Ar Raqqah in Al-Raqqah governorate)."""
    p = c.place
    return (
        c.match == "exact"
        and p.kind == "populated_place"
        and p.population >= 10_000
        and bool(p.admin1)
        and any(
            o.match == "exact"
            and o.place.kind == "admin1"
            and o.place.country_code == p.country_code
            and o.place.admin1 == p.admin1
            for o in g.cands
        )
    )


def _has_namesake_city(admin: Place, g: _Group) -> bool:
    return any(
        (_is_primary(c, g.query) or _is_seat_city(c, g))
        and c.place.kind == "populated_place"
        and (
            c.place.population >= 400_000  # "Washington": the capital, not the state; "Gaza": the city
            or (
                c.place.country_code == admin.country_code
                and c.place.population >= 50_000
                and _haversine_km(c.place.lat, c.place.lon, admin.lat, admin.lon) < 300.0
            )
        )
        for c in g.cands
    )


# --- choosing: context from the other names of the article -----------------------------------------


@dataclass(slots=True)
class _Context:
    every: _Evidence  # what all the article's names add
    anchors: list[tuple[float, float, float, _Group]]  # lat, lon, weight, source group
    # what each name's own mentions add, to be left out when scoring that name: "Dublin City
    # Council" must not vouch for "Dublin" being the Irish capital
    own: dict[str, _Evidence]


@dataclass(slots=True)
class _Evidence:
    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1s: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    total: float = 0.0

    def add(self, p: Place, w: float, demonym: bool) -> None:
        named = 1.5 if p.kind in ("country", "admin1") and not demonym else 1.0
        self.countries[p.country_code] += w * named
        self.total += w * named
        if p.kind == "admin1" or (p.kind in ("populated_place", "feature", "region", "admin2") and p.admin1):
            self.admin1s[(p.country_code, p.admin1)] += w * (
                1.5 if p.kind == "admin1" else _TOWN_ADMIN1_SHARE
            )


def _name_of(g: _Group) -> str:
    """The name a group reads, without its container: "Dublin" for "Dublin", "Dublin City", "Dublin, Ohio"."""
    return g.key.split(",")[0]


def _mark_containers(mentions: Sequence[Mention], readings: list[_Reading]) -> bool:
    """The "Washington" of "Tacoma, Washington" is the state the town is in, not a town itself.

    Only a container that holds one of the town's namesakes counts (not "Virginia" in "Ramor
    Theatre, Virginia"). Returns whether any mention was marked.
    """
    starts = {m.start: r for m, r in zip(mentions, readings, strict=True)}
    marked = False
    for r in readings:
        if r.container and r.group is not None and r.group.container_places:
            inner = starts.get(r.container_at)
            if inner is not None and not inner.kind_cue:
                inner.kind_cue = "container"
                marked = True
    return marked


def _choose(groups: list[_Group]) -> None:
    for g in groups:
        g.scores = list(g.prior)
        _pick(g)
    pairs = _plausible_points(groups)
    for _ in range(2):
        ctx = _context(groups)
        for g in groups:
            if g.cands:
                g.scores = [
                    g.prior[i]
                    + (
                        _context_score(g.cands[i].place, g, ctx)
                        + _pair_score(g.cands[i].place, g, pairs) * g.prominence[i]
                        if i < _MAX_SCORED
                        else 0.0
                    )
                    for i in range(len(g.cands))
                ]
                _pick(g)


_Cells = dict[tuple[int, int], list[tuple[float, float, float, "_Group"]]]


def _plausible_points(groups: list[_Group]) -> _Cells:
    """Every fairly likely point-like reading of every name, in one-degree cells.

    Two names of one article whose namesakes sit next to each other (a town and its county,
    a suburb and its city) mean those namesakes, whichever reading each would get alone. Each
    point carries its prominence: two small namesakes of famous places ("Washington" and
    "Houston" in Pennsylvania) vouch for each other less than two towns of their own.
    """
    cells: _Cells = defaultdict(list)
    for g in groups:
        if not g.prior:
            continue
        top = max(g.prior)
        for i, c in enumerate(g.cands[:_MAX_SCORED]):
            p = c.place
            if p.kind in _POINT_KINDS and g.prior[i] >= top - _PAIR_SLACK:
                cells[(math.floor(p.lat), math.floor(p.lon))].append((p.lat, p.lon, g.prominence[i], g))
    return cells


def _pair_score(p: Place, g: _Group, cells: _Cells) -> float:
    if p.kind not in _POINT_KINDS or not cells:
        return 0.0
    ci, cj = math.floor(p.lat), math.floor(p.lon)
    best = 0.0
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            for lat, lon, q, src in cells.get((ci + di, cj + dj), ()):
                if _name_of(src) != _name_of(g):
                    best = max(best, q * math.exp(-_haversine_km(p.lat, p.lon, lat, lon) / _PAIR_KM))
    return _W_PAIR * best


def _prominence(g: _Group) -> list[float]:
    """Per candidate: 1 for a reading as likely as the name's best town before context, less the
    further below it.

    Only towns are weighed against towns: "Palestine, Texas" and "DeKalb" (a county) pair as well
    as any town, for a country or county is not a namesake that a neighbouring town stands for.
    """
    towns = [i for i, c in enumerate(g.cands[:_MAX_SCORED]) if c.place.kind == "populated_place"]
    top = max((g.prior[i] for i in towns), default=0.0)
    out = [1.0] * len(g.cands)
    for i in towns:
        out[i] = math.exp(-max(0.0, top - g.prior[i] - _PAIR_GAP_FREE) / _PAIR_GAP)
    return out


def _pick(g: _Group) -> None:
    if not g.cands:
        g.best, g.confidence = -1, 0.0
        return
    # Ties go to the gazetteer's own order (best first), which is stable.
    best = max(range(len(g.scores)), key=lambda i: (g.scores[i], -i))
    top = g.scores[best]
    z = sum(math.exp(min(50.0, s - top)) for s in g.scores)
    c = g.cands[best]
    quality = {"exact": 1.0, "variant": 0.9, "fuzzy": 0.6 * c.score}[c.match]
    g.best, g.confidence = best, quality / z


def _weight(g: _Group) -> float:
    return g.confidence * (1.0 + math.log(g.n))


def _context(groups: list[_Group]) -> _Context:
    every = _Evidence()
    own: dict[str, _Evidence] = defaultdict(_Evidence)
    anchors: list[tuple[float, float, float, _Group]] = []
    for g in groups:
        if g.best < 0:
            continue
        p = g.cands[g.best].place
        w = _weight(g)
        every.add(p, w, g.demonym)
        own[_name_of(g)].add(p, w, g.demonym)
        if p.kind in ("populated_place", "feature", "admin2"):
            anchors.append((p.lat, p.lon, w, g))
    anchors.sort(key=lambda a: -a[2])
    return _Context(every, anchors[:_MAX_ANCHORS], dict(own))


def _context_score(p: Place, g: _Group, ctx: _Context) -> float:
    name = _name_of(g)
    own = ctx.own.get(name) or _Evidence()
    total = ctx.every.total - own.total
    s = 0.0
    if total > 1e-9 and not p.country_code:
        # An ocean or a macro-region spans countries: it agrees with whatever the article is about.
        s += _W_COUNTRY_ANY
    elif total > 1e-9:
        cw = max(0.0, ctx.every.countries.get(p.country_code, 0.0) - own.countries.get(p.country_code, 0.0))
        # Any good evidence for the country counts, and a larger share of the article counts more.
        country = _W_COUNTRY_ANY * (1.0 - math.exp(-cw)) + _W_COUNTRY_SHARE * cw / total
        aw = 0.0
        if p.kind != "country" and p.admin1:
            a1 = (p.country_code, p.admin1)
            aw = ctx.every.admin1s.get(a1, 0.0) - own.admin1s.get(a1, 0.0)
            s += _W_ADMIN1 * (1.0 - math.exp(-max(0.0, aw)))
        if p.kind in _POINT_KINDS and p.population < _SMALL_TOWN and aw <= 0.0:
            # A small town is backed by its state or province being in the story, not by its
            # country alone: "Moscow" in a story about US officials is still not Moscow, Idaho.
            country *= _SMALL_TOWN_COUNTRY_ONLY
        s += country
    if p.kind in ("populated_place", "feature", "admin1", "admin2") and ctx.anchors:
        scale, gain = (_NEAR_KM, _W_NEAR) if p.kind != "admin1" else (3 * _NEAR_KM, _W_NEAR / 2)
        best = 0.0
        for lat, lon, w, src in ctx.anchors:
            if _name_of(src) == name:
                continue
            d = _haversine_km(p.lat, p.lon, lat, lon)
            best = max(best, min(1.0, w) * math.exp(-d / scale))
        s += gain * best
    return s


def _share_senses(groups: list[_Group]) -> None:
    """A bare "Paris" after "Paris, Texas" in one article means the same Paris, and a bare
    "Washington" after "Tacoma, Washington" the same state."""
    settled: dict[str, tuple[Place, float]] = {}
    for g in groups:
        if g.container_places and g.best >= 0:
            town = g.cands[g.best].place
            settled.setdefault(g.key.split(",")[0], (town, g.confidence))
            for cp in g.container_places:
                if _contains(cp, town):
                    settled.setdefault(_norm_key(fold(cp.name)), (cp, g.confidence))
    for g in groups:
        got = settled.get(g.key)
        if got is None or g.container_places or g.kind_cue:
            continue
        place, confidence = got
        for i, c in enumerate(g.cands):
            if c.place.id == place.id:
                g.best, g.confidence = i, max(g.confidence, confidence)
                break


# --- the result --------------------------------------------------------------------------------


def _toponym(mention: Mention, r: _Reading, g: _Group) -> Toponym:
    if g.best < 0 or _facility_misread(mention.text, g.cands[g.best]):
        return Toponym(mention, None, "point", None, None, 0.0, r.qualifier)
    place = g.cands[g.best].place
    conf = round(min(1.0, max(0.0, g.confidence)), 4)
    if r.direction is not None:
        seat = _seat_of(place, g) if place.kind == "admin1" else None
        # "northern Homs", "north of Hama": the countryside around the capital the province is
        # named after, where such reports point, not the middle of the province's northern half
        lat, lon = _region_point(seat or place, r.direction)
        return Toponym(mention, place, "region", lat, lon, conf, r.qualifier)
    return Toponym(
        mention, place, _PRECISION.get(place.kind, "point"), place.lat, place.lon, conf, r.qualifier
    )


def _facility_misread(name: str, c: Candidate) -> bool:
    """ "Royal Street", "City Hall", "Arizona State University": a street, building or body that
    only a looser spelling match ties to a town of another name is not that town."""
    words = name.lower().replace("’", "'").split()
    return (
        len(words) > 1
        and words[-1] in _FACILITY_WORDS
        and c.match != "exact"
        and words[-1] not in c.place.name.lower()
    )


def _seat_of(admin: Place, g: _Group) -> Place | None:
    """The namesake city of a province among the group's candidates (Homs for Homs Governorate)."""
    return next(
        (
            c.place
            for c in g.cands
            if _is_seat_city(c, g)
            and (c.place.country_code, c.place.admin1) == (admin.country_code, admin.admin1)
        ),
        None,
    )


def _region_point(place: Place, direction: tuple[int, int]) -> tuple[float, float]:
    """A point inside `place` toward `direction`: the centroid of the polygon's part on that side."""
    if place.polygon is not None:
        got = _polygon_part_point(place.polygon, direction)
        if got is not None:
            return got
    if direction == (0, 0):
        return place.lat, place.lon
    km = {"country": _COUNTRY_OFFSET_KM, "admin1": _ADMIN_OFFSET_KM}.get(place.kind, _CITY_OFFSET_KM)
    bearing = math.degrees(math.atan2(direction[1], direction[0])) % 360.0
    from geopy.distance import distance

    dest = distance(kilometers=km).destination((place.lat, place.lon), bearing=bearing)
    return round(dest.latitude, 6), round(dest.longitude, 6)


def _polygon_part_point(
    geometry: Mapping[str, Any], direction: tuple[int, int]
) -> tuple[float, float] | None:
    try:
        from shapely.geometry import box, shape
    except ImportError:  # pragma: no cover - shapely comes with geopandas
        return None
    try:
        poly = shape(geometry)
    except (ValueError, TypeError, AttributeError, KeyError):
        return None
    if poly.is_empty:
        return None
    if not poly.is_valid:
        poly = poly.buffer(0)
    c = poly.centroid
    part = poly
    if direction != (0, 0):
        minx, miny, maxx, maxy = poly.bounds
        dlat, dlon = direction
        x0, x1 = (c.x, maxx) if dlon > 0 else (minx, c.x) if dlon < 0 else (minx, maxx)
        y0, y1 = (c.y, maxy) if dlat > 0 else (miny, c.y) if dlat < 0 else (miny, maxy)
        part = poly.intersection(box(x0, y0, x1, y1))
        if part.is_empty:
            part = poly
    pt = part.centroid
    if not poly.contains(pt):
        pt = part.representative_point()
    return round(pt.y, 6), round(pt.x, 6)


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
