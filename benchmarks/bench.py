"""dxcheck's speed and memory against its peers and the YAML parse floor, on the same plans.

    python benchmarks/bench.py                      # generates 1,788 plans in a temporary folder
    python benchmarks/bench.py /tmp/plans1788       # plans made by benchmarks/generate.py
    python benchmarks/bench.py --repeat 5 --repeat-start 21 --peer

One run prints the targets of issue 12, each as a ratio of two figures measured in the same
run on the same files, and the machine it ran on:

1. one file: `dxcheck validate plan.yaml` and `dxcheck check plan.yaml` (no cache) against
   `yamllint plan.yaml` (runs interleaved, so drift in the machine's load hits both alike);
2. all of Japan: `dxcheck check` over every plan (no cache, all cores) against the parse floor,
   a bare Python process that reads every file and parses it with yaml.CSafeLoader; also with
   --jobs 1 (one process);
3. the cache: a second `check` over the unchanged plans against the first (cold cache), and a
   run after editing one plan;
4. reports: `report -f html -o DIR` wall time against `check`, its peak memory (the largest
   proportional set size of the report's processes added up, sampled from /proc, and the
   largest single process's max RSS), the size of index.html, and headless Chromium taking a
   screenshot of it (against a blank page, Chromium's own start);
5. progress: not timed (see tests/test_scale.py).

Every command is a subprocess measured with os.wait4: wall time is the median of the runs;
CPU time (user + system, workers included) over wall time shows how many cores it kept busy.
Bytecode is compiled first (this environment may set PYTHONDONTWRITEBYTECODE; an installed
package has it). Nothing is asserted: these are figures to read.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
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


def _shown(path: str) -> str:
    """A path as it may be pasted into the docs: relative to the repository, else its name."""
    full = Path(path).absolute()
    return str(full.relative_to(ROOT)) if full.is_relative_to(ROOT) else full.name


@dataclass(frozen=True, slots=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds, waited-for children (workers) included
    rss: float  # MB: max RSS of the largest single process (wait4)
    pss: float  # MB: peak of the processes' proportional set sizes added up (0: not sampled)
    code: int  # exit status


@dataclass(frozen=True, slots=True)
class Figure:
    """The median wall and CPU time, and the largest memory, of several runs of one command."""

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
    def pss(self) -> float:
        return max(r.pss for r in self.runs)

    @property
    def codes(self) -> str:
        return ",".join(sorted({str(r.code) for r in self.runs}))


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _Sampler(threading.Thread):
    """The peak of the summed PSS of a process tree, sampled every 20 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, sum(_pss_kb(p) for p in _tree(self.pid)))
            self.stop.wait(0.02)


