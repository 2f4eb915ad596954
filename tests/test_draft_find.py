"""The finding steps on the synthetic plans of tests/data/draft/ (heading schemes the seeds do
not use): cover, period, governance, initiatives, facts — each value with an exact quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxcheck.draft.classify import roles
from dxcheck.draft.cover import read_cover
from dxcheck.draft.extract import Line, extract
from dxcheck.draft.facts import find_procedures, find_systems
from dxcheck.draft.governance import find_governance
from dxcheck.draft.initiatives import Drafted, find_initiatives
from dxcheck.draft.outline import Section, build
from dxcheck.draft.period import find_period

DATA = Path(__file__).parent / "data" / "draft"


def outline_of(name: str) -> Section:
    return build(extract((DATA / name).read_bytes(), name).lines)


def text_of(root: Section) -> str:
    return "\n".join(
        unit.text
        for section in root.walk()
        for unit in ([section.heading] if section.heading else []) + section.units
    )


@pytest.fixture(scope="module")
def rifu() -> Section:
    return outline_of("rifu-chapters.txt")


@pytest.fixture(scope="module")
def shichigahama() -> Section:
    return outline_of("shichigahama-roman.txt")


def by_item(drafted: list[Drafted]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d in drafted:
        for item in d.items:
            out.setdefault(item, set()).add(d.commitment)
    return out


def test_cover_gives_municipality_title_kind_and_date(rifu: Section, shichigahama: Section) -> None:
    cover = read_cover(rifu)
    assert cover.gov is not None and (cover.gov.code, cover.gov.prefecture) == ("044067", "宮城県")
    assert (cover.title, cover.kind, cover.status) == (
        "利府町デジタル・トランスフォーメーション推進計画",
        "plan",
        "adopted",
    )
    assert cover.adopted == "令和7年3月"
    other = read_cover(shichigahama)
    assert other.gov is not None and other.gov.name == "七ヶ浜町"
    assert (other.kind, other.adopted) == ("policy", "令和6年3月")


@pytest.mark.parametrize(
    ("title", "kind", "status"),
    [
        ("○○市DX推進計画【概要版】", "summary", "adopted"),
        ("○○市DX推進ビジョン", "vision", "adopted"),
        ("○○市DX推進計画（案）", "plan", "draft"),
        ("○○市DX推進方針の策定について", "proposal", "proposal"),
    ],
)
def test_document_kind_and_status_from_the_title(title: str, kind: str, status: str) -> None:
    cover = read_cover(build([Line(title), Line("令和6年3月")]))
    assert (cover.kind, cover.status) == (kind, status)


def test_an_unknown_municipality_is_left_for_a_person(rifu: Section) -> None:
    cover = read_cover(build([Line("架空村DX推進計画"), Line("令和6年3月")]))
    assert cover.gov is None and "見つかりません" in cover.gov_note


def test_period_from_the_plans_own_section_not_the_national_one(
    rifu: Section, shichigahama: Section
) -> None:
    found = find_period(rifu, roles(rifu))
    assert found is not None and (found.start, found.end) == ("令和7年度", "令和11年度")
    assert found.evidence.section == "第1章 第2節 計画期間"
    assert found.evidence.quote in text_of(rifu)
    other = find_period(shichigahama, roles(shichigahama))
    assert other is not None and (other.start, other.end) == ("令和6年4月", "令和9年3月")
    assert other.evidence.page == 1


def test_no_period_is_not_guessed() -> None:
    root = build(
        [Line("1 国の動向"), Line("国の計画の対象期間は令和3年1月から令和8年3月までである。")]
    )
    assert find_period(root, roles(root)) is None


def test_governance_posts_bodies_and_groups(rifu: Section, shichigahama: Section) -> None:
    found = find_governance(rifu, roles(rifu))
    assert found.cio is not None and found.cio.holder == "副町長"
    assert found.deputy is not None and found.deputy.holder == "外部人材"
    assert found.headquarters is not None
    assert (found.headquarters.name, found.headquarters.head) == ("利府町DX推進本部", "町長")
    assert [g.name for g in found.groups] == ["利府町DX推進ワーキンググループ"]
    other = find_governance(shichigahama, roles(shichigahama))
    assert other.cio is None and other.deputy is None
    assert other.headquarters is not None and other.headquarters.name == "七ヶ浜町DX推進本部"
    assert other.headquarters.evidence.page == 3


def test_initiatives_with_commitments_and_background_as_context(rifu: Section) -> None:
    drafted = find_initiatives(rifu, roles(rifu))
    items = by_item(drafted)
    assert items["frontyard"] == {"implement"}
    assert items["standardization"] == {"implement"}
    assert items["ai_rpa"] == {"consider"}  # 「導入について検討する」
    assert items["security"] == {"context"}  # only in 国の動向
    assert items["regulation_review"] == {"context"}
    assert "telework" not in items or items["telework"] == {"context"}  # 用語解説 is ignored
    window = next(d for d in drafted if "frontyard" in d.items and d.target)
    assert window.target == "令和8年度末"
    text = text_of(rifu)
    assert all(d.evidence.quote in text for d in drafted)


def test_roman_and_katakana_schemes_give_initiatives(shichigahama: Section) -> None:
    items = by_item(find_initiatives(shichigahama, roles(shichigahama)))
    assert items["online_procedures"] == {"implement"}
    assert items["digital_divide"] == {"continue"}
    assert items["telework"] == {"implement"}
    assert items["ai_rpa"] == {"consider"}
    assert items["standardization"] == {"context"}  # only in 策定の背景


def test_online_procedures_count(rifu: Section) -> None:
    found = find_procedures(rifu, roles(rifu))
    assert found is not None and (found.count, found.mynaportal) == (26, True)


def test_core_business_list_when_printed() -> None:
    lines = [
        Line("3 標準化の対象業務"),
        Line("住民基本台帳\t選挙人名簿管理\t固定資産税\t個人住民税"),
        Line("法人住民税\t軽自動車税\t国民健康保険\t国民年金"),
        Line("介護保険\t児童手当\t計 10 業務"),
        Line("ガバメントクラウドを活用して移行する。"),
    ]
    root = build(lines)
    found = find_systems(root, roles(root))
    assert found is not None
    assert len(found.names) == 10 and found.names[0] == "住民基本台帳"
    assert (found.count, found.cloud) == (10, True)


def test_a_few_business_names_are_not_a_list() -> None:
    root = build([Line("1 取組"), Line("住民基本台帳と戸籍のシステムを移行する。")])
    assert find_systems(root, roles(root)) is None


def test_kpi_table_rows_become_kpis_of_the_matching_initiative(rifu: Section) -> None:
    drafted = find_initiatives(rifu, roles(rifu))
    kpis = {k.name: (d, k) for d in drafted for k in d.kpis}
    owner, kpi = kpis["オンライン申請件数"]
    assert "online_procedures" in owner.items
    assert (kpi.unit, kpi.baseline, kpi.target) == (
        "件",
        (1200.0, "令和6年度"),
        (5000.0, "令和11年度"),
    )
    owner, kpi = kpis["DX推進リーダー数"]
    assert owner.items == ["digital_talent"]  # the table's own section
    assert not any(d.title == "オンライン申請件数" for d in drafted)  # a KPI, not a measure


def test_schedule_rows_by_fiscal_year() -> None:
    lines = [
        Line("第3章 取組"),
        Line("1 書かない窓口の導入"),
        Line("窓口を改善する。"),
        Line("取組\tR6\tR7\tR8"),
        Line("書かない窓口の導入\t\t導入\t→"),
    ]
    root = build(lines)
    drafted = find_initiatives(root, roles(root))
    window = next(d for d in drafted if "frontyard" in d.items)
    assert [(s.fiscal_year, s.activity) for s in window.steps] == [
        ("令和7年度", "書かない窓口の導入（導入）")
    ]


def test_period_from_a_table_row() -> None:
    root = build([Line("1 計画の概要"), Line("計画期間\t令和６年度～令和８年度（３年間）")])
    found = find_period(root, roles(root))
    assert found is not None and (found.start, found.end) == ("令和6年度", "令和8年度")
    assert found.evidence.quote == "令和６年度～令和８年度（３年間）"


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("計画期間は令和6年度から令和10年度までの5年間とします。", ("令和6年度", "令和10年度")),
        ("計画期間は、2024年度～2026年度とする。", ("2024年度", "2026年度")),
        (
            "本計画の期間は、令和6年度を初年度とし、令和8年度までの3年間とします。",
            ("令和6年度", "令和8年度"),
        ),
        ("計画期間は令和６年度から３か年とします。", ("令和6年度", "令和8年度")),
        (
            "計画期間は令和4(2022)年4月から令和8(2026)年3月までとする。",
            ("令和4年4月", "令和8年3月"),
        ),
    ],
)
def test_period_sentences_in_common_forms(sentence: str, span: tuple[str, str]) -> None:
    root = build([Line("第1章 計画の概要"), Line(sentence)])
    found = find_period(root, roles(root))
    assert found is not None and (found.start, found.end) == span


def test_a_table_of_measures_is_not_taken_for_kpis() -> None:
    lines = [
        Line("第3章 取組"),
        Line("1 主な取組"),
        Line("施策\t現状\t目標"),
        Line("書かない窓口の導入\t紙の申請書\t全窓口で導入"),
    ]
    root = build(lines)
    drafted = find_initiatives(root, roles(root))
    assert any("frontyard" in d.items and d.commitment == "implement" for d in drafted)
    assert not any(d.kpis for d in drafted)


def test_a_measures_table_with_year_columns_gives_initiatives_with_schedules() -> None:
    lines = [
        Line("第3章 具体的な取組"),
        Line("No.\t取組名\tR6\tR7\tR8"),
        Line("1\tガバメントクラウドへの移行\t準備\t移行\t"),
        Line("2\tテレワーク環境の整備\t\t\t検討"),
    ]
    root = build(lines)
    drafted = find_initiatives(root, roles(root))
    cloud = next(d for d in drafted if "standardization" in d.items)
    assert (cloud.title, cloud.commitment) == ("ガバメントクラウドへの移行", "implement")
    assert [(s.fiscal_year, s.activity) for s in cloud.steps] == [
        ("令和6年度", "ガバメントクラウドへの移行（準備）"),
        ("令和7年度", "ガバメントクラウドへの移行（移行）"),
    ]
    remote = next(d for d in drafted if "telework" in d.items)
    assert remote.commitment == "consider"


def test_a_draft_mark_under_the_title_makes_the_status_draft() -> None:
    root = outline_of("osaki-hyphen.txt")
    cover = read_cover(root)
    assert (cover.title, cover.status, cover.kind) == (
        "大崎市デジタル推進計画（案）",
        "draft",
        "plan",
    )
    assert cover.gov is not None and cover.gov.code == "042153"


def test_third_synthetic_plan_hyphen_numbering(  # 1-1 headings, measures table, KPI, CIO phrasing
) -> None:
    root = outline_of("osaki-hyphen.txt")
    where = roles(root)
    found = find_period(root, where)
    assert found is not None and (found.start, found.end) == ("令和6年度", "令和8年度")
    gov = find_governance(root, where)
    assert gov.cio is not None and gov.cio.holder == "副市長"
    assert gov.headquarters is not None
    assert (gov.headquarters.name, gov.headquarters.head) == ("大崎市デジタル推進本部", "市長")
    assert [e.holder for e in gov.experts] == ["地域情報化アドバイザー"]
    items = by_item(find_initiatives(root, where))
    assert items["public_payment_eltax"] == {"implement"}  # 検討 (R6) → 開始 (R7)
    assert items["digital_divide"] == {"continue"}
    assert items["telework"] == {"context"}  # 本市を取り巻く環境
    online = next(d for d in find_initiatives(root, where) if "online_procedures" in d.items)
    assert [(k.name, k.target) for k in online.kpis] == [
        ("電子申請できる手続数", (150.0, "令和8年度"))
    ]


def test_a_sentence_about_the_national_government_in_an_own_section_is_context() -> None:
    lines = [
        Line("第3章 取組"),
        Line("1 行政のデジタル化"),
        Line("国は、令和7年度末までにガバメントクラウドへの移行を推進している。"),
        Line("本市は、国が示す対策に応じてセキュリティ対策を実施する。"),
    ]
    root = build(lines)
    items = by_item(find_initiatives(root, roles(root)))
    assert items["standardization"] == {"context"}
    assert items["security"] == {"implement"}


def test_a_printed_list_of_the_national_procedures_is_kept_as_written() -> None:
    from dxcheck.catalog import load_catalog

    names = [p.name for p in load_catalog().online_procedures[:12]]
    lines = [Line("1 行政手続のオンライン化"), Line("対象手続")]
    lines += [Line(f"{a}\t{b}") for a, b in zip(names[::2], names[1::2], strict=True)]
    lines += [Line("住民票の写しの交付")]  # not a national procedure
    root = build(lines)
    found = find_procedures(root, roles(root))
    assert found is not None and found.count is None
    assert sorted(found.names) == sorted(names)


def test_a_summary_list_defers_to_the_section_that_details_the_measure() -> None:
    lines = [
        Line("第2章 基本方針"),
        Line("本町は次の取組を進める。"),
        Line("①AI・RPAの利用推進（業務の自動化、職員の負担軽減）"),
        Line("第3章 取組"),
        Line("1 AI・RPAの利用推進（業務の自動化、職員の負担軽減）"),
        Line("定型業務へのAIの導入を検討する。"),
    ]
    root = build(lines)
    items = by_item(find_initiatives(root, roles(root)))
    assert items["ai_rpa"] == {"consider"}
