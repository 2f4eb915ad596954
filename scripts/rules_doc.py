"""Write docs/rules.md from the rule registry (the page `dxcheck server` diagnostics link to).

python scripts/rules_doc.py          # rewrite docs/rules.md
"""

from __future__ import annotations

from pathlib import Path

from dxcheck.server.ruledoc import document

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
    target.write_text(document(), encoding="utf-8")
    print(f"wrote {target.name}")
