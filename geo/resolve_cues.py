"""What the text says around one mention: the name to look up, its kind ("the province of", "Homs
city"), a direction ("northern Homs"), a written container ("Paris, Texas"), a dateline, a list it
sits in, a sports team, a street named after it, a town's own bodies ("Lebanon Police")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo import lexicon
from geo.resolve_lookup import (
    ADMIN_ABBREVIATIONS,
    ALIASES,
    AP_STATES,
    POSTAL_STATES,
    Lookup,
    is_primary,
    norm_key,
)
from geo.resolve_weights import weights
from geo.types import Mention

if TYPE_CHECKING:
    from geo.resolve_rank import Group

# The kind nouns of areas and of towns, as regex alternations (longest first).
ADMIN_NOUNS = "|".join(sorted(lexicon.words("admin_words"), key=lambda w: (-len(w), w)))
CITY_NOUNS = r"city|town|village|capital|suburb|hamlet|township|municipality|neighbou?rhood|settlement"


def _direction(word: str) -> tuple[int, int]:
    """The (north, east) signs a compass word spells: "northwest" (1, -1), "central" (0, 0)."""
    return ("north" in word) - ("south" in word), ("east" in word) - ("west" in word)


DIRECTIONS: dict[str, tuple[int, int]] = {w: _direction(w) for w in lexicon.ordered("directions")}

# "the central province of Homs", "the Syrian city of Homs", "the town of" (left of the span).
# ("the territory of Georgia" may be a country's: "territory" is a kind only after the name.)
_LEFT_KIND = re.compile(
    rf"\b((?:[\w-]+\s+)?((?!territory)(?:{ADMIN_NOUNS})|{CITY_NOUNS}))\s+of\s+$", re.IGNORECASE
)


def _with_plural_stems(nouns: str) -> str:
    """The alternation with each "-y" noun also as its plural stem: "county" and "countie(s)"."""
    return "|".join(n[:-1] + "(?:y|ie)" if n.endswith("y") else n for n in nouns.split("|"))


def _singular(noun: str) -> str:
    return noun[:-2] + "y" if noun.endswith("ie") else noun


# "Homs province", "Homs city", "Washington counties" (right of the span).
_RIGHT_KIND = re.compile(
    rf"^\s+(?i:({_with_plural_stems(ADMIN_NOUNS)}|{_with_plural_stems(CITY_NOUNS)}))(?:e?s)?\b"
)
# a listed name: a capitalised word or two, one with an Arabic article joined ("Deir ez-Zor")
_LISTED_NAME = r"[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*)?"
# "Idlib and Hama provinces", "Homs, Hama and Idlib governorates": a plural noun after a list
# is every listed name's.
_RIGHT_LIST_KIND = re.compile(
    rf"^(?:(?:\s*,\s*|\s+and\s+){_LISTED_NAME})+\s+(?i:({_with_plural_stems(ADMIN_NOUNS)}))e?s\b"
)
# "the provinces of Aleppo, Damascus, Idlib and Raqqa": a plural noun before a list is every listed
# name's (left of the span: the names before it in the list, then the noun)
_LEFT_LIST_KIND = re.compile(
    rf"\b(?i:({_with_plural_stems(ADMIN_NOUNS)}))e?s\s+of\s+"
    rf"(?:(?:the\s+)?{_LISTED_NAME}(?:\s*,\s*|\s*,?\s+(?:and|as well as)\s+))*$"
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
# "the north of", "the northern part of", "north-western parts of": a part of the place, not beside it
_A_PART = re.compile(r"(?i:the\s|.*\b(?:part|parts|region|reaches|outskirts|side)\s+of\s+$)")
# "Alexandria, Va.", "Paris, Texas", "Homs, Syria": what follows the span.
_RIGHT_CONTAINER = re.compile(
    r"^,\s*((?:[A-Z]\.\s?){1,3}(?:[A-Z][a-z]{0,4}\.)?|[A-Z][a-z]{1,4}\.|[A-Z]{2}\b|"
    r"[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3})"
)
_DATELINE_LEFT = re.compile(r"(?:^|\n)\s*$")
_DATELINE_RIGHT = re.compile(r"^\s*(?:\(|[-–—]|,\s*[A-Z])")
_CAPITALS_LEFT = re.compile(r"\b[A-Z]{2,}\W*$")  # a headline or a line in capitals
_CAPITALS_RIGHT = re.compile(r"^\W*[A-Z]{2,}\b")
_LIST_GOES_ON = re.compile(r"^(?:\s*,)?\s+and\s+[A-Z]|^\s*,\s*[A-Z]")
_LONG_FORM = re.compile(
    r"^(?:(?:islamic|democratic|people's|federal|arab|united)\s+)*"
    r"(?:republic|kingdom|state|emirate|sultanate|principality|commonwealth|federation)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_COUNTY_FIRST = re.compile(r"^(?:County|Co\.?)\s+(?=[A-Z])")
_COUNTY_LEFT = re.compile(r"(?<!&\s)\b(?:County|Co\.?)\s+$")  # not "Smith & Co. Dublin"
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# "California or Washington", "Oregon and Washington laws": the neighbours in a list.
_LIST_LEFT = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,|,? (?:and|or|&)) $")
_LIST_RIGHT = re.compile(r"^,? (?:and|or|&) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")
# "the New York border", "the Georgia state line", not "the Tal Abyad border crossing"
_RIGHT_BORDER = re.compile(
    r"^\s*(?:-\s*)?(?i:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lexicon.ordered("border_words"))
    + r")\b(?!\s+(?:"
    + "|".join(map(re.escape, lexicon.ordered("border_place_nouns")))
    + r")\b)"
)
# "400 S. Locust St., Lebanon": a street address, then its town
_LEFT_ADDRESS = re.compile(
    r"\b\d+[A-Za-z]?\s+(?:[A-Z][\w'’.-]*\s+){1,5}(?i:"
    + "|".join(map(re.escape, lexicon.ordered("street_suffixes")))
    + r")\.?,\s*$"
)
# "a Lebanon woman", "the Jordan resident": a country's name for a town's people
_RIGHT_RESIDENT = re.compile(
    r"^\s+(?i:" + "|".join(map(re.escape, lexicon.ordered("resident_nouns"))) + r")\b"
)
# "Lebanon Police", "Jordan Elementary", "the Athens City Council": a town's own bodies. (Not after a
# comma after a name: "CALAMBA CITY, Laguna Mayor Chipeco" names a province, the town's container.)
_TOWN_BODY = re.compile(
    r"^\s+(?i:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lexicon.ordered("town_body_words"))
    + r")\b"
)
_AFTER_COMMA = re.compile(r"\b[A-Z][\w.'’-]*,\s*$")  # "Calamba City, Laguna"
# A sports story names teams for their cities ("beat Portland", "against Louisville"); the team is
# the famous namesake's, whatever the rest of the story is about.
_TEAM_LEFT = re.compile(
    r"\b(?:against|beat|beats|beating|defeated|defeats|defeating|vs\.?|versus|edged|routed|downed|"
    r"outlasted|hosts|hosted|hosting|facing|faces|faced)\s+$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Reading:
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
    acronym: bool = False  # "CHU", "OAS": initials, never a town
    group: Group | None = None


def clean(name: str) -> str:
    name = " ".join(name.split())
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name) if len(name) > 3 else name
    name = name.strip(" \t,;:()[]\"“”'‘’-")
    if name.isupper() and len(name) > 4 and "." not in name:
        name = name.title()  # "CHARLESTON" in datelines
    return name


_COUNTRY_CUES = lexicon.table("country_cues")
_COUNTRY_CUE = re.compile(
    r"(?<![\w$])("
    + "|".join(re.escape(w) for w in sorted(_COUNTRY_CUES, key=len, reverse=True))
    + r")(?![A-Za-z])"
)


def country_cues(text: str) -> dict[str, float]:
    """The countries the story's own words set it in (its currency, courts, police, assemblies):
    one count per distinct cue word, by country code."""
    found = {m.group(1) for m in _COUNTRY_CUE.finditer(text)}
    out: dict[str, float] = {}
    for w in found:
        out[_COUNTRY_CUES[w]] = out.get(_COUNTRY_CUES[w], 0.0) + 1.0
    return out


def is_sports_story(text: str) -> bool:
    words = set(re.findall(r"[a-z]+", text.lower()))
    return len(words & lexicon.words("sports_words")) >= weights().sports_min_words


def read_mention(
    text: str, m: Mention, lookup: Lookup, sports: bool = False, own_mentions: bool = False
) -> Reading:
    raw = text[m.start : m.end] if 0 <= m.start < m.end <= len(text) else m.text
    name = clean(raw)
    key = norm_key(name)
    chars = weights().context_chars
    left = text[max(0, m.start - chars) : m.start] if m.start <= len(text) else ""
    right = text[m.end : m.end + chars]
    r = Reading(key=key, queries=())
    _read_name(r, name, lookup, own_mentions)
    _county_before(r, left)
    # a list can run past the window: "the provinces of Aleppo, Damascus, Idlib, Latakia, Homs, Raqqa
    # and Deir ez Zor" (the list patterns are anchored on its names and commas, so reading further is safe)
    listed = (text[max(0, m.start - 4 * chars) : m.start], text[m.end : m.end + 4 * chars])
    _read_kind_and_direction(r, left, right, lookup, name, listed)
    r.team = sports and bool(_TEAM_LEFT.search(left))
    if not r.kind_cue and _RIGHT_STREET.match(right):
        r.kind_cue = "local"  # "Bourbon and Dauphine streets": named for a town, not the town
    r.dateline = raw.isupper() and bool(_DATELINE_LEFT.search(left)) and bool(_DATELINE_RIGHT.match(right))
    # "the CHU in Montpellier", "the OAS": a short word in capitals, in lower-case text, that no
    # abbreviation list knows is an organisation's initials, not a town's name
    r.acronym = (
        not r.dateline
        and raw.isalpha()
        and raw.isupper()
        and len(raw) <= weights().acronym_letters
        and not r.expansions
        and r.queries == (name,)
        and not _CAPITALS_LEFT.search(left)
        and not _CAPITALS_RIGHT.match(right)
    )
    if not r.container:
        cm = _RIGHT_CONTAINER.match(right)
        # "Washington, New York and Boston" is a list; "Alexandria, Va., and Richmond" is not.
        if cm and ("." in cm.group(1) or not _LIST_GOES_ON.match(right[cm.end() :])):
            r.container, r.container_at = cm.group(1), m.end + cm.start(1)
    return r


# "Homs Province", "Aleppo City": a name that ends in its own kind noun
_OWN_KIND = re.compile(rf"\s+({ADMIN_NOUNS}|{CITY_NOUNS})$", re.IGNORECASE)


def _read_name(r: Reading, name: str, lookup: Lookup, own_mentions: bool = False) -> None:
    """The names to look up: an abbreviation's expansion, the span's own container ("Springfield,
    Illinois"), the name without its kind noun or its state's long form."""
    queries: list[str] = []
    # "W. Va." and "W.Va." are one abbreviation.
    state = AP_STATES.get(r.key.replace(" ", "")) if "." in name else None
    alias = ALIASES.get(r.key) or state
    if alias:
        queries.append(alias)
    compact = name.replace(".", "").replace(" ", "")
    if not alias:
        r.expansions = ADMIN_ABBREVIATIONS.get(compact, ()) or (
            (POSTAL_STATES[compact],) if compact in POSTAL_STATES and len(name) <= 4 else ()
        )
    if "," in name:  # the span itself is "Springfield, Illinois"
        head, _, tail = name.partition(",")
        r.container = clean(tail)
        name = clean(head)
        r.key = norm_key(name) + "," + norm_key(r.container)
    queries.append(name)
    # "Homs Province", "Laurel County": try the whole name, then the name with its kind as a cue.
    suffix = _OWN_KIND.search(name)
    # ("Aleppo City" is Aleppo, though a looser spelling of the whole names a town in Spain. Given
    # spans read a club's "Norwich City" by the town inside it, off the story's own localities.)
    head_only = suffix is not None and own_mentions and _head_only(name, suffix.start(), lookup)
    if suffix and (head_only or not lookup.has_good_match(name)):
        word = suffix.group(1).lower()
        r.kind_cue = "city" if re.fullmatch(CITY_NOUNS, word) else "admin"
        r.qualifier = word
        if head_only:
            queries.remove(name)
        queries.append(name[: suffix.start()])
    # "County Mayo", "Co. Durham", "Co Cork": Irish and British usage puts the kind first.
    county = _COUNTY_FIRST.match(name)
    if county and not any(c.match == "exact" for c in lookup.candidates(name)):
        r.kind_cue, r.qualifier = "admin", "county"
        queries.insert(len(queries) - 1, name[county.end() :])  # before the whole name's loose matches
    # "Republic of Armenia", "Kingdom of Morocco": the state's long form.
    long_form = _LONG_FORM.match(name)
    if long_form and not lookup.has_good_match(name):
        queries.append(name[long_form.end() :])
    r.queries = tuple(dict.fromkeys(q for q in queries if q))
    if state and alias == state:
        r.kind_cue = "admin"  # "N.Y." is the state, never the city


def _county_before(r: Reading, left: str) -> None:
    """ "in County Mayo", "Co. Durham" with the span on the name alone."""
    if not r.kind_cue and _COUNTY_LEFT.search(left):
        r.kind_cue, r.qualifier = "admin", "county"


def _head_only(name: str, head_end: int, lookup: Lookup) -> bool:
    """A name and its kind noun ("Aleppo City") that no place goes by as a whole, while the name
    alone is spelt as written: the name with its kind, whatever the whole loosely resembles."""
    return not lookup.is_spelt(name) and lookup.is_spelt(name[:head_end])


def _read_kind_and_direction(
    r: Reading, left: str, right: str, lookup: Lookup, name: str, listed: tuple[str, str]
) -> None:
    # the name's own kind noun outranks one before it: "the districts of Aleppo City" is the city
    own_kind = _OWN_KIND.search(name)
    km = None if own_kind else _LEFT_KIND.search(left)
    if km:
        noun = km.group(2).lower()
        r.kind_cue = "city" if re.fullmatch(CITY_NOUNS, noun) else "admin"
        words = km.group(1).split()
        r.qualifier = " ".join(w.lower() for w in words if w.lower() not in ("the", "a", "an"))
    elif not own_kind:
        kr = (
            _RIGHT_KIND.match(right) or _RIGHT_LIST_KIND.match(listed[1]) or _LEFT_LIST_KIND.search(listed[0])
        )
        if kr:
            noun = _singular(kr.group(1).lower())
            r.kind_cue = "city" if re.fullmatch(CITY_NOUNS, noun) else "admin"
            r.qualifier = noun
    # "the north of Homs province", "northern Homs": a part of the place, drawn as that part;
    # "towns north of Homs", "north of the city of Homs": beside the place, which is where the report
    # puts the strikes (ANNOTATION.md: the only locator names the strike place)
    before_kind = re.sub(r"\bthe\s+$", "", left[: km.start()]) if km else left
    dm = _LEFT_DIR_OF.search(before_kind) or (_LEFT_DIR.search(left) if not km else None)
    if dm is not None and dm.re is _LEFT_DIR_OF and not _A_PART.match(dm.group(0)):
        dm = None
    if dm:
        word = dm.group(1).lower().replace("-", "").replace(" ", "")
        word = {"centre": "central", "center": "central"}.get(word, word)
        base = word[:-3] if word.endswith("ern") else word
        if base in DIRECTIONS:
            r.direction = DIRECTIONS[base]
            r.qualifier = base + "ern" if base != "central" else "central"
            r.kind_cue = r.kind_cue or "area"
    if not r.kind_cue and _TOWN_BODY.match(right) and not _AFTER_COMMA.search(left):
        r.kind_cue = "city"  # "Lebanon Police": the town, not the country
    if not r.kind_cue and _LEFT_ADDRESS.search(left):
        r.kind_cue = "city"  # "400 S. Locust St., Lebanon"
    if not r.kind_cue and _RIGHT_RESIDENT.match(right) and _only_a_country(r, lookup):
        r.kind_cue = "city"  # "a Lebanon woman" (but "a Georgia man" may be the state's)
    if not r.kind_cue and _RIGHT_BORDER.match(right):
        r.kind_cue = "area"  # "near the New York border": the state's, not the city's
    if not r.kind_cue and _listed_with_area(left, right, lookup):
        r.kind_cue = "area"  # "California or Washington": a name listed with states is a state


def _only_a_country(r: Reading, lookup: Lookup) -> bool:
    """Whether the name is a country's own and no state's or province's."""
    cands = [c for q in r.queries[:1] for c in lookup.candidates(q) if c.match == "exact" and c.score >= 1.0]
    kinds = {c.place.kind for c in cands}
    return "country" in kinds and "admin1" not in kinds


def _listed_with_area(left: str, right: str, lookup: Lookup) -> bool:
    """Whether the mention is listed beside a state or province that no sizeable town is named
    for ("Oregon" yes; "New York", "Hama" no): a list keeps to one kind of place."""
    for found in (_LIST_LEFT.search(left), _LIST_RIGHT.match(right)):
        if found is None:
            continue
        name = found.group(1)
        cands = lookup.candidates(name)
        areas = [c.place.population for c in cands if c.place.kind == "admin1" and is_primary(c, name)]
        size = max(areas, default=-1)
        if size > 0 and not any(
            c.match == "exact"
            and c.score >= 1.0
            and c.place.kind in ("country", "populated_place")
            and c.place.population >= weights().list_town_share * size
            for c in cands
        ):
            return True
    return False
