"""The pipeline on dask.distributed: a LocalCluster of worker processes, or the workers of any scheduler.

Each worker process loads spaCy and the gazetteer once, on its first partition, and keeps them in a
module-level cache for its lifetime: a task carries only a partition of articles. Every worker must
run the same pipeline version as the client (checked when the engine starts), or the same input would
give different claims depending on where it ran.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from geo.batch import Batch
from geo.errors import GeoError
from geo.pipeline import ArticleOutcome, Pipeline
from geo.registry import DEFAULT_REGISTRY
from geo.store import pipeline_version
from geo.types import Article

# What Dask does by default that costs a CPU-bound pipeline on few cores, for the LocalCluster it starts
# (a cluster of your own takes the same keys in its workers' Dask config: see the README).
LOCAL_CLUSTER_CONFIG = {
    # The nannies set MALLOC_TRIM_THRESHOLD_=65536 in their workers, which makes glibc hand freed
    # memory back at once: spaCy then page-faults ~35x as often an article (~15% more CPU). The
    # pipeline's memory does not grow an article, so glibc's own default is kept.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Every server checks its event loop every 20 ms, the scheduler and nannies in the client's
    # process too: ~6% of a core in an idle client, paid for the whole run's wall time.
    "distributed.admin.tick.interval": "1s",
    # The statistical profiler samples the running task's stack every 10 ms, holding the GIL.
    "distributed.worker.profile.enabled": False,
    # Every server samples its process's CPU, memory, network and disk every 500 ms, and the nannies
    # and workers check memory every 100 ms: with the tick above, 2.1% of a core in an idle client
    # (the scheduler and two nannies) and 0.8% in each worker, ~0.6% and ~0.25% at these intervals.
    # Memory is still checked every second, often enough for the pipeline's steady footprint.
    "distributed.admin.system-monitor.interval": "10s",
    "distributed.worker.memory.monitor-interval": "1s",
}
# Dask has each of up to 10 workers report to the scheduler every 0.5 s (not a config key): with the
# intervals above, two thirds of the cluster's remaining idle CPU (1.2% of a core: 0.7% in the client,
# 0.25% in each worker; 0.6% at 5 s). A worker that dies is noticed by its nanny and its closed comm,
# not by a missed heartbeat (those wait the 5-minute worker-ttl).
HEARTBEAT_S = 5.0
_LOADED: dict[tuple[str, str], Pipeline] = {}
_LOADS: list[tuple[str, str]] = []  # every load, so a test and the benchmark can see there was one
_LOCK = threading.Lock()  # a worker with several threads must still load once


def _worker_pipeline(places: str, registry: str) -> Pipeline:
    key = (places, registry)
    with _LOCK:
        if key not in _LOADED:
            _LOADED[key] = Pipeline.load(
                user_places=Path(places) if places else None, registry=_registry(registry)
            )
            _LOADS.append(key)
        return _LOADED[key]


def process_partition(articles: Sequence[Article], places: str, registry: str) -> list[ArticleOutcome]:
    """A worker's task: its cached pipeline over one partition; failures come back per article."""
    pipe = _worker_pipeline(places, registry)
    return [pipe.process(a) for a in articles]


def worker_state() -> dict[str, Any]:
    """How often this worker loaded a pipeline, its peak memory and CPU time (run on every worker)."""
    peak = 0.0
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) / 1024
    except OSError:
        pass
    return {"pid": os.getpid(), "loads": len(_LOADS), "peak_rss_mb": peak, "cpu_s": time.process_time()}


def _heartbeats_every(seconds: float, heartbeat_worker: Callable[..., dict[str, Any]]) -> Callable[..., Any]:
    """The scheduler's heartbeat handler, answering each worker that its next heartbeat is due in
    `seconds` (or later, when Dask asks for less often)."""

    @functools.wraps(heartbeat_worker)
    def handler(**msg: Any) -> dict[str, Any]:
        response = heartbeat_worker(**msg)
        if "heartbeat-interval" in response:
            response["heartbeat-interval"] = max(response["heartbeat-interval"], seconds)
        return response

    return handler


