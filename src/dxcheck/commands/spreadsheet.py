"""`dxcheck report -f xlsx -o FILE.xlsx` and `report -f csv -o FOLDER`: the prefecture's view
as a spreadsheet (render/sheets.py decides the cells, render/xlsx.py and render/csv_out.py lay
them out).

Plans are checked in worker processes, as for `report -o FOLDER`; each sends back only its
rows (:class:`dxcheck.render.sheets.PlanRows`), so memory holds the tables, never the plans.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from dxcheck.console import Out
from dxcheck.extras import MissingExtra, require

if TYPE_CHECKING:
    from dxcheck.options import Options
    from dxcheck.render.sheets import PlanRows

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ("xlsx", "csv")
WORKBOOK_NAME = "dxcheck-report.xlsx"  # inside -o when -o is an existing folder

_STATE: dict[str, Any] = {}


def _message(lang: str, ja: str, en: str) -> str:
    return f"dxcheck: {en if lang == 'en' else ja}"


def target(fmt: str, out: str | None, lang: str) -> str:
    """Where the output goes (a file for xlsx, a folder for csv); ValueError with the message
    for the user when ``out`` does not fit the format."""
    if out is None:
        if fmt == "xlsx":
            raise ValueError(
                _message(
                    lang,
                    "-f xlsx には -o ファイル名.xlsx が必要です（ブックは端末に出力できません）",
                    "-f xlsx needs -o FILE.xlsx (a workbook cannot go to the terminal)",
                )
            )
        raise ValueError(
            _message(
                lang,
                "-f csv には -o フォルダ が必要です（matrix.csv・findings.csv・deadlines.csv を書きます）",
                "-f csv needs -o FOLDER (it writes matrix.csv, findings.csv and deadlines.csv)",
            )
        )
    if fmt == "xlsx":
        return os.path.join(out, WORKBOOK_NAME) if os.path.isdir(out) else out
    if out.lower().endswith(".csv") or (os.path.exists(out) and not os.path.isdir(out)):
        raise ValueError(
            _message(
                lang,
                f"-o {out}: -f csv はフォルダに matrix.csv・findings.csv・deadlines.csv を書きます。フォルダを指定してください",
                f"-o {out}: -f csv writes matrix.csv, findings.csv and deadlines.csv into a folder; give a folder",
            )
        )
    return out


def _init(opts: Options, settings: Any = None) -> None:
    """Set up a worker (a forked one inherits ``settings``)."""
    import gc

    from dxcheck.checkrun import resolve

    gc.disable()
    _STATE.update(settings=settings if settings is not None else resolve(opts), lang=opts.lang)


def _rows_task(path: str) -> PlanRows | str:
    """Validate and check one plan; its rows, or the line saying why it could not be read."""
    from dxcheck.checkrun import check_bytes
    from dxcheck.diagnostics import format_line
    from dxcheck.inputs import display_name, os_error, read_input
    from dxcheck.render.sheets import plan_rows

    settings, lang = _STATE["settings"], _STATE["lang"]
    try:
        data = read_input(path, settings.limits.max_bytes)
    except OSError as exc:
        return format_line(os_error(path, exc), lang)
    _, check = check_bytes(data, display_name(path), settings)
    return plan_rows(check, settings.catalog, settings.as_of, lang)


def run(opts: Options, fmt: str, out: str | None, sort: str) -> int:
    from dxcheck.checkrun import resolve
    from dxcheck.diagnostics import format_line
    from dxcheck.inputs import STDIN, expand
    from dxcheck.notice import catalog_notice
    from dxcheck.options import UsageError
    from dxcheck.parallel import pool_map
    from dxcheck.progress import progress_for
    from dxcheck.render import csv_out, sheets, xlsx

    err = Out(sys.stderr)
    try:
        where = target(fmt, out, opts.lang)
        if fmt == "xlsx":
            require("xlsx", opts.lang)
        settings = resolve(opts)
    except ValueError as exc:
        err.line(str(exc), "error")
        return EXIT_USAGE
    except MissingExtra as exc:
        err.line(f"dxcheck: {exc}", "error")
        return EXIT_USAGE
    except UsageError as exc:
        err.line(f"dxcheck: {exc}", "error")
        return EXIT_USAGE
    expanded = expand(opts.paths)
    unreadable = [format_line(d, opts.lang) for d in expanded.errors]
    plans: list[PlanRows] = []
    jobs = 1 if STDIN in expanded.files else opts.jobs
    with progress_for(opts, "report", len(expanded.files)) as advance:
        for item in pool_map(_rows_task, expanded.files, _init, (opts, settings), jobs, advance):
            if isinstance(item, str):
                unreadable.append(item)
            else:
                plans.append(item)
    for line in unreadable:
        err.line(line, "error")
    if not plans:
        return EXIT_USAGE if unreadable else EXIT_OK
    catalog, as_of = settings.catalog, settings.as_of
    notice = catalog_notice(catalog.version, catalog.period_end, as_of)
    tables = sheets.tables(
        plans, catalog, as_of, opts.lang, sort, notice.message(opts.lang) if notice else None
    )
    try:
        if fmt == "xlsx":
            xlsx.write(where, tables)
        else:
            csv_out.write(where, tables)
    except OSError as exc:
        err.line(
            f"dxcheck: {where}: 書き込めません / cannot write ({exc.strerror or exc})", "error"
        )
        return EXIT_USAGE
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(not p.valid for p in plans) else EXIT_OK
