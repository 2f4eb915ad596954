"""The national catalog: versioned, citable data that every rule relies on."""

import dataclasses
import datetime
import itertools
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from pydantic import ValidationError

from conftest import run_cli
from dxcheck.catalog import (
    UnknownCatalogVersion,
    available_versions,
    business_variants,
    catalog_facts,
    latest_version,
    load_catalog,
    match_business,
    secondary_only,
    strength,
    version_in_force,
)
from dxcheck.catalog.models import BusinessVariant, BusinessVariants
from dxcheck.engine.coverage import normalise_business, unmatched_business

D = datetime.date


def test_every_bundled_version_loads_and_is_ordered_by_publication() -> None:
    versions = available_versions()
    assert versions == ["1.0", "2.0", "2.3"]
    published = [load_catalog(v).published for v in versions]
    assert published == sorted(published)
    for older, newer in itertools.pairwise(versions):
        assert load_catalog(newer).supersedes == older


@pytest.mark.parametrize("version", ["1.0", "2.0", "2.3"])
def test_every_item_is_citable_and_uses_the_latest_vocabulary(version: str) -> None:
    catalog = load_catalog(version)
    latest_ids = {item.id for item in load_catalog(latest_version()).items}
    ids = [item.id for item in catalog.items]
    assert len(ids) == len(set(ids))
    for item in catalog.items:
        assert item.id in latest_ids, item.id
        assert item.citation.section and item.citation.version == version
        for target in item.targets:
            assert target.citation.section
            if target.deadline is not None:
                assert target.deadline_text, f"{item.id}: a deadline needs its wording"


def test_standardisation_deadline_is_the_end_of_reiwa_7() -> None:
    for version in ("2.0", "2.3"):
        item = next(i for i in load_catalog(version).items if i.id == "standardization")
        deadlines = {t.deadline for t in item.targets if t.deadline}
        assert D(2026, 3, 31) in deadlines


def test_core_business_lists_grew_from_17_to_20() -> None:
    assert len(load_catalog("1.0").core_business) == 17
    twenty = load_catalog("2.3").core_business
    assert len(twenty) == len(set(twenty)) == 20
    assert {"戸籍", "戸籍の附票", "印鑑登録"} <= set(twenty) - set(
        load_catalog("1.0").core_business
    )


def test_the_31_online_procedures_are_listed_once_each() -> None:
    names = [p.name for p in load_catalog("2.3").online_procedures]
    assert len(names) == len(set(names)) == 31


def test_version_in_force_follows_publication_dates() -> None:
    assert version_in_force(D(2020, 12, 1)) is None
    assert version_in_force(D(2022, 3, 31)) == "1.0"
    assert version_in_force(D(2023, 3, 1)) == "2.0"
    assert version_in_force(D(2026, 11, 25)) == latest_version() == "2.3"


def test_unknown_version_names_the_known_ones() -> None:
    with pytest.raises(UnknownCatalogVersion) as caught:
        load_catalog("9.9")
    assert "2.3" in str(caught.value)


def test_the_item_id_constant_is_what_the_catalog_files_define() -> None:
    import importlib.util

    from dxcheck.vocabulary import ITEM_IDS

    script = Path(__file__).resolve().parents[1] / "scripts" / "vocabulary.py"
    spec = importlib.util.spec_from_file_location("vocabulary_script", script)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert sorted(ITEM_IDS) == generator.item_ids()
    module = Path(__file__).resolve().parents[1] / "src" / "dxcheck" / "vocabulary.py"
    assert generator.module_text() == module.read_text("utf-8")


def test_a_user_catalog_becomes_the_latest_version_for_one_run(tmp_path: Path) -> None:
    from dxcheck.catalog import forget_user_catalogs, use

    source = Path(__file__).resolve().parents[1] / "src/dxcheck/catalog/data/2.3.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["version"] = "2025.12"
    data["published"] = "2025-12-01"
    path = tmp_path / "revised.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert use(str(path)) == "2025.12"
    assert latest_version() == "2025.12"
    assert version_in_force(D(2026, 1, 5)) == "2025.12"
    assert version_in_force(D(2025, 6, 1)) == "2.3"
    forget_user_catalogs()
    assert latest_version() == "2.3"


# --- sources: every fact carries at least one, quoted and addressable ----------------------


@pytest.mark.parametrize("version", ["1.0", "2.0", "2.3"])
def test_every_fact_has_a_source(version: str) -> None:
    catalog = load_catalog(version)
    facts = list(catalog_facts(catalog))
    keys = [f.key for f in facts]
    assert {"version", "period", "core_business", "online_procedures"} <= set(keys)
    assert {f"item:{i.id}" for i in catalog.items} <= set(keys)
    assert len(keys) == len(set(keys))
    bare = [f.key for f in facts if f.citation is None or not f.citation.sources]
    assert not bare, f"第{version}版: facts without a source: {bare}"


