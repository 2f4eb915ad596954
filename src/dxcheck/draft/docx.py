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
        for row in tbl.iter(f"{W}tr"):
            cells = []
            for cell in row.findall(f"{W}tc"):
                parts = [_runs(p)[0].replace("\n", " ").strip() for p in cell.iter(f"{W}p")]
                cells.append(" ".join(part for part in parts if part))
            self.lines.append(("\t".join(cells), self.page))


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
