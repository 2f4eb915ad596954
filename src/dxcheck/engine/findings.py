"""Findings: what a rule reports, with the national item and catalog version it comes from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dxcheck.diagnostics import Severity

if TYPE_CHECKING:
    from dxcheck.catalog.models import CatalogCitation


# the caveat of a finding whose national fact rests on secondary sources only (ja, en)
CAVEAT = (
    "（国の根拠は二次資料のみ。dxcheck catalog --sources を参照）",
    " (the national basis rests on secondary sources only; see dxcheck catalog --sources)",
)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    national_item: str | None
    catalog_version: str
    message_ja: str
    message_en: str
    path: str
    line: int
    column: int
    yaml_path: str
    fingerprint: str = ""
    citation: str = ""  # the national document and section the expectation comes from
    guidance_ja: str = ""
    guidance_en: str = ""
    basis: str = ""  # how sure the national fact is: official | secondary ("" = no fact)

    def message(self, lang: str) -> str:
        """What the rule found, without the caveat on how the national fact is sourced (a
        report or the terminal says that once, see :data:`SECONDARY_NOTE`)."""
        return self.message_en if lang == "en" else self.message_ja

    @property
    def secondary(self) -> bool:
        """The national fact this finding rests on has secondary sources only."""
        return self.basis == "secondary"

    def full_message(self, lang: str) -> str:
        """The message with its caveat, for outputs that show a finding on its own (an
        annotation, a SARIF result, a JSON record, an editor's diagnostic)."""
        if not self.secondary:
            return self.message(lang)
        return self.message(lang) + CAVEAT[1 if lang == "en" else 0]

    def guidance(self, lang: str) -> str:
        return self.guidance_en if lang == "en" else self.guidance_ja

    @property
    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (
            self.path,
            self.line,
            self.column,
            self.rule,
            self.national_item or "",
            self.message_ja,
        )


@dataclass(frozen=True, slots=True)
class Draft:
    """What a rule yields: where and what. The runner adds the rule's metadata, the position,
    the severity and the fingerprint."""

    loc: tuple[str | int, ...]
    message_ja: str
    message_en: str
    national_item: str | None = None
    severity: Severity | None = None  # None: the rule's default
    # The national fact the finding rests on (a target's citation); None: the item's own.
    basis: CatalogCitation | None = None
