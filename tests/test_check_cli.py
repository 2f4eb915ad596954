"""`dxcheck check` as planners and CI use it: exit codes, every output format, baselines,
`--diff-base`, and `dxcheck diff` between two versions of a plan."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from conftest import run_cli as run

ROOT = Path(__file__).resolve().parents[1]
SHIOGAMA = ROOT / "plans" / "042030-shiogama.yaml"
SARIF_SCHEMA = Path(__file__).parent / "vendor" / "sarif" / "sarif-2.1.0-rtm.5.json"
AS_OF = "2026-11-23"
SECURITY_LINE = "    national_items: [security]\n"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "042030-shiogama.yaml"
    shutil.copyfile(SHIOGAMA, target)
    return target


def drop_security(path: Path) -> None:
    """The edit a planner might make by mistake: the security initiative loses its item."""
    text = path.read_text(encoding="utf-8")
    assert text.count(SECURITY_LINE) == 1
    path.write_text(text.replace(SECURITY_LINE, "    national_items: []\n"), encoding="utf-8")


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, _ = run(capsys, "check", "--as-of", AS_OF, "-f", "json", *args)
    assert code in (0, 1)
    data: dict[str, object] = json.loads(out)
    return data


def test_text_output_points_at_file_line_column(
    capsys: pytest.CaptureFixture[str], plan: Path
) -> None:
    code, out, _ = run(capsys, "check", "--as-of", AS_OF, str(plan))
    assert code == 1  # an error: テレワーク is named only in its summary of the national plan
    assert f"{plan}:417:5: error[COV001]" in out and "背景として言及のみ" in out
    # the plan period (令和5年度〜令和7年度) ended on 2026-03-31
    assert f"{plan}:56:8: warning[DL003]" in out
    # テレワーク and 条例等の点検・見直し appear only in its summary of the national plan: ×
    assert "充足: ○ 11  △ 0  × 4" in out


def test_fail_on_sets_the_exit_code(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    only_dl = ("check", "--as-of", AS_OF, "--select", "DL")  # warnings only
    assert run(capsys, *only_dl, "--fail-on", "warning", str(plan))[0] == 1
    assert run(capsys, *only_dl, "--fail-on", "error", str(plan))[0] == 0
    assert run(capsys, "check", "--as-of", AS_OF, str(plan))[0] == 1  # the COV001 error


def test_as_of_decides_which_deadlines_have_passed(
    capsys: pytest.CaptureFixture[str], plan: Path
) -> None:
    before = check_json(capsys, "--as-of", "令和5年10月1日", str(plan))
    rules = {f["rule"] for p in before["plans"] for f in p["findings"]}  # type: ignore[attr-defined]
    assert "DL003" not in rules  # the period was still running


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    code, _, err = run(capsys, "check", "--as-of", "令和5年13月", str(plan))
    assert code == 2 and "13" in err
    code, _, err = run(capsys, "check", "--catalog", "9.9", str(plan))
    assert code == 2 and "9.9" in err
    assert run(capsys, "check", str(plan.parent / "missing.yaml"))[0] == 2


def test_invalid_plan_is_reported_not_crashed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("municipality: [\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--as-of", AS_OF, str(bad))
    assert code == 1
    assert "Traceback" not in out + err
    assert f"{bad}:2:1" in out + err


def test_json_contract(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    data = check_json(capsys, str(plan))
    assert set(data) == {"version", "as_of", "catalog", "catalog_notice", "plans", "summary"}
    notice = data["catalog_notice"]
    assert notice["version"] == "2.3" and notice["period_end"] == "2026-03-31"  # type: ignore[index]
    assert data["version"] == 1 and data["as_of"] == AS_OF and data["catalog"] == "2.3"
    (entry,) = data["plans"]  # type: ignore[misc]
    assert entry["code"] == "042030" and entry["valid"] is True
    assert entry["coverage"]["frontyard"] == "missing"
    assert entry["coverage"]["security"] == "covered"
    finding = entry["findings"][0]
    assert set(finding) == {
        "rule",
        "severity",
        "national_item",
        "message",
        "path",
        "line",
        "column",
        "yaml_path",
        "fingerprint",
        "basis",
    }
    assert {f["basis"] for f in entry["findings"]} <= {"official", "secondary", None}
    assert data["summary"]["coverage"] == {"covered": 11, "partial": 0, "missing": 4}  # type: ignore[index]


def test_english_messages_on_request(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    code, out, _ = run(capsys, "--lang", "en", "check", "--as-of", AS_OF, str(plan))
    assert code == 1
    assert "mentioned as background only" in out
    assert "warning[DL003]" in out and "plan period ended" in out.lower()


def test_sarif_is_valid_sarif_2_1_0(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    code, out, _ = run(capsys, "check", "--as-of", AS_OF, "-f", "sarif", str(plan))
    assert code == 1
    sarif = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema, cls=jsonschema.Draft7Validator)
    run_ = sarif["runs"][0]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    for result in run_["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["partialFingerprints"]["dxcheck/v1"]
    first = run_["results"][0]["locations"][0]["physicalLocation"]
    assert first["region"] == {"startLine": 56, "startColumn": 8}


def test_github_annotations(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    _, out, _ = run(capsys, "check", "--as-of", AS_OF, "-f", "github", str(plan))
    assert f"::warning file={plan},line=56,col=8,title=DL003::" in out


def test_junit_is_well_formed_xml(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    code, out, _ = run(
        capsys, "check", "--as-of", AS_OF, "-f", "junit", "--fail-on", "warning", str(plan)
    )
    assert code == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    assert int(root.attrib["failures"]) >= 1
    failed = {c.attrib["name"] for c in root.iter("testcase") if c.find("failure") is not None}
    assert "DL003" in failed


def test_baseline_reports_only_new_findings(
    capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "baseline", "--as-of", AS_OF, "-o", str(baseline), str(plan))[0] == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert recorded  # the baseline names the accepted findings
    code, out, _ = run(
        capsys,
        "check",
        "--as-of",
        AS_OF,
        "--fail-on",
        "info",
        "--baseline",
        str(baseline),
        str(plan),
    )
    assert code == 0, out
    drop_security(plan)
    data = check_json(capsys, "--baseline", str(baseline), str(plan))
    new = [(f["rule"], f["national_item"]) for f in data["plans"][0]["findings"]]  # type: ignore[index]
    # only the regression is reported: security is no longer a committed initiative
    assert [item for _, item in new] == ["security"]
    assert new[0][0].startswith("COV")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "invalid JSON"),
        ('{"version": 99}', "not a dxcheck baseline"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("\udcff", "invalid JSON"),
    ],
)
def test_bad_baseline_file_is_a_usage_error_at_its_path(
    capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path, content: str, says: str
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_bytes(content.encode("utf-8", "surrogateescape"))
    code, _, err = run(capsys, "check", "--as-of", AS_OF, "--baseline", str(baseline), str(plan))
    assert code == 2 and str(baseline) in err and says in err, err
    assert "internal error" not in err


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_base_reports_only_findings_new_since_a_revision(
    capsys: pytest.CaptureFixture[str], plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = plan.parent
    git(repo, "init", "-q")
    git(repo, "add", plan.name)
    git(repo, "commit", "-qm", "plan")
    drop_security(plan)
    monkeypatch.chdir(repo)
    data = check_json(capsys, "--diff-base", "HEAD", plan.name)
    new = [(f["rule"], f["national_item"]) for f in data["plans"][0]["findings"]]  # type: ignore[index]
    # only the regression is reported: security is no longer a committed initiative
    assert [item for _, item in new] == ["security"]
    assert new[0][0].startswith("COV")
    code, _, err = run(capsys, "check", "--diff-base", "no-such-rev", plan.name)
    assert code == 2 and "no-such-rev" in err


def test_diff_between_two_versions_fails_when_coverage_gets_worse(
    capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path
) -> None:
    old = tmp_path / "old.yaml"
    shutil.copyfile(plan, old)
    drop_security(plan)
    code, out, _ = run(capsys, "diff", "--as-of", AS_OF, str(old), str(plan))
    assert code == 1
    assert "security" in out or "セキュリティ" in out
    code, _, _ = run(capsys, "diff", "--as-of", AS_OF, str(plan), str(old))
    assert code == 0  # an improvement passes
    code, out, _ = run(capsys, "diff", "--as-of", AS_OF, "-f", "json", str(old), str(plan))
    diff = json.loads(out)
    assert diff  # machine-readable too


def test_input_files_are_never_modified(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    before = plan.read_bytes()
    for fmt in ("text", "json", "sarif", "github", "junit"):
        run(capsys, "check", "--as-of", AS_OF, "-f", fmt, str(plan))
    assert plan.read_bytes() == before


def test_documented_output_for_the_five_plans_is_current(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/check-output.md shows (and comments on) the real output; keep it true."""
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "check", "--as-of", AS_OF, "plans/")
    assert code == 1  # the COV001 gaps are errors
    doc = (ROOT / "docs" / "check-output.md").read_text(encoding="utf-8")
    block = doc.split("```text\n", 1)[1].split("```", 1)[0]
    assert block == out, "regenerate docs/check-output.md and re-read its notes"


