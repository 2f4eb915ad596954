"""The plan schema: one class tree for every kind of municipal DX document.

The classes are frozen, slotted dataclasses; validation (:mod:`dxcheck.validate`) returns
them, and the rules, the renderers and the tests all use them. pydantic generates their core
schema and JSON Schema (:mod:`dxcheck.core_schemas`, :mod:`dxcheck.schema`) from these
declarations; at run time this module imports no pydantic.

Design choices (see README「計画ファイルの書き方」):

* Every class forbids unknown keys and validates strictly, so YAML 1.1 surprises (``no`` read as false,
  ``042021`` read as an octal number) are errors at their line instead of silent coercions.
* What a document does not state is written explicitly (``not_stated: true``), never left
  empty, so a checker can tell "the plan is silent" from "the encoder forgot".
* Dates are kept as the plan wrote them (``text``) and as a parsed inclusive span, parsed once
  here by :mod:`dxcheck.dates`.
* Every fact carries a citation (section, optional page and quote) of the source document.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from dxcheck import dates, document_kinds, plan_validators
from dxcheck.schema_marks import Pydantic, field, model

SCHEMA_ID = "https://dxcheck.invalid/schemas/plan.schema.json"


JpDate = Annotated[
    dates.Span,
    Pydantic(
        lambda p: (
            p.PlainValidator(plan_validators.parse_date),
            p.PlainSerializer(plan_validators.date_text, return_type=str),
            p.WithJsonSchema(
                {
                    "type": "string",
                    "description": "和暦・年度・西暦の日付。例: 令和7年度末, 令和5年度, R5, 令和8年3月, "
                    "令和4年4月〜令和8年3月, 2023-04-01（全角数字可）",
                    "examples": [
                        "令和7年度末",
                        "令和5年度",
                        "令和4年4月〜令和8年3月",
                        "2023-04-01",
                    ],
                }
            ),
        )
    ),
]


MunicipalityCode = Annotated[
    str,
    Pydantic(
        lambda p: (
            p.Field(pattern=r"^[0-9]{6}$"),
            p.PlainValidator(plan_validators.municipality_code),
            p.WithJsonSchema(
                {
                    "type": "string",
                    "pattern": "^[0-9]{6}$",
                    "description": '全国地方公共団体コード（6桁、検査数字付き）。引用符で囲む: "044016"',
                }
            ),
        )
    ),
]


NonEmpty = Annotated[str, Pydantic(lambda p: (p.Field(min_length=1),))]


def _item_id_schema() -> dict[str, Any]:
    from dxcheck.vocabulary import ITEM_IDS

    return {
        "type": "string",
        "enum": sorted(ITEM_IDS),
        "description": "国の自治体DX推進計画の項目ID（全カタログ版。dxcheck catalog で一覧）",
    }


ItemId = Annotated[
    str,
    Pydantic(
        lambda p: (
            p.Field(
                pattern=r"^[a-z][a-z0-9_]*$",
                description="国の自治体DX推進計画の項目ID（dxcheck catalog で一覧）",
                examples=["standardization", "online_procedures"],
            ),
            p.AfterValidator(plan_validators.known_item),
            p.WithJsonSchema(_item_id_schema()),
        )
    ),
]


# Every class is a frozen, slotted dataclass (dxcheck.schema_marks.model), and validation
# returns them: dxcheck.core_schemas builds the validator from the core schema pydantic
# generates for these classes, shipped with the package. Validation is strict (no YAML 1.1
# coercions); dxcheck.core_schemas sets that per schema (a strict dataclass itself would
# accept only instances, not mappings).


@model
class Citation:
    """Where in the source document a fact stands."""

    section: NonEmpty = field(description="出典の章・節（例: 第3章 2(1)）")
    page: int | None = field(default=None, ge=1, description="出典のページ（分かる場合）")
    quote: str | None = field(default=None, description="出典の該当箇所の引用（短く）")
    draft: str | None = field(
        default=None,
        description="dxcheck draft がこの項目を抜き出した手がかり（例: keyword ガバメントクラウド "
        "in 基本方針2 p.9）。人が原文と照らして確認したら、この行を削除する / the cue that "
        "produced this entry; delete the line once a person has confirmed it",
    )


@model
class Municipality:
    name: NonEmpty = field(description="団体名（例: 松島町）")
    code: MunicipalityCode = field(
        description='全国地方公共団体コード（6桁、検査数字付き）。必ず引用符で囲む: "044016"',
        examples=["044016"],
    )
    prefecture: NonEmpty = field(description="都道府県名（例: 宮城県）")


@model
class Source:
    file: str | None = field(default=None, description="原本のファイル名")
    url: str | None = field(default=None, description="原本のURL")
    note: str | None = None

    def __post_init__(self) -> None:
        plan_validators.source_file_or_url(self)


@model
class FullDocument:
    """The full document a 概要版 summarises (reports link to it)."""

    title: NonEmpty = field(description="本編の文書名")
    url: str | None = field(default=None, description="本編のURL")
    file: str | None = field(default=None, description="本編のファイル名")
    note: str | None = None


@model
class Revision:
    date: JpDate
    note: NonEmpty
    cite: Citation | None = None


# the keys of dxcheck.document_kinds.DOCUMENT_KINDS (tests/test_schema.py)
DocumentKind = Literal["plan", "policy", "vision", "summary", "proposal", "other"]
DocumentStatus = Literal["adopted", "draft", "proposal"]


@model
class DocumentInfo:
    title: NonEmpty = field(description="文書名")
    kind: DocumentKind = field(description=document_kinds.schema_description())
    status: DocumentStatus = field(description="adopted=策定済, draft=案, proposal=提案段階")
    adopted: JpDate | None = field(default=None, description="策定（決定・提案）日")
    published: JpDate | None = field(default=None, description="発行日（概要版など）")
    revisions: list[Revision] = field(default_factory=list)
    full_document: FullDocument | None = field(
        default=None,
        description="概要版（kind: summary）の場合、その本編（題名・URL・ファイル）。レポートがリンクする",
    )
    national_plan_version: str | None = field(
        default=None,
        description='文書が参照する国の自治体DX推進計画の版（例: "2.0"）。記載がなければ省略',
    )
    source: Source
    cite: Citation | None = None


@model
class Period:
    """The plan's own period (計画期間 / 対象期間)."""

    start: JpDate | None = None
    end: JpDate | None = None
    not_stated: bool = field(default=False, description="文書に期間の記載がない場合 true")
    note: str | None = None
    cite: Citation | None = None

    def __post_init__(self) -> None:
        plan_validators.period_stated_or_not(self)


