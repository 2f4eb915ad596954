"""The form 基幹業務 names are compared in, and the rule of the table of their variants.

A leaf module: the catalog models (the table's after-validator) and the coverage rules use it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any


def business_key(name: str) -> str:
    """NFKC, no spaces, one kind of middle dot: the form names are compared in."""
    text = unicodedata.normalize("NFKC", name)
    text = re.sub(r"\s+", "", text)
    return text.replace("･", "・")


def no_variant_twice(table: Any) -> Any:
    """The table names each variant for one 基幹業務 only (the model's after-validator)."""
    seen: dict[str, str] = {}
    for entry in table.business:
        for text in (entry.name, *entry.variants):
            key = business_key(text)
            if seen.setdefault(key, entry.name) != entry.name:
                raise ValueError(f"「{text}」が {seen[key]} と {entry.name} の両方にあります")
    return table
