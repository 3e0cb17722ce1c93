"""The pipeline end to end: bad input never costs other work, output is deterministic, and the seed
corpus matches its checked-in golden claims (regenerate with UPDATE_GOLDEN=1 after a deliberate change)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo import pipeline as pipeline_module
from geo.cli import build_parser
from geo.gazetteer import Gazetteer
from geo.mentions import load_nlp
from geo.pipeline import Pipeline
from geo.registry import load_registry
from geo.types import Place

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
GOLDEN = Path(__file__).parent / "golden" / "seeds_claims.json"

PLACES = (
    Place("country:SY", "Syria", 35.0, 38.0, "SY", kind="country"),
    Place("gn:163779", "Tallbīsah", 34.84072, 36.73092, "SY", "11", population=38_491),
)


@pytest.fixture(scope="module")
def small_pipe() -> Pipeline:
    return Pipeline(load_nlp(), Gazetteer.from_places(PLACES, {"gn:163779": ["Talbiseh"]}), load_registry())


def _write_corpus(folder: Path, n_good: int) -> None:
    folder.mkdir()
    for i in range(n_good):
        (folder / f"good{i}.txt").write_text(
            f"Title {i}\n\nActivists said Russian jets struck Talbiseh in Syria.\n"
        )
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00junk")
    (folder / "empty.md").write_text("   \n")


def test_one_broken_file_costs_only_itself(small_pipe: Pipeline, tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 3)
    report = small_pipe.build([tmp_path / "in"], tmp_path / "out.geojson", progress=False)
    assert report.articles == 3
    assert len(report.errors) == 2
    assert any("broken.txt" in e for e in report.errors) and any("empty.md" in e for e in report.errors)
    fc = json.loads((tmp_path / "out.geojson").read_text())
    assert {f["properties"]["article"] for f in fc["features"] if f["properties"]["role"] == "target"} == {
        "good0.txt",
        "good1.txt",
        "good2.txt",
    }
    assert "broken.txt" in report.text()


def test_a_stage_failure_is_reported_against_its_article(
    small_pipe: Pipeline, tmp_path: Path, monkeypatch
) -> None:
    _write_corpus(tmp_path / "in", 2)
    real = pipeline_module.extract_claims

    def flaky(article, *args):
        if article.id == "good1.txt":
            raise ValueError("parser exploded")
        return real(article, *args)

    monkeypatch.setattr(pipeline_module, "extract_claims", flaky)
    report = small_pipe.run(small_pipe.read([tmp_path / "in"]).articles)
    assert [a.id for a in report.articles] == ["good0.txt"]
    assert report.errors == ["good1.txt: could not be processed (ValueError: parser exploded)"]


def test_an_article_without_claims_is_named_in_the_summary(small_pipe: Pipeline, tmp_path: Path) -> None:
    (tmp_path / "calm.txt").write_text("Talks\n\nDiplomats will meet in Geneva next week to discuss Syria.\n")
    report = small_pipe.build([tmp_path / "calm.txt"], tmp_path / "o.geojson", progress=False)
    assert report.without_claims == ["calm.txt"]
    assert "calm.txt" in report.text()


@pytest.mark.parametrize("given", ["junk.txt", "missing.txt", "empty-folder"])
def test_nothing_read_keeps_the_earlier_output(small_pipe: Pipeline, tmp_path: Path, given: str) -> None:
    (tmp_path / "junk.txt").write_bytes(b"\x00\x00\x00")
    (tmp_path / "empty-folder").mkdir()
    out = tmp_path / "o.geojson"
    out.write_text("yesterday's claims")
    report = small_pipe.build([tmp_path / given], out, progress=False)
    assert report.written is None
    assert out.read_text() == "yesterday's claims"
    assert "nothing written" in report.text()


def test_cli_fails_clearly_when_no_article_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_bytes(b"\x00\x00\x00")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "geo",
            "build",
            str(tmp_path / "junk.txt"),
            "--out",
            str(tmp_path / "o.geojson"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0
    assert "junk.txt" in proc.stderr


def test_every_cli_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        assert f"python -m geo {name}" in readme, name


def _projection(fc: dict) -> list[list]:
    """What the golden file pins: who claims what where; not coordinates' last digits."""
    rows = {
        (
            p["article"],
            p["side"],
            p["speaker"],
            p["claim_type"],
            p["place"],
            p["precision"],
            p["role"],
            p["location_basis"],
        )
        for f in fc["features"]
        for p in [f["properties"]]
    }
    return [list(r) for r in sorted(rows)]


@pytest.mark.realdata
def test_seed_corpus_matches_golden_and_is_byte_identical(tmp_path: Path) -> None:
    pipe = Pipeline.load()
    a, b = tmp_path / "a.geojson", tmp_path / "b.geojson"
    pipe.build([CORPUS], a, progress=False)
    pipe.build([CORPUS], b, progress=False)
    assert a.read_bytes() == b.read_bytes()
    got = _projection(json.loads(a.read_text()))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in got) + "\n]\n")
    assert got == json.loads(GOLDEN.read_text())
    targets = {(r[0], r[4]) for r in got if r[6] == "target"}
    # the seeds' hard negatives never become strike places
    for article, place in [
        ("002_664a45344d151af0.txt", "Iraq"),
        ("001_61ae3743821c0ddd.txt", "Caspian Sea"),
        ("003_a54b07a1ee5ee18c.txt", "New York"),
        ("004_ff01b8e64425b3dd.txt", "Paris"),
    ]:
        assert (article, place) not in targets


@pytest.mark.realdata
def test_a_story_full_of_places_that_were_not_struck_maps_only_the_strike(tmp_path: Path) -> None:
    """Speaker places, bases, routes, history, talks, refugees' destinations, other forces' strikes,
    an offer to strike Iraq: none is a target; the activists' Talbiseh is."""
    pipe = Pipeline.load()
    out = tmp_path / "traps.geojson"
    pipe.build([Path(__file__).parent / "fixtures" / "articles_traps"], out, progress=False)
    targets = {
        f["properties"]["place"]
        for f in json.loads(out.read_text())["features"]
        if f["properties"]["role"] == "target"
    }
    assert "Tallbīsah" in targets
    assert targets <= {"Tallbīsah", "Syria"}
