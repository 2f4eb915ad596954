"""The evidence behind the PDF and Word libraries of `dxcheck draft` (README「使っているライブラリ」).

Each seed text is laid out as a PDF (tests/draft_docs.make_pdf: A4, wrapped lines, tables,
running headers and footers, Japanese CID font) and read back by each PDF library installed:

- characters: share of the seed's characters (NFKC, no spaces or Markdown marks) recovered;
- sentences: share of the seed's sentences found whole, in order of characters, in the text
  (wrapped lines joined): reading order;
- rows: share of table rows whose cells come out on one line, in order;
- time: all five PDFs, best of 3.

Libraries not installed are skipped (pdfminer.six is not a dependency of dxcheck; install it
to reproduce the comparison). The same for Word: python-docx against the standard library
reader dxcheck uses.
"""

from __future__ import annotations

import io
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from draft_docs import make_docx, make_pdf, plain, seeds_dir  # noqa: E402


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdfium_dxcheck(data: bytes) -> str:
    from dxcheck.draft.extract import extract
    from dxcheck.draft.outline import _join

    return "\n".join(u.text for u in _join(extract(data, "x.pdf").lines))


def pdfium_plain(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(io.BytesIO(data)))


def pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


READERS: dict[str, Callable[[bytes], str]] = {
    "pypdfium2 (dxcheck: lines, tabs, joins)": pdfium_dxcheck,
    "pypdfium2 get_text_range": pdfium_plain,
    "pdfminer.six extract_text": pdfminer,
    "pypdf extract_text": pypdf,
}


def scores(seed: str, text: str) -> tuple[float, float, float]:
    source = [plain(line) for line in seed.splitlines()]
    want = Counter(_flat("".join(source)))
    got = Counter(_flat(text))
    chars = sum(min(n, got[c]) for c, n in want.items()) / max(sum(want.values()), 1)
    flat = _flat(text)
    sentences = [
        _flat(s) for line in source if "\t" not in line for s in re.findall(r"[^。]{10,}。", line)
    ]
    whole = sum(1 for s in sentences if s in flat) / max(len(sentences), 1)
    rows = [
        [_flat(c)[:6] for c in line.split("\t") if _flat(c)]
        for line in source
        if "\t" in line and len([c for c in line.split("\t") if c.strip()]) >= 2
    ]
    lines = [_flat(line) for line in text.splitlines()]
    intact = sum(1 for cells in rows if any(_in_order(cells, line) for line in lines))
    return chars, whole, intact / max(len(rows), 1)


def _in_order(cells: list[str], line: str) -> bool:
    at = 0
    for cell in cells:
        at = line.find(cell, at)
        if at < 0:
            return False
        at += len(cell)
    return True


def main() -> int:
    seeds = [p.read_text("utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    pdfs = [make_pdf(text, "計画") for text in seeds]
    print(f"{len(pdfs)} PDFs, {sum(len(p) for p in pdfs):,} bytes")
    print(f"{'reader':<42} {'chars':>7} {'sentences':>9} {'rows':>6} {'time':>7}")
    for name, reader in READERS.items():
        try:
            reader(pdfs[0])
        except ImportError:
            print(f"{name:<42} (not installed)")
            continue
        best = float("inf")
        texts: list[str] = []
        for _ in range(3):
            started = time.perf_counter()
            texts = [reader(pdf) for pdf in pdfs]
            best = min(best, time.perf_counter() - started)
        rows = [scores(seed, text) for seed, text in zip(seeds, texts, strict=True)]
        avg = [sum(r[i] for r in rows) / len(rows) for i in range(3)]
        print(f"{name:<42} {avg[0]:>7.1%} {avg[1]:>9.1%} {avg[2]:>6.1%} {best:>6.2f}s")
    docs = [make_docx(text) for text in seeds]
    print(f"\n{len(docs)} .docx, {sum(len(d) for d in docs):,} bytes")
    from dxcheck.draft.docx import read_docx

    for name, read in (
        ("stdlib zipfile + ElementTree (dxcheck)", lambda d: len(read_docx(d, "x").lines)),
        ("python-docx", _python_docx),
    ):
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            for doc in docs:
                read(doc)
            best = min(best, time.perf_counter() - started)
        print(f"{name:<42} {best:>6.3f}s")
    return 0


def _python_docx(data: bytes) -> int:
    import docx

    document = docx.Document(io.BytesIO(data))
    count = len(document.paragraphs)
    for table in document.tables:
        count += len(table.rows)
    return count


if __name__ == "__main__":
    sys.exit(main())
