"""The national item ids of every bundled catalog version, as a constant.

``validate`` checks a plan's item ids against this set on every file, so it must cost nothing to
import (parsing the catalog files takes tens of milliseconds). It is derived data: the catalog
files are the source, and tests/test_catalog.py fails when this set and theirs differ
(regenerate with ``python scripts/vocabulary.py``). It imports nothing: the catalog and the
plan schema both read it. The ids of a user's catalog file (``--catalog FILE``) are not here:
they reach validation in pydantic's validation context (:mod:`dxcheck.validate`).
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
