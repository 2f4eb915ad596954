"""全国地方公共団体コード: the check digit and the bundled national table that `init` and
`validate` use, its lookups (ambiguous names, wards, prefectures, 北方領土) and its provenance."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from dxcheck import codes
from dxcheck.codes import check_digit, check_digit_ok, table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "dxcheck" / "data" / "municipalities"
UPSTREAM = ROOT.parent / "shared" / "reference" / "municipalities"  # ../shared/reference/…


@pytest.mark.parametrize(
    ("code", "ok"),
    [("044016", True), ("042137", True), ("040002", True), ("044017", False), ("04401", False)],
)
def test_check_digit(code: str, ok: bool) -> None:
    assert check_digit_ok(code) is ok


def test_the_table_holds_every_local_government_of_japan() -> None:
    entries = list(table().values())
    kinds = Counter(gov.kind for gov in entries)
    assert kinds == {"prefecture": 47, "city": 1741, "northern_territories": 6, "ward": 171}
    assert len({gov.code for gov in entries}) == 1965
    for gov in entries:
        assert check_digit(gov.code[:5]) == int(gov.code[5]), gov
        assert gov.prefecture == table()[codes.prefecture_code(gov.code)].name
        assert codes.get(gov.code) == gov


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
        assert bundled[code].prefecture == "宮城県"


def test_prefectures_in_code_order() -> None:
    names = [p.name for p in codes.prefectures()]
    assert len(names) == 47 and names[0] == "北海道" and names[3] == "宮城県"
    assert names[12] == "東京都" and names[-1] == "沖縄県"


def test_kinds_of_government() -> None:
    assert codes.get("040002") == codes.by_name("宮城県")[0]
    assert codes.get("040002").kind == "prefecture"  # type: ignore[union-attr]
    chiyoda = codes.get("131016")
    assert chiyoda is not None and chiyoda.kind == "city"  # a 特別区 is a city
    assert chiyoda.label == "東京都千代田区"
    aoba = codes.get("041017")
    assert aoba is not None and aoba.kind == "ward"
    assert (aoba.name, aoba.full_name, aoba.parent_code) == ("青葉区", "仙台市青葉区", "041009")
    assert aoba.label == "宮城県仙台市青葉区"
    shikotan = codes.get("016951")
    assert shikotan is not None and shikotan.kind == "northern_territories"
    assert codes.get("019992") is None  # a right check digit, but no such government


@pytest.mark.parametrize(
    ("name", "prefectures"),
    [
        ("府中市", ["東京都", "広島県"]),
        ("伊達市", ["北海道", "福島県"]),
        ("美里町", ["宮城県", "埼玉県", "熊本県"]),
        ("泊村", ["北海道", "北海道"]),  # 014036 and the 北方領土 village 016969
        ("札幌市", ["北海道"]),
    ],
)
def test_names_are_ambiguous_across_japan(name: str, prefectures: list[str]) -> None:
    assert [g.prefecture for g in codes.by_name(name)] == prefectures
    for prefecture in set(prefectures):
        assert {g.prefecture for g in codes.by_name(name, prefecture)} == {prefecture}
    assert codes.by_name(name, "沖縄県") == []


def test_find_reads_what_a_user_types() -> None:
    assert [g.code for g in codes.find("東京都府中市")] == ["132063"]
    assert [g.code for g in codes.find("府中市", "広島県")] == ["342084"]
    assert codes.find("東京都府中市", "広島県") == []  # the two prefectures disagree
    assert [g.code for g in codes.find("仙台市青葉区")] == ["041017"]
    assert [g.code for g in codes.find("青葉区")] == ["041017", "141178"]  # 仙台市, 横浜市
    assert [g.code for g in codes.find("宮城県")] == ["040002"]
    assert [g.code for g in codes.find("北海道札幌市中央区")] == ["011011"]
    assert len(codes.find("北区")) == 11  # 東京都北区 and ten wards


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("塩釜市", "宮城県塩竈市"),
        ("七ケ浜町", "宮城県七ヶ浜町"),
        ("竜ケ崎市", "茨城県龍ケ崎市"),
        ("松島町　", "宮城県松島町"),  # a full-width space
        ("札幌氏", "北海道札幌市"),  # no variant: the closest name
    ],
)
def test_suggestions_give_the_tables_spelling(typed: str, canonical: str) -> None:
    assert codes.by_name(typed) == []  # never accepted as it is
    assert [g.label for g in codes.suggest(typed)][:1] == [canonical]


def test_no_suggestion_for_a_name_longer_than_any() -> None:
    assert codes.suggest("札幌" * 50_000) == []  # and no quadratic difflib on it


def test_the_licence_and_provenance_ship_with_the_data() -> None:
    licence = (DATA / "LICENSE.txt").read_text(encoding="utf-8")
    assert "The MIT License" in licence and "ELASTIC Consultants Inc." in licence
    provenance = (DATA / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "出典：総務省ウェブサイト（全国地方公共団体コード）" in provenance
    assert "https://github.com/nojimage/local-gov-code-jp" in provenance
    assert re.search(r"commit \| `[0-9a-f]{40}`", provenance)
    assert re.search(r"index.json` \(sha256 `[0-9a-f]{64}`\)", provenance)
    for path in DATA.iterdir():  # sources by relative path or URL, never a machine's path
        assert not re.search(r"(?<![\w.])/(?:work|home|tmp|Users)/", path.read_text("utf-8"))


def _build_script() -> object:
    spec = importlib.util.spec_from_file_location(
        "build_municipalities", ROOT / "scripts" / "build_municipalities.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not UPSTREAM.is_dir(), reason="../shared/reference/municipalities not here")
def test_the_bundled_table_is_what_the_script_builds_from_upstream(tmp_path: Path) -> None:
    build = _build_script().build  # type: ignore[attr-defined]
    build(UPSTREAM, "a14eb2b84eefb7e50ee76f83f5dbdb4f8a68e195", out=tmp_path)
    for name in ("municipalities.tsv", "LICENSE.txt", "PROVENANCE.md"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
    digest = hashlib.sha256((UPSTREAM / "index.json").read_bytes()).hexdigest()
    assert digest in (DATA / "PROVENANCE.md").read_text(encoding="utf-8")


def test_importing_the_module_reads_nothing_and_one_lookup_reads_no_names() -> None:
    # `validate` runs on every save in editors and CI: the table costs nothing at import, and
    # checking a plan whose name, code and prefecture agree builds no name index.
    script = (
        "import dxcheck.codes as c, dxcheck.validate as v, pathlib\n"
        "assert c._rows.cache_info().currsize == 0\n"
        "r = v.validate_bytes(pathlib.Path('tests/data/minimal.yaml').read_bytes(), 'x')\n"
        "assert r.valid and c.table.cache_info().currsize == 0\n"
        "assert c._by_name.cache_info().currsize == 0\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
