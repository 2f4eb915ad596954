"""The versioned catalog of the national 自治体DX推進計画 (data in ``catalog/data/<version>.yaml``).

Every rule names a catalog item and the catalog version it was checked against; a plan can be
checked against any version, and ``version_in_force`` tells which version applied on the day a
plan was adopted (a plan cannot be blamed for items published after it).
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from importlib import resources

import yaml

from dxcheck.catalog.models import Catalog


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
    from dxcheck.catalog.ids import EXTRA_IDS

    _USER[catalog.version] = catalog
    EXTRA_IDS.update(item.id for item in catalog.items)
    return catalog.version


def forget_user_catalogs() -> None:
    """Drop the catalogs registered with --catalog FILE (one run's state; tests reset it)."""
    from dxcheck.catalog.ids import EXTRA_IDS

    _USER.clear()
    EXTRA_IDS.clear()


def use(value: str) -> str:
    """``--catalog VALUE``: a bundled version, or a catalog file (loaded, validated and
    registered). Returns the version to check against; raises UnknownCatalogVersion or
    :class:`dxcheck.catalog.userfile.CatalogFileError`."""
    from dxcheck.catalog.userfile import load_catalog_file, looks_like_file

    if value in _USER or value in _bundled_versions():
        return value
    if looks_like_file(value):
        return register(load_catalog_file(value))
    raise UnknownCatalogVersion(value)


def available_versions() -> list[str]:
    bundled = _bundled_versions()
    return [*bundled, *(v for v in _USER if v not in bundled)]


@cache
def _bundled_versions() -> list[str]:
    data = resources.files("dxcheck.catalog") / "data"
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
    if version not in _bundled_versions():
        raise UnknownCatalogVersion(version)
    return _load_bundled(version)


@cache
def _load_bundled(version: str) -> Catalog:
    text = (resources.files("dxcheck.catalog") / "data" / f"{version}.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    catalog = Catalog.model_validate(yaml.load(text, Loader=loader))
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
