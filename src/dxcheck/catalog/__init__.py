"""The versioned catalog of the national 自治体DX推進計画 (data in ``catalog/data/<version>.yaml``).

Every rule names a catalog item and the catalog version it was checked against; a plan can be
checked against any version, and ``version_in_force`` tells which version applied on the day a
plan was adopted (a plan cannot be blamed for items published after it).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from dxcheck import core_schemas
from dxcheck.catalog.business import business_key, no_variant_twice
from dxcheck.catalog.sources import secondary_only, strength

if TYPE_CHECKING:
    from dxcheck.catalog.models import BusinessVariants, Catalog, CatalogCitation

__all__ = [
    "UnknownCatalogVersion",
    "business_key",
    "no_variant_twice",
    "secondary_only",
    "strength",
]

# The data files next to this module (importlib.resources would cost ~25 ms of imports on every
# run; the package is always installed as files).
DATA = Path(__file__).resolve().parent / "data"


class UnknownCatalogVersion(ValueError):
    def __init__(self, version: str) -> None:
        known = ", ".join(available_versions())
        super().__init__(f"カタログ第{version}版はありません（収録: {known}） / unknown version")
        self.version = version


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


# Catalogs the user supplied with --catalog FILE, by version; they rank after the bundled ones.
_USER: dict[str, Catalog] = {}


def register(catalog: Catalog) -> str:
    """Make a user-supplied catalog available under its version (it becomes the latest)."""
    _USER[catalog.version] = catalog
    return catalog.version


def user_item_ids() -> frozenset[str]:
    """The national item ids of the catalogs registered with --catalog FILE (validation
    receives them in its context: :func:`dxcheck.validate.validate_bytes`)."""
    return frozenset(item.id for catalog in _USER.values() for item in catalog.items)


def forget_user_catalogs() -> None:
    """Drop the catalogs registered with --catalog FILE (one run's state; tests reset it)."""
    _USER.clear()


def use(value: str) -> str:
    """``--catalog VALUE``: a bundled version, or a catalog file (loaded, validated and
    registered). Returns the version to check against; raises UnknownCatalogVersion or
    :class:`dxcheck.catalog.userfile.CatalogFileError`."""
    from dxcheck.catalog.userfile import load_catalog_file, looks_like_file

    if value in _USER or value in bundled_versions():
        return value
    if looks_like_file(value):
        return register(load_catalog_file(value))
    raise UnknownCatalogVersion(value)


def available_versions() -> list[str]:
    bundled = bundled_versions()
    return [*bundled, *(v for v in _USER if v not in bundled)]


@cache
def bundled_versions() -> list[str]:
    data = DATA
    names = [
        p.name.removesuffix(".yaml")
        for p in data.iterdir()
        if re.fullmatch(r"[0-9]+(\.[0-9]+)*\.yaml", p.name)  # not vocabulary files
    ]
    return sorted(names, key=_key)


def latest_version() -> str:
    return available_versions()[-1]


def load_catalog(version: str | None = None) -> Catalog:
    """One catalog version (the latest by default): a user-supplied one, or bundled data
    loaded, validated and cached."""
    version = version or latest_version()
    if version in _USER:
        return _USER[version]
    if version not in bundled_versions():
        raise UnknownCatalogVersion(version)
    return _load_bundled(version)


@cache
def _load_bundled(version: str) -> Catalog:
    """A bundled version, read from its validated JSON shipped with the package
    (:mod:`dxcheck.core_schemas`; the YAML file is its source)."""
    catalog: Catalog = core_schemas.validator("catalog").validate_json(
        core_schemas.bundled_json(f"catalog-{version}")
    )
    if catalog.version != version:
        raise ValueError(f"catalog file {version}.yaml says version {catalog.version}")
    return catalog


def version_in_force(day: datetime.date) -> str | None:
    """The newest catalog version published on or before ``day`` (None if before all)."""
    found: tuple[datetime.date, str] | None = None
    for version in available_versions():
        published = load_catalog(version).published
        if published <= day and (found is None or published >= found[0]):
            found = (published, version)
    return found[1] if found else None


@dataclass(frozen=True, slots=True)
class Fact:
    """One citable fact of a catalog version and the citation that carries its sources."""

    key: str  # e.g. "period", "item:standardization", "target:standardization#2"
    label_ja: str
    label_en: str
    citation: CatalogCitation | None  # None only where a file lacks it (a test forbids that)


def catalog_facts(catalog: Catalog) -> Iterator[Fact]:
    """Every fact of a catalog version, in file order: the version and its date, its 対象期間,
    the lists of 基幹業務 and online procedures, each item and each national target."""
    yield Fact(
        "version",
        f"第{catalog.version}版（{catalog.published.isoformat()} 公表）",
        f"version {catalog.version} (published {catalog.published.isoformat()})",
        catalog.citation,
    )
    yield Fact(
        "period",
        f"対象期間 {catalog.period_start.isoformat()} 〜 {catalog.period_end.isoformat()}",
        f"period {catalog.period_start.isoformat()} to {catalog.period_end.isoformat()}",
        catalog.period_citation,
    )
    yield Fact(
        "core_business",
        f"標準化の対象の基幹業務（{len(catalog.core_business)}業務）",
        f"core services to standardise ({len(catalog.core_business)})",
        catalog.core_business_citation,
    )
    yield Fact(
        "online_procedures",
        f"オンライン化の対象手続（{len(catalog.online_procedures)}手続）",
        f"online procedures ({len(catalog.online_procedures)})",
        catalog.online_procedures_citation,
    )
    for item in catalog.items:
        yield Fact(
            f"item:{item.id}",
            f"{item.number} {item.title_ja}",
            f"{item.number} {item.title_en}",
            item.citation,
        )
        for n, target in enumerate(item.targets, start=1):
            when = target.deadline_text or (target.deadline.isoformat() if target.deadline else "")
            kind_ja = "期限" if target.kind == "deadline" else "目標"
            yield Fact(
                f"target:{item.id}#{n}",
                f"{kind_ja}（{when}）: {target.description_ja}" if when else target.description_ja,
                f"{target.kind} ({target.deadline.isoformat() if target.deadline else '-'}): "
                f"{target.description_en}",
                target.citation,
            )


# --- 基幹業務 name variants (catalog data, not code) -------------------------------------------


@cache
def business_variants() -> BusinessVariants:
    """The table of 基幹業務 name variants (``catalog/data/core_business_variants.yaml``, read
    from its validated JSON shipped with the package)."""
    table: BusinessVariants = core_schemas.validator("business_variants").validate_json(
        core_schemas.bundled_json("core_business_variants")
    )
    return table


@cache
def _variant_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in business_variants().business:
        for text in (entry.name, *entry.variants):
            index[business_key(text)] = entry.name
    return index


def match_business(name: str) -> str | None:
    """The canonical 基幹業務 a name as plans write it stands for, or None when it matches none.

    A name matches when it is the canonical name or a listed variant, after NFKC and removing
    spaces, or when it is one of those followed by a generic suffix (「事務」「業務」「システム」…).
    """
    index = _variant_index()
    text = business_key(name)
    suffixes = business_variants().suffixes
    for _ in range(3):  # 「…業務システム」: at most a few suffixes in a row
        if text in index:
            return index[text]
        stripped = next((text[: -len(s)] for s in suffixes if text.endswith(s)), "")
        if not stripped:
            return None
        text = stripped
    return index.get(text)
