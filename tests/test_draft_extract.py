"""dxcheck.draft.extract / pdf / docx: text with pages from PDF, Word and text files, and clear
errors for what cannot be read."""

from __future__ import annotations

import io
import zipfile

import pytest

from draft_docs import make_docx, make_pdf
from dxcheck.draft.errors import DraftError
from dxcheck.draft.extract import extract

PLAN = """# テスト町DX推進計画
令和7年3月
# 第1章 計画の概要
本計画の計画期間は、令和7年度から令和11年度までとする。
成果指標\t現状値\t目標値
オンライン申請件数\t1,200件\t5,000件
"""


def joined(data: bytes, name: str) -> str:
    return "\n".join(line.text for line in extract(data, name).lines)


def test_text_in_utf8_bom_and_cp932_reads_the_same() -> None:
    text = "第1章 計画の概要\n本町はDXを推進します。\n"
    for data in (text.encode("utf-8"), text.encode("utf-8-sig"), text.encode("cp932")):
        assert [line.text for line in extract(data, "plan.txt").lines][:2] == [
            "第1章 計画の概要",
            "本町はDXを推進します。",
        ]


def test_form_feeds_and_footers_give_pages_and_printed_numbers() -> None:
    text = "表紙\n本町はDXを推進します。\n- 1 -\f第1章\n標準化を進めます。\n- 2 -\f"
    lines = extract(text.encode(), "plan.txt").lines
    by_text = {line.text: line for line in lines}
    assert by_text["標準化を進めます。"].page == 2
    assert by_text["標準化を進めます。"].label == "2"


def test_footers_alone_number_the_pages_of_a_text_without_form_feeds() -> None:
    text = "表紙\n本町は推進します。\n- 1 -\n第1章\n移行します。\n- 2 -\n"
    by_text = {line.text: line for line in extract(text.encode(), "plan.txt").lines}
    assert by_text["移行します。"].label == "2"
    assert by_text["本町は推進します。"].label == "1"


def test_pdf_text_is_complete_in_reading_order_with_pages_and_table_tabs() -> None:
    doc = extract(make_pdf(PLAN, "テスト町DX推進計画"), "plan.pdf")
    assert doc.kind == "pdf" and doc.pages == 2
    text = "\n".join(line.text for line in doc.lines)
    assert "本計画の計画期間は、令和7年度から令和11年度までとする。" in text
    assert "オンライン申請件数\t1,200件\t5,000件" in text
    period = next(line for line in doc.lines if "計画期間" in line.text)
    assert period.page == 2 and period.label == "2"


def test_pdf_headings_set_in_a_larger_font_are_marked() -> None:
    lines = [line.text for line in extract(make_pdf(PLAN), "plan.pdf").lines]
    assert "# 第1章 計画の概要" in lines


def test_pdf_lines_wrapped_at_the_margin_are_flagged() -> None:
    long = "本町は、" + "住民サービスの向上と業務の効率化のため、" * 6 + "DXを推進する。"
    lines = extract(make_pdf("# 表題の計画\n" + long), "plan.pdf").lines
    body = [line for line in lines if line.text and not line.text.startswith("#")]
    assert body[0].wrapped and not body[-2].wrapped
    assert "".join(line.text for line in body if "- " not in line.text).startswith(long[:40])


def test_docx_keeps_headings_tables_and_page_breaks() -> None:
    doc = extract(make_docx(PLAN), "plan.docx")
    texts = [line.text for line in doc.lines]
    assert "# 第1章 計画の概要" in texts
    assert "オンライン申請件数\t1,200件\t5,000件" in texts
    period = next(line for line in doc.lines if "計画期間" in line.text)
    assert period.page == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "空のファイル"),
        (b"   \n\n", "空のファイル"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "バイナリ"),
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF", "PDF として読めません"),
        (b"PK\x03\x04" + b"\x00" * 50, "Word 文書（zip）として読めません"),
        (b"Plain English text only.\n", "日本語の本文が見つかりません"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "古い形式の Office 文書"),
    ],
)
def test_unreadable_inputs_get_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(DraftError) as caught:
        extract(data, "input")
    assert message in caught.value.ja
    assert caught.value.en


def test_a_zip_that_is_not_a_word_document_is_named_as_such() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "こんにちは")
    with pytest.raises(DraftError, match=r"Word 文書（\.docx）ではありません"):
        extract(out.getvalue(), "x.docx")


def test_a_zip_bomb_disguised_as_docx_is_refused_without_inflating_it() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            block = b"\0" * (1 << 20)
            for _ in range(200):
                handle.write(block)
    assert len(out.getvalue()) < 1_000_000
    with pytest.raises(DraftError, match="zip 爆弾"):
        extract(out.getvalue(), "bomb.docx")


def test_a_docx_with_entity_declarations_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        )
    with pytest.raises(DraftError, match="実体宣言"):
        extract(out.getvalue(), "x.docx")


def test_a_pdf_without_a_text_layer_is_refused() -> None:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for _ in range(3):
        pdf.rect(50, 50, 300, 300, fill=1)
        pdf.showPage()
    pdf.save()
    with pytest.raises(DraftError, match="テキスト層がありません"):
        extract(out.getvalue(), "scan.pdf")


def test_an_encrypted_pdf_is_refused() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(PLAN))).pages:
        writer.add_page(page)
    writer.encrypt("secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(DraftError, match="パスワード") as caught:
        extract(out.getvalue(), "locked.pdf")
    assert "password" in caught.value.en


def test_a_5000_page_text_is_refused_quickly() -> None:
    page = "第1章 計画\n本町はDXを推進します。\n"
    with pytest.raises(DraftError, match="ページが多すぎます"):
        extract("\f".join([page] * 5000).encode(), "big.txt")


def test_a_huge_text_without_pages_is_refused() -> None:
    with pytest.raises(DraftError, match="長すぎます"):
        extract(("本町はDXを推進します。" * 300_000).encode(), "big.txt")


def test_hard_wrapped_text_is_marked_so_that_sentences_are_joined() -> None:
    from dxcheck.draft.outline import build

    sentence = "本町は、住民サービスの向上と業務の効率化のため、書かない窓口を令和8年度末までに全窓口へ導入する。"
    body = (sentence * 12).replace("。本", "。\n本")  # one long paragraph, then wrap it at 30
    flat = body.replace("\n", "")
    wrapped = "\n".join(flat[i : i + 30] for i in range(0, len(flat), 30))
    lines = extract(("1 取組\n" + wrapped + "\n").encode(), "plan.txt").lines
    assert sum(line.wrapped for line in lines) >= 10
    section = build(lines).children[0]
    assert sentence in section.units[0].text


def test_paragraph_per_line_text_is_not_joined() -> None:
    text = "\n".join(
        f"第{i}の段落です。" + "本町はDXを推進します。" * (i % 5 + 1) for i in range(20)
    )
    assert not any(line.wrapped for line in extract(text.encode(), "plan.txt").lines)
