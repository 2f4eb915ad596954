"""`dxcheck report -f xlsx / -f csv` at national scale, and the choice of the xlsx writer.

    python benchmarks/generate.py /tmp/plans1788
    python benchmarks/spreadsheet.py /tmp/plans1788            # both parts
    python benchmarks/spreadsheet.py /tmp/plans1788 --writers  # only the writer comparison

1. The writers: the same tables (the 1,788 plans' matrix, findings and deadlines, made once by
   dxcheck) written by XlsxWriter (constant-memory mode, as dxcheck does, and its default mode)
   and by openpyxl (write-only mode, and its default mode), each in its own process: seconds to
   write, and the peak memory the writing added (VmHWM minus VmRSS once the tables are loaded).
   Every variant writes the same cells, frozen header, filter, widths and ○/△/× fills.
2. The commands: `report -f xlsx -o FILE`, `report -f csv -o DIR` and, beside them,
   `report -f html -o DIR` on the same plans: wall and CPU time, peak memory of all processes
   (PSS summed, sampled every 20 ms), size of the output.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

WRITERS = ("xlsxwriter-constant", "xlsxwriter-default", "openpyxl-write-only", "openpyxl-default")


def _status(field: str) -> float:
    """A VmRSS / VmHWM figure of this process, in MB."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def make_tables(folder: Path, out: Path) -> None:
    """Check every plan once (all cores) and pickle the tables dxcheck would write."""
    from dxcheck.commands import spreadsheet
    from dxcheck.render import xlsx

    captured: list[Any] = []

    def keep(path: str, tables: list[Any]) -> None:
        captured.extend(tables)

    xlsx.write = keep  # type: ignore[assignment]
    from dxcheck.options import Options

    code = spreadsheet.run(
        Options([str(folder)], as_of="2026-11-23", quiet=True), "xlsx", str(out) + ".x", "code"
    )
    if code not in (0, 1):
        sys.exit(f"dxcheck report failed with exit code {code}")
    out.write_bytes(pickle.dumps(captured))


def write_openpyxl(path: str, tables: list[Any], write_only: bool) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from dxcheck.render.sheets import COLOURS, STATUS_OF_SYMBOL
    from dxcheck.render.xlsx import column_widths

    book = openpyxl.Workbook(write_only=write_only)
    if not write_only:
        book.remove(book.active)
    fills = {
        s: (PatternFill("solid", fgColor=f[1:]), Font(color=c[1:], bold=True))
        for s, (f, c) in COLOURS.items()
    }
    header_font, wrap = Font(bold=True), Alignment(wrap_text=True)
    for table in tables:
        sheet = book.create_sheet(table.name)
        for index, width in enumerate(column_widths(table), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        top = len(table.notes) + (1 if table.notes else 0) + 1
        sheet.freeze_panes = f"{get_column_letter(table.frozen_columns + 1)}{top + 1}"
        last = get_column_letter(len(table.headers))
        sheet.auto_filter.ref = f"A{top}:{last}{top + max(1, len(table.rows))}"

        def cell(
            value: Any, status: str | None = None, header: bool = False, sheet: Any = sheet
        ) -> Any:
            c = WriteOnlyCell(sheet, value=value) if write_only else value
            if write_only and status:
                c.fill, c.font = fills[status]
            elif write_only and header:
                c.font, c.alignment = header_font, wrap
            return c

        def rows(table: Any = table) -> Any:  # one row at a time, as write-only mode wants
            for note, _ in table.notes:
                yield [cell(note)]
            if table.notes:
                yield []
            yield [cell(h, header=True) for h in table.headers]
            for row in table.rows:
                yield [
                    cell(v, STATUS_OF_SYMBOL.get(v) if i in table.symbols else None)  # type: ignore[arg-type]
                    for i, v in enumerate(row)
                ]

        for index, row in enumerate(rows(), start=1):
            sheet.append(row)
            if not write_only:
                for col, value in enumerate(row):
                    status = STATUS_OF_SYMBOL.get(value) if col in table.symbols else None
                    if status and index > top:
                        target = sheet.cell(row=index, column=col + 1)
                        target.fill, target.font = fills[status]
    book.save(path)


def write_one(writer: str, tables_file: Path, out: Path) -> None:
    """In a child process: load the tables, write them with ``writer``, print the figures."""
    tables = pickle.loads(tables_file.read_bytes())
    try:  # reset the peak to now: unpickling's own peak is not the writer's
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        pass
    before = _status("VmRSS")
    start = time.perf_counter()
    if writer.startswith("xlsxwriter"):
        import xlsxwriter

        from dxcheck.render import xlsx

        if writer == "xlsxwriter-default":
            original = xlsxwriter.Workbook

            class Default(original):  # type: ignore[misc, valid-type]
                def __init__(self, name: str, options: dict[str, Any]) -> None:
                    super().__init__(name, {**options, "constant_memory": False})

            xlsxwriter.Workbook = Default
        xlsx.write(str(out), tables)
    else:
        write_openpyxl(str(out), tables, writer == "openpyxl-write-only")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "added_mb": _status("VmHWM") - before}))


