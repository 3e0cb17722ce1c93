"""Opening a claims GeoJSON (from `build`, edited by hand, or hostile): the output schema as checks.

A file that is not a claims FeatureCollection at all raises ClaimsFileError. A feature that breaks the
schema (NaN, missing or out-of-range coordinates, "many" casualties, an unknown claim type) is one
message naming it, and the other features are kept: one bad line in an edited file must not blank the
map. The features returned are rebuilt from the schema's fields only, with numbers as numbers and
every string encodable, so nothing downstream has to check them again.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, get_args

from geo.errors import ClaimsFileError
from geo.types import ClaimType, LocationBasis, Precision, Role

# Properties and what each may hold, as geo.export writes them.
REQUIRED_TEXT = ("claim_id", "article", "side", "claim_type", "evidence", "place", "precision", "role")
OPTIONAL_TEXT = (
    "title",
    "published",
    "outlet",
    "side_label",
    "speaker",
    "event_date",
    "place_as_written",
    "place_id",
    "country_code",
    "admin1_name",
    "qualifier",
    "location_basis",
)
OPTIONAL_INT = ("casualties", "evidence_start", "evidence_end", "mention_start", "mention_end")
CHOICES: Mapping[str, tuple[str, ...]] = {
    "claim_type": get_args(ClaimType),
    "precision": get_args(Precision),
    "role": get_args(Role),
    "location_basis": get_args(LocationBasis),
}
GEOMETRY_TYPES = ("Point", "Polygon", "MultiPolygon")

_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class OpenedClaims:
    """The features that follow the schema, in file order, and one message per feature that does not."""

    features: list[dict[str, Any]]
    problems: list[str]


def open_claims(data: bytes | str, name: str) -> OpenedClaims:
    """Parse and check a claims GeoJSON; ClaimsFileError when it is not one at all."""
    try:
        collection = json.loads(data)
    except RecursionError:
        raise ClaimsFileError(name, "not valid JSON: nested too deeply") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ClaimsFileError(name, f"not valid JSON ({_short(str(exc))})") from None
    except ValueError:  # CPython's guard against slow parsing of long integers
        digits = sys.get_int_max_str_digits()
        raise ClaimsFileError(name, f"not valid JSON: a number of more than {digits:,} digits") from None
    return check_claims(collection, name)


def check_claims(collection: object, name: str) -> OpenedClaims:
    """Check an already parsed collection (see open_claims)."""
    if not isinstance(collection, Mapping) or collection.get("type") != "FeatureCollection":
        raise ClaimsFileError(name, "not a GeoJSON FeatureCollection")
    features = collection.get("features")
    if not isinstance(features, list):
        raise ClaimsFileError(name, "'features' is not a list")
    kept: list[dict[str, Any]] = []
    problems: list[str] = []
    for n, feature in enumerate(features, start=1):
        try:
            kept.append(_feature(feature))
        except _Bad as exc:
            problems.append(f"{name}, feature {n}{_which(feature)}: {exc}")
    return OpenedClaims(kept, problems)


class _Bad(Exception):
    """What is wrong with one feature."""


def _which(feature: object) -> str:
    props = feature.get("properties") if isinstance(feature, Mapping) else None
    claim_id = props.get("claim_id") if isinstance(props, Mapping) else None
    return f" (claim {_short(claim_id, 60)!r})" if isinstance(claim_id, str) and claim_id else ""


def _short(text: str, limit: int = 200) -> str:
    text = _SURROGATES.sub("\ufffd", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _feature(feature: object) -> dict[str, Any]:
    if not isinstance(feature, Mapping):
        raise _Bad("not a JSON object")
    props = feature.get("properties")
    if not isinstance(props, Mapping):
        raise _Bad("no properties")
    errors: list[str] = []
    clean = _properties(props, errors)
    geometry = _geometry(feature.get("geometry"), errors)
    if errors:
        raise _Bad("; ".join(errors))
    out: dict[str, Any] = {"type": "Feature", "geometry": geometry, "properties": clean}
    fid = feature.get("id")
    if isinstance(fid, str):
        out["id"] = _SURROGATES.sub("\ufffd", fid)
    elif isinstance(fid, int | float) and not isinstance(fid, bool) and math.isfinite(fid):
        out["id"] = fid
    return out


def _properties(props: Mapping[str, Any], errors: list[str]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    missing = [k for k in REQUIRED_TEXT if k not in props or props[k] is None]
    if missing:
        errors.append(f"lacks {', '.join(missing)}")
    for key in REQUIRED_TEXT + OPTIONAL_TEXT:
        value = props.get(key)
        if value is None:
            clean[key] = None if key in OPTIONAL_TEXT else ""
        elif not isinstance(value, str):
            errors.append(f"{key} is not text")
        elif key in CHOICES and value not in CHOICES[key]:
            errors.append(f"{key} {_short(value, 40)!r} is not one of {', '.join(CHOICES[key])}")
        else:
            clean[key] = _SURROGATES.sub("\ufffd", value)
    for key in OPTIONAL_INT:
        value = props.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            errors.append(f"{key} is {_describe(value)}, not a whole number")
        clean[key] = value
    confidence = props.get("confidence")
    if confidence is not None and not (_is_number(confidence) and 0 <= confidence <= 1):
        errors.append(f"confidence is {_describe(confidence)}, not a number from 0 to 1")
    clean["confidence"] = confidence
    return clean


def _geometry(geometry: object, errors: list[str]) -> dict[str, Any] | None:
    if not isinstance(geometry, Mapping):
        errors.append("no geometry")
        return None
    kind = geometry.get("type")
    if kind not in GEOMETRY_TYPES:
        errors.append(f"geometry type {_describe(kind)} is not one of {', '.join(GEOMETRY_TYPES)}")
        return None
    coordinates = geometry.get("coordinates")
    try:
        if kind == "Point":
            clean: Any = _position(coordinates)
        elif kind == "Polygon":
            clean = _polygon(coordinates)
        else:
            clean = _list(coordinates, "a MultiPolygon")
            clean = [_polygon(p) for p in clean]
    except _Bad as exc:
        errors.append(f"{kind} coordinates: {exc}")
        return None
    return {"type": kind, "coordinates": clean}


def _list(value: object, what: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise _Bad(f"{what} needs a non-empty list")
    return value


def _polygon(value: object) -> list[list[list[float]]]:
    rings = _list(value, "a polygon")
    out = []
    for ring in rings:
        positions = _list(ring, "a ring")
        if len(positions) < 4:
            raise _Bad(f"a ring has {len(positions)} positions, at least 4 are needed")
        out.append([_position(p) for p in positions])
    return out


def _position(value: object) -> list[float]:
    if not isinstance(value, list) or len(value) not in (2, 3):
        raise _Bad("a position must be [longitude, latitude]")
    if not all(_is_number(v) for v in value):
        raise _Bad(f"{', '.join(_describe(v) for v in value)} is not a pair of finite numbers")
    lon, lat = value[0], value[1]
    # Compared before float(): an integer of 400 digits is off the globe, not an OverflowError.
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise _Bad(f"longitude {_describe(lon)}, latitude {_describe(lat)} is off the globe")
    return [float(lon), float(lat)]


def _is_number(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, int) and not isinstance(value, bool)


def _describe(value: object) -> str:
    """A value as a message shows it: short, and never the whole of a hostile structure."""
    if isinstance(value, str):
        return repr(_short(value, 40))
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return _short(str(value) if isinstance(value, float) or abs(value) < 10**30 else "a huge number", 40)
    return "a list" if isinstance(value, list) else "an object"
