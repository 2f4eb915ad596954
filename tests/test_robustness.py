"""Whatever the input, dxcheck answers with a message and an exit code, never a traceback, and
never touches the input. Property tests (hypothesis, bounded examples) and hostile files."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli

pytestmark = pytest.mark.slow  # pytest -m "not slow" leaves it out (README)

ROOT = Path(__file__).resolve().parents[1]
REAL_PLAN = (ROOT / "plans" / "042030-shiogama.yaml").read_text(encoding="utf-8")
POSITION = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (error|warning|info)\[", re.M)
FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code, out, err = run_cli(capsys, *args)
    return code, out + err


def assert_answers(
    capsys: pytest.CaptureFixture[str], path: Path, commands: tuple[str, ...]
) -> None:
    """Every command exits 0/1/2, prints no traceback, names line:col for input problems and
    leaves the file as it was."""
    before = path.read_bytes()
    for command in commands:
        args = [command, str(path)]
        if command in ("check", "report"):
            args += ["--as-of", "2026-11-23"]
        code, out = run(capsys, *args)
        assert code in (0, 1, 2), (command, code, out)
        assert "Traceback" not in out and "内部エラー" not in out, out
        if code == 1 and command == "validate":
            errors = [m for m in POSITION.finditer(out) if m["path"] == str(path)]
            assert errors, out
            for match in errors:
                assert int(match["line"]) >= 1 and int(match["col"]) >= 1
    assert path.read_bytes() == before


@FAST
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(data)
    assert_answers(capsys, path, ("validate", "check"))


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.dates(),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=25,
)


@FAST
@given(document=documents)
def test_arbitrary_yaml_documents(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, document: object
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    assert_answers(capsys, path, ("validate", "check"))


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    """The real 塩竈市 plan with a few line-level edits a hurried planner might make."""
    lines = REAL_PLAN.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "insert", "cut"]))
        if edit == "delete":
            del lines[index]
        elif edit == "duplicate":
            lines.insert(index, lines[index])
        elif edit == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif edit == "indent":
            lines[index] = draw(st.sampled_from([" ", "  ", "\t", ""])) + lines[index].lstrip(" ")
        elif edit == "insert":
            text = draw(st.text(alphabet="：: -[]{}#&*!|>'\"%@`令和年度末０１元\t\x00", max_size=6))
            at = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:at] + text + lines[index][at:]
        elif edit == "cut":
            lines = lines[:index]
        if not lines:
            break
    return "".join(lines)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=mutated_plans())
def test_mutations_of_a_real_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    path = tmp_path / "042030-shiogama.yaml"
    path.write_text(text, encoding="utf-8")
    assert_answers(capsys, path, ("validate", "check", "report"))


# -- hostile files ------------------------------------------------------------------------


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    start = time.perf_counter()
    code, out = run(capsys, "validate", *args)
    assert time.perf_counter() - start < 60  # a sanity bound, not a benchmark
    assert "Traceback" not in out
    return code, out


def test_file_over_the_size_limit_is_refused_without_reading_it_all(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # a sparse 100 MB file
        handle.truncate(100 * 1024 * 1024)
    code, out = validate(capsys, str(path))
    assert code == 1 and "error[DX105]" in out and f"{path}:1:1" in out
    assert "ファイルが大きすぎます" in out


def test_ten_thousand_levels_of_nesting(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    code, out = validate(capsys, str(path))
    assert code == 1 and "error[DX105]" in out
    path.write_text("".join("  " * i + f"k{i}:\n" for i in range(2_000)), encoding="utf-8")
    code, out = validate(capsys, str(path))
    assert code == 1 and "error[DX105]" in out


def test_a_one_megabyte_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    text = REAL_PLAN.replace("title: 塩竈市DX推進ビジョン", "title: " + "あ" * 350_000, 1)
    path.write_text(text, encoding="utf-8")
    code, out = validate(capsys, str(path))
    assert code == 0, out


def test_nul_bytes_and_mixed_encodings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(REAL_PLAN.encode("utf-8").replace("塩竈市".encode(), b"\x00", 1))
    code, out = validate(capsys, str(nul))
    assert code == 1 and re.search(rf"{re.escape(str(nul))}:\d+:\d+: error\[DX10", out)
    mixed = tmp_path / "mixed.yaml"
    mixed.write_bytes(REAL_PLAN.encode("utf-8") + "# 追記\n".encode("cp932"))
    code, out = validate(capsys, str(mixed))
    assert code == 1 and "error[DX101]" in out and "バイト" in out


def test_symlinks_to_folders_and_loops(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.yaml").write_text(REAL_PLAN, encoding="utf-8")
    (plans / "link").symlink_to(plans, target_is_directory=True)  # a loop
    (tmp_path / "elsewhere").symlink_to(plans, target_is_directory=True)
    code, out = validate(capsys, str(plans))
    assert code == 0 and "1 ファイル" in out
    code, out = validate(capsys, str(tmp_path / "elsewhere"))
    assert code == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(REAL_PLAN, encoding="utf-8")
    path.chmod(0)
    code, out = validate(capsys, str(path))
    assert code == 2 and str(path) in out


def test_a_folder_of_two_thousand_plans(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    small = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
    for index in range(2_000):
        (folder / f"{index:05d}.yaml").write_text(small, encoding="utf-8")
    (folder / "broken.yaml").write_text("municipality: [\n", encoding="utf-8")
    code, out = validate(capsys, str(folder))
    assert code == 1
    assert "2001 ファイル: 有効 2000、無効 1" in out


def test_interrupted_report_leaves_no_file_and_exits_130(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    generate(tmp_path / "plans", 600)
    out = tmp_path / "report.md"
    proc = subprocess.Popen(
        [sys.executable, "-m", "dxcheck", "report", str(tmp_path / "plans"), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "中断しました" in err and "Traceback" not in err
    assert not out.exists()
    assert not list(tmp_path.glob(".dxcheck-*"))
