"""Where the dashboard's claims come from: the bundled corpus, the user's articles, or a GeoJSON file.

Each source becomes a `Dataset`. Nothing here imports Streamlit: app.py wraps these in its caches.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from dashboard.claims import CollectionError, read_collection
from geo.claimsfile import open_claims
from geo.errors import ClaimsFileError

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "data" / "corpus"
ENV_GEOJSON = "CLAIMATLAS_GEOJSON"

UPLOAD_TYPES = ("txt", "md", "html", "json", "jsonl")
MAX_FILES = 20
# Two caps, for two costs. An article is parsed by spaCy, seconds per article on a shared server; a
# GeoJSON is only read and drawn, and `build` writes about 1 KB per claim, so its cap admits builds of
# tens of thousands of claims. server.maxUploadSize in .streamlit/config.toml is the larger one (the
# server's hard limit); each uploader states and enforces its own.
MAX_FILE_MB = 2
MAX_GEOJSON_MB = 50
ARTICLE_CAP_REASON = (
    f"Up to {MAX_FILES} files, {MAX_FILE_MB} MB each ("
    + ", ".join(f".{t}" for t in UPLOAD_TYPES)
    + "): every article is parsed here, which takes seconds per article."
)
GEOJSON_CAP_REASON = (
    f"Up to {MAX_GEOJSON_MB} MB, about {MAX_GEOJSON_MB * 900:,} claims: a GeoJSON is only read and drawn, "
    "not parsed like an article, so its limit is larger."
)


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What the article view needs of an article."""

    id: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class Dataset:
    """Claims to show, the articles they come from, and what could not be read."""

    collection: dict[str, Any]
    articles: Mapping[str, ArticleText] = field(default_factory=dict)
    errors: tuple[str, ...] = ()
    origin: str = ""

    @property
    def features(self) -> list[dict[str, Any]]:
        return self.collection["features"]


def env_geojson() -> Path | None:
    """The GeoJSON named by CLAIMATLAS_GEOJSON (tests, benchmarks, a pipeline run saved earlier)."""
    value = os.environ.get(ENV_GEOJSON, "").strip()
    return Path(value) if value else None


def corpus_files(corpus: Path = CORPUS_DIR) -> tuple[str, ...]:
    """The corpus files with their sizes and times: a cache key that changes when the corpus does."""
    return tuple(
        f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(corpus.iterdir()) if p.is_file()
    )


def _texts(articles: Sequence[Any]) -> dict[str, ArticleText]:
    return {a.id: ArticleText(a.id, a.title, a.text) for a in articles}


def corpus_texts(corpus: Path = CORPUS_DIR) -> dict[str, ArticleText]:
    """The corpus articles as the pipeline reads them (for the article view of a GeoJSON made from them)."""
    from geo.articles import read_paths

    return _texts(read_paths([corpus]).articles)


def from_geojson(data: bytes, name: str, texts: Mapping[str, ArticleText] | None = None) -> Dataset:
    """A dataset from a claims GeoJSON, checked against `build`'s output schema.

    A file that is not a claims collection (or is over the cap) raises CollectionError naming it; a bad
    feature becomes one message in `errors`, and the good features are still shown.
    """
    if len(data) > MAX_GEOJSON_MB * 1024 * 1024:
        size = len(data) / 1048576
        raise CollectionError(f"{name}: {size:.1f} MB is over the {MAX_GEOJSON_MB} MB limit for a GeoJSON")
    try:
        opened = open_claims(data, name)
    except ClaimsFileError as exc:
        raise CollectionError(str(exc)) from None
    collection = {"type": "FeatureCollection", "features": opened.features}
    origin = f"{name} ({len(opened.features)} claims)"
    return Dataset(collection, dict(texts or {}), tuple(opened.problems), origin)


