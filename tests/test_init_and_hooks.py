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

pytestmark = pytest.mark.slow  # pytest -m "not slow" leaves it out (README)

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


@pytest.mark.parametrize(
    ("args", "code", "header"),
    [
        (["-m", "札幌市"], "011002", '  name: 札幌市\n  code: "011002"\n  prefecture: 北海道'),
        (["-m", "千代田区"], "131016", '  name: 千代田区\n  code: "131016"\n  prefecture: 東京都'),
        (
            ["-m", "東京都府中市"],
            "132063",
            '  name: 府中市\n  code: "132063"\n  prefecture: 東京都',
        ),
        (["-m", "府中市", "--prefecture", "広島県"], "342084", "  prefecture: 広島県"),
        (["-m", "仙台市青葉区"], "041017", '  name: 仙台市青葉区\n  code: "041017"'),
        (["-m", "宮城県"], "040002", '  name: 宮城県\n  code: "040002"\n  prefecture: 宮城県'),
        (["-m", "泊村"], "014036", "  name: 泊村"),  # not the 北方領土 village 016969
        (["--code", "472115"], "472115", '  name: 沖縄市\n  code: "472115"\n  prefecture: 沖縄県'),
    ],
)
def test_init_knows_every_municipality_in_japan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], code: str, header: str
) -> None:
    target = tmp_path / "plan.yaml"
    status, out, err = run(capsys, "init", *args, "-o", str(target))
    assert status == 0, err
    assert f"（{code}）" in out
    text = target.read_text(encoding="utf-8")
    assert header in text
    status, out, _ = run(capsys, "validate", str(target))
    assert status == 0 and "[DX" not in out, out


def test_every_government_can_be_named_with_its_prefecture() -> None:
    from dxcheck.codes import table
    from dxcheck.commands.init import find

    for gov in table().values():
        typed = gov.name if gov.kind == "prefecture" else gov.prefecture + gov.full_name
        if gov.code == "016969":  # the 北方領土 泊村 shares its name with 014036
            assert find(typed, None, None, False) == table()["014036"]
            typed = None
        found = find(typed, None if typed else gov.code, None, False)
        assert found == gov, (gov, found)


def test_an_ambiguous_name_asks_for_the_prefecture(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "plan.yaml"
    status, _, err = run(capsys, "init", "-m", "府中市", "-o", str(target))
    assert status == 2 and not target.exists()
    assert "東京都府中市（132063）" in err and "広島県府中市（342084）" in err
    assert "-m 東京都府中市" in err and "--prefecture 東京都" in err
    status, _, err = run(capsys, "init", "-m", "伊達市", "--lang", "en", "-o", str(target))
    assert status == 2 and not target.exists()
    assert "2 local governments have this name: 北海道伊達市 (012335), 福島県伊達市 (072133)" in err
    status, _, err = run(capsys, "init", "-m", "青葉区", "-o", str(target))
    assert status == 2 and "-m 仙台市青葉区" in err  # a ward: its city says which


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["-m", "塩釜市"], "宮城県塩竈市 のことですか"),  # the table's spelling is suggested
        (
            ["-m", "府中市", "--prefecture", "東京"],
            "東京: 都道府県名ではありません（東京都 のことですか？）",
        ),
        (["-m", "札幌市", "--prefecture", "東京都"], "東京都にその名前の団体はありません"),
        (["--code", "044024"], "044024: 全国地方公共団体コードの表にありません"),
        (["--code", "011002", "--prefecture", "東京都"], "北海道札幌市は北海道の団体です"),
    ],
)
def test_init_explains_what_it_cannot_find(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], fragment: str
) -> None:
    status, _, err = run(capsys, "init", *args, "-o", str(tmp_path / "x.yaml"))
    assert status == 2 and fragment in err and "Traceback" not in err
    assert not (tmp_path / "x.yaml").exists()


def test_init_of_a_northern_territories_village_warns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "init", "--code", "016951", "-o", str(tmp_path / "x.yaml"))
    assert status == 0 and "北方領土の村です" in err


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
    # 栗原市's plan has warnings and info only: the check hook passes at its default threshold
    shutil.copyfile(ROOT / "plans" / "042137-kurihara.yaml", repo / "plans" / "kurihara.yaml")
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