@pytest.mark.parametrize("version", ["1.0", "2.0", "2.3"])
def test_every_quote_is_short_and_every_url_well_formed(version: str) -> None:
    for fact in catalog_facts(load_catalog(version)):
        assert fact.citation is not None
        for source in fact.citation.sources:
            assert 0 < len(source.quote) <= 150, (fact.key, source.quote)
            assert source.quote == source.quote.strip(), (fact.key, source.quote)
            url = urlsplit(source.url)
            assert url.scheme in ("http", "https") and "." in url.netloc, (fact.key, source.url)
            assert not any(ch.isspace() for ch in source.url), (fact.key, source.url)
            assert source.locator.strip()


def test_a_fact_without_a_source_is_found() -> None:
    catalog = load_catalog("2.3")
    broken = dataclasses.replace(catalog, period_citation=None)
    assert [f.key for f in catalog_facts(broken) if f.citation is None] == ["period"]
    item = catalog.items[0]
    bare = dataclasses.replace(item, citation=dataclasses.replace(item.citation, sources=()))
    assert strength(bare.citation) == "none"


def test_2_3_numbering_follows_its_table_of_contents() -> None:
    items = {i.id: i for i in load_catalog("2.3").items}
    toc = [
        "frontyard",
        "standardization",
        "public_payment_eltax",
        "mynumber_card",
        "security",
        "ai_rpa",
        "telework",
    ]
    for n, item_id in enumerate(toc, start=1):
        assert items[item_id].number == f"重点取組事項({n})"
        assert items[item_id].citation.section.startswith(f"3.1({n}) ")
        assert strength(items[item_id].citation) == "official"
        assert any(s.locator.startswith("目次 p") for s in items[item_id].citation.sources)
    assert items["org_structure"].citation.section.startswith("2.(1) ")
    assert items["digital_talent"].citation.section.startswith("2.(2) ")
    # online procedures sit under the card item, not under フロントヤード
    assert items["online_procedures"].number.startswith("重点取組事項(4)")
    assert "フロントヤード" not in items["online_procedures"].title_ja
    assert load_catalog("2.3").core_business_citation.section.startswith("3.1(2) ")


def test_targets_added_from_the_sources_and_their_kinds() -> None:
    items = {i.id: i for i in load_catalog("2.3").items}
    (eltax,) = items["public_payment_eltax"].targets
    assert (eltax.kind, eltax.deadline, eltax.deadline_text) == (
        "deadline",
        D(2026, 9, 30),
        "令和8年9月",
    )
    assert strength(eltax.citation) == "official"
    (security,) = items["security"].targets
    assert (security.kind, security.deadline) == ("deadline", D(2026, 4, 1))
    assert "地方自治法" in security.citation.document
    assert secondary_only(security.citation)  # the date was read in secondary sources only
    by_scope = {t.scope: t for t in items["standardization"].targets}
    assert by_scope["all"].deadline == D(2026, 3, 31) and by_scope["all"].kind == "deadline"
    assert by_scope["specific_migration"].deadline == D(2031, 3, 31)
    assert "標準化基本方針" in by_scope["specific_migration"].citation.document
    assert secondary_only(by_scope["specific_migration"].citation)
    for version in ("1.0", "2.0", "2.3"):
        online = next(i for i in load_catalog(version).items if i.id == "online_procedures")
        card = next(i for i in load_catalog(version).items if i.id == "mynumber_card")
        assert [t.kind for t in online.targets] == ["goal"]  # 「目標」「目指して」
        assert [t.kind for t in card.targets] == ["outcome"]  # a national outcome


def test_catalog_sources_command_lists_every_fact(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "catalog", "--sources")
    assert code == 0
    for fact in catalog_facts(load_catalog(latest_version())):
        assert f"{fact.key}  " in out
    assert "出典なし 0 件" in out and "［二次資料のみ］" in out
    assert "https://www.soumu.go.jp/main_content/000919516.pdf (目次 p24)" in out
    code, out, _ = run_cli(capsys, "catalog", "--sources", "--catalog", "1.0", "--lang", "en")
    assert code == 0 and "version 1.0" in out and "[secondary sources only]" in out
    code, out, _ = run_cli(capsys, "catalog", "--sources", "-f", "json")
    data = json.loads(out)
    assert data["catalog"] == latest_version() and data["summary"]["none"] == 0
    assert all(f["sources"] for f in data["facts"])
    security = next(f for f in data["facts"] if f["fact"] == "target:security#1")
    assert security["secondary_only"] is True and security["strength"] == "secondary"
    code, _, err = run_cli(capsys, "catalog", "--sources", "--catalog", "9.9")
    assert code == 2 and "9.9" in err


