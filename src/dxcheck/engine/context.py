"""What a rule sees: one plan, its source positions, the catalog and the as-of date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from dxcheck.catalog import load_catalog, version_in_force
from dxcheck.engine.coverage import ItemCoverage, compute
from dxcheck.loader import Document

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog, CatalogItem, NationalTarget
    from dxcheck.models import Plan, Waiver


@dataclass(slots=False)
class Context:
    plan: Plan
    document: Document
    catalog: Catalog
    as_of: datetime.date
    config_waivers: tuple[Waiver, ...] = ()  # from dxcheck.toml / [tool.dxcheck]

    @cached_property
    def coverage(self) -> dict[str, ItemCoverage]:
        return compute(self.plan, self.catalog)

    @cached_property
    def items(self) -> dict[str, CatalogItem]:
        return {item.id: item for item in self.catalog.items}

    @cached_property
    def adopted_on(self) -> datetime.date | None:
        doc = self.plan.document
        when = doc.adopted or doc.published
        return when.end if when is not None else None

    @cached_property
    def version_at_adoption(self) -> str | None:
        """The national plan version in force when the plan was adopted (None if unknown)."""
        return version_in_force(self.adopted_on) if self.adopted_on is not None else None

    def item_postdates_plan(self, item_id: str) -> bool:
        """True when the item was not in the national plan in force when this plan was adopted
        (a plan cannot be blamed for an item published after it)."""
        version = self.version_at_adoption
        if version is None or version == self.catalog.version:
            return False
        return item_id not in {item.id for item in load_catalog(version).items}

    def targets(self, item_id: str, scope: str = "all") -> list[NationalTarget]:
        """The dated national targets of an item for ``scope`` (all / specific_migration)."""
        item = self.items.get(item_id)
        if item is None:
            return []
        return [t for t in item.targets if t.deadline is not None and t.scope == scope]

    @cached_property
    def summary_note(self) -> tuple[str, str]:
        """For a 概要版 (ja, en): absence in the summary is not absence in the plan."""
        if self.plan.document.kind != "summary":
            return "", ""
        full = self.plan.document.full_document
        return (
            f"（概要版のため、本編{f'「{full.title}」' if full else ''}で確認してください）",
            f" (a summary: check the full plan{f' {full.title!r}' if full else ''})",
        )

    @cached_property
    def has_specific_migration(self) -> bool:
        facts = self.plan.facts.standardization
        return facts is not None and bool(facts.specific_migration)