def from_pipeline(
    pipe: Any,
    articles: Sequence[Any],
    read_errors: Sequence[Any] = (),
    origin: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Dataset:
    """Run the pipeline on articles already read; read errors and run errors are both listed."""
    report = pipe.run(list(articles), progress=progress)
    collection = read_collection(report.feature_collection, origin or "pipeline output")
    errors = places_warnings(pipe) + tuple(str(e) for e in read_errors) + tuple(str(e) for e in report.errors)
    return Dataset(collection, _texts(report.articles or articles), errors, origin)


def places_warnings(pipe: Any) -> tuple[str, ...]:
    """The rows of the user's places file ($CLAIMATLAS_PLACES) that were skipped, with file and line."""
    return tuple(f"places file {e}" for e in pipe.gazetteer.user_places_errors)


def from_corpus(pipe: Any, corpus: Path = CORPUS_DIR) -> Dataset:
    """The bundled corpus through the pipeline."""
    read = pipe.read([corpus])
    n = len(read.articles)
    return from_pipeline(pipe, read.articles, read.errors, f"bundled corpus ({n} articles)")


@dataclass(frozen=True, slots=True)
class Upload:
    name: str
    data: bytes


def check_uploads(uploads: Sequence[Upload]) -> tuple[list[Upload], list[str]]:
    """The uploads within the limits, and one message per file refused (type, size, count)."""
    kept: list[Upload] = []
    refused: list[str] = []
    for up in uploads:
        ext = PurePath(up.name).suffix.lower().lstrip(".")
        if ext not in UPLOAD_TYPES:
            refused.append(f"{up.name}: unsupported file type; expected .{', .'.join(UPLOAD_TYPES)}")
        elif len(up.data) > MAX_FILE_MB * 1024 * 1024:
            refused.append(f"{up.name}: {len(up.data) / 1048576:.1f} MB is over the {MAX_FILE_MB} MB limit")
        elif len(kept) >= MAX_FILES:
            refused.append(f"{up.name}: over the limit of {MAX_FILES} files at once; not read")
        else:
            kept.append(up)
    return kept, refused


def unique_uploads(uploads: Sequence[Upload]) -> tuple[list[Upload], list[str]]:
    """The uploads with each content once (by SHA-256), and a note for every copy left out: the same
    article uploaded twice, under any name, would otherwise count its claims twice."""
    kept: list[Upload] = []
    notes: list[str] = []
    first: dict[bytes, str] = {}
    for up in uploads:
        digest = hashlib.sha256(up.data).digest()
        if digest in first:
            notes.append(f"{up.name}: same content as {first[digest]}; read once")
        else:
            first[digest] = up.name
            kept.append(up)
    return kept, notes


def uploads_key(uploads: Sequence[Upload]) -> str:
    """A digest of the uploaded files, to run the pipeline once per set of files."""
    h = hashlib.sha256()
    for up in uploads:
        h.update(up.name.encode("utf-8") + b"\0" + hashlib.sha256(up.data).digest())
    return h.hexdigest()


def from_uploads(
    pipe: Any, uploads: Sequence[Upload], progress: Callable[[int, int], None] | None = None
) -> Dataset:
    """Read each uploaded file and run the pipeline on all of them; failures are listed by file."""
    articles: list[Any] = []
    errors: list[Any] = []
    for up in uploads:
        read = pipe.read_upload(up.name, up.data)
        articles += read.articles
        errors += read.errors
    origin = f"your articles ({len(articles)} from {len(uploads)} files)"
    if not articles:
        messages = places_warnings(pipe) + tuple(str(e) for e in errors)
        return Dataset({"type": "FeatureCollection", "features": []}, {}, messages, origin)
    return from_pipeline(pipe, articles, errors, origin, progress)


__all__ = [
    "ARTICLE_CAP_REASON",
    "GEOJSON_CAP_REASON",
    "MAX_FILES",
    "MAX_FILE_MB",
    "MAX_GEOJSON_MB",
    "UPLOAD_TYPES",
    "ArticleText",
    "CollectionError",
    "Dataset",
    "Upload",
    "check_uploads",
    "corpus_files",
    "corpus_texts",
    "env_geojson",
    "from_corpus",
    "from_geojson",
    "from_pipeline",
    "from_uploads",
    "places_warnings",
    "unique_uploads",
    "uploads_key",
]
