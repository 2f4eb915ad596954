"""The view model of gap reports: plain data the Jinja2 templates lay out.

Everything a report says is decided here, from checked plans and the catalog; templates only
arrange it (and escape it). Renderers never re-run checks.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from dxcheck import document_kinds
from dxcheck.engine.coverage import ItemCoverage
from dxcheck.engine.runner import PlanCheck

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog
    from dxcheck.models import Plan

SYMBOL = {"covered": "○", "partial": "△", "missing": "×"}
SEVERITIES = ("error", "warning", "info")

LABELS: dict[str, dict[str, str]] = {
    "ja": {
        "title": "自治体DX推進計画 ギャップレポート",
        "matrix": "団体 × 国の項目 充足状況",
        "municipality": "団体",
        "code": "団体コード",
        "document": "文書",
        "kind": "種別",
        "status": "状態",
        "period": "計画期間",
        "period_status": "基準日時点",
        "as_of": "基準日",
        "catalog": "国の計画（カタログ）",
        "coverage": "国の項目の充足状況",
        "item": "国の項目",
        "category": "区分",
        "evidence": "計画の根拠（節・引用）",
        "deadlines": "期限",
        "date": "日付",
        "what": "内容",
        "state": "状況",
        "passed": "経過",
        "coming": "今後",
        "findings": "指摘事項",
        "gaps": "不足している項目と次の一歩",
        "expects": "国の計画が求めること",
        "next_step": "次の一歩",
        "none": "なし",
        "notice": "注意:",
        "background_only": "背景のみ",
        "full_document": "本編",
        "legend": "○ 充足（自らの取組として実施・継続）　△ 一部（検討のみ・範囲不足・他の取組の中で活用）　× 記載なし（背景としての言及のみを含む）",
        "count": "項目別の集計",
        "covered": "充足",
        "partial": "一部",
        "missing": "記載なし",
        "gaps_total": "不足数",
        "invalid": "無効な計画ファイル（スキーマ検証エラー）",
        "in_period": "計画期間中",
        "ended": "計画期間終了",
        "not_started": "計画期間前",
        "not_stated": "記載なし",
        "national": "国の期限",
        "national_goal": "国の目標",
        "plan_end": "計画期間の終了",
        "target": "計画の目標",
        "error": "エラー",
        "warning": "警告",
        "info": "情報",
        "location": "位置",
        "rule": "ルール",
        "plans": "計画一覧",
        "generated": "作成",
        "source": "出典",
        "heatmap": "充足状況のヒートマップ",
        "prefecture": "都道府県",
        "by_prefecture": "都道府県別の集計",
        "plan_count": "計画数",
        "index_note": "団体名から各計画のレポートを開けます。都道府県ごとに、団体コードの順（不足の多い順を選んだときはその順）に並べています。",
        "adopted": "策定日",
        "secondary_note": "※ 国の根拠が解説記事などの二次資料だけで、国の計画の本文では確かめていない指摘です。",
        "line_ref": "（計画ファイル {line} 行目・{rule}）",
        "timeline_legend": "■ 経過（基準日より前の日付）　◆ 今後　縦の破線 = 基準日",
        "next_steps": "次の一歩（不足している項目）",
        "more_below": "各項目の根拠と詳しい説明は下の「不足している項目と次の一歩」にあります。",
        "show_info": "情報を表示（{n} 件）",
    },
    "en": {
        "title": "Municipal DX plan gap report",
        "matrix": "Municipality × national item coverage",
        "municipality": "Municipality",
        "code": "Code",
        "document": "Document",
        "kind": "Kind",
        "status": "Status",
        "period": "Plan period",
        "period_status": "At the as-of date",
        "as_of": "As of",
        "catalog": "National plan (catalog)",
        "coverage": "Coverage of the national items",
        "item": "National item",
        "category": "Category",
        "evidence": "Evidence in the plan (section, quote)",
        "deadlines": "Deadlines",
        "date": "Date",
        "what": "What",
        "state": "State",
        "passed": "passed",
        "coming": "coming",
        "findings": "Findings",
        "gaps": "Gaps and next steps",
        "expects": "What the national plan expects",
        "next_step": "Next step",
        "none": "none",
        "notice": "Note:",
        "background_only": "background only",
        "full_document": "Full plan",
        "legend": "○ covered (own initiative, implemented or continued)   △ partial (only considered, incomplete scope, or used inside another measure)   × missing (incl. mentioned as background only)",
        "count": "Counts per item",
        "covered": "covered",
        "partial": "partial",
        "missing": "missing",
        "gaps_total": "gaps",
        "invalid": "Invalid plan file (schema errors)",
        "in_period": "within the plan period",
        "ended": "plan period ended",
        "not_started": "before the plan period",
        "not_stated": "not stated",
        "national": "national deadline",
        "national_goal": "national goal",
        "plan_end": "end of the plan period",
        "target": "plan target",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "location": "Location",
        "rule": "Rule",
        "plans": "Plans",
        "generated": "Generated",
        "source": "Source",
        "heatmap": "Coverage heat map",
        "prefecture": "Prefecture",
        "by_prefecture": "Counts per prefecture",
        "plan_count": "Plans",
        "index_note": "Each name opens that plan's report. Grouped by prefecture; within a prefecture by code (or by the number of gaps, when chosen).",
        "adopted": "Adopted",
        "secondary_note": "* The national basis of this finding rests on secondary sources (commentaries) only; it has not been checked against the national plan's own text.",
        "line_ref": " (plan file line {line}, {rule})",
        "timeline_legend": "■ passed (before the as-of date)   ◆ coming   dashed line = as-of date",
        "next_steps": "Next steps (items not covered)",
        "more_below": "The basis and details of each item are under “Gaps and next steps” below.",
        "show_info": "Show info ({n})",
    },
}

CATEGORY = {
    "ja": {
        "priority": "重点取組事項",
        "structure": "推進体制",
        "related": "あわせて取り組む事項",
        "other": "その他",
    },
    "en": {
        "priority": "priority",
        "structure": "structure",
        "related": "related",
        "other": "other",
    },
}
STATUS = {
    "ja": {"adopted": "策定済", "draft": "案", "proposal": "提案段階"},
    "en": {"adopted": "adopted", "draft": "draft", "proposal": "proposal"},
}


# --- the rows of a report (TypedDicts: plain dicts at run time, which the templates read and
# a worker process hands back; typed for mypy) -------------------------------------------------


class FindingRow(TypedDict):
    rule: str
    item: str
    item_title: str
    message: str  # without the secondary-source caveat (the page says it once)
    secondary: bool  # the national basis rests on secondary sources only
    where: str  # path:line:column
    line: int
    yaml_path: str


class EvidenceRow(TypedDict):
    section: str
    quote: str
    commitment: str


class CoverageRow(TypedDict):
    id: str
    title: str
    category: str
    status: str  # covered | partial | missing
    status_label: str
    symbol: str
    reason: str
    evidence: list[EvidenceRow]


class GapRow(TypedDict):
    id: str
    title: str
    status_label: str
    symbol: str
    reason: str
    expects: list[str]
    next_step: str
    citation: str


class DeadlineRow(TypedDict, total=False):
    date: Any  # a date while sorting, then its ISO text
    kind: str
    what: str
    passed: bool
    state: str


@dataclass(slots=True)
class PlanView:
    slug: str
    path: str
    valid: bool
    name: str
    code: str
    title: str
    kind: str
    status: str
    period: str
    period_status: str
    catalog: str
    coverage: list[CoverageRow] = field(default_factory=list)
    deadlines: list[DeadlineRow] = field(default_factory=list)
    timeline: dict[str, Any] = field(default_factory=dict)
    findings: dict[str, list[FindingRow]] = field(default_factory=dict)
    gaps: list[GapRow] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    # the full document a 概要版 summarises: {"title", "url" (http/https only), "file"}
    full_document: dict[str, str] | None = None
    prefecture: str = ""
    # for the overview: the document's kind and status as in the plan file, its adoption date
    # and the end of its period (ISO, "" when not stated), and where the period stands at the
    # as-of date: "ended", "in", "before" or "" (not stated)
    kind_id: str = ""
    status_id: str = ""
    period_short: str = ""  # the period as the plan writes it: 令和5年度 〜 令和8年度
    adopted: str = ""
    period_end: str = ""
    period_state: str = ""
    source_file: str = ""
    secondary: bool = False  # a finding's national basis rests on secondary sources only


def _ja_date(day: datetime.date) -> str:
    return day.isoformat()


# A PDF's footnote reference as text extraction leaves it in a quote: 基盤^{※12} → 基盤
_FOOTNOTE = re.compile(r"\^\{[^{}]{0,12}\}")


def without_footnotes(text: str) -> str:
    """Quoted text without the PDF's footnote markup (``^{※12}``)."""
    return _FOOTNOTE.sub("", text) if "^{" in text else text


