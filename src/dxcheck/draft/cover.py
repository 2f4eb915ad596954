"""The cover: municipality (name → code and prefecture from dxcheck.codes), title, kind,
status and date of the document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dxcheck.codes import LocalGov, by_name, table
from dxcheck.draft.evidence import Evidence, clip, quotable
from dxcheck.draft.outline import Section, Unit, heading_of
from dxcheck.draft.when import find_date

COVER_UNITS = 20
_KIND_WORDS = re.compile(r"計画|方針|ビジョン|戦略|構想|プラン|提案")
_PREFECTURE = re.compile(r"(?:都|道|府|県)$")
_DRAFT_MARK = re.compile(r"[（(【\[]\s*(?:素案|原案|案)\s*[）)】\]]")


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
    title, kind, status, title_ev = _title(units)
    gov, note, gov_ev = _municipality(units, title)
    adopted, adopted_ev = _adopted(units)
    return Cover(gov, note, gov_ev, title, kind, status, title_ev, adopted, adopted_ev)


def _text(unit: Unit) -> str:
    return unit.text.lstrip("#").replace("**", "").strip()


def _title(units: list[tuple[Section, Unit]]) -> tuple[str | None, str, str, Evidence | None]:
    cover = " ".join(_text(u) for _, u in units)
    for index, (section, unit) in enumerate(units):
        text = _text(unit)
        if len(text) > 80 or not _KIND_WORDS.search(text) or text in ("目次",):
            continue
        if re.search(r"提案|審議", text) and not re.search(r"計画|方針|ビジョン|戦略", text):
            continue
        parts = [text]
        # A title set on several lines (栗原市 / デジタル・トランスフォーメーション / (DX) 推進計画):
        # the lines above it, when the title line itself does not start with a body's name.
        for _, before in reversed(units[max(0, index - 2) : index] if _needs_name(text) else []):
            prev = _text(before)
            if _title_part(prev):
                parts.insert(0, prev)
            else:
                break
        title = "".join(parts) if len(parts) > 1 else text
        kind = _kind(title, cover)
        following = [_text(u) for _, u in units[index + 1 : index + 3]]
        marked = next((t for t in following if _DRAFT_MARK.fullmatch(t)), None)
        if marked and not _is_draft(title):
            title += marked  # 大崎市デジタル推進計画 / （案）
        status = "proposal" if kind == "proposal" else "draft" if _is_draft(title) else "adopted"
        ev = Evidence(
            section.path if section.heading else "表紙",
            unit.cited_page,
            clip(quotable(unit.text)),
            "",
        )
        return title, kind, status, ev
    return None, "other", "adopted", None


def _needs_name(text: str) -> bool:
    return not re.search(r"^[^\s]{1,8}?[都道府県市区町村]", text)


def _title_part(text: str) -> bool:
    return (
        bool(text)
        and len(text) <= 30
        and not find_date(text)
        and not re.search(r"[。：:]", text)
        and heading_of(text) is None
    )


def _kind(title: str, cover: str) -> str:
    if "概要版" in title or "概要" in title:
        return "summary"
    if "提案" in cover or title.endswith("について"):
        return "proposal"
    if "ビジョン" in title:
        return "vision"
    if "方針" in title:
        return "policy"
    if re.search(r"計画|戦略|プラン|構想", title):
        return "plan"
    return "other"


def _is_draft(title: str) -> bool:
    return bool(re.search(r"[（(]\s*(?:素)?案\s*[）)]|素案|原案", title))


def _municipality(
    units: list[tuple[Section, Unit]], title: str | None
) -> tuple[LocalGov | None, str, Evidence | None]:
    text = (title or "") + "\n" + "\n".join(_text(u) for _, u in units)
    names = sorted({gov.name for gov in table().values() if gov.name in text}, key=len)
    # A name inside a longer one (松島 in 東松島市) is not a separate candidate.
    names = [n for n in names if not any(n != m and n in m for m in names)]
    local = [n for n in names if not _PREFECTURE.search(n)] or names
    leading = [n for n in names if _PREFECTURE.search(n) and (title or "").startswith(n)]
    if leading and not any(n in (title or "") for n in local if n not in leading):
        # A prefecture's own plan (岩手県DX推進計画) that names its cities in the text.
        local = leading
    if not local:
        return None, "表紙・題名に団体名が見つかりません", None
    local.sort(key=lambda n: (-(title or "").count(n), -text.count(n), text.find(n)))
    name = local[0]
    found = by_name(name)
    if len(found) > 1:
        stated = [gov for gov in found if gov.prefecture in text]
        found = stated if len(stated) == 1 else found
    if len(found) != 1:
        return None, f"「{name}」は複数の団体に当てはまります（都道府県名が表紙にない）", None
    for section, unit in units:
        if name in unit.text:
            quote = clip(quotable(unit.text), name)
            where = section.path if section.heading else "表紙"
            return found[0], "", Evidence(where, unit.cited_page, quote, f"団体名 {name}")
    return found[0], "", None


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
