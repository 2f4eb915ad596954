"""The progress bar of long runs (rich, on stderr, only for a person at a terminal)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dxcheck.options import Options


class Progress:
    """``with Progress(total, lang) as advance: … advance()`` per finished file."""

    def __init__(self, total: int, lang: str, what: str = "check", console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        if what == "report":
            label = "rendering" if lang == "en" else "作成中"
        else:
            label = "checking" if lang == "en" else "照合中"
        self.total = total
        self._bar = RichProgress(
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=console if console is not None else Console(file=sys.stderr),
            transient=True,
        )
        self._task = self._bar.add_task(label, total=total, rate="")
        self._done = 0

    def __enter__(self) -> Callable[[], None]:
        self._bar.start()
        return self.advance

    def advance(self) -> None:
        self._done += 1
        task = self._bar.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = f"{self._done / elapsed:,.0f} files/s" if elapsed > 0 else ""
        self._bar.update(self._task, advance=1, rate=rate)

    def __exit__(self, *exc: Any) -> None:
        self._bar.stop()


class _NoProgress:
    def __enter__(self) -> Callable[[], None]:
        return lambda: None

    def __exit__(self, *exc: object) -> None:
        return None


def show_progress(opts: Options, fmt: str, total: int) -> bool:
    """A progress bar only for people watching a terminal: never for machine formats, in CI,
    with --quiet, or when stdout or stderr is not a terminal."""
    if opts.quiet or fmt not in ("text", "report") or total < 2 or os.environ.get("CI"):
        return False
    return bool(sys.stdout.isatty() and sys.stderr.isatty())


def progress_for(opts: Options, fmt: str, total: int) -> Any:
    """A context manager giving a function to call per finished file."""
    if not show_progress(opts, fmt, total):
        return _NoProgress()
    return Progress(total, opts.lang, "report" if fmt == "report" else "check")
