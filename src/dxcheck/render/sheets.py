"""The tables of the spreadsheet outputs (`report -f xlsx` / `-f csv`): plain rows of cells.

What a cell says is decided here, from what the other outputs already compute: the JSON
contract's finding fields (:func:`dxcheck.render.json_out.finding_json`) and the report's view
of a plan (:func:`dxcheck.render.report_model.plan_view`: document kind, status, period and
its state, coverage symbols, deadlines). The writers (:mod:`dxcheck.render.xlsx`,
:mod:`dxcheck.render.csv_out`) only lay the tables out.

One plan gives one :class:`PlanRows` (a few kilobytes of strings and numbers), so many plans
can be checked in worker processes and only their rows come back.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dxcheck.render.json_out import finding_json
from dxcheck.render.report_model import LABELS, SYMBOL, plan_view

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog
    from dxcheck.engine.runner import PlanCheck

Cell = str | int
Row = list[Cell]

# Heat-map colours of the HTML report (templates/report.html.j2): background, text.
COLOURS: dict[str, tuple[str, str]] = {
    "covered": ("#DAFBE1", "#1A7F37"),
    "partial": ("#FFF1C2", "#7D4E00"),
    "missing": ("#FFEBE9", "#A40E26"),
}
STATUS_OF_SYMBOL = {symbol: status for status, symbol in SYMBOL.items()}

SHEET_LABELS: dict[str, dict[str, str]] = {
    "ja": {
        "overview": "概要",
        "matrix": "充足状況",
        "findings": "指摘事項",
        "deadlines": "期限超過",
        "file": "ファイル",
        "line": "行",
        "column": "列",
        "severity": "重大度",
        "message": "メッセージ",
        "quote": "該当行",
        "item_id": "項目ID",
        "errors": "エラー数",
        "warnings": "警告数",
        "infos": "情報数",
        "plans_total": "計画数",
        "invalid_total": "無効な計画",
        "sheets": "シート",
        "sheet_matrix": "団体 × 国の項目（○ 充足・△ 一部・× 記載なし）、文書の種別・状態・計画期間",
        "sheet_findings": "すべての指摘事項（団体・ファイル・行・ルール・重大度・項目・メッセージ・該当行）",
        "sheet_deadlines": "基準日までに過ぎた期限（国の期限・目標、計画期間の終了、計画の目標）",
        "invalid_status": "無効",
    },
    "en": {
        "overview": "Overview",
        "matrix": "Coverage",
        "findings": "Findings",
        "deadlines": "Deadlines passed",
        "file": "File",
        "line": "Line",
        "column": "Column",
        "severity": "Severity",
        "message": "Message",
        "quote": "Source line",
        "item_id": "Item ID",
        "errors": "Errors",
        "warnings": "Warnings",
        "infos": "Info",
        "plans_total": "Plans",
        "invalid_total": "Invalid plans",
        "sheets": "Sheets",
        "sheet_matrix": "Municipality × national item (○ covered, △ partial, × missing), document kind, status and period",
        "sheet_findings": "Every finding (municipality, file, line, rule, severity, item, message, source line)",
        "sheet_deadlines": "Deadlines passed by the as-of date (national deadlines and goals, end of plan period, plan targets)",
        "invalid_status": "invalid",
    },
}


@dataclass(slots=True)
class PlanRows:
    """One plan's part of every table, and what sorting the matrix needs."""

    code: str
    path: str
    valid: bool
    gaps_key: int  # missing × 2 + partial: --sort gaps
    matrix: Row
    findings: list[Row] = field(default_factory=list)
    deadlines: list[Row] = field(default_factory=list)
    statuses: str = ""  # one of c / p / m per catalog item, for the overview's totals


@dataclass(slots=True)
class Table:
    """One sheet (or CSV file): a name, the header row and the rows; ``symbols`` are the
    columns holding ○/△/× (coloured like the heat map), ``numbers`` hold integers."""

    key: str
    name: str
    headers: list[str]
    rows: list[Row]
    symbols: range = range(0)
    # lines above the header (xlsx only): text and its style (title, notice, note)
    notes: list[tuple[str, str]] = field(default_factory=list)
    frozen_columns: int = 0  # columns that stay in view when scrolling sideways (xlsx)
    fit_width: bool = True  # printed as wide as one page (the matrix is printed across pages)


