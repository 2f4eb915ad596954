"""Cover facts of `dxcheck draft` on the forms real plan pages use (issue 17): the date-range
grammar (draft/daterange.py), whose period a range is (draft/period.py and
draft/data/period_cues.yaml), the title, kind and status (draft/title.py) and the municipality
(draft/municipality.py). Every text here is written for these tests in the forms and traps
that real pages use; none is copied from a real page."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dxcheck.dates import parse
from dxcheck.draft import draft_text
from dxcheck.draft.classify import roles
from dxcheck.draft.cover import read_cover
from dxcheck.draft.daterange import flat, ranges
from dxcheck.draft.extract import extract
from dxcheck.draft.outline import Section, build
from dxcheck.draft.period import Found, find_period, period_cues
from dxcheck.validate import validate_bytes


def outline(text: str) -> Section:
    return build(extract(text.encode("utf-8"), "page.txt").lines)


def period_of(text: str) -> Found | None:
    root = outline(text)
    return find_period(root, roles(root), read_cover(root).title)


def days(found: Found | None) -> tuple[str | None, str | None] | None:
    if found is None:
        return None
    start = parse(found.start).start.isoformat() if found.start else None
    end = parse(found.end).end.isoformat() if found.end else None
    return start, end


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("令和4(2022)年度から令和8(2026)年度まで", "2022-04-01", "2027-03-31"),
        ("2023(令和5)年度~2031(令和13)年度", "2023-04-01", "2032-03-31"),
        ("令和3年度(2021 年)から令和7年度(2025 年)までの5年間", "2021-04-01", "2026-03-31"),
        ("2023年(令和5年)度から2026年(令和8年)度まで", "2023-04-01", "2027-03-31"),
        ("令和６年４月～令和９年３月", "2024-04-01", "2027-03-31"),
        ("R5~R8年度", "2023-04-01", "2027-03-31"),
        ("H28～H32年度", "2016-04-01", "2021-03-31"),
        ("令和4年から6年度", "2022-04-01", "2025-03-31"),
        ("2024年度から33年度まで", "2024-04-01", "2034-03-31"),
        ("平成28~32年度", "2016-04-01", "2021-03-31"),
        ("令和3~5年度", "2021-04-01", "2024-03-31"),
        ("令和 5 年度 － 令和 8 年度", "2023-04-01", "2027-03-31"),
        ("令和元年度から令和5年度", "2019-04-01", "2024-03-31"),
        ("令和4年12月から令和8年度まで", "2022-12-01", "2027-03-31"),
        ("2027~2032", "2027-04-01", "2033-03-31"),
        ("2023年度からの4年間", "2023-04-01", "2027-03-31"),
        ("令和6年度から3年間", "2024-04-01", "2027-03-31"),
        ("令和６年度を初年度とし、令和８年度までの３年間", "2024-04-01", "2027-03-31"),
    ],
)
def test_the_grammar_reads_each_form_of_a_range(text: str, first: str, last: str) -> None:
    found = ranges(flat(text)[0])
    assert found, text
    assert (str(found[0].first), str(found[0].last)) == (first, last)


_PIECES = [
    *"0123456789０１２３元年度末月日~〜－-ー(（)）、。 ",
    *["令和", "平成", "R", "H", "から", "まで", "までの", "年間", "2023", "2099", "1989", "13"],
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_every_range_read_is_a_date_dxcheck_reads_the_same_way(pieces: list[str]) -> None:
    for found in ranges(flat("".join(pieces))[0]):
        for point in (found.begin, found.until):
            if point is not None:
                span = parse(point.text())
                assert span.start == point.first() or point.unit == "fy_end"
                assert span.end == point.last()


def test_open_ends_ends_only_and_lengths() -> None:
    (open_end,) = ranges(flat("令和6年度~")[0])
    assert (open_end.first, open_end.last) == (datetime.date(2024, 4, 1), None)
    (until,) = ranges(flat("令和6年度までとします")[0])
    assert (until.first, until.last) == (None, datetime.date(2025, 3, 31))
    (month,) = ranges(flat("令和９年（２０２７年）３月まで")[0])
    assert month.last == datetime.date(2027, 3, 31)
    (checked,) = ranges(flat("3年間(令和3~5年度)")[0])
    assert (checked.years, checked.length_agrees) == (3, True)
    (wrong,) = ranges(flat("令和3年度から令和7年度までの4年間")[0])
    assert wrong.length_agrees is False
    (months,) = ranges(flat("令和６年４月から令和11年３月までの５年間")[0])
    assert months.length_agrees is True


@pytest.mark.parametrize(
    "text",
    [
        "令和7年度末(令和8年3月)までに",  # a deadline, not the end of a period
        "2年ごとに見直し",
        "令和0年度から令和3年度",
        "令和5(2022)年度から令和8年度",  # the bracketed year disagrees
        "電話 0120-12-3456",
    ],
)
def test_what_is_not_a_range(text: str) -> None:
    assert ranges(flat(text)[0]) == []


PERIODS: list[tuple[str, tuple[str | None, str | None] | None]] = [
    ("〇〇町DX推進計画\n計画期間\n令和７年度から令和１０年度まで", ("2025-04-01", "2029-03-31")),
    (
        "〇〇市DX推進計画\n本計画の期間は、令和3年度(2021年度)から令和7年度(2025年度)までの5年間とします。",
        ("2021-04-01", "2026-03-31"),
    ),
    ("計画期間：令和４（２０２２）年度～令和８（２０２６）年度", ("2022-04-01", "2027-03-31")),
    ("■計画期間 3年間（令和3～5年度）", ("2021-04-01", "2024-03-31")),
    (
        "〇〇市DX推進計画\n実施期間\n５年間（令和６年度から令和１０年度）",
        ("2024-04-01", "2029-03-31"),
    ),
    (
        "〇〇市デジタル構想\n３\u3000構想の期間\n2023（令和5）年度～2031（令和13）年度",
        ("2023-04-01", "2032-03-31"),
    ),
    (
        "広報〇〇 8月号\n町では「大衡村DX推進方針（令和7年度から令和9年度）」を策定しました。",
        ("2025-04-01", "2028-03-31"),
    ),
    (
        "大衡村DX推進方針\n本方針の期間は、村の総合計画との整合を図るため、令和6年度までとします。",
        (None, "2025-03-31"),
    ),
    ("計画期間は令和9年（2027年）3月までとします。", (None, "2027-03-31")),
    ("計画期間\u30002023年（令和5年）度から2026年（令和8年）度まで", ("2023-04-01", "2027-03-31")),
    ("計画期間：令和6年4月～令和9年3月", ("2024-04-01", "2027-03-31")),
    ("計画期間：R5～R8年度", ("2023-04-01", "2027-03-31")),
    ("本計画の期間は令和4年から6年度までの3年間です。", ("2022-04-01", "2025-03-31")),
    ("計画期間は2024年度から33年度までの10年間とします。", ("2024-04-01", "2034-03-31")),
    ("計画期間：平成28～32年度", ("2016-04-01", "2021-03-31")),
    ("本計画は2023年度からの4年間を計画期間とします。", ("2023-04-01", "2027-03-31")),
    ("計画期間：令和6年度～", ("2024-04-01", None)),
    ("1 計画の概要\n計画期間\t令和６年度～令和９年度", ("2024-04-01", "2028-03-31")),
    ("対象期間：令和５年度～令和９年度（５年間）", ("2023-04-01", "2028-03-31")),
    (
        "本計画の計画期間は、国の自治体DX推進計画に合わせて令和5年度から令和7年度までとします。",
        ("2023-04-01", "2026-03-31"),
    ),
    ("令和5年度から令和7年度までの3年間を本計画の期間とします。", ("2023-04-01", "2026-03-31")),
    ("〇〇市DX推進計画\n国の自治体DX推進計画の対象期間は令和3年1月から令和8年3月までです。", None),
    (
        "〇〇市DX推進計画\n情報システムの標準化は令和7年度末までに移行することが求められています。",
        None,
    ),
    (
        "〇〇市DX推進計画\n前計画（令和元年度～令和5年度）の成果を踏まえ、新たな計画を策定しました。",
        None,
    ),
    ("〇〇市DX推進計画\n本計画は、第6次総合計画（令和4年度～令和13年度）の個別計画です。", None),
    ("〇〇市DX推進計画\n策定期間：令和6年4月～令和7年3月", None),
    (
        "〇〇市DX推進計画(案)\nパブリックコメントの募集期間：令和6年12月1日から令和6年12月28日まで",
        None,
    ),
    ("〇〇市DX推進計画\n令和7年3月に策定しました。", None),
    ("〇〇市DX推進計画\nデジタル化推進事業は令和5年度から令和7年度までの3年間で実施します。", None),
    (
        "〇〇市DX推進計画\n〇〇市情報化計画（2019～2023）が終了することに伴い、新たな計画を策定しました。",
        None,
    ),
    (
        "〇〇市DX推進計画\n更新日：2024年4月1日\n令和5年度から令和6年度にかけて集中的に取り組んできました。",
        None,
    ),
    (
        "〇〇市DX推進計画\n本計画の計画期間は令和6年度から令和10年度までとします。なお、国の自治体DX推進計画の期間は令和3年1月から令和8年3月までです。",
        ("2024-04-01", "2029-03-31"),
    ),
    (
        "〇〇市DX推進計画\n計画期間\n令和6年度～令和8年度\n総合計画の計画期間\n令和4年度～令和13年度",
        ("2024-04-01", "2027-03-31"),
    ),
    ("計画期間 令和６年度（2024年度）～令和10年度（2028年度）", ("2024-04-01", "2029-03-31")),
    ("計画期間：令和6(2024)年度～令和10(2028)年度の5か年", ("2024-04-01", "2029-03-31")),
    ("計画期間：2024年度(令和6年度)～2028年度(令和10年度)", ("2024-04-01", "2029-03-31")),
    (
        "計画期間は、令和６年４月１日から令和９年３月３１日までとします。",
        ("2024-04-01", "2027-03-31"),
    ),
    ("〇〇市DX推進計画\n実証期間：令和6年度～令和7年度", None),
    ("〇〇市DX推進計画\n期間：令和6年度～令和8年度", ("2024-04-01", "2027-03-31")),
    (
        "〇〇市DX推進計画\n本計画の期間は令和6年度から令和8年度です。前計画の計画期間は令和3年度から令和5年度でした。",
        ("2024-04-01", "2027-03-31"),
    ),
    ("〇〇市DX推進計画\n第1章 国の動向\n国の計画の計画期間は令和3年1月～令和8年3月です。", None),
    ("〇〇市DX推進計画\n本計画は「〇〇市総合計画（令和5年度～令和14年度）」の個別計画です。", None),
    (
        "〇〇市DX推進計画\n計画期間：令和6年度～令和8年度\n計画期間：令和6年度～令和10年度",
        ("2024-04-01", "2027-03-31"),
    ),
    ("〇〇市DX推進計画\n令和6年度～令和8年度の取組スケジュールは次のとおりです。", None),
    (
        "〇〇市DX推進計画（令和8年度～令和12年度）\n第1章 はじめに\n本市は、令和3年度から情報化に取り組んできました。",
        ("2026-04-01", "2031-03-31"),
    ),
    ("〇〇市DX推進計画\n令和6年度～令和10年度\n令和6年3月\n〇〇市", ("2024-04-01", "2029-03-31")),
    (
        "〇〇市DX推進計画\n第1章 計画の概要\n第2節 計画期間（令和6年度～令和10年度）\n本計画は、国の動向を踏まえて見直します。",
        ("2024-04-01", "2029-03-31"),
    ),
    ("計画期間は、令和6年度から五か年とします。", ("2024-04-01", "2029-03-31")),
    ("計画期間 R6-R10", ("2024-04-01", "2029-03-31")),
    ("計画期間は令和6年度（2024年度）から5年間です。", ("2024-04-01", "2029-03-31")),
    ("〇〇市DX推進計画\n総合計画\n令和6年度～令和15年度", None),
    ("〇〇市DX推進計画\n令和7年3月", None),
    ("Re-Design〇〇~〇〇市DX推進計画~\n計画期間\n2024年度-2028年度", ("2024-04-01", "2029-03-31")),
    (
        "〇〇市DX推進計画\n本計画は、総合計画の計画期間（令和4年度～令和13年度）に合わせて見直します。",
        None,
    ),
    (
        "〇〇市DX推進計画\n本計画の期間は、総合計画の計画期間（令和4年度～令和13年度）に合わせ、令和6年度から令和13年度までとします。",
        ("2024-04-01", "2032-03-31"),
    ),
    (
        "〇〇市DX推進計画\n本計画は、令和5年度に策定した前計画（令和3年度～令和5年度）を改定するものです。",
        None,
    ),
    ("〇〇市DX推進計画\n国の計画の対象期間は、令和3年1月から令和8年3月までです。", None),
    (
        "岩沼市DXビジョン\n区分\t計画\t期間\nDX\t岩沼市DXビジョン\t【計画期間】令和5～7年度\n\tDX実行プラン（仮称）\t【計画期間】令和6～7年度\n国\t自治体DX推進計画\t【計画期間】令和2～7年度",
        ("2023-04-01", "2026-03-31"),
    ),
    (
        "岩沼市DX推進計画\nみやぎ情報化推進ポリシーの計画期間は、令和3年度から令和6年度までの4年間です。",
        None,
    ),
    (
        "山元町DX推進計画（第2期）\n第2期計画の期間は令和6年度から令和8年度までです。",
        ("2024-04-01", "2027-03-31"),
    ),
]


@pytest.mark.parametrize(("text", "want"), PERIODS)
def test_the_plans_own_period_and_the_traps(
    text: str, want: tuple[str | None, str | None] | None
) -> None:
    assert days(period_of(text)) == want


def test_two_readings_are_said_in_the_note_not_picked_silently() -> None:
    found = period_of(
        "〇〇市DX推進計画\n計画期間：令和6年度～令和8年度\n計画期間：令和6年度～令和10年度"
    )
    assert found is not None and days(found) == ("2024-04-01", "2027-03-31")
    assert "別の読み" in found.note and "令和10年度" in found.note


def test_a_length_that_disagrees_is_noted() -> None:
    found = period_of("計画期間は令和3年度から令和7年度までの4年間とします。")
    assert found is not None and "合いません" in found.note


def test_the_quote_is_the_sentence_or_cell_that_holds_the_dates() -> None:
    text = "〇〇町DX推進計画\n計画の期間\n令和７年度から令和１０年度まで（２年ごとに見直し）"
    found = period_of(text)
    assert found is not None
    assert found.evidence.quote == "令和７年度から令和１０年度まで（２年ごとに見直し）"
    assert found.evidence.quote in text
    assert "計画の期間" in found.evidence.cue


def test_every_cue_has_a_reason_and_a_weight() -> None:
    own, other = period_cues()
    assert own and other
    assert all(c.word and c.reason and c.weight > 0 for c in (*own, *other))
    assert {"計画期間", "対象期間"} <= {c.word for c in own}
    assert {"策定期間", "パブリックコメント", "総合計画"} <= {c.word for c in other}


def test_an_end_only_period_drafts_to_a_valid_plan_with_a_note() -> None:
    text = "富谷市DX推進基本方針\n本方針の期間は、令和6年度までとします。\n"
    drafted = draft_text(text.encode("utf-8"), "page.txt")
    result = validate_bytes(drafted.encode("utf-8"), "page.yaml")
    assert result.plan is not None, result.diagnostics
    assert result.plan.period.start is None
    assert result.plan.period.end is not None and result.plan.period.end.text == "令和6年度"
    assert "終わりだけ" in (result.plan.period.note or "")


COVERS: list[tuple[str, str]] = [
    (
        "富谷市DX推進計画について\n更新日：2024年4月1日\n本市では、富谷市DX推進計画を策定しました。",
        "富谷市DX推進計画|plan|adopted|宮城県富谷市",
    ),
    (
        "トップ > くらし・手続き > 情報政策 > 大衡村DX推進基本方針\n大衡村DX推進基本方針\n村では、DXを進めるため基本方針を定めました。",
        "大衡村DX推進基本方針|policy|adopted|宮城県大衡村",
    ),
    (
        "【パブリックコメント】七ヶ浜町DX推進計画（案）\n七ヶ浜町DX推進計画（案）について、町民の皆さんのご意見を募集します。",
        "七ヶ浜町DX推進計画（案）|proposal|draft|宮城県七ヶ浜町",
    ),
    (
        "今後とも、社会情勢の変化に対応しながら、デジタル化を進めます。\n利府町では「利府町DX推進計画」を策定しました。",
        "利府町DX推進計画|plan|adopted|宮城県利府町",
    ),
    (
        "1 計画改定の趣旨\n市では、令和3年に「名取市デジタル化方針」を策定しましたが、これを全面的に改定し、「名取市DX戦略」を策定しました。",
        "名取市DX戦略|plan|adopted|宮城県名取市",
    ),
    ("大崎市DX推進ガイドライン", "大崎市DX推進ガイドライン|policy|adopted|宮城県大崎市"),
    (
        "塩竈市DX推進計画【概要版】\n令和6年3月",
        "塩竈市DX推進計画【概要版】|summary|adopted|宮城県塩竈市",
    ),
    (
        "石巻市DX推進計画策定方針\n市では、次期計画の策定方針を定めました。",
        "石巻市DX推進計画策定方針|proposal|proposal|宮城県石巻市",
    ),
    (
        "栗原市デジタル化構想を策定します\n市では、今後10年を見据えた「栗原市デジタル化構想」を策定します。",
        "栗原市デジタル化構想|proposal|proposal|宮城県栗原市",
    ),
    (
        "美浜町情報化推進計画\n〒919-1192 福井県三方郡美浜町郷市25-25",
        "美浜町情報化推進計画|plan|adopted|福井県美浜町",
    ),
    (
        "美浜町情報化推進計画\nお問い合わせ 〒644-8550 総務課",
        "美浜町情報化推進計画|plan|adopted|和歌山県美浜町",
    ),
    (
        "美浜町情報化推進計画\n本町のデジタル化を進めるため、計画を策定しました。",
        "美浜町情報化推進計画|plan|adopted|('美浜町', 3)",
    ),
    (
        "大衡村DX推進計画\n宮城県においても、県のDX推進計画を策定しており、本村もこれを踏まえて計画を定めました。",
        "大衡村DX推進計画|plan|adopted|宮城県大衡村",
    ),
    (
        "本文\n国は「デジタル社会の実現に向けた改革の基本方針」を示し、「自治体DX推進計画」を策定しました。\nこうした中、本町においても「涌谷町DX推進計画」を策定しました。",
        "涌谷町DX推進計画|plan|adopted|宮城県涌谷町",
    ),
    (
        "(DX)推進基本方針」を定めました。\n蔵王町デジタル推進計画",
        "蔵王町デジタル推進計画|plan|adopted|宮城県蔵王町",
    ),
    ("富谷市DX推進計画 - 富谷市ホームページ\n本文", "富谷市DX推進計画|plan|adopted|宮城県富谷市"),
    (
        "岩沼市デジタル化の取組\n市では、「岩沼市DX推進計画」（以下「本計画」という。）を策定しました。",
        "岩沼市DX推進計画|plan|adopted|宮城県岩沼市",
    ),
    (
        "登米市DXアクションプラン（令和6年度～令和8年度）を策定しました（令和6年3月）",
        "登米市DXアクションプラン|plan|adopted|宮城県登米市",
    ),
    (
        "つながる富谷~富谷市DX推進計画~\n市では「つながる富谷~富谷市DX推進計画~」を策定しました。",
        "つながる富谷~富谷市DX推進計画~|plan|adopted|宮城県富谷市",
    ),
    (
        "名取市DX推進計画（令和6年度改定版）",
        "名取市DX推進計画（令和6年度改定版）|plan|adopted|宮城県名取市",
    ),
    (
        "角田市デジタル・ガバメント推進計画",
        "角田市デジタル・ガバメント推進計画|plan|adopted|宮城県角田市",
    ),
    ("白石市DX推進計画（令和6年3月策定）", "白石市DX推進計画|plan|adopted|宮城県白石市"),
    (
        "岩沼市DX推進計画（計画期間：令和6年度～令和10年度）",
        "岩沼市DX推進計画|plan|adopted|宮城県岩沼市",
    ),
    ("大 和 町 Ｄ Ｘ 推 進 計 画\n令和６年３月", "大和町ＤＸ推進計画|plan|adopted|宮城県大和町"),
    (
        "DX推進計画\n本町では、デジタル技術を活用します。\nお問い合わせ　大和町役場　企画政策課",
        "DX推進計画|plan|adopted|宮城県大和町",
    ),
    ("DX推進計画\n問合せ先：企画課大和町役場", "DX推進計画|plan|adopted|宮城県大和町"),
    (
        "名取市DX推進計画\n【概要版】\n令和6年3月",
        "名取市DX推進計画【概要版】|summary|adopted|宮城県名取市",
    ),
    ("岩沼市\nDX推進計画\n令和6年3月", "岩沼市DX推進計画|plan|adopted|宮城県岩沼市"),
    (
        "白石市DX戦略の策定経過\n令和5年10月1日 第1回DX推進本部会議を開催しました",
        "白石市DX戦略|other|adopted|宮城県白石市",
    ),
    # a brand name in hiragana: かしま is read by 鹿嶋市, 鹿島市 and 嘉島町; 鹿島 in the text decides
    (
        "かしまデジタル推進プラン\n鹿島の暮らしをデジタルで便利にします。",
        "かしまデジタル推進プラン|plan|adopted|佐賀県鹿島市",
    ),
    # …and without such a word the reading alone is not enough: no body is guessed
    (
        "かしまデジタル推進プラン\n暮らしをデジタルで便利にします。",
        "かしまデジタル推進プラン|plan|adopted|(None, 0)",
    ),
]


@pytest.mark.parametrize(("text", "want"), COVERS)
def test_title_kind_status_and_municipality(text: str, want: str) -> None:
    cover = read_cover(outline(text))
    who = (
        f"{cover.gov.prefecture}{cover.gov.name}"
        if cover.gov
        else str((cover.gov_name, len(cover.candidates)))
    )
    assert f"{cover.title}|{cover.kind}|{cover.status}|{who}" == want


@pytest.mark.parametrize(
    "line",
    [
        "1 計画改定の趣旨",
        "今後とも、社会情勢の変化等に対応しながら、本計画に基づき取り組みます。",
        "(DX)推進基本方針」を定めました。",
        "「自治体DX推進計画」を策定しました。",
        "第6次〇〇市総合計画",
    ],
)
def test_a_sentence_a_section_heading_a_fragment_or_another_plan_is_never_the_title(
    line: str,
) -> None:
    cover = read_cover(outline(line + "\n令和6年3月"))
    assert cover.title is None


def test_title_words_are_data_with_reasons() -> None:
    from importlib import resources

    import yaml

    text = (resources.files("dxcheck.draft") / "data" / "title_cues.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert all(entry["reason"] for entry in data.values())
    assert "総合計画" in data["other_documents"]["contains"]


def test_a_shared_name_keeps_the_name_and_lists_the_candidates_in_one_line() -> None:
    drafted = draft_text("美浜町情報化推進計画\n本町の計画です。\n".encode(), "page.txt")
    header = [ln for ln in drafted.splitlines() if ln.startswith("# 要確認")]
    assert len(header) == 1
    assert all(p in header[0] for p in ("福井県美浜町", "愛知県美浜町", "和歌山県美浜町"))
    assert "  name: 美浜町" in drafted


PAGES: list[tuple[str, tuple[str, str, str, str, str | None, str | None]]] = [
    (
        "第２次\n大河原町情報化推進計画\n～デジタルでつながる\u3000おおがわら～\n令和６年３月\n大河原町\n\n第１章\u3000計画の策定にあたって\n１\u3000計画策定の趣旨\n国は、令和２年12月に「自治体デジタル・トランスフォーメーション（DX）推進計画」を策定し、令和７年度末までに情報システムの標準化を進めることとしています。\n２\u3000計画の期間\n本計画の期間は、令和６年度から令和10年度までの５年間とします。なお、第１次計画の期間は平成31年度から令和５年度まででした。\n",
        ("第２次大河原町情報化推進計画", "plan", "adopted", "043214", "令和6年度", "令和10年度"),
    ),
    (
        "「（仮称）柴田町DX推進計画（素案）」に対する意見を募集します\n柴田町では、DX推進計画の素案を作成しました。\n募集期間\u3000令和７年１月６日（月曜日）から令和７年２月５日（水曜日）まで\n計画期間（予定）\u3000令和７年度～令和11年度\n",
        (
            "（仮称）柴田町DX推進計画（素案）",
            "proposal",
            "draft",
            "043231",
            "令和7年度",
            "令和11年度",
        ),
    ),
    (
        "広報かくだ\u3000令和６年５月号\n市政だより\n角田市DX推進計画がスタートしました\n市では、４月から「角田市DX推進計画」に基づく取組を始めました。計画の期間は令和６年度から令和９年度までの４年間です。\n",
        ("角田市DX推進計画", "plan", "adopted", "042081", "令和6年度", "令和9年度"),
    ),
    (
        "宮城県DX推進計画\n宮城県では、県内市町村と連携し、仙台市や石巻市とともにデジタル化を進めています。\n計画期間：令和5年度～令和8年度\n",
        ("宮城県DX推進計画", "plan", "adopted", "040002", "令和5年度", "令和8年度"),
    ),
    (
        "蔵王町DX推進方針\n本町では、令和8年度までを計画期間とします。\n",
        ("蔵王町DX推進方針", "policy", "adopted", "043010", None, "令和8年度"),
    ),
    (
        "山元町DX推進計画の改定について\n山元町では、令和3年3月に策定した山元町DX推進計画（令和3年度～令和5年度）の計画期間が終了したことから、新たに「山元町DX推進計画（第2期）」を策定しました。\n第2期計画の期間は令和6年度から令和8年度までです。\n",
        ("山元町DX推進計画（第2期）", "plan", "adopted", "043621", "令和6年度", "令和8年度"),
    ),
]


@pytest.mark.parametrize(("text", "want"), PAGES)
def test_whole_pages_draft_to_valid_plans_with_their_cover_facts(
    text: str, want: tuple[str, str, str, str, str | None, str | None]
) -> None:
    drafted = draft_text(text.encode("utf-8"), "page.txt")
    result = validate_bytes(drafted.encode("utf-8"), "page.yaml")
    assert result.plan is not None, result.diagnostics
    plan = result.plan
    start = plan.period.start.text if plan.period.start else None
    end = plan.period.end.text if plan.period.end else None
    doc = plan.document
    got = (doc.title, doc.kind, doc.status, plan.municipality.code, start, end)
    assert got == want
    # an earlier plan's period (第１次計画の期間は…でした) is not offered as a second reading
    assert "別の読み" not in (plan.period.note or "")


def test_a_line_longer_than_any_title_is_not_read_for_one() -> None:
    """A cover line is short: a 60,000-character run is not cleaned as a title (the cleaning's
    patterns would be tried at every position of it), while a title beside it still is."""
    from dxcheck.draft.title import MAX_LINE, candidates

    hostile = "x" + " " * 60_000 + "x"
    assert len(hostile) > MAX_LINE
    found = candidates([hostile, "松島町DX推進計画"], ["松島町"])
    assert [t.text for t in found] == ["松島町DX推進計画"]
