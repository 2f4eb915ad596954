"""Step 1: bytes of a PDF, .docx, web page or text file → lines, each with its page.

The dispatcher above the readers (``pdf``, ``docx``, ``html``, ``text``; each a leaf that
knows only :mod:`dxcheck.draft.document`). The format is told by the content, not the file
name: ``%PDF`` within the first 1,024 bytes (as PDF readers accept it, after an HTTP header of
a broken download), a zip with ``word/document.xml``, markup that opens an HTML page. Every
reader is bounded: input size, pages and characters have limits, and an input that exceeds
one is refused with a clear message instead of being processed slowly.
"""

from __future__ import annotations

import re

from dxcheck.draft.document import (
    MAX_BYTES,
    MAX_CHARS,
    MAX_PAGES,
    Extracted,
    Line,
    Note,
    too_long,
)
from dxcheck.draft.docx import read_docx
from dxcheck.draft.errors import DraftError
from dxcheck.draft.html import read_html
from dxcheck.draft.pdf import read_pdf
from dxcheck.draft.text import read_text

__all__ = ["MAX_BYTES", "MAX_CHARS", "MAX_PAGES", "Extracted", "Line", "extract", "sniff"]

_HTML = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,400}?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str:
    """pdf | ole | zip | html | text, from the first bytes."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    head = data[:1024]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        head = head[2:].decode(codec, "ignore").encode("ascii", "ignore")
    if _HTML.match(head):
        return "html"
    return "text"


def extract(data: bytes, name: str, *, ocr: bool = False) -> Extracted:
    """The lines of a document; raises :class:`DraftError` for what cannot be read.
    ``ocr``: read the image-only pages of a PDF with Tesseract."""
    if len(data) > MAX_BYTES:
        raise DraftError(
            f"{name}: ファイルが大きすぎます（{len(data):,} バイト、上限 {MAX_BYTES:,}）",
            f"{name}: file too large ({len(data):,} bytes, limit {MAX_BYTES:,})",
        )
    if not data.strip():
        raise DraftError(f"{name}: 空のファイルです", f"{name}: the file is empty")
    kind = sniff(data)
    if kind == "pdf":
        doc = read_pdf(data, name, ocr=ocr)
    elif kind == "ole":
        raise DraftError(
            f"{name}: 古い形式の Office 文書（.doc など）か、パスワードで保護された Word 文書です。"
            "保護を外して .docx（または PDF）で保存し直してください",
            f"{name}: an old-format Office file (.doc …) or a password-protected Word document; "
            "save it as an unprotected .docx (or PDF)",
        )
    elif kind == "zip":
        doc = read_docx(data, name)
    elif kind == "html":
        doc = read_html(data, name)
    else:
        doc = read_text(data, name)
    _misnamed(doc, name)
    total = sum(len(line.text) for line in doc.lines)
    if total > MAX_CHARS:
        raise too_long(name, total)
    if not any(_has_japanese(line.text) for line in doc.lines[:2000]):
        raise DraftError(
            f"{name}: 日本語の本文が見つかりません（{doc.kind}）",
            f"{name}: no Japanese text found ({doc.kind})",
        )
    return doc


_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".htm": "html", ".html": "html"}


def _misnamed(doc: Extracted, name: str) -> None:
    """A note when the name promises another format (a web page saved as .pdf)."""
    dot = name.rfind(".")
    expected = _SUFFIXES.get(name[dot:].lower()) if dot >= 0 else None
    if expected and expected != doc.kind:
        doc.notes.insert(
            0,
            Note(
                f"名前は {name[dot:]} ですが、中身は {doc.kind} です（ダウンロードの失敗や保存の誤りでは"
                "ありませんか）。中身のとおりに読みました",
                f"the name says {name[dot:]} but the content is {doc.kind} (a failed download or "
                "a page saved under the wrong name?); read as its content",
            ),
        )


def _has_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)
