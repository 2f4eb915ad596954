"""Word (.docx) text with the standard library: the document part of the zip, read with
bounded size, parsed without entity expansion. Paragraphs become lines, headings keep their
level (as ``#`` marks), table rows become tab-separated lines, page breaks advance the page.

A .docx is a zip; a zip bomb disguised as one is refused by the declared size, the
compression ratio and a hard cap on the bytes actually inflated.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from dxcheck.draft.document import Extracted, Line, label_by_footers
from dxcheck.draft.errors import DraftError

MAX_XML = 24 * 1024 * 1024  # word/document.xml inflated (a 200-page plan: 1–5 MB)
MAX_TABLE_DEPTH = 4  # tables in tables in tables …: deeper ones are read as their cells' text
MAX_RATIO = 200  # inflated / compressed; ordinary documents are below 20
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^(?:heading|見出し)\s*([1-9])$|^([1-9])$", re.IGNORECASE)


def read_docx(data: bytes, name: str) -> Extracted:
    xml = _document_xml(data, name)
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml:
        raise DraftError(
            f"{name}: Word 文書に DTD・実体宣言があります（安全のため読みません）",
            f"{name}: the Word document declares a DTD or entities (refused for safety)",
        )
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise DraftError(
            f"{name}: Word 文書の本文（XML）が壊れています: {exc}",
            f"{name}: the Word document's body (XML) is broken: {exc}",
        ) from None
    body = root.find(f"{W}body")
    if body is None:
        raise DraftError(
            f"{name}: Word 文書に本文がありません", f"{name}: the Word document has no body"
        )
    reader = _Reader()
    for child in body:
        if child.tag == f"{W}p":
            reader.paragraph(child)
        elif child.tag == f"{W}tbl":
            reader.table(child)
    paged = reader.page > 1
    lines = [Line(text, page if paged else None) for text, page in reader.lines]
    return Extracted(label_by_footers(lines), "docx", reader.page if paged else 0)


def _document_xml(data: bytes, name: str) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo("word/document.xml")
    except KeyError:
        raise DraftError(
            f"{name}: zip ですが Word 文書（.docx）ではありません（word/document.xml がない）",
            f"{name}: a zip file but not a Word document (no word/document.xml)",
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DraftError(
            f"{name}: Word 文書（zip）として読めません: {exc}",
            f"{name}: cannot read the Word document (zip): {exc}",
        ) from None
    if info.file_size > MAX_XML or info.file_size > max(info.compress_size, 1) * MAX_RATIO:
        raise DraftError(_bomb_ja(name), _bomb_en(name))
    try:
        with archive.open(info) as handle:
            xml = handle.read(MAX_XML + 1)  # the declared size may lie: cap what is inflated
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError) as exc:
        raise DraftError(
            f"{name}: Word 文書（zip）が壊れているか暗号化されています: {exc}",
            f"{name}: the Word document (zip) is broken or encrypted: {exc}",
        ) from None
    if len(xml) > MAX_XML:
        raise DraftError(_bomb_ja(name), _bomb_en(name))
    return xml


def _bomb_ja(name: str) -> str:
    return f"{name}: Word 文書の本文が展開すると大きすぎます（上限 {MAX_XML:,} バイト、zip 爆弾の疑い）"


def _bomb_en(name: str) -> str:
    return f"{name}: the Word document inflates beyond {MAX_XML:,} bytes (a zip bomb?)"


class _Reader:
    def __init__(self) -> None:
        self.lines: list[tuple[str, int]] = []
        self.page = 1

    def paragraph(self, p: ElementTree.Element) -> None:
        text, breaks = _runs(p)
        style = p.find(f"{W}pPr/{W}pStyle")
        level = _heading_level(style.get(f"{W}val", "") if style is not None else "")
        for index, piece in enumerate(text.split("\n")):
            if level and index == 0 and piece.strip():
                piece = "#" * level + " " + piece.strip()
            self.lines.append((piece, self.page))
        self.page += breaks

    def table(self, tbl: ElementTree.Element) -> None:
        """One tab-separated line per row. A table nested in a cell gives its rows after the
        row that holds it, down to :data:`MAX_TABLE_DEPTH`; deeper, its text is the cell's.
        Every element is read once (rows and cells are direct children, not ``iter``: a
        ``iter`` per row reads the whole subtree again at every level, quadratic in depth)."""
        pending: list[tuple[ElementTree.Element, int]] = [(tbl, 1)]
        while pending:
            table, depth = pending.pop(0)
            for row in _children(table, "tr"):
                cells = []
                nested: list[tuple[ElementTree.Element, int]] = []
                for cell in _children(row, "tc"):
                    parts: list[str] = []
                    for block in cell:
                        if block.tag == f"{W}p":
                            parts.append(_runs(block)[0].replace("\n", " ").strip())
                        elif block.tag == f"{W}tbl" and depth < MAX_TABLE_DEPTH:
                            nested.append((block, depth + 1))
                        elif block.tag == f"{W}tbl":
                            parts.append(_flat_text(block))
                    cells.append(" ".join(part for part in parts if part))
                self.lines.append(("\t".join(cells), self.page))
                pending[:0] = nested


def _children(parent: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    """Direct children ``w:name``, also inside the row / cell wrappers Word allows
    (``w:sdt``, ``w:customXml``: content controls)."""
    out: list[ElementTree.Element] = []
    for child in parent:
        if child.tag == f"{W}{name}":
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                out.extend(c for c in content if c.tag == f"{W}{name}")
    return out


def _flat_text(element: ElementTree.Element) -> str:
    """All text under ``element`` in one pass (a table nested too deep to read as rows)."""
    return " ".join(
        node.text.strip() for node in element.iter(f"{W}t") if node.text and node.text.strip()
    )


def _runs(p: ElementTree.Element) -> tuple[str, int]:
    """The paragraph's text (tabs and line breaks kept) and how many page breaks it holds."""
    out: list[str] = []
    breaks = 0
    for node in p.iter():
        if node.tag == f"{W}t" and node.text:
            out.append(node.text)
        elif node.tag == f"{W}tab":
            out.append("\t")
        elif node.tag == f"{W}br":
            if node.get(f"{W}type") == "page":
                breaks += 1
            else:
                out.append("\n")
        elif node.tag == f"{W}lastRenderedPageBreak":
            breaks += 1
    return "".join(out), breaks


def _heading_level(style: str) -> int:
    match = _HEADING.match(style.replace("Heading", "heading ").strip())
    if match is None:
        return 0
    return int(match.group(1) or match.group(2))
