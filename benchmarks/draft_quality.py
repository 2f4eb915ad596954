"""How close `dxcheck draft` comes to the hand-encoded plans (issue 11).

For each seed text in ../shared/seeds/ (and a PDF and a .docx made from it), draft a plan,
compute the coverage `dxcheck check` derives (○ covered / △ partial / × missing) from the draft
and from the matching hand-encoded plans/ file, and print the cells side by side, the
agreement, and the period. Then the totals, and the time to draft a 100-page document.

    .venv/bin/python benchmarks/draft_quality.py            # text, PDF and .docx
    .venv/bin/python benchmarks/draft_quality.py --only txt
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from draft_docs import make_docx, make_pdf, seeds_dir  # noqa: E402
from dxcheck.catalog import load_catalog  # noqa: E402
from dxcheck.draft import draft_text  # noqa: E402
from dxcheck.draft.extract import extract  # noqa: E402
from dxcheck.engine.coverage import compute  # noqa: E402
from dxcheck.validate import validate_bytes  # noqa: E402

MARK = {"covered": "○", "partial": "△", "missing": "×"}


def plan_for(seed: Path) -> Path | None:
    for path in sorted((ROOT / "plans").glob("*.yaml")):
        if seed.name in path.read_text("utf-8"):
            return path
    return None


def load(text: str, name: str):  # type: ignore[no-untyped-def]
    result = validate_bytes(text.encode("utf-8"), name)
    if result.plan is None:
        raise SystemExit(f"{name}: the draft does not validate: {result.diagnostics[:3]}")
    return result.plan


def as_bytes(text: str, fmt: str, title: str) -> bytes:
    if fmt == "pdf":
        return make_pdf(text, title)
    if fmt == "docx":
        return make_docx(text)
    return text.encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["txt", "pdf", "docx"], action="append")
    parser.add_argument("--quiet", action="store_true", help="totals only")
    args = parser.parse_args()
    formats = args.only or ["txt", "pdf", "docx"]
    catalog = load_catalog()
    seeds = sorted(seeds_dir().glob("*.txt"))
    totals: dict[str, list[int]] = {
        fmt: [0, 0, 0, 0] for fmt in formats
    }  # agree, cells, end ok, ends
    for seed in seeds:
        hand_path = plan_for(seed)
        if hand_path is None:
            continue
        hand = load(hand_path.read_text("utf-8"), str(hand_path))
        hand_cov = compute(hand, catalog)
        text = seed.read_text("utf-8")
        for fmt in formats:
            data = as_bytes(text, fmt, hand.document.title[:30])
            started = time.perf_counter()
            drafted = draft_text(data, f"{seed.stem}.{fmt}")
            elapsed = time.perf_counter() - started
            plan = load(drafted, f"{seed.stem}.{fmt}.yaml")
            cov = compute(plan, catalog)
            agree = sum(cov[i].status == hand_cov[i].status for i in hand_cov)
            hand_end = hand.period.end.text if hand.period.end else None
            got_end = plan.period.end.text if plan.period.end else None
            end_ok = hand_end is None or (
                plan.period.end is not None
                and hand.period.end is not None
                and plan.period.end.end == hand.period.end.end
            )
            t = totals[fmt]
            t[0] += agree
            t[1] += len(hand_cov)
            t[2] += int(end_ok) if hand_end else 0
            t[3] += 1 if hand_end else 0
            if args.quiet:
                continue
            print(f"\n## {hand_path.name} ← {seed.name} [{fmt}] ({elapsed:.2f} s)")
            print(f"{'item':<22} hand draft")
            for item in catalog.items:
                a, b = MARK[hand_cov[item.id].status], MARK[cov[item.id].status]
                print(f"{item.id:<22} {a:^4} {b:^5} {'' if a == b else '≠'}")
            print(f"agreement: {agree}/{len(hand_cov)} ({100 * agree / len(hand_cov):.0f} %)")
            print(
                f"period: hand {hand.period.start.text if hand.period.start else '-'}〜{hand_end or '-'}"
                f" / draft {plan.period.start.text if plan.period.start else '-'}〜{got_end or '-'}"
                f" → end {'ok' if end_ok else 'WRONG'}"
            )
    print("\n## totals (seeds)")
    for fmt, (agree, cells, ends_ok, ends) in totals.items():
        print(
            f"{fmt:<5} cells agree {agree}/{cells} ({100 * agree / max(cells, 1):.1f} %); "
            f"period end right {ends_ok}/{ends}"
        )
    unseen_style(formats, catalog, args.quiet)
    print("\n## speed: a 100-page document (best of 3)")
    for fmt in formats:
        big = hundred_pages(fmt)
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            draft_text(big, f"100pages.{fmt}")
            best = min(best, time.perf_counter() - started)
        pages = extract(big, fmt).pages
        print(f"{fmt:<5} {pages:>4} pages {len(big):>9,} bytes  {best:.2f} s")
    return 0


FIXTURES = ROOT / "tests" / "data" / "draft"
MARKS = {"○": "covered", "△": "partial", "×": "missing"}


def unseen_style(formats: list[str], catalog, quiet: bool) -> None:  # type: ignore[no-untyped-def]
    """The unseen-style fixtures (tests/data/draft/expected.yaml): the draft against what a
    careful human encoder gets, printed apart from the seeds (the generality benchmark)."""
    import yaml

    expected = yaml.safe_load((FIXTURES / "expected.yaml").read_text("utf-8"))
    totals = {fmt: [0, 0, 0, 0] for fmt in formats}
    print("\n## unseen-style fixtures (tests/data/draft/expected.yaml)")
    for name, want in expected.items():
        text = (FIXTURES / name).read_text("utf-8")
        marks = [MARKS[m] for m in want["coverage"]]
        for fmt in formats:
            data = as_bytes(text, fmt, name)
            plan = load(draft_text(data, f"{name}.{fmt}"), f"{name}.{fmt}.yaml")
            cov = compute(plan, catalog)
            agree = sum(cov[i.id].status == m for i, m in zip(catalog.items, marks, strict=True))
            end = plan.period.end.text if plan.period.end else None
            end_ok = (
                end is not None
                and plan.period.end is not None
                and (plan.period.end.end == load_end(want["period"][1]))
            )
            t = totals[fmt]
            t[0] += agree
            t[1] += len(marks)
            t[2] += int(end_ok)
            t[3] += 1
            if quiet:
                continue
            wrong = [
                f"{i.id} {MARK[m]}→{MARK[cov[i.id].status]}"
                for i, m in zip(catalog.items, marks, strict=True)
                if cov[i.id].status != m
            ]
            print(
                f"{name:<22} [{fmt}] {agree}/{len(marks)}; period end {end or '-'}"
                f" {'ok' if end_ok else 'WRONG'}"
                + (f"; differs: {', '.join(wrong)}" if wrong else "")
            )
    print("\n## totals (unseen-style fixtures)")
    for fmt, (agree, cells, ends_ok, ends) in totals.items():
        print(
            f"{fmt:<5} cells agree {agree}/{cells} ({100 * agree / max(cells, 1):.1f} %); "
            f"period end right {ends_ok}/{ends}"
        )


def load_end(text: str):  # type: ignore[no-untyped-def]
    from dxcheck.dates import parse

    return parse(text).end


def hundred_pages(fmt: str) -> bytes:
    """100 pages: the seed texts one after another (and again), as one document."""
    texts = [p.read_text("utf-8") for p in sorted(seeds_dir().glob("*.txt"))]
    text = "\n".join(texts * 2)  # 128 pages as the test PDF lays it out
    if fmt == "txt":
        part = text[: len(text) * 100 // 128]
        size = len(part) // 100 + 1
        return "\f".join(part[i : i + size] for i in range(0, len(part), size)).encode("utf-8")
    if fmt == "pdf":
        from pypdf import PdfReader, PdfWriter

        reader = PdfReader(io.BytesIO(as_bytes(text, fmt, "100ページの文書")))
        writer = PdfWriter()
        for page in reader.pages[:100]:
            writer.add_page(page)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    return as_bytes(text[: len(text) * 100 // 128], fmt, "")  # the same text, no fixed pages


if __name__ == "__main__":
    sys.exit(main())
