"""Output files (geo.output, `build --out`): refused before any work when they cannot or must not be
written, then written whole through a temporary file in the target's folder, or not at all."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from geo import cli, export
from geo.errors import OutputError
from geo.output import check_output, write_atomic

OLD = b'{"type": "FeatureCollection", "features": ["yesterday"]}\n'


def _make(tmp_path: Path, kind: str) -> Path:
    """The --out path of each kind, with an earlier output or a victim file where there is one."""
    out = tmp_path / "claims.geojson"
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    if kind == "symlink":
        out.symlink_to(victim)
    elif kind == "dangling symlink":
        out.symlink_to(tmp_path / "nowhere")
    elif kind == "folder":
        out.mkdir()
    elif kind == "fifo":
        os.mkfifo(out)
    elif kind == "read-only file":
        out.write_bytes(OLD)
        out.chmod(0o444)
    elif kind == "earlier output":
        out.write_bytes(OLD)
    elif kind == "device":
        return Path("/dev/null")
    elif kind == "missing folder":
        return tmp_path / "no" / "such" / "claims.geojson"
    elif kind == "read-only file system":
        return Path("/sys/claims.geojson")  # sysfs refuses new files even to root
    return out


@pytest.mark.parametrize(
    "kind, reason",
    [
        ("symlink", "is a symbolic link; refusing to replace it"),
        ("dangling symlink", "is a symbolic link; refusing to replace it"),
        ("device", "is not a regular file (a device, pipe or socket)"),
        ("fifo", "is not a regular file (a device, pipe or socket)"),
        ("folder", "is a folder; name a file to write"),
        ("read-only file", "is read-only; refusing to replace it"),
        ("missing folder", "folder "),
        ("read-only file system", "cannot write in folder /sys"),
        ("new file", None),
        ("earlier output", None),
    ],
)
def test_check_output(tmp_path: Path, kind: str, reason: str | None) -> None:
    out = _make(tmp_path, kind)
    if reason is None:
        check_output(out)
        write_atomic(out, b"new\n")
        assert out.read_bytes() == b"new\n"
    else:
        with pytest.raises(OutputError) as info:
            check_output(out)
        assert info.value.path == str(out) and info.value.reason.startswith(reason), info.value.reason
        with pytest.raises(OutputError):
            write_atomic(out, b"new\n")
    assert (tmp_path / "victim.txt").read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".probe"))] == []


def test_a_failed_write_keeps_the_earlier_output_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = _make(tmp_path, "earlier output")
    unwritable = {"type": "FeatureCollection", "features": [{"title": "lone \ud800 surrogate"}]}
    with pytest.raises(UnicodeEncodeError):
        export.write(unwritable, out)
    assert out.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.geojson", "victim.txt"]


def test_the_temporary_file_is_in_the_target_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _make(tmp_path, "earlier output")
    moves: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def spy(src: str, dst: object) -> None:
        moves.append((Path(src), Path(str(dst))))
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", spy)
    write_atomic(out, b"new\n")
    assert [(src.parent, dst) for src, dst in moves] == [(tmp_path, out)]
    assert out.read_bytes() == b"new\n" and oct(out.stat().st_mode & 0o777) == oct(0o644)


@pytest.mark.parametrize(
    "kind, message",
    [
        ("symlink", "is a symbolic link"),
        ("device", "is not a regular file"),
        ("folder", "is a folder"),
        ("missing folder", "does not exist"),
        ("read-only file system", "cannot write in folder"),
        ("mistyped input", "corpsu: no such file or folder; nothing written to"),
    ],
)
def test_build_refuses_before_loading_anything(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    message: str,
) -> None:
    from geo.pipeline import Pipeline

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pipeline was loaded before the paths were checked")

    monkeypatch.setattr(Pipeline, "load", never)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title\nBody")
    out = _make(tmp_path, "earlier output" if kind == "mistyped input" else kind)
    given = tmp_path / "corpsu" if kind == "mistyped input" else corpus
    assert cli.main(["build", str(given), "--out", str(out), "--quiet"]) == 2
    assert message in capsys.readouterr().err
    if kind == "mistyped input":
        assert out.read_bytes() == OLD
    assert (tmp_path / "victim.txt").read_bytes() == b"precious"


def test_resolve_refuses_a_symlink_out_before_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from geo.gazetteer import Gazetteer

    monkeypatch.setattr(Gazetteer, "load", lambda **kw: pytest.fail("loaded before the check"))
    given = tmp_path / "in.jsonl"
    given.write_text(json.dumps({"text": "Homs", "spans": [[0, 4]]}) + "\n")
    out = _make(tmp_path, "symlink")
    assert cli.main(["resolve", str(given), "--out", str(out)]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert (tmp_path / "victim.txt").read_bytes() == b"precious"


_WRITE_FOREVER = """
import sys
from pathlib import Path
from geo.output import write_atomic
out, size = Path(sys.argv[1]), int(sys.argv[2])
print("ready", flush=True)
while True:
    write_atomic(out, b"n" * size)
"""


def test_a_run_killed_mid_write_leaves_a_whole_file_and_no_partial_temporary(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    size = 8_000_000
    out = _make(tmp_path, "earlier output")
    root = Path(__file__).resolve().parents[1]
    for delay in (0.0, 0.01, 0.03, 0.05, 0.08, 0.13, 0.21, 0.34):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITE_FOREVER, str(out), str(size)],
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(root)},
            stdout=subprocess.PIPE,
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert out.read_bytes() in (OLD, b"n" * size)
        leftovers = [p.stat().st_size for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert all(n == size for n in leftovers), f"partial temporary files: {leftovers}"
