"""What a planner meets in the first hour with `dxcheck check` and `--help`: output that can be
narrowed to what matters, a caveat said once, and help in the words of the command line."""

from __future__ import annotations

import json
import re

import pytest

from conftest import PLANS, run_cli

AS_OF = "2026-11-23"


def finding_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if re.search(r"\.yaml:\d+:\d+: \w+\[", line)]


@pytest.mark.parametrize("jobs", ["1", "2"])  # one process, and the workers' path
def test_min_severity_hides_findings_below_it_but_counts_them(
    capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    args = ("check", "--as-of", AS_OF, "--no-cache", "--jobs", jobs, str(PLANS))
    code_all, everything, _ = run_cli(capsys, *args)
    code, narrowed, _ = run_cli(capsys, *args, "--min-severity", "warning")
    assert code == code_all  # the exit code still counts every finding
    shown = finding_lines(narrowed)
    assert shown and not any(": info[" in line for line in shown)
    info = sum(": info[" in line for line in finding_lines(everything))
    assert len(shown) == len(finding_lines(everything)) - info
    assert f"表示していない指摘（--min-severity）: 情報 {info} 件" in narrowed
    summary = [line for line in narrowed.splitlines() if line.startswith("計画 ")]
    assert summary and f"情報 {info} 件" in summary[0]  # the summary counts all
    # a finding's source line goes with it
    assert "   263 |     target: 令和7年度末" in everything
    assert "   263 |     target: 令和7年度末" not in narrowed


def test_the_secondary_source_caveat_is_said_once(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "check", "--as-of", AS_OF, str(PLANS))
    assert "dxcheck catalog --sources" not in "\n".join(finding_lines(out))
    marked = [line for line in finding_lines(out) if line.endswith(" ※")]
    assert marked
    notes = [line for line in out.splitlines() if line.startswith("※ ")]
    assert len(notes) == 1 and f"（{len(marked)} 件）" in notes[0]
    # machine formats keep the caveat on each record, and say the basis
    _, raw, _ = run_cli(capsys, "check", "--as-of", AS_OF, "-f", "json", str(PLANS))
    records = [f for plan in json.loads(raw)["plans"] for f in plan["findings"]]
    secondary = [f for f in records if f["basis"] == "secondary"]
    assert len(secondary) == len(marked)
    assert all("二次資料のみ" in f["message"] for f in secondary)


def test_help_speaks_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "check", "--help")
    assert "PATHS..." in out and "{paths}" not in out and "list[str]" not in out
    assert "<str>" not in out and "--as-of DATE" in out and "--catalog VERSION|FILE" in out
    assert "カタログファイル" in out  # --catalog takes a FILE too
    _, top, _ = run_cli(capsys, "--help")
    lines = top.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("draft"))
    draft = lines[at]
    for line in lines[at + 1 :]:  # the command's wrapped continuation, up to the next command
        if not line.startswith(" " * 12):
            break
        draft += line.strip()
    assert "..." not in draft and "下書きを作る" in draft


def test_english_coverage_line_has_its_space(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "--lang", "en", "check", "--as-of", AS_OF, str(PLANS))
    assert "(catalog 2.3)" in out and "(catalog2.3)" not in out
