"""Image-only PDF pages read with Tesseract (``dxcheck draft --ocr``).

The page is rendered with PDFium (grey, 300 dpi, at most :data:`MAX_PIXELS`), written as a
PGM file and given to the ``tesseract`` command (Debian: ``tesseract-ocr``,
``tesseract-ocr-jpn``, ``tesseract-ocr-jpn-vert``) with a time limit. Its TSV output (words
with boxes) is rebuilt into lines as the text layer is: a wide gap between words is a table
cell (a tab), spaces between Japanese characters are dropped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from typing import Any

from dxcheck.draft.errors import DraftError

DPI = 300
MAX_PIXELS = 40_000_000  # the rendered page (A4 at 300 dpi: 8.7 M)
TIMEOUT = 120  # seconds for one page
MAX_OCR_PAGES = 300  # about 1.5 s of CPU each: a 300-page scan takes some minutes
LANGS = ("jpn", "jpn_vert")
INSTALL_JA = (
    "Tesseract と日本語データが必要です。Debian/Ubuntu: sudo apt-get install tesseract-ocr "
    "tesseract-ocr-jpn tesseract-ocr-jpn-vert（macOS: brew install tesseract tesseract-lang）"
)
INSTALL_EN = (
    "needs Tesseract with its Japanese data. Debian/Ubuntu: sudo apt-get install tesseract-ocr "
    "tesseract-ocr-jpn tesseract-ocr-jpn-vert (macOS: brew install tesseract tesseract-lang)"
)


def tesseract() -> tuple[str, list[str]] | None:
    """The tesseract command and its installed languages of :data:`LANGS`; None without jpn."""
    command = shutil.which("tesseract")
    if command is None:
        return None
    try:
        listed = subprocess.run(
            [command, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    langs = [lang for lang in LANGS if lang in listed.stdout.split()]
    return (command, langs) if "jpn" in langs else None


def ocr_page(page: Any, name: str, number: int) -> list[tuple[str, bool, float]]:
    """The lines of one rendered page (text, reaches the margin — never known here —, size)."""
    found = tesseract()
    if found is None:
        raise DraftError(f"{name}: --ocr: {INSTALL_JA}", f"{name}: --ocr {INSTALL_EN}")
    command, _langs = found
    width, height = page.get_size()
    scale = min(DPI / 72, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
    bitmap = page.render(scale=scale, grayscale=True)
    with tempfile.TemporaryDirectory(prefix="dxcheck-ocr-") as folder:
        image = os.path.join(folder, "page.pgm")
        _write_pgm(bitmap, image)
        try:
            done = subprocess.run(
                [
                    command,
                    image,
                    "stdout",
                    "-l",
                    "jpn",
                    "--psm",
                    "3",
                    "--dpi",
                    str(int(scale * 72)),
                    "tsv",
                ],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                check=False,
                env={**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")},
            )
        except subprocess.TimeoutExpired:
            raise DraftError(
                f"{name}: p.{number} の OCR が {TIMEOUT} 秒で終わりませんでした",
                f"{name}: OCR of p.{number} did not finish in {TIMEOUT} s",
            ) from None
        except OSError as exc:
            raise DraftError(
                f"{name}: tesseract を実行できません（{exc.strerror}）。{INSTALL_JA}",
                f"{name}: cannot run tesseract ({exc.strerror}); {INSTALL_EN}",
            ) from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["?"])[-1][:200]
        raise DraftError(
            f"{name}: p.{number} の OCR に失敗しました: {reason}",
            f"{name}: OCR of p.{number} failed: {reason}",
        )
    return tsv_lines(done.stdout, scale)


def _write_pgm(bitmap: Any, path: str) -> None:
    """A greyscale PDFium bitmap as a binary PGM (no imaging library needed)."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    buffer = bytes(bitmap.buffer)
    with open(path, "wb") as handle:
        handle.write(b"P5\n%d %d\n255\n" % (width, height))
        if stride == width:
            handle.write(buffer[: width * height])
        else:
            for row in range(height):
                handle.write(buffer[row * stride : row * stride + width])


def tsv_lines(tsv: str, scale: float = 1.0) -> list[tuple[str, bool, float]]:
    """Tesseract's words → lines, as the text layer gives them: words of one line in order,
    a tab across a gap wider than two characters, a space across a gap of a character
    next to a Japanese character (half of one between letters or digits; none
    between the pieces Tesseract splits Japanese into), whether the line runs to
    the right margin (it continues on the next), the size in points (pixels of a page
    rendered at ``scale`` × 72 dpi)."""
    lines: dict[tuple[str, str, str, str], list[tuple[int, int, int, str]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        key = (cols[1], cols[2], cols[3], cols[4])
        left, width, height = int(cols[6]), int(cols[8]), int(cols[9])
        lines.setdefault(key, []).append((left, width, height, cols[11].strip()))
    built: list[tuple[str, int, int]] = []  # text, right edge, size in pixels
    for words in lines.values():
        words.sort()
        size = sorted(h for _, _, h, _ in words)[len(words) // 2]
        text = ""
        right: int | None = None
        for left, width, _, word in words:
            if right is not None:
                gap = left - right
                ascii_sides = text[-1:].isascii() + word[:1].isascii()
                if gap > size * 2:
                    text += "\t"
                elif gap > size * (0.9, 0.6, 0.4)[ascii_sides]:
                    text += " "
            text += word
            right = left + width
        built.append((text, right or 0, size))
    if not built:
        return []
    sizes = sorted(size for _, _, size in built)
    body = sizes[len(sizes) // 2]
    margin = max(right for _, right, _ in built)
    return [
        (text, right >= margin - body * 1.5 and "\t" not in text, round(size / scale, 1))
        for text, right, size in built
    ]
