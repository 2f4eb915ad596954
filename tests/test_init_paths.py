"""`dxcheck init` as a planner in a plans repository meets it: the file lands where the
bundled plans live, under the same kind of name; its `$schema` header works for colleagues;
its examples do not suggest targets already past; a missing folder is said in Japanese."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest

from conftest import run_cli as run
from dxcheck.codes import get
from dxcheck.commands.init import skeleton
from dxcheck.romaji import slug, to_romaji


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_writes_into_plans_with_code_and_romaji(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "init", "-m", "塩竈市")
    assert code == 0, err
    target = repo / "plans" / "042030-shiogama.yaml"  # as plans/ of this project names it
    assert target.is_file() and str(Path("plans") / "042030-shiogama.yaml") in out
    assert not list(repo.glob("*.yaml"))


def test_schema_header_points_into_the_repository_not_a_virtualenv(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "init", "-m", "松島町")
    assert code == 0
    header = (repo / "plans" / "044016-matsushima.yaml").read_text("utf-8").splitlines()[0]
    assert header == "# yaml-language-server: $schema=../schemas/plan.schema.json"
    assert "dxcheck schema > " in err  # told how to create it, since it does not exist yet
    (repo / "schemas").mkdir()
    (repo / "schemas" / "plan.schema.json").write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "init", "-m", "栗原市")
    header = (repo / "plans" / "042137-kurihara.yaml").read_text("utf-8").splitlines()[0]
    assert header.endswith("$schema=../schemas/plan.schema.json") and "dxcheck schema" not in err
    assert "site-packages" not in header and ".venv" not in header


def test_examples_suggest_no_target_already_past() -> None:
    gov = get("044016")
    assert gov is not None
    today = datetime.date(2026, 12, 4)
    text = skeleton(gov, "../schemas/plan.schema.json", today)
    targets = re.findall(r"target: (令和(\d+)年度)", text)
    assert targets
    assert all(2018 + int(year) >= 2027 for _, year in targets), targets
    assert "令和4年度末、経過" in text  # the national deadline is still named, marked as past


def test_output_into_a_missing_folder_says_so_in_japanese(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "init", "-m", "松島町", "-o", os.path.join("nodir", "x.yaml"))
    assert code == 2
    assert "保存先のフォルダ nodir がありません" in err and "No such file" not in err


@pytest.mark.parametrize(
    ("kana", "romaji"),
    [
        ("とうきょう", "tokyo"),
        ("さっぽろ", "sapporo"),
        ("ちっぷべつ", "chippubetsu"),
        ("さんじょう", "sanjo"),
        ("しゅうなん", "shunan"),
        ("いっちょう", "itcho"),
    ],
)
def test_hepburn(kana: str, romaji: str) -> None:
    assert to_romaji(kana) == romaji


def test_suffix_left_out_as_the_bundled_plans_do() -> None:
    assert slug("東松島市", "ひがしまつしまし") == "higashimatsushima"
    assert slug("松島町", "まつしままち") == "matsushima"
    assert slug("東峰村", "とうほうむら") == "toho"


def test_a_draft_points_at_its_repositorys_schema(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = repo / "plan.txt"
    source.write_text(
        "# 松島町DX推進計画\n令和7年3月\n# 第1章 計画の概要\n"
        "本計画の計画期間は、令和7年度から令和11年度までとする。\n",
        encoding="utf-8",
    )
    (repo / "plans" / "miyagi").mkdir()
    out = repo / "plans" / "miyagi" / "044016-matsushima.yaml"
    code, _, err = run(capsys, "draft", str(source), "-o", str(out))
    assert code == 0, err
    header = out.read_text("utf-8").splitlines()[0]
    assert header == "# yaml-language-server: $schema=../../schemas/plan.schema.json"
