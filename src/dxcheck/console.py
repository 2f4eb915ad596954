"""Writing to the terminal: colour only on a terminal and never with NO_COLOR set.

rich is imported only when colour is actually used, so piping output or running in CI costs
no rich import.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan", "path": "bold", "dim": "dim"}


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


class Out:
    """Line-oriented writer with optional styles."""

    def __init__(self, stream: TextIO | None = None, colour: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.colour = use_colour(self.stream) if colour is None else colour
        self._console: object | None = None

    def line(self, text: str = "", style: str | None = None) -> None:
        if self.colour and style:
            from rich.console import Console
            from rich.text import Text

            if self._console is None:
                self._console = Console(file=self.stream, highlight=False, soft_wrap=True)
            console = self._console
            assert isinstance(console, Console)
            console.print(Text(text, style=_STYLES.get(style, style)))
        else:
            self.stream.write(text + "\n")

    def write(self, text: str) -> None:
        self.stream.write(text)
