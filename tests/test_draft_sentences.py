"""dxcheck.draft.sentences: how one line of a plan reads — list lines, the measure's own words
for a title, and items used inside another measure (text written for the tests)."""

from __future__ import annotations

import pytest

from dxcheck.draft.sentences import (
    introduces_measures,
    lead_line,
    lead_text,
    list_item,
    measure_title,
    plain_line,
    short,
    split_uses,
)


@pytest.mark.parametrize(
    ("line", "before", "listed"),
    [
        ("・電子申請の拡大", "", True),
        ("- 利用機会の格差是正（デジタルデバイド対策）", "1 住民サービス", True),
        ("① 書かない窓口の導入", "取組は次のとおりです。", True),
        ("行政手続のオンライン化 |", "目標 |", True),
        ("・RPA", "、AI", False),  # a piece of a wrapped table column
        ("・AI・RPA", "の徹底", False),  # after a fragment
        ("・電子申請を拡大します。", "", False),  # a sentence, not a name
        ("電子申請の拡大", "", False),  # no mark: only under a list of measures
    ],
)
def test_list_lines(line: str, before: str, listed: bool) -> None:
    assert list_item(line, before) is listed


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("主な取組", True),
        ("実施項目", True),
        ("重点施策は次のとおりです。", True),
        ("この間、次のような変化が見られました。", False),
        ("国の重点取組事項", False),
        ("西和賀町デジタル人材育成基本方針について", False),
        ("書かない窓口の取組", False),  # names an item: a measure, not a list's title
    ],
)
def test_lines_that_open_a_list_of_measures(line: str, opens: bool) -> None:
    assert introduces_measures(line) is opens


def test_plain_and_lead_lines() -> None:
    assert plain_line("書かない窓口")
    assert not plain_line("書かない窓口を導入します。")
    assert not plain_line("窓")
    assert lead_line("- 定型業務の自動化") and lead_text("- 定型業務の自動化") == "定型業務の自動化"
    assert lead_line("**窓口の改革**") and lead_text("**窓口の改革**：書かない窓口") == "窓口の改革"
    assert not lead_line("定型業務を自動化します。")


def test_a_title_is_the_lead_above_or_the_clause_that_names_the_item() -> None:
    lead = (3, "定型業務の自動化")
    text = "RPAを使って入力作業を減らします。"
    assert measure_title(text, ["ai_rpa"], lead, 4, "行政のデジタル化") == "定型業務の自動化"
    later = "また、職員の働き方の見直しとして、在宅勤務の試行を検討します。"
    assert (
        measure_title(later, ["telework"], lead, 6, "行政のデジタル化")
        == "在宅勤務の試行を検討します"
    )


def test_short_titles_are_cut_after_a_clause_without_footnote_marks() -> None:
    assert short("基盤^{※2}の整備", 60) == "基盤の整備"
    long = "市民がいつでもどこでも使えるよう行政手続のオンライン化を進め、" + "あ" * 60
    assert short(long, 40) == "市民がいつでもどこでも使えるよう行政手続のオンライン化を進め"
    assert short("い" * 50, 40) == "い" * 39 + "…"


@pytest.mark.parametrize(
    ("text", "items", "heading", "national", "used"),
    [
        (
            "マイナンバーカードを活用した書かない窓口",
            ["mynumber_card", "frontyard"],
            set(),
            ["frontyard"],
            ["mynumber_card"],
        ),
        (
            "電子申請受付・マイナンバーカード活用",
            ["online_procedures", "mynumber_card"],
            set(),
            None,
            [],
        ),
        ("AIを活用した観光案内", ["ai_rpa"], set(), [], ["ai_rpa"]),
        ("AIを活用した窓口業務の効率化", ["ai_rpa"], set(), ["ai_rpa"], []),
        ("マイナンバーカードを読み取る", ["mynumber_card"], {"frontyard"}, [], ["mynumber_card"]),
        (
            "マイナンバーカードを活用したコンビニ交付",
            ["mynumber_card"],
            set(),
            ["mynumber_card"],
            [],
        ),
    ],
)
def test_items_used_inside_another_measure(
    text: str, items: list[str], heading: set[str], national: list[str] | None, used: list[str]
) -> None:
    got_national, got_used = split_uses(text, items, heading)
    assert got_used == used
    assert got_national == (items if national is None else national)
