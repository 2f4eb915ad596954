"""Step 2: lines → the document's outline (a tree of numbered sections with their text).

What PDF text looks like is the input: running headers and 「- 12 -」 footers are dropped, the
table of contents is skipped, lines wrapped at the right margin are joined, and headings are
told by their numbering (第1章, 1, 1., 1.1, (1), ①, ア, (ア), i, 【…】, 基本方針1, 施策①, and
Markdown/Word heading marks). The level of a numbering scheme is the order in which schemes
nest in this document (the first scheme seen is the top): the same approach as reading an
outline by eye, with no fixed hierarchy of schemes. (Also 1-1 and 1-1-1.)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from dxcheck.draft.document import Line, page_footer, page_number
from dxcheck.draft.errors import DraftError

_DIGITS = str.maketrans("０１２３４５６７８９（）．　：－", "0123456789(). :-")
_PAGE_REF = re.compile(
    # (?<!…): a run of leaders or tabs is tried from its start only (linear on long runs)
    r"(?:P\.?\s*[0-9]+(?:\s*[-～〜~]\s*[0-9]+)?|(?<![・…‥.])[・…‥.]{2,}\s*[0-9]+"
    r"|(?<!\s)\t\s*[0-9]+)\s*$"
)
_KANJI_NUM = "0-9一二三四五六七八九十"
_SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^(第\s*[{_KANJI_NUM}]+\s*章)\s*")),
    ("part", re.compile(rf"^(第\s*[{_KANJI_NUM}]+\s*[節部編])\s*")),
    (
        "word",
        re.compile(
            r"^((?:基本方針|基本目標|基本施策|重点施策|重点取組|重点項目|取組方針|施策|取組|方針|目標|柱)"
            r"\s*(?:[0-9]{1,2}|[①-⑳]))(?:[\s:.、]|$)\s*"
        ),
    ),
    ("hyphen3", re.compile(r"^([0-9]{1,2}[-‐－―][0-9]{1,2}[-‐－―][0-9]{1,2})\s*(?=[^\s0-9])")),
    ("hyphen", re.compile(r"^([0-9]{1,2}[-‐－―][0-9]{1,2})\s*(?=[^\s0-9年月日])")),
    ("dotted3", re.compile(r"^([0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2})\.?\s*(?=[^\s0-9])")),
    ("dotted", re.compile(r"^([0-9]{1,2}\.[0-9]{1,2})\.?\s*(?=[^\s0-9])")),
    ("num.", re.compile(r"^([0-9]{1,2}[.、])\s*(?=[^\s0-9.])")),
    ("num", re.compile(r"^([0-9]{1,2})\s+(?=[^\s0-9年月日%％件人万円か〜～]|人材)")),
    ("paren", re.compile(r"^(\([0-9]{1,2}\))\s*")),
    ("circled", re.compile(r"^([①-⑳])\s*")),
    ("kata", re.compile(r"^([アイウエオカキクケコサシスセソタチツテト])(?:[\s.、)]+)(?=\S)")),
    ("paren-kata", re.compile(r"^(\([アイウエオカキクケコサシスセソタチツテト]\))\s*")),
    (
        "roman",
        re.compile(r"^((?:i{1,3}|iv|vi{0,3}|ix|x|I{1,3}|IV|VI{0,3}|IX|[Ⅰ-Ⅹ]))(?:[\s.)]+)(?=\S)"),
    ),
    ("bracket", re.compile(r"^(?=【(?!参考|図|表|資料|出典|注)[^】]{1,40}】$)()")),
    (
        "named",
        re.compile(
            r"^(?=(?:用語解説|用語集|用語の解説|資料編|参考資料|はじめに|おわりに|あとがき)$)()"
        ),
    ),
)
_SENTENCE_END = ("。", "．")
_PREDICATES = ("ます", "する", "した", "である", "です", "ください")
MAX_TITLE = 50
MAX_HEADINGS = 5000  # a 200-page plan has a few hundred; more is not a plan (bounded time)


@dataclass(slots=True)
class Unit:
    """A logical line: wrapped lines joined; a table row keeps its tabs."""

    text: str
    page: int | None
    label: str | None

    @property
    def cited_page(self) -> int | None:
        """The printed page number where known, else the page index."""
        if self.label and self.label.isdigit() and int(self.label) > 0:
            return int(self.label)
        return self.page


@dataclass(eq=False, slots=True)
class Section:
    number: str
    title: str
    heading: Unit | None
    scheme: str
    parent: Section | None = None
    units: list[Unit] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def ancestors(self) -> list[Section]:
        out: list[Section] = []
        node = self.parent
        while node is not None and node.heading is not None:
            out.append(node)
            node = node.parent
        return out[::-1]

    @property
    def path(self) -> str:
        """The section as a citation names it: the ancestors' numbers, then this heading."""
        if self.heading is None:
            return "本文"
        numbers = [a.number for a in self.ancestors() if a.number]
        own = f"{self.number} {self.title}".strip() if self.number else self.title
        return " ".join([*numbers, own])

    def titles(self) -> list[str]:
        return [a.title for a in self.ancestors()] + ([self.title] if self.heading else [])

    def walk(self) -> list[Section]:
        out: list[Section] = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def heading_of(text: str) -> tuple[str, str, str] | None:
    """(scheme, number, title) when ``text`` reads as a heading, else None."""
    if len(text) > MAX_TITLE * 3:  # a heading is short; long lines never need the patterns
        return None
    marks = len(text) - len(text.lstrip("#"))
    body = text.lstrip("#").strip().replace("**", "")
    if not body or (("\t" in body) and not marks):
        return None
    norm = body.translate(_DIGITS)
    if _PAGE_REF.search(norm) and not marks:
        return None
    for scheme, pattern in _SCHEMES:
        match = pattern.match(norm)
        if match:
            number = match.group(1).replace(" ", "")
            title = norm[match.end() :].strip(" :：・.")
            if scheme in ("bracket", "named"):
                title = norm
            if _plausible(title, marks):
                return scheme, number, title
            break
    if marks and _plausible(norm, marks):
        return f"md{marks}", "", norm
    return None


