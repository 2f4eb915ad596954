"""Terminal output of `dxcheck check`: grouped by file, each finding with its source line."""

from __future__ import annotations

import datetime

from dxcheck.catalog.age import CatalogNotice
from dxcheck.console import Out
from dxcheck.engine.runner import PlanCheck
from dxcheck.render.json_out import summary

_MARK = {"covered": "○", "partial": "△", "missing": "×"}


def render(
    checks: list[PlanCheck],
    out: Out,
    as_of: datetime.date,
    catalog: str,
    lang: str,
    notice: CatalogNotice | None = None,
) -> None:
    en = lang == "en"
    if notice is not None:
        out.line(("note: " if en else "注意: ") + notice.message(lang), "warning")
        out.line()
    for check in checks:
        plan = check.plan
        if plan is not None:
            head = (
                f"{check.path} — {plan.municipality.name}「{plan.document.title}」"
                if not en
                else f"{check.path} — {plan.municipality.name} '{plan.document.title}'"
            )
        else:
            head = f"{check.path} — " + ("invalid plan" if en else "無効な計画ファイル")
        out.line(head, "path")
        if check.coverage:
            counts = {s: 0 for s in _MARK}
            for cov in check.coverage.values():
                counts[cov.status] += 1
            label = "coverage" if en else "充足"
            out.line(
                f"  {label}: ○ {counts['covered']}  △ {counts['partial']}  × {counts['missing']}"
                f"  ({'catalog' if en else 'カタログ 第'}{catalog}{'' if en else '版'})",
                "dim",
            )
        lines = check.document.text.splitlines() if check.document else []
        for f in check.findings:
            item = f" [{f.national_item}]" if f.national_item else ""
            out.line(
                f"{f.path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {f.message(lang)}{item}",
                f.severity,
            )
            source = lines[f.line - 1] if 0 < f.line <= len(lines) else ""
            if source.strip():
                out.line(f"  {f.line:>4} | {source.rstrip()}", "dim")
        out.line()
    s = summary(checks)
    c = s["findings"]
    if en:
        text = (
            f"{s['plans']} plan(s), {s['invalid']} invalid; {c['error']} error(s), "
            f"{c['warning']} warning(s), {c['info']} info (as of {as_of.isoformat()}, "
            f"catalog {catalog})"
        )
    else:
        text = (
            f"計画 {s['plans']} 件（無効 {s['invalid']} 件）: エラー {c['error']} 件、"
            f"警告 {c['warning']} 件、情報 {c['info']} 件（基準日 {as_of.isoformat()}、"
            f"カタログ 第{catalog}版）"
        )
    out.line(text, "dim")
