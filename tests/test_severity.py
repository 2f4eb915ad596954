"""Findings a reviewer agrees with: severity follows the kind of document, the strength of the
national fact and the project's configuration; coverage means the municipality acts; a catalog
the user supplies; and the catalog's own age."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import run_cli as run
from dxcheck.dates import today_in_japan

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"
CATALOG_23 = ROOT / "src" / "dxcheck" / "catalog" / "data" / "2.3.yaml"
AS_OF = "2026-11-23"

OFFICIAL = {
    "url": "https://www.soumu.go.jp/example.pdf",
    "quote": "テスト用の引用",
    "locator": "p.1",
    "kind": "official",
}
SECONDARY = {**OFFICIAL, "url": "https://news.example.jp/a", "kind": "secondary"}


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    code, out, err = run(capsys, "check", "--as-of", AS_OF, "-f", "json", *args)
    assert code in (0, 1), err
    data = json.loads(out)
    return [f for plan in data["plans"] for f in plan["findings"]]


def write_catalog(tmp_path: Path, edit: Any = None, version: str = "9.1") -> Path:
    """The bundled 2.3 catalog under another version, with every fact given an official
    source unless ``edit`` changes it."""
    data = yaml.safe_load(CATALOG_23.read_text(encoding="utf-8"))
    data["version"] = version

    def source_all(node: Any) -> None:
        if isinstance(node, dict):
            if "section" in node and "version" in node:
                node["sources"] = [OFFICIAL]
            for value in node.values():
                source_all(value)
        elif isinstance(node, list):
            for value in node:
                source_all(value)

    source_all(data)
    if edit is not None:
        edit(data)
    path = tmp_path / f"catalog-{version}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def item(data: dict[str, Any], item_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(i for i in data["items"] if i["id"] == item_id)
    return found


def plan_with(plan_copy: Any, minimal_text: str, old: str, new: str) -> Path:
    assert old in minimal_text
    path: Path = plan_copy(minimal_text.replace(old, new))
    return path


STD_TARGET = "    target: 令和7年度末\n    cite:\n      section: 第3章 1\n  - id: online"


# -- by document kind --------------------------------------------------------------------------


def test_a_proposal_gets_one_headline_warning_and_info_only(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = findings(capsys, str(PLANS / "042021-ishinomaki.yaml"))
    warnings = [f for f in found if f["severity"] == "warning"]
    assert [f["rule"] for f in warnings] == ["DOC001"]
    assert "策定提案" in warnings[0]["message"]
    assert not [f for f in found if f["severity"] == "error"]
    coverage = [f for f in found if f["rule"] in ("COV001", "COV002")]
    assert coverage and all(f["severity"] == "info" for f in coverage)
    assert all("次の計画で取り上げるべき" in f["message"] for f in coverage)


def test_a_summary_missing_an_item_is_a_warning_that_points_to_the_full_plan(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = findings(capsys, str(PLANS / "042145-higashimatsushima.yaml"))
    telework = [f for f in found if f["national_item"] == "telework"]
    assert [f["severity"] for f in telework] == ["warning"]
    assert "概要版" in telework[0]["message"] and "本編" in telework[0]["message"]
    assert not [f for f in found if f["severity"] == "error"]


def test_an_adopted_plan_missing_a_priority_item_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    catalog = write_catalog(tmp_path)
    path = plan_with(plan_copy, minimal_text, "adopted: 令和4年3月", "adopted: 令和6年4月")
    found = findings(capsys, "--catalog", str(catalog), str(path))
    telework = [f for f in found if f["national_item"] == "telework"]
    assert [(f["rule"], f["severity"], f["basis"]) for f in telework] == [
        ("COV001", "error", "official")
    ]


def test_a_vision_without_a_period_or_kpi_is_told_so_at_info(
    capsys: pytest.CaptureFixture[str], plan_copy: Any, minimal_text: str
) -> None:
    text = minimal_text.replace("kind: plan", "kind: vision")
    text = text.replace(
        "period:\n  start: 令和4年4月\n  end: 令和8年3月\n  cite:\n    section: 第1章 3 計画期間\n",
        "period:\n  not_stated: true\n",
    )
    found = findings(capsys, str(plan_copy(text)))
    by_rule = {(f["rule"], f["severity"]) for f in found}
    assert ("DL004", "info") in by_rule
    assert ("CON001", "info") in by_rule
    assert not [f for f in found if f["rule"] == "DL004" and f["severity"] != "info"]


# -- by the national fact --------------------------------------------------------------------


def test_later_than_an_official_deadline_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    catalog = write_catalog(tmp_path)
    path = plan_with(plan_copy, minimal_text, STD_TARGET, STD_TARGET.replace("7年度末", "9年度"))
    (dl,) = [
        f for f in findings(capsys, "--catalog", str(catalog), str(path)) if f["rule"] == "DL001"
    ]
    assert dl["severity"] == "error" and "期限" in dl["message"]
    assert "二次資料" not in dl["message"]


def test_a_deadline_resting_on_secondary_sources_only_is_capped_at_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    def weaken(data: dict[str, Any]) -> None:
        for target in item(data, "standardization")["targets"]:
            target["citation"]["sources"] = [SECONDARY]

    catalog = write_catalog(tmp_path, weaken)
    path = plan_with(plan_copy, minimal_text, STD_TARGET, STD_TARGET.replace("7年度末", "9年度"))
    (dl,) = [
        f for f in findings(capsys, "--catalog", str(catalog), str(path)) if f["rule"] == "DL001"
    ]
    assert dl["severity"] == "warning" and dl["basis"] == "secondary"
    assert "二次資料のみ" in dl["message"]


def test_later_than_a_goal_is_a_warning_worded_as_a_goal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    def goal(data: dict[str, Any]) -> None:
        for target in item(data, "standardization")["targets"]:
            if target.get("scope", "all") == "all":
                target["kind"] = "goal"

    catalog = write_catalog(tmp_path, goal)
    path = plan_with(plan_copy, minimal_text, STD_TARGET, STD_TARGET.replace("7年度末", "9年度"))
    (dl,) = [
        f for f in findings(capsys, "--catalog", str(catalog), str(path)) if f["rule"] == "DL001"
    ]
    assert dl["severity"] == "warning"
    assert "目標" in dl["message"] and "期限ではなく目標" in dl["message"]


def test_a_national_outcome_is_never_a_deadline_of_the_municipality(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    catalog = write_catalog(tmp_path)
    text = minimal_text.replace(
        "initiatives:\n",
        "initiatives:\n  - id: card\n    title: カード普及\n    national_items: [mynumber_card]\n"
        "    commitment: implement\n    target: 令和9年度\n    cite:\n      section: s\n",
    )
    found = findings(capsys, "--catalog", str(catalog), str(plan_copy(text)))
    assert not [f for f in found if f["rule"] == "DL001"]


@pytest.mark.parametrize(("target", "fires"), [("令和10年度", False), ("令和14年度", True)])
def test_specific_migration_systems_are_held_to_about_reiwa_12(
    capsys: pytest.CaptureFixture[str],
    plan_copy: Any,
    minimal_text: str,
    target: str,
    fires: bool,
) -> None:
    data = yaml.safe_load(minimal_text)
    data["facts"]["standardization"]["specific_migration"] = [
        {"systems": ["児童手当", "児童扶養手当"], "target": target, "cite": {"section": "第3章 1"}}
    ]
    # the 標準化 initiative runs as long as its 特定移行支援 systems do
    data["initiatives"][0]["target"] = target
    path = plan_copy(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    _, out, _ = run(capsys, "check", "--as-of", AS_OF, "-f", "json", str(path))
    (plan,) = json.loads(out)["plans"]
    assert plan["valid"]
    found = [f for f in plan["findings"] if f["rule"] == "DL001"]
    assert len(found) == (2 if fires else 0), found
    for f in found:
        assert "特定移行支援システム" in f["message"] and "令和12年度末" in f["message"]


def test_the_project_configuration_raises_or_lowers_a_severity(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    path = plan_copy(minimal_text)
    (tmp_path / "dxcheck.toml").write_text(
        '[severity]\nDL = "info"\nCOV003 = "error"\n', encoding="utf-8"
    )
    found = findings(capsys, str(path))
    assert {f["severity"] for f in found if f["rule"].startswith("DL")} == {"info"}
    assert {f["severity"] for f in found if f["rule"] == "COV003"} == {"error"}


# -- coverage means the municipality acts -----------------------------------------------------


def test_an_item_named_only_as_background_is_missing_with_its_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(
        capsys, "check", "--as-of", AS_OF, "-f", "json", str(PLANS / "042030-shiogama.yaml")
    )
    (plan,) = json.loads(out)["plans"]
    assert plan["coverage"]["telework"] == "missing"
    (telework,) = [f for f in plan["findings"] if f["national_item"] == "telework"]
    assert "背景として言及のみ" in telework["message"]


def test_an_item_used_inside_another_measure_is_partial(
    capsys: pytest.CaptureFixture[str], plan_copy: Any, minimal_text: str
) -> None:
    text = minimal_text.replace(
        "initiatives:\n",
        "initiatives:\n  - id: counter\n    title: 書かない窓口\n    national_items: [frontyard]\n"
        "    uses: [mynumber_card]\n    commitment: implement\n    target: 令和7年度末\n"
        "    cite:\n      section: s\n",
    )
    _, out, _ = run(capsys, "check", "--as-of", AS_OF, "-f", "json", str(plan_copy(text)))
    (plan,) = json.loads(out)["plans"]
    assert plan["coverage"]["frontyard"] == "covered"
    assert plan["coverage"]["mynumber_card"] == "partial"


# -- a catalog the user supplies, and the catalog's age ----------------------------------------


def test_a_user_catalog_is_used_and_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    def extend(data: dict[str, Any]) -> None:
        data["period_end"] = "2031-03-31"

    catalog = write_catalog(tmp_path, extend, version="2025.12")
    _, out, _ = run(
        capsys,
        "check",
        "--as-of",
        "2026-11-26",
        "-f",
        "json",
        "--catalog",
        str(catalog),
        str(plan_copy(minimal_text)),
    )
    data = json.loads(out)
    assert data["catalog"] == "2025.12" and data["catalog_notice"] is None


def test_a_broken_catalog_file_is_reported_at_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    bad = tmp_path / "my.yaml"
    bad.write_text(
        'version: "9.9"\ntitle: x\npublished: 2026-12-01\nitems:\n  - id: Bad\n', encoding="utf-8"
    )
    code, out, err = run(capsys, "check", "--catalog", str(bad), str(plan_copy(minimal_text)))
    assert code == 2 and out == ""
    assert f"{bad}:5:9:" in err  # the id that breaks the pattern
    assert f"{bad}:1:1:" in err  # the mapping that lacks period_start …
    assert "Traceback" not in err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_every_output_says_once_that_the_catalog_period_has_ended(
    capsys: pytest.CaptureFixture[str], plan_copy: Any, minimal_text: str, fmt: str
) -> None:
    path = str(plan_copy(minimal_text))
    _, out, _ = run(capsys, "check", "--as-of", "2026-11-26", "-f", fmt, path)
    assert out.count("第2.3版 の対象期間は令和8年3月31日") == 1
    _, before, _ = run(capsys, "check", "--as-of", "2026-03-31", "-f", fmt, path)
    assert "対象期間は" not in before


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reports_carry_the_catalog_banner(
    capsys: pytest.CaptureFixture[str], plan_copy: Any, minimal_text: str, fmt: str
) -> None:
    _, out, _ = run(
        capsys, "report", "--as-of", "2026-11-26", "-f", fmt, str(plan_copy(minimal_text))
    )
    assert out.count("第2.3版 の対象期間は令和8年3月31日") == 1


def test_today_is_the_date_in_japan_whatever_the_machine_timezone() -> None:
    utc = datetime.UTC
    # 00:30 JST on 令和8年4月1日 is still 31 March in UTC
    assert today_in_japan(datetime.datetime(2026, 3, 31, 15, 30, tzinfo=utc)) == datetime.date(
        2026, 4, 1
    )
    assert today_in_japan(datetime.datetime(2026, 3, 31, 14, 59, tzinfo=utc)) == datetime.date(
        2026, 3, 31
    )


def test_the_documented_catalog_workflow(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    """docs/catalog.md: export the bundled version, edit it, check it, use it."""
    code, exported, _ = run(capsys, "catalog", "--export")
    assert code == 0 and exported == CATALOG_23.read_text(encoding="utf-8")
    data = yaml.safe_load(exported)
    data["version"] = "2025.12"
    data["published"] = "2025-12-26"
    data["period_start"], data["period_end"] = "2026-04-01", "2031-03-31"
    mine = tmp_path / "2025-12.yaml"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, out, _ = run(capsys, "catalog", "--catalog", str(mine))
    assert code == 0 and "2025.12" in out
    code, out, _ = run(capsys, "catalog", "--catalog", str(mine), "--sources")
    assert code == 0 and "https://" in out
    (tmp_path / "dxcheck.toml").write_text('catalog = "2025-12.yaml"\n', encoding="utf-8")
    code, out, _ = run(
        capsys, "check", "--as-of", "2026-11-26", "-f", "json", str(plan_copy(minimal_text))
    )
    checked = json.loads(out)
    assert checked["catalog"] == "2025.12" and checked["catalog_notice"] is None
    data["items"][0]["titel"] = "x"
    mine.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, _, err = run(capsys, "catalog", "--catalog", str(mine))
    assert code == 2 and "不明なキー `titel`" in err and f"{mine}:" in err


def test_a_recorded_migration_state_answers_the_passed_standardisation_deadline(
    capsys: pytest.CaptureFixture[str], plan_copy: Any, minimal_text: str
) -> None:
    data = yaml.safe_load(minimal_text)
    before = findings(capsys, str(plan_copy(minimal_text)))
    # 標準化: 令和7年度末 passed, nothing recorded
    assert [f for f in before if f["rule"] == "DL002" and f["national_item"] == "standardization"]
    data["facts"]["standardization"]["progress"] = [
        {"as_of": "令和8年3月", "status": "partial", "systems": ["住民基本台帳"]},
        {"as_of": "令和8年3月", "status": "not_started", "systems": ["固定資産税"]},
    ]
    path = plan_copy(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), name="p2.yaml")
    after = findings(capsys, str(path))
    assert not [
        f for f in after if f["rule"] == "DL002" and f["national_item"] == "standardization"
    ]


def test_an_item_of_a_user_catalog_is_known_in_that_run_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_copy: Any, minimal_text: str
) -> None:
    """A catalog file's new item id reaches validation (pydantic's validation context) in the
    run that names the file, with one plan or many (workers); without the file it is unknown."""

    def add_item(data: dict[str, Any]) -> None:
        item = dict(data["items"][0])
        item["id"] = "drone_delivery"
        item["number"] = "9.9"
        data["items"].append(item)

    catalog = str(write_catalog(tmp_path, add_item, version="2026.1"))
    text = minimal_text.replace(
        "initiatives:\n",
        "initiatives:\n  - id: drone\n    title: ドローン配送\n    national_items: [drone_delivery]\n"
        "    commitment: implement\n    cite:\n      section: s\n",
    )
    one = str(plan_copy(text))
    many = [str(plan_copy(text, f"p{n}.yaml")) for n in range(8)]
    for paths in ([one], many):
        code, out, _ = run(
            capsys, "check", "-f", "json", "--no-cache", "--catalog", catalog, *paths
        )
        data = json.loads(out)
        assert data["summary"]["invalid"] == 0, out
    from dxcheck.catalog import forget_user_catalogs

    forget_user_catalogs()  # what a new process starts with
    code, out, _ = run(capsys, "check", "-f", "json", "--no-cache", one)
    assert code == 1 and "drone_delivery" in out and json.loads(out)["summary"]["invalid"] == 1
