"""PDF text with pypdfium2 (PDFium): lines rebuilt from the text segments' positions, so that
table cells stay on one line separated by tabs and wrapped lines are known.

Before PDFium sees the file, its compressed streams are measured (:mod:`pdfscan`: a
decompression bomb is refused with a message instead of exhausting memory). Pages without a
text layer are named (and read with Tesseract under ``--ocr``, :mod:`ocr`); vertical
(縦書き) pages are read column by column, right to left.

Chosen over pdfminer.six and pypdf for Japanese reading order and speed (README
「使っているライブラリ」). Imported only by ``dxcheck draft``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dxcheck.draft.document import (
    MAX_CHARS,
    MAX_PAGES,
    Extracted,
    Line,
    Note,
    page_list,
    page_number,
    too_long,
    too_many_pages,
)
from dxcheck.draft.errors import DraftError
from dxcheck.draft.pdfscan import check_streams

PageLines = list[tuple[str, bool, float]]  # text, reaches the margin, font size


@dataclass(slots=True)
class _Page:
    number: int
    label: str | None
    lines: PageLines
    ocr: bool = False


def read_pdf(data: bytes, name: str, *, ocr: bool = False) -> Extracted:
    import pypdfium2 as pdfium

    check_streams(data, name)
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
    pages: list[_Page] = []
    scanned: list[int] = []  # image-only pages (no text layer)
    vertical: list[int] = []
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise too_many_pages(name, count)
        chars = 0
        for index in range(count):
            page = pdf[index]
            try:
                label = _label(pdf, index)
                textpage = page.get_textpage()
                upright = _is_vertical(textpage)
                page_lines = _vertical_lines(textpage) if upright else _page_lines(textpage)
                is_ocr = False
                if not page_lines and _has_image(page):
                    scanned.append(index + 1)
                    if ocr:
                        from dxcheck.draft.ocr import MAX_OCR_PAGES, ocr_page

                        if len(scanned) > MAX_OCR_PAGES:
                            raise DraftError(
                                f"{name}: OCR するページが多すぎます（上限 {MAX_OCR_PAGES} ページ）。"
                                "計画本体のページだけの PDF にしてください",
                                f"{name}: too many pages to OCR (limit {MAX_OCR_PAGES}); "
                                "give a PDF of the plan's own pages",
                            )
                        page_lines, is_ocr = ocr_page(page, name, index + 1), True
                if upright:
                    vertical.append(index + 1)
            finally:
                page.close()
            edges = [t for t, _, _ in page_lines[-2:] + page_lines[:1]]
            footer = next((n for n in (page_number(t) for t in edges) if n), None)
            chars += sum(len(t.strip()) for t, _, _ in page_lines)
            if chars > MAX_CHARS:  # stop early: compressed streams can inflate a lot
                raise too_long(name)
            pages.append(_Page(index + 1, label or footer, page_lines, is_ocr))
    except pdfium.PdfiumError as exc:
        raise DraftError(
            f"{name}: PDF のページを読めません（壊れています）: {exc}",
            f"{name}: cannot read a page of the PDF (broken): {exc}",
        ) from None
    finally:
        pdf.close()
    if chars < 20 * max(1, min(count, 5)):
        raise DraftError(
            f"{name}: PDF にテキスト層がありません（スキャン画像の PDF）。--ocr で読むか（Tesseract が"
            "必要です）、テキストに書き出したファイルを渡してください",
            f"{name}: the PDF has no text layer (scanned images); read it with --ocr (needs "
            "Tesseract) or give the text as a file",
        )
    notes = _notes(data, count, scanned, vertical, ocr)
    ocr_pages = frozenset(p.number for p in pages if p.ocr)
    return Extracted(_with_headings(pages), "pdf", count, notes, ocr_pages)


def _notes(
    data: bytes, count: int, scanned: list[int], vertical: list[int], ocr: bool
) -> list[Note]:
    notes: list[Note] = []
    offset = data.find(b"%PDF-")
    if offset > 0:
        notes.append(
            Note(
                f"PDF の前に {offset:,} バイトの別のデータがあります（HTTP の応答ヘッダなど、ダウンロードの"
                "失敗？）。PDF の部分を読みました。元のファイルを取り直してください",
                f"{offset:,} bytes of other data precede the PDF (an HTTP response header: a broken "
                "download?); read the PDF after it. Download the file again",
            )
        )
    if scanned and ocr:
        notes.append(
            Note(
                f"p.{page_list(scanned)}（{len(scanned)}/{count} ページ）はテキスト層が無く、OCR"
                "（Tesseract）で読みました。そこから取った項目は cite の draft に OCR とあります。"
                "文字の誤りがありうるので、原本のページと照らしてください",
                f"p.{page_list(scanned)} ({len(scanned)} of {count} pages) have no text layer and "
                "were read by OCR (Tesseract); entries from them say OCR in their cite's draft. "
                "Check them against the page: OCR misreads characters",
            )
        )
    elif scanned:
        notes.append(
            Note(
                f"p.{page_list(scanned)}（{len(scanned)}/{count} ページ）はテキスト層が無い画像です"
                "（スキャン）。これらのページの取組・指標・日付・推進体制は下書きにありません。"
                "dxcheck draft --ocr で読めます（Tesseract が必要）。読まない場合は手で書き足してください",
                f"p.{page_list(scanned)} ({len(scanned)} of {count} pages) are images without a "
                "text layer (scans): the initiatives, indicators, dates and governance on them are "
                "missing from the draft. Read them with dxcheck draft --ocr (needs Tesseract), or "
                "add them by hand",
            )
        )
    if vertical:
        notes.append(
            Note(
                f"p.{page_list(vertical)} は縦書きです。列を右から左へ、各列を上から下へ読みました。"
                "縦書きのページから取った項目（特に表・日付）は原本と照らしてください",
                f"p.{page_list(vertical)} are set vertically (縦書き): read column by column, right "
                "to left. Check entries from these pages (tables, dates above all) against the page",
            )
        )
    return notes


def _with_headings(pages: list[_Page]) -> list[Line]:
    """Lines set in a larger font than the body text are headings: they get Markdown marks
    (``#`` for the largest size … ``###``), as Word headings do, for the outline step."""
    weights: dict[float, int] = {}
    for page in pages:
        for text, _, font in page.lines:
            weights[round(font, 1)] = weights.get(round(font, 1), 0) + len(text)
    body = max(weights, key=lambda k: weights[k]) if weights else 0.0
    larger = sorted((s for s in weights if s >= body * 1.15), reverse=True)[:3]
    lines: list[Line] = []
    for page in pages:
        for text, wrapped, font in page.lines:
            size = round(font, 1)
            if size in larger and len(text) <= 60 and "\t" not in text:
                text = "#" * (larger.index(size) + 1) + " " + text
            lines.append(Line(text, page.number, page.label, wrapped))
        lines.append(Line("", page.number, page.label))
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


def _has_image(page: Any) -> bool:
    import pypdfium2.raw as raw

    for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        return True
    return False


_SAMPLE = 400  # characters looked at to tell a vertical page


def _is_vertical(textpage: Any) -> bool:
    """True when most neighbouring characters (in PDFium's order) stand one below the other
    rather than side by side: a page set in 縦書き."""
    import pypdfium2.raw as raw

    count = min(raw.FPDFText_CountChars(textpage.raw), _SAMPLE)
    down = across = 0
    last: tuple[float, float, float, float] | None = None
    for index in range(max(count, 0)):
        code = raw.FPDFText_GetUnicode(textpage.raw, index)
        if code in (0, 9, 10, 13, 32, 0x3000):
            last = None
            continue
        box = _box(textpage, index)
        if last is not None:
            size = max(last[3] - last[1], last[2] - last[0], 1.0)
            dx = (box[0] + box[2]) / 2 - (last[0] + last[2]) / 2
            dy = (last[1] + last[3]) / 2 - (box[1] + box[3]) / 2
            if abs(dx) < size * 0.4 and 0 < dy < size * 2:
                down += 1
            elif abs(dy) < size * 0.4 and 0 < dx < size * 2:
                across += 1
                if across >= 40 and down * 4 < across:
                    return False  # clearly horizontal: no need to look further
        last = box
    return down >= 10 and down > across * 2


def _vertical_lines(textpage: Any) -> PageLines:
    """A 縦書き page's columns, right to left, each read top to bottom; a column that runs to
    the bottom of the text continues in the next."""
    import pypdfium2.raw as raw

    chars: list[tuple[float, float, float, str, float]] = []  # centre x, top, bottom, ch, size
    widths: list[float] = []
    for index in range(raw.FPDFText_CountChars(textpage.raw)):
        code = raw.FPDFText_GetUnicode(textpage.raw, index)
        if code in (0, 9, 10, 13, 32, 0xFFFE, 0xFFFF) or not 0 < code < 0x110000:
            continue
        left, bottom, right, top = _box(textpage, index)
        size = raw.FPDFText_GetFontSize(textpage.raw, index)
        chars.append(((left + right) / 2, top, bottom, chr(code), size))
        widths.append(right - left)
    if not chars:
        return []
    widths.sort()
    width = max(widths[len(widths) // 2], 3.0)
    chars.sort(key=lambda c: -c[0])
    columns: list[list[tuple[float, float, float, str, float]]] = []
    for char in chars:
        if columns and columns[-1][0][0] - char[0] < width * 0.6:
            columns[-1].append(char)
        else:
            columns.append([char])
    lowest = min(c[2] for c in chars)
    out: PageLines = []
    for column in columns:
        column.sort(key=lambda c: -c[1])
        text = "".join(c[3] for c in column).strip()
        if text:
            reaches = min(c[2] for c in column) <= lowest + width * 1.5
            out.append((text, reaches, max(c[4] for c in column)))
    return out


def _page_lines(textpage: Any) -> PageLines:
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
    out: PageLines = []
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
