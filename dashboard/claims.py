"""The claims FeatureCollection as the dashboard sees it: checks, filters, tables and exports.

Plain dicts here on purpose: the GeoJSON is the boundary between the pipeline and the dashboard, and a
user may open any file that follows it. `read_collection` is the one place that checks its shape.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from geo.registry import Side

CLAIM_TYPES = (
    "is_hit",
    "no_is_present",
    "civilians_killed",
    "rebels_hit",
    "strike_reported",
    "denial",
    "other",
)
CLAIM_TYPE_LABELS = {
    "is_hit": "IS hit",
    "no_is_present": "no IS present",
    "civilians_killed": "civilians killed",
    "rebels_hit": "rebels hit",
    "strike_reported": "strike reported",
    "denial": "denial",
    "other": "other",
}
PRECISIONS = ("point", "admin1", "country", "region")
BASES = ("explicit", "sentence", "article")
BASIS_LABELS = {
    "explicit": "named in the claim",
    "sentence": "named in the sentence",
    "article": "inferred from the article",
}
ROLES = ("target", "context")

# The columns of the claims table and of the CSV export, in order.
COLUMNS = (
    "claim_id",
    "side",
    "side_label",
    "speaker",
    "claim_type",
    "casualties",
    "place",
    "place_as_written",
    "place_id",
    "precision",
    "location_basis",
    "role",
    "confidence",
    "event_date",
    "evidence",
    "article",
    "title",
    "outlet",
    "published",
    "evidence_start",
    "evidence_end",
    "mention_start",
    "mention_end",
)
REQUIRED = ("claim_id", "side", "claim_type", "evidence", "place", "precision", "role", "article")


class CollectionError(ValueError):
    """A file that is not a claims FeatureCollection; the message names the problem."""


def read_collection(data: bytes | str | Mapping[str, Any], name: str = "GeoJSON") -> dict[str, Any]:
    """Check a claims FeatureCollection and return it with features lacking geometry dropped."""
    if isinstance(data, bytes | str):
        try:
            data = json.loads(data)
        except ValueError as exc:
            raise CollectionError(f"{name}: not valid JSON ({exc})") from exc
    if not isinstance(data, Mapping) or data.get("type") != "FeatureCollection":
        raise CollectionError(f"{name}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise CollectionError(f"{name}: 'features' is not a list")
    kept = []
    for i, feature in enumerate(features):
        props = feature.get("properties") if isinstance(feature, Mapping) else None
        if not isinstance(props, Mapping):
            raise CollectionError(f"{name}: feature {i} has no properties")
        missing = [k for k in REQUIRED if k not in props]
        if missing:
            raise CollectionError(f"{name}: feature {i} lacks {', '.join(missing)}")
        geometry = feature.get("geometry")
        if isinstance(geometry, Mapping) and geometry.get("type") in ("Point", "Polygon", "MultiPolygon"):
            kept.append(feature)
    return {"type": "FeatureCollection", "features": kept}


@dataclass(frozen=True, slots=True)
class Filters:
    """What the sidebar selects. None means no restriction on that field."""

    sides: frozenset[str] | None = None
    claim_types: frozenset[str] | None = None
    articles: frozenset[str] | None = None
    bases: frozenset[str] | None = None
    precisions: frozenset[str] | None = None
    roles: frozenset[str] | None = frozenset({"target"})  # context mentions are off until asked for

    def keeps(self, props: Mapping[str, Any]) -> bool:
        checks = (
            (self.sides, "side"),
            (self.claim_types, "claim_type"),
            (self.articles, "article"),
            (self.bases, "location_basis"),
            (self.precisions, "precision"),
            (self.roles, "role"),
        )
        return all(allowed is None or props.get(key) in allowed for allowed, key in checks)


def apply_filters(features: Iterable[Mapping[str, Any]], filters: Filters) -> list[dict[str, Any]]:
    """The features the filters keep, in their original order."""
    return [dict(f) for f in features if filters.keeps(f["properties"])]


def distinct(features: Iterable[Mapping[str, Any]], key: str) -> list[str]:
    """The values of one property, in order of first appearance."""
    return list(dict.fromkeys(str(f["properties"].get(key)) for f in features if f["properties"].get(key)))


def claims_frame(features: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per feature with the table's columns (missing properties are empty)."""
    rows = [{c: f["properties"].get(c) for c in COLUMNS} for f in features]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["claim_type"] = frame["claim_type"].map(lambda t: CLAIM_TYPE_LABELS.get(t, t))
    frame["casualties"] = pd.array(frame["casualties"], dtype="Int64")
    return frame


