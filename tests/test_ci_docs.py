"""Every CI snippet of docs/ci.md runs as written: the GitHub workflow's commands, the composite
action with the documented inputs, and the pre-commit configuration, each in a temporary git
repository holding the bundled plans (the layout the docs describe)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)


def block_with(marker: str) -> str:
    (found,) = [b for b in yaml_blocks() if marker in b]
    return found


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A plans repository: main holds the bundled plans (pushed as origin/main); the working
    branch then drops the security item of 塩竈市's plan, a new finding."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", repo / "plans")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "-c", "user.email=t@example.org", "-c", "user.name=t", "add", ".")
    git(repo, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "plans")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    plan = repo / "plans" / "042030-shiogama.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count("    national_items: [security]\n") == 1
    plan.write_text(text.replace("    national_items: [security]\n", "    national_items: []\n"))
    return repo


def env(repo: Path, **extra: str) -> dict[str, str]:
    base = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    base.update(GITHUB_WORKSPACE=str(repo), **extra)
    return base


def github_expr(text: str, values: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        return values[match.group(1).strip()]

    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def test_the_workflow_runs_as_written(repo: Path) -> None:
    workflow = yaml.safe_load(block_with("jobs:"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert runs[0] == "pip install ."  # this checkout is installed already (the test's venv)
    codes = []
    for command in runs[1:]:
        command = github_expr(command, {"github.base_ref || 'main'": "main"})
        done = subprocess.run(
            command, shell=True, cwd=repo, env=env(repo), capture_output=True, text=True
        )
        codes.append(done.returncode)
        assert done.returncode in (0, 1), (command, done.stderr)
        if "--format github" in command:
            assert done.returncode == 1  # the new finding fails the gate …
            annotated = [line for line in done.stdout.splitlines() if line.startswith("::")]
            assert any("file=plans/042030-shiogama.yaml" in line for line in annotated)
            assert not any("042137-kurihara" in line for line in annotated)  # … nothing old
    assert codes[0] == 0  # validate
    assert (repo / "dxcheck.sarif").stat().st_size > 0


def test_the_composite_action_runs_as_written(repo: Path, tmp_path: Path) -> None:
    usage = yaml.safe_load(block_with("- uses: ./"))
    inputs = usage[0]["with"]
    assert usage[0]["uses"] == "./" and (ROOT / "action.yml").is_file()
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    values = {f"inputs.{k}": str(v.get("default", "")) for k, v in action["inputs"].items()}
    values.update({f"inputs.{k}": str(v) for k, v in inputs.items()})
    values["github.action_path"] = str(ROOT)
    github_env = tmp_path / "github_env"
    github_env.write_text("")
    codes = []
    for step in action["runs"]["steps"]:
        if step["name"].startswith("Install"):
            continue  # installed already
        script = github_expr(step["run"], values)
        # the runner exports what earlier steps appended to $GITHUB_ENV
        exported = "".join(f"export {line}\n" for line in github_env.read_text().splitlines())
        done = subprocess.run(
            ["bash", "-c", exported + script],
            cwd=repo,
            env=env(repo, GITHUB_ENV=str(github_env)),
            capture_output=True,
            text=True,
        )
        codes.append(done.returncode)
    assert codes[:-1] == [0, 0] and codes[-1] == 1  # fails on the new warning only at the end
    assert (repo / "dxcheck.sarif").stat().st_size > 0


def test_the_pre_commit_config_runs_as_written(repo: Path) -> None:
    exe = BIN / "pre-commit"
    if not exe.exists():
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    (repo / ".pre-commit-config.yaml").write_text(block_with("repos:"), encoding="utf-8")
    (repo / "plans" / "broken.yaml").write_text("municipality: [\n", encoding="utf-8")
    git(repo, "add", "-A")
    run_env = env(repo, PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"))
    failed = subprocess.run(
        [str(exe), "run", "--all-files"], cwd=repo, env=run_env, capture_output=True, text=True
    )
    assert failed.returncode == 1 and "plans/broken.yaml:2:1: error[DX110]" in failed.stdout
    (repo / "plans" / "broken.yaml").unlink()
    git(repo, "add", "-A")
    # as at a commit: the hooks see the changed plan only (栗原市's has no error)
    changed = ["--files", "plans/042137-kurihara.yaml"]
    passed = subprocess.run(
        [str(exe), "run", *changed], cwd=repo, env=run_env, capture_output=True, text=True
    )
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout.count("Passed") == 2
