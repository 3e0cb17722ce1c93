"""The claims store: incremental runs, whole-article transactions, the same bytes as `geo build`, and
filters answered by SQL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import TINY_ALTERNATES, TINY_PLACES

from geo import export, lexicon, resolve_weights
from geo import pipeline as pipeline_module
from geo.batch import LocalEngine, build
from geo.cli import main as cli_main
from geo.errors import StoreError
from geo.gazetteer import Gazetteer
from geo.mentions import load_nlp
from geo.pipeline import Pipeline
from geo.registry import load_registry
from geo.store import ClaimStore, StoreFilter, content_hash, pipeline_version
from geo.types import Article

ROOT = Path(__file__).resolve().parents[1]

# Short wire items over the tiny gazetteer's towns, sides and claim types, with dates.
TOWNS = ("Talbiseh", "Latamneh", "Jisr ash Shughur", "Homs", "Idlib", "Ar Raqqah", "Deir ez-Zor", "Latakia")
TEMPLATES = (
    "Activists said Russian jets struck {town} in Syria, killing {n} civilians.",
    "The Russian defence ministry said its aircraft hit Islamic State positions near {town}.",
    "US officials said there was no Islamic State presence in {town}, where Russian jets struck.",
)


def _article_text(i: int) -> str:
    body = TEMPLATES[i % len(TEMPLATES)].format(town=TOWNS[i % len(TOWNS)], n=3 + i % 7)
    return f"Strikes report {i}\ndate: 2015-10-{1 + i % 28:02d}\n\n{body}\n"


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(_article_text(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tiny_pipe() -> Pipeline:
    return Pipeline(load_nlp(), Gazetteer.from_places(TINY_PLACES, TINY_ALTERNATES), load_registry())


def _build_plain(pipe: Pipeline, folder: Path, out: Path) -> bytes:
    build([folder], LocalEngine(pipe), out=out, progress=False)
    return out.read_bytes()


def _build_store(pipe: Pipeline, folder: Path, store_path: Path, out: Path, version: str = "v1"):
    with ClaimStore(store_path) as store:
        return build(
            [folder], LocalEngine(pipe, batch_size=4), out=out, store=store, version=version, progress=False
        )


def test_store_output_and_export_are_byte_identical_to_a_plain_build(
    tiny_pipe: Pipeline, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path / "in", 9)
    plain = _build_plain(tiny_pipe, folder, tmp_path / "plain.geojson")
    _build_store(tiny_pipe, folder, tmp_path / "s.sqlite", tmp_path / "stored.geojson")
    assert (tmp_path / "stored.geojson").read_bytes() == plain
    assert (
        cli_main(["export", "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path / "e.geojson")]) == 0
    )
    assert (tmp_path / "e.geojson").read_bytes() == plain
    assert len(json.loads(plain)["features"]) >= 9  # the corpus really has claims to compare


def _add(folder: Path) -> None:
    (folder / "a100.txt").write_text(_article_text(100), encoding="utf-8")


def _change(folder: Path) -> None:
    (folder / "a001.txt").write_text(_article_text(2).replace("report 2", "report 1"), encoding="utf-8")


def _retitle(folder: Path) -> None:  # the body is the same, the article is not
    (folder / "a003.txt").write_text(
        _article_text(3).replace("Strikes report", "Air raids"), encoding="utf-8"
    )


def _remove(folder: Path) -> None:
    (folder / "a004.txt").unlink()


def _touch(folder: Path) -> None:  # same bytes rewritten: nothing to do
    (folder / "a005.txt").write_text(_article_text(5), encoding="utf-8")


@pytest.mark.parametrize(
    "edits, processed, unchanged, removed",
    [
        ((), 0, 6, 0),
        ((_touch,), 0, 6, 0),
        ((_add,), 1, 6, 0),
        ((_change,), 1, 5, 0),
        ((_retitle,), 1, 5, 0),
        ((_remove,), 0, 5, 1),
        ((_add, _change, _remove), 2, 4, 1),
    ],
)
def test_a_second_run_processes_only_what_changed_and_matches_a_fresh_build(
    tiny_pipe: Pipeline, tmp_path: Path, edits, processed: int, unchanged: int, removed: int
) -> None:
    folder = _corpus(tmp_path / "in", 6)
    store_path = tmp_path / "s.sqlite"
    _build_store(tiny_pipe, folder, store_path, tmp_path / "first.geojson")
    for edit in edits:
        edit(folder)
    run = _build_store(tiny_pipe, folder, store_path, tmp_path / "second.geojson")
    assert (run.processed, run.unchanged, run.removed) == (processed, unchanged, removed)
    fresh = _build_plain(tiny_pipe, folder, tmp_path / "fresh.geojson")
    assert (tmp_path / "second.geojson").read_bytes() == fresh


def test_another_pipeline_version_reprocesses_every_article(tiny_pipe: Pipeline, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in", 4)
    _build_store(tiny_pipe, folder, tmp_path / "s.sqlite", tmp_path / "a.geojson", version="v1")
    run = _build_store(tiny_pipe, folder, tmp_path / "s.sqlite", tmp_path / "b.geojson", version="v2")
    assert (run.processed, run.unchanged) == (4, 0)


@pytest.mark.parametrize(
    "edit, changes",
    [
        (lambda d: (d / "actors.yaml").write_text((d / "actors.yaml").read_text() + "\n# a note\n"), True),
        (lambda d: (d / "places.csv").write_text("name,lat,lon,country_code\nNew Town,35.0,36.0,SY\n"), True),
        (lambda d: None, False),
    ],
)
def test_the_version_follows_the_registry_and_places_files(tmp_path: Path, edit, changes: bool) -> None:
    registry = tmp_path / "actors.yaml"
    registry.write_bytes((ROOT / "data" / "actors.yaml").read_bytes())
    places = tmp_path / "places.csv"
    places.write_text("name,lat,lon,country_code\n")
    before = pipeline_version(registry, places)
    edit(tmp_path)
    assert (pipeline_version(registry, places) != before) is changes


@pytest.mark.parametrize("edit", ["lexicon", "weights", "nothing"])
def test_the_version_follows_the_word_lists_and_the_resolver_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    lexdir = tmp_path / "lexicon"
    shutil.copytree(ROOT / "data" / "lexicon", lexdir)
    weights = tmp_path / "resolver_weights.toml"
    shutil.copy(resolve_weights.WEIGHTS_FILE, weights)
    monkeypatch.setattr(lexicon, "LEXICON_DIR", lexdir)
    monkeypatch.setattr(resolve_weights, "WEIGHTS_FILE", weights)
    registry = ROOT / "data" / "actors.yaml"
    before = pipeline_version(registry)
    if edit == "lexicon":
        (lexdir / "directions.txt").write_text((lexdir / "directions.txt").read_text() + "widdershins\n")
    elif edit == "weights":
        weights.write_text(weights.read_text() + "\n# retuned\n")
    assert (pipeline_version(registry) != before) is (edit != "nothing")


def test_an_article_that_now_fails_loses_its_old_claims_and_is_retried(
    tiny_pipe: Pipeline, tmp_path: Path, monkeypatch
) -> None:
    folder = _corpus(tmp_path / "in", 3)
    store_path = tmp_path / "s.sqlite"
    _build_store(tiny_pipe, folder, store_path, tmp_path / "a.geojson")
    _change(folder)
    real = pipeline_module.extract_claims

    def flaky(article, *args):
        if article.id == "a001.txt":
            raise ValueError("parser exploded")
        return real(article, *args)

    monkeypatch.setattr(pipeline_module, "extract_claims", flaky)
    run = _build_store(tiny_pipe, folder, store_path, tmp_path / "b.geojson")
    assert run.summary.errors == ["a001.txt: could not be processed (ValueError: parser exploded)"]
    articles = {
        f["properties"]["article"] for f in json.loads((tmp_path / "b.geojson").read_text())["features"]
    }
    assert articles == {"a000.txt", "a002.txt"}
    monkeypatch.setattr(pipeline_module, "extract_claims", real)
    run = _build_store(tiny_pipe, folder, store_path, tmp_path / "c.geojson")
    assert (run.processed, run.unchanged) == (1, 2)


@pytest.fixture(scope="module")
def filled(tiny_pipe: Pipeline, tmp_path_factory) -> tuple[ClaimStore, list[dict]]:
    tmp = tmp_path_factory.mktemp("filled")
    folder = _corpus(tmp / "in", 24)
    store = ClaimStore(tmp / "s.sqlite")
    out = tmp / "all.geojson"
    build([folder], LocalEngine(tiny_pipe), out=out, store=store, version="v1", progress=False)
    return store, json.loads(out.read_text())["features"]


def _in_bbox(f: dict, bbox: tuple[float, float, float, float]) -> bool:
    def points(c):
        if isinstance(c[0], (int, float)):
            yield c
        else:
            for x in c:
                yield from points(x)

    xs = list(points(f["geometry"]["coordinates"]))
    south, west, north, east = bbox
    return (
        max(p[0] for p in xs) >= west
        and min(p[0] for p in xs) <= east
        and max(p[1] for p in xs) >= south
        and min(p[1] for p in xs) <= north
    )


@pytest.mark.parametrize(
    "where, keep",
    [
        (StoreFilter(), lambda p, f: True),
        (StoreFilter(sides=("opposition",)), lambda p, f: p["side"] == "opposition"),
        (StoreFilter(sides=("russia", "us")), lambda p, f: p["side"] in ("russia", "us")),
        (StoreFilter(sides=("nobody",)), lambda p, f: False),
        (StoreFilter(claim_types=("no_is_present",)), lambda p, f: p["claim_type"] == "no_is_present"),
        (StoreFilter(roles=("target",)), lambda p, f: p["role"] == "target"),
        (StoreFilter(precisions=("point", "region")), lambda p, f: p["precision"] in ("point", "region")),
        (StoreFilter(precisions=("admin1",)), lambda p, f: p["precision"] == "admin1"),
        (
            StoreFilter(articles=("a003.txt", "a010.txt")),
            lambda p, f: p["article"] in ("a003.txt", "a010.txt"),
        ),
        (
            StoreFilter(date_from="2015-10-05", date_to="2015-10-09"),
            lambda p, f: "2015-10-05" <= p["published"] <= "2015-10-09",
        ),
        (StoreFilter(date_to="2015-09-30"), lambda p, f: False),
        # Homs and Talbiseh, not Idlib or the east
        (StoreFilter(bbox=(34.5, 36.5, 35.0, 36.9)), lambda p, f: _in_bbox(f, (34.5, 36.5, 35.0, 36.9))),
        (StoreFilter(bbox=(-10.0, -10.0, -5.0, -5.0)), lambda p, f: False),
        (
            StoreFilter(sides=("opposition",), roles=("target",), bbox=(33.0, 35.0, 37.0, 42.0)),
            lambda p, f: (
                p["side"] == "opposition" and p["role"] == "target" and _in_bbox(f, (33.0, 35.0, 37.0, 42.0))
            ),
        ),
    ],
)
def test_store_filters_match_filtering_every_feature_in_python(filled, where: StoreFilter, keep) -> None:
    store, features = filled
    expected = sorted(f["id"] for f in features if keep(f["properties"], f))
    assert sorted(f["id"] for f in store.features(where)) == expected
    assert store.count(where) == len(expected)
    cells = store.cells(where, 0.5)
    assert sum(c.count for c in cells) == len(expected)
    assert {c.side for c in cells} == {f["properties"]["side"] for f in features if keep(f["properties"], f)}


def test_store_filters_run_in_sql_on_the_indexes(filled) -> None:
    store, _ = filled
    sql, params = StoreFilter(sides=("us",), bbox=(34.0, 36.0, 35.0, 37.0)).where()
    plan = " ".join(
        row[-1]
        for row in store.db.execute(f"EXPLAIN QUERY PLAN SELECT f.fid FROM features f WHERE {sql}", params)
    )
    assert "features_bbox VIRTUAL TABLE INDEX" in plan and "features_side" in plan


def _foreign_database(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")


def _older_store(path: Path) -> None:
    ClaimStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p.write_bytes(b""), None),  # an empty file is a new store
        (lambda p: ClaimStore(p).close(), None),
        (lambda p: p.write_bytes(b"not a database at all, just some text" * 100), "not a claims store"),
        (_foreign_database, "a SQLite database, but not a claims store"),
        (_older_store, "a claims store of schema 0"),
    ],
)
def test_opening_something_that_is_not_a_store(tmp_path: Path, make, message: str | None) -> None:
    path = tmp_path / "x.sqlite"
    make(path)
    if message is None:
        with ClaimStore(path) as store:
            assert store.count() == 0
        return
    before = path.read_bytes()
    with pytest.raises(StoreError, match=message) as info:
        ClaimStore(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == before  # nothing written into what is not ours


def test_export_of_a_missing_store_names_it(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "none.sqlite"
    assert cli_main(["export", "--store", str(missing), "--out", str(tmp_path / "o.geojson")]) == 2
    assert f"{missing}: no such claims store" in capsys.readouterr().err
    assert not missing.exists()


def test_geoparquet_export_has_every_feature(filled, tmp_path: Path) -> None:
    import geopandas

    store, features = filled
    store_path = store.path
    assert cli_main(["export", "--store", str(store_path), "--out", str(tmp_path / "c.parquet")]) == 0
    frame = geopandas.read_parquet(tmp_path / "c.parquet")
    assert sorted(frame["id"]) == sorted(f["id"] for f in features)
    assert frame.crs.to_epsg() == 4326
    assert set(frame.geom_type) <= {"Point", "Polygon", "MultiPolygon"}


def test_content_hash_covers_every_field() -> None:
    base = Article(
        id="a.txt", title="t", text="body", outlet="o", url="u", published="2015-10-01", author="x"
    )
    variants = [
        Article(id="b.txt", title="t", text="body", outlet="o", url="u", published="2015-10-01", author="x"),
        Article(id="a.txt", title="T", text="body", outlet="o", url="u", published="2015-10-01", author="x"),
        Article(id="a.txt", title="t", text="body!", outlet="o", url="u", published="2015-10-01", author="x"),
        Article(id="a.txt", title="t", text="body", outlet="o", url="u", published="2015-10-02", author="x"),
        Article(id="a.txt", title="t", text="body", outlet="o", url="u", published="2015-10-01", author="y"),
    ]
    assert len({content_hash(a) for a in [base, *variants]}) == 6
    assert content_hash(base) == content_hash(Article(**{s: getattr(base, s) for s in base.__slots__}))


@pytest.mark.realdata
def test_a_run_killed_half_way_leaves_whole_articles_and_the_next_run_completes(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in", 120)
    store_path = tmp_path / "s.sqlite"
    cmd = [sys.executable, "-m", "geo", "build", str(folder), "--store", str(store_path), "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stored = 0
    deadline = time.monotonic() + 240
    while stored == 0 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if store_path.exists():
            try:
                with sqlite3.connect(store_path) as db:
                    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # the schema is being created
                stored = 0
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with ClaimStore(store_path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = store.article_ids()
        assert 0 < len(kept) < 120, "the run was not killed half-way"
        half = store.features()
        for table in ("features_bbox", "bodies"):
            assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(half)
    full = tmp_path / "full.geojson"
    subprocess.run([*cmd[:5], "--out", str(full), "--quiet"], cwd=ROOT, env=env, check=True, timeout=600)
    whole = [f for f in json.loads(full.read_text())["features"] if f["properties"]["article"] in set(kept)]
    assert sorted(json.dumps(f, sort_keys=True) for f in half) == sorted(
        json.dumps(f, sort_keys=True) for f in whole
    )
    resumed = subprocess.run(
        [*cmd, "--out", str(tmp_path / "resumed.geojson")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert f"processed {120 - len(kept)} articles, {len(kept)} unchanged" in resumed.stderr
    assert (tmp_path / "resumed.geojson").read_bytes() == full.read_bytes()


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["build", "data/corpus"], 2, "build needs --out FILE, --store PATH, or both"),
        (
            ["export", "--store", "data/actors.yaml", "--out", "x.geojson"],
            2,
            "data/actors.yaml: not a claims store",
        ),
    ],
)
def test_cli_refuses_unclear_requests_with_a_message(
    args: list[str], code: int, message: str, capsys
) -> None:
    assert cli_main(args) == code
    assert message in capsys.readouterr().err


_POINT = {"type": "Point", "coordinates": [36.7, 34.8]}
_SQUARE = {"type": "Polygon", "coordinates": [[[1, 2], [3, 4]]]}


@pytest.mark.parametrize(
    "features",
    [
        [],
        [{"type": "Feature", "id": "a", "geometry": _POINT, "properties": {}}],
        [{"type": "Feature", "id": f"f{i}", "geometry": _SQUARE,
          "properties": {"place": "Ḥimṣ \"north\"\nline", "casualties": None, "nested": {"a": [1, {}]}}}
         for i in range(3)],
    ],
)  # fmt: skip
def test_a_streamed_geojson_is_the_bytes_of_the_whole_collection(tmp_path: Path, features: list) -> None:
    export.write_stream((export.feature_text(f) for f in features), tmp_path / "streamed.geojson")
    export.write({"type": "FeatureCollection", "features": features}, tmp_path / "whole.geojson")
    assert (tmp_path / "streamed.geojson").read_bytes() == (tmp_path / "whole.geojson").read_bytes()


def test_a_streamed_write_that_fails_leaves_the_earlier_file(tmp_path: Path) -> None:
    out = tmp_path / "o.geojson"
    out.write_text("yesterday's claims")

    def texts():
        yield export.feature_text({"type": "Feature", "id": "a", "geometry": _POINT, "properties": {}})
        raise RuntimeError("the run broke off")

    with pytest.raises(RuntimeError):
        export.write_stream(texts(), out)
    assert out.read_text() == "yesterday's claims"
    assert [p.name for p in tmp_path.iterdir()] == ["o.geojson"]


class _Scrambled:
    """An engine whose batches finish out of order, as a cluster's partitions do."""

    def __init__(self, pipe: Pipeline, order: list[int]) -> None:
        self.local, self.order = LocalEngine(pipe, batch_size=2), order

    def outcomes(self, articles):
        batches = list(self.local.outcomes(articles))
        return iter([batches[n] for n in self.order if n < len(batches)])


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [1, 0, 3, 4, 2]])
def test_outcomes_finishing_in_any_order_give_the_same_bytes(
    tiny_pipe: Pipeline, tmp_path: Path, order
) -> None:
    folder = _corpus(tmp_path / "in", 9)
    plain = _build_plain(tiny_pipe, folder, tmp_path / "plain.geojson")
    build([folder], _Scrambled(tiny_pipe, order), out=tmp_path / "s.geojson", progress=False)
    assert (tmp_path / "s.geojson").read_bytes() == plain


@pytest.mark.parametrize("edit, loads", [(lambda folder: None, 0), (_add, 1), (_remove, 0)])
def test_a_run_with_nothing_to_process_loads_no_pipeline(
    tiny_pipe: Pipeline, tmp_path: Path, edit, loads
) -> None:
    folder = _corpus(tmp_path / "in", 5)
    _build_store(tiny_pipe, folder, tmp_path / "s.sqlite", tmp_path / "a.geojson")
    edit(folder)
    loaded = []

    def load() -> Pipeline:
        loaded.append(1)
        return tiny_pipe

    with ClaimStore(tmp_path / "s.sqlite") as store:
        build(
            [folder], LocalEngine(load), out=tmp_path / "b.geojson", store=store, version="v1", progress=False
        )
    assert len(loaded) == loads
    assert (tmp_path / "b.geojson").read_bytes() == _build_plain(tiny_pipe, folder, tmp_path / "c.geojson")


def test_a_dask_run_with_nothing_to_process_starts_no_cluster() -> None:
    from geo.cluster import DaskEngine

    with DaskEngine(workers=2) as engine:
        assert list(engine.outcomes([])) == []
        assert engine.cluster is None
