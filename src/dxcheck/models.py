"""The plan schema: one pydantic model tree for every kind of municipal DX document.

Design choices (see README「計画ファイルの書き方」):

* Every model forbids unknown keys and is strict, so YAML 1.1 surprises (``no`` read as false,
  ``042021`` read as an octal number) are errors at their line instead of silent coercions.
* What a document does not state is written explicitly (``not_stated: true``), never left
  empty, so a checker can tell "the plan is silent" from "the encoder forgot".
* Dates are kept as the plan wrote them (``text``) and as a parsed inclusive span, parsed once
  here by :mod:`dxcheck.dates`.
* Every fact carries a citation (section, optional page and quote) of the source document.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)

from dxcheck import dates, document_kinds, plan_validators

SCHEMA_ID = "https://dxcheck.invalid/schemas/plan.schema.json"


JpDate = Annotated[
    dates.Span,
    PlainValidator(plan_validators.parse_date),
    PlainSerializer(plan_validators.date_text, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "和暦・年度・西暦の日付。例: 令和7年度末, 令和5年度, R5, 令和8年3月, "
            "令和4年4月〜令和8年3月, 2023-04-01（全角数字可）",
            "examples": ["令和7年度末", "令和5年度", "令和4年4月〜令和8年3月", "2023-04-01"],
        }
    ),
]


MunicipalityCode = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{6}$",
        description='全国地方公共団体コード（6桁、検査数字付き）。必ず引用符で囲む: "044016"',
        examples=["044016"],
    ),
    PlainValidator(plan_validators.municipality_code),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[0-9]{6}$",
            "description": '全国地方公共団体コード（6桁、検査数字付き）。引用符で囲む: "044016"',
        }
    ),
]


NonEmpty = Annotated[str, Field(min_length=1)]


def _item_id_schema() -> dict[str, Any]:
    from dxcheck.vocabulary import ITEM_IDS

    return {
        "type": "string",
        "enum": sorted(ITEM_IDS),
        "description": "国の自治体DX推進計画の項目ID（全カタログ版。dxcheck catalog で一覧）",
    }


ItemId = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        description="国の自治体DX推進計画の項目ID（dxcheck catalog で一覧）",
        examples=["standardization", "online_procedures"],
    ),
    AfterValidator(plan_validators.known_item),
    WithJsonSchema(_item_id_schema()),
]


class _Model(BaseModel):
    # defer_build: only the models a command validates with build their validators (a
    # one-file `validate` builds Plan alone, not each part again; issue 12)
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Citation(_Model):
    """Where in the source document a fact stands."""

    section: NonEmpty = Field(description="出典の章・節（例: 第3章 2(1)）")
    page: int | None = Field(default=None, ge=1, description="出典のページ（分かる場合）")
    quote: str | None = Field(default=None, description="出典の該当箇所の引用（短く）")
    draft: str | None = Field(
        default=None,
        description="dxcheck draft がこの項目を抜き出した手がかり（例: keyword ガバメントクラウド "
        "in 基本方針2 p.9）。人が原文と照らして確認したら、この行を削除する / the cue that "
        "produced this entry; delete the line once a person has confirmed it",
    )


class Municipality(_Model):
    name: NonEmpty = Field(description="団体名（例: 松島町）")
    code: MunicipalityCode
    prefecture: NonEmpty = Field(description="都道府県名（例: 宮城県）")


class Source(_Model):
    file: str | None = Field(default=None, description="原本のファイル名")
    url: str | None = Field(default=None, description="原本のURL")
    note: str | None = None

    _file_or_url = model_validator(mode="after")(plan_validators.source_file_or_url)


class FullDocument(_Model):
    """The full document a 概要版 summarises (reports link to it)."""

    title: NonEmpty = Field(description="本編の文書名")
    url: str | None = Field(default=None, description="本編のURL")
    file: str | None = Field(default=None, description="本編のファイル名")
    note: str | None = None


class Revision(_Model):
    date: JpDate
    note: NonEmpty
    cite: Citation | None = None


# the keys of dxcheck.document_kinds.DOCUMENT_KINDS (tests/test_schema.py)
DocumentKind = Literal["plan", "policy", "vision", "summary", "proposal", "other"]
DocumentStatus = Literal["adopted", "draft", "proposal"]


class DocumentInfo(_Model):
    title: NonEmpty = Field(description="文書名")
    kind: DocumentKind = Field(description=document_kinds.schema_description())
    status: DocumentStatus = Field(description="adopted=策定済, draft=案, proposal=提案段階")
    adopted: JpDate | None = Field(default=None, description="策定（決定・提案）日")
    published: JpDate | None = Field(default=None, description="発行日（概要版など）")
    revisions: list[Revision] = Field(default_factory=list)
    full_document: FullDocument | None = Field(
        default=None,
        description="概要版（kind: summary）の場合、その本編（題名・URL・ファイル）。レポートがリンクする",
    )
    national_plan_version: str | None = Field(
        default=None,
        description='文書が参照する国の自治体DX推進計画の版（例: "2.0"）。記載がなければ省略',
    )
    source: Source
    cite: Citation | None = None


class Period(_Model):
    """The plan's own period (計画期間 / 対象期間)."""

    start: JpDate | None = None
    end: JpDate | None = None
    not_stated: bool = Field(default=False, description="文書に期間の記載がない場合 true")
    note: str | None = None
    cite: Citation | None = None

    _stated_or_not = model_validator(mode="after")(plan_validators.period_stated_or_not)


