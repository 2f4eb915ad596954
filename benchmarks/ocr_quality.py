"""How close `dxcheck draft --ocr` on scans comes to the draft from the text layer (issue 18).

Each seed text (../shared/seeds/) is made a PDF (tests/draft_docs.py), then every page is
replaced by a greyscale picture of itself rendered at 200 and 300 dpi and turned by 0.5°
(tests/draft_docs.make_scanned_pdf: a scan without a text layer; PDFium draws the Japanese
font with a system font, IPAGothic from fonts-ipafont on Debian). The scan is drafted with
``--ocr`` and its coverage cells (○/△/×, the 15 national items, as `dxcheck check` derives
them) are compared with the draft of the text-layer PDF; also the period's end and the
seconds per page. Needs Tesseract with its Japanese data (tesseract-ocr-jpn).

    .venv/bin/python benchmarks/ocr_quality.py [--dpi 200 --dpi 300] [--angle 0.5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from draft_docs import make_pdf, make_scanned_pdf, seeds_dir  # noqa: E402
from dxcheck.catalog import load_catalog  # noqa: E402
from dxcheck.draft import draft_document, draft_text  # noqa: E402
from dxcheck.draft.ocr import tesseract  # noqa: E402
from dxcheck.engine.coverage import compute  # noqa: E402
from dxcheck.validate import validate_bytes  # noqa: E402


def load(text: str, name: str):  # type: ignore[no-untyped-def]
    result = validate_bytes(text.encode("utf-8"), name)
    if result.plan is None:
        raise SystemExit(f"{name}: the draft does not validate: {result.diagnostics[:3]}")
    return result.plan


def with_municipality(text: str, layer_text: str) -> tuple[str, bool]:
    """The OCR draft with the text-layer draft's municipality when OCR did not find it (the
    placeholder code does not validate), so that its cells can still be compared."""
    import yaml

    plan, layer = yaml.safe_load(text), yaml.safe_load(layer_text)
    if plan["municipality"] == layer["municipality"]:
        return text, True
    plan["municipality"] = layer["municipality"]
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), False


def _cpu() -> float:
    """CPU seconds of this process and its finished children (tesseract): a figure that
    does not depend on how busy the machine is."""
    import resource

    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpi", type=int, action="append")
    parser.add_argument("--angle", type=float, default=0.5)
    args = parser.parse_args()
    found = tesseract()
    if found is None:
        print("tesseract with Japanese data is not installed (apt-get install tesseract-ocr-jpn)")
        return 1
    print(f"tesseract: {found[0]} ({', '.join(found[1])})")
    catalog = load_catalog()
    totals: dict[int, list[float]] = {}
    for seed in sorted(seeds_dir().glob("*.txt")):
        text = seed.read_text("utf-8")
        layer_pdf = make_pdf(text, "計画")
        layer_text = draft_text(layer_pdf, seed.name + ".pdf")
        layer = load(layer_text, "layer.yaml")
        layer_cov = compute(layer, catalog)
        for dpi in args.dpi or [200, 300]:
            scan = make_scanned_pdf(text, None, dpi=dpi, angle=args.angle)
            started = time.perf_counter()
            cpu = _cpu()
            drafted = draft_document(scan, seed.name + ".scan.pdf", ocr=True)
            elapsed = time.perf_counter() - started
            cpu = _cpu() - cpu
            plan_text, same_gov = with_municipality(drafted.text, layer_text)
            plan = load(plan_text, "ocr.yaml")
            cov = compute(plan, catalog)
            agree = sum(cov[i].status == layer_cov[i].status for i in layer_cov)
            pages = int(drafted.text.split("ページ）")[0].rsplit("、", 1)[-1].split()[0])
            end_ok = (layer.period.end is None) == (plan.period.end is None) and (
                layer.period.end is None
                or (plan.period.end is not None and plan.period.end.end == layer.period.end.end)
            )
            drafts = [ln for ln in drafted.text.splitlines() if ln.lstrip().startswith("draft: ")]
            marked = sum("OCR で読んだ文字" in ln for ln in drafts)
            entries = len(drafts)
            t = totals.setdefault(dpi, [0, 0, 0, 0, 0.0, 0, 0.0, 0])
            t[6] += cpu
            t[7] += int(same_gov)
            t[0] += agree
            t[1] += len(layer_cov)
            t[2] += int(end_ok)
            t[3] += 1
            t[4] += elapsed
            t[5] += pages
            print(
                f"{seed.name[:24]:<24} {dpi} dpi: cells {agree}/{len(layer_cov)}, period end "
                f"{'same' if end_ok else 'DIFFERENT'}, {pages} pages {elapsed / pages:.2f} s/page "
                f"({cpu / pages:.2f} s CPU), "
                f"{marked}/{entries} cites say OCR, municipality {'same' if same_gov else 'NOT FOUND'}"
            )
    print("\n## totals (OCR'd scan vs the text-layer draft)")
    for dpi, (agree, cells, ends_ok, ends, seconds, pages, cpu, govs) in totals.items():
        print(
            f"{dpi} dpi, {args.angle}°: cells agree {agree:.0f}/{cells:.0f} "
            f"({100 * agree / max(cells, 1):.1f} %); period end same {ends_ok:.0f}/{ends:.0f}; "
            f"municipality same {govs:.0f}/{ends:.0f}; "
            f"{seconds / max(pages, 1):.2f} s per page, {cpu / max(pages, 1):.2f} s CPU "
            f"({pages:.0f} pages)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
