"""`dxcheck … | head -1`: a reader that stops early is normal use. dxcheck stops quietly, with
the exit status of a program ended by a closed pipe (141, like `yes | head -1`), and never
prints an internal error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_into_closed_pipe(*args: str) -> tuple[int, str]:
    """Run dxcheck with its stdout a pipe whose reader has already gone."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "dxcheck", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # `head` read its line and left
    err = proc.stderr.read().decode("utf-8", "replace")
    return proc.wait(timeout=120), err


@pytest.mark.parametrize(
    "args",
    [
        ("check", "plans/", "--as-of", "2026-11-23"),  # the fast path
        ("check", "plans/", "--as-of", "2026-11-23", "-f", "json"),
        ("validate", "plans/"),
        ("explain", "COV002"),  # a typer command
        ("catalog", "--sources"),
    ],
)
def test_closed_pipe_is_quiet(args: tuple[str, ...]) -> None:
    code, err = run_into_closed_pipe(*args)
    assert "internal error" not in err and "内部エラー" not in err
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert code == 141, err
