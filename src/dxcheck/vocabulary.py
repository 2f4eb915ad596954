"""The national item ids of every bundled catalog version, as a constant.

``validate`` checks a plan's item ids against this set on every file, so it must cost nothing to
import (parsing the catalog files takes tens of milliseconds). It is derived data: the catalog
files are the source, and tests/test_catalog.py fails when this set and theirs differ
(regenerate with ``python -m dxcheck.vocabulary``; kept outside the catalog package so that importing it loads neither PyYAML nor the catalog models).
"""

from __future__ import annotations

ITEM_IDS: frozenset[str] = frozenset(
    {
        "ai_rpa",
        "bpr",
        "digital_divide",
        "digital_talent",
        "frontyard",
        "mynumber_card",
        "online_procedures",
        "open_data",
        "org_structure",
        "public_payment_eltax",
        "regional_digital",
        "regulation_review",
        "security",
        "standardization",
        "telework",
    }
)

# ids of catalogs the user supplied in this run (--catalog FILE); see dxcheck.catalog.register
EXTRA_IDS: set[str] = set()


def known(item_id: str) -> bool:
    return item_id in ITEM_IDS or item_id in EXTRA_IDS


def all_ids() -> list[str]:
    return sorted(ITEM_IDS | EXTRA_IDS)


def generate() -> str:
    """The ids of the bundled catalog files (what ITEM_IDS must equal)."""
    from dxcheck.catalog import _bundled_versions, load_catalog

    ids = sorted({item.id for v in _bundled_versions() for item in load_catalog(v).items})
    return "\n".join(ids)


if __name__ == "__main__":
    print(generate())
