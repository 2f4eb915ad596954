"""A web page (.html / .htm, or a page saved under any name) → lines of its main text.

Headings keep their level (``#`` marks), table rows become tab-separated lines, list items and
paragraphs their own lines; navigation, scripts, styles and forms are dropped. The encoding is
the page's own: a BOM, else ``<meta charset>`` / ``http-equiv`` in the first 4 KB, else
UTF-8, CP932 (Shift_JIS) or EUC-JP, whichever decodes.

Parsed with lxml (libxml2's HTML parser): linear on hostile markup where the standard
library's ``html.parser`` is quadratic (README「使っているライブラリ」); the walk below is
iterative and visits each element once (a table's nested tables are read as cell text).
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from dxcheck.draft.document import Extracted, Line
from dxcheck.draft.errors import DraftError

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I)
_ALIASES = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "x-sjis": "cp932",
    "sjis": "cp932",
    "windows-31j": "cp932",
    "ms_kanji": "cp932",
    "euc-jp": "euc_jp",
    "x-euc-jp": "euc_jp",
}
_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "math",
        "button",
        "select",
        "textarea",
        "object",
        "canvas",
        "head",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "li",
        "dt",
        "dd",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "address",
        "figcaption",
        "caption",
        "ul",
        "ol",
        "dl",
        "figure",
        "body",
        "hr",
        "tr",
    ]
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_MAIN_IDS = ("main", "contents", "content", "tmp_contents", "main-contents", "main_contents")
_SPACE = re.compile(r"[ \t\r\n\f\u3000]+")
_ERROR_PAGE = re.compile(
    r"\b404\b|not\s+found|ページが見つかりません|お探しのページ|ページは(?:存在|見つかり)|"
    r"アクセスしようとしたページ|forbidden|\b403\b|\b500\b|internal\s+server\s+error",
    re.I,
)


def decode_html(data: bytes) -> str:
    """The page's text in its declared encoding (BOM, meta charset), else the first of
    UTF-8, CP932, EUC-JP that decodes; never fails (undecodable bytes are replaced)."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        codec = _ALIASES.get(label, label)
        try:
            return data.decode(codec, "replace")
        except LookupError:
            pass
    for codec in ("utf-8", "cp932", "euc_jp"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def read_html(data: bytes, name: str) -> Extracted:
    import lxml.etree
    import lxml.html

    text = decode_html(data)
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise DraftError(
            f"{name}: HTML として読めません: {exc}", f"{name}: cannot read the HTML: {exc}"
        ) from None
    title = _collapse(root.findtext(".//title") or "")
    first_heading = next((h for h in root.iter("h1")), None)
    heading = _collapse(first_heading.text_content()) if first_heading is not None else ""
    if _ERROR_PAGE.search(title) or _ERROR_PAGE.search(heading):
        raise DraftError(
            f"{name}: エラーページ（「{title or heading}」）です。計画の文書ではありません（ダウンロードの失敗？）",
            f"{name}: an error page ('{title or heading}'), not a plan (a failed download?)",
        )
    lines = [line for line in _walk(_main(root)) if line.strip()]
    if title and first_heading is None:
        lines.insert(0, "# " + title)
    return Extracted([Line(line) for line in lines], "html", 0)


def _main(root: Any) -> Any:
    """The page's main content: <main>, role=main, a sole <article>, a CMS's contents box;
    else the body (navigation is dropped by the walk in any case)."""
    for element in root.iter("main"):
        return element
    for element in root.iter():
        if isinstance(element.tag, str) and element.get("role") == "main":
            return element
    articles = list(root.iter("article"))
    if len(articles) == 1:
        return articles[0]
    for ident in _MAIN_IDS:
        found = root.get_element_by_id(ident, None)
        if found is not None:
            return found
    body = root.find("body")
    return body if body is not None else root


_BREAK = "\u2028"  # a <br> while a block's text is gathered (source newlines are spaces)


def _collapse(text: str) -> str:
    """HTML white space as one space; none where the source broke a line between two
    Japanese characters (an editor's wrap, not a space in the sentence)."""
    return _SPACE.sub(_space, text).strip()


def _space(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    wrap = "\n" in match.group() and start > 0 and end < len(text)
    return "" if wrap and not text[start - 1].isascii() and not text[end].isascii() else " "


def _walk(top: Any) -> list[str]:
    """Lines of the element's text, each element visited once (an explicit stack: no
    recursion limit however deep the markup)."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            for piece in "".join(current).split(_BREAK):
                out.append(_collapse(piece))
            current.clear()

    stack: list[tuple[Any, bool]] = [(top, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                flush()
            if element is not top and element.tail:
                current.append(element.tail)
            continue
        if not tag or tag in _SKIP:
            if element is not top and element.tail:
                current.append(element.tail)
            continue
        if tag == "br":
            current.append(_BREAK)
        elif tag == "table":
            flush()
            out.extend(_rows(element))
        elif tag in _HEADINGS:
            flush()
            out.append("#" * min(_HEADINGS[tag], 3) + " " + _collapse(element.text_content()))
        else:
            if tag in _BLOCK:
                flush()
            if element.text:
                current.append(element.text)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
            continue
        if element is not top and element.tail:
            current.append(element.tail)
    flush()
    return out


def _rows(table: Any) -> list[str]:
    """One tab-separated line per row of this table (rows of tables nested in its cells are
    read as the cell's text, so each element is read once)."""
    rows: list[str] = []
    for child in table:
        group = (
            [child]
            if child.tag == "tr"
            else list(child)
            if child.tag in ("thead", "tbody", "tfoot")
            else []
        )
        for row in group:
            if row.tag != "tr":
                continue
            cells = [
                _collapse(cell.text_content()).replace("\t", " ")
                for cell in row
                if cell.tag in ("td", "th")
            ]
            if any(cells):
                rows.append("\t".join(cells))
    caption = table.find("caption")
    if caption is not None:
        rows.insert(0, _collapse(caption.text_content()))
    return rows
