"""Step 5: the findings → plan YAML text that ``dxcheck validate`` accepts.

Every drafted entry's ``cite`` carries ``draft`` (the cue that produced it); what was not
found is ``not_stated: true`` with a note, never guessed."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Any

import yaml

from dxcheck.draft.cover import Cover
from dxcheck.draft.document import Note
from dxcheck.draft.facts import Procedures, Specific, Systems
from dxcheck.draft.governance import GovernanceFound
from dxcheck.draft.initiatives import Drafted
from dxcheck.draft.period import Found
from dxcheck.draft.tables import KpiFound
from dxcheck.paths import show_path

SCHEMA_HEADER = "# yaml-language-server: $schema=../schemas/plan.schema.json"
PLACEHOLDER_CODE = "000000"  # fails the check digit: validate flags it until a person fixes it


@dataclass(frozen=True, slots=True)
class Parts:
    source: str
    cover: Cover
    period: Found | None
    governance: GovernanceFound
    initiatives: list[Drafted]
    systems: Systems | None
    procedures: Procedures | None
    pages: int
    kind: str
    specific: tuple[Specific, ...] = ()
    notes: tuple[Note, ...] = ()  # the reader's: scanned or vertical pages, a misnamed file …
    ocr_text: tuple[str, ...] = ()  # the text read by OCR: cites quoting it say so


def emit(parts: Parts) -> str:
    plan: dict[str, Any] = {
        "municipality": _municipality(parts.cover),
        "document": _document(parts),
        "period": _period(parts.period),
        "governance": _governance(parts.governance),
        "initiatives": _initiatives(parts.initiatives),
    }
    facts = _facts(parts)
    if facts:
        plan["facts"] = facts
    if parts.ocr_text:
        _mark_ocr(plan, parts.ocr_text)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    body = yaml.dump(plan, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)
    return "\n".join(_header(parts)) + "\n" + body


def _header(parts: Parts) -> list[str]:
    lines = [
        SCHEMA_HEADER,
        "#",
        f"# dxcheck draft による下書き（原本: {show_path(parts.source)}、{parts.kind}"
        + (f"、{parts.pages} ページ" if parts.pages else "")
        + "）。",
        "# 確認の手順: 各項目の cite（節・ページ・引用）を原文と照らし、正しければ cite の draft 行を",
        "# 削除します。誤りは直し、足りない取組は書き足します。draft 行が残る項目は",
        "# dxcheck check が DRF001（情報）として示します。not_stated は「見つからなかった」の意味です。",
        "# Draft written by dxcheck draft. Review each entry against its cite (section, page,",
        "# quote); delete the cite's draft line once confirmed. DRF001 lists unreviewed entries.",
    ]
    for note in parts.notes:
        lines += _comment(f"要確認: {note.ja}") + _comment(f"Note: {note.en}")
    if parts.cover.gov is None:
        lines += [
            f"# 要確認: 団体を特定できませんでした（{parts.cover.gov_note}）。code と prefecture を記入。",
            f'# code "{PLACEHOLDER_CODE}" は仮の値で、dxcheck validate がエラーにします。',
        ]
    elif parts.cover.gov_note:
        lines.append(f"# 確認: 団体は{parts.cover.gov_note}。")
    return lines


def _comment(text: str) -> list[str]:
    """``text`` as comment lines of about 92 columns (Japanese: 46 characters)."""
    text = " ".join(text.split())
    if sum(not ch.isascii() for ch in text) * 10 < len(text):  # English: wrap at spaces
        return [f"# {line}" for line in textwrap.wrap(text, 90)]
    return [f"# {text[i : i + 46]}" for i in range(0, len(text), 46)]


OCR_MARK = "（OCR で読んだ文字: 原本のページと照合）"


def _mark_ocr(node: Any, ocr_text: tuple[str, ...]) -> None:
    """Every cite whose quote comes from OCR'd text says so in its draft line."""
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            cite = value.get("cite")
            if isinstance(cite, dict) and isinstance(cite.get("draft"), str):
                quote = str(cite.get("quote", ""))
                if quote and any(quote in text for text in ocr_text):
                    cite["draft"] += OCR_MARK
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _municipality(cover: Cover) -> dict[str, Any]:
    if cover.gov is None:
        return {
            "name": cover.gov_name or "（団体名を記入）",
            "code": PLACEHOLDER_CODE,
            "prefecture": "（都道府県名を記入）",
        }
    return {"name": cover.gov.name, "code": cover.gov.code, "prefecture": cover.gov.prefecture}


def _document(parts: Parts) -> dict[str, Any]:
    cover = parts.cover
    doc: dict[str, Any] = {
        "title": cover.title or "（文書名を記入）",
        "kind": cover.kind,
        "status": cover.status,
    }
    if cover.adopted:
        doc["adopted"] = cover.adopted
    full = full_title(cover.title) if cover.kind == "summary" and cover.title else None
    if full:
        doc["full_document"] = {
            "title": full,
            "note": "dxcheck draft: 概要版の題名から（本編の URL・ファイルを書き足してください）",
        }
    doc["source"] = {"file": parts.source}
    ev = cover.adopted_evidence or cover.title_evidence
    if ev is not None:
        cite = ev.cite()
        status = {
            "adopted": "策定済: 題名に「案」「提案」なし",
            "draft": "案: 題名に「案」",
            "proposal": "提案: 表紙に「提案」",
        }[cover.status]
        cite["draft"] = (
            f"表紙 題名・種別（{cover.kind}）・状態（{status}）"
            + (f"・日付 {cover.adopted}" if cover.adopted else "")
            + (f" p.{ev.page}" if ev.page else "")
        )
        doc["cite"] = cite
    return doc


