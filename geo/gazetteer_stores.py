"""Where the gazetteer's places live: the built-in SQLite index, or a small in-memory index (test
fixtures, the user's own places). Both answer the same questions (`Store`), so the `Gazetteer`
above them cannot tell one from the other.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, cast

from geo.errors import GazetteerError
from geo.index_file import english_table, rank
from geo.names import fold, name_key, variant_key
from geo.places_csv import PlaceRow
from geo.types import Place


@dataclass(frozen=True, slots=True)
class Hit:
    """One index row that matched: the place, its importance, the spelling that produced the key."""

    place: Place
    rank: float
    literal: str  # fold() of the names that produced the matched key, "|"-joined
    curated: bool

    def spells(self, folded: str) -> bool:
        """Whether one of the place's names is literally this (folded) text."""
        return folded in self.literal.split("|")


class Store(Protocol):
    """What the gazetteer needs from an index: the SQLite one, or an in-memory one."""

    def by_key(self, key: str, country: str | None) -> list[Hit]: ...
    def by_variant(self, vkey: str, country: str | None, limit: int) -> list[tuple[str, Hit]]: ...
    def fuzzy_pool(self, country: str | None) -> Mapping[str, Mapping[str, Sequence[int]]]: ...
    def hits_for(self, ids: Sequence[int]) -> list[Hit]: ...
    def has_key(self, key: str) -> bool: ...
    def has_variant(self, vkey: str) -> bool: ...
    def country(self, code: str) -> Place | None: ...
    def admin1(self, country_code: str, admin1_code: str) -> Place | None: ...
    def by_geonameid(self, geonameid: int) -> Place | None: ...
    def is_english(self, word: str) -> bool: ...
    def stats(self) -> dict[str, int]: ...



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


class SqliteStore:
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

    def _hits(self, sql: str, args: Sequence[Any]) -> list[Hit]:
        return [Hit(self._place(r), r[12], r[15], bool(r[13])) for r in self._db.execute(sql, args)]

    def by_key(self, key: str, country: str | None) -> list[Hit]:
        sql = f"SELECT {_PLACE_COLS}, n.literal FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ?"
        if country:
            return self._hits(sql + " AND p.cc = ?", (key, country))
        return self._hits(sql, (key,))

    def by_variant(self, vkey: str, country: str | None, limit: int) -> list[tuple[str, Hit]]:
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
            (r[16], Hit(self._place(r), r[12], r[15], bool(r[13])))
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

    def hits_for(self, ids: Sequence[int]) -> list[Hit]:
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




class MemoryStore:
    """A small index in dicts: test fixtures and the user's own places."""

    def __init__(
        self,
        entries: Iterable[tuple[Place, Iterable[str]]],
        *,
        curated: bool,
        english: Store | None = None,
    ) -> None:
        self._places: list[Place] = []
        self._ranks: list[float] = []
        self._by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._by_vkey: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        self._curated = curated
        self._english = english
        folds: list[tuple[str, int, bool, Iterable[str]]] = []
        for place, names in entries:
            i = len(self._places)
            self._places.append(place)
            self._ranks.append(rank(place.kind, place.population, curated))
            seen: set[str] = set()
            for n in names:
                k, f = name_key(n), fold(n)
                if not k or f in seen:
                    continue
                seen.add(f)
                self._by_key[k].append((i, f))
                self._by_vkey[variant_key(n)].append((i, k, f))
            folds.append((place.kind, place.population, curated, seen))
        self._words = english_table(folds) if english is None else frozenset()

    @classmethod
    def from_rows(cls, rows: Sequence[PlaceRow], base: Store, *, curated: bool) -> MemoryStore:
        """User rows; a row naming a geonameid adds its spellings to that existing place."""
        entries: list[tuple[Place, Iterable[str]]] = []
        for r in rows:
            existing = base.by_geonameid(r.geonameid) if r.geonameid else None
            entries.append((existing or r.place, r.names))
        return cls(entries, curated=curated, english=base)

    def _hit(self, i: int, literal: str) -> Hit:
        return Hit(self._places[i], self._ranks[i], literal, self._curated)

    def by_key(self, key: str, country: str | None) -> list[Hit]:
        return [
            self._hit(i, lit)
            for i, lit in self._by_key.get(key, ())
            if country is None or self._places[i].country_code == country
        ]

    def by_variant(self, vkey: str, country: str | None, limit: int) -> list[tuple[str, Hit]]:
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

    def hits_for(self, ids: Sequence[int]) -> list[Hit]:
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
        return word in self._words

    def stats(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for p in self._places:
            counts["total"] += 1
            counts[p.kind] += 1
            if p.country_code == "SY":
                counts["syria"] += 1
        return dict(counts)
