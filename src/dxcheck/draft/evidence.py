"""Evidence spans: every drafted value keeps the exact text it came from, its section and page,
and the cue that found it, so that a reviewer can check each entry against the document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dxcheck.draft.outline import Section, Unit

MAX_QUOTE = 120
_SENTENCE = re.compile(r"[^。]*。|[^。]+$")


@dataclass(frozen=True, slots=True)
class Evidence:
    section: str
    page: int | None
    quote: str
    cue: str

    def cite(self) -> dict[str, Any]:
        where = f" p.{self.page}" if self.page else ""
        out: dict[str, Any] = {"section": self.section}
        if self.page:
            out["page"] = self.page
        out["quote"] = self.quote
        out["draft"] = f"{self.cue} in {self.section}{where}"
        return out


def pieces(unit: Unit) -> list[str]:
    """The unit's sentences (a table row: its cells), each an exact substring of its text."""
    if "\t" in unit.text:
        return [cell for cell in unit.text.split("\t") if cell.strip()]
    return [s for s in (m.group(0) for m in _SENTENCE.finditer(unit.text)) if s.strip()]


def evidence(section: Section, unit: Unit, quote: str, cue: str) -> Evidence:
    return Evidence(section.path, unit.cited_page, clip(quote.strip(_EDGE), cue), cue)


_EDGE = " \t#*-・●○■□◆◇"


def clip(text: str, around: str = "") -> str:
    """At most MAX_QUOTE characters of ``text``, keeping the cue word in view (a substring)."""
    if len(text) <= MAX_QUOTE:
        return text
    word = around.split()[-1] if around.split() else ""
    at = text.find(word) if word else -1
    start = max(0, min(at - MAX_QUOTE // 3, len(text) - MAX_QUOTE)) if at >= 0 else 0
    return text[start : start + MAX_QUOTE]


def quotable(text: str) -> str:
    """A heading or cover line without its Markdown marks, still a substring of the text."""
    text = text.lstrip("#").strip()
    if "**" in text:
        text = max(text.split("**"), key=len).strip()
    return text
