"""A PDF's compressed streams measured before PDFium sees them (a decompression bomb: 1 MB of
Flate data can inflate to 1 GB, and PDFium holds a page's whole content in memory; under a
memory limit it aborts the process without a word).

Every ``stream … endstream`` that is Flate-compressed (also twice over) is inflated in bounded
chunks, the output counted and dropped; one stream over :data:`MAX_STREAM` or all of them over
:data:`MAX_TOTAL` refuse the file. Images are not inflated (reading text never decodes them);
their declared size in pixels is bounded instead (rendering for OCR allocates it).
The scan is linear in the file's size and needs a few MB whatever the file.
"""

from __future__ import annotations

import re
import zlib

from dxcheck.draft.errors import DraftError

MAX_STREAM = (
    64 * 1024 * 1024
)  # one inflated stream (page content: rarely 5 MB; a whole CJK font: 20 MB)
MAX_TOTAL = 1024 * 1024 * 1024  # every stream of the file together
MAX_PIXELS = 120_000_000  # one image, declared width × height (A4 at 1,200 dpi: 140 M)
_CHUNK = 1024 * 1024
_STREAM = re.compile(rb"stream\r?\n")
_OBJ = re.compile(rb"\bobj\b")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_OTHER = re.compile(
    rb"/(?:LZWDecode|ASCII85Decode|ASCIIHexDecode|RunLengthDecode|A85|AHx|LZW|RL)\b"
)
_WIDTH = re.compile(rb"/Width\s+([0-9]{1,9})\b")
_HEIGHT = re.compile(rb"/Height\s+([0-9]{1,9})\b")


def check_streams(data: bytes, name: str) -> None:
    """Raise :class:`DraftError` when a stream would inflate beyond the limits."""
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        head_from = max(0, match.start() - 4096)
        objs = list(_OBJ.finditer(data, head_from, match.start()))
        head = data[objs[-1].end() if objs else head_from : match.start()]
        if b"/Image" in head:
            _check_image(head, name)
            continue
        flates = len(_FLATE.findall(head))
        if not flates or _OTHER.search(head):
            continue
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        size = _inflated(data, start, end, flates, name, MAX_TOTAL - total)
        total += size


def _check_image(head: bytes, name: str) -> None:
    width, height = _WIDTH.search(head), _HEIGHT.search(head)
    if width and height and int(width.group(1)) * int(height.group(1)) > MAX_PIXELS:
        raise DraftError(
            f"{name}: PDF の画像が大きすぎます（{int(width.group(1)):,} × {int(height.group(1)):,} 画素、"
            f"上限 {MAX_PIXELS:,} 画素）",
            f"{name}: an image in the PDF is too large ({int(width.group(1)):,} × "
            f"{int(height.group(1)):,} pixels, limit {MAX_PIXELS:,})",
        )


def _inflated(data: bytes, start: int, end: int, layers: int, name: str, budget: int) -> int:
    """The inflated size of one stream: each Flate layer feeds the next chunk by chunk and the
    last layer's output is only counted, so memory stays at a few chunks."""
    limit = min(MAX_STREAM, budget)
    inflaters = [zlib.decompressobj() for _ in range(min(layers, 4))]
    size = 0

    def feed(layer: int, piece: bytes) -> bool:
        """False when the data is broken or ended (PDFium decides what to make of it)."""
        nonlocal size
        inflater = inflaters[layer]
        while piece and not inflater.eof:
            try:
                chunk = inflater.decompress(piece, _CHUNK)
            except zlib.error:
                return False
            piece = inflater.unconsumed_tail
            if layer + 1 < len(inflaters):
                if chunk and not feed(layer + 1, chunk):
                    return False
            else:
                size += len(chunk)
                if size > limit:
                    raise _bomb(name, limit)
        return not inflater.eof

    view = memoryview(data)
    for offset in range(start, end, _CHUNK):
        if not feed(0, bytes(view[offset : min(offset + _CHUNK, end)])):
            break
    return size


def _bomb(name: str, limit: int) -> DraftError:
    return DraftError(
        f"{name}: PDF の圧縮データが展開すると大きすぎます（1 つのストリームまたは合計が {limit:,} バイトを"
        "超えます。展開爆弾の疑い）",
        f"{name}: a compressed stream of the PDF inflates beyond {limit:,} bytes "
        "(a decompression bomb?)",
    )
