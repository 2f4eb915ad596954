"""Plain text (.txt / .md, or text saved from a PDF) → lines with pages."""

from __future__ import annotations

import unicodedata
from collections import Counter

from dxcheck.draft.document import (
    MAX_CHARS,
    MAX_PAGES,
    Extracted,
    Line,
    label_by_footers,
    too_long,
    too_many_pages,
)
from dxcheck.draft.errors import DraftError


def read_text(data: bytes, name: str) -> Extracted:
    """UTF-8 (with or without BOM), UTF-16 with BOM or CP932 text, as the plan loader reads it.
    Form feeds separate pages; footers such as 「- 12 -」 give the printed page numbers."""
    from dxcheck.loader import LoadError, decode

    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DraftError(
            f"{name}: バイナリファイルです（PDF・Word .docx・HTML・テキストのどれでもありません）",
            f"{name}: a binary file (neither PDF, Word .docx, HTML nor text)",
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
        raise too_many_pages(name, text.count("\f") + 1)
    if len(text) > MAX_CHARS:
        raise too_long(name, len(text))
    return Extracted(text_lines(text), "text", text.count("\f") + 1 if "\f" in text else 0)


def text_lines(text: str) -> list[Line]:
    """Lines of a decoded text: form feeds start pages, footers label them, hard wraps are
    marked."""
    paged = "\f" in text
    lines: list[Line] = []
    for index, page_text in enumerate(text.split("\f"), start=1):
        for raw in page_text.splitlines():
            lines.append(Line(raw.rstrip(), index if paged else None))
    return mark_hard_wraps(label_by_footers(lines))


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
