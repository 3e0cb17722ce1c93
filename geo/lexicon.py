"""Word lists the rules read, kept as data in `data/lexicon/` so each concept is listed once.

A list is a UTF-8 text file, one entry per line; `#` starts a comment and blank lines are ignored.
A table has two tab-separated columns (key, value). Entries are kept as written (case included):
callers decide how to fold case, because "US" and "us" are not the same word.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from geo.errors import GeoError

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"


def _lines(name: str) -> list[tuple[int, str]]:
    path = LEXICON_DIR / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GeoError(f"{path}: lexicon list missing or unreadable ({exc.strerror or exc})") from exc
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append((number, line))
    return out


@cache
def words(name: str) -> frozenset[str]:
    """The entries of list `name`, as a set."""
    return frozenset(line for _, line in _lines(name))


@cache
def ordered(name: str) -> tuple[str, ...]:
    """The entries of list `name` in file order, for rules where the first match must win."""
    return tuple(dict.fromkeys(line for _, line in _lines(name)))


@cache
def table(name: str) -> dict[str, str]:
    """The key -> value rows of table `name`; a row without a tab is an error naming file and line."""
    out: dict[str, str] = {}
    for number, line in _lines(name):
        key, sep, value = line.partition("\t")
        if not sep or not key.strip() or not value.strip():
            raise GeoError(f"{LEXICON_DIR / name}.txt line {number}: expected 'key<TAB>value'")
        out[key.strip()] = value.strip()
    return out


def files() -> list[Path]:
    """Every lexicon file, sorted: what a cache fingerprint must hash when the lists shape its contents."""
    return sorted(LEXICON_DIR.glob("*.txt"))
