#!/usr/bin/env python3
"""Assemble realset6_gold.json from the hand-written annotation specs in gold_spec*.py.

Each claim's evidence is given as a unique fragment of the article; this script replaces it by the whole
sentence of the article that contains it (and fails if the fragment is missing or ambiguous), so that every
evidence string is a whole sentence of the article as written. Standard library only.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLIT = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d]))\s+(?=[A-Z"\u201c\'])')


def sentences(text):
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            out.extend(s.strip() for s in SPLIT.split(line) if s.strip())
    return out


def build(specs, about):
    arts = []
    for spec in specs:
        path = HERE / "articles" / spec["article"]
        sents = sentences(path.read_text(encoding="utf-8"))
        places = []
        for p in spec["strike_places"]:
            claims = []
            for side, speaker, claim, basis, frag in p["claims"]:
                hits = sorted({s for s in sents if frag in s})
                if len(hits) != 1:
                    sys.exit(f"{spec['article']}: fragment {frag!r} found in {len(hits)} sentences")
                claims.append({"side": side, "speaker": speaker, "claim": claim, "basis": basis,
                               "evidence": hits[0]})
            places.append({"name": p["name"], "kind": p["kind"], "lat": p["lat"], "lon": p["lon"],
                           "as_written": p["as_written"], "claims": claims})
        arts.append({"article": spec["article"], "strike_places": places,
                     "non_strike_places": [{"name": n, "why": w} for n, w in spec["non_strike_places"]],
                     "notes": spec["notes"]})
    return {"about": about, "articles": arts}


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    from gold_spec import ABOUT, SPECS
    out = build(SPECS, ABOUT)
    (HERE / "realset6_gold.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(len(a["strike_places"]) for a in out["articles"])
    print(f"{len(out['articles'])} articles, {n} strike places")