# --- 基幹業務 variants (catalog data) --------------------------------------------------------


def test_variant_table_names_exactly_the_catalog_core_business() -> None:
    table = business_variants()
    names = [entry.name for entry in table.business]
    assert sorted(names) == sorted(load_catalog("2.3").core_business)
    assert set(load_catalog("1.0").core_business) <= set(names)


def test_variants_map_to_their_business_and_nothing_else() -> None:
    cases = {
        "住民記録": "住民基本台帳",
        "住民基本台帳事務": "住民基本台帳",
        "戸籍附票": "戸籍の附票",
        "戸籍": "戸籍",
        "市町村民税": "個人住民税",
        "個人市民税": "個人住民税",
        "個人町民税": "個人住民税",
        "法人市民税": "法人住民税",
        "国保": "国民健康保険",
        "障がい者福祉": "障害者福祉",
        "子ども子育て支援": "子ども・子育て支援",
        "健康管理システム": "健康管理",
        "健康管理": "健康管理",
        "選挙人名簿": "選挙人名簿管理",
        "選挙人名簿管理システム": "選挙人名簿管理",
        "住民基本台帳 業務システム": "住民基本台帳",
        "ＢＰＲ業務": None,
        "税務": None,
        "住民票": None,
    }
    for name, expected in cases.items():
        assert match_business(name) == expected, name
        if expected is not None:
            assert normalise_business(name) == expected
    assert unmatched_business(["住民記録", "住民台帳管理ほげ", "戸籍附票", "住民台帳管理ほげ"]) == [
        "住民台帳管理ほげ"
    ]


def test_a_variant_listed_for_two_business_is_rejected() -> None:
    data = {"business": [{"name": "A", "variants": ["x"]}, {"name": "B", "variants": ["ｘ"]}]}
    from dxcheck.core_schemas import validator

    with pytest.raises(ValidationError, match="両方"):
        validator("business_variants").validate_python(data)
    with pytest.raises(ValueError, match="両方"):  # also when the table is built in Python
        BusinessVariants(
            business=(
                BusinessVariant(name="A", variants=("x",)),
                BusinessVariant(name="B", variants=("ｘ",)),
            )
        )


REAL_PLAN_20 = [
    "住民記録",
    "戸籍",
    "戸籍附票",
    "印鑑登録",
    "選挙人名簿",
    "固定資産税",
    "市町村民税",
    "法人市民税",
    "軽自動車税",
    "国保",
    "国民年金",
    "障がい者福祉",
    "後期高齢者医療",
    "介護保険",
    "生活保護",
    "健康管理システム",
    "就学",
    "児童手当",
    "児童扶養手当",
    "子ども子育て支援",
]


def _plan_with_systems(minimal_text: str, systems: list[str]) -> str:
    line = "    systems: [住民基本台帳, 固定資産税]\n"
    assert line in minimal_text
    return minimal_text.replace(line, "    systems: [" + ", ".join(systems) + "]\n")


def test_twenty_business_as_real_plans_write_them_get_no_cov004(
    capsys: pytest.CaptureFixture[str], plan_copy: Any, minimal_text: str
) -> None:
    plan = plan_copy(_plan_with_systems(minimal_text, REAL_PLAN_20))
    code, out, _ = run_cli(capsys, "check", "--as-of", "2024-04-01", "-f", "json", str(plan))
    assert code in (0, 1)
    rules = {f["rule"] for p in json.loads(out)["plans"] for f in p["findings"]}
    assert "COV004" not in rules
    assert unmatched_business(REAL_PLAN_20) == []


def test_a_made_up_business_name_is_unmatched_and_still_missing(
    capsys: pytest.CaptureFixture[str], plan_copy: Any, minimal_text: str
) -> None:
    systems = [*REAL_PLAN_20[:-1], "こども未来業務"]
    assert unmatched_business(systems) == ["こども未来業務"]
    plan = plan_copy(_plan_with_systems(minimal_text, systems))
    code, out, _ = run_cli(capsys, "check", "--as-of", "2024-04-01", "-f", "json", str(plan))
    assert code in (0, 1)
    findings = [f for p in json.loads(out)["plans"] for f in p["findings"]]
    cov004 = [f for f in findings if f["rule"] == "COV004"]
    assert len(cov004) == 1 and "子ども・子育て支援" in cov004[0]["message"]
