"""Finding the configuration file (no pydantic: a cached run must not need it)."""

from __future__ import annotations

import os
import tomllib


def find_config(start: str) -> str | None:
    """The nearest dxcheck.toml, or pyproject.toml with a [tool.dxcheck] table, from ``start``
    upwards."""
    from dxcheck.repopath import ancestors

    for folder in ancestors(start if os.path.isdir(start) else os.path.dirname(start) or "."):
        candidate = os.path.join(folder, "dxcheck.toml")
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return "dxcheck" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False
