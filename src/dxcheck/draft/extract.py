"""Step 1: bytes of a PDF, .docx or text file → lines, each with its page.

The format is told by the content (``%PDF``, a zip with ``word/document.xml``), not the file
name. Every reader is bounded: input size, pages and characters have limits, and an input
that exceeds one is refused with a clear message instead of being processed slowly.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from dxcheck.draft.errors import DraftError

MAX_BYTES = 64 * 1024 * 1024  # the file as given
MAX_PAGES = 1000  # a municipal plan has 10–200 pages
MAX_CHARS = 3_000_000  # about 2,000 dense pages of Japanese text


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of the document as extracted."""

    text: str
    page: int | None = None  # 1-based page index (PDF page, form-feed page, docx page break)
    label: str | None = None  # the printed page number, where known (「- 12 -」, PDF page label)
    wrapped: bool = False  # the line runs to the right margin: the text continues on the next


@dataclass(slots=True)
class Extracted:
    lines: list[Line]
    kind: str  # pdf | docx | text
    pages: int = 0
    notes: list[str] = field(default_factory=list)


def extract(data: bytes, name: str) -> Extracted:
    """The lines of a document; raises :class:`DraftError` for what cannot be read."""
    if len(data) > MAX_BYTES:
        raise DraftError(
            f"{name}: ファイルが大きすぎます（{len(data):,} バイト、上限 {MAX_BYTES:,}）",
            f"{name}: file too large ({len(data):,} bytes, limit {MAX_BYTES:,})",
        )
    if not data.strip():
        raise DraftError(f"{name}: 空のファイルです", f"{name}: the file is empty")
    if data.startswith(b"%PDF") or data[:1024].lstrip().startswith(b"%PDF"):
        from dxcheck.draft.pdf import read_pdf

        doc = read_pdf(data, name)
    elif data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise DraftError(
            f"{name}: 古い形式の Office 文書（.doc など）か、パスワードで保護された Word 文書です。"
            "保護を外して .docx（または PDF）で保存し直してください",
            f"{name}: an old-format Office file (.doc …) or a password-protected Word document; "
            "save it as an unprotected .docx (or PDF)",
        )
    elif data.startswith(b"PK\x03\x04"):
        from dxcheck.draft.docx import read_docx

        doc = read_docx(data, name)
    else:
        doc = read_text(data, name)
    total = sum(len(line.text) for line in doc.lines)
    if total > MAX_CHARS:
        raise DraftError(
            f"{name}: 文書が長すぎます（{total:,} 文字、上限 {MAX_CHARS:,}）。計画本体だけを渡してください",
            f"{name}: document too long ({total:,} characters, limit {MAX_CHARS:,}); "
            "give the plan itself",
        )
    if not any(_has_japanese(line.text) for line in doc.lines[:2000]):
        raise DraftError(
            f"{name}: 日本語の本文が見つかりません（{doc.kind}）",
            f"{name}: no Japanese text found ({doc.kind})",
        )
    return doc


def _has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


_FOOTER = re.compile(r"^\s*[-－‐—–―ー]\s*([0-9０-９]{1,4})\s*[-－‐—–―ー]\s*$")


_BARE = re.compile(
    r"^\s*(?:[-－‐—–―ー]\s*)?(?:[PpＰｐ][.．]?\s*)?([0-9０-９]{1,4})\s*(?:[/／]\s*[0-9０-９]{1,4})?\s*$"
)


def page_footer(text: str) -> str | None:
    """The page number of a footer line such as 「- 12 -」 (None for any other line)."""
    match = _FOOTER.match(text)
    return unicodedata.normalize("NFKC", match.group(1)) if match else None


def page_number(text: str) -> str | None:
    """The page number of a line that holds only one (「- 12 -」, 「12」, 「P.12」, 「12 / 40」).
    Only for the first and last lines of a known page: elsewhere a bare number is data."""
    found = page_footer(text)
    if found is not None:
        return found
    match = _BARE.match(text)
    return unicodedata.normalize("NFKC", match.group(1)) if match else None


def read_text(data: bytes, name: str) -> Extracted:
    """UTF-8 (with or without BOM), UTF-16 with BOM or CP932 text, as the plan loader reads it.
    Form feeds separate pages; footers such as 「- 12 -」 give the printed page numbers."""
    from dxcheck.loader import LoadError, decode

    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DraftError(
            f"{name}: バイナリファイルです（PDF・Word .docx・テキストのどれでもありません）",
            f"{name}: a binary file (neither PDF, Word .docx nor text)",
        )
    try:
        text, _encoding, _notes = decode(data, name)
    except LoadError as exc:
        first = exc.diagnostics[0]
        raise DraftError(
            f"{name}: テキストとして読めません: {first.message_ja}",
            f"{name}: cannot read as text: {first.message_en}",
        ) from None
    if text.count("\f") >= MAX_PAGES:
        raise DraftError(
            f"{name}: ページが多すぎます（{text.count(chr(12)) + 1:,} ページ、上限 {MAX_PAGES:,}）",
            f"{name}: too many pages ({text.count(chr(12)) + 1:,}, limit {MAX_PAGES:,})",
        )
    if len(text) > MAX_CHARS:
        raise DraftError(
            f"{name}: 文書が長すぎます（{len(text):,} 文字、上限 {MAX_CHARS:,}）。計画本体だけを渡してください",
            f"{name}: document too long ({len(text):,} characters, limit {MAX_CHARS:,}); "
            "give the plan itself",
        )
    paged = "\f" in text
    lines: list[Line] = []
    for index, page_text in enumerate(text.split("\f"), start=1):
        for raw in page_text.splitlines():
            lines.append(Line(raw.rstrip(), index if paged else None))
    lines = mark_hard_wraps(label_by_footers(lines))
    return Extracted(lines, "text", text.count("\f") + 1 if paged else 0)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_ENDS = ("。", "．", "」", "）", ")", "：", ":")


def mark_hard_wraps(lines: list[Line]) -> list[Line]:
    """Text saved from a PDF (pdftotext) breaks every line at the same width. When many lines
    share one width, a line of that width that does not end a sentence continues on the next."""
    widths = [_width(line.text.rstrip()) for line in lines]
    long = [w for w, line in zip(widths, lines, strict=True) if w >= 40 and "\t" not in line.text]
    if len(long) < 10:
        return lines
    common, _ = Counter(w // 2 for w in long).most_common(1)[0]
    near = sum(1 for w in long if abs(w // 2 - common) <= 1)
    if near < len(long) * 0.5:
        return lines  # paragraphs of every length: one line per paragraph
    limit = (common - 1) * 2
    return [
        Line(line.text, line.page, line.label, True)
        if w >= limit and "\t" not in line.text and not line.text.rstrip().endswith(_ENDS)
        else line
        for w, line in zip(widths, lines, strict=True)
    ]


def label_by_footers(lines: list[Line]) -> list[Line]:
    """Give every line the printed number of the footer that ends its page (「- 12 -」).

    Footers count only when they rise (a table cell 「- 3 -」 in the middle of a page would
    break the sequence and is ignored)."""
    footers: list[tuple[int, str]] = []
    last = 0
    for index, line in enumerate(lines):
        number = page_footer(line.text)
        if number is not None and int(number) > last:
            footers.append((index, number))
            last = int(number)
    if len(footers) < 2:
        return lines
    out: list[Line] = []
    start = 0
    for end, number in footers:
        for line in lines[start:end]:
            out.append(Line(line.text, line.page or int(number), line.label or number))
        out.append(lines[end])
        start = end + 1
    out.extend(lines[start:])
    return out
