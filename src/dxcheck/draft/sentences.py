"""How one line or sentence of a plan reads: whether it is a list line of measures (・…,
「名前 |」, a short line under 主な取組), the commitment its own subject and predicate give, the
measure's own words for a title, and which items it only uses inside another measure."""

from __future__ import annotations

import re

from dxcheck.draft.evidence import strip_footnotes
from dxcheck.draft.lexicon import (
    commitment_of,
    cues,
    external_heading,
    find_items,
    find_spans,
    normalise,
    others_subject,
    wordings,
)
from dxcheck.draft.outline import Unit

BULLET = re.compile(
    r"^[\s　]*(?:[-－・●○◎■□◆◇▪▸►]|[①-⑳]|\(?[0-9０-９]{1,2}[)）.．]|[ア-ト][.．、)）])"
)


def introduces_measures(text: str) -> bool:
    """A line that introduces a list of the plan's measures (実施項目, 主な取組は次のとおりです),
    not of changes or problems (次のような変化が見られました)."""
    norm = normalise(text)
    c = cues()
    if any(w in norm for w in c.context) or external_heading(text) or others_subject(text):
        return False
    if find_items(text) or norm.endswith("について"):
        return False  # a measure itself, or a page's title (…基本方針について)
    return any(w in norm for w in c.measure_lists)


def sentence_commitment(
    unit: Unit, piece: str, author: str | None = None, before: str = "", listing: bool = False
) -> str | None:
    """The commitment a sentence of the plan's own section gives: none when another body is
    its subject or its predicate reports (求められています); a list line that names a measure
    without a verb (・利用機会の格差是正（デジタルデバイド対策）) is a measure of the plan."""
    if others_subject(piece, author):
        return None
    commitment = commitment_of(piece)
    if commitment == "context":
        return None
    if commitment is None and (list_item(unit.text, before) or (listing and plain_line(unit.text))):
        return "implement"
    return commitment


def plain_line(text: str) -> bool:
    """A short line without a list mark or a sentence end: in a list of measures
    (主な取組 / 書かない窓口 / オンライン手続の拡充), one measure's name."""
    stripped = text.strip()
    return 4 <= len(stripped) <= 40 and not stripped.endswith(("。", "．", "：", ":"))


_FRAGMENT = 6  # a line this short is a piece of a narrow table column wrapped in a PDF


def list_item(text: str, before: str) -> bool:
    """A line of a list of measures: a list mark (or a table cell a web page prints as
    「名前 |」), a name of some length, no sentence end, and not a piece of a narrow table
    column wrapped line by line (…取り組 / みの徹 / ・RPA)."""
    stripped = text.strip()
    cell = CELL.search(stripped)
    if cell is not None:
        name = CELL.sub(" ", stripped).strip()
    else:
        match = BULLET.match(stripped)
        if match is None:
            return False
        name = stripped[match.end() :].strip()
    if name.endswith(("。", "．")) or len(name) < 4:
        return False
    previous = before.strip()
    return cell is not None or not previous or len(previous) > _FRAGMENT


CELL = re.compile(r"\s?\|\s*$|\s\|\s")


def lead_line(text: str) -> bool:
    """A line that titles the measure below it: a list item or a bold lead, not a sentence."""
    stripped = text.strip()
    if "\t" in stripped or stripped.endswith(("。", "．")) or not 4 <= len(stripped) <= 60:
        return False
    return bool(BULLET.match(stripped)) or stripped.startswith("**")


def lead_text(text: str) -> str:
    stripped = text.strip()
    if stripped.startswith("**") and "**" in stripped[2:]:
        return stripped[2 : stripped.index("**", 2)].strip()
    return BULLET.sub("", stripped).strip(" 　・")


_CLAUSE = re.compile(r"[、，,]")


def measure_title(
    piece: str, items: list[str], lead: tuple[int, str] | None, index: int, fallback: str
) -> str:
    """The measure's own words: the list item or bold lead that titles it (the line itself,
    or the lead just above, or a lead that names the same item); else the sentence from the
    clause that names the item. Never a section heading that names none of its items."""
    if lead is not None and (
        lead[0] == index or lead[0] == index - 1 or set(items) & set(find_items(lead[1]))
    ):
        return short(lead[1], 60)
    text = strip_footnotes(piece.strip().rstrip("。．"))[0]
    spans = find_spans(text)
    norm_text = normalise(text)
    ends = [spans[i][1] for i in items if i in spans]
    if ends and len(norm_text) == len(text):
        first_end = min(ends)
        start = max((m.end() for m in _CLAUSE.finditer(text, 0, first_end)), default=0)
        # the clause that names the item, back to the clause before it when it only lists
        clause = text[start:]
        if len(clause) >= 8:
            return short(clause, 60)
    return short(text or fallback, 60)


def short(text: str, size: int) -> str:
    """A title of at most ``size`` characters (footnote marks removed): cut after a clause
    (、) where one falls in the second half, else at ``size`` with …."""
    text = strip_footnotes(text)[0].strip()
    if len(text) <= size:
        return text
    cut = max((m.end() for m in _CLAUSE.finditer(text, 0, size)), default=0)
    return text[: cut - 1] if cut > size // 2 else text[: size - 1] + "…"


def split_uses(text: str, items: list[str], measures: set[str]) -> tuple[list[str], list[str]]:
    """(national items, items used inside the measure). An item is used, not the measure, when
    it is named as the means of another item of the sentence or of the heading
    (「マイナンバーカードを活用した書かない窓口」); AI for residents' or the community's
    services is used, not the national item for the body's own work (wordings.yaml)."""
    w = wordings()
    spans = find_spans(text)
    norm = normalise(text)
    used: list[str] = []
    for item in items:
        if item not in spans:
            continue
        after = norm[spans[item][1] :]
        if w.means.match(after) is None:
            continue
        others = (set(items) | measures) - {item}
        own = w.own_work.get(item, ())
        community = w.community.get(item, ())
        inside = others or (community and any(c in norm for c in community))
        if inside and not any(o in norm for o in own):
            used.append(item)
    return [i for i in items if i not in used], used
