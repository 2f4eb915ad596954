"""Inputs that once misbehaved (found by the fuzzers in fuzz/ or by hand) stay fixed: each file
in tests/data/regressions/ gets a message with line:column and exit 1, never a traceback.

- flow_depth_1500.yaml: libyaml gave up first, and its raw English message leaked through.
- merge_key_as_value.yaml (fuzz/fuzz_loader.py): `<<` as a value (`あい: [<<`, in CP932)
  resolved to the merge tag and crashed the loader with an AssertionError.
- tab_in_plain_value.yaml: a tab inside a value was reported as a tab in the indentation by
  the pure-Python parser (YAML allows it, and libyaml reads it); now only the plan errors show.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dxcheck.cli import main

CASES = sorted((Path(__file__).parent / "data" / "regressions").glob("*"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_regression_input_gets_a_clear_answer(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    for command in ("validate", "check"):
        code = main(
            [command, str(path), "--as-of", "2026-11-23"][: 2 if command == "validate" else 4]
        )
        captured = capsys.readouterr()
        output = captured.out + captured.err
        assert code == 1, output
        assert "Traceback" not in output and "内部エラー" not in output
        assert f"{path}:" in output
        assert "YAML syntax error" not in output  # Japanese first


def test_there_are_regression_inputs() -> None:
    assert len(CASES) >= 2
