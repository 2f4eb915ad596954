"""How sure a catalog fact is, from the kinds of its sources (official, or secondary only).

A leaf module: the catalog models call it for their ``strength`` property, the rules and
``dxcheck catalog --sources`` for the severity and the marks; it imports nothing of dxcheck.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dxcheck.catalog.models import CatalogCitation


def strength(citation: CatalogCitation | None) -> Literal["official", "secondary", "none"]:
    """official when any source is an official text (at its own address or copied);
    secondary when all sources are secondary; none without a source (or citation)."""
    if citation is None or not citation.sources:
        return "none"
    if any(s.kind in ("official", "official_copy") for s in citation.sources):
        return "official"
    return "secondary"


def secondary_only(citation: CatalogCitation | None) -> bool:
    """No official source shows this fact: findings from it never sound certain."""
    return strength(citation) != "official"
