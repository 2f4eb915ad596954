"""`dxcheck init` for a planner starting a plan, and the pre-commit hooks CI users install."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import run_cli as run
from dxcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_init_writes_a_skeleton_that_validates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "matsushima.yaml"
    code, _, err = run(capsys, "init", "-m", "松島町", "-o", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert 'code: "044016"' in text and "prefecture: 宮城県" in text
    assert run(capsys, "validate", str(target))[0] == 0


def test_init_never_overwrites(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_text("# my work\n", encoding="utf-8")
    code, _, err = run(capsys, "init", "--code", "044016", "-o", str(target))
    assert code == 2 and "上書きしません" in err
    assert target.read_text(encoding="utf-8") == "# my work\n"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(["--code", "044017"], "044017"), (["-m", "存在しない町"], "存在しない町")],
)
def test_init_refuses_unknown_municipalities(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], fragment: str
) -> None:
    code, _, err = run(capsys, "init", *args, "-o", str(tmp_path / "x.yaml"))
    assert code == 2 and fragment in err
    assert not (tmp_path / "x.yaml").exists()


def test_pre_commit_hooks_call_real_commands_on_plan_files() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"dxcheck-validate", "dxcheck-check"}
    for hook in hooks:
        program, command = hook["entry"].split()[:2]
        assert program == "dxcheck"
        assert main([command, "--help"]) == 0
        assert re.search(hook["files"], "plans/042030-shiogama.yaml")
        assert not re.search(hook["files"], "src/dxcheck/cli.py")


def _pre_commit(repo: Path, hook: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("pre-commit")
    env = dict(os.environ, PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"))
    return subprocess.run(
        [str(exe), "try-repo", str(ROOT), hook, "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_real_pre_commit_runs_the_hooks_on_a_plan_repository(tmp_path: Path) -> None:
    if not Path(sys.executable).with_name("pre-commit").exists():
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    shutil.copyfile(ROOT / "plans" / "042030-shiogama.yaml", repo / "plans" / "shiogama.yaml")
    (repo / "plans" / "broken.yaml").write_text("municipality: [\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)

    failed = _pre_commit(repo, "dxcheck-validate")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "plans/broken.yaml:2:1: error[DX110]" in failed.stdout

    (repo / "plans" / "broken.yaml").unlink()
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    for hook in ("dxcheck-validate", "dxcheck-check"):
        passed = _pre_commit(repo, hook)
        assert passed.returncode == 0, passed.stdout + passed.stderr
        assert "Passed" in passed.stdout
