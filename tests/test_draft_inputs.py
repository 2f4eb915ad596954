"""Documents as they come (issue 18): web pages, partly scanned PDFs, bad downloads and
hostile files, each read or refused in bounded time and memory.

Bad input: exit 2 with one line naming the file, nothing written. Odd input: a draft that
validates, with its warnings on stderr and in the draft's header. Inputs that used to take
minutes or block run in a subprocess with a generous time limit: a hang guard, not a speed
target (the speed is measured by benchmarks/hostile_inputs.py)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import run_cli
from draft_docs import (
    bomb_pdf,
    make_docx,
    make_pdf,
    make_scanned_pdf,
    make_vertical_pdf,
    nested_docx,
)
from dxcheck.draft import draft_document
from dxcheck.draft.errors import DraftError
from dxcheck.draft.extract import extract, sniff
from dxcheck.draft.lexicon import normalise
from dxcheck.paths import show_path
from dxcheck.validate import validate_bytes

PLAN = """# 松島町DX推進計画
令和7年3月
松島町
# 第1章 計画の概要
本計画の計画期間は、令和7年度から令和11年度までとする。本町は住民サービスの向上のためDXを推進する。
# 第2章 取組
(1) 自治体情報システムの標準化
基幹業務システムを標準準拠システムへ移行し、ガバメントクラウドを活用する。
# 第3章 推進体制
副町長をCIOとする。
"""
HANG_GUARD = 120  # seconds: the inputs below took 58 s to forever before issue 18
DXCHECK = [sys.executable, "-m", "dxcheck"]


def cli(
    *args: str, cwd: Path | None = None, limit_memory: bool = False
) -> subprocess.CompletedProcess[bytes]:
    def cap() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [*DXCHECK, *args],
        capture_output=True,
        timeout=HANG_GUARD,
        cwd=cwd,
        preexec_fn=cap if limit_memory else None,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def valid_draft(path: Path) -> dict[str, object]:
    text = path.read_text("utf-8")
    result = validate_bytes(text.encode("utf-8"), path.name)
    assert result.valid, [d.message_ja for d in result.diagnostics]
    plan = yaml.safe_load(text)
    assert isinstance(plan, dict)
    return plan


def refused(done: subprocess.CompletedProcess[bytes], name: str, out: Path) -> str:
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert len(err.strip().splitlines()) == 1 and name in err, err
    assert not out.exists()
    return err


# 1. Every regex on document text is linear in its input.

OLD_SPACES = re.compile(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+")


@given(st.text(alphabet=" \t\u3000\nabあ1Ｂ", max_size=30))
def test_normalise_drops_spaces_next_to_japanese_as_before(text: str) -> None:
    import unicodedata

    old = unicodedata.normalize("NFKC", text).lower()
    assert normalise(text) == re.sub(r"\s+", " ", OLD_SPACES.sub("", old)).strip()


@pytest.mark.parametrize(
    ("fmt", "run"),
    [("txt", " "), ("txt", "・"), ("txt", "…"), ("txt", "\t"), ("docx", " "), ("docx", "・")],
)
def test_a_line_of_sixty_thousand_of_one_character_drafts(
    tmp_path: Path, fmt: str, run: str
) -> None:
    line = "x" + run * 60_000 + "x"
    text = PLAN + line + "\n"
    source = tmp_path / f"plan.{fmt}"
    source.write_bytes(make_docx(text) if fmt == "docx" else text.encode("utf-8"))
    done = cli("draft", str(source), "-o", str(tmp_path / "out.yaml"))
    assert done.returncode == 0, done.stderr.decode()
    valid_draft(tmp_path / "out.yaml")


# 2. Word tables nested 33,333 deep: read linearly, to a bounded depth.


def test_tables_nested_33333_deep_draft(tmp_path: Path) -> None:
    source = tmp_path / "nested.docx"
    source.write_bytes(nested_docx(PLAN, 33_333))
    done = cli("draft", str(source), "-o", str(tmp_path / "out.yaml"))
    assert done.returncode == 0, done.stderr.decode()
    valid_draft(tmp_path / "out.yaml")


def test_nested_tables_give_their_rows_to_a_depth_then_their_text() -> None:
    lines = [line.text for line in extract(nested_docx(PLAN, 6), "nested.docx").lines]
    # one row per table, outermost first; deeper than MAX_TABLE_DEPTH (4): the cell's text
    assert lines[:4] == ["表0", "表1", "表2", "表3 表4 表5"]


# 3. A named pipe (or anything not a regular file) is refused at once.


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
@pytest.mark.parametrize("command", ["draft", "validate"])
def test_a_named_pipe_without_a_writer_is_refused(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "plan.pdf"
    os.mkfifo(fifo)
    args = [command, str(fifo)] + (["-o", str(tmp_path / "out.yaml")] if command == "draft" else [])
    done = cli(*args)
    err = done.stderr.decode() + done.stdout.decode()
    assert done.returncode == 2
    assert "通常のファイルではありません" in err and "plan.pdf" in err
    assert not (tmp_path / "out.yaml").exists()


# 4. Pages without a text layer are named, on stderr and in the header.


def test_scanned_pages_are_named_and_the_draft_says_what_it_misses(tmp_path: Path) -> None:
    source = tmp_path / "mixed.pdf"
    source.write_bytes(make_scanned_pdf(PLAN, {3, 4}))
    done = cli("draft", str(source), "-o", str(tmp_path / "out.yaml"))
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "p.3–4（2/4 ページ）はテキスト層が無い画像です" in err and "--ocr" in err
    plan = valid_draft(tmp_path / "out.yaml")
    header = (tmp_path / "out.yaml").read_text("utf-8").split("\nmunicipality:")[0]
    assert "p.3–4（2/4 ページ）" in header and "下書きにありません" in header
    assert plan["period"]["end"] == "令和11年度"  # page 2 has its text layer


def test_an_all_scanned_pdf_is_refused_with_the_way_to_read_it(tmp_path: Path) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(make_scanned_pdf(PLAN))
    err = refused(
        cli("draft", str(source), "-o", str(tmp_path / "o.yaml")), "scan.pdf", tmp_path / "o.yaml"
    )
    assert "テキスト層がありません" in err and "--ocr" in err


# 5. HTML is recognised whatever the name.

PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="{charset}"><title>松島町DX推進計画 | 松島町</title>
<style>p {{ color: red }}</style><script>document.write("スクリプトの文")</script></head>
<body><header><nav><ul><li><a href="/">ホーム</a></li><li>くらし・手続き</li></ul></nav></header>
<div id="tmp_contents">
<h1>松島町DX推進計画</h1>
<p>令和7年3月<br>松島町</p>
<h2>第1章 計画の概要</h2>
<p>本計画の計画期間は、
令和7年度から令和11年度までとする。</p>
<h2>第2章 取組</h2>
<h3>(1) 自治体情報システムの標準化</h3>
<p>基幹業務システムを標準準拠システムへ移行し、ガバメントクラウドを活用する。</p>
<ul><li>書かない窓口を実施する。</li><li>オンライン申請を推進する。</li></ul>
<table><tr><th>成果指標</th><th>現状値</th><th>目標値</th></tr>
<tr><td>オンライン申請件数</td><td>1,200件</td><td>5,000件</td></tr></table>
<h2>第3章 推進体制</h2><p>副町長をCIOとする。</p>
</div>
<footer>Copyright 松島町</footer></body></html>
"""


