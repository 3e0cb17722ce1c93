"""Output files: checked before the work that fills them, then written whole or not at all.

A run takes minutes; an --out it cannot write should stop it at the start, not as a traceback at the
end. A device, a folder or a symbolic link named as --out is refused, never replaced: renaming over a
link would destroy the link, and writing through it would overwrite whatever it points to.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

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
    """Write `data` to a temporary file in the target's folder, then rename it over the target.

    The bytes are ready before the file is created, so a failure to encode leaves nothing behind, and
    a reader (or a run killed half-way) sees the previous file or the new one, never half of one.
    """
    check_output(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.absolute().parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
