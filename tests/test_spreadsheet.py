"""`dxcheck report -f xlsx` and `-f csv` as a prefecture officer opens them.

The workbook is written with XlsxWriter and read back here with openpyxl (another library):
if openpyxl reads the same cells as `dxcheck check --format json` reports, the file opens and
says what the other outputs say.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli as run

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("xlsxwriter")

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-23"  # after the end of catalog 2.3's period: the notice is shown
SEVERITY_JA = {"error": "エラー", "warning": "警告", "info": "情報"}
SYMBOL = {"covered": "○", "partial": "△", "missing": "×"}
# the heat map's colours in templates/report.html.j2
FILL = {"covered": "DAFBE1", "partial": "FFF1C2", "missing": "FFEBE9"}


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, "check", "-f", "json", "--no-cache", *args)
    assert code in (0, 1), err
    return json.loads(out)  # type: ignore[no-any-return]


def sheet_rows(sheet: Any) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of a sheet's table (the rows below its frozen header)."""
    header_row = int("".join(ch for ch in sheet.freeze_panes if ch.isdigit())) - 1
    rows = [list(r) for r in sheet.iter_rows(min_row=header_row, values_only=True)]
    header, body = rows[0], rows[1:]
    return [str(h) for h in header], [r for r in body if any(c is not None for c in r)]


