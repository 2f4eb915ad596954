"""PDF text with pypdfium2 (PDFium): lines rebuilt from the text segments' positions, so that
table cells stay on one line separated by tabs and wrapped lines are known.

Chosen over pdfminer.six and pypdf for Japanese reading order and speed (README
「使っているライブラリ」). Imported only by ``dxcheck draft``.
"""

from __future__ import annotations

from typing import Any

from dxcheck.draft.errors import DraftError
from dxcheck.draft.extract import MAX_CHARS, MAX_PAGES, Extracted, Line, page_number


def read_pdf(data: bytes, name: str) -> Extracted:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text:
            raise DraftError(
                f"{name}: パスワードで保護（暗号化）された PDF です。保護を外した PDF を渡してください",
                f"{name}: the PDF is password-protected (encrypted); give an unprotected copy",
            ) from None
        raise DraftError(
            f"{name}: PDF として読めません（壊れているか PDF ではありません）: {exc}",
            f"{name}: cannot read the PDF (broken or not a PDF): {exc}",
        ) from None
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise DraftError(
                f"{name}: ページが多すぎます（{count:,} ページ、上限 {MAX_PAGES:,}）",
                f"{name}: too many pages ({count:,}, limit {MAX_PAGES:,})",
            )
        pages: list[tuple[int, str | None, list[tuple[str, bool, float]]]] = []
        chars = 0
        for index in range(count):
            page = pdf[index]
            try:
                label = _label(pdf, index)
                page_lines = _page_lines(page.get_textpage())
            finally:
                page.close()
            edges = [t for t, _, _ in page_lines[-2:] + page_lines[:1]]
            footer = next((n for n in (page_number(t) for t in edges) if n), None)
            chars += sum(len(t.strip()) for t, _, _ in page_lines)
            if chars > MAX_CHARS:  # stop early: compressed streams can inflate a lot
                raise DraftError(
                    f"{name}: 文書が長すぎます（{MAX_CHARS:,} 文字を超えます）。計画本体だけを渡してください",
                    f"{name}: document too long (over {MAX_CHARS:,} characters); give the plan itself",
                )
            pages.append((index + 1, label or footer, page_lines))
    except pdfium.PdfiumError as exc:
        raise DraftError(
            f"{name}: PDF のページを読めません（壊れています）: {exc}",
            f"{name}: cannot read a page of the PDF (broken): {exc}",
        ) from None
    finally:
        pdf.close()
    if chars < 20 * max(1, min(count, 5)):
        raise DraftError(
            f"{name}: PDF にテキスト層がありません（スキャン画像の PDF）。OCR でテキストを付けてから"
            "渡すか、テキストに書き出したファイルを渡してください",
            f"{name}: the PDF has no text layer (scanned images); run OCR first or give the "
            "text as a file",
        )
    return Extracted(_with_headings(pages), "pdf", count)


def _with_headings(
    pages: list[tuple[int, str | None, list[tuple[str, bool, float]]]],
) -> list[Line]:
    """Lines set in a larger font than the body text are headings: they get Markdown marks
    (``#`` for the largest size … ``###``), as Word headings do, for the outline step."""
    weights: dict[float, int] = {}
    for _, _, page_lines in pages:
        for text, _, font in page_lines:
            weights[round(font, 1)] = weights.get(round(font, 1), 0) + len(text)
    body = max(weights, key=lambda k: weights[k]) if weights else 0.0
    larger = sorted((s for s in weights if s >= body * 1.15), reverse=True)[:3]
    lines: list[Line] = []
    for number, printed, page_lines in pages:
        for text, wrapped, font in page_lines:
            size = round(font, 1)
            if size in larger and len(text) <= 60 and "\t" not in text:
                text = "#" * (larger.index(size) + 1) + " " + text
            lines.append(Line(text, number, printed, wrapped))
        lines.append(Line("", number, printed))
    return lines


def _box(textpage: Any, index: int) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of one character, straight from PDFium."""
    import ctypes

    import pypdfium2.raw as raw

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    raw.FPDFText_GetCharBox(textpage.raw, index, left, right, bottom, top)
    return left.value, bottom.value, right.value, top.value


def _label(pdf: Any, index: int) -> str | None:
    try:
        label = pdf.get_page_label(index)
    except Exception:  # a broken label tree is not worth failing the whole document
        return None
    return str(label).strip() or None


def _page_lines(textpage: Any) -> list[tuple[str, bool, float]]:
    """The page's lines in PDFium's reading order, with a tab where a wide gap separates two
    pieces of one line (table cells), whether each line reaches the right margin, and the
    line's largest font size."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    if not text.strip():
        return []
    # Boxes only where they matter (PDFium puts a generated space in every gap, and a line's
    # last character tells whether it reaches the margin): a tenth of the calls of all boxes.
    wanted = {0}
    for index, ch in enumerate(text):
        if ch == " " or ch in "\r\n":
            wanted.update((index - 1, index + 1))
    wanted.add(len(text) - 1)
    boxes = {i: _box(textpage, i) for i in sorted(wanted) if 0 <= i < len(text)}
    sizes = {i: raw.FPDFText_GetFontSize(textpage.raw, i) for i in boxes}
    widths = sorted(b[2] - b[0] for i, b in boxes.items() if not text[i].isspace())
    size = max(widths[len(widths) // 2], 3.0) if widths else 10.0
    right = max((b[2] for i, b in boxes.items() if not text[i].isspace()), default=0)
    out: list[tuple[str, bool, float]] = []
    line: list[str] = []
    last_right: float | None = None
    line_right = 0.0
    font = 0.0

    def flush() -> None:
        piece = "".join(line).rstrip()
        out.append((piece, line_right >= right - size * 1.5 and "\t" not in piece, font))

    for index, ch in enumerate(text):
        box = boxes.get(index)
        font_size = sizes.get(index, 0.0)
        if ch in "\r\n":
            if ch == "\n" or last_right is not None or line:
                if line or ch == "\n":
                    flush()
                line, last_right, line_right, font = [], None, 0.0, 0.0
            continue
        if ch.isspace():
            line.append(" ")
            continue
        if box is not None and last_right is not None and box[0] - last_right > size * 1.5:
            while line and line[-1] == " ":
                line.pop()
            line.append("\t")
        line.append(ch)
        if box is not None:
            last_right = box[2]
            line_right = max(line_right, box[2])
        else:
            last_right = None
        font = max(font, font_size)
    if line:
        flush()
    return [(t, w, f) for t, w, f in out if t.strip()]
