"""dxcheck.draft.outline: headings by numbering scheme, nesting by order of appearance, the
table of contents skipped, running headers and footers dropped, wrapped lines joined."""

from __future__ import annotations

import pytest

from dxcheck.draft.extract import Line
from dxcheck.draft.outline import Section, build, heading_of


def outline(text: str, page_of: list[int] | None = None) -> Section:
    lines = [Line(t, page_of[i] if page_of else None) for i, t in enumerate(text.splitlines())]
    return build(lines)


def paths(root: Section) -> list[str]:
    return [s.path for s in root.walk() if s.heading is not None]


@pytest.mark.parametrize(
    ("line", "scheme", "number", "title"),
    [
        ("第1章 計画の概要", "chapter", "第1章", "計画の概要"),
        ("第２節　計画期間", "part", "第2節", "計画期間"),
        ("1 はじめに", "num", "1", "はじめに"),
        ("１．市民サービスのデジタル化", "num.", "1.", "市民サービスのデジタル化"),
        ("2.1 標準化", "dotted", "2.1", "標準化"),
        ("１－２　計画の期間", "hyphen", "1-2", "計画の期間"),
        ("（３）計画期間", "paren", "(3)", "計画期間"),
        ("① 書かない窓口", "circled", "①", "書かない窓口"),
        ("ア 目指すべき社会の姿", "kata", "ア", "目指すべき社会の姿"),
        ("ii 基本的な取組事項", "roman", "ii", "基本的な取組事項"),
        ("Ⅱ　取組事項", "roman", "Ⅱ", "取組事項"),
        ("基本方針2 行政の効率化に向けたDX", "word", "基本方針2", "行政の効率化に向けたDX"),
        ("施策①：行政手続のオンライン化", "word", "施策①", "行政手続のオンライン化"),
        ("【重点取組事項】", "bracket", "", "【重点取組事項】"),
        ("## コロナ禍で顕在化した課題", "md2", "", "コロナ禍で顕在化した課題"),
    ],
)
def test_numbering_schemes_are_read_as_headings(
    line: str, scheme: str, number: str, title: str
) -> None:
    assert heading_of(line) == (scheme, number, title)


@pytest.mark.parametrize(
    "line",
    [
        "本町は、令和7年度までに標準化を完了する。",
        "2026年度に移行する",
        "1,200件",
        "(1) 本町は、住民サービスの向上と業務の効率化を図るため、行政手続のオンライン化を令和7年度までに進めます",
        "1\tはじめに\tP.1",
        "基本方針1 市民サービス ・・・ 12",
        "【参考2：基幹系17業務】",
        "0 = 工業社会",
    ],
)
def test_sentences_table_rows_and_contents_entries_are_not_headings(line: str) -> None:
    assert heading_of(line) is None


def test_schemes_nest_in_the_order_the_document_uses_them() -> None:
    root = outline(
        "第1章 計画の概要\n1 計画期間\n令和7年度から。\n第2章 取組\n1 住民サービス\n"
        "(1) 書かない窓口\n窓口を改善する。\n(2) オンライン申請\n2 行政\n(1) 標準化\n"
    )
    assert paths(root) == [
        "第1章 計画の概要",
        "第1章 1 計画期間",
        "第2章 取組",
        "第2章 1 住民サービス",
        "第2章 1 (1) 書かない窓口",
        "第2章 1 (2) オンライン申請",
        "第2章 2 行政",
        "第2章 2 (1) 標準化",
    ]
    window = next(s for s in root.walk() if s.title == "書かない窓口")
    assert [u.text for u in window.units] == ["窓口を改善する。"]


def test_the_table_of_contents_is_skipped() -> None:
    root = outline(
        "表題\n目次\n1\tはじめに\tP.1\n2\t取組\tP.3\n(1) 窓口\n1 はじめに\n本文。\n2 取組\n(1) 窓口\n"
    )
    assert paths(root) == ["1 はじめに", "2 取組", "2 (1) 窓口"]


def test_running_headers_and_page_footers_are_dropped_but_the_cover_keeps_its_title() -> None:
    pages = []
    for number in range(1, 6):
        pages += [("テスト町DX推進計画", number), (f"{number} 節{number}", number)]
        pages += [("本文です。", number), (f"- {number} -", number)]
    root = build([Line(t, p) for t, p in pages])
    texts = [u.text for s in root.walk() for u in s.units]
    assert texts.count("テスト町DX推進計画") == 1  # the cover's
    assert not any(t.startswith("- ") for t in texts)


def test_wrapped_lines_are_joined_into_one_sentence() -> None:
    lines = [
        Line("1 取組", 1),
        Line("本町は、書かない窓口を令和8年度末まで", 1, wrapped=True),
        Line("に導入する。", 1),
        Line("次の段落。", 1),
    ]
    section = build(lines).children[0]
    assert [u.text for u in section.units] == [
        "本町は、書かない窓口を令和8年度末までに導入する。",
        "次の段落。",
    ]


def test_cited_pages_prefer_the_printed_number() -> None:
    root = build([Line("1 取組", 3, "1"), Line("本文。", 3, "1"), Line("2 体制", 4, None)])
    first, second = root.children
    assert first.heading is not None and first.heading.cited_page == 1
    assert second.heading is not None and second.heading.cited_page == 4


def test_a_text_of_headings_only_is_refused_in_bounded_time() -> None:
    from dxcheck.draft.errors import DraftError

    with pytest.raises(DraftError, match="見出しが多すぎます"):
        build([Line("(1) 窓口") for _ in range(20_000)])


def test_bare_page_numbers_at_page_edges_are_dropped_but_numbers_in_the_text_are_kept() -> None:
    lines = []
    for number in range(1, 4):
        lines += [Line(f"{number} 節{number}", number), Line("12", number)]
        lines += [Line("本文です。", number), Line(f"P.{number}", number)]
    texts = [u.text for s in build(lines).walk() for u in s.units]
    assert texts.count("12") == 3 and not any(t.startswith("P.") for t in texts)