@pytest.fixture
def workbook(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Any:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.xlsx"
    code, _, err = run(capsys, "report", "plans", "-f", "xlsx", "-o", str(out), "--as-of", AS_OF)
    assert code == 0, err
    return openpyxl.load_workbook(out)


def test_workbook_has_the_four_sheets_with_frozen_headers_and_filters(workbook: Any) -> None:
    assert workbook.sheetnames == ["概要", "充足状況", "指摘事項", "期限超過"]
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes is not None, sheet.title
        assert sheet.auto_filter.ref, sheet.title
        header_row = int("".join(ch for ch in sheet.freeze_panes if ch.isdigit())) - 1
        assert sheet.auto_filter.ref.split(":")[0].endswith(str(header_row))
    # the matrix keeps prefecture, code and name in view when scrolling sideways
    assert workbook["充足状況"].freeze_panes == "D2"


def test_first_sheet_carries_the_catalog_notice_and_item_totals(workbook: Any) -> None:
    first = workbook.worksheets[0]
    notes = [c.value for c in first["A"] if isinstance(c.value, str)]
    assert any("第2.3版 の対象期間は" in n and "終了しています" in n for n in notes)
    assert any(n.startswith("基準日: 2026-11-23") for n in notes)
    header, rows = sheet_rows(first)
    assert header == ["項目ID", "国の項目", "○ 充足", "△ 一部", "× 記載なし"]
    for row in rows:  # five plans: every item is counted five times
        assert row[2] + row[3] + row[4] == 5


def test_findings_sheet_has_the_same_cells_as_the_json_output(
    capsys: pytest.CaptureFixture[str], workbook: Any
) -> None:
    data = check_json(capsys, "plans", "--as-of", AS_OF)
    expected = [
        [
            plan["code"],
            plan["municipality"],
            f["path"],
            f["line"],
            f["column"],
            f["rule"],
            SEVERITY_JA[f["severity"]],
            f["national_item"],
            f["message"],
        ]
        for plan in sorted(data["plans"], key=lambda p: p["code"])
        for f in plan["findings"]
    ]
    header, rows = sheet_rows(workbook["指摘事項"])
    assert header[:9] == [
        "団体コード",
        "団体",
        "ファイル",
        "行",
        "列",
        "ルール",
        "重大度",
        "国の項目",
        "メッセージ",
    ]
    assert [r[:9] for r in rows] == expected
    assert len(rows) > 50
    # the quote is the plan's own line the finding points at
    text = (ROOT / rows[0][2]).read_text(encoding="utf-8").splitlines()
    assert rows[0][9] == text[rows[0][3] - 1].strip()


def test_matrix_sheet_has_the_json_coverage_in_heat_map_colours(
    capsys: pytest.CaptureFixture[str], workbook: Any
) -> None:
    data = check_json(capsys, "plans", "--as-of", AS_OF)
    by_code = {p["code"]: p for p in data["plans"]}
    sheet = workbook["充足状況"]
    header, rows = sheet_rows(sheet)
    assert [r[1] for r in rows] == sorted(by_code)  # --sort code
    first_item = header.index("自治体フロントヤード改革の推進")
    items = list(next(iter(by_code.values()))["coverage"])
    for offset, row in enumerate(rows):
        plan = by_code[row[1]]
        assert row[2] == plan["municipality"]
        assert row[header.index("文書")] == plan["document"]
        symbols = row[first_item : first_item + len(items)]
        assert symbols == [SYMBOL[plan["coverage"][i]] for i in items]
        statuses = list(plan["coverage"].values())
        assert row[header.index("○ 充足")] == statuses.count("covered")
        assert row[header.index("× 記載なし")] == statuses.count("missing")
        errors = sum(f["severity"] == "error" for f in plan["findings"])
        assert row[header.index("エラー数")] == errors
        for index, item in enumerate(items):
            cell = sheet.cell(row=offset + 2, column=first_item + index + 1)
            assert cell.fill.fgColor.rgb[-6:] == FILL[plan["coverage"][item]]
    # 塩竈市's period (令和5〜7年度) ended before the as-of date, and the sheet says so
    shiogama = next(r for r in rows if r[1] == "042030")
    assert shiogama[header.index("基準日時点")] == "計画期間終了"
    assert "令和5年度" in shiogama[header.index("計画期間")]


def test_deadlines_sheet_lists_only_dates_before_the_as_of_date(workbook: Any) -> None:
    header, rows = sheet_rows(workbook["期限超過"])
    assert header[:5] == ["団体コード", "団体", "日付", "種別", "内容"]
    assert rows
    assert all(r[2] < AS_OF for r in rows)
    assert [r[2] for r in rows] == sorted(r[2] for r in rows)


def test_japanese_columns_are_wider_than_their_character_count(workbook: Any) -> None:
    from dxcheck.render.sheets import display_width

    assert display_width("塩竈市") == 6
    assert display_width("ABC") == 3
    from openpyxl.utils import get_column_letter

    sheet = workbook["充足状況"]
    header, _ = sheet_rows(sheet)

    def letter(name: str) -> str:
        return str(get_column_letter(header.index(name) + 1))

    # 団体: 東松島市 is 4 characters, 8 columns wide; the column fits it
    assert sheet.column_dimensions[letter("団体")].width >= 8
    # 基準日時点: 計画期間終了 is 6 characters, 12 columns wide
    assert sheet.column_dimensions[letter("基準日時点")].width >= 12
    # 文書: the longest title is full-width, about twice its length, up to a cap beyond
    # which the cell wraps
    doc = letter("文書")
    longest = max(len(str(c.value)) for c in sheet[doc] if c.value)
    assert sheet.column_dimensions[doc].width >= min(60, 1.8 * longest)
    assert sheet[f"{doc}2"].alignment.wrap_text


def test_no_notice_while_the_catalog_is_in_force(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "r.xlsx"
    code, _, err = run(
        capsys, "report", "plans", "-f", "xlsx", "-o", str(out), "--as-of", "2025-06-01"
    )
    assert code == 0, err
    notes = [c.value for c in openpyxl.load_workbook(out).worksheets[0]["A"] if c.value]
    assert not any("終了しています" in str(n) for n in notes)


def test_english_workbook(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "r.xlsx"
    code, _, err = run(
        capsys, "--lang", "en", "report", "plans", "-f", "xlsx", "-o", str(out), "--as-of", AS_OF
    )
    assert code == 0, err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Overview", "Coverage", "Findings", "Deadlines passed"]
    _, rows = sheet_rows(book["Findings"])
    assert {r[6] for r in rows} <= {"error", "warning", "info"}


def test_csv_files_have_a_bom_and_the_same_cells_as_the_json_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "csv"
    code, _, err = run(capsys, "report", "plans", "-f", "csv", "-o", str(out), "--as-of", AS_OF)
    assert code == 0, err
    assert sorted(os.listdir(out)) == ["deadlines.csv", "findings.csv", "matrix.csv"]
    raw = (out / "findings.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel opens it in Japanese
    assert b"\r\n" in raw
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    data = check_json(capsys, "plans", "--as-of", AS_OF)
    expected = [
        [f["rule"], str(f["line"]), f["message"]]
        for plan in sorted(data["plans"], key=lambda p: p["code"])
        for f in plan["findings"]
    ]
    assert rows[0][0] == "団体コード"
    assert [[r[5], r[3], r[8]] for r in rows[1:]] == expected
    with open(out / "matrix.csv", encoding="utf-8-sig", newline="") as handle:
        matrix = list(csv.reader(handle))
    assert [r[1] for r in matrix[1:]] == sorted(p["code"] for p in data["plans"])
    assert "自治体フロントヤード改革の推進" in matrix[0]


def test_sort_gaps_puts_the_plans_with_most_gaps_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "csv"
    code, _, err = run(
        capsys, "report", "plans", "-f", "csv", "-o", str(out), "--sort", "gaps", "--as-of", AS_OF
    )
    assert code == 0, err
    with open(out / "matrix.csv", encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    partial, missing = header.index("△ 一部"), header.index("× 記載なし")
    gaps = [2 * int(r[missing]) + int(r[partial]) for r in rows]
    assert gaps == sorted(gaps, reverse=True)
    assert len(set(gaps)) > 1


def test_a_cell_that_looks_like_a_formula_stays_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_text: str
) -> None:
    plan = tmp_path / "plan.yaml"
    title = "=HYPERLINK(1)"
    text = minimal_text.replace("title: ", f"title: '{title}'  # ", 1)
    plan.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "report", str(plan), "-f", "csv", "-o", str(tmp_path / "c"))
    assert code == 0, err
    with open(tmp_path / "c" / "matrix.csv", encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert row[header.index("文書")] == "'" + title
    code, _, err = run(capsys, "report", str(plan), "-f", "xlsx", "-o", str(tmp_path / "r.xlsx"))
    assert code == 0, err
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["充足状況"]
    cell = sheet.cell(row=2, column=header.index("文書") + 1)
    assert (cell.value, cell.data_type) == (title, "s")


def test_an_invalid_plan_is_a_row_of_its_own_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minimal_text: str
) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(minimal_text, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("municipality: {}\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    code, _, _ = run(capsys, "report", str(good), str(bad), "-f", "xlsx", "-o", str(out))
    assert code == 1
    header, rows = sheet_rows(openpyxl.load_workbook(out)["充足状況"])
    assert rows[-1][2] == str(bad)
    assert rows[-1][header.index("状態")] == "無効"
    _, findings = sheet_rows(openpyxl.load_workbook(out)["指摘事項"])
    assert any(r[2] == str(bad) for r in findings)


@pytest.mark.parametrize(
    ("fmt", "out", "says"),
    [
        ("xlsx", None, "-o ファイル名.xlsx"),
        ("csv", None, "-o フォルダ"),
        ("csv", "out.csv", "フォルダを指定してください"),
    ],
)
def test_output_that_does_not_fit_the_format_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fmt: str,
    out: str | None,
    says: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["report", str(ROOT / "plans"), "-f", fmt] + (["-o", out] if out else [])
    code, stdout, err = run(capsys, *args)
    assert code == 2
    assert says in err
    assert stdout == ""
    assert os.listdir(tmp_path) == []


def test_missing_extra_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # as if not installed
    out = tmp_path / "r.xlsx"
    code, _, err = run(capsys, "report", str(ROOT / "plans"), "-f", "xlsx", "-o", str(out))
    assert code == 2
    assert "pip install 'dxcheck[xlsx]'" in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_a_failed_write_leaves_the_old_workbook_and_no_temporary_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dxcheck.render import xlsx

    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old")

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(xlsx, "_sheet", broken)
    code, _, err = run(capsys, "report", str(ROOT / "plans"), "-f", "xlsx", "-o", str(out))
    assert code == 2
    assert "No space left on device" in err
    assert out.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["r.xlsx"]


def test_same_input_gives_the_same_workbook(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    paths = [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    for path in paths:
        code, _, err = run(
            capsys, "report", "plans", "-f", "xlsx", "-o", str(path), "--as-of", AS_OF
        )
        assert code == 0, err
    assert paths[0].read_bytes() == paths[1].read_bytes()
