"""`dxcheck report -f xlsx`: the tables of :mod:`dxcheck.render.sheets` as one workbook.

Written with XlsxWriter (BSD-2-Clause; the ``xlsx`` extra) in its constant-memory mode: each
row goes to disk as it is written, so memory does not grow with the number of plans
(benchmarks/xlsx_writers.py compares it with openpyxl; docs/performance.md has the figures).
Every sheet has its header row frozen and an auto filter; column widths follow the longest
cell, counting full-width characters as two; ○/△/× cells have the heat map's colours; the
first sheet carries the catalog notice.
"""

from __future__ import annotations

import datetime
import math
from typing import TYPE_CHECKING, Any

from dxcheck.render.sheets import COLOURS, STATUS_OF_SYMBOL, Table, display_width
from dxcheck.writer import atomic_target

if TYPE_CHECKING:
    from collections.abc import Sequence

MAX_WIDTH = 60  # a longer cell wraps instead of widening its column further
SYMBOL_WIDTH = 10  # the ○/△/× columns: narrow, their item titles wrap in the header
SAMPLE = 2000  # rows looked at to size the columns (every row of a small table)


def column_widths(table: Table) -> list[float]:
    """Width of each column in Excel's character units: the widest cell among the header
    and the first rows, full-width characters counting two, plus a margin."""
    widths = [display_width(h) for h in table.headers]
    for row in table.rows[:SAMPLE]:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], display_width(cell))
    out: list[float] = []
    for index, width in enumerate(widths):
        if index in table.symbols:
            out.append(SYMBOL_WIDTH)
        else:
            out.append(min(MAX_WIDTH, width + 2))
    return out


def header_height(table: Table, widths: Sequence[float]) -> float:
    """Points for the header row so that wrapped headers show whole (15 pt per line)."""
    lines = 1
    for header, width in zip(table.headers, widths, strict=True):
        # a bold full-width header fits about 1.3 of its width units per line
        lines = max(lines, math.ceil(display_width(header) / max(1.0, width * 1.3)))
    return 15.0 * min(lines, 10)


def write(path: str, tables: list[Table]) -> None:
    """Write ``tables`` as the sheets of one workbook at ``path``, atomically."""
    import xlsxwriter

    with atomic_target(path) as tmp:
        workbook = xlsxwriter.Workbook(
            tmp,
            {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False},
        )
        # a fixed creation date: the same input gives the same workbook
        workbook.set_properties({"created": datetime.datetime(2000, 1, 1)})
        formats = _formats(workbook)
        for table in tables:
            _sheet(workbook, table, formats)
        workbook.close()


def _formats(workbook: Any) -> dict[str, Any]:
    base = {"font_name": "Yu Gothic", "font_size": 10, "valign": "top"}
    formats = {
        "text": workbook.add_format(base),
        "wrap": workbook.add_format({**base, "text_wrap": True}),
        "note": workbook.add_format({**base, "bold": False}),
        "title": workbook.add_format({**base, "bold": True, "font_size": 14}),
        "notice": workbook.add_format({**base, "font_color": "#9A6700", "bold": True}),
        "header": workbook.add_format(
            {**base, "bold": True, "text_wrap": True, "bg_color": "#F6F8FA", "bottom": 1}
        ),
    }
    for status, (fill, font) in COLOURS.items():
        formats[status] = workbook.add_format(
            {**base, "align": "center", "bg_color": fill, "font_color": font, "bold": True}
        )
    return formats


def _sheet(workbook: Any, table: Table, formats: dict[str, Any]) -> None:
    sheet = workbook.add_worksheet(table.name)
    widths = column_widths(table)
    wrapped = {i for i, w in enumerate(widths) if w >= MAX_WIDTH}  # long cells wrap
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    top = 0
    for note, style in table.notes:
        sheet.write_string(top, 0, note, formats[style])
        top += 1
    if table.notes:
        top += 1  # a blank row between the notes and the table
    sheet.set_row(top, header_height(table, widths))
    for col, header in enumerate(table.headers):
        sheet.write_string(top, col, header, formats["header"])
    for offset, row in enumerate(table.rows, start=1):
        for col, cell in enumerate(row):
            if isinstance(cell, int):
                sheet.write_number(top + offset, col, cell, formats["text"])
            elif col in table.symbols and cell in STATUS_OF_SYMBOL:
                sheet.write_string(top + offset, col, cell, formats[STATUS_OF_SYMBOL[cell]])
            elif cell != "":
                style = "wrap" if col in wrapped else "text"
                sheet.write_string(top + offset, col, cell, formats[style])
    sheet.freeze_panes(top + 1, table.frozen_columns)
    # printing: A4 landscape, the header row (and the frozen columns) on every page
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.repeat_rows(top)
    if table.fit_width:
        sheet.fit_to_pages(1, 0)
    if table.frozen_columns:
        sheet.repeat_columns(0, table.frozen_columns - 1)
    sheet.autofilter(top, 0, top + max(1, len(table.rows)), len(table.headers) - 1)
