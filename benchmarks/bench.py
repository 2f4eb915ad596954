"""dxcheck's speed and memory against the YAML parse floor and a peer, on the same plans.

    python benchmarks/bench.py                      # generates 1,788 plans in a temporary folder
    python benchmarks/bench.py /tmp/plans1788       # plans made by benchmarks/generate.py
    python benchmarks/bench.py --repeat 5 --repeat-peer 2 --repeat-start 21

One run prints, on the same files: (a) the parse floor, a bare Python process that reads every
file and parses it with PyYAML's C loader (yaml.CSafeLoader); (b) `dxcheck check --as-of
2026-11-23`; (c) `dxcheck validate`; (d) check-jsonschema with schemas/plan.schema.json (skipped
when not installed: `.venv/bin/pip install check-jsonschema`); (e) `dxcheck validate` on one
plan against `python -c "import yaml, pydantic"`; (f) the peak memory (max RSS) of (b); then the
ratios against the targets. Every figure is a subprocess measured with os.wait4: wall time is
the median of the runs, CPU time (user + system) over wall time shows how many cores a command
keeps busy, max RSS is that process's own. Nothing is asserted: these are figures to read.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
AS_OF = "2026-11-23"
SCHEMA = ROOT / "schemas" / "plan.schema.json"

FLOOR = """\
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""
BASELINE = "import yaml, pydantic"


@dataclass(frozen=True, slots=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
    rss: float  # MB (ru_maxrss of this process alone)
    code: int  # exit status


@dataclass(frozen=True, slots=True)
class Figure:
    """The median wall and CPU time, and the largest RSS, of several runs of one command."""

    runs: tuple[Run, ...]

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rss(self) -> float:
        return max(r.rss for r in self.runs)

    @property
    def codes(self) -> str:
        return ",".join(sorted({str(r.code) for r in self.runs}))


def run_once(cmd: list[str]) -> Run:
    """One run of ``cmd`` with its output discarded, measured with wait4 on that process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


def measure(cmd: list[str], repeat: int) -> Figure:
    return Figure(tuple(run_once(cmd) for _ in range(repeat)))


def interleaved(a: list[str], b: list[str], repeat: int) -> tuple[Figure, Figure]:
    """Alternate two short commands so drift in the machine's load hits both alike."""
    runs_a, runs_b = [], []
    for _ in range(repeat):
        runs_a.append(run_once(a))
        runs_b.append(run_once(b))
    return Figure(tuple(runs_a)), Figure(tuple(runs_b))


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine() -> list[str]:
    import yaml

    libyaml = "yes" if getattr(yaml, "__with_libyaml__", False) else "no"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"CPU:      {cpu_model()}, {os.cpu_count()} cores ({usable} usable), {platform.system()} "
        f"{platform.release()}",
        f"Python:   {platform.python_version()} ({sys.executable})",
        f"PyYAML:   {yaml.__version__}, libyaml: {libyaml}; pydantic {version('pydantic')}; "
        f"dxcheck {version('dxcheck')}; check-jsonschema {version('check-jsonschema')}",
    ]


