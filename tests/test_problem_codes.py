"""validate's DX codes: one code for one problem, every code explainable, and the messages a
planner meets most often name what went wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli
from dxcheck.problem_codes import CODE_OF_KIND, CODES

SRC = Path(__file__).resolve().parents[1] / "src" / "dxcheck"


def codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        if path.name != "problem_codes.py":
            found.update(re.findall(r'"(DX\d{3})"', path.read_text(encoding="utf-8")))
    return found


def test_every_code_the_program_reports_is_listed() -> None:
    used = codes_in_source()
    assert used, "the scan found no codes"
    assert used <= set(CODES), sorted(used - set(CODES))


def test_every_error_kind_of_our_validators_has_its_own_code() -> None:
    kinds = set(
        re.findall(
            r'PydanticCustomError\(\s*"([a-z_]+)"',
            (SRC / "plan_validators.py").read_text(encoding="utf-8"),
        )
    )
    assert kinds - {"string_type"} <= set(CODE_OF_KIND), sorted(kinds - set(CODE_OF_KIND))
    # a code stands for one problem: two different checks never share one
    by_code: dict[str, set[str]] = {}
    for kind in kinds & set(CODE_OF_KIND):
        by_code.setdefault(CODE_OF_KIND[kind], set()).add(kind.removesuffix("_type"))
    shared = {
        code: found
        for code, found in by_code.items()
        if len({k.removesuffix("_format") for k in found}) > 1
    }
    assert not shared


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_explainable(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run_cli(capsys, "explain", code)
    assert rc == 0, err
    assert out.startswith(f"{code}: ") and CODES[code].fix_ja in out


def test_rules_lists_the_codes_too(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run_cli(capsys, "rules")
    assert rc == 0 and "DX213" in out and "COV002" in out


PLAN_HEAD = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")


def validate(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    rc, out, _ = run_cli(capsys, "validate", str(path))
    assert rc == 1
    return out


def test_unknown_item_and_reversed_period_have_different_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    plan = yaml.safe_load(PLAN_HEAD)
    plan["period"] = {"start": "令和8年度", "end": "令和5年度", "cite": {"section": "1"}}
    out = validate(tmp_path, capsys, yaml.safe_dump(plan, allow_unicode=True))
    assert "error[DX214]" in out
    plan = yaml.safe_load(PLAN_HEAD)
    plan["initiatives"][0]["national_items"] = ["standardisation"]
    out = validate(tmp_path, capsys, yaml.safe_dump(plan, allow_unicode=True))
    assert "error[DX213]" in out and "standardization" in out


def test_full_width_colon_is_named_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = PLAN_HEAD.splitlines()
    (index,) = [i for i, line in enumerate(lines) if line.strip().startswith("commitment:")][:1]
    lines[index] = lines[index].replace("commitment:", "commitment：").replace("： ", "：")
    out = validate(tmp_path, capsys, "\n".join(lines) + "\n")
    column = lines[index].index("：") + 1
    assert f"plan.yaml:{index + 1}:{column}: error[DX110]" in out
    assert "全角のコロン「：」" in out


def test_an_empty_value_asks_for_a_value_not_for_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = PLAN_HEAD.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("title:"))
    lines[index] = lines[index].split(":", 1)[0] + ":"
    out = validate(tmp_path, capsys, "\n".join(lines) + "\n")
    assert "error[DX224]" in out and "値が空です" in out
    assert '""' not in out
