"""Output is a function of the input, not of the process: two separate Python processes, with
different hash seeds (so any iteration over a set or a str-keyed hash that leaks into the output
shows), build GeoJSON from the same corpus and the bytes are identical. Building twice in one
process cannot show this: both runs share one hash seed and one warm cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"


@pytest.mark.realdata
def test_two_processes_build_byte_identical_geojson(tmp_path: Path) -> None:
    outs = [tmp_path / "first.geojson", tmp_path / "second.geojson"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "geo", "build", str(CORPUS), "--out", str(out)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for out, seed in zip(outs, ("1", "2"), strict=True)
    ]
    results = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in results]
    first, second = (out.read_bytes() for out in outs)
    assert b'"features"' in first and first.count(b'"Feature"') > 10
    assert first == second
