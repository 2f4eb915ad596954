"""Optional features and the extra that installs each (``pip install 'dxcheck[xlsx]'``).

The base install stays small: the spreadsheet writer and the language server come with
extras. A missing one is a one-line message saying what to install, never a traceback.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# extra name → the modules it provides (the first is the one imported)
EXTRAS: dict[str, tuple[str, ...]] = {
    "xlsx": ("xlsxwriter",),
    "server": ("pygls", "lsprotocol"),
}


class MissingExtra(Exception):
    """An optional dependency is not installed; ``str()`` is the message for the user."""

    def __init__(self, extra: str, module: str, lang: str) -> None:
        self.extra = extra
        self.module = module
        if lang == "en":
            text = f"this needs the optional package '{module}': pip install 'dxcheck[{extra}]'"
        else:
            text = (
                f"この機能には追加のパッケージ {module} が必要です: pip install 'dxcheck[{extra}]'"
            )
        super().__init__(text)


def require(extra: str, lang: str) -> list[ModuleType]:
    """Import the modules of ``extra`` (MissingExtra if one is not installed)."""
    modules = []
    for name in EXTRAS[extra]:
        try:
            modules.append(importlib.import_module(name))
        except ImportError:
            raise MissingExtra(extra, name, lang) from None
    return modules
