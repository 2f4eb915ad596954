"""Print src/dxcheck/vocabulary.py from the bundled catalog files (what ITEM_IDS must equal).

    python scripts/vocabulary.py --write    # rewrite src/dxcheck/vocabulary.py
    python scripts/vocabulary.py            # print it

tests/test_catalog.py fails when the module and the catalog files differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def item_ids() -> list[str]:
    """The national item ids of every bundled catalog version, sorted."""
    sys.path.insert(0, str(ROOT / "src"))
    from dxcheck.catalog import available_versions, load_catalog

    return sorted({item.id for v in available_versions() for item in load_catalog(v).items})


def module_text() -> str:
    """vocabulary.py with ITEM_IDS set to :func:`item_ids` (the rest of the file kept)."""
    path = ROOT / "src" / "dxcheck" / "vocabulary.py"
    text = path.read_text("utf-8")
    head, _, rest = text.partition("ITEM_IDS: frozenset[str] = frozenset(\n")
    _, _, tail = rest.partition("\n)\n")
    body = "    {\n" + "".join(f'        "{i}",\n' for i in item_ids()) + "    }"
    return f"{head}ITEM_IDS: frozenset[str] = frozenset(\n{body}\n)\n{tail}"


if __name__ == "__main__":
    text = module_text()
    if "--write" in sys.argv[1:]:
        (ROOT / "src" / "dxcheck" / "vocabulary.py").write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
