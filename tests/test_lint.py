"""The style guide is the linter and type-checker configuration in pyproject.toml; CI enforces it here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_is_clean() -> None:
    proc = _run("ruff", "check", "geo", "dashboard", "tests", "scripts")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_is_clean_on_the_pipeline_and_the_dashboard() -> None:
    proc = _run("mypy", "geo", "dashboard")
    assert proc.returncode == 0, proc.stdout + proc.stderr
