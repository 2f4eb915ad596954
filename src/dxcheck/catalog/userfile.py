"""A catalog YAML the user supplies (``--catalog FILE``): the revised national plan, or a
prefecture's own version, without waiting for a dxcheck release.

The file is read by the same loader as plans (encodings, limits, duplicate keys, positions) and
validated by the catalog models; every problem is reported at file:line:column.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from pydantic_core import ValidationError

from dxcheck.diagnostics import Diagnostic
from dxcheck.loader import LoadError, load_path
from dxcheck.schema_errors import catalog_diagnostics

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog


class CatalogFileError(Exception):
    """A catalog file that cannot be used; ``diagnostics`` say where."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.message_en for d in diagnostics))
        self.diagnostics = diagnostics


def looks_like_file(value: str) -> bool:
    """``--catalog`` takes a version (2.3) or a file (anything with a YAML suffix or a path)."""
    return value.endswith((".yaml", ".yml")) or os.sep in value or os.path.isfile(value)


def load_catalog_file(path: str) -> Catalog:
    try:
        doc = load_path(path)
    except LoadError as exc:
        raise CatalogFileError(exc.diagnostics) from None
    except OSError as exc:
        raise CatalogFileError(
            [
                Diagnostic(
                    "DX301",
                    "error",
                    f"カタログファイルを読めません（{exc.strerror}）",
                    f"cannot read the catalog file ({exc.strerror})",
                    path,
                    1,
                    1,
                    "",
                )
            ]
        ) from None
    from dxcheck.core_schemas import validator

    try:
        catalog: Catalog = validator("catalog").validate_python(doc.data)
        return catalog
    except ValidationError as exc:
        raise CatalogFileError(catalog_diagnostics(doc, exc)) from None
