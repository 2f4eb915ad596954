"""`dxcheck report -f csv -o FOLDER`: the spreadsheet tables as CSV files.

UTF-8 with a byte-order mark, so Excel opens the files in Japanese without mojibake, and
CRLF line ends as Excel writes them. One file per table (matrix.csv, findings.csv,
deadlines.csv): a CSV file holds one table, and the matrix and the findings have different
columns. A text cell that a spreadsheet would take for a formula (starting with = + - @) gets
a leading apostrophe, as OWASP advises for CSV files opened in Excel ("CSV injection"): a plan
drafted from someone else's document must not run anything on the officer's machine.
"""

from __future__ import annotations

import csv
import os

from dxcheck.render.sheets import Cell, Table
from dxcheck.writer import atomic_target

FILES = {"matrix": "matrix.csv", "findings": "findings.csv", "deadlines": "deadlines.csv"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(cell: Cell) -> Cell:
    """A cell that a spreadsheet shows as text, never evaluates."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def write_table(path: str, table: Table) -> None:
    """One table as a CSV file at ``path`` (atomically)."""
    with (
        atomic_target(path) as tmp,
        open(tmp, "w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle, dialect="excel")
        writer.writerow(table.headers)
        writer.writerows([safe(cell) for cell in row] for row in table.rows)


def write(folder: str, tables: list[Table]) -> list[str]:
    """The tables named in :data:`FILES` into ``folder``; the paths written, in order."""
    written = []
    for table in tables:
        name = FILES.get(table.key)
        if name is None:
            continue  # the overview is the workbook's first sheet only
        path = os.path.join(folder, name)
        write_table(path, table)
        written.append(path)
    return written