def test_json_output_is_deterministic(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    first = run(capsys, "check", "--as-of", AS_OF, "-f", "json", str(plan))[1]
    second = run(capsys, "check", "--as-of", AS_OF, "-f", "json", str(plan))[1]
    assert first == second


def test_fingerprints_survive_moved_lines(
    capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path
) -> None:
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "baseline", "--as-of", AS_OF, "-o", str(baseline), str(plan))[0] == 0
    text = plan.read_text(encoding="utf-8")
    # an edit elsewhere shifts every line below it
    plan.write_text(
        text.replace("municipality:", "# 追記したコメント\n\nmunicipality:", 1), "utf-8"
    )
    data = check_json(capsys, "--baseline", str(baseline), str(plan))
    assert data["plans"][0]["findings"] == []  # type: ignore[index]
    assert data["plans"][0]["waived"] > 0  # type: ignore[index]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_reads_a_plan_at_a_git_revision(
    capsys: pytest.CaptureFixture[str], plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = plan.parent
    git(repo, "init", "-q")
    git(repo, "add", plan.name)
    git(repo, "commit", "-qm", "plan")
    drop_security(plan)
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "diff", "--as-of", AS_OF, f"HEAD:{plan.name}", plan.name)
    assert code == 1
    assert "security" in out or "セキュリティ" in out


def test_typer_and_the_fast_path_offer_the_same_formats_and_thresholds() -> None:
    """The choices typer shows in --help are the option table's, which the fast path reads,
    and the table's formats are the formats dxcheck can write."""
    from dxcheck import cli
    from dxcheck.option_table import CHECK_FORMATS, FAIL_ON, VALIDATE_FORMATS, option
    from dxcheck.render.formats import FORMATS

    assert [e.value for e in cli.CheckFormat] == list(CHECK_FORMATS) == list(FORMATS)
    assert [e.value for e in cli.OutFormat] == list(VALIDATE_FORMATS)
    assert [e.value for e in cli.FailOn] == list(FAIL_ON)
    assert option("check", "fmt").choices == CHECK_FORMATS
