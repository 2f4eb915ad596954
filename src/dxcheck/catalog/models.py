"""The catalog schema: the national 自治体DX推進計画 as citable data, one file per version."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Category = Literal["priority", "structure", "related", "other"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CatalogCitation(_Model):
    """Where a catalog fact comes from; ``verified`` is false until checked against 総務省's text."""

    document: str = "自治体デジタル・トランスフォーメーション（DX）推進計画"
    version: str
    section: str
    url: str | None = None
    verified: bool = False
    note: str | None = None


class NationalTarget(_Model):
    description_ja: str
    description_en: str
    kind: Literal["deadline", "goal"] = Field(
        default="deadline",
        description=(
            "deadline: 自治体の取組が終わっているべき期限（計画の目標がこれより遅ければ DL001）。"
            "goal: 国全体の到達目標（例: カードの普及）。自治体の取組がその後も続くことは妨げない"
        ),
    )
    deadline: datetime.date | None = None
    deadline_text: str | None = Field(
        default=None, description="期限を国の計画の言葉で（令和7年度末）"
    )
    citation: CatalogCitation


class Coverage(_Model):
    """What counts as the plan covering the item."""

    commitments: tuple[str, ...] = ("implement", "continue")
    fact: str | None = Field(
        default=None, description="covered only if this facts section is complete in scope"
    )
    description_ja: str | None = None
    description_en: str | None = None


class CatalogItem(_Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    category: Category
    number: str = Field(description="国の計画での番号（例: 重点(2)）")
    title_ja: str
    title_en: str
    summary_ja: str
    summary_en: str
    targets: tuple[NationalTarget, ...] = ()
    coverage: Coverage = Coverage()
    guidance_ja: str
    guidance_en: str
    keywords: tuple[str, ...] = ()
    citation: CatalogCitation


class OnlineProcedure(_Model):
    name: str
    group: str
    verified: bool = False


class Catalog(_Model):
    version: str
    title: str
    published: datetime.date
    period_start: datetime.date
    period_end: datetime.date
    supersedes: str | None = None
    items: tuple[CatalogItem, ...]
    core_business: tuple[str, ...] = Field(description="標準化の対象となる基幹業務")
    core_business_citation: CatalogCitation
    online_procedures: tuple[OnlineProcedure, ...]
    online_procedures_citation: CatalogCitation
    citation: CatalogCitation
