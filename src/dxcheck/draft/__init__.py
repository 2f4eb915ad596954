"""``dxcheck draft``: a municipality's plan document (PDF, .docx, text) → a cited plan YAML draft.

The steps, each a module testable on its own::

    extract (pdf / docx / text) → outline → classify → find (cover, period, governance,
    initiatives, facts) → emit

Nothing here is imported by the other commands; the PDF library is imported only when a PDF
is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from dxcheck.draft.classify import roles
from dxcheck.draft.cover import read_cover
from dxcheck.draft.document import Note
from dxcheck.draft.emit import Parts, emit
from dxcheck.draft.errors import DraftError
from dxcheck.draft.extract import extract
from dxcheck.draft.facts import find_procedures, find_specific, find_systems
from dxcheck.draft.governance import find_governance
from dxcheck.draft.initiatives import find_initiatives
from dxcheck.draft.outline import build
from dxcheck.draft.period import find_period

__all__ = ["DraftError", "Drafted", "document_text", "draft_document", "draft_text"]


@dataclass(frozen=True, slots=True)
class Drafted:
    text: str  # the plan YAML
    notes: tuple[Note, ...]  # what the reader could not read as it should (also in the header)


def document_text(data: bytes, name: str) -> str:
    """The text the draft quotes from: every logical line (headings included, wrapped lines
    joined), one per line. Every ``cite.quote`` of a draft is a substring of it."""
    root = build(extract(data, name).lines)
    lines: list[str] = []
    for section in root.walk():
        if section.heading is not None:
            lines.append(section.heading.text)
        lines.extend(unit.text for unit in section.units)
    return "\n".join(lines)


def draft_text(data: bytes, name: str, source: str | None = None) -> str:
    """The plan YAML drafted from a document's bytes; raises :class:`DraftError`."""
    return draft_document(data, name, source).text


def draft_document(
    data: bytes, name: str, source: str | None = None, *, ocr: bool = False
) -> Drafted:
    """The plan YAML drafted from a document's bytes, and the reader's notes (pages without a
    text layer, vertical pages …); raises :class:`DraftError`. ``ocr``: read image-only PDF
    pages with Tesseract."""
    doc = extract(data, name, ocr=ocr)
    root = build(doc.lines)
    if not any(section.units or section.heading for section in root.walk()):
        raise DraftError(f"{name}: 本文が見つかりません", f"{name}: no text found")
    where = roles(root)
    cover = read_cover(root)
    author = cover.gov.name if cover.gov is not None else None
    parts = Parts(
        source=source or name,
        cover=cover,
        period=find_period(root, where, cover.title),
        governance=find_governance(root, where),
        initiatives=find_initiatives(root, where, author),
        systems=find_systems(root, where),
        procedures=find_procedures(root, where),
        pages=doc.pages,
        kind=doc.kind,
        specific=tuple(find_specific(root, where)),
        notes=tuple(doc.notes),
        ocr_text=tuple(
            text
            for section in root.walk()
            for text, page in (
                *((u.text, u.page) for u in section.units),
                *(((section.heading.text, section.heading.page),) if section.heading else ()),
            )
            if page in doc.ocr_pages
        ),
    )
    return Drafted(emit(parts), tuple(doc.notes))
