"""The progress bar of long runs (rich, on stderr, only for a person at a terminal)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


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
