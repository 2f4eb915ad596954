"""Terminal output of `dxcheck check`: grouped by file, each finding with its source line."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from dxcheck.console import Out
from dxcheck.paths import show_path
from dxcheck.render.json_out import summary

if TYPE_CHECKING:
    from dxcheck.engine.runner import PlanCheck
    from dxcheck.notice import CatalogNotice

_MARK = {"covered": "○", "partial": "△", "missing": "×"}

# One output line and its style (None: plain); a plan's part of the output is a list of these,
# so that a worker process or the cache can hand it back finished.
Line = tuple[str, str | None]


def plan_lines(check: PlanCheck, catalog: str, lang: str) -> list[Line]:
    """The lines `check` prints for one plan (head, coverage, findings with source, blank)."""
    en = lang == "en"
    lines: list[Line] = []
    plan = check.plan
    path = show_path(check.path)
    if plan is not None:
        head = (
            f"{path} — {plan.municipality.name}「{plan.document.title}」"
            if not en
            else f"{path} — {plan.municipality.name} '{plan.document.title}'"
        )
    else:
        head = f"{path} — " + ("invalid plan" if en else "無効な計画ファイル")
    lines.append((head, "path"))
    if check.coverage:
        counts = {s: 0 for s in _MARK}
        for cov in check.coverage.values():
            counts[cov.status] += 1
        label = "coverage" if en else "充足"
        lines.append(
            (
                f"  {label}: ○ {counts['covered']}  △ {counts['partial']}  × {counts['missing']}"
                f"  ({'catalog' if en else 'カタログ 第'}{catalog}{'' if en else '版'})",
                "dim",
            )
        )
    source_lines = check.document.text.splitlines() if check.document else []
    for f in check.findings:
        item = f" [{f.national_item}]" if f.national_item else ""
        lines.append(
            (
                f"{show_path(f.path)}:{f.line}:{f.column}: {f.severity}[{f.rule}] {f.message(lang)}{item}",
                f.severity,
            )
        )
        source = source_lines[f.line - 1] if 0 < f.line <= len(source_lines) else ""
        if source.strip():
            lines.append((f"  {f.line:>4} | {source.rstrip()}", "dim"))
    lines.append(("", None))
    return lines


def summary_line(s: dict[str, Any], as_of: datetime.date, catalog: str, lang: str) -> str:
    c = s["findings"]
    if lang == "en":
        return (
            f"{s['plans']} plan(s), {s['invalid']} invalid; {c['error']} error(s), "
            f"{c['warning']} warning(s), {c['info']} info (as of {as_of.isoformat()}, "
            f"catalog {catalog})"
        )
    return (
        f"計画 {s['plans']} 件（無効 {s['invalid']} 件）: エラー {c['error']} 件、"
        f"警告 {c['warning']} 件、情報 {c['info']} 件（基準日 {as_of.isoformat()}、"
        f"カタログ 第{catalog}版）"
    )


def write_lines(lines: list[Line], out: Out) -> None:
    """Write finished lines: one write without colour, styled lines on a colour terminal."""
    if out.colour:
        for text, style in lines:
            out.line(text, style)
    else:
        out.write("".join(text + "\n" for text, _ in lines))


def write_notice(notice: CatalogNotice | None, out: Out, lang: str) -> None:
    """The catalog-age notice, once, before the plans."""
    if notice is not None:
        out.line(("note: " if lang == "en" else "注意: ") + notice.message(lang), "warning")
        out.line()


def render(
    checks: list[PlanCheck],
    out: Out,
    as_of: datetime.date,
    catalog: str,
    lang: str,
    notice: CatalogNotice | None = None,
) -> None:
    write_notice(notice, out, lang)
    for check in checks:
        write_lines(plan_lines(check, catalog, lang), out)
    out.line(summary_line(summary(checks), as_of, catalog, lang), "dim")
