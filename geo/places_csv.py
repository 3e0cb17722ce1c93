"""The places CSV format, shared by the curated supplement (built into the index) and users' own
files (read at every load): one parser, so both accept and refuse the same rows.

It shapes the index (row ids, spellings), so the index fingerprint hashes this module.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast, get_args

from geo.errors import PlacesFileError
from geo.names import fold
from geo.types import Place, PlaceKind

CSV_COLUMNS = ("name", "alternate_names", "lat", "lon", "country", "kind", "source")
_KINDS = frozenset(get_args(PlaceKind))


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One good row: the place it makes, all its spellings, the GeoNames place it aliases, its source."""

    place: Place
    names: tuple[str, ...]
    geonameid: int | None
    source: str


def read_places_csv(path: Path, *, id_prefix: str) -> tuple[list[PlaceRow], list[PlacesFileError]]:
    """Parse a places CSV; bad rows become PlacesFileError(path, line, reason) and are skipped.

    Columns: name, alternate_names (|-separated), lat, lon, country (ISO2), kind, source, and an
    optional geonameid, which makes the row's spellings aliases of that GeoNames place.

    Each physical line is one row, parsed on its own: no place field holds a line break, so an
    unclosed quote costs its own line instead of silently swallowing the rows after it, an
    over-long field is one bad row, and line numbers are the editor's.
    """
    errors: list[PlacesFileError] = []
    rows: list[PlaceRow] = []
    p = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], [PlacesFileError(p, 0, "file not found")]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [PlacesFileError(p, 0, f"cannot read: {exc}")]
    lines = _LINE_BREAK.split(text)
    if not lines[0].strip():
        return [], [PlacesFileError(p, 1, "empty file; expected a header row: " + ",".join(CSV_COLUMNS))]
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


def _parse_row(row: Mapping[str, str], id_prefix: str, seen_ids: set[str]) -> PlaceRow:
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
    return PlaceRow(place, (name, *alts), gid, row.get("source", ""))


# --------------------------------------------------------------------------------------------
# Building and caching the index
