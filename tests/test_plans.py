"""The five bundled plans: valid, and faithful to their source documents.

Every `quote` in plans/ must appear in the seed text it cites (ignoring whitespace and line
breaks; `…` marks an omission). The seeds live in ../shared/seeds/ next to the repository (or
$DXCHECK_SEEDS); the faithfulness test is skipped where they are not available.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import PLANS, ROOT, run_cli
from dxcheck.loader import load_path

SEEDS = Path(os.environ.get("DXCHECK_SEEDS", ROOT.parent / "shared" / "seeds"))
PLAN_FILES = sorted(PLANS.glob("*.yaml"))


def quotes(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [
            q
            for key, item in value.items()
            for q in ([item] if key == "quote" and isinstance(item, str) else quotes(item))
        ]
    if isinstance(value, list):
        return [q for item in value for q in quotes(item)]
    return []


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_there_are_five_plans_and_all_validate(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(PLAN_FILES) == 5
    code, out, _ = run_cli(capsys, "validate", str(PLANS))
    assert code == 0 and "有効 5、無効 0（エラー 0 件、警告 0 件）" in out


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")
@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_every_quote_is_in_the_source_document(path: Path) -> None:
    data = load_path(str(path)).data
    seed = SEEDS / data["document"]["source"]["file"]
    text = squash(seed.read_text(encoding="utf-8"))
    found = quotes(data)
    assert found, "a plan without citations"
    for quote in found:
        position = 0
        for part in filter(None, (squash(p) for p in quote.split("…"))):
            at = text.find(part, position)
            assert at >= 0, f"{path.name}: not in {seed.name}: {quote}"
            position = at + len(part)
