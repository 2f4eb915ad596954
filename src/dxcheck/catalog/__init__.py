"""The versioned catalog of the national 自治体DX推進計画 (data in ``catalog/data/<version>.yaml``).

Every rule names a catalog item and the catalog version it was checked against; a plan can be
checked against any version, and ``version_in_force`` tells which version applied on the day a
plan was adopted (a plan cannot be blamed for items published after it).
"""

from __future__ import annotations

import datetime
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


@cache
def available_versions() -> list[str]:
    data = resources.files("dxcheck.catalog") / "data"
    names = [p.name.removesuffix(".yaml") for p in data.iterdir() if p.name.endswith(".yaml")]
    # Only <version>.yaml files are versions (synonyms.yaml is the drafting lexicon).
    names = [name for name in names if name.replace(".", "").isdigit()]
    return sorted(names, key=_key)


def latest_version() -> str:
    return available_versions()[-1]


@cache
def load_catalog(version: str | None = None) -> Catalog:
    """Load and validate one catalog version (the latest by default); cached."""
    version = version or latest_version()
    if version not in available_versions():
        raise UnknownCatalogVersion(version)
    text = (resources.files("dxcheck.catalog") / "data" / f"{version}.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    catalog = Catalog.model_validate(yaml.load(text, Loader=loader))
    if catalog.version != version:
        raise ValueError(f"catalog file {version}.yaml says version {catalog.version}")
    return catalog


def version_in_force(day: datetime.date) -> str | None:
    """The newest catalog version published on or before ``day`` (None if before all)."""
    found = None
    for version in available_versions():
        if load_catalog(version).published <= day:
            found = version
    return found