def compare_writers(tables_file: Path, work: Path, repeat: int) -> None:
    import statistics
    from importlib.metadata import version

    print(
        f"writers: XlsxWriter {version('XlsxWriter')} (BSD-2-Clause), "
        f"openpyxl {version('openpyxl')} (MIT)"
    )
    tables = pickle.loads(tables_file.read_bytes())
    rows = sum(len(t.rows) for t in tables)
    print(f"tables: {len(tables)} sheets, {rows:,} rows; median of {repeat} interleaved runs")
    figures: dict[str, list[dict[str, float]]] = {w: [] for w in WRITERS}
    for _ in range(repeat):  # interleaved: drift in the machine's load hits all alike
        for writer in WRITERS:
            out = work / f"{writer}.xlsx"
            result = subprocess.run(
                [sys.executable, __file__, "--write", writer, str(tables_file), str(out)],
                capture_output=True,
                text=True,
                check=True,
            )
            figures[writer].append(json.loads(result.stdout.strip().splitlines()[-1]))
    for writer in WRITERS:
        seconds = statistics.median(f["seconds"] for f in figures[writer])
        added = max(f["added_mb"] for f in figures[writer])
        size = (work / f"{writer}.xlsx").stat().st_size / 1e6
        print(f"  {writer:<22} {seconds:6.2f} s   +{added:6.1f} MB peak   {size:5.2f} MB file")


def compare_commands(folder: Path, work: Path) -> None:
    from bench import run_once

    dxcheck = str(Path(sys.executable).with_name("dxcheck"))
    env = {**os.environ, "DXCHECK_CACHE_DIR": str(work / "cache")}
    runs = [
        ("report -f xlsx -o FILE", ["-f", "xlsx", "-o", str(work / "r.xlsx")], work / "r.xlsx"),
        ("report -f csv -o DIR", ["-f", "csv", "-o", str(work / "csv")], work / "csv"),
        ("report -f html -o DIR", ["-f", "html", "-o", str(work / "html")], work / "html"),
    ]
    for label, args, target in runs:
        cmd = [dxcheck, "report", str(folder), "--as-of", "2026-11-23", "-q", *args]
        run = run_once(cmd, sample=True, env=env)
        size = (
            sum(p.stat().st_size for p in target.iterdir())
            if target.is_dir()
            else target.stat().st_size
        )
        print(
            f"  {label:<24} {run.wall:6.2f} s  cpu {run.cpu:6.2f} s  peak PSS {run.pss:6.1f} MB"
            f"  max rss {run.rss:6.1f} MB  exit {run.code}  output {size / 1e6:6.2f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--writers", action="store_true", help="only compare the writers")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each writer [3]")
    parser.add_argument("--write", nargs=3, metavar=("WRITER", "TABLES", "OUT"), help="internal")
    args = parser.parse_args()
    if args.write:
        write_one(args.write[0], Path(args.write[1]), Path(args.write[2]))
        return
    if args.folder is None:
        parser.error("give the folder of plans (benchmarks/generate.py makes 1,788)")
    plans = len(list(args.folder.rglob("*.y*ml")))
    print(f"corpus: {plans} plans in {args.folder.name}; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        tables_file = work / "tables.pickle"
        make_tables(args.folder, tables_file)
        print("1. the writers (same tables, each in its own process)")
        compare_writers(tables_file, work, args.repeat)
        if not args.writers:
            print("2. the commands (all cores)")
            compare_commands(args.folder, work)


if __name__ == "__main__":
    main()
