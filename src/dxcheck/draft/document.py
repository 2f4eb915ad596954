"""What every reader gives (leaf module: the readers and the later steps import it, it imports
none of them): lines with their page, the limits every reader keeps, page-number lines."""

from __future__ import annotations

import re
import unicodedata
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


@dataclass(frozen=True, slots=True)
class Note:
    """Something the reader could not read as it should, for stderr and the draft's header."""

    ja: str
    en: str

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.ja


@dataclass(slots=True)
class Extracted:
    lines: list[Line]
    kind: str  # pdf | docx | html | text
    pages: int = 0
    notes: list[Note] = field(default_factory=list)
    ocr_pages: frozenset[int] = frozenset()  # page indices whose lines came from OCR


def too_long(name: str, chars: int | None = None) -> DraftError:
    if chars is None:
        return DraftError(
            f"{name}: 文書が長すぎます（{MAX_CHARS:,} 文字を超えます）。計画本体だけを渡してください",
            f"{name}: document too long (over {MAX_CHARS:,} characters); give the plan itself",
        )
    return DraftError(
        f"{name}: 文書が長すぎます（{chars:,} 文字、上限 {MAX_CHARS:,}）。計画本体だけを渡してください",
        f"{name}: document too long ({chars:,} characters, limit {MAX_CHARS:,}); "
        "give the plan itself",
    )


def too_many_pages(name: str, pages: int) -> DraftError:
    return DraftError(
        f"{name}: ページが多すぎます（{pages:,} ページ、上限 {MAX_PAGES:,}）",
        f"{name}: too many pages ({pages:,}, limit {MAX_PAGES:,})",
    )


def page_list(pages: list[int]) -> str:
    """1, 3–14, 20: consecutive pages as ranges."""
    out: list[str] = []
    start = prev = None
    for page in sorted(pages):
        if prev is not None and page == prev + 1:
            prev = page
            continue
        if start is not None:
            out.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = page
    if start is not None:
        out.append(str(start) if start == prev else f"{start}–{prev}")
    return ", ".join(out)


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