class _Stated(_Model):
    not_stated: bool = Field(default=False, description="文書に記載がない場合 true")
    note: str | None = None
    cite: Citation | None = None


class Role(_Stated):
    """A post such as CIO or CIO補佐官: who holds it, or that the document does not say."""

    holder: str | None = Field(default=None, description="担う職（例: 副市長, 外部人材）")

    _holder_stated = model_validator(mode="after")(plan_validators.role_stated)


class Body(_Stated):
    """A body such as the 推進本部 or a working group."""

    name: str | None = Field(default=None, description="組織名（例: 松島町DX推進本部）")
    head: str | None = Field(default=None, description="本部長など長となる職")
    members: str | None = None

    _name_stated = model_validator(mode="after")(plan_validators.body_stated)


class Expert(_Model):
    role: NonEmpty = Field(description="外部人材・アドバイザーの役割（例: DXアドバイザー）")
    source: str | None = Field(
        default=None, description="派遣元・制度（例: 地域情報化アドバイザー）"
    )
    cite: Citation


class Governance(_Model):
    cio: Role = Field(description="CIO（最高情報責任者）")
    cio_deputy: Role = Field(description="CIO補佐官（外部人材を含む）")
    headquarters: Body = Field(description="全庁的な推進本部")
    external_expertise: list[Expert] = Field(
        default_factory=list, description="外部人材・アドバイザーの活用（記載がなければ空）"
    )
    working_groups: list[Body] = Field(default_factory=list)
    department: Body | None = Field(default=None, description="推進担当部署")


class KpiValue(_Model):
    value: float | str
    date: JpDate | None = None
    note: str | None = None


class Kpi(_Model):
    name: NonEmpty
    unit: str | None = None
    baseline: KpiValue | None = None
    target: KpiValue | None = None
    cite: Citation


class ScheduleEntry(_Model):
    fiscal_year: JpDate = Field(description="年度（例: 令和5年度）")
    activity: NonEmpty
    cite: Citation | None = None


ProgressStatus = Literal["done", "partial", "in_progress", "delayed", "not_started", "cancelled"]


class Progress(_Model):
    """A recorded result (実績) at a date: 完了 / 一部完了 / 実施中 / 遅延 / 未着手 / 中止."""

    as_of: JpDate
    status: ProgressStatus = Field(
        description="done=完了（移行完了）, partial=一部完了（一部の業務・手続のみ）, "
        "in_progress=実施中, delayed=遅延, not_started=未着手, cancelled=中止"
    )
    systems: list[NonEmpty] = Field(
        default_factory=list,
        description="この記録が対象とする業務・システム（標準化の一部移行など。省略時は全体）",
    )
    note: str | None = None
    cite: Citation | None = None


