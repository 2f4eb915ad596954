"""The one error type of the drafting steps: a clear message in both languages (exit 2)."""

from __future__ import annotations


class DraftError(Exception):
    """An input ``dxcheck draft`` cannot read; the CLI prints the message and exits 2."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(ja)
        self.ja = ja
        self.en = en

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja
