"""Diagnostics: the one value object every step reports problems with.

A diagnostic carries both languages so that any renderer can choose; nothing downstream has to
translate or re-derive a location.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in an input file, with its position (1-based line and column)."""

    code: str
    severity: Severity
    message_ja: str
    message_en: str
    path: str
    line: int = 1
    column: int = 1
    yaml_path: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_ja

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message_ja)


def format_line(d: Diagnostic, lang: str) -> str:
    """One diagnostic as `file:line:column: severity[CODE] message`."""
    from dxcheck.paths import show_path

    return f"{show_path(d.path)}:{d.line}:{d.column}: {d.severity}[{d.code}] {d.message(lang)}"


def format_yaml_path(loc: tuple[str | int, ...]) -> str:
    """Render a path tuple as `initiatives[3].target` (keys dotted, indices bracketed)."""
    out: list[str] = []
    for part in loc:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif out:
            out.append(f".{part}")
        else:
            out.append(str(part))
    return "".join(out)
