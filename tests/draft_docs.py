"""Build PDFs and Word files from plan texts at test time, so that real extraction is
exercised (used by tests/test_draft_*.py and benchmarks/draft_quality.py).

The PDF is laid out like a printed plan: A4, text wrapped at the right margin by width,
table cells at column positions, a running header and a 「- n -」 footer on every page, a new
page at every top-level heading. Fonts: reportlab's built-in Japanese CID font (no font file
needed). Markdown marks (``#``) of the seed texts are dropped: real PDFs have none.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

_MD = re.compile(r"^#+\s*")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def plain(line: str) -> str:
    return _BOLD.sub(r"\1", _MD.sub("", line))


def make_pdf(text: str, header: str = "") -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "HeiseiKakuGo-W5"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    width, height = A4
    left, right, top, bottom, size, leading = 56.0, width - 56.0, height - 70.0, 70.0, 10.5, 16.0
    state = {"y": top, "page": 1, "used": False}

    def finish_page() -> None:
        pdf.setFont(font, 8)
        if header:
            pdf.drawRightString(right, height - 40, header)
        pdf.drawCentredString(width / 2, 40, f"- {state['page']} -")
        pdf.showPage()
        state.update(y=top, page=state["page"] + 1, used=False)

    def draw(x: float, piece: str, points: float = size) -> None:
        if state["y"] < bottom:
            finish_page()
        pdf.setFont(font, points)
        pdf.drawString(x, state["y"], piece)

    for raw in text.splitlines():
        top_level = raw.startswith("# ")
        line = plain(raw).rstrip()
        if top_level and state["used"]:
            finish_page()
        if not line.strip():
            state["y"] -= leading / 2
            continue
        state["used"] = True
        if "\t" in line:
            cells = line.split("\t")
            col = (right - left) / max(len(cells), 1)
            wrapped = [_wrap(c, col - 20, font, size) for c in cells]
            for row in range(max(len(w) for w in wrapped)):
                for index, cell in enumerate(wrapped):
                    if row < len(cell):
                        draw(left + index * col, cell[row])
                state["y"] -= leading
            continue
        marks = len(raw) - len(raw.lstrip("#"))
        points = {1: 16.0, 2: 14.0, 3: 12.5}.get(marks, size) if marks else size
        for piece in _wrap(line, right - left, font, points):
            draw(left, piece, points)
            state["y"] -= leading * points / size
    finish_page()
    pdf.save()
    return out.getvalue()


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    for ch in text:
        if current and stringWidth(current + ch, font, size) > width:
            lines.append(current)
            current = ""
        current += ch
    return [*lines, current] if current or not lines else lines


def make_docx(text: str) -> bytes:
    """A Word document: ``#`` lines as headings, tab lines as table rows, the rest as
    paragraphs."""
    import docx

    document = docx.Document()
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if not table_rows:
            return
        cols = max(len(r) for r in table_rows)
        table = document.add_table(rows=len(table_rows), cols=cols)
        for target, row in zip(table.rows, table_rows, strict=True):
            for cell, value in zip(target.cells, row, strict=False):
                cell.text = value
        table_rows.clear()

    for raw in text.splitlines():
        if "\t" in raw:
            table_rows.append(plain(raw).split("\t"))
            continue
        flush_table()
        if not raw.strip():
            continue
        match = re.match(r"^(#+)\s*", raw)
        if match and len(match.group(1)) == 1 and document.paragraphs:
            document.add_page_break()
        if match:
            document.add_heading(plain(raw), level=min(len(match.group(1)), 4))
        else:
            document.add_paragraph(plain(raw))
    flush_table()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def seeds_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "shared" / "seeds"


def make_scanned_pdf(
    text: str, scanned: set[int] | None = None, dpi: int = 200, angle: float = 0.0
) -> bytes:
    """``make_pdf(text)`` with the pages in ``scanned`` (1-based; all when None) replaced by
    a greyscale picture of themselves, rendered at ``dpi`` and turned by ``angle`` degrees,
    as a scanner gives them: image-only pages without a text layer."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(make_pdf(text, "計画"))
    out = pdfium.PdfDocument.new()
    for index in range(len(source)):
        if scanned is not None and index + 1 not in scanned:
            out.import_pages(source, [index])
            continue
        page = source[index]
        width, height = page.get_size()
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        if angle:
            image = image.rotate(angle, expand=False, fillcolor=255)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=90)
        new = out.new_page(width, height)
        picture = pdfium.PdfImage.new(out)
        picture.load_jpeg(io.BytesIO(buffer.getvalue()), inline=True)
        picture.set_matrix(pdfium.PdfMatrix().scale(width, height))
        new.insert_obj(picture)
        new.gen_content()
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def make_vertical_pdf(columns: list[str]) -> bytes:
    """One A4 page set in 縦書き: each string a column, the first at the right."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = UnicodeCIDFont("HeiseiMin-W3", isVertical=True)
    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    pdf.setFont(font.fontName, 11)
    x = A4[0] - 60
    for column in columns:
        pdf.drawString(x, A4[1] - 60, column)
        x -= 18
    pdf.showPage()
    pdf.save()
    return out.getvalue()


# --- hostile documents (issue 18), for the tests and benchmarks/hostile_inputs.py ------------


def nested_docx(text: str, depth: int) -> bytes:
    """A .docx of ``text`` whose body starts with tables nested ``depth`` deep, each row with
    a random id (so the archive's compression ratio looks ordinary)."""
    import random
    import zipfile

    base = zipfile.ZipFile(io.BytesIO(make_docx(text)))
    xml = base.read("word/document.xml").decode("utf-8")
    rng = random.Random(18)
    opening = "".join(
        f'<w:tbl><w:tr w:rsidR="{rng.getrandbits(32):08X}"><w:tc><w:p><w:r><w:t>表{i}</w:t>'
        "</w:r></w:p>"
        for i in range(depth)
    )
    xml = xml.replace("<w:body>", "<w:body>" + opening + "</w:tc></w:tr></w:tbl>" * depth, 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in base.infolist():
            content = xml if item.filename == "word/document.xml" else base.read(item)
            archive.writestr(item, content)
    return out.getvalue()


def bomb_pdf(text: str, megabytes: int, twice: bool = False) -> bytes:
    """A PDF of ``text`` with an extra stream that inflates to ``megabytes`` MiB of zeros
    (compressed a second time when ``twice``)."""
    import zlib

    inflater = zlib.compressobj(9)
    zeros = b"\0" * (1 << 20)
    stream = b"".join(inflater.compress(zeros) for _ in range(megabytes)) + inflater.flush()
    filters = b"/FlateDecode"
    if twice:
        stream, filters = zlib.compress(stream, 9), b"[/FlateDecode /FlateDecode]"
    obj = (
        b"99 0 obj\n<< /Length "
        + str(len(stream)).encode()
        + b" /Filter "
        + filters
        + b" >>\nstream\n"
        + stream
        + b"\nendstream\nendobj\n"
    )
    return make_pdf(text, "計画").replace(b"xref", obj + b"xref", 1)