def search_frame(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows where every word of the query appears in some text column (case-insensitive)."""
    words = query.lower().split()
    if not words or frame.empty:
        return frame
    text_cols = [
        "side_label",
        "speaker",
        "claim_type",
        "place",
        "place_as_written",
        "evidence",
        "title",
        "article",
    ]
    haystack = frame[text_cols].astype("string").fillna("").agg(" ".join, axis=1).str.lower()
    mask = pd.Series(True, index=frame.index)
    for word in words:
        mask &= haystack.str.contains(word, regex=False)
    return frame[mask]


def contested_places(
    features: Sequence[Mapping[str, Any]], sides: Mapping[str, Side], min_sides: int = 2
) -> pd.DataFrame:
    """Rows: places; columns: sides (registry order); cells: what that side claims there.

    A place claimed by `min_sides` or more sides is contested. Cells list claim types in a stable
    order, with casualties where given: "civilians killed (36)".
    """
    cells: dict[str, dict[str, list[str]]] = {}
    names: dict[str, str] = {}
    for f in features:
        p = f["properties"]
        key = str(p.get("place_id") or p.get("place"))
        names.setdefault(key, str(p.get("place")))
        label = CLAIM_TYPE_LABELS.get(p["claim_type"], str(p["claim_type"]))
        if p.get("casualties") is not None:
            label = f"{label} ({p['casualties']})"
        cells.setdefault(key, {}).setdefault(p["side"], [])
        if label not in cells[key][p["side"]]:
            cells[key][p["side"]].append(label)
    order = [sid for sid in sides if any(sid in by_side for by_side in cells.values())]
    order += sorted({s for by_side in cells.values() for s in by_side} - set(order))
    rows = []
    for key, by_side in cells.items():
        if len(by_side) < min_sides:
            continue
        row: dict[str, Any] = {"place": names[key], "sides": len(by_side)}
        for sid in order:
            row[sides[sid].label if sid in sides else sid] = "; ".join(by_side.get(sid, []))
        rows.append(row)
    columns = ["place", "sides"] + [sides[s].label if s in sides else s for s in order]
    frame = pd.DataFrame(rows, columns=columns)
    if frame.empty:
        return frame
    return frame.sort_values(["sides", "place"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )


def to_geojson(features: Sequence[Mapping[str, Any]]) -> bytes:
    """A FeatureCollection of exactly these features, as the pipeline wrote them."""
    collection = {"type": "FeatureCollection", "features": list(features)}
    return (json.dumps(collection, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def to_csv(features: Sequence[Mapping[str, Any]]) -> bytes:
    """One row per feature: the table's columns plus the geometry type and a point (lat, lon)."""
    from dashboard.geometry import anchor

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, "geometry_type", "lat", "lon"])
    for f in features:
        p = f["properties"]
        lat, lon = anchor(f["geometry"])
        row = ["" if p.get(c) is None else _inert(p.get(c)) for c in COLUMNS]
        writer.writerow([*row, f["geometry"]["type"], round(lat, 5), round(lon, 5)])
    return out.getvalue().encode("utf-8")


def _inert(value: Any) -> Any:
    """Article text that a spreadsheet would run as a formula ("=HYPERLINK(...)") gets a leading quote
    (OWASP's advice for CSV injection); numbers stay numbers."""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


_FORMULA_STARTS = frozenset("=+-@\t\r")
