"""Rule selection, configuration files and waivers, as a team would set them up."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import PLANS, run_cli

AS_OF = "2026-11-23"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "plans" / "044016-matsushima.yaml"
    target.parent.mkdir()
    shutil.copyfile(PLANS / "044016-matsushima.yaml", target)
    return target


def rules_reported(capsys: pytest.CaptureFixture[str], *args: str) -> set[str]:
    code, out, err = run_cli(capsys, "check", "--as-of", AS_OF, "-f", "json", *args)
    assert code in (0, 1), err
    return {f["rule"] for p in json.loads(out)["plans"] for f in p["findings"]}


def test_select_and_ignore_by_id_or_prefix(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    everything = rules_reported(capsys, str(plan))
    assert {"COV004", "DL002", "GOV001"} <= everything
    assert rules_reported(capsys, "--select", "DL", str(plan)) == {
        r for r in everything if r.startswith("DL")
    }
    only = rules_reported(capsys, "--select", "COV004,GOV001", str(plan))
    assert only == {"COV004", "GOV001"}
    assert not {r for r in rules_reported(capsys, "--ignore", "COV", str(plan)) if "COV" in r}


def test_dxcheck_toml_is_found_upwards_and_options_override_it(
    capsys: pytest.CaptureFixture[str], plan: Path
) -> None:
    (plan.parent.parent / "dxcheck.toml").write_text(
        'ignore = ["CON001", "DL005"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    assert not {"CON001", "DL005"} & rules_reported(capsys, str(plan))
    code, _, _ = run_cli(capsys, "check", "--as-of", AS_OF, "--select", "GOV", str(plan))
    assert code == 1  # GOV001 is a warning and the file says fail-on = "warning"
    code, _, _ = run_cli(
        capsys, "check", "--as-of", AS_OF, "--select", "GOV", "--fail-on", "error", str(plan)
    )
    assert code == 0


def test_pyproject_tool_table(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    (plan.parent.parent / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.dxcheck]\nselect = ["COV004"]\n', encoding="utf-8"
    )
    assert rules_reported(capsys, str(plan)) == {"COV004"}


def test_configured_waiver_silences_and_then_expires(
    capsys: pytest.CaptureFixture[str], plan: Path
) -> None:
    config = plan.parent.parent / "dxcheck.toml"
    waiver = (
        '[[waivers]]\nrule = "COV004"\nitem = "standardization"\n'
        'reason = "戸籍等の3業務は令和8年度の改定で追記"\nexpires = "{}"\n'
        'plans = ["plans/044016-*.yaml"]\n'
    )
    config.write_text(waiver.format("令和9年3月"), encoding="utf-8")
    assert "COV004" not in rules_reported(capsys, str(plan))
    config.write_text(waiver.format("令和8年3月"), encoding="utf-8")
    reported = rules_reported(capsys, str(plan))
    assert {"COV004", "WVR001"} <= reported  # expired: the finding is back, and flagged


def test_broken_configuration_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], plan: Path
) -> None:
    (plan.parent.parent / "dxcheck.toml").write_text('fail-on = "sometimes"\n', "utf-8")
    code, _, err = run_cli(capsys, "check", "--as-of", AS_OF, str(plan))
    assert code == 2 and "dxcheck.toml" in err and "Traceback" not in err
    (plan.parent.parent / "dxcheck.toml").write_text("select = [\n", "utf-8")
    code, _, err = run_cli(capsys, "check", "--as-of", AS_OF, str(plan))
    assert code == 2 and "TOML" in err
    # nested past Python's stack (tomllib recurses): a clear usage error, not "internal error"
    deep = "select = " + "[" * 50_000 + "]" * 50_000 + "\n"
    (plan.parent.parent / "dxcheck.toml").write_text(deep, "utf-8")
    code, _, err = run_cli(capsys, "check", "--as-of", AS_OF, str(plan))
    assert code == 2 and "dxcheck.toml" in err and "internal error" not in err
