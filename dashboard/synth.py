"""Synthetic claims GeoJSON of any size, for the benchmark: `python -m dashboard.synth 10000 out.geojson`.

Claims cluster on a few hundred places across Syria (as real ones do: many claims per town), with some
governorate and country-level claims and a few context mentions abroad. Same n and seed, same file.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dashboard.basemap import GOVERNORATES_FILE, load_outlines
from dashboard.claims import CLAIM_TYPES
from geo.registry import load_sides

WORDS = [
    "strikes",
    "hit",
    "positions",
    "near",
    "the",
    "town",
    "killing",
    "civilians",
    "rebels",
    "said",
    "officials",
    "reported",
    "denied",
]


def synthetic_collection(n: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    sides = list(load_sides().values())
    places = [(f"Place {i}", rng.uniform(32.5, 37.0), rng.uniform(35.8, 42.0)) for i in range(300)]
    governorates = (load_outlines(GOVERNORATES_FILE) or {"features": []})["features"]
    features = []
    for i in range(n):
        side = rng.choice(sides)
        roll = rng.random()
        if roll < 0.05 and governorates:
            gov = rng.choice(governorates)
            name, geometry, precision = gov["properties"]["name"], gov["geometry"], "admin1"
        elif roll < 0.08:
            name, geometry, precision = "Syria", {"type": "Point", "coordinates": [38.5, 35.0]}, "country"
        else:
            name, lat, lon = rng.choice(places)
            geometry, precision = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}, "point"
        evidence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30))) + f" {name}."
        features.append(
            {
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "claim_id": f"synth-{i:05d}",
                    "article": f"synth_{i // 20:04d}.txt",
                    "title": f"Synthetic article {i // 20}",
                    "published": "2015-10-01",
                    "outlet": "Synthetic Wire",
                    "side": side.id,
                    "side_label": side.label,
                    "speaker": f"Speaker {rng.randint(1, 50)}",
                    "claim_type": rng.choice(CLAIM_TYPES),
                    "casualties": rng.choice([None, None, None, rng.randint(1, 60)]),
                    "event_date": "2015-09-30",
                    "evidence": evidence,
                    "place": name,
                    "place_as_written": name,
                    "place_id": f"synth:{name}",
                    "precision": precision,
                    "location_basis": rng.choice(["explicit", "explicit", "sentence", "article"]),
                    "role": "target" if rng.random() < 0.95 else "context",
                    "confidence": round(rng.random(), 2),
                    "evidence_start": 0,
                    "evidence_end": len(evidence),
                    "mention_start": None,
                    "mention_end": None,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def synthetic_store(n: int, path: Path, seed: int = 7) -> int:
    """A claims store holding the same n synthetic claims, 20 to an article; returns the number stored."""
    from geo.pipeline import ArticleOutcome
    from geo.store import ClaimStore
    from geo.types import Article

    by_article: dict[str, list[dict[str, Any]]] = {}
    for feature in synthetic_collection(n, seed)["features"]:
        feature["id"] = feature["properties"]["claim_id"]
        by_article.setdefault(feature["properties"]["article"], []).append(feature)
    outcomes = [
        ArticleOutcome(
            Article(
                id=aid,
                title=fs[0]["properties"]["title"],
                text="",
                published=fs[0]["properties"]["published"],
            ),
            tuple(fs),
            tuple(f["properties"]["side"] for f in fs if f["properties"]["role"] == "target"),
        )
        for aid, fs in by_article.items()
    ]
    with ClaimStore(path) as store:
        for start in range(0, len(outcomes), 500):
            store.put(outcomes[start : start + 500], "synthetic")
        return store.count()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m dashboard.synth", description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", action="store_true", help="write a claims store (SQLite), not GeoJSON")
    args = parser.parse_args(argv)
    if args.store:
        print(f"{args.out}: {synthetic_store(args.n, args.out, args.seed)} claims stored")
        return
    args.out.write_text(json.dumps(synthetic_collection(args.n, args.seed)), encoding="utf-8")
    print(f"{args.out}: {args.n} claims")


if __name__ == "__main__":
    main()
