"""Finding the configuration file (no pydantic: a cached run must not need it)."""

from __future__ import annotations

import os
import tomllib


def find_config(start: str) -> str | None:
    """The nearest dxcheck.toml, or pyproject.toml with a [tool.dxcheck] table, from ``start``
    upwards."""
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        candidate = os.path.join(folder, "dxcheck.toml")
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_tool_table(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return "dxcheck" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False
