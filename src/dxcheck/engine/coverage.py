"""Coverage of each national item by a plan, computed from the plan's content alone.

○ covered  — the municipality's own initiative addresses the item with a commitment the catalog
             accepts (実施・継続) and, where the catalog names a fact (the 20 基幹業務, the online
             procedures), the plan's facts are complete in scope (or not itemised at all);
△ partial  — the municipality's own measures consider it (検討), do it in incomplete scope (17 of
             20 業務), use it inside another measure (``uses``: a 書かない窓口 that reads the
             マイナンバーカード), or only list concrete measures for it (facts);
× missing  — nothing in the plan addresses it, or it is named only as background (``context``:
             「国の動向」 summarising the national plan); the reason then says where.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from dxcheck.catalog import business_key, match_business

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog, CatalogItem
    from dxcheck.models import Plan

Status = Literal["covered", "partial", "missing"]
Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    loc: Loc
    section: str
    quote: str | None
    commitment: str | None  # None for facts and governance


@dataclass(frozen=True, slots=True)
class ItemCoverage:
    item: str
    status: Status
    reason_ja: str
    reason_en: str
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)


def normalise_business(name: str) -> str:
    """A 基幹業務 name as plans write it → the catalog's name where they are the same 業務.

    Variants come from the catalog data (``catalog/data/core_business_variants.yaml``); a name
    that matches none comes back in its compared form (NFKC, no spaces), never as a catalog name.
    """
    return match_business(name) or business_key(name)


def unmatched_business(names: Iterable[str]) -> list[str]:
    """The names (as written, in order, once each) that match no 基幹業務 of the variant table."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        if name not in seen and match_business(name) is None:
            seen.add(name)
            out.append(name)
    return out


def missing_core_business(plan: Plan, catalog: Catalog) -> list[str] | None:
    """The catalog's 基幹業務 a plan's list lacks; None when the plan itemises none."""
    facts = plan.facts.standardization
    if facts is None or not facts.systems:
        return None
    listed = {normalise_business(s) for s in facts.systems}
    return [name for name in catalog.core_business if normalise_business(name) not in listed]


def online_shortfall(plan: Plan, catalog: Catalog) -> tuple[int, int] | None:
    """(planned, national) when the plan itemises fewer online procedures than the national
    list; None when it itemises none or enough."""
    facts = plan.facts.online_procedures
    if facts is None:
        return None
    planned = max(len(facts.procedures), facts.count or 0)
    national = len(catalog.online_procedures)
    if planned == 0 or national == 0 or planned >= national:
        return None
    return planned, national


def compute(plan: Plan, catalog: Catalog) -> dict[str, ItemCoverage]:
    return {item.id: _item(plan, catalog, item) for item in catalog.items}


def _item(plan: Plan, catalog: Catalog, item: CatalogItem) -> ItemCoverage:
    evidence: list[Evidence] = []
    for index, initiative in enumerate(plan.initiatives):
        if item.id in initiative.national_items:
            commitment: str = initiative.commitment
        elif item.id in initiative.uses and initiative.commitment != "context":
            commitment = "uses"
        else:
            continue
        evidence.append(
            Evidence(
                ("initiatives", index), initiative.cite.section, initiative.cite.quote, commitment
            )
        )
    fact = getattr(plan.facts, item.id, None)
    if fact is not None:
        evidence.append(Evidence(("facts", item.id), fact.cite.section, fact.cite.quote, None))
    if item.id == "org_structure":
        evidence.extend(_governance_evidence(plan))
    accepted = [e for e in evidence if e.commitment in item.coverage.commitments]
    if accepted or _governance_complete(plan, item.id):
        scope = _scope_gap(plan, catalog, item)
        if scope is not None:
            return ItemCoverage(item.id, "partial", scope[0], scope[1], tuple(evidence))
        return ItemCoverage(
            item.id, "covered", "実施・継続の取組あり", "committed", tuple(evidence)
        )
    own = [e for e in evidence if e.commitment != "context"]
    if own:
        kinds = sorted({e.commitment or "fact" for e in own})
        return ItemCoverage(
            item.id,
            "partial",
            f"検討・一部のみ（{'、'.join(_JA_COMMITMENT.get(k, k) for k in kinds)}）",
            f"only considered or partly addressed ({', '.join(_EN_COMMITMENT[k] for k in kinds)})",
            tuple(evidence),
        )
    if evidence:
        where = "、".join(dict.fromkeys(e.section for e in evidence))
        return ItemCoverage(
            item.id,
            "missing",
            f"背景として言及のみ（{where}）",
            f"mentioned as background only ({where})",
            tuple(evidence),
        )
    return ItemCoverage(item.id, "missing", "記載なし", "not addressed")


_JA_COMMITMENT = {
    "implement": "実施",
    "continue": "継続",
    "consider": "検討",
    "context": "背景として言及",
    "fact": "具体策の列挙あり",
    "governance": "推進体制",
    "uses": "他の取組の中で活用",
}
_EN_COMMITMENT = {
    "implement": "implement",
    "continue": "continue",
    "consider": "considered",
    "fact": "measures listed",
    "governance": "governance",
    "uses": "used inside another measure",
}


def _scope_gap(plan: Plan, catalog: Catalog, item: CatalogItem) -> tuple[str, str] | None:
    if item.coverage.fact == "standardization":
        missing = missing_core_business(plan, catalog)
        if missing:
            total = len(catalog.core_business)
            return (
                f"対象業務が{total - len(missing)}/{total}業務（不足: {'、'.join(missing)}）",
                f"{total - len(missing)} of {total} core systems listed",
            )
    if item.coverage.fact == "online_procedures":
        short = online_shortfall(plan, catalog)
        if short:
            return (
                f"オンライン化手続が{short[0]}件（国の一覧は{short[1]}件）",
                f"{short[0]} online procedures planned; the national list has {short[1]}",
            )
    return None


def _governance_evidence(plan: Plan) -> list[Evidence]:
    out: list[Evidence] = []
    gov = plan.governance
    for name in ("cio", "cio_deputy", "headquarters"):
        part = getattr(gov, name)
        if not part.not_stated and part.cite is not None:
            out.append(
                Evidence(("governance", name), part.cite.section, part.cite.quote, "governance")
            )
    return out


def _governance_complete(plan: Plan, item_id: str) -> bool:
    """組織体制 is covered by the governance section itself: a CIO and a 推進本部."""
    if item_id != "org_structure":
        return False
    gov = plan.governance
    return not gov.cio.not_stated and not gov.headquarters.not_stated
