"""A thin argparse layer over the library: `python -m geo COMMAND ...`.

Heavy imports (spaCy, the gazetteer) happen inside the commands, so `--help` stays instant.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from geo.errors import ArticleError, GeoError
from geo.output import check_output, write_atomic
from geo.registry import DEFAULT_REGISTRY


def _add_places_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--places",
        type=Path,
        default=None,
        help="a CSV of your own places (see data/README.md); also read from $CLAIMATLAS_PLACES",
    )


def _cmd_lookup(args: argparse.Namespace) -> int:
    from geo.gazetteer import Gazetteer

    gaz = Gazetteer.load(user_places=args.places)
    for err in gaz.user_places_errors:
        print(f"warning: {err}", file=sys.stderr)
    places = gaz.lookup(args.name, country=args.country, limit=args.limit)
    if args.json:
        print(json.dumps([_place_json(p) for p in places], ensure_ascii=False, indent=1))
        return 0
    if not places:
        print(f"no place matches {args.name!r}", file=sys.stderr)
        return 1
    for p in places:
        where = ", ".join(x for x in (p.admin1_name, p.country_code) if x)
        print(f"{p.name}\t{p.lat:.4f}\t{p.lon:.4f}\t{p.kind}\t{where}\tpop={p.population}\t{p.id}")
    return 0


def _place_json(p: object) -> dict[str, object]:
    from geo.types import Place

    assert isinstance(p, Place)
    return {
        "id": p.id,
        "name": p.name,
        "lat": p.lat,
        "lon": p.lon,
        "country_code": p.country_code,
        "admin1": p.admin1,
        "admin1_name": p.admin1_name,
        "kind": p.kind,
        "population": p.population,
        "geonameid": p.geonameid,
    }


def _cmd_toponyms(args: argparse.Namespace) -> int:
    from geo.pipeline import Pipeline

    pipe = Pipeline.load(user_places=args.places)
    result = pipe.read(args.paths)
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    for article in result.articles:
        toponyms = pipe.toponyms(article)
        if args.json:
            for t in toponyms:
                print(json.dumps({"article": article.id, **_toponym_json(t)}, ensure_ascii=False))
            continue
        print(f"# {article.id}: {article.title}")
        for t in toponyms:
            m, p = t.mention, t.place
            where = f"{p.name} ({p.country_code}, {p.kind}) {t.lat:.4f},{t.lon:.4f}" if p else "UNRESOLVED"
            print(f"{m.start:>6}-{m.end:<6} {m.text!r:32} -> {where} [{t.precision}, {t.confidence:.2f}]")
    return 0 if result.articles else 2


def _toponym_json(t: object) -> dict[str, object]:
    from geo.types import Toponym

    assert isinstance(t, Toponym)
    return {
        "start": t.mention.start,
        "end": t.mention.end,
        "text": t.mention.text,
        "label": t.mention.label,
        "place": _place_json(t.place) if t.place else None,
        "lat": t.lat,
        "lon": t.lon,
        "precision": t.precision,
        "qualifier": t.qualifier,
        "confidence": round(t.confidence, 3),
    }


def _cmd_resolve(args: argparse.Namespace) -> int:
    _check_paths([args.input], args.out)
    from geo.gazetteer import Gazetteer
    from geo.resolve import NEAREST_LOCALITY, resolve_spans

    try:
        # JSON Lines end at "\n" only: a text may hold U+2028 or a form feed, which splitlines() splits at
        lines = args.input.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleError(str(args.input), f"cannot read: {exc}") from None
    gaz = Gazetteer.load(user_places=args.places)
    n_docs = 0
    out: list[str] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            text, spans = doc["text"], [(int(s), int(e)) for s, e in doc["spans"]]
            if not isinstance(text, str):
                raise TypeError("'text' is not a string")
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            print(f"error: {args.input}, line {lineno}: {exc}", file=sys.stderr)
            continue
        for t in resolve_spans(text, spans, gaz):
            p = t.place
            record = {
                "doc_id": doc.get("doc_id"),
                "start": t.mention.start,
                "end": t.mention.end,
                "lat": t.lat,
                "lon": t.lon,
                # a street placed at its town is not the town
                "geonameid": p.geonameid if p and t.qualifier != NEAREST_LOCALITY else None,
            }
            out.append(json.dumps(record) + "\n")
        n_docs += 1
    if n_docs:
        write_atomic(args.out, "".join(out).encode("utf-8"))
    print(f"resolved {n_docs} documents -> {args.out if n_docs else 'nothing written'}", file=sys.stderr)
    return 0 if n_docs else 2


def _check_paths(inputs: Sequence[Path], out: Path | None) -> None:
    """Before the slow loading: a mistyped path or an --out that cannot be written stops the run here,
    with nothing written."""
    for path in inputs:
        if not path.exists() and not path.is_symlink():
            raise ArticleError(str(path), f"no such file or folder; nothing written to {out or 'the store'}")
    if out is not None:
        check_output(out)


def _cmd_build(args: argparse.Namespace) -> int:
    from geo import batch
    from geo.store import ClaimStore, pipeline_version

    if args.out is None and args.store is None:
        print("error: build needs --out FILE, --store PATH, or both", file=sys.stderr)
        return 2
    _check_paths(args.paths, args.out)
    from geo.gazetteer import user_places_file

    places = user_places_file(args.places)
    with contextlib.ExitStack() as stack:
        engine: batch.Engine
        if args.engine == "dask":
            from geo.cluster import DaskEngine

            dask_engine = DaskEngine(
                scheduler=args.scheduler, workers=args.workers, places=places, registry=args.registry
            )
            engine = stack.enter_context(dask_engine)
        else:
            from geo.pipeline import Pipeline

            engine = batch.LocalEngine(lambda: Pipeline.load(user_places=places, registry=args.registry))
        store = stack.enter_context(ClaimStore(args.store)) if args.store else None
        version = pipeline_version(args.registry, places) if store else ""
        run = batch.build(
            args.paths, engine, out=args.out, store=store, version=version, progress=not args.quiet
        )
    print(run.text(), file=sys.stderr)
    return 0 if run.summary.articles else 2


def _cmd_export(args: argparse.Namespace) -> int:
    from geo.batch import write
    from geo.store import ClaimStore

    check_output(args.out)
    with ClaimStore(args.store, create=False) as store:
        write(store.feature_texts(), args.out)
        print(f"{store.count()} features -> {args.out}", file=sys.stderr)
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from geo.bench import run

    return run(args.sections, scale=args.articles if args.scale else 0)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("lookup", help="look a place name up in the embedded gazetteer")
    p.add_argument("name")
    p.add_argument("--country", default=None, help="ISO 3166-1 alpha-2 code, e.g. SY")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true", help="print a JSON list of candidates, best first")
    _add_places_option(p)
    p.set_defaults(func=_cmd_lookup)

    p = sub.add_parser("toponyms", help="list every place mention in articles, resolved")
    p.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    p.add_argument("--json", action="store_true", help="one JSON object per mention")
    _add_places_option(p)
    p.set_defaults(func=_cmd_toponyms)

    p = sub.add_parser("resolve", help="resolve given spans (JSONL) for evaluation on public corpora")
    p.add_argument("input", type=Path, help='JSONL lines {"doc_id", "text", "spans": [[start, end], ...]}')
    p.add_argument("--out", type=Path, required=True)
    _add_places_option(p)
    p.set_defaults(func=_cmd_resolve)

    p = sub.add_parser("build", help="extract strike claims from articles and write GeoJSON")
    p.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    p.add_argument(
        "--out", type=Path, default=None, help="the GeoJSON (or .parquet GeoParquet) file to write"
    )
    p.add_argument(
        "--store",
        type=Path,
        default=None,
        help="a claims store (SQLite) to update: only new or changed articles are processed",
    )
    p.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="where articles are processed"
    )
    p.add_argument("--scheduler", default=None, help="with --engine dask: an existing scheduler's address")
    p.add_argument("--workers", type=int, default=None, help="with --engine dask: LocalCluster workers (2)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--registry",
        type=Path,
        default=DEFAULT_REGISTRY,
        help="the actor registry: sides and who speaks for them (default: data/actors.yaml)",
    )
    _add_places_option(p)
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("export", help="write a claims store's content as GeoJSON or GeoParquet")
    p.add_argument("--store", type=Path, required=True, help="the claims store written by build --store")
    p.add_argument("--out", type=Path, required=True, help="claims.geojson, or claims.parquet for GeoParquet")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("bench", help="print speed and memory figures")
    p.add_argument("sections", nargs="*", help="which parts to run (default: all)")
    p.add_argument(
        "--scale", action="store_true", help="local engine vs a 2-worker Dask cluster, and an incremental run"
    )
    p.add_argument("--articles", type=int, default=2000, help="with --scale: how many articles (2000)")
    p.set_defaults(func=_cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `python -m geo toponyms ... | head`: the reader has what it wanted
        sys.stderr.close()
        return 0