def plan_view(check: PlanCheck, catalog: Catalog, as_of: datetime.date, lang: str) -> PlanView:
    L = LABELS[lang]
    en = lang == "en"
    slug = check.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    findings: dict[str, list[FindingRow]] = {s: [] for s in SEVERITIES}
    items = {item.id: item for item in catalog.items}
    secondary = False
    for f in check.findings:
        message, caveat = f.message(lang), f.secondary  # the page says the caveat once
        secondary = secondary or caveat
        item = items.get(f.national_item or "")
        findings[f.severity].append(
            {
                "rule": f.rule,
                "item": f.national_item or "",
                "item_title": (item.title_en if en else item.title_ja) if item else "",
                "message": message,
                "secondary": caveat,
                "where": f"{f.path}:{f.line}:{f.column}",
                "line": f.line,
                "yaml_path": f.yaml_path,
            }
        )
    plan = check.plan
    if plan is None:
        return PlanView(
            slug,
            check.path,
            False,
            check.path,
            "",
            L["invalid"],
            "",
            "",
            "",
            "",
            catalog.version,
            findings=findings,
        )
    period = plan.period
    period_state = ""
    period_short = L["not_stated"]
    if period.not_stated:
        period_text, period_status = L["not_stated"], L["not_stated"]
    else:
        period_text = f"{period.start.text if period.start else '?'} 〜 {period.end.text if period.end else '?'}"
        period_short = period_text
        if period.start and period.end:
            period_text += (
                f"（{_ja_date(period.start.start)} 〜 {_ja_date(period.end.end)}）"
                if not en
                else (f" ({period.start.start.isoformat()} – {period.end.end.isoformat()})")
            )
        if period.end is not None and period.end.end < as_of:
            period_status, period_state = L["ended"], "ended"
        elif period.start is not None and period.start.start > as_of:
            period_status, period_state = L["not_started"], "before"
        else:
            period_status, period_state = L["in_period"], "in"
    coverage_rows: list[CoverageRow] = []
    gaps: list[GapRow] = []
    counts = {"covered": 0, "partial": 0, "missing": 0}
    for item in catalog.items:
        cov = check.coverage[item.id]
        counts[cov.status] += 1
        # The same passage often backs both an initiative and a facts entry: show it once.
        evidence: list[EvidenceRow] = []
        seen: set[tuple[str, str]] = set()
        for e in cov.evidence:
            if (e.section, e.quote or "") not in seen:
                seen.add((e.section, e.quote or ""))
                evidence.append(
                    {
                        "section": without_footnotes(e.section),
                        "quote": without_footnotes(e.quote or ""),
                        "commitment": e.commitment or "",
                    }
                )
        title = item.title_en if en else item.title_ja
        coverage_rows.append(
            {
                "id": item.id,
                "title": title,
                "category": CATEGORY[lang][item.category],
                "status": cov.status,
                "status_label": _status_label(cov, L),
                "symbol": SYMBOL[cov.status],
                "reason": cov.reason_en if en else cov.reason_ja,
                "evidence": evidence,
            }
        )
        if cov.status != "covered":
            gaps.append(
                {
                    "id": item.id,
                    "title": title,
                    "status_label": _status_label(cov, L),
                    "symbol": SYMBOL[cov.status],
                    "reason": cov.reason_en if en else cov.reason_ja,
                    "expects": [
                        (t.description_en if en else t.description_ja)
                        + (f"（{t.deadline_text}）" if t.deadline_text and not en else "")
                        for t in item.targets
                    ]
                    or [item.summary_en if en else item.summary_ja],
                    "next_step": item.guidance_en if en else item.guidance_ja,
                    "citation": (
                        f"{item.citation.document} 第{item.citation.version}版 "
                        f"{item.citation.section}"
                    ),
                }
            )
    deadlines = _deadlines(check, catalog, as_of, lang)
    return PlanView(
        slug=slug,
        path=check.path,
        valid=True,
        name=plan.municipality.name,
        code=plan.municipality.code,
        title=plan.document.title,
        kind=document_kinds.label(plan.document.kind, lang),
        status=STATUS[lang][plan.document.status],
        period=period_text,
        period_status=period_status,
        catalog=catalog.version,
        coverage=coverage_rows,
        deadlines=deadlines,
        timeline=timeline(deadlines, as_of),
        findings=findings,
        gaps=gaps,
        counts=counts,
        full_document=_full_document(plan),
        prefecture=plan.municipality.prefecture,
        kind_id=plan.document.kind,
        status_id=plan.document.status,
        adopted=plan.document.adopted.start.isoformat() if plan.document.adopted else "",
        period_end=period.end.end.isoformat() if period.end and not period.not_stated else "",
        period_state=period_state,
        period_short=period_short,
        source_file=plan.document.source.file or "",
        secondary=secondary,
    )


