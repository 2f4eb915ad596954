"""Atomic file output: a report is either complete or absent, never half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile

from dxcheck.paths import show_path


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file in the same folder and an atomic
    rename; on any failure or interruption the temporary file is removed and ``path`` is left
    as it was."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".dxcheck-", suffix=".tmp", dir=folder)
    try:
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(path: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask
    (mkstemp's private 0600 would hide reports from colleagues on a shared server)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_new(path: str, text: str, lang: str) -> str | None:
    """Create ``path`` with ``text`` (UTF-8) and never overwrite an existing file: the
    planner's file is theirs. Returns the message to show when it could not be written."""
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return f"dxcheck: {show_path(path)}: " + (
            "already exists; not overwritten" if lang == "en" else "既にあります。上書きしません"
        )
    except OSError as exc:
        return f"dxcheck: {show_path(path)}: {exc.strerror}"
    return None