@pytest.mark.parametrize(
    ("name", "charset", "codec"),
    [
        ("plan.html", "utf-8", "utf-8"),
        ("plan.htm", "Shift_JIS", "cp932"),
        ("plan", "EUC-JP", "euc_jp"),
    ],
)
def test_a_web_page_gives_its_main_text(name: str, charset: str, codec: str) -> None:
    doc = extract(PAGE.format(charset=charset).encode(codec), name)
    lines = [line.text for line in doc.lines]
    assert doc.kind == "html"
    assert lines[:3] == ["# 松島町DX推進計画", "令和7年3月", "松島町"]
    assert "## 第1章 計画の概要" in lines
    assert "本計画の計画期間は、令和7年度から令和11年度までとする。" in lines
    assert "書かない窓口を実施する。" in lines
    assert "オンライン申請件数\t1,200件\t5,000件" in lines
    text = "\n".join(lines)
    assert "ホーム" not in text and "スクリプト" not in text and "color" not in text
    assert "Copyright" not in text


def test_a_web_page_saved_as_pdf_drafts_as_html_with_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "plan.pdf"
    source.write_bytes(PAGE.format(charset="Shift_JIS").encode("cp932"))
    done = cli("draft", str(source), "-o", str(tmp_path / "out.yaml"))
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "名前は .pdf ですが、中身は html です" in err
    plan = valid_draft(tmp_path / "out.yaml")
    assert plan["municipality"]["code"] == "044016"  # type: ignore[index]
    assert plan["period"]["end"] == "令和11年度"  # type: ignore[index]


