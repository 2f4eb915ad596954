"""The national catalog: versioned, citable data that every rule relies on."""

import datetime
import itertools
from pathlib import Path

import pytest
import yaml

from dxcheck.catalog import (
    UnknownCatalogVersion,
    available_versions,
    latest_version,
    load_catalog,
    version_in_force,
)

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
    from dxcheck.catalog.ids import ITEM_IDS, generate

    assert sorted(ITEM_IDS) == generate().splitlines()


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
