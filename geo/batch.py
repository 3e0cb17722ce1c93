"""Whole-input runs: read, process on an engine (here, or on Dask), keep in a store, write the file.

An engine yields the outcomes of whole articles in batches as they finish, each tagged with its
article's input position; a batch is the unit of a store transaction, so a run killed half-way leaves
the store with whole articles only. Outcomes are put back in input order before anything is written,
which is why every engine, however it partitions, writes the same bytes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from geo import articles as reader
from geo import export
from geo.output import check_output
from geo.pipeline import ArticleOutcome, BuildReport, Pipeline, Progress
from geo.store import ClaimStore
from geo.types import Article

Batch = list[tuple[int, ArticleOutcome]]  # (position in the articles given, outcome)


class Engine(Protocol):
    def outcomes(self, articles: Sequence[Article]) -> Iterator[Batch]: ...


class LocalEngine:
    """This process, one article after another."""

    def __init__(self, pipe: Pipeline, batch_size: int = 32) -> None:
        self.pipe = pipe
        self.batch_size = batch_size

    def outcomes(self, articles: Sequence[Article]) -> Iterator[Batch]:
        for start in range(0, len(articles), self.batch_size):
            part = articles[start : start + self.batch_size]
            yield [(start + n, self.pipe.process(a)) for n, a in enumerate(part)]


@dataclass(frozen=True, slots=True)
class BuildRun:
    """A run's report (of everything in the output) and what it did to get there."""

    report: BuildReport
    processed: int
    unchanged: int = 0
    removed: int = 0

    def summary(self) -> str:
        done = f"processed {self.processed} articles"
        if self.unchanged or self.removed:
            done += f", {self.unchanged} unchanged, {self.removed} removed from the store"
        return f"{done}\n{self.report.summary()}"


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
    if not read.articles:
        # A mistyped path must neither empty the store nor replace yesterday's file with nothing.
        report = BuildReport.of([])
        report.errors[:0] = [str(e) for e in read.errors]
        return BuildRun(report, 0)
    todo, unchanged, gone = read.articles, 0, []
    if store is not None:
        plan = store.plan(read.articles, version)
        todo, unchanged, gone = plan.todo, plan.unchanged, plan.gone
    bar = _progress_bar(len(todo)) if progress else None
    outcomes: dict[int, ArticleOutcome] = {}
    for batch in engine.outcomes(todo):
        if store is not None:
            store.put([o for _, o in batch], version)
        for n, outcome in batch:
            # a stored outcome is read back from the store; keeping only its error spares the memory
            outcomes[n] = outcome if store is None or outcome.error else ArticleOutcome(outcome.article)
        if bar is not None:
            bar(len(outcomes), len(todo))
    ordered = [outcomes[n] for n in sorted(outcomes)]
    if store is not None:
        store.remove(gone)
        report = store.report()
        report.errors.extend(o.error for o in ordered if o.error)
    else:
        report = BuildReport.of(ordered)
    report.errors[:0] = [str(e) for e in read.errors]
    if out is not None:
        write(report.feature_collection, out)
        report.written = out
    return BuildRun(report, len(todo), unchanged, len(gone))


def write(collection: dict, out: Path) -> None:
    if out.suffix.lower() in (".parquet", ".geoparquet"):
        export.write_parquet(collection, out)
    else:
        export.write(collection, out)


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
