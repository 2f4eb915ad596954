"""How `dxcheck draft` reads real plan pages it was never built on (issue 17).

Drafts every entry of ../shared/reference/real-pages/pages.json (third-party text, read from
there and never copied into the project; see its README.md) and scores each field against the
careful human reading stored with it:

- municipality: name and prefecture right / wrong / missing (no body named; candidates listed
  in the draft's header count as missing);
- title: the plan's title as written (NFKC, spaces ignored);
- kind: plan / policy / vision / summary / proposal / other;
- period: exactly right (start and end days) where the page states one; where it states none,
  right when the draft says not_stated ("no period invented"), wrong otherwise;
- national items: ○/△ found for items the page commits to (v = present / consider), × kept for
  items mentioned only as background (v = context). Page item ``governance`` is the catalog's
  ``org_structure`` (推進体制).

Then the seed figures beside them (../shared/seeds/ against plans/, text only): national items
present in the hand encoding found (○/△), absent kept ×, and period ends right.

    .venv/bin/python benchmarks/draft_real_pages.py            # per page and totals
    .venv/bin/python benchmarks/draft_real_pages.py --quiet    # totals only
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from draft_docs import seeds_dir  # noqa: E402
from dxcheck.catalog import load_catalog  # noqa: E402
from dxcheck.dates import parse  # noqa: E402
from dxcheck.draft import draft_text  # noqa: E402
from dxcheck.engine.coverage import compute  # noqa: E402
from dxcheck.validate import validate_bytes  # noqa: E402

PAGES = ROOT.parent / "shared" / "reference" / "real-pages" / "pages.json"
ITEM_IDS = {"governance": "org_structure"}
FIELDS = ("municipality", "title", "kind", "period stated", "period none", "items found", "items ×")


def squash(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def score_page(page: dict[str, Any], catalog: Any) -> tuple[dict[str, list[str]], str]:
    """field → list of 'right' / 'wrong' / 'missing' (items: one per item), and a one-line note."""
    name = f"{page['municipality']}.txt"
    drafted = draft_text(page["excerpt"].encode("utf-8"), name)
    result = validate_bytes(drafted.encode("utf-8"), f"{name}.yaml")
    out: dict[str, list[str]] = {f: [] for f in FIELDS}
    if result.plan is None:
        header = [ln for ln in drafted.splitlines() if ln.startswith("# 要確認")]
        note = "does not validate" + (f" ({header[0][2:]})" if header else "")
        plan = None
    else:
        plan, note = result.plan, ""
    # municipality
    gov = plan.municipality if plan is not None else None
    if gov is None or gov.code == "000000":
        out["municipality"].append("missing")
    elif gov.name == page["municipality"] and gov.prefecture == page["prefecture"]:
        out["municipality"].append("right")
    else:
        out["municipality"].append("wrong")
    raw = yaml.safe_load(drafted) if plan is None else {}
    doc = raw.get("document") or {}
    got_title = plan.document.title if plan is not None else doc.get("title")
    if not got_title or got_title.startswith("（"):
        out["title"].append("missing")
    else:
        out["title"].append("right" if squash(got_title) == squash(page["title"]) else "wrong")
    got_kind = plan.document.kind if plan is not None else doc.get("kind")
    out["kind"].append("right" if got_kind == page["kind"] else "wrong")
    # period
    if plan is not None:
        period = plan.period
        stated = not period.not_stated
        start = period.start.start.isoformat() if period.start else None
        end = period.end.end.isoformat() if period.end else None
    else:  # the placeholder municipality fails validation: read the period as written
        written = raw.get("period") or {}
        stated = not written.get("not_stated")
        start = parse(str(written["start"])).start.isoformat() if written.get("start") else None
        end = parse(str(written["end"])).end.isoformat() if written.get("end") else None
    got = (start, end) if stated else None
    want = (page["period_start"], page["period_end"])
    if want == (None, None):
        out["period none"].append("right" if got is None else "wrong")
    elif got is None:
        out["period stated"].append("missing")
    else:
        out["period stated"].append("right" if got == want else "wrong")
    # national items
    cov = compute(plan, catalog) if plan is not None else {}
    item_notes = []
    for item, reading in page["items"].items():
        item_id = ITEM_IDS.get(item, item)
        status = cov[item_id].status if item_id in cov else "missing"
        if reading["v"] in ("present", "consider"):
            ok = status in ("covered", "partial")
            out["items found"].append("right" if ok else "missing")
        else:
            ok = status == "missing"
            out["items ×"].append("right" if ok else "wrong")
        if not ok:
            item_notes.append(f"{item}({reading['v']})→{status}")
    facts = [
        f"{gov.prefecture}{gov.name}" if gov is not None else "-",
        f"「{got_title}」",
        str(got_kind),
        f"{got[0]}〜{got[1]}" if got else "not_stated",
    ]
    if item_notes:
        facts.append("items " + ", ".join(item_notes))
    return out, " / ".join(facts) + (f" [{note}]" if note else "")


def seed_figures(catalog: Any) -> tuple[int, int, int, int, int, int]:
    """(present found, present, absent kept, absent, period ends right, periods) on the seeds."""
    from draft_quality import load, plan_for

    found = present = kept = absent = ends_ok = ends = 0
    for seed in sorted(seeds_dir().glob("*.txt")):
        hand_path = plan_for(seed)
        if hand_path is None:
            continue
        hand = load(hand_path.read_text("utf-8"), str(hand_path))
        plan = load(draft_text(seed.read_bytes(), seed.name), seed.name)
        hand_cov, cov = compute(hand, catalog), compute(plan, catalog)
        for item_id, cell in hand_cov.items():
            if cell.status == "missing":
                absent += 1
                kept += cov[item_id].status == "missing"
            else:
                present += 1
                found += cov[item_id].status != "missing"
        if hand.period.end is not None:
            ends += 1
            ends_ok += plan.period.end is not None and plan.period.end.end == hand.period.end.end
    return found, present, kept, absent, ends_ok, ends


def pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "-"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quiet", action="store_true", help="totals only")
    parser.add_argument("--pages", type=Path, default=PAGES)
    args = parser.parse_args()
    if not args.pages.is_file():
        print(f"{args.pages}: not found (the real-pages reference set)", file=sys.stderr)
        return 2
    pages = json.loads(args.pages.read_text("utf-8"))
    catalog = load_catalog()
    totals: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    valid = told = 0
    for index, page in enumerate(pages):
        scores, line = score_page(page, catalog)
        valid += "does not validate" not in line
        told += "does not validate (要確認" in line  # one header line says what to fill in
        for field, marks in scores.items():
            totals[field].update(marks)
        if not args.quiet:
            wrong = [f for f, marks in scores.items() if any(m != "right" for m in marks)]
            flag = "ok" if not wrong else "✗ " + ", ".join(wrong)
            print(f"{index:>2} {page['prefecture']}{page['municipality']}: {flag}\n   {line}")
            if wrong:
                want = f"{page['period_start']}〜{page['period_end']}"
                print(f"   want 「{page['title']}」 / {page['kind']} / {want}")
    print(
        f"\n## real pages ({len(pages)}: {valid} drafts validate, {told} say in one line "
        "what the reviewer must fill in)"
    )
    print(f"{'field':<15} {'right':>6} {'wrong':>6} {'missing':>8}  right %")
    for field in FIELDS:
        c = totals[field]
        n = sum(c.values())
        share = f"{100 * c['right'] / n:.0f} %" if n else "-"
        print(f"{field:<15} {c['right']:>6} {c['wrong']:>6} {c['missing']:>8}  {share}")
    found, present, kept, absent, ends_ok, ends = seed_figures(catalog)
    print("\n## seeds (text; targets ≥ 90 % present, ≥ 80 % absent, periods 4/4)")
    print(f"present found ○/△ {pct(found, present)}; absent kept × {pct(kept, absent)}; ", end="")
    print(f"period end right {ends_ok}/{ends}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