def test_an_error_page_saved_as_pdf_is_refused(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>ページが見つかりません｜松島町"
        "</title></head><body><h1>お探しのページは見つかりませんでした</h1><p>404 Not Found</p>"
        "<p>松島町役場</p></body></html>"
    )
    source = tmp_path / "計画.pdf"
    source.write_bytes(page.encode())
    err = refused(
        cli("draft", str(source), "-o", str(tmp_path / "o.yaml")), "計画.pdf", tmp_path / "o.yaml"
    )
    assert "エラーページ" in err


def test_hostile_markup_reads_in_one_pass() -> None:
    for hostile in ("<div>" * 100_000, "<!--" * 100_000, "<a " * 100_000, "<?" * 100_000):
        data = ("<html><body><p>松島町DX推進計画</p>" + hostile).encode()
        with contextlib.suppress(DraftError):  # read or refused, in one pass either way
            extract(data, "page.html")


# 6. An HTTP response header before %PDF.


def test_a_pdf_after_an_http_header_is_read_with_a_warning(tmp_path: Path) -> None:
    header = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 99\r\n\r\n"
    source = tmp_path / "plan.pdf"
    source.write_bytes(header + make_pdf(PLAN, "計画"))
    assert sniff(source.read_bytes()) == "pdf"
    done = cli("draft", str(source), "-o", str(tmp_path / "out.yaml"))
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert f"PDF の前に {len(header)} バイトの別のデータがあります" in err
    plan = valid_draft(tmp_path / "out.yaml")
    assert plan["municipality"]["code"] == "044016"  # type: ignore[index]


# 7. A decompression bomb fails with a message, not a signal, under 1 GiB.


def test_a_decompression_bomb_is_refused_under_a_memory_limit(tmp_path: Path) -> None:
    source = tmp_path / "bomb.pdf"
    source.write_bytes(bomb_pdf(PLAN, 900))
    assert source.stat().st_size < 1_100_000
    done = cli("draft", str(source), "-o", str(tmp_path / "o.yaml"), limit_memory=True)
    err = refused(done, "bomb.pdf", tmp_path / "o.yaml")
    assert "展開すると大きすぎます" in err


def test_twice_compressed_streams_are_measured_layer_by_layer() -> None:
    from dxcheck.draft.pdfscan import check_streams

    once = zlib.compress(b"\0" * (80 << 20), 9)
    twice = zlib.compress(once, 9)
    data = b"%PDF-1.4\n1 0 obj\n<< /Filter [/FlateDecode /FlateDecode] >>\nstream\n" + twice
    with pytest.raises(DraftError, match="展開すると大きすぎます"):
        check_streams(data + b"\nendstream\nendobj\n", "double.pdf")


# 8. and 9. File names: Shift_JIS bytes and control characters.


@pytest.mark.skipif(sys.platform == "win32", reason="names are bytes on POSIX only")
def test_names_in_shift_jis_and_with_control_characters_are_shown_safely(tmp_path: Path) -> None:
    sjis = os.fsdecode("松島町計画".encode("cp932") + b".txt")
    evil = "evil\x1b[2J\n.txt"
    for name, shown in ((sjis, "松島町計画.txt"), (evil, "evil\\x1b[2J\\n.txt")):
        (tmp_path / name).write_text(PLAN, "utf-8")
        plan_name = name[:-4] + ".yaml"
        done = cli("draft", name, "-o", plan_name, cwd=tmp_path)
        err = done.stderr.decode("utf-8")
        assert done.returncode == 0, err
        assert shown[:-4] + ".yaml" in err and "\x1b" not in err
        for command in (["validate", plan_name], ["check", plan_name, "--as-of", "2026-11-23"]):
            done = cli(*command, cwd=tmp_path)
            both = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
            assert done.returncode in (0, 1), both
            assert "\x1b" not in both and "internal error" not in both
            if command[0] == "check":  # its findings (DRF001) name the file
                assert shown[:-4] + ".yaml:" in both