@model
class _Stated:
    not_stated: bool = field(default=False, description="文書に記載がない場合 true")
    note: str | None = None
    cite: Citation | None = None


@model
class Role(_Stated):
    """A post such as CIO or CIO補佐官: who holds it, or that the document does not say."""

    holder: str | None = field(default=None, description="担う職（例: 副市長, 外部人材）")

    def __post_init__(self) -> None:
        plan_validators.role_stated(self)


@model
class Body(_Stated):
    """A body such as the 推進本部 or a working group."""

    name: str | None = field(default=None, description="組織名（例: 松島町DX推進本部）")
    head: str | None = field(default=None, description="本部長など長となる職")
    members: str | None = None

    def __post_init__(self) -> None:
        plan_validators.body_stated(self)


@model
class Expert:
    role: NonEmpty = field(description="外部人材・アドバイザーの役割（例: DXアドバイザー）")
    source: str | None = field(
        default=None, description="派遣元・制度（例: 地域情報化アドバイザー）"
    )
    cite: Citation


@model
class Governance:
    cio: Role = field(description="CIO（最高情報責任者）")
    cio_deputy: Role = field(description="CIO補佐官（外部人材を含む）")
    headquarters: Body = field(description="全庁的な推進本部")
    external_expertise: list[Expert] = field(
        default_factory=list, description="外部人材・アドバイザーの活用（記載がなければ空）"
    )
    working_groups: list[Body] = field(default_factory=list)
    department: Body | None = field(default=None, description="推進担当部署")


@model
class KpiValue:
    value: float | str
    date: JpDate | None = None
    note: str | None = None


@model
class Kpi:
    name: NonEmpty
    unit: str | None = None
    baseline: KpiValue | None = None
    target: KpiValue | None = None
    cite: Citation


@model
class ScheduleEntry:
    fiscal_year: JpDate = field(description="年度（例: 令和5年度）")
    activity: NonEmpty
    cite: Citation | None = None


ProgressStatus = Literal["done", "partial", "in_progress", "delayed", "not_started", "cancelled"]


@model
class Progress:
    """A recorded result (実績) at a date: 完了 / 一部完了 / 実施中 / 遅延 / 未着手 / 中止."""

    as_of: JpDate
    status: ProgressStatus = field(
        description="done=完了（移行完了）, partial=一部完了（一部の業務・手続のみ）, "
        "in_progress=実施中, delayed=遅延, not_started=未着手, cancelled=中止"
    )
    systems: list[NonEmpty] = field(
        default_factory=list,
        description="この記録が対象とする業務・システム（標準化の一部移行など。省略時は全体）",
    )
    note: str | None = None
    cite: Citation | None = None


Commitment = Literal["implement", "consider", "continue", "context"]


