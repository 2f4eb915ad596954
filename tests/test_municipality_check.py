"""`dxcheck validate` checks that a plan's municipality name, code and prefecture agree with the
national table: an error at the offending line with the expected value, in Japanese and English.

The minimal plan has `name` on line 4, `code` on line 5 and `prefecture` on line 6."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli as run

MakePlan = Callable[..., Path]


def plan_for(make: MakePlan, text: str, name: str, code: str, prefecture: str) -> Path:
    text = (
        text.replace("name: 松島町", f"name: {name}", 1)
        .replace('code: "044016"', f'code: "{code}"', 1)
        .replace("prefecture: 宮城県", f"prefecture: {prefecture}", 1)
    )
    return make(text)


# name, code, prefecture, "line:col: severity[CODE]", Japanese fragments, English fragments
PROBLEMS = [
    # the two examples of issue 10
    (
        "札幌市",
        "131016",
        "北海道",
        "5:9: error[DX211]",
        [
            "131016 は東京都千代田区のコード",
            "「札幌市」ではありません",
            "北海道札幌市のコードは 011002",
        ],
        ["code 131016 belongs to 東京都千代田区, not 札幌市", "北海道札幌市 is 011002"],
    ),
    (
        "札幌市",
        "011002",
        "東京都",
        "6:15: error[DX221]",
        ["札幌市（011002）は北海道の団体です（「東京都」ではありません）"],
        ["札幌市 (011002) is in 北海道, not 東京都"],
    ),
    # both wrong at once: one message, at the code, naming both governments
    (
        "札幌市",
        "131016",
        "東京都",
        "5:9: error[DX211]",
        ["東京都千代田区", "北海道札幌市のコードは 011002"],
        ["北海道札幌市 is 011002"],
    ),
    # a misspelt name: at the name, with "did you mean"
    (
        "札幌氏",
        "011002",
        "北海道",
        "4:9: error[DX211]",
        ["011002 は北海道札幌市のコード", "「札幌市」のことですか？"],
        ["not 札幌氏 (did you mean 札幌市?)"],
    ),
    # the same name in another prefecture: the prefecture is wrong, and its own 府中市 is named
    (
        "府中市",
        "342084",
        "東京都",
        "6:15: error[DX221]",
        ["広島県の団体です", "東京都府中市のコードは 132063"],
        ["is in 広島県, not 東京都; 東京都府中市 is 132063"],
    ),
    (
        "美里町",
        "045055",
        "熊本県",
        "6:15: error[DX221]",
        ["宮城県の団体です", "熊本県美里町のコードは 433489"],
        ["is in 宮城県, not 熊本県"],
    ),
    ("松島町", "044016", "宮城", "6:15: error[DX221]", ["宮城県の団体です"], ["is in 宮城県"]),
    # a code with a valid check digit that no government has
    (
        "松島町",
        "044024",
        "宮城県",
        "5:9: error[DX220]",
        [
            "044024 は全国地方公共団体コードの表（2025年11月時点）にありません",
            "宮城県松島町のコードは 044016",
        ],
        ["044024 is not in the table", "宮城県松島町 is 044016"],
    ),
    # 政令市と区: the city's name with a ward's code, a ward's name with the city's code
    (
        "仙台市",
        "041017",
        "宮城県",
        "5:9: error[DX211]",
        ["041017 は宮城県仙台市青葉区のコード", "宮城県仙台市のコードは 041009"],
        ["belongs to 宮城県仙台市青葉区, not 仙台市"],
    ),
    (
        "青葉区",
        "041009",
        "宮城県",
        "5:9: error[DX211]",
        ["宮城県仙台市青葉区のコードは 041017"],
        ["宮城県仙台市青葉区 is 041017"],
    ),
    # a prefecture as the author, in the wrong prefecture
    ("宮城県", "040002", "東京都", "6:15: error[DX221]", ["宮城県の団体です"], ["not 東京都"]),
]


@pytest.mark.parametrize(
    ("name", "code", "prefecture", "where", "ja", "en"),
    PROBLEMS,
    ids=[f"{p[0]}-{p[1]}-{p[2]}" for p in PROBLEMS],
)
def test_disagreeing_name_code_or_prefecture_is_an_error_with_the_expected_value(
    capsys: pytest.CaptureFixture[str],
    plan_copy: MakePlan,
    minimal_text: str,
    name: str,
    code: str,
    prefecture: str,
    where: str,
    ja: list[str],
    en: list[str],
) -> None:
    path = plan_for(plan_copy, minimal_text, name, code, prefecture)
    status, out, err = run(capsys, "validate", str(path))
    assert status == 1 and "Traceback" not in out + err
    lines = [line for line in out.splitlines() if "[DX2" in line]
    assert len(lines) == 1, out  # one message, not one per field
    assert lines[0].startswith(f"{path}:{where} ")
    for fragment in ja:
        assert fragment in lines[0]
    status, out, _ = run(capsys, "validate", "--lang", "en", str(path))
    assert status == 1
    for fragment in en:
        assert fragment in out


# name, code, prefecture: accepted without any message
CLEAN = [
    ("松島町", "044016", "宮城県"),
    ("札幌市", "011002", "北海道"),
    ("千代田区", "131016", "東京都"),  # a 特別区
    ("府中市", "342084", "広島県"),
    ("仙台市青葉区", "041017", "宮城県"),  # a ward, with its city
    ("青葉区", "041017", "宮城県"),  # a ward, alone
    ("浜松市中央区", "221384", "静岡県"),  # a ward created in 2024
    ("宮城県", "040002", "宮城県"),  # a prefecture's own plan
    ("東京都", "130001", "東京都"),
    ("泊村", "014036", "北海道"),  # not the 北方領土 village of the same name
    ("龍ケ崎市", "082082", "茨城県"),  # the table's spelling (ケ), as it is
    ("七ヶ浜町", "044041", "宮城県"),  # the table's spelling (ヶ)
]


@pytest.mark.parametrize(("name", "code", "prefecture"), CLEAN)
def test_agreeing_plans_are_clean(
    capsys: pytest.CaptureFixture[str],
    plan_copy: MakePlan,
    minimal_text: str,
    name: str,
    code: str,
    prefecture: str,
) -> None:
    path = plan_for(plan_copy, minimal_text, name, code, prefecture)
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 0 and "[DX" not in out, out


# A variant spelling of the code's own name: a warning with the table's spelling (the code
# already says which government it is; the plan stays valid).
VARIANTS = [
    ("塩釜市", "042030", "塩竈市"),
    ("七ケ浜町", "044041", "七ヶ浜町"),
    ("竜ケ崎市", "082082", "龍ケ崎市"),
    ("松島町　", "044016", "松島町"),  # a trailing full-width space
    ("宮城県松島町", "044016", "松島町"),  # the prefecture belongs in prefecture:
]


@pytest.mark.parametrize(("name", "code", "canonical"), VARIANTS)
def test_variant_spellings_warn_with_the_tables_spelling(
    capsys: pytest.CaptureFixture[str],
    plan_copy: MakePlan,
    minimal_text: str,
    name: str,
    code: str,
    canonical: str,
) -> None:
    prefecture = "茨城県" if code == "082082" else "宮城県"
    path = plan_for(plan_copy, minimal_text, name, code, prefecture)
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 0
    assert f"{path}:4:9: warning[DX222]" in out and f"「{canonical}」と書いてください" in out
    _, out, _ = run(capsys, "validate", "--lang", "en", str(path))
    assert f"does: {canonical} (not {name})" in out


def test_a_northern_territories_village_is_a_warning(
    capsys: pytest.CaptureFixture[str], plan_copy: MakePlan, minimal_text: str
) -> None:
    path = plan_for(plan_copy, minimal_text, "色丹村", "016951", "北海道")
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 0
    assert f"{path}:5:9: warning[DX223]" in out and "北方領土の村" in out
    _, out, _ = run(capsys, "validate", "--lang", "en", str(path))
    assert "Northern Territories" in out


def test_check_treats_a_plan_with_a_wrong_code_as_invalid(
    capsys: pytest.CaptureFixture[str], plan_copy: MakePlan, minimal_text: str
) -> None:
    path = plan_for(plan_copy, minimal_text, "札幌市", "131016", "北海道")
    status, out, _ = run(capsys, "check", str(path), "--as-of", "2026-11-26")
    assert status == 1 and "DX211" in out
