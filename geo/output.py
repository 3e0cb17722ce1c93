"""Output files: checked before the work that fills them, then written whole or not at all.

A run takes minutes; an --out it cannot write should stop it at the start, not as a traceback at the
end. A device, a folder or a symbolic link named as --out is refused, never replaced: renaming over a
link would destroy the link, and writing through it would overwrite whatever it points to.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from geo.errors import OutputError


def check_output(path: Path) -> None:
    """Raise OutputError when `path` is not a file this run may create or replace."""
    shown = str(path)
    if path.is_symlink():
        raise OutputError(shown, "is a symbolic link; refusing to replace it (name a regular file)")
    if path.exists():
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise OutputError(shown, "is a folder; name a file to write")
        if not stat.S_ISREG(mode):
            raise OutputError(shown, "is not a regular file (a device, pipe or socket); refusing to write it")
        if not mode & 0o222:
            raise OutputError(
                shown, "is read-only; refusing to replace it (make it writable, or name another file)"
            )
    folder = path.absolute().parent
    if not folder.is_dir():
        raise OutputError(shown, f"folder {folder} does not exist")
    # Creating a file is the only test that sees every refusal: permissions, a read-only file system,
    # root squashing on a network share.
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".probe"):
            pass
    except OSError as exc:
        raise OutputError(shown, f"cannot write in folder {folder}: {exc.strerror or exc}") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` whole or not at all (see `atomic_file`); the bytes are ready before any file is
    created, so a failure to encode leaves nothing behind."""
    with atomic_file(path) as f:
        f.write(data)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write that replaces `path` only when the block ends without an error.

    It is written in the target's folder and renamed over the target, so a reader sees the previous
    file or the new one, never half of one, however long the writing streams. Where Linux allows,
    the temporary file has no name until it is complete (O_TMPFILE), so even a run killed mid-write
    leaves no .tmp behind.
    """
    check_output(path)
    folder = path.absolute().parent
    tmp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        fd, unnamed = _open_temporary(folder, tmp)
        try:
            with os.fdopen(fd, "wb") as f:
                yield f
                f.flush()
                os.fsync(f.fileno())
                if path.exists():  # keep the permissions of the file being replaced
                    os.fchmod(f.fileno(), path.stat().st_mode & 0o777)
                if unnamed:
                    _name(f.fileno(), tmp)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from None


def _name(fd: int, tmp: Path) -> None:
    """Give an O_TMPFILE file a name. A dir_fd makes Python call linkat(), which can follow /proc's
    link to the open file; plain link() cannot."""
    proc = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        os.link(str(fd), tmp, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _open_temporary(folder: Path, tmp: Path) -> tuple[int, bool]:
    """A file descriptor to write to, and whether it is still unnamed (to be linked as `tmp`)."""
    if hasattr(os, "O_TMPFILE") and Path("/proc/self/fd").is_dir():
        with contextlib.suppress(OSError):  # a file system without O_TMPFILE support
            return os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o666), True
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), False
