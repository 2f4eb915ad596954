"""A catalog YAML the user supplies (``--catalog FILE``): the revised national plan, or a
prefecture's own version, without waiting for a dxcheck release.

The file is read by the same loader as plans (encodings, limits, duplicate keys, positions) and
validated by the catalog models; every problem is reported at file:line:column.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from pydantic_core import ValidationError

from dxcheck.diagnostics import Diagnostic, format_yaml_path
from dxcheck.loader import Document, LoadError, load_path
from dxcheck.validate import normalise_loc

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
    try:
        from dxcheck.catalog.models import Catalog

        return Catalog.model_validate(doc.data)
    except ValidationError as exc:
        raise CatalogFileError(_diagnostics(doc, exc)) from None


def _diagnostics(doc: Document, exc: ValidationError) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for error in exc.errors(include_url=False):
        loc = normalise_loc(doc.data, error["loc"], error["type"] == "missing")
        mark = doc.mark_of(loc, key=error["type"] in ("missing", "extra_forbidden"))
        where = format_yaml_path(loc) or "(top)"
        if error["type"] == "missing":
            ja = f"`{error['loc'][-1]}` がありません"
            en = f"'{error['loc'][-1]}' is missing"
        elif error["type"] == "extra_forbidden":
            ja = f"不明なキー `{error['loc'][-1]}` です"
            en = f"unknown key '{error['loc'][-1]}'"
        elif error["type"] == "string_pattern_mismatch":
            pattern = (error.get("ctx") or {}).get("pattern", "")
            ja = f"形式が正しくありません（パターン {pattern}）"
            en = f"does not match the pattern {pattern}"
        elif error["type"] == "string_too_long":
            limit = (error.get("ctx") or {}).get("max_length", "")
            ja = f"長すぎます（{limit}字まで）"
            en = f"too long (at most {limit} characters)"
        else:
            en = str(error["msg"])
            ja = f"値が正しくありません（{en}）"
        out.append(Diagnostic("DX302", "error", ja, en, doc.path, mark.line, mark.column, where))
    return sorted(out, key=lambda d: d.sort_key)