def display_width(text: object) -> int:
    """Columns a text takes in a fixed-width grid: full-width and wide characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def matrix_headers(catalog: Catalog, lang: str) -> list[str]:
    L, S = LABELS[lang], SHEET_LABELS[lang]
    en = lang == "en"
    items = [item.title_en if en else item.title_ja for item in catalog.items]
    return [
        L["prefecture"],
        L["code"],
        L["municipality"],
        *items,
        f"○ {L['covered']}",
        f"△ {L['partial']}",
        f"× {L['missing']}",
        S["errors"],
        S["warnings"],
        S["infos"],
        L["document"],
        L["kind"],
        L["status"],
        L["period"],
        L["period_status"],
        S["file"],
    ]


MATRIX_FIRST_ITEM = 3  # index of the first item column in :func:`matrix_headers`


def finding_headers(lang: str) -> list[str]:
    L, S = LABELS[lang], SHEET_LABELS[lang]
    return [
        L["code"],
        L["municipality"],
        S["file"],
        S["line"],
        S["column"],
        L["rule"],
        S["severity"],
        L["item"],
        S["message"],
        S["quote"],
    ]


def deadline_headers(lang: str) -> list[str]:
    L = LABELS[lang]
    return [L["code"], L["municipality"], L["date"], L["kind"], L["what"], L["period_status"]]


def plan_rows(check: PlanCheck, catalog: Catalog, as_of: datetime.date, lang: str) -> PlanRows:
    """Every table's rows for one checked plan."""
    L, S = LABELS[lang], SHEET_LABELS[lang]
    view = plan_view(check, catalog, as_of, lang)
    severities = {"error": 0, "warning": 0, "info": 0}
    source = check.document.text.splitlines() if check.document is not None else []
    findings: list[Row] = []
    for f in check.findings:
        severities[f.severity] += 1
        data = finding_json(f, lang)
        quote = source[f.line - 1].strip() if 0 < f.line <= len(source) else ""
        findings.append(
            [
                view.code,
                view.name,
                data["path"],
                data["line"],
                data["column"],
                data["rule"],
                L[data["severity"]],
                data["national_item"] or "",
                data["message"],
                quote,
            ]
        )
    if view.valid:
        cells: list[Cell] = [row["symbol"] for row in view.coverage]
        counts = [view.counts["covered"], view.counts["partial"], view.counts["missing"]]
        head: list[Cell] = [view.prefecture, view.code, view.name]
        document: list[Cell] = [
            view.title,
            view.kind,
            view.status,
            view.period,
            view.period_status,
        ]
    else:
        cells = [""] * len(catalog.items)
        counts = [0, 0, 0]
        head = ["", "", view.path]
        document = [L["invalid"], "", S["invalid_status"], "", ""]
    matrix: Row = [
        *head,
        *cells,
        *counts,
        severities["error"],
        severities["warning"],
        severities["info"],
        *document,
        view.path,
    ]
    deadlines: list[Row] = [
        [view.code, view.name, d["date"], d["kind"], d["what"], view.period_status]
        for d in view.deadlines
        if d["passed"]
    ]
    letters = {"covered": "c", "partial": "p", "missing": "m"}
    return PlanRows(
        code=view.code,
        path=view.path,
        valid=view.valid,
        gaps_key=view.counts.get("missing", 0) * 2 + view.counts.get("partial", 0),
        matrix=matrix,
        findings=findings,
        deadlines=deadlines,
        statuses="".join(letters[row["status"]] for row in view.coverage),
    )


def order(plans: list[PlanRows], sort: str) -> list[PlanRows]:
    """Valid plans by code (or most gaps first with ``--sort gaps``), then invalid ones."""
    valid = [p for p in plans if p.valid]
    if sort == "gaps":
        valid.sort(key=lambda p: (-p.gaps_key, p.code, p.path))
    else:
        valid.sort(key=lambda p: (p.code, p.path))
    return valid + sorted((p for p in plans if not p.valid), key=lambda p: p.path)


def tables(
    plans: list[PlanRows],
    catalog: Catalog,
    as_of: datetime.date,
    lang: str,
    sort: str,
    notice: str | None,
) -> list[Table]:
    """The overview, the matrix, the findings and the deadlines passed, in sheet order."""
    ordered = order(plans, sort)
    S = SHEET_LABELS[lang]
    first = MATRIX_FIRST_ITEM
    matrix = Table(
        "matrix",
        S["matrix"],
        matrix_headers(catalog, lang),
        [p.matrix for p in ordered],
        symbols=range(first, first + len(catalog.items)),
        frozen_columns=3,
        fit_width=False,
    )
    findings = Table(
        "findings", S["findings"], finding_headers(lang), [r for p in ordered for r in p.findings]
    )
    deadlines = Table(
        "deadlines",
        S["deadlines"],
        deadline_headers(lang),
        sorted((r for p in ordered for r in p.deadlines), key=lambda r: (str(r[2]), str(r[0]))),
    )
    return [overview(ordered, catalog, as_of, lang, notice), matrix, findings, deadlines]


def overview(
    plans: list[PlanRows],
    catalog: Catalog,
    as_of: datetime.date,
    lang: str,
    notice: str | None,
) -> Table:
    """The first sheet: title, as-of date, catalog (and its notice), legend, what each sheet
    holds, and the count of ○ / △ / × per national item."""
    L, S = LABELS[lang], SHEET_LABELS[lang]
    en = lang == "en"
    valid = [p for p in plans if p.valid]
    notes = [
        (L["title"], "title"),
        (f"{L['as_of']}: {as_of.isoformat()}", "note"),
        (
            f"{L['catalog']}: {catalog.title} "
            + (f"version {catalog.version}" if en else f"第{catalog.version}版"),
            "note",
        ),
    ]
    if notice:
        notes.append((f"{L['notice']} {notice}", "notice"))
    notes += [
        (L["legend"], "note"),
        (
            f"{S['plans_total']}: {len(plans)}  {S['invalid_total']}: {len(plans) - len(valid)}",
            "note",
        ),
        (f"{S['matrix']}: {S['sheet_matrix']}", "note"),
        (f"{S['findings']}: {S['sheet_findings']}", "note"),
        (f"{S['deadlines']}: {S['sheet_deadlines']}", "note"),
    ]
    rows: list[Row] = []
    for index, item in enumerate(catalog.items):
        column = [p.statuses[index] for p in valid]
        rows.append(
            [
                item.id,
                item.title_en if en else item.title_ja,
                column.count("c"),
                column.count("p"),
                column.count("m"),
            ]
        )
    headers = [
        S["item_id"],
        L["item"],
        f"○ {L['covered']}",
        f"△ {L['partial']}",
        f"× {L['missing']}",
    ]
    return Table("overview", S["overview"], headers, rows, notes=notes)


def as_records(table: Table) -> list[dict[str, Any]]:
    """A table as one dict per row (header → cell), for tests and library users."""
    return [dict(zip(table.headers, row, strict=True)) for row in table.rows]