def median_plan(files: list[Path]) -> Path:
    """The plan of median size (the one-plan start-up figure should not use an outlier)."""
    return sorted(files, key=lambda f: (f.stat().st_size, f.name))[len(files) // 2]


def line(label: str, fig: Figure, extra: str = "") -> str:
    cores = fig.cpu / fig.wall if fig.wall else 0.0
    return (
        f"{label:<46} {fig.wall:7.2f} s   cpu {fig.cpu:6.2f} s ({cores:3.1f} cores)   "
        f"rss {fig.rss:5.0f} MB   exit {fig.codes}{extra}"
    )


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", help="plans (default: generate 1,788)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of (a), (b), (c) [3]")
    parser.add_argument("--repeat-peer", type=int, default=1, help="runs of (d) [1]")
    parser.add_argument("--repeat-start", type=int, default=15, help="runs of (e) each [15]")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    args = parser.parse_args()

    made: Path | None = None
    folder: Path = args.folder
    if folder is None:
        sys.path.insert(0, str(HERE))
        from generate import generate

        made = folder = Path(tempfile.mkdtemp(prefix="dxcheck-bench-"))
        print(f"generating plans in {folder} …", flush=True)
        generate(folder)
    try:
        bench(folder, args.repeat, args.repeat_peer, args.repeat_start)
    finally:
        if made is not None and not args.keep:
            shutil.rmtree(made)


def bench(folder: Path, repeat: int, repeat_peer: int, repeat_start: int) -> None:
    files = sorted(folder.rglob("*.yaml"))
    if not files:
        sys.exit(f"no *.yaml under {folder}; run benchmarks/generate.py first")
    size = sum(len(f.read_bytes()) for f in files)  # also warms the page cache
    lines = sum(f.read_bytes().count(b"\n") for f in files)
    py, dx, where = sys.executable, str(BIN / "dxcheck"), str(folder)
    one = median_plan(files)
    print("machine")
    for text in machine():
        print(f"  {text}")
    print(
        f"corpus:   {len(files)} plans, {size / 1e6:.1f} MB, {lines:,} lines in {where}\n"
        f"runs:     median of {repeat} for (a)-(c), {repeat_peer} for (d), {repeat_start} for (e)"
    )
    print()
    run_once([dx, "validate", str(one)])  # warm the bytecode caches

    a = measure([py, "-c", FLOOR, where], repeat)
    print(line("(a) parse floor: CSafeLoader, bare process", a), flush=True)
    b = measure([dx, "check", where, "--as-of", AS_OF], repeat)
    print(line(f"(b) dxcheck check --as-of {AS_OF}", b), flush=True)
    c = measure([dx, "validate", where], repeat)
    note = "" if c.codes == "0" else "   <- some plans are invalid"
    print(line("(c) dxcheck validate", c, note), flush=True)
    cj = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    d: Figure | None = None
    if cj:
        d = measure([cj, "--schemafile", str(SCHEMA), *map(str, files)], repeat_peer)
        print(line("(d) check-jsonschema --schemafile plan.schema", d), flush=True)
    else:
        print("(d) check-jsonschema: not installed, skipped (pip install check-jsonschema)")
    e, e0 = interleaved([dx, "validate", str(one)], [py, "-c", BASELINE], repeat_start)
    kb = one.stat().st_size / 1024
    print(
        f"{f'(e) dxcheck validate {one.name} ({kb:.0f} KB)':<46} {e.wall * 1000:7.0f} ms  "
        f"cpu {e.cpu * 1000:4.0f} ms  exit {e.codes}"
    )
    print(
        f"{f'    python -c {BASELINE!r}':<46} {e0.wall * 1000:7.0f} ms  cpu {e0.cpu * 1000:4.0f} ms"
    )
    print(f"{'(f) peak memory (max RSS) of (b)':<46} {b.rss:7.0f} MB")
    print()
    per_plan = b.wall / len(files) * 1000
    print(
        f"per plan: check {per_plan:.2f} ms, validate {c.wall / len(files) * 1000:.2f} ms, "
        f"floor {a.wall / len(files) * 1000:.2f} ms; check uses {b.cpu / b.wall:.1f} of "
        f"{os.cpu_count()} cores"
    )
    print()
    print("ratios and targets")
    print(
        f"  (b)/(a)   = {b.wall / a.wall:6.2f}    target <= 2.0    {verdict(b.wall <= 2 * a.wall)}"
    )
    if d is not None:
        print(
            f"  (b)/(d)   = {b.wall / d.wall:6.2f}    target <  1.0    {verdict(b.wall < d.wall)}"
        )
    else:
        print("  (b)/(d)   =    n/a    target <  1.0    not measured")
    ratio_e = e.wall / e0.wall
    print(f"  (e)/base  = {ratio_e:6.2f}    target <= 1.3    {verdict(ratio_e <= 1.3)}")
    print(f"  (f)       = {b.rss:6.0f} MB target <= 300 MB {verdict(b.rss <= 300)}")
    print(f"  (c)/(a)   = {c.wall / a.wall:6.2f}    (no target)")


if __name__ == "__main__":
    main()
