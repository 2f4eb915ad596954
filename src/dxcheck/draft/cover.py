"""The cover: municipality (draft/municipality.py), title, kind and status (draft/title.py),
and the date of the document."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dxcheck.codes import LocalGov
from dxcheck.draft.evidence import Evidence, clip, quotable
from dxcheck.draft.municipality import names_in, resolve
from dxcheck.draft.outline import Section, Unit, heading_of
from dxcheck.draft.title import candidates, kind_of, status_of
from dxcheck.draft.when import find_date

COVER_UNITS = 20
_DRAFT_MARK = re.compile(r"[（(【\[]\s*(?:素案|原案|案|概要版|概要)\s*[）)】\]]")
_KIND_WORDS = re.compile(r"計画|方針|ビジョン|戦略|構想|プラン|提案")


@dataclass(frozen=True, slots=True)
class Cover:
    gov: LocalGov | None
    gov_note: str
    gov_evidence: Evidence | None
    title: str | None
    kind: str
    status: str
    title_evidence: Evidence | None
    adopted: str | None
    adopted_evidence: Evidence | None
    gov_name: str | None = None  # the name found, also when several bodies bear it
    candidates: tuple[LocalGov, ...] = ()


def cover_units(root: Section) -> list[tuple[Section, Unit]]:
    """The first units of the document (headings included), with their sections."""
    out: list[tuple[Section, Unit]] = []
    for section in root.walk():
        if section.heading is not None:
            out.append((section, section.heading))
        out.extend((section, unit) for unit in section.units)
        if len(out) >= COVER_UNITS:
            break
    return out[:COVER_UNITS]


def read_cover(root: Section) -> Cover:
    units = cover_units(root)
    lines = _title_lines(units)
    cover_text = "\n".join(lines)
    own = names_in(unicodedata.normalize("NFKC", cover_text))
    found = candidates(lines, own)
    title = found[0].text if found else None
    kind = kind_of(title, cover_text, lines[found[0].unit_index]) if found and title else "other"
    status = status_of(title, kind) if title else "adopted"
    title_ev = None
    if found:
        section, unit = units[found[0].unit_index]
        title_ev = Evidence(
            section.path if section.heading else "表紙",
            unit.cited_page,
            clip(quotable(unit.text), title or ""),
            "",
        )
    whole = "\n".join(u.text for s in root.walk() for u in s.units)
    who = resolve(cover_text, title, whole)
    gov_ev = None
    if who.gov is not None and who.name is not None:
        for section, unit in units:
            if who.name in unicodedata.normalize("NFKC", unit.text):
                quote = clip(quotable(unit.text), who.name)
                where = section.path if section.heading else "表紙"
                gov_ev = Evidence(where, unit.cited_page, quote, f"団体名 {who.name}")
                break
    adopted, adopted_ev = _adopted(units)
    return Cover(
        who.gov,
        who.note,
        gov_ev,
        title,
        kind,
        status,
        title_ev,
        adopted,
        adopted_ev,
        who.name,
        who.candidates,
    )


def _text(unit: Unit) -> str:
    return unit.text.lstrip("#").replace("**", "").strip()


def _title_lines(units: list[tuple[Section, Unit]]) -> list[str]:
    """The cover's lines, a title set on several lines joined (栗原市 / デジタル・トランスフォーメーション
    / (DX) 推進計画 → one line, in the place of its last line)."""
    texts = [_text(u) for _, u in units]
    out = list(texts)
    for index, text in enumerate(texts):
        if not _KIND_WORDS.search(text) or not _needs_name(text) or len(text) > 40:
            continue
        parts = [text]
        for prev in reversed(texts[max(0, index - 2) : index]):
            if _title_part(prev) and not _KIND_WORDS.search(prev):
                parts.insert(0, prev)
            else:
                break
        if len(parts) > 1:
            out[index] = "".join(parts)
    for index, text in enumerate(texts[:-1]):
        # 第２次 / 大河原町情報化推進計画: the edition on the line above the title
        if re.fullmatch(
            r"第\s*[0-9０-９一二三四五六七八九十]+\s*[次期]", text
        ) and _KIND_WORDS.search(out[index + 1]):
            out[index + 1] = text + out[index + 1]
    for index, text in enumerate(texts[1:], 1):
        # 大崎市デジタル推進計画 / （案） or 【概要版】: a mark on the line under the title
        if _DRAFT_MARK.fullmatch(text) and _KIND_WORDS.search(out[index - 1]):
            out[index - 1] += text
    return out


def _needs_name(text: str) -> bool:
    return not re.search(r"^[^\s]{1,8}?[都道府県市区町村]", text)


def _title_part(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= 30
        and not find_date(text)
        and not re.search(r"[。：:、]", text)
        and heading_of(text) is None
    )


def _adopted(units: list[tuple[Section, Unit]]) -> tuple[str | None, Evidence | None]:
    """The cover's date: a line that is a date (令和5年3月), or names one (提出日：…); a day or a
    month beats a bare 年度."""
    best: tuple[int, str, Section, Unit] | None = None
    for section, unit in units:
        text = _text(unit)
        if len(text) > 40 or re.search(r"まで|から|期間", text):
            continue
        value = find_date(text)
        if not value:
            continue
        score = ("月" in value) * 2 + ("日" in value) + (len(text) - len(value) < 8) * 2
        if best is None or score > best[0]:
            best = (score, value, section, unit)
    if best is None:
        return None, None
    _, value, section, unit = best
    where = section.path if section.heading else "表紙"
    quote = clip(quotable(unit.text))
    return value, Evidence(where, unit.cited_page, quote, f"表紙の日付 {value}")