def run_once(cmd: list[str], *, sample: bool = False, env: dict[str, str] | None = None) -> Run:
    """One run of ``cmd`` with its output discarded, measured with wait4 on that process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    sampler = _Sampler(proc.pid) if sample and os.path.exists("/proc/self/smaps_rollup") else None
    if sampler:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if sampler:
        sampler.stop.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
    pss = sampler.peak / 1024 if sampler else 0.0
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, pss, proc.returncode)


def measure(cmd: list[str], repeat: int, **kwargs: object) -> Figure:
    return Figure(tuple(run_once(cmd, **kwargs) for _ in range(repeat)))  # type: ignore[arg-type]


def interleaved(
    cmds: list[list[str]],
    repeat: int,
    envs: dict[int, Callable[[int], dict[str, str]]] | None = None,
) -> list[Figure]:
    """Alternate short commands so drift in the machine's load hits all alike.

    ``envs`` maps a command's index to the environment of its n-th run (e.g. a fresh, empty
    cache folder each time, for the first run after installing)."""
    runs: list[list[Run]] = [[] for _ in cmds]
    for number in range(repeat):
        for index, cmd in enumerate(cmds):
            make = (envs or {}).get(index)
            runs[index].append(run_once(cmd, env=make(number) if make else None))
    return [Figure(tuple(r)) for r in runs]


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


def usable_cores() -> int:
    count = getattr(os, "process_cpu_count", None)
    if count is not None:
        return int(count() or 1)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def machine() -> list[str]:
    import yaml

    libyaml = "yes" if getattr(yaml, "__with_libyaml__", False) else "no"
    try:
        load = "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = ""
    return [
        f"CPU:      {cpu_model()}, {os.cpu_count()} cores ({usable_cores()} usable), "
        f"{platform.system()} {platform.release()}; {load} at start",
        f"Python:   {platform.python_version()} ({_shown(sys.executable)})",
        f"packages: PyYAML {yaml.__version__} (libyaml: {libyaml}), pydantic {version('pydantic')}, "
        f"typer {version('typer')}, dxcheck {version('dxcheck')}, yamllint {version('yamllint')}, "
        f"check-jsonschema {version('check-jsonschema')}",
    ]


def median_plan(files: list[Path]) -> Path:
    """The plan of median size (the one-plan start-up figure should not use an outlier)."""
    return sorted(files, key=lambda f: (f.stat().st_size, f.name))[len(files) // 2]


def line(label: str, fig: Figure, extra: str = "") -> str:
    cores = fig.cpu / fig.wall if fig.wall else 0.0
    return (
        f"{label:<50} {fig.wall:7.2f} s   cpu {fig.cpu:6.2f} s ({cores:3.1f} cores)   "
        f"max rss {fig.rss:4.0f} MB   exit {fig.codes}{extra}"
    )


def ms(label: str, fig: Figure) -> str:
    return f"{label:<50} {fig.wall * 1000:7.0f} ms  cpu {fig.cpu * 1000:5.0f} ms  exit {fig.codes}"


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def ratio(label: str, value: float, target: str, ok: bool, note: str = "") -> str:
    return f"  {label:<44} = {value:6.2f}   target {target:<8} {verdict(ok)}{note}"


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(browser: str, page: Path, work: Path) -> float:
    """Seconds for headless Chromium to open ``page`` and save a screenshot."""
    shot = work / "shot.png"
    shot.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={work / 'profile'}",
            "--window-size=1280,1600",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    took = time.perf_counter() - start
    return took if shot.exists() else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", help="plans (default: generate 1,788)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each corpus command [3]")
    parser.add_argument("--repeat-start", type=int, default=15, help="runs of one-file cmds [15]")
    parser.add_argument("--peer", action="store_true", help="also time check-jsonschema (slow)")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    parser.add_argument(
        "--one-file", action="store_true", help="only part 1 (one file against yamllint)"
    )
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
        bench(folder, args.repeat, args.repeat_start, args.peer, args.one_file)
    finally:
        if made is not None and not args.keep:
            shutil.rmtree(made)


def bench(folder: Path, repeat: int, repeat_start: int, peer: bool, one_file: bool) -> None:
    import dxcheck

    files = sorted(folder.rglob("*.yaml"))
    if not files:
        sys.exit(f"no *.yaml under {folder}; run benchmarks/generate.py first")
    for package in (Path(dxcheck.__file__).parent,):
        compileall.compile_dir(str(package), quiet=1)
    size = sum(len(f.read_bytes()) for f in files)  # also warms the page cache
    lines = sum(f.read_bytes().count(b"\n") for f in files)
    py, dx, where = sys.executable, str(BIN / "dxcheck"), str(folder)
    yamllint = shutil.which("yamllint", path=str(BIN)) or shutil.which("yamllint")
    one = median_plan(files)
    work = Path(tempfile.mkdtemp(prefix="dxcheck-bench-work-"))
    env = {**os.environ, "DXCHECK_CACHE_DIR": str(work / "cache")}
    env.pop("CI", None)
    print("machine")
    for text in machine():
        print(f"  {text}")
    print(
        f"corpus:   {len(files)} plans, {size / 1e6:.1f} MB, {lines:,} lines in {_shown(str(where))}\n"
        f"runs:     median of {repeat} for the corpus, {repeat_start} (interleaved) for one file"
    )
    results: list[str] = []
    try:
        run_once([dx, "validate", str(one)])  # warm the page cache
        # --- 1. one file -------------------------------------------------------------------
        print("\n1. one file (the pre-commit and editor path)")
        kb = one.stat().st_size / 1024
        cmds = [
            [dx, "validate", str(one)],
            [dx, "check", str(one), "--as-of", AS_OF, "--no-cache"],
        ]
        # what the libraries cost before dxcheck does anything: the interpreter with PyYAML and
        # pydantic's models (BaseModel, Field), or with pydantic-core only (what the commands
        # import: dxcheck.core_schemas)
        cmds.append([py, "-c", "import yaml; from pydantic import BaseModel, Field"])
        cmds.append([py, "-c", "import yaml, pydantic_core"])
        # the very first run after installing or upgrading: an empty cache folder every time
        cmds.append([dx, "validate", str(one)])
        fresh = {4: lambda n: {**env, "DXCHECK_CACHE_DIR": str(work / f"first-{n}")}}
        if yamllint:
            cmds.append([yamllint, str(one)])
        figs = interleaved(cmds, repeat_start, fresh)
        print(ms(f"dxcheck validate {one.name} ({kb:.0f} KB)", figs[0]))
        print(ms("dxcheck check --no-cache (same file)", figs[1]))
        first = figs[4]
        print(ms("dxcheck validate, first run (empty cache folder)", first))
        cached = [dx, "check", str(one), "--as-of", AS_OF]
        run_once(cached, env=env)  # fill the cache
        warm = [Figure(tuple(run_once(cached, env=env) for _ in range(repeat_start)))]
        print(ms("dxcheck check, cached (same file, unchanged)", warm[0]))
        print(ms("floor: python + PyYAML + pydantic models", figs[2]))
        print(ms("floor: python + PyYAML + pydantic-core", figs[3]))
        if yamllint:
            lint = figs[5]
            print(ms("yamllint (same file)", lint))
            results.append(
                ratio(
                    "validate / yamllint",
                    figs[0].wall / lint.wall,
                    "<= 1.0",
                    figs[0].wall <= lint.wall,
                )
            )
            results.append(
                ratio(
                    "check (no cache) / yamllint",
                    figs[1].wall / lint.wall,
                    "<= 1.3",
                    figs[1].wall <= 1.3 * lint.wall,
                )
            )
            results.append(
                ratio(
                    "first run / yamllint",
                    first.wall / lint.wall,
                    "<= 1.0",
                    first.wall <= lint.wall,
                )
            )
            results.append(
                ratio("check (cached) / yamllint", warm[0].wall / lint.wall, "(info)", True)
            )
            results.append(
                ratio(
                    "floor with pydantic models / yamllint",
                    figs[2].wall / lint.wall,
                    "(info)",
                    True,
                    "   (import only; the commands do not import pydantic)",
                )
            )
            results.append(
                ratio(
                    "floor with pydantic-core / yamllint", figs[3].wall / lint.wall, "(info)", True
                )
            )
        else:
            print("yamllint: not installed, skipped (pip install yamllint)")
        if one_file:
            print("\ntargets (issue 12 and 20), one file, measured in this run on this machine")
            for text in results:
                print(text)
            return

        # --- 2. all of Japan ---------------------------------------------------------------
        print("\n2. all of Japan")
        floor = measure([py, "-c", FLOOR, where], repeat)
        print(line("(a) parse floor: CSafeLoader, one process", floor))
        many = measure([dx, "check", where, "--as-of", AS_OF, "--no-cache"], repeat, env=env)
        print(line("(b) dxcheck check --no-cache (all cores)", many))
        single = measure(
            [dx, "check", where, "--as-of", AS_OF, "--no-cache", "--jobs", "1"], repeat, env=env
        )
        print(line("(c) dxcheck check --no-cache --jobs 1", single))
        validate = measure([dx, "validate", where], repeat)
        print(line("(d) dxcheck validate (one process)", validate))
        results.append(
            ratio(
                "check (all cores) / parse floor",
                many.wall / floor.wall,
                "<= 1.0",
                many.wall <= floor.wall,
                f"   ({many.cpu / many.wall:.1f} of {usable_cores()} cores busy)",
            )
        )
        results.append(
            ratio("check --jobs 1 / parse floor", single.wall / floor.wall, "(info)", True)
        )
        if peer:
            cj = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
            if cj:
                peer_fig = measure([cj, "--schemafile", str(SCHEMA), *map(str, files)], 1)
                print(line("(e) check-jsonschema --schemafile plan.schema", peer_fig))
                results.append(
                    ratio(
                        "check / check-jsonschema",
                        many.wall / peer_fig.wall,
                        "< 1.0",
                        many.wall < peer_fig.wall,
                    )
                )

        # --- 3. cache ------------------------------------------------------------------------
        print("\n3. cache (DXCHECK_CACHE_DIR in a temporary folder)")
        cold_runs, warm_runs = [], []
        for _ in range(repeat):
            shutil.rmtree(work / "cache", ignore_errors=True)
            cold_runs.append(run_once([dx, "check", where, "--as-of", AS_OF], env=env))
            warm_runs.append(run_once([dx, "check", where, "--as-of", AS_OF], env=env))
        cold, hot = Figure(tuple(cold_runs)), Figure(tuple(warm_runs))
        print(line("first check (empty cache, all cores)", cold))
        print(line("second check (unchanged plans)", hot))
        edited = work / "edited"
        shutil.copytree(folder, edited)
        target = sorted(edited.rglob("*.yaml"))[len(files) // 3]
        run_once([dx, "check", str(edited), "--as-of", AS_OF], env=env)  # fill for this folder
        edit_runs = []
        for number in range(repeat):
            target.write_text(target.read_text("utf-8") + f"# edit {number}\n", "utf-8")
            edit_runs.append(run_once([dx, "check", str(edited), "--as-of", AS_OF], env=env))
        edit = Figure(tuple(edit_runs))
        print(line(f"after editing one plan ({target.name})", edit))
        results.append(
            ratio(
                "second check / first check",
                hot.wall / cold.wall,
                "<= 0.10",
                hot.wall <= 0.10 * cold.wall,
            )
        )
        results.append(
            ratio("one plan edited / first check", edit.wall / cold.wall, "(info)", True)
        )

        # --- 4. reports ----------------------------------------------------------------------
        print("\n4. report -f html -o DIR (every plan's page and the overview index)")
        out = work / "html"
        report_runs = []
        for _ in range(repeat):
            shutil.rmtree(out, ignore_errors=True)
            report_runs.append(
                run_once(
                    [dx, "report", where, "-f", "html", "-o", str(out), "--as-of", AS_OF],
                    sample=True,
                    env=env,
                )
            )
        report = Figure(tuple(report_runs))
        print(line("report -f html -o DIR (all cores)", report))
        print(f"{'  peak memory, all processes (PSS summed)':<50} {report.pss:7.0f} MB")
        index = out / "index.html"
        index_mb = index.stat().st_size / 1e6 if index.exists() else float("nan")
        pages = len(list(out.glob("*.html")))
        print(f"{'  index.html':<50} {index_mb:7.2f} MB   ({pages} pages written)")
        results.append(
            ratio(
                "report / check (no cache)",
                report.wall / many.wall,
                "<= 2.0",
                report.wall <= 2 * many.wall,
            )
        )
        results.append(
            ratio(
                "report peak memory (MB, PSS of all processes)",
                report.pss,
                "<= 200",
                report.pss <= 200,
            )
        )
        results.append(ratio("index.html size (MB)", index_mb, "<= 3.0", index_mb <= 3.0))
        browser = chromium()
        if browser and index.exists():
            blank = work / "blank.html"
            blank.write_text("<!DOCTYPE html><title>blank</title><p>blank</p>\n", "utf-8")
            shots = [screenshot(browser, index, work) for _ in range(repeat)]
            blanks = [screenshot(browser, blank, work) for _ in range(repeat)]
            shot, start = statistics.median(shots), statistics.median(blanks)
            print(f"{'  Chromium screenshot of index.html':<50} {shot:7.2f} s")
            prefectures = sorted(out.glob("pref-*.html"), key=lambda p: p.stat().st_size)
            if prefectures:  # the largest page of one prefecture (北海道: 180 municipalities)
                largest = prefectures[-1]
                pref_shot = statistics.median(
                    screenshot(browser, largest, work) for _ in range(repeat)
                )
                size = largest.stat().st_size / 1e6
                print(f"{'  ' + largest.name + ' (largest prefecture page)':<50} {size:7.2f} MB")
                print(f"{'  Chromium screenshot of ' + largest.name:<50} {pref_shot:7.2f} s")
            print(f"{'  Chromium screenshot of a blank page (start-up)':<50} {start:7.2f} s")
            results.append(
                ratio("Chromium screenshot of index.html (s)", shot, "<= 3.0", shot <= 3.0)
            )
        else:
            print("  Chromium: not installed, screenshot skipped")
        print("\n5. progress bar: on a terminal only (tests/test_scale.py); not timed")

        print("\ntargets (issue 12), each measured in this run on this machine")
        for text in results:
            print(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
