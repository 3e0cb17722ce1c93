"""The Dask engine on a real LocalCluster of two worker processes: the same bytes as the local engine
whatever the partitioning, one pipeline load per worker, and one broken article costing only itself."""

from __future__ import annotations

import sys
from pathlib import Path

import cloudpickle
import pytest

from geo.batch import LocalEngine, build
from geo.cluster import DaskEngine
from geo.pipeline import Pipeline
from geo.registry import DEFAULT_REGISTRY
from geo.store import ClaimStore, pipeline_version

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
DEVSET = ROOT / "eval" / "devset" / "articles"

pytestmark = pytest.mark.realdata

# the helpers below run inside the worker processes, which cannot import this test module
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def engine():
    with DaskEngine(workers=2) as eng:
        yield eng


@pytest.fixture(scope="module")
def local_bytes(tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("local") / "local.geojson"
    build([CORPUS, DEVSET], LocalEngine(Pipeline.load()), out=out, progress=False)
    return out.read_bytes()


@pytest.mark.parametrize("partition_size", [1, 3, 100])
def test_dask_output_is_byte_identical_to_the_local_engine(
    engine: DaskEngine, local_bytes: bytes, tmp_path: Path, partition_size: int
) -> None:
    engine.partition_size = partition_size
    out = tmp_path / "dask.geojson"
    run = build([CORPUS, DEVSET], engine, out=out, progress=False)
    assert run.summary.errors == []
    assert out.read_bytes() == local_bytes


def test_each_worker_loads_the_pipeline_once(engine: DaskEngine, tmp_path: Path) -> None:
    engine.partition_size = 1
    build([CORPUS], engine, out=tmp_path / "a.geojson", progress=False)
    build([CORPUS], engine, out=tmp_path / "b.geojson", progress=False)
    states = engine.worker_states()
    assert len(states) == 2
    assert all(s["loads"] == 1 for s in states.values())


def test_a_dask_build_into_a_store_exports_the_same_bytes(
    engine: DaskEngine, local_bytes: bytes, tmp_path: Path
) -> None:
    engine.partition_size = 2
    with ClaimStore(tmp_path / "s.sqlite") as store:
        version = pipeline_version(DEFAULT_REGISTRY)
        build([CORPUS, DEVSET], engine, store=store, version=version, progress=False)
        out = tmp_path / "again.geojson"
        again = build([CORPUS, DEVSET], engine, out=out, store=store, version=version, progress=False)
        assert (again.processed, again.unchanged) == (0, 13)
        assert out.read_bytes() == local_bytes


def _break_one_article(article_id: str) -> None:
    """Runs on a worker: its pipeline's claim stage fails for one article."""
    from geo import pipeline

    real = pipeline.extract_claims

    def flaky(article, *args):
        if article.id == article_id:
            raise RuntimeError("worker-side failure")
        return real(article, *args)

    flaky.real = real  # type: ignore[attr-defined]
    pipeline.extract_claims = flaky  # type: ignore[assignment]


def _mend() -> None:
    from geo import pipeline

    pipeline.extract_claims = pipeline.extract_claims.real  # type: ignore[attr-defined]


def test_one_broken_article_on_a_worker_is_reported_and_the_rest_go_on(
    engine: DaskEngine, tmp_path: Path
) -> None:
    engine.partition_size = 2
    broken = "002_664a45344d151af0.txt"
    engine.client.run(_break_one_article, broken)
    try:
        run = build([CORPUS], engine, out=tmp_path / "o.geojson", progress=False)
    finally:
        engine.client.run(_mend)
    assert run.summary.errors == [f"{broken}: could not be processed (RuntimeError: worker-side failure)"]
    assert run.summary.articles == 4
    assert broken not in (tmp_path / "o.geojson").read_text()


def test_a_lost_task_fails_its_articles_only(engine: DaskEngine, tmp_path: Path, monkeypatch) -> None:
    import geo.cluster

    real = geo.cluster.process_partition

    def sometimes(articles, places, registry):
        if any(a.id.startswith("003_") for a in articles):
            raise MemoryError("worker killed")
        return real(articles, places, registry)

    monkeypatch.setattr(geo.cluster, "process_partition", sometimes)
    engine.partition_size = 1
    run = build([CORPUS], engine, out=tmp_path / "o.geojson", progress=False)
    assert run.summary.articles == 4
    assert run.summary.errors == [
        "003_a54b07a1ee5ee18c.txt: could not be processed on a Dask worker (MemoryError: worker killed)"
    ]


def _malloc_trim() -> str | None:
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def test_workers_keep_glibc_s_own_malloc_trimming(engine: DaskEngine) -> None:
    # Dask's 65536 makes spaCy page-fault ~35x as often per article: ~15% more CPU on every worker
    assert set(engine.client.run(_malloc_trim).values()) == {None}


def _config(key: str) -> object:
    import dask

    return dask.config.get(key)


@pytest.mark.parametrize(
    "key, value, dask_default",
    [
        ("distributed.admin.tick.interval", "1s", "20ms"),
        ("distributed.worker.profile.enabled", False, True),
        ("distributed.admin.system-monitor.interval", "10s", "500ms"),
        ("distributed.worker.memory.monitor-interval", "1s", "100ms"),
    ],
)
def test_workers_run_without_dask_s_costly_defaults(engine: DaskEngine, key: str, value, dask_default):
    assert set(engine.client.run(_config, key).values()) == {value}
    assert _config(key) == dask_default  # only the cluster the engine started is changed


def _heartbeat_interval_ms(dask_worker) -> float:
    return dask_worker.periodic_callbacks["heartbeat"].callback_time


def test_workers_heartbeat_every_five_seconds_not_twice_a_second(engine: DaskEngine) -> None:
    # Dask's 0.5 s was two thirds of an idle cluster's CPU; the interval is set by the scheduler's
    # answer to each heartbeat, so the first ones still come at Dask's pace
    import time

    deadline = time.monotonic() + 15
    while set(engine.client.run(_heartbeat_interval_ms).values()) != {5000} and time.monotonic() < deadline:
        time.sleep(0.5)
    assert set(engine.client.run(_heartbeat_interval_ms).values()) == {5000}


@pytest.mark.parametrize("window", [1, 2])
def test_the_client_keeps_a_bounded_window_of_partitions(engine: DaskEngine, window: int) -> None:
    from geo.articles import read_paths

    articles = sorted(read_paths([CORPUS, DEVSET]).articles, key=lambda a: a.id)
    engine.partition_size, engine.window = 1, window
    running = engine.outcomes(articles)
    try:
        first = next(running)
        # the partitions on the cluster and the finished one just handed over: never the whole input
        assert len(engine.client.futures) <= window * 2 + 1 < len(articles)
        assert [n for n, _ in first] == [first[0][0]]
        assert sum(len(batch) for batch in running) == len(articles) - 1
    finally:
        running.close()
        engine.window = 4