@model
class Initiative:
    id: str = field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", description="計画内で一意のID")
    title: NonEmpty
    description: str | None = None
    national_items: list[ItemId] = field(
        default_factory=list, description="対応する国の計画の項目ID（dxcheck catalog）"
    )
    uses: list[ItemId] = field(
        default_factory=list,
        description="この取組の中で使うが、取組の目的ではない国の項目（例: 書かない窓口でマイナンバー"
        "カードを読み取る → mynumber_card）。充足は △ 一部として数える",
    )
    commitment: Commitment = field(
        description="implement=実施, consider=検討, continue=継続, "
        "context=背景として言及のみ（自団体の取組としていない）"
    )
    target: JpDate | None = field(default=None, description="目標時期（例: 令和7年度末）")
    kpis: list[Kpi] = field(default_factory=list)
    schedule: list[ScheduleEntry] = field(default_factory=list, description="年度別の工程")
    progress: list[Progress] = field(default_factory=list, description="実績の記録")
    cite: Citation


@model
class StandardizationFacts:
    systems: list[NonEmpty] = field(
        default_factory=list,
        description="標準化の対象として文書が挙げる基幹業務（文書の表記のまま）",
    )
    systems_count_stated: int | None = field(
        default=None, description="文書が述べる業務数（例: 計17業務）"
    )
    target: JpDate | None = None
    government_cloud: bool | None = field(default=None, description="ガバメントクラウド利用の記載")
    specific_migration: list[SpecificMigration] = field(
        default_factory=list,
        description="特定移行支援システム（令和7年度末までの移行が困難で、国が概ね令和12年度末までの"
        "移行を認めるもの）とその移行目標",
    )
    progress: list[Progress] = field(
        default_factory=list,
        description="移行の実績（移行完了 done / 一部 partial / 未着手 not_started）",
    )
    cite: Citation


@model
class SpecificMigration:
    """Systems the municipality migrates after 令和7年度末 as 特定移行支援システム."""

    systems: list[NonEmpty] = field(
        min_length=1, description="特定移行支援システムに該当する業務（文書の表記のまま）"
    )
    target: JpDate | None = field(default=None, description="移行の目標時期（例: 令和9年度）")
    note: str | None = None
    cite: Citation


@model
class OnlineProceduresFacts:
    procedures: list[NonEmpty] = field(default_factory=list, description="オンライン化する手続")
    count: int | None = field(default=None, ge=0, description="文書が述べる手続数")
    via_mynaportal: bool | None = field(default=None, description="マイナポータル経由の記載")
    target: JpDate | None = None
    cite: Citation


@model
class Measures:
    measures: list[NonEmpty] = field(default_factory=list, description="文書が挙げる具体策")
    target: JpDate | None = None
    cite: Citation


@model
class Facts:
    """Details the rules need, per national item, each with a citation."""

    standardization: StandardizationFacts | None = None
    online_procedures: OnlineProceduresFacts | None = None
    mynumber_card: Measures | None = None
    ai_rpa: Measures | None = None
    telework: Measures | None = None
    security: Measures | None = None
    digital_talent: Measures | None = None
    digital_divide: Measures | None = None
    regulation_review: Measures | None = None
    bpr: Measures | None = None
    open_data: Measures | None = None
    frontyard: Measures | None = None
    public_payment_eltax: Measures | None = None
    regional_digital: Measures | None = None


@model
class Waiver:
    """A deliberate, dated exception to a rule (like a `noqa` with a reason and an expiry)."""

    rule: NonEmpty = field(description="ルールID（接頭辞可）")
    item: ItemId | None = field(default=None, description="対象の国の項目ID（省略時は全項目）")
    reason: NonEmpty
    expires: JpDate


@model
class Plan:
    """A municipal DX plan as dxcheck reads it."""

    __pydantic_config__: ClassVar[Any] = {
        "extra": "forbid",
        "title": "dxcheck plan",
        "json_schema_extra": {"$id": SCHEMA_ID},
    }

    schema_version: Literal[1] = field(default=1, description="このスキーマの版")
    municipality: Municipality
    document: DocumentInfo
    period: Period
    governance: Governance
    initiatives: list[Initiative] = field(default_factory=list)
    facts: Facts = field(default_factory=Facts)
    waivers: list[Waiver] = field(default_factory=list)


_SCALARS = frozenset({str, int, float, bool})


def walk(
    obj: object, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value below a validated plan (or any part of one) that is not a plain scalar
    (classes of this module, lists, dates …), with its path, parents first; it descends into
    the classes of this module and into lists only."""
    items: Any
    if isinstance(obj, list):
        items = enumerate(obj)
    elif type(obj).__module__ == __name__ and dataclasses.is_dataclass(obj):
        items = ((f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj))
    else:
        return
    for key, value in items:
        if value is not None and type(value) not in _SCALARS:
            yield (*loc, key), value
            yield from walk(value, (*loc, key))
