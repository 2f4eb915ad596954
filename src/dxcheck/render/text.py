"""Terminal output of `dxcheck check`: grouped by file, each finding with its source line."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from dxcheck.console import Out
from dxcheck.diagnostics import SEVERITY_RANK
from dxcheck.paths import show_path
from dxcheck.render.json_out import summary

if TYPE_CHECKING:
    from dxcheck.engine.runner import PlanCheck
    from dxcheck.notice import CatalogNotice

_MARK = {"covered": "○", "partial": "△", "missing": "×"}
# after a finding whose national fact rests on secondary sources only; explained once at the end
SECONDARY_MARK = " ※"

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
                f"  ({'catalog ' if en else 'カタログ 第'}{catalog}{'' if en else '版'})",
                "dim",
            )
        )
    source_lines = check.document.text.splitlines() if check.document else []
    for f in check.findings:
        item = f" [{f.national_item}]" if f.national_item else ""
        mark = SECONDARY_MARK if f.secondary else ""
        lines.append(
            (
                f"{show_path(f.path)}:{f.line}:{f.column}: {f.severity}[{f.rule}] "
                f"{f.message(lang)}{item}{mark}",
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


def shown(lines: list[Line], min_severity: str) -> tuple[list[Line], dict[str, int]]:
    """A plan's lines without its findings below ``min_severity`` (each finding's line and the
    source line after it), and how many of each severity were left out."""
    if min_severity == "info":
        return lines, {}
    kept: list[Line] = []
    hidden: dict[str, int] = {}
    skipping = False
    for text, style in lines:
        if style in SEVERITY_RANK:
            skipping = SEVERITY_RANK[style] < SEVERITY_RANK[min_severity]
            if skipping:
                hidden[style] = hidden.get(style, 0) + 1
                continue
        elif style == "dim" and skipping:
            continue  # the source line of a finding left out
        else:
            skipping = False
        kept.append((text, style))
    return kept, hidden


def secondary_count(lines: list[Line]) -> int:
    """How many findings among ``lines`` carry the secondary-source mark."""
    return sum(
        1 for text, style in lines if style in SEVERITY_RANK and text.endswith(SECONDARY_MARK)
    )


def closing_lines(secondary: int, hidden: dict[str, int], lang: str) -> list[Line]:
    """What the end of the output says once: the mark ※, and the findings not shown."""
    en = lang == "en"
    out: list[Line] = []
    if secondary:
        out.append(
            (
                f"※ {secondary} finding(s) rest on a national fact with secondary sources only "
                "(articles, summaries): see dxcheck catalog --sources"
                if en
                else f"※ 国の根拠が二次資料（報道・要約など）だけの指摘です（{secondary} 件）。"
                "出典は dxcheck catalog --sources で確認できます",
                "dim",
            )
        )
    if hidden:
        names = {"error": ("エラー", "error(s)"), "warning": ("警告", "warning(s)")}
        names["info"] = ("情報", "info")
        if en:
            counts = ", ".join(f"{n} {names[s][1]}" for s, n in hidden.items())
            out.append((f"not shown (--min-severity): {counts}", "dim"))
        else:
            counts = "、".join(f"{names[s][0]} {n} 件" for s, n in hidden.items())
            out.append((f"表示していない指摘（--min-severity）: {counts}", "dim"))
    return out


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
    min_severity: str = "info",
) -> None:
    write_parts(
        [plan_lines(check, catalog, lang) for check in checks],
        summary(checks),
        out,
        as_of,
        catalog,
        lang,
        notice,
        min_severity,
    )


def write_parts(
    parts: list[list[Line]],
    totals: dict[str, Any],
    out: Out,
    as_of: datetime.date,
    catalog: str,
    lang: str,
    notice: CatalogNotice | None = None,
    min_severity: str = "info",
) -> None:
    """The whole text output from each plan's finished lines: the notice, the plans (findings
    below ``min_severity`` left out), the summary of all findings, then what is said once."""
    write_notice(notice, out, lang)
    secondary = 0
    hidden: dict[str, int] = {}
    for lines in parts:
        kept, left_out = shown(lines, min_severity)
        secondary += secondary_count(kept)
        for severity, count in left_out.items():
            hidden[severity] = hidden.get(severity, 0) + count
        write_lines(kept, out)
    out.line(summary_line(totals, as_of, catalog, lang), "dim")
    for text, style in closing_lines(secondary, hidden, lang):
        out.line(text, style)