def _plausible(title: str, marks: int) -> bool:
    if not title or len(title) > MAX_TITLE * (2 if marks else 1):
        return False
    first = title[0]
    if not (unicodedata.category(first).startswith("L") or first in "「『【(<＜"):
        return False
    if marks:
        return True
    # A numbered sentence in the body (① …を推進します) is not a heading.
    sentence = title.endswith(_PREDICATES) or (len(title) > 30 and "、" in title)
    return not title.endswith(_SENTENCE_END) and not sentence


def build(lines: list[Line]) -> Section:
    """The document's outline: a root section holding the cover text, and the tree."""
    units = _join(_skip_contents(_drop_running(lines)))
    root = Section("", "", None, "root")
    stack: list[Section] = [root]
    headings = 0
    for unit in units:
        found = heading_of(unit.text)
        if found is None:
            stack[-1].units.append(unit)
            continue
        scheme, number, title = found
        headings += 1
        if headings > MAX_HEADINGS:
            raise DraftError(
                f"見出しが多すぎます（{MAX_HEADINGS:,} を超えます）。計画の文書ではないようです",
                f"too many headings (over {MAX_HEADINGS:,}); this does not look like a plan",
            )
        schemes = [s.scheme for s in stack]
        if scheme in schemes:
            del stack[schemes.index(scheme) :]
        section = Section(number, title, unit, scheme, stack[-1])
        stack[-1].children.append(section)
        stack.append(section)
    return root


def _drop_running(lines: list[Line]) -> list[Line]:
    """Without 「- 12 -」 footers and the running headers/footers repeated on many pages."""
    pages = {line.page for line in lines if line.page is not None}
    repeated: set[str] = set()
    if len(pages) >= 3:
        seen: Counter[str] = Counter()
        by_page: dict[int, list[str]] = {}
        for ln in lines:
            if ln.page is not None and ln.text.strip():
                by_page.setdefault(ln.page, []).append(ln.text.strip())
        for texts in by_page.values():
            edge = texts[:2] + texts[-3:]
            seen.update({_shape(t) for t in edge if len(t) <= 40 and _has_letter(t)})
        repeated = {shape for shape, n in seen.items() if n >= max(3, len(pages) * 0.3)}
    first = min(pages, default=None)
    edges = _page_edges(lines)
    return [
        line
        for index, line in enumerate(lines)
        if page_footer(line.text) is None
        and not (index in edges and page_number(line.text) is not None)
        and (line.page == first or _shape(line.text.strip()) not in repeated)
    ]


def _page_edges(lines: list[Line]) -> set[int]:
    """Indexes of the first and the last two non-empty lines of every known page."""
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.page is not None and line.text.strip():
            by_page.setdefault(line.page, []).append(index)
    return {i for indexes in by_page.values() for i in indexes[:1] + indexes[-2:]}


def _shape(text: str) -> str:
    return re.sub(r"[0-9０-９]+", "#", text)


def _norm(text: str) -> str:
    text = _PAGE_REF.sub("", text.lstrip("#").translate(_DIGITS))
    return re.sub(r"\s+", "", text)


def _skip_contents(lines: list[Line]) -> list[Line]:
    """Without the table of contents: from 「目次」 to the first heading it lists, met again."""
    for index, line in enumerate(lines[:400]):
        if _norm(line.text) not in ("目次", "もくじ", "CONTENTS", "Contents"):
            continue
        entries = [ln for ln in lines[index + 1 : index + 150] if _has_letter(_norm(ln.text))]
        if not entries:
            return lines
        first = _norm(entries[0].text)
        for end in range(index + 2, min(len(lines), index + 400)):
            if _norm(lines[end].text) == first and lines[end] is not entries[0]:
                return lines[:index] + lines[end:]
        kept = [ln for ln in lines[index + 1 :] if not _PAGE_REF.search(ln.text.translate(_DIGITS))]
        return lines[:index] + kept
    return lines


def _has_letter(text: str) -> bool:
    """Decorative lines (---, ＊＊＊) are no entries of a table of contents."""
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def _join(lines: list[Line]) -> list[Unit]:
    units: list[Unit] = []
    carry: Unit | None = None
    for line in lines:
        text = line.text.rstrip()
        if not text.strip():
            if carry is not None:
                units.append(carry)
                carry = None
            continue
        if carry is not None:
            if heading_of(text) is None and "\t" not in text:
                carry.text += text.strip()
                if not line.wrapped:
                    units.append(carry)
                    carry = None
                continue
            units.append(carry)
            carry = None
        unit = Unit(text.strip(), line.page, line.label)
        if line.wrapped:
            carry = unit
        else:
            units.append(unit)
    if carry is not None:
        units.append(carry)
    return units
