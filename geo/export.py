"""Claims to GeoJSON: the one module that writes plain dicts, and the only place [lon, lat] appears.

RFC 7946: a FeatureCollection of Features, WGS 84 coordinates as [lon, lat], no "crs" member. One
Feature per (claim, place). Output is deterministic: features sorted, numbers rounded, keys in a
fixed order, so the same input gives byte-identical files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from geo.output import atomic_file, write_atomic
from geo.registry import Side
from geo.types import Article, Claim, ClaimPlace, Place, Toponym

COORD_DIGITS = 5  # ~1 m: finer than any gazetteer point, and it keeps files diff-able


def feature_collection(
    claims: Iterable[Claim], articles: Mapping[str, Article], sides: Mapping[str, Side]
) -> dict[str, Any]:
    return collection(features(claims, articles, sides))


def features(
    claims: Iterable[Claim], articles: Mapping[str, Article], sides: Mapping[str, Side]
) -> list[dict[str, Any]]:
    """The Features of claims in claim order; `collection` gives them their file order."""
    return [
        _feature(claim, cp, articles[claim.article_id], sides)
        for claim in claims
        for cp in claim.places
        if cp.toponym.place is not None and cp.toponym.lat is not None and cp.toponym.lon is not None
    ]


def collection(features: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The FeatureCollection in file order."""
    return {"type": "FeatureCollection", "features": file_order(features)}


def file_order(features: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Features made article by article (in input order), on any engine or read back from a store,
    sort to the same order: the sort is stable and its key starts with the article, so one article's
    features sorted alone keep their place among all of them (what a streamed write relies on)."""
    return sorted(
        features, key=lambda f: (f["properties"]["article"], f["properties"]["evidence_start"], f["id"])
    )


def _feature(claim: Claim, cp: ClaimPlace, article: Article, sides: Mapping[str, Side]) -> dict[str, Any]:
    topo = cp.toponym
    place = topo.place
    assert place is not None and topo.lat is not None and topo.lon is not None
    side = sides.get(claim.source.side)
    explicit = cp.basis != "article"
    props: dict[str, Any] = {
        "claim_id": claim.claim_id,
        "article": article.id,
        "title": article.title,
        "published": article.published,
        "outlet": article.outlet,
        "side": claim.source.side,
        "side_label": side.label if side else claim.source.side,
        "speaker": claim.source.speaker,
        "claim_type": claim.claim_type,
        "casualties": claim.casualties,
        "event_date": claim.event_date,
        "evidence": claim.evidence,
        "evidence_start": claim.evidence_start,
        "evidence_end": claim.evidence_end,
        "place": _display_name(topo),
        "place_as_written": _display_name(topo, written=True),
        "place_id": place.id,
        "country_code": place.country_code,
        "admin1_name": _admin1_name(place),
        "precision": topo.precision,
        "qualifier": topo.qualifier,
        "location_basis": cp.basis,
        "role": cp.role,
        "mention_start": topo.mention.start if explicit else None,
        "mention_end": topo.mention.end if explicit else None,
        "confidence": round(claim.confidence * (1.0 if cp.role == "target" else 0.5), 3),
    }
    geometry: dict[str, Any]
    if topo.precision == "admin1" and place.polygon is not None:
        geometry = _round_geometry(place.polygon)
    else:
        geometry = {
            "type": "Point",
            "coordinates": [round(topo.lon, COORD_DIGITS), round(topo.lat, COORD_DIGITS)],
        }
    fid = f"{claim.claim_id}-{place.id}-{topo.mention.start}-{cp.basis}"
    return {"type": "Feature", "id": fid, "geometry": geometry, "properties": props}


def _admin1_name(place: Place) -> str | None:
    """The governorate (first-level unit) the place lies in, by the gazetteer's name for it: what a
    village placed only at its governorate ("unlocated") is shown with, as ACLED's admin1 column."""
    return place.admin1_name or (place.name if place.kind == "admin1" else None)


def _display_name(topo: Toponym, *, written: bool = False) -> str:
    """A region is named with its cue, "northern Homs": it is not the whole of Homs."""
    assert topo.place is not None
    name = topo.mention.text if written else topo.place.name
    if topo.precision == "region" and topo.qualifier:
        return f"{_ADJECTIVE.get(topo.qualifier, topo.qualifier)} {name}"
    return name


# "north of Homs" and "northern Homs" are one area, named one way
_ADJECTIVE = {
    d: d + "ern"
    for d in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
}


def _round_geometry(geom: Mapping[str, Any]) -> dict[str, Any]:
    def walk(c: Any) -> Any:
        if isinstance(c, (int, float)):
            return round(float(c), COORD_DIGITS)
        return [walk(x) for x in c]

    return {"type": geom["type"], "coordinates": walk(geom["coordinates"])}


def dumps(collection: Mapping[str, Any]) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def write(collection: Mapping[str, Any], path: Path) -> None:
    """Write atomically (see geo.output); text that cannot be UTF-8 fails before any file is touched."""
    write_atomic(path, dumps(collection).encode("utf-8"))


def feature_text(feature: Mapping[str, Any]) -> str:
    """A Feature as `write` prints it inside its collection, less the collection's indentation: what
    the store keeps, so that an export of a big store copies text instead of parsing and printing."""
    return json.dumps(feature, ensure_ascii=False, indent=1)


def write_stream(texts: Iterable[str], path: Path) -> None:
    """The bytes `write` gives for the collection of these features (each as `feature_text`, already in
    file order), written one at a time: memory stays that of one feature, whatever the collection's
    size. The file replaces `path` only when every feature is written (see geo.output.atomic_file)."""
    with atomic_file(path) as f:
        f.write(b'{\n "type": "FeatureCollection",\n "features": [')
        separator = b"\n  "
        for text in texts:
            # a feature sits two levels in; JSON strings hold no raw newline
            f.write(separator + text.replace("\n", "\n  ").encode("utf-8"))
            separator = b",\n  "
        f.write(b"]\n}\n" if separator == b"\n  " else b"\n ]\n}\n")


def write_parquet(collection: Mapping[str, Any], path: Path) -> None:
    """GeoParquet (WKB geometry, WGS 84), one row per Feature, written atomically like `write`."""
    import io

    import geopandas
    from shapely.geometry import shape

    features = collection["features"]
    frame = geopandas.GeoDataFrame(
        [{"id": f["id"], **f["properties"]} for f in features],
        geometry=[shape(f["geometry"]) for f in features],
        crs="EPSG:4326",
    )
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    write_atomic(path, buffer.getvalue())
