"""Which files a command reads: files, folders (recursively *.yaml / *.yml) and ``-``."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from dxcheck.diagnostics import Diagnostic
from dxcheck.paths import show_path

STDIN = "-"
STDIN_NAME = "<stdin>"
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Expanded:
    files: list[str]
    errors: list[Diagnostic]  # unreadable or missing paths: exit code 2


def expand(paths: list[str]) -> Expanded:
    """Expand arguments to plan files, in a stable order; symlinked folders are not followed
    (no loops), symlinked files are read."""
    files: list[str] = []
    errors: list[Diagnostic] = []
    for arg in paths:
        if arg == STDIN:
            files.append(STDIN)
        elif os.path.isdir(arg):
            found: list[str] = []
            for root, dirs, names in os.walk(arg, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, n) for n in names if n.endswith(SUFFIXES))
            if not found:
                errors.append(
                    _error(
                        arg,
                        "フォルダに計画ファイル（*.yaml, *.yml）がありません",
                        "no plan files (*.yaml, *.yml) in this folder",
                    )
                )
            files.extend(sorted(found))
        elif os.path.exists(arg):
            files.append(arg)
        else:
            errors.append(_error(arg, "ファイルが見つかりません", "no such file or folder"))
    return Expanded(files, errors)


def _error(path: str, ja: str, en: str) -> Diagnostic:
    return Diagnostic("DX100", "error", ja, en, display_name(path))


class NotRegularFile(OSError):
    """A named pipe, socket or device: reading it could block forever or never end."""


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of a file (at most ``max_bytes + 1``), or of standard input for ``-``.
    OSError when unreadable; :class:`NotRegularFile` for what is not a regular file (opened
    without blocking, so a pipe with no writer is refused at once)."""
    if path == STDIN:
        return sys.stdin.buffer.read(max_bytes + 1)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(0, "not a regular file", path)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(max_bytes + 1)
    finally:
        os.close(fd)


def read_each(
    files: list[str], max_bytes: int, unreadable: list[Diagnostic]
) -> Iterator[tuple[str, bytes]]:
    """(display name, bytes) of each file in turn; a file that cannot be read is appended to
    ``unreadable`` and skipped."""
    for path in files:
        try:
            data = read_input(path, max_bytes)
        except OSError as exc:
            unreadable.append(os_error(path, exc))
            continue
        yield display_name(path), data


def display_name(path: str) -> str:
    """The name every message, report and output shows for ``path`` (printable: see
    :func:`dxcheck.paths.show_path`)."""
    return STDIN_NAME if path == STDIN else show_path(path)


def os_error(path: str, exc: OSError) -> Diagnostic:
    if isinstance(exc, NotRegularFile):
        return _error(
            path,
            "通常のファイルではありません（名前付きパイプ・デバイスなど）。読みません",
            "not a regular file (a named pipe, a device …); not read",
        )
    reason = exc.strerror or type(exc).__name__
    return _error(path, f"ファイルを読めません（{reason}）", f"cannot read the file ({reason})")