def test_show_path_leaves_ordinary_names_alone() -> None:
    assert show_path("plans/044016-松島町 計画.yaml") == "plans/044016-松島町 計画.yaml"
    assert show_path("a\u202eb\tc\rd") == "a\\u202eb\\tc\\rd"
    assert show_path(os.fsdecode(b"\xff\xfe.pdf")) == "\\xff\\xfe.pdf"


def test_report_names_a_file_with_control_characters_safely(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plans = Path(__file__).parent.parent / "plans"
    source = tmp_path / "evil\x1b]0;x\x07.yaml"
    shutil.copy(next(iter(sorted(plans.glob("*.yaml")))), source)
    code, out, err = run_cli(capsys, "report", str(source), "-o", str(tmp_path / "r.html"))
    assert code in (0, 1), err
    assert "\x1b" not in out + err and "\x07" not in out + err
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "\x1b" not in html and "\x07" not in html


# 10. Vertical writing.


def test_a_vertical_page_is_read_right_to_left_and_said_to_be_vertical() -> None:
    columns = [
        "松島町ＤＸ推進計画",
        "令和七年三月",
        "第一章計画の概要",
        "本計画の計画期間は、令和七年度から令和十一年度までとする。",
        "本町は住民サービスの向上のためＤＸを推進する。",
    ]
    drafted = draft_document(make_vertical_pdf(columns), "tate.pdf")
    doc = extract(make_vertical_pdf(columns), "tate.pdf")
    texts = [line.text.lstrip("# ") for line in doc.lines if line.text]
    assert texts[:5] == columns
    assert any("縦書き" in note.ja for note in drafted.notes)
    assert "縦書き" in drafted.text.split("\nmunicipality:")[0]
    plan = yaml.safe_load(drafted.text)
    assert plan["document"]["title"] == "松島町ＤＸ推進計画"


# OCR (Tesseract with its Japanese data; skipped where it is not installed).

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed"
)


@needs_tesseract
def test_ocr_reads_scanned_pages_and_every_entry_from_them_says_so(tmp_path: Path) -> None:
    from dxcheck.draft.ocr import tesseract

    if tesseract() is None:
        pytest.skip("tesseract has no Japanese data (tesseract-ocr-jpn)")
    source = tmp_path / "mixed.pdf"
    source.write_bytes(make_scanned_pdf(PLAN, {2}, dpi=200, angle=0.4))
    done = cli("draft", str(source), "--ocr", "-o", str(tmp_path / "out.yaml"))
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "p.2（1/4 ページ）はテキスト層が無く、OCR（Tesseract）で読みました" in err
    plan = valid_draft(tmp_path / "out.yaml")
    period = plan["period"]
    assert period["end"] == "令和11年度"  # type: ignore[index]
    assert "OCR" in period["cite"]["draft"]  # type: ignore[index]
    assert "OCR" not in plan["document"]["cite"]["draft"]  # type: ignore[index]  # page 1


def test_ocr_without_tesseract_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    source = tmp_path / "mixed.pdf"
    source.write_bytes(make_scanned_pdf(PLAN, {3}))
    code, _out, err = run_cli(capsys, "draft", str(source), "--ocr", "-o", str(tmp_path / "o.yaml"))
    assert code == 2
    assert "apt-get install tesseract-ocr tesseract-ocr-jpn" in err
    assert not (tmp_path / "o.yaml").exists()


def test_ocr_words_become_lines_with_cells_and_wraps_as_the_text_layer_gives() -> None:
    from dxcheck.draft.ocr import tsv_lines

    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        # line 1: Japanese split into pieces (no space), runs to the right margin
        (1, 1, 1, 100, 40, 200, "本計画の"),
        (1, 1, 2, 305, 40, 300, "計画期間は、令和"),
        # line 2: a number, a real gap, a title; ends short
        (1, 2, 1, 100, 40, 20, "5"),
        (1, 2, 2, 150, 40, 200, "計画の期間"),
        # line 3: table cells far apart
        (2, 1, 1, 100, 40, 120, "指標"),
        (2, 1, 2, 400, 40, 120, "現状値"),
    ]
    tsv = "\n".join(
        [head]
        + [
            f"5\t1\t{block}\t1\t{line}\t{word}\t{left}\t0\t{width}\t{height}\t90\t{text}"
            for block, line, word, left, height, width, text in rows
        ]
    )
    assert tsv_lines(tsv, scale=300 / 72) == [
        ("本計画の計画期間は、令和", True, 9.6),
        ("5 計画の期間", False, 9.6),
        ("指標\t現状値", False, 9.6),
    ]
