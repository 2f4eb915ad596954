"""全国地方公共団体コード: the check digit and the bundled table that `init` and `validate` use."""

import pytest

from dxcheck.codes import check_digit, check_digit_ok, table


@pytest.mark.parametrize(
    ("code", "ok"),
    [("044016", True), ("042137", True), ("040002", True), ("044017", False), ("04401", False)],
)
def test_check_digit(code: str, ok: bool) -> None:
    assert check_digit_ok(code) is ok


def test_every_bundled_code_has_a_valid_check_digit_and_a_unique_name() -> None:
    entries = list(table().values())
    assert len(entries) == 36  # 宮城県 and its 35 municipalities
    for gov in entries:
        assert check_digit(gov.code[:5]) == int(gov.code[5]), gov
        assert gov.prefecture == "宮城県"
    names = [g.name for g in entries]
    assert len(names) == len(set(names))


def test_the_five_seed_municipalities_are_in_the_table() -> None:
    bundled = table()
    for code, name in [
        ("042021", "石巻市"),
        ("042030", "塩竈市"),
        ("042137", "栗原市"),
        ("042145", "東松島市"),
        ("044016", "松島町"),
    ]:
        assert bundled[code].name == name