def _registry(registry: str) -> Path:
    """An empty path is the registry installed with the package, wherever this worker has it."""
    return Path(registry) if registry else DEFAULT_REGISTRY


def _worker_version(registry: str, places: str) -> str:
    return pipeline_version(_registry(registry), Path(places) if places else None)


class DaskEngine:
    """Partitions of articles as Dask tasks; a context manager that owns its LocalCluster, if any.

    The cluster starts (or the scheduler is reached) when a run first has articles to process, so an
    incremental run with nothing new starts no worker. At most `window` partitions per worker are
    ahead of the oldest unfinished one: both workers stay busy to the end while the client holds a
    bounded number of outcomes waiting for an earlier partition.
    """

    def __init__(
        self,
        *,
        scheduler: str | None = None,
        workers: int | None = None,
        places: Path | None = None,
        registry: Path = DEFAULT_REGISTRY,
        partition_size: int = 8,
        window: int = 4,
    ) -> None:
        self.scheduler = scheduler
        self.workers = workers or 2
        self.places = str(places) if places else ""
        self.registry = "" if registry == DEFAULT_REGISTRY else str(registry)
        self.partition_size = partition_size
        self.window = window
        self._client: Any = None
        self.cluster: Any = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
        if self.cluster is not None:
            self.cluster.close()
        self._client = self.cluster = None

    @property
    def client(self) -> Any:
        if self._client is None:
            self._start()
        return self._client

    def _start(self) -> None:
        import dask
        from distributed import Client, LocalCluster

        if self.scheduler:
            self._client = Client(self.scheduler, timeout="30s")
        else:
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                self.cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            handlers = self.cluster.scheduler.handlers
            handlers["heartbeat_worker"] = _heartbeats_every(HEARTBEAT_S, handlers["heartbeat_worker"])
            self._client = Client(self.cluster)
        try:
            self._check_versions()
        except BaseException:
            self.__exit__()
            raise

    def _check_versions(self) -> None:
        ours = _worker_version(self.registry, self.places)
        theirs = self._client.run(_worker_version, self.registry, self.places)
        if not theirs:
            raise GeoError(f"the Dask scheduler {self.scheduler} has no workers")
        odd = sorted(w for w, v in theirs.items() if v != ours)
        if odd:
            raise GeoError(
                f"Dask workers {', '.join(odd)} run another pipeline version than this client "
                "(other code, model, gazetteer data, registry or places file): install the same release"
            )

    def outcomes(self, articles: Sequence[Article]) -> Iterator[Batch]:
        if not articles:
            return
        from distributed import as_completed

        client = self.client
        size = self.partition_size
        ahead = self.window * max(len(client.scheduler_info()["workers"]), 1) * size
        starts = range(0, len(articles), size)
        pending: dict[Any, int] = {}
        running = as_completed()
        following = 0  # the next partition to submit

        def submit_while_ahead() -> None:
            nonlocal following
            oldest = min(pending.values(), default=starts[following] if following < len(starts) else 0)
            while following < len(starts) and starts[following] < oldest + ahead:
                start = starts[following]
                part = list(articles[start : start + size])
                future = client.submit(process_partition, part, self.places, self.registry, pure=False)
                pending[future] = start
                running.add(future)
                following += 1

        submit_while_ahead()
        for future in running:
            start = pending.pop(future)
            try:
                found = future.result()
            except Exception as exc:  # a worker lost mid-task: its articles fail, the others go on
                why = f"could not be processed on a Dask worker ({type(exc).__name__}: {exc})"
                found = [ArticleOutcome(a, error=f"{a.id}: {why}") for a in articles[start : start + size]]
            future.release()
            submit_while_ahead()
            yield list(enumerate(found, start))

    def worker_states(self) -> dict[str, dict[str, Any]]:
        return dict(self.client.run(worker_state))
