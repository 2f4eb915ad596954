"""Evidence spans: every drafted value keeps the exact text it came from, its section and page,
and the cue that found it, so that a reviewer can check each entry against the document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dxcheck.draft.lexicon import normalise
from dxcheck.draft.outline import Section, Unit

MAX_QUOTE = 120  # a longer sentence is quoted by its clauses around the cue
_SENTENCE = re.compile(r"[^。]*。|[^。]+$")
# Footnote references a PDF leaves in the text: 基盤^{※12}, 基盤※12「…, 効率化(※3)
_FOOTNOTE = re.compile(
    r"\^\{[^{}\s]{1,8}\}|[(（]※[0-9０-９]{1,3}[)）]|(?<=[^\s※])※[0-9０-９]{1,3}(?![0-9０-９])"
)


@dataclass(frozen=True, slots=True)
class Evidence:
    section: str
    page: int | None
    quote: str
    cue: str
    cleaned: str = ""  # how the quote differs from the text: footnote marks removed, clauses

    def cite(self) -> dict[str, Any]:
        where = f" p.{self.page}" if self.page else ""
        out: dict[str, Any] = {"section": self.section}
        if self.page:
            out["page"] = self.page
        out["quote"] = self.quote
        note = f"（引用: {self.cleaned}）" if self.cleaned else ""
        out["draft"] = f"{self.cue} in {self.section}{where}{note}"
        return out


def strip_footnotes(text: str) -> tuple[str, list[str]]:
    """The text without footnote references (基盤^{※12} → 基盤), and the marks removed."""
    removed = [m.group(0) for m in _FOOTNOTE.finditer(text)]
    return (_FOOTNOTE.sub("", text), removed) if removed else (text, [])


def findable(quote: str, text: str) -> bool:
    """True when a drafted quote stands in ``text`` as it is, or once the footnote marks are
    removed from the text the way :func:`evidence` removed them from the quote."""
    return quote in text or quote in strip_footnotes(text)[0]


def pieces(unit: Unit) -> list[str]:
    """The unit's sentences (a table row: its cells), each an exact substring of its text."""
    if "\t" in unit.text:
        return [cell for cell in unit.text.split("\t") if cell.strip()]
    return [s for s in (m.group(0) for m in _SENTENCE.finditer(unit.text)) if s.strip()]


def evidence(section: Section, unit: Unit, quote: str, cue: str) -> Evidence:
    """The evidence of a drafted value: the sentence or cell (footnote marks removed; a long
    sentence by its clauses around the cue), with a note of how it was cleaned."""
    text, removed = strip_footnotes(quote.strip(_EDGE))
    clipped, cut = clip_clauses(text.strip(_EDGE), cue)
    notes = []
    if removed:
        notes.append("脚注の印 " + "・".join(dict.fromkeys(removed)) + " を除く")
    if cut:
        notes.append("長い文の一部（読点で区切る）")
    return Evidence(section.path, unit.cited_page, clipped, cue, "、".join(notes))


_EDGE = " \t#*-・●○■□◆◇"
_CLAUSE_END = re.compile(r"(?<=[、，,；;])")


def clip(text: str, around: str = "") -> str:
    """At most MAX_QUOTE characters of ``text`` (a substring), cut at clause boundaries."""
    return clip_clauses(text, around)[0]


def clip_clauses(text: str, around: str = "") -> tuple[str, bool]:
    """``text`` when short; else the clauses (ending in 、) around the cue word, as many as fit
    in MAX_QUOTE, so that a quote never starts or stops inside a word; and whether it was cut."""
    if len(text) <= MAX_QUOTE:
        return text, False
    clauses = [c for c in _CLAUSE_END.split(text) if c]
    word = around.split()[-1] if around.split() else ""
    word = normalise(word.split("・")[0].split("（")[0])
    # the clause that holds the cue word (compared as the lexicon matched it), else the first
    index = next((i for i, c in enumerate(clauses) if word and word in normalise(c)), 0)
    lo = hi = index
    size = len(clauses[index])
    if size > MAX_QUOTE:  # one clause longer than a quote: its beginning
        return clauses[index][:MAX_QUOTE], True
    while True:
        grew = False
        if hi + 1 < len(clauses) and size + len(clauses[hi + 1]) <= MAX_QUOTE:
            hi += 1
            size += len(clauses[hi])
            grew = True
        if lo > 0 and size + len(clauses[lo - 1]) <= MAX_QUOTE:
            lo -= 1
            size += len(clauses[lo])
            grew = True
        if not grew:
            break
    return "".join(clauses[lo : hi + 1]), True


def quotable(text: str) -> str:
    """A heading or cover line without its Markdown marks, still a substring of the text."""
    text = text.lstrip("#").strip()
    if "**" in text:
        text = max(text.split("**"), key=len).strip()
    return text
