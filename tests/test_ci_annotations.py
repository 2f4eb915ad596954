"""What a CI maintainer sees on GitHub: annotations GitHub will show (errors and warnings first,
at most 10 of each per step, info only when asked), everything else in the log and counted, and
paths relative to the repository root so annotations and SARIF results attach to the diff."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import PLANS, run_cli

AS_OF = "2026-11-23"


def annotations(out: str, kind: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(f"::{kind} ")]


def test_annotations_stay_within_githubs_limits_and_nothing_is_lost(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run_cli(capsys, "check", "--as-of", AS_OF, "-f", "github", str(PLANS))
    _, raw, _ = run_cli(capsys, "check", "--as-of", AS_OF, "-f", "json", str(PLANS))
    findings = [f for plan in json.loads(raw)["plans"] for f in plan["findings"]]
    count = {s: sum(f["severity"] == s for f in findings) for s in ("error", "warning", "info")}
    assert count["warning"] > 10 and count["info"] > 0  # the five plans exceed the limit

    errors, warnings = annotations(out, "error"), annotations(out, "warning")
    assert len(errors) == min(10, count["error"]) and len(warnings) == 10
    # info findings are not annotations: the notices are the catalog's and the summary only
    notices = annotations(out, "notice")
    assert len(notices) == 2 and "title=dxcheck::" in notices[-1]
    summary = notices[-1]
    assert f"警告 {count['warning'] - 10} 件" in summary and f"情報 {count['info']} 件" in summary
    # every finding is in the log: an annotation or a plain line
    plain = [line for line in out.splitlines() if not line.startswith("::")]
    assert len(errors) + len(warnings) + len(plain) == len(findings)


def test_info_annotations_only_when_asked() -> None:
    from dxcheck.render.github import assemble

    fragment = "info\t::notice file=a.yaml,line=1,col=1,title=X::m\ta.yaml:1:1: info[X] m\n"
    asked = assemble([fragment], "ja", None, min_severity="info")
    assert annotations(asked, "notice") == ["::notice file=a.yaml,line=1,col=1,title=X::m"]
    default = assemble([fragment], "ja", None)
    assert "a.yaml:1:1: info[X] m" in default.splitlines()
    assert all("file=a.yaml" not in line for line in annotations(default, "notice"))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    shutil.copytree(PLANS, tmp_path / "plans")
    (tmp_path / "sub").mkdir()
    return tmp_path


def test_github_paths_are_relative_to_the_repository(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "sub")  # a step with working-directory: sub
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    _, out, _ = run_cli(capsys, "check", "--as-of", AS_OF, "-f", "github", "../plans")
    files = {line.split("file=")[1].split(",")[0] for line in annotations(out, "warning")}
    assert files and all(f.startswith("plans/") for f in files), files


def test_sarif_uris_are_relative_to_the_repository(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo))
    absolute = str(repo / "plans" / "042030-shiogama.yaml")
    _, out, _ = run_cli(capsys, "check", "--as-of", AS_OF, "-f", "sarif", absolute)
    run = json.loads(out)["runs"][0]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"plans/042030-shiogama.yaml"}
    assert "informationUri" not in run["tool"]["driver"]  # no placeholder address
