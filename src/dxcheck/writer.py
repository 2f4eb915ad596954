"""Atomic file output: a report is either complete or absent, never half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator

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


@contextlib.contextmanager
def atomic_target(path: str) -> Iterator[str]:
    """A temporary file name beside ``path`` for a writer that opens files itself (a
    spreadsheet library); renamed to ``path`` when the block ends without an error, removed
    otherwise, so ``path`` is either the complete new file or as it was."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    suffix = os.path.splitext(path)[1] or ".tmp"  # writers may check the extension
    fd, tmp = tempfile.mkstemp(prefix=".dxcheck-", suffix=suffix, dir=folder)
    os.close(fd)
    try:
        os.chmod(tmp, _mode_for(path))
        yield tmp
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
        return f"dxcheck: {show_path(path)}: {os_problem(path, exc, lang)}"
    return None


def os_problem(path: str, exc: OSError, lang: str) -> str:
    """Why ``path`` could not be written, in the user's language (the OS says it in English)."""
    import errno

    en = lang == "en"
    folder = os.path.dirname(path) or "."
    if exc.errno == errno.ENOENT:
        return (
            f"the folder {folder} does not exist; create it first"
            if en
            else f"保存先のフォルダ {folder} がありません。先に作成してください"
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "no permission to write here" if en else "ここに書き込む権限がありません"
    if exc.errno == errno.EISDIR:
        return (
            "is a folder; give a file name" if en else "フォルダです。ファイル名を指定してください"
        )
    if exc.errno == errno.ENOTDIR:
        return (
            "a part of the path is a file, not a folder"
            if en
            else "パスの途中がフォルダではなくファイルです"
        )
    if exc.errno == errno.ENOSPC:
        return "the disk is full" if en else "ディスクの空きがありません"
    return exc.strerror or str(exc)
