"""dxcheck's speed and memory against the YAML parse floor and a peer, on the same files.

    python benchmarks/generate.py /tmp/plans1788
    python benchmarks/bench.py /tmp/plans1788 [--repeat 3]

Prints, in one run: (a) the parse floor (a bare Python process that reads every file and parses
it with PyYAML's C loader), (b) `dxcheck check`, (c) `dxcheck validate`, (d) check-jsonschema
with schemas/plan.schema.json (skipped if not installed: `pip install check-jsonschema`),
(e) `dxcheck validate` on one plan against `python -c "import yaml, pydantic"`, (f) the peak
memory (max RSS) of (b); then the ratios against the targets. Wall times are the median of
``--repeat`` runs. Nothing here is asserted: these are figures to read, not tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
AS_OF = "2026-11-23"

FLOOR = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def timed(cmd: list[str], repeat: int) -> tuple[float, int, int]:
    """Median wall seconds, the exit code and the peak RSS (KiB) of the slowest run."""
    times, peak, code = [], 0, 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        code = done.returncode
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return statistics.median(times), code, peak


def max_rss_of(cmd: list[str]) -> int:
    """Peak RSS (KiB) of one run of ``cmd``, measured with wait4 on that process alone."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import yaml

    libyaml = "yes" if getattr(yaml, "__with_libyaml__", False) else "no"
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"PyYAML {yaml.__version__} (libyaml: {libyaml}), {platform.system()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="dxcheck benchmark")
    parser.add_argument("folder", type=Path, help="folder of plans (benchmarks/generate.py)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.folder.rglob("*.yaml"))
    if not files:
        sys.exit(f"no *.yaml under {args.folder}; run benchmarks/generate.py first")
    size = sum(f.stat().st_size for f in files)
    py, dx = sys.executable, str(BIN / "dxcheck")
    folder = str(args.folder)
    print(f"machine: {machine()}")
    print(f"corpus:  {len(files)} plans, {size / 1e6:.1f} MB in {folder}; repeat {args.repeat}")
    print()

    a, _, _ = timed([py, "-c", FLOOR, folder], args.repeat)
    print(f"(a) parse floor (PyYAML CSafeLoader, bare process)  {a:7.2f} s")
    b, b_code, _ = timed([dx, "check", folder, "--as-of", AS_OF], args.repeat)
    print(f"(b) dxcheck check                                 {b:7.2f} s  (exit {b_code})")
    c, c_code, _ = timed([dx, "validate", folder], args.repeat)
    print(f"(c) dxcheck validate                              {c:7.2f} s  (exit {c_code})")
    cj = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    d = None
    if cj:
        schema = str(ROOT / "schemas" / "plan.schema.json")
        d, d_code, _ = timed([cj, "--schemafile", schema, *map(str, files)], args.repeat)
        print(f"(d) check-jsonschema                              {d:7.2f} s  (exit {d_code})")
    else:
        print("(d) check-jsonschema                              not installed (skipped)")
    one = str(files[0])
    runs = max(5, args.repeat * 3)
    e, _, _ = timed([dx, "validate", one], runs)
    e0, _, _ = timed([py, "-c", "import yaml, pydantic"], runs)
    print(f"(e) dxcheck validate, one plan                    {e * 1000:7.0f} ms")
    print(f"    python -c 'import yaml, pydantic'             {e0 * 1000:7.0f} ms")
    f = max_rss_of([dx, "check", folder, "--as-of", AS_OF]) / 1024
    print(f"(f) peak memory of (b)                            {f:7.0f} MB")
    print()
    print("ratios and targets")
    print(f"  (b)/(a) = {b / a:5.2f}   target <= 2.0   {'met' if b / a <= 2 else 'MISSED'}")
    if d is not None:
        print(f"  (b)/(d) = {b / d:5.2f}   target <  1.0   {'met' if b < d else 'MISSED'}")
    print(f"  (e)/base = {e / e0:4.2f}   target <= 1.3   {'met' if e / e0 <= 1.3 else 'MISSED'}")
    print(f"  (f)     = {f:5.0f} MB target <= 300  {'met' if f <= 300 else 'MISSED'}")


if __name__ == "__main__":
    main()