def _status_label(cov: ItemCoverage, labels: dict[str, str]) -> str:
    """× with evidence is an item named only as background: say so, not 記載なし."""
    if cov.status == "missing" and cov.evidence:
        return labels["background_only"]
    return labels[cov.status]


def _full_document(plan: Plan) -> dict[str, str] | None:
    full = plan.document.full_document
    if full is None:
        return None
    url = full.url if full.url and full.url.startswith(("https://", "http://")) else ""
    return {"title": full.title, "url": url, "file": full.file or ""}


def _deadlines(
    check: PlanCheck, catalog: Catalog, as_of: datetime.date, lang: str
) -> list[DeadlineRow]:
    L = LABELS[lang]
    en = lang == "en"
    rows: list[DeadlineRow] = []
    plan = check.plan
    assert plan is not None
    std = plan.facts.standardization
    specific = std is not None and bool(std.specific_migration)
    for item in catalog.items:
        if check.coverage[item.id].status == "missing":
            continue
        for target in item.targets:
            if target.deadline is None:
                continue
            if target.scope == "specific_migration" and not specific:
                continue  # only for plans that name 特定移行支援システム
            rows.append(
                {
                    "date": target.deadline,
                    "kind": L["national" if target.kind == "deadline" else "national_goal"],
                    "what": f"{item.title_en if en else item.title_ja}: "
                    + (target.description_en if en else target.description_ja),
                }
            )
    if plan.period.end is not None:
        rows.append(
            {"date": plan.period.end.end, "kind": L["plan_end"], "what": plan.period.end.text}
        )
    for initiative in plan.initiatives:
        if initiative.target is not None and initiative.commitment != "context":
            rows.append(
                {
                    "date": initiative.target.end,
                    "kind": L["target"],
                    "what": f"{initiative.title}（{initiative.target.text}）"
                    if not en
                    else f"{initiative.title} ({initiative.target.text})",
                }
            )
    rows.sort(key=lambda r: (r["date"], r["kind"], r["what"]))
    for row in rows:
        row["passed"] = row["date"] < as_of
        row["state"] = L["passed"] if row["passed"] else L["coming"]
        row["date"] = row["date"].isoformat()
    return rows


