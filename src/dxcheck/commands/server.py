"""`dxcheck server`: the language server on standard input and output (dxcheck.server)."""

from __future__ import annotations

import sys

from dxcheck.console import Out
from dxcheck.extras import MissingExtra, require


def run(lang: str) -> int:
    """Start the server; exit 2 with a one-line message when the ``server`` extra is missing."""
    try:
        require("server", lang)
    except MissingExtra as exc:
        Out(sys.stderr).line(f"dxcheck: {exc}", "error")
        return 2
    from dxcheck.server.app import explicit_lang, serve

    return serve(explicit_lang(sys.argv[1:]))
