"""The actor registry (data/actors.yaml): sides with their labels and colours, and who speaks for them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from geo.errors import RegistryError

DEFAULT_REGISTRY = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"


@dataclass(frozen=True, slots=True)
class Side:
    id: str
    label: str
    color: str


def load_sides(path: Path = DEFAULT_REGISTRY) -> dict[str, Side]:
    """The registry's sides in file order: the order legends and layer lists use."""
    data = _read(path)
    sides = data.get("sides")
    if not isinstance(sides, dict) or not sides:
        raise RegistryError(str(path), "no 'sides' mapping")
    out: dict[str, Side] = {}
    for sid, spec in sides.items():
        if not isinstance(spec, dict) or "label" not in spec or "color" not in spec:
            raise RegistryError(str(path), f"side {sid!r} needs a label and a color")
        out[str(sid)] = Side(str(sid), str(spec["label"]), str(spec["color"]))
    return out


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise RegistryError(str(path), f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RegistryError(str(path), "expected a mapping at the top level")
    return data
