"""The catalog schema: the national 自治体DX推進計画 as citable data, one file per version.

Every fact (a version's date and period, an item, a national target, the list of 基幹業務 and of
online procedures) carries a :class:`CatalogCitation` with one or more :class:`Source` records:
URL, a short quote, where in the source it stands, and how official the source is. How sure a
finding may sound follows from that (``CatalogCitation.strength``): a fact whose sources are all
secondary never produces an error.
"""

from __future__ import annotations

import datetime
from typing import Literal

from dxcheck.catalog.business import no_variant_twice
from dxcheck.schema_marks import field, model

Category = Literal["priority", "structure", "related", "other"]

SourceKind = Literal["official", "official_copy", "secondary"]
"""official: a government or municipal text at its own address; official_copy: a government
text reproduced on a third-party host (page by page, unedited); secondary: articles, vendors,
blogs, news (including articles written by officials that are not the plan's own text)."""

SOURCE_KIND_JA: dict[str, str] = {
    "official": "公式",
    "official_copy": "公式文書（第三者サイト掲載）",
    "secondary": "二次資料",
}
SOURCE_KIND_EN: dict[str, str] = {
    "official": "official",
    "official_copy": "official text (third-party host)",
    "secondary": "secondary",
}

Strength = Literal["official", "secondary", "none"]


@model
class Source:
    """One source of a catalog fact."""

    url: str = field(pattern=r"^https?://\S+$", description="出典のURL")
    quote: str = field(
        min_length=1, max_length=150, description="出典の該当箇所の短い引用（150字以内）"
    )
    locator: str = field(min_length=1, description="出典の中の場所（ページ・節・表紙・目次など）")
    kind: SourceKind = field(
        description="official=公式, official_copy=公式文書の第三者サイト掲載, secondary=二次資料"
    )
    title: str | None = field(default=None, description="出典の名称（例: 改革工程表2023）")
    note: str | None = None


@model
class CatalogCitation:
    """Where a catalog fact stands in the national document, and the sources that show it."""

    document: str = "自治体デジタル・トランスフォーメーション（DX）推進計画"
    version: str
    section: str
    sources: tuple[Source, ...] = field(
        default=(), description="この事実の出典（1件以上。無いものはカタログに入れない）"
    )
    note: str | None = None

    @property
    def strength(self) -> Strength:
        """See :func:`dxcheck.catalog.sources.strength`."""
        from dxcheck.catalog.sources import strength

        return strength(self)

    @property
    def secondary_only(self) -> bool:
        from dxcheck.catalog.sources import secondary_only

        return secondary_only(self)


TargetScope = Literal["all", "specific_migration"]


@model
class NationalTarget:
    description_ja: str
    description_en: str
    kind: Literal["deadline", "goal", "outcome"] = field(
        default="deadline",
        description=(
            "deadline: 自治体の取組が終わっているべき期限（「までに」「期限」「遅くとも」）。"
            "goal: 自治体の取組について国が目指す時期（「目指す」）。"
            "outcome: 国全体の到達目標（例: カードがほぼ全住民に行き渡る）。自治体の取組の期限ではない"
        ),
    )
    scope: TargetScope = field(
        default="all",
        description=(
            "all: すべての自治体・システム。specific_migration: 特定移行支援システムだけ"
            "（標準化基本方針 令和6年12月改定）"
        ),
    )
    deadline: datetime.date | None = None
    deadline_text: str | None = field(
        default=None, description="期限を国の計画の言葉で（令和7年度末）"
    )
    citation: CatalogCitation


@model
class Coverage:
    """What counts as the plan covering the item."""

    commitments: tuple[str, ...] = ("implement", "continue")
    fact: str | None = field(
        default=None, description="covered only if this facts section is complete in scope"
    )
    description_ja: str | None = None
    description_en: str | None = None


@model
class CatalogItem:
    id: str = field(pattern=r"^[a-z][a-z0-9_]*$")
    category: Category
    number: str = field(description="国の計画での番号（例: 重点取組事項(2)）")
    title_ja: str
    title_en: str
    short_ja: str | None = field(
        default=None, description="表の列見出しに使う短い名前（例: 標準化）。省略時は title_ja"
    )
    short_en: str | None = field(default=None, description="short column heading (English)")
    summary_ja: str
    summary_en: str
    targets: tuple[NationalTarget, ...] = ()
    coverage: Coverage = field(default_factory=Coverage)
    guidance_ja: str
    guidance_en: str
    keywords: tuple[str, ...] = ()
    citation: CatalogCitation


@model
class OnlineProcedure:
    name: str
    group: str


@model
class Catalog:
    version: str
    title: str
    published: datetime.date
    period_start: datetime.date
    period_end: datetime.date
    supersedes: str | None = None
    items: tuple[CatalogItem, ...]
    core_business: tuple[str, ...] = field(description="標準化の対象となる基幹業務")
    core_business_citation: CatalogCitation
    online_procedures: tuple[OnlineProcedure, ...]
    online_procedures_citation: CatalogCitation
    citation: CatalogCitation = field(description="版と公表日の出典")
    period_citation: CatalogCitation | None = field(default=None, description="対象期間の出典")


# --- 基幹業務 name variants (catalog/data/core_business_variants.yaml) ----------------------


@model
class BusinessVariant:
    name: str = field(min_length=1, description="カタログの基幹業務の名称（core_business の表記）")
    variants: tuple[str, ...] = field(
        default=(),
        description="計画が書く、同じ業務を指す別の表記（ほかの業務を含む表記は入れない）",
    )


@model
class BusinessVariants:
    suffixes: tuple[str, ...] = field(
        default=(), description="名称の末尾に付いても同じ業務とみなす語（「事務」「システム」など）"
    )
    business: tuple[BusinessVariant, ...]

    def __post_init__(self) -> None:
        no_variant_twice(self)
