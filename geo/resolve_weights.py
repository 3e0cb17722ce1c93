"""The resolver's weights and thresholds, one frozen record read from `data/resolver_weights.toml`.

Every number that shapes a ranking lives in that file, so a weight is changed in one place and the
code reads as rules, not as numbers. The file is checked as a whole: a missing, unknown or
mistyped entry is an error naming the file and the key, never a silent default.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from types import MappingProxyType

from geo.errors import GeoError

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "resolver_weights.toml"


@dataclass(frozen=True, slots=True)
class Weights:
    """See `data/resolver_weights.toml` for what each number means."""

    prior_primary: float
    prior_exact: float
    importance_primary: float
    importance_exact: float
    importance_loose: float
    variant_slope: float
    variant_offset: float
    fuzzy_offset: float
    w_pop: float
    w_area_pop: float
    w_world_city: float
    world_city: int
    w_capital: float
    w_dateline_pop: float
    cue_match: float
    cue_mismatch: float
    cue_area: float
    container_in: float
    container_out: float
    country_name_town: float
    namesake_city_province: float
    namesake_city_world: int
    namesake_city_local: int
    namesake_city_km: float
    seat_city_min: int
    demonym_max_population: int
    w_country_any: float
    w_country_share: float
    w_capital_country: float
    w_text_cue: float
    w_admin1: float
    named_area_evidence: float
    admin1_evidence: float
    town_admin1_share: float
    small_town: int
    small_town_country_only: float
    w_near: float
    near_km: float
    admin_near_scale: float
    admin_near_gain: float
    w_pair: float
    pair_km: float
    pair_gap_free: float
    pair_gap: float
    pair_slack: float
    variant_quality: float
    fuzzy_quality: float
    max_candidates: int
    max_scored: int
    max_anchors: int
    context_chars: int
    acronym_letters: int
    sports_min_words: int
    list_town_share: float
    city_offset_km: float
    city_min_offset_km: float
    urban_density: float
    admin_offset_km: float
    country_offset_km: float
    inner_min_population: int
    written_town_population: int
    max_inner_words: int
    hamlet: int
    stray_hamlet_km: float
    region_holds_km: float
    foreign_town: int
    foreign_town_story: int
    outside_named: float
    locality_chars: float
    locality_confidence: float
    stray_alternate_population: int
    stray_loose_population: int
    stray_km: float
    stray_country_share: float
    kind_weight: Mapping[str, float]


def load_weights(path: Path) -> Weights:
    """The record in `path`; raises GeoError naming the file and the first bad key."""
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise GeoError(f"{path}: resolver weights missing or unreadable ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise GeoError(f"{path}: not valid TOML ({exc})") from exc
    wanted = {f.name: f.type for f in fields(Weights)}
    unknown = sorted(set(data) - set(wanted))
    missing = sorted(set(wanted) - set(data))
    if unknown or missing:
        raise GeoError(f"{path}: unknown keys {unknown}, missing keys {missing}")
    values: dict[str, object] = {}
    for name, kind in wanted.items():
        value = data[name]
        if name == "kind_weight":
            if not isinstance(value, dict) or not all(_is_number(v) for v in value.values()):
                raise GeoError(f"{path}: [kind_weight] must map kinds to numbers")
            values[name] = MappingProxyType({k: float(v) for k, v in value.items()})
        elif kind == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                raise GeoError(f"{path}: {name} must be a whole number, got {value!r}")
            values[name] = value
        else:
            if not _is_number(value):
                raise GeoError(f"{path}: {name} must be a number, got {value!r}")
            values[name] = float(value)
    return Weights(**values)  # type: ignore[arg-type]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@cache
def weights() -> Weights:
    """The weights the resolver runs with, read once per process."""
    return load_weights(WEIGHTS_FILE)
