"""Whole-input runs: read, process on an engine (here, or on Dask), keep in a store, write the file.

An engine yields the outcomes of whole articles in batches as they finish, each tagged with its
article's position; a batch is the unit of a store transaction, so a run killed half-way leaves the
store with whole articles only. Articles go to the engine in file order (by id), and each outcome is
written as soon as every article before it is: the output streams, the client holds only the outcomes
that finished ahead of an earlier one, and every engine, however it partitions, writes the same bytes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from geo import articles as reader
from geo import export
from geo.output import check_output
from geo.pipeline import ArticleOutcome, Pipeline, Progress
from geo.store import ClaimStore
from geo.summary import Summary
from geo.types import Article

Batch = list[tuple[int, ArticleOutcome]]  # (position in the articles given, outcome)


class Engine(Protocol):
    def outcomes(self, articles: Sequence[Article]) -> Iterator[Batch]: ...


class LocalEngine:
    """This process, one article after another. Given a loader, it loads the pipeline (spaCy, the
    gazetteer) only when a run has an article to process: an incremental run with nothing new is quick."""

    def __init__(self, pipe: Pipeline | Callable[[], Pipeline], batch_size: int = 32) -> None:
        self._pipe = pipe
        self.batch_size = batch_size

    @property
    def pipe(self) -> Pipeline:
        if not isinstance(self._pipe, Pipeline):
            self._pipe = self._pipe()
        return self._pipe

    def outcomes(self, articles: Sequence[Article]) -> Iterator[Batch]:
        for start in range(0, len(articles), self.batch_size):
            part = articles[start : start + self.batch_size]
            yield [(start + n, self.pipe.process(a)) for n, a in enumerate(part)]


@dataclass(frozen=True, slots=True)
class BuildRun:
    """A run's summary (of everything in the output) and what it did to get there."""

    summary: Summary
    processed: int
    unchanged: int = 0
    removed: int = 0

    def text(self) -> str:
        done = f"processed {self.processed} articles"
        if self.unchanged or self.removed:
            done += f", {self.unchanged} unchanged, {self.removed} removed from the store"
        return f"{done}\n{self.summary.text()}"


def build(
    paths: Sequence[Path],
    engine: Engine,
    *,
    out: Path | None = None,
    store: ClaimStore | None = None,
    version: str = "",
    progress: bool = True,
) -> BuildRun:
    """Read the inputs, process what needs it, and write `out` (GeoJSON, or GeoParquet for .parquet).

    With a store, only articles that are new, changed or stored by another `version` are processed,
    articles gone from the input are removed, and the output is the store's content.
    """
    if out is not None:
        check_output(out)
    read = reader.read_paths(paths)
    read_errors = [str(e) for e in read.errors]
    if not read.articles:
        # A mistyped path must neither empty the store nor replace yesterday's file with nothing.
        return BuildRun(Summary(errors=read_errors), 0)
    articles = sorted(read.articles, key=lambda a: a.id)  # file order: see the module's docstring
    if store is None:
        summary = Summary()
        texts = (t for o in _in_order(engine.outcomes(articles), len(articles), progress)
                 for t in _counted(summary, o))  # fmt: skip
        if out is not None:
            write(texts, out)
            summary.written = out
        else:
            for _ in texts:
                pass
        summary.errors[:0] = read_errors
        return BuildRun(summary, len(articles))
    plan = store.plan(articles, version)
    errors = [
        o.error
        for o in _in_order(engine.outcomes(plan.todo), len(plan.todo), progress, store, version)
        if o.error
    ]
    store.remove(plan.gone)
    summary = store.summary()
    summary.errors = read_errors + errors
    if out is not None:
        write(store.feature_texts(), out)
        summary.written = out
    return BuildRun(summary, len(plan.todo), plan.unchanged, len(plan.gone))


def _in_order(
    batches: Iterator[Batch],
    total: int,
    progress: bool,
    store: ClaimStore | None = None,
    version: str = "",
) -> Iterator[ArticleOutcome]:
    """Outcomes in article order as soon as they can be; each batch is stored as it arrives."""
    bar = _progress_bar(total) if progress else None
    waiting: dict[int, ArticleOutcome] = {}
    done = following = 0
    for batch in batches:
        if store is not None:
            store.put([o for _, o in batch], version)
        waiting.update(batch)
        done += len(batch)
        if bar is not None:
            bar(done, total)
        while following in waiting:
            yield waiting.pop(following)
            following += 1


def _counted(summary: Summary, outcome: ArticleOutcome) -> list[str]:
    """An article's features in file order, counted into the summary on their way out."""
    summary.add(outcome)
    return [export.feature_text(f) for f in export.file_order(outcome.features)]


def write(texts: Iterable[str], out: Path) -> None:
    """Features (each as `export.feature_text`, in file order) to GeoJSON, streamed; GeoParquet is
    assembled in memory first."""
    if out.suffix.lower() in (".parquet", ".geoparquet"):
        export.write_parquet({"type": "FeatureCollection", "features": [json.loads(t) for t in texts]}, out)
    else:
        export.write_stream(texts, out)


def _progress_bar(total: int) -> Progress | None:
    """A tqdm bar on stderr for runs long enough to want one."""
    if total < 20:
        return None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", leave=False, file=sys.stderr)

    def update(done: int, total: int) -> None:
        bar.update(done - bar.n)
        if done == total:
            bar.close()

    return update