_SUMMARY_MARK = re.compile(r"(?<!\s)\s*(?:[【（(\[〈<＜]\s*概要版?\s*[】）)\]〉>＞]|概要版)\s*")


def full_title(title: str) -> str | None:
    """The full document's title from a 概要版's (名取市DX推進計画【概要版】 → 名取市DX推進計画);
    None when nothing is left or nothing was removed."""
    full = _SUMMARY_MARK.sub("", title).strip(" 　・-－―")
    full = re.sub(r"の?概要$|の$", "", full)
    return full if full and full != title.strip() else None


def _period(found: Found | None) -> dict[str, Any]:
    if found is None:
        return {
            "not_stated": True,
            "note": "dxcheck draft: 計画期間の記載が見つかりませんでした（要確認）",
        }
    out: dict[str, Any] = {}
    if found.start:
        out["start"] = found.start
    if found.end:
        out["end"] = found.end
    if found.note:
        out["note"] = found.note
    out["cite"] = found.evidence.cite()
    return out


def _governance(found: GovernanceFound) -> dict[str, Any]:
    missing = "dxcheck draft: 記載が見つかりませんでした（要確認）"
    out: dict[str, Any] = {}
    for key, post in (("cio", found.cio), ("cio_deputy", found.deputy)):
        out[key] = (
            {"holder": post.holder, "cite": post.evidence.cite()}
            if post
            else {"not_stated": True, "note": missing}
        )
    hq = found.headquarters
    if hq is None:
        out["headquarters"] = {"not_stated": True, "note": missing}
    else:
        entry: dict[str, Any] = {"name": hq.name}
        if hq.head:
            entry["head"] = hq.head
        entry["cite"] = hq.evidence.cite()
        out["headquarters"] = entry
    if found.experts:
        out["external_expertise"] = [
            {"role": e.holder, "cite": e.evidence.cite()} for e in found.experts
        ]
    if found.groups:
        out["working_groups"] = [{"name": g.name, "cite": g.evidence.cite()} for g in found.groups]
    return out


def _initiatives(drafted: list[Drafted]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for index, d in enumerate(drafted, start=1):
        named = [*d.items, *d.uses]
        slug = named[0].replace("_", "-") if named else "measure"
        entry: dict[str, Any] = {
            "id": f"d{index:02d}-{slug}",
            "title": _one_line(d.title),
            "national_items": d.items,
        }
        if d.uses:
            entry["uses"] = d.uses
        entry["commitment"] = d.commitment
        if d.target:
            entry["target"] = d.target
        if d.kpis:
            entry["kpis"] = [_kpi(k) for k in d.kpis]
        if d.steps:
            entry["schedule"] = [
                {"fiscal_year": s.fiscal_year, "activity": s.activity, "cite": s.evidence.cite()}
                for s in d.steps
            ]
        entry["cite"] = d.evidence.cite()
        out.append(entry)
    return out


def _kpi(kpi: KpiFound) -> dict[str, Any]:
    out: dict[str, Any] = {"name": kpi.name}
    if kpi.unit:
        out["unit"] = kpi.unit
    for key, found in (("baseline", kpi.baseline), ("target", kpi.target)):
        if found is not None:
            number = found[0]
            if isinstance(number, float) and number.is_integer():
                number = int(number)
            value: dict[str, Any] = {"value": number}
            if found[1]:
                value["date"] = found[1]
            out[key] = value
    out["cite"] = kpi.evidence.cite()
    return out


def _facts(parts: Parts) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    entry: dict[str, Any] = {}
    if parts.systems is not None:
        s = parts.systems
        entry["systems"] = s.names
        if s.count is not None:
            entry["systems_count_stated"] = s.count
        if s.cloud:
            entry["government_cloud"] = True
    if parts.specific:
        entry["specific_migration"] = [
            {
                "systems": sp.systems,
                **({"target": sp.target} if sp.target else {}),
                "cite": sp.evidence.cite(),
            }
            for sp in parts.specific
        ]
    if entry:
        cite = parts.systems.evidence if parts.systems is not None else parts.specific[0].evidence
        entry["cite"] = cite.cite()
        facts["standardization"] = entry
    if parts.procedures is not None:
        p = parts.procedures
        proc: dict[str, Any] = {}
        if p.names:
            proc["procedures"] = list(p.names)
        if p.count is not None:
            proc["count"] = p.count
        if p.mynaportal:
            proc["via_mynaportal"] = True
        proc["cite"] = p.evidence.cite()
        facts["online_procedures"] = proc
    return facts


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip() or "（題名なし）"