Commitment = Literal["implement", "consider", "continue", "context"]


class Initiative(_Model):
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", description="計画内で一意のID")
    title: NonEmpty
    description: str | None = None
    national_items: list[ItemId] = Field(
        default_factory=list, description="対応する国の計画の項目ID（dxcheck catalog）"
    )
    uses: list[ItemId] = Field(
        default_factory=list,
        description="この取組の中で使うが、取組の目的ではない国の項目（例: 書かない窓口でマイナンバー"
        "カードを読み取る → mynumber_card）。充足は △ 一部として数える",
    )
    commitment: Commitment = Field(
        description="implement=実施, consider=検討, continue=継続, "
        "context=背景として言及のみ（自団体の取組としていない）"
    )
    target: JpDate | None = Field(default=None, description="目標時期（例: 令和7年度末）")
    kpis: list[Kpi] = Field(default_factory=list)
    schedule: list[ScheduleEntry] = Field(default_factory=list, description="年度別の工程")
    progress: list[Progress] = Field(default_factory=list, description="実績の記録")
    cite: Citation


class StandardizationFacts(_Model):
    systems: list[NonEmpty] = Field(
        default_factory=list,
        description="標準化の対象として文書が挙げる基幹業務（文書の表記のまま）",
    )
    systems_count_stated: int | None = Field(
        default=None, description="文書が述べる業務数（例: 計17業務）"
    )
    target: JpDate | None = None
    government_cloud: bool | None = Field(default=None, description="ガバメントクラウド利用の記載")
    specific_migration: list[SpecificMigration] = Field(
        default_factory=list,
        description="特定移行支援システム（令和7年度末までの移行が困難で、国が概ね令和12年度末までの"
        "移行を認めるもの）とその移行目標",
    )
    progress: list[Progress] = Field(
        default_factory=list,
        description="移行の実績（移行完了 done / 一部 partial / 未着手 not_started）",
    )
    cite: Citation


class SpecificMigration(_Model):
    """Systems the municipality migrates after 令和7年度末 as 特定移行支援システム."""

    systems: list[NonEmpty] = Field(
        min_length=1, description="特定移行支援システムに該当する業務（文書の表記のまま）"
    )
    target: JpDate | None = Field(default=None, description="移行の目標時期（例: 令和9年度）")
    note: str | None = None
    cite: Citation


class OnlineProceduresFacts(_Model):
    procedures: list[NonEmpty] = Field(default_factory=list, description="オンライン化する手続")
    count: int | None = Field(default=None, ge=0, description="文書が述べる手続数")
    via_mynaportal: bool | None = Field(default=None, description="マイナポータル経由の記載")
    target: JpDate | None = None
    cite: Citation


class Measures(_Model):
    measures: list[NonEmpty] = Field(default_factory=list, description="文書が挙げる具体策")
    target: JpDate | None = None
    cite: Citation


class Facts(_Model):
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


class Waiver(_Model):
    """A deliberate, dated exception to a rule (like a `noqa` with a reason and an expiry)."""

    rule: NonEmpty = Field(description="ルールID（接頭辞可）")
    item: ItemId | None = Field(default=None, description="対象の国の項目ID（省略時は全項目）")
    reason: NonEmpty
    expires: JpDate


class Plan(_Model):
    """A municipal DX plan as dxcheck reads it."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        title="dxcheck plan",
        json_schema_extra={"$id": SCHEMA_ID},
    )

    schema_version: Literal[1] = Field(default=1, description="このスキーマの版")
    municipality: Municipality
    document: DocumentInfo
    period: Period
    governance: Governance
    initiatives: list[Initiative] = Field(default_factory=list)
    facts: Facts = Field(default_factory=Facts)
    waivers: list[Waiver] = Field(default_factory=list)