def timeline(rows: list[DeadlineRow], as_of: datetime.date) -> dict[str, Any]:
    """Positions (0–1 across the page) of the deadline rows and the as-of date, and a tick per
    1 April, for the HTML report's SVG timeline."""
    if not rows:
        return {}
    days = [datetime.date.fromisoformat(r["date"]) for r in rows]
    first = min(*days, as_of).replace(month=1, day=1)
    last = max(*days, as_of).replace(month=12, day=31)
    span = (last - first).days

    def x(day: datetime.date) -> float:
        return round((day - first).days / span, 4)

    ticks = [
        {
            "x": x(datetime.date(year, 4, 1)),
            # 年度 starts on 1 April: R5 = 令和5年度 = FY2023
            "ja": f"R{year - 2018}" if year >= 2019 else f"H{year - 1988}",
            "en": f"FY{year}",
        }
        for year in range(first.year, last.year + 1)
    ]
    points = [{"x": x(day), **row} for day, row in zip(days, rows, strict=True)]
    return {"ticks": ticks, "as_of": x(as_of), "points": points}


def matrix(views: list[PlanView], catalog: Catalog, lang: str, sort: str) -> dict[str, Any]:
    en = lang == "en"
    valid = [v for v in views if v.valid]
    if sort == "gaps":
        valid.sort(key=lambda v: (-(v.counts["missing"] * 2 + v.counts["partial"]), v.code))
    else:
        valid.sort(key=lambda v: v.code)
    items = [
        {
            "id": item.id,
            "title": item.title_en if en else item.title_ja,
            "short": (item.short_en or item.title_en) if en else (item.short_ja or item.title_ja),
        }
        for item in catalog.items
    ]
    rows: list[dict[str, Any]] = []
    for view in valid:
        cells = {row["id"]: row for row in view.coverage}
        rows.append(
            {
                "name": view.name,
                "code": view.code,
                "slug": view.slug,
                "cells": [
                    {"status": cells[i["id"]]["status"], "symbol": cells[i["id"]]["symbol"]}
                    for i in items
                ],
                "gaps": view.counts["missing"] + view.counts["partial"],
                "kind": view.kind,
                "status": view.status,
                "period_status": view.period_status,
                "ended": view.period_state == "ended",
            }
        )
    totals = []
    for index, item in enumerate(items):
        col = [row["cells"][index]["status"] for row in rows]
        totals.append({s: col.count(s) for s in ("covered", "partial", "missing")} | item)
    return {"items": items, "rows": rows, "totals": totals}


# The overview of many plans (folder output: index, prefecture pages) is render/overview.py.
