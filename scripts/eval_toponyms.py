"""Error classes and recognition figures on a public toponym corpus (LGL, GeoWebNews XML).

Why: `../shared/eval/toponyms.py` gives one accuracy figure; finding what to fix next needs the
misses sorted into classes, and `geo toponyms` (no given spans) needs its recognition measured
against spaCy's own entities on the same texts. The corpora are read in place, never copied.

    python scripts/eval_toponyms.py errors CORPUS.xml [--show CLASS]
        resolve the gold spans as `geo resolve` does; count the misses (> 161 km) by class
    python scripts/eval_toponyms.py recognition CORPUS.xml
        precision and recall of `geo toponyms` mentions and of spaCy's raw GPE/LOC/FAC entities
        against the gold spans, exact and overlapping

The gold spans are the ones `toponyms.py export` gives (GeoWebNews: not Non_Toponym, not
nonLocational, with coordinates).
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ACC_KM = 161.0
SPACY_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    name: str
    kind: str  # GeoWebNews's toponym type ("Literal", "Metonymic", ...); "" for LGL


def read_corpus(path: Path) -> Iterator[tuple[str, str, list[Gold]]]:
    """(doc id, text, gold toponyms with coordinates) per article, as toponyms.py reads them."""
    for n, art in enumerate(ET.parse(path).getroot().iter("article")):
        golds = []
        for t in art.find("toponyms") or []:
            start, end = t.findtext("start"), t.findtext("end")
            tag = t.find("gaztag")
            if tag is not None:
                lat, lon, name, kind = tag.findtext("lat"), tag.findtext("lon"), t.findtext("phrase"), ""
            else:
                kind = (t.findtext("type") or "").strip()
                if kind == "Non_Toponym" or (t.findtext("nonLocational") or "").strip() == "Yes":
                    continue
                lat, lon, name = t.findtext("latitude"), t.findtext("longitude"), t.findtext("extractedName")
            if not (start and end and lat and lon and lat.strip() and lon.strip()):
                continue
            golds.append(Gold(int(start), int(end), float(lat), float(lon), (name or "").strip(), kind))
        yield art.get("docid") or art.get("file") or str(n), art.findtext("text") or "", golds


def error_class(t: object, gold: Gold) -> str:
    """The class of a miss, from what the resolver chose (its kind, its qualifier) and the gold type."""
    from geo.resolve import INNER_NAME, NEAREST_LOCALITY
    from geo.types import Toponym

    assert isinstance(t, Toponym)
    p = t.place
    if p is None:
        return "unresolved"
    if t.qualifier == NEAREST_LOCALITY:
        return "street, building or body at a wrong locality"
    if t.qualifier == INNER_NAME:
        return "body named for a place (read by that place)"
    if p.kind == "region" or not p.country_code:
        return "macro-region, sea or ocean at our own point"
    if p.kind in ("admin1", "country"):
        return "area read where a town is meant, or the area's point"
    if gold.kind == "Metonymic":
        return "metonymy (team, government) at a namesake"
    return "wrong namesake"


def cmd_errors(corpus: Path, show: str) -> int:
    from geopy.distance import great_circle

    from geo.gazetteer import Gazetteer
    from geo.resolve import resolve_spans

    gaz = Gazetteer.load()
    classes: Counter[str] = Counter()
    n = 0
    for doc_id, text, golds in read_corpus(corpus):
        found = resolve_spans(text, [(g.start, g.end) for g in golds], gaz)
        for g, t in zip(golds, found, strict=True):
            n += 1
            point = (t.lat, t.lon) if t.lat is not None and t.lon is not None else None
            if point is not None and great_circle((g.lat, g.lon), point).km <= ACC_KM:
                continue
            c = error_class(t, g)
            classes[c] += 1
            if show and show in c:
                got = f"{t.place.name} ({t.place.country_code} {t.place.kind})" if t.place else "-"
                print(f"{doc_id}\t{g.name}\t{g.kind}\t{got}\t{text[max(0, g.start - 50) : g.end + 50]!r}")
    misses = sum(classes.values())
    print(f"{corpus.name}: {n} gold toponyms, {misses} beyond {ACC_KM:.0f} km (Acc@161 {1 - misses / n:.3f})")
    print("| error class | count |\n|---|---|")
    for c, k in classes.most_common():
        print(f"| {c} | {k} |")
    return 0


def _prf(found: set[tuple[str, int, int]], gold: set[tuple[str, int, int]], overlap: bool) -> str:
    if overlap:
        by_doc: dict[str, list[tuple[int, int]]] = {}
        for d, s, e in gold:
            by_doc.setdefault(d, []).append((s, e))
        hit_found = sum(any(s < ge and gs < e for gs, ge in by_doc.get(d, ())) for d, s, e in found)
        by_found: dict[str, list[tuple[int, int]]] = {}
        for d, s, e in found:
            by_found.setdefault(d, []).append((s, e))
        hit_gold = sum(any(s < fe and fs < e for fs, fe in by_found.get(d, ())) for d, s, e in gold)
    else:
        hit_found = hit_gold = len(found & gold)
    p = hit_found / len(found) if found else 0.0
    r = hit_gold / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def cmd_recognition(corpus: Path) -> int:
    from geo.pipeline import Pipeline
    from geo.types import Article

    pipe = Pipeline.load()
    gold: set[tuple[str, int, int]] = set()
    ours: set[tuple[str, int, int]] = set()
    spacy_raw: set[tuple[str, int, int]] = set()
    for doc_id, text, golds in read_corpus(corpus):
        gold |= {(doc_id, g.start, g.end) for g in golds}
        article = Article(id=doc_id, title="", text=text)
        doc = pipe.parse(article)
        spacy_raw |= {(doc_id, e.start_char, e.end_char) for e in doc.ents if e.label_ in SPACY_LABELS}
        ours |= {(doc_id, t.mention.start, t.mention.end) for t in pipe.toponyms(article, doc)}
    print(f"{corpus.name}: {len(gold)} gold spans")
    print("| mentions | count | exact span | overlapping span |\n|---|---|---|---|")
    for what, found in (("`geo toponyms`", ours), ("spaCy GPE/LOC/FAC, raw", spacy_raw)):
        print(f"| {what} | {len(found)} | {_prf(found, gold, False)} | {_prf(found, gold, True)} |")
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("errors")
    p.add_argument("corpus", type=Path)
    p.add_argument("--show", default="", help="print the misses of the classes containing this text")
    p = sub.add_parser("recognition")
    p.add_argument("corpus", type=Path)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: no such file", file=sys.stderr)
        return 2
    return cmd_errors(args.corpus, args.show) if args.cmd == "errors" else cmd_recognition(args.corpus)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
