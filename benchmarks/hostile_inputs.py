"""Hostile documents for `dxcheck draft` (issue 18): each is read or refused, and this prints
how long and how much memory the whole command takes (a fresh process each, under a 1 GiB
address-space limit, as the round of hostile documents is run).

    .venv/bin/python benchmarks/hostile_inputs.py            # the cases and the regex audit
    .venv/bin/python benchmarks/hostile_inputs.py --regex    # the regex audit only

Cases: one line of 60,000 of one character (spaces, TOC leaders, tabs) in a text and in a
.docx paragraph; Word tables nested 33,333 deep; a PDF whose 913 KB stream inflates to 900 MB,
and one compressed twice. The regex audit runs every pattern of ``dxcheck.draft`` over runs of
N and 2N of characters that document text repeats, and flags a pattern whose time grows faster
than the input (a ratio near 4 is quadratic): the next such input is found here first.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from draft_docs import bomb_pdf, make_docx, nested_docx  # noqa: E402

PLAN = (
    "# 松島町DX推進計画\n令和7年3月\n# 第1章 計画の概要\n"
    "本計画の計画期間は、令和7年度から令和11年度までとする。\n"
)
LIMIT = 1 << 30


def cases() -> list[tuple[str, str, bytes]]:
    out: list[tuple[str, str, bytes]] = []
    for label, run in (("spaces", " "), ("leaders ・", "・"), ("leaders …", "…"), ("tabs", "\t")):
        line = "x" + run * 60_000 + "x\n"
        out.append((f"60,000 {label} in a text line", "txt", (PLAN + line).encode()))
    out.append(
        ("60,000 spaces in a .docx paragraph", "docx", make_docx(PLAN + "x" + " " * 60_000 + "x\n"))
    )
    out.append(("Word tables nested 33,333 deep", "docx", nested_docx(PLAN, 33_333)))
    out.append(("PDF stream inflating to 900 MB", "pdf", bomb_pdf(PLAN, 900)))
    out.append(("PDF stream compressed twice (80 MB)", "pdf", bomb_pdf(PLAN, 80, twice=True)))
    return out


def run_case(label: str, suffix: str, data: bytes) -> None:
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"input.{suffix}"
        source.write_bytes(data)
        started = time.perf_counter()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dxcheck",
                "draft",
                str(source),
                "-o",
                str(Path(folder) / "o.yaml"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=cap,
        )
        assert process.stderr is not None
        err = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    outcome = (
        "drafted" if code == 0 else f"exit {code}: {err[-1][:70] if err else '(nothing on stderr)'}"
    )
    print(
        f"{label:<38} {len(data):>10,} B  {elapsed:6.2f} s  {usage.ru_maxrss // 1024:>5} MB  {outcome}"
    )


def regex_audit(n: int = 4_000) -> None:
    import dxcheck.draft as package

    patterns: dict[str, re.Pattern[str] | re.Pattern[bytes]] = {}
    for module in pkgutil.iter_modules(package.__path__):
        loaded = importlib.import_module(f"dxcheck.draft.{module.name}")
        for key, value in vars(loaded).items():
            if isinstance(value, re.Pattern):
                patterns[f"{module.name}.{key}"] = value
    runs = [
        " ",
        "\u3000",
        "\t",
        "1",
        "１",
        "a",
        "第",
        "、",
        "・",
        ".",
        "…",
        "-",
        "(",
        "（",
        "年",
        "令和",
        "第1",
        "①",
        "【",
        "〜",
        "から",
        "→",
        "1→",
        "指標",
        "KPI ",
        "・1",
        "1年",
    ]
    wraps = ["{}", "x{}x", "あ{}い", "1{}x"]
    worst: list[tuple[float, float, str, str]] = []
    for name, pattern in patterns.items():
        slowest = (0.0, 0.0, "")
        for run in runs:
            for wrap in wraps:
                times: list[float] = []
                for size in (n, 2 * n):
                    if times and times[0] > 0.5:  # already slow: 2N would only take longer
                        times.append(times[0] * 4)
                        break
                    text = wrap.format(run * (size // len(run)))
                    subject = text.encode() if isinstance(pattern.pattern, bytes) else text
                    started = time.perf_counter()
                    pattern.findall(subject)  # type: ignore[arg-type]  # every start position
                    times.append(time.perf_counter() - started)
                if times[1] > slowest[1]:
                    slowest = (times[0], times[1], repr(wrap.format(run)))
        worst.append((slowest[1], slowest[1] / max(slowest[0], 1e-6), name, slowest[2]))
    worst.sort(reverse=True)
    print(
        f"\n## regex audit: {len(patterns)} patterns of dxcheck.draft, runs of {n:,} and {2 * n:,}"
    )
    print(
        "(findall scans from every position: an upper bound for match() at one position and for\n"
        " patterns whose callers bound the text, e.g. tables._ARROW_VALUES on lines ≤ 200 chars)"
    )
    for seconds, ratio, name, case in worst[:8]:
        flag = "  ← grows faster than the input" if ratio > 3 and seconds > 0.05 else ""
        print(f"{name:<34} {seconds:7.3f} s at {2 * n:,} (×{ratio:.1f} for 2× input) {case}{flag}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--regex", action="store_true", help="the regex audit only")
    args = parser.parse_args()
    if not args.regex:
        print(
            f"## hostile documents (dxcheck draft, fresh process, address space ≤ {LIMIT >> 20} MiB)"
        )
        for label, suffix, data in cases():
            run_case(label, suffix, data)
    regex_audit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
