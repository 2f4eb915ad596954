"""Issue 12, speed and scale: output identical whatever the number of workers and whatever
came from the cache (in every format, also with several processes sharing one cache at once),
broken cache files never trusted, the command-line fast path equal to typer, the progress bar
only for a person at a terminal, and the folder report's index as an overview."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli as run
from dxcheck import batch, cache, fastpath, progress
from dxcheck.commands.check import Options, prepare
from dxcheck.console import Out

pytestmark = pytest.mark.slow  # pytest -m "not slow" leaves it out (README)

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-23"
FORMATS = ["text", "json", "sarif", "github", "junit"]
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 generated plans, the five bundled ones and two invalid files (an invalid plan and a
    file that is not YAML), in nested folders."""
    from generate import generate

    folder = tmp_path_factory.mktemp("corpus")
    generate(folder / "generated", 40)
    shutil.copytree(ROOT / "plans", folder / "plans")
    bad = folder / "bad"
    bad.mkdir()
    shutil.copyfile(ROOT / "tests" / "data" / "bad" / "bad_enum.yaml", bad / "bad_enum.yaml")
    shutil.copyfile(ROOT / "tests" / "data" / "bad" / "broken.yaml", bad / "broken.yaml")
    return folder


def one_process_reference(folder: Path, fmt: str, lang: str = "ja") -> str:
    """The output of the one-process renderers over ``prepare`` (the path before issue 12)."""
    from dxcheck.catalog import load_catalog
    from dxcheck.notice import catalog_notice
    from dxcheck.render import github, json_out, junit, sarif, text

    opts = Options([str(folder)], as_of=AS_OF, lang=lang)
    prepared = prepare(opts, Out(io.StringIO()), summary_only=True)
    checks = prepared.checks
    used = load_catalog(prepared.catalog)
    notice = catalog_notice(used.version, used.period_end, prepared.as_of)
    if fmt == "json":
        return json_out.render(checks, prepared.as_of, prepared.catalog, lang, notice)
    if fmt == "sarif":
        return sarif.render(checks, prepared.catalog, lang, notice)
    if fmt == "github":
        return github.render(checks, lang, notice)
    if fmt == "junit":
        return junit.render(checks, lang, prepared.fail_on, notice)
    buffer = io.StringIO()
    text.render(checks, Out(buffer, colour=False), prepared.as_of, prepared.catalog, lang, notice)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_byte_identical_with_workers_and_cache(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, fmt: str, monkeypatch
) -> None:
    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(tmp_path / "cache"))
    expected = one_process_reference(corpus, fmt)
    base = ["check", str(corpus), "--as-of", AS_OF, "-f", fmt]
    outputs = {}
    for label, extra in {
        "one process": ["--jobs", "1", "--no-cache"],
        "two workers": ["--jobs", "2", "--no-cache"],
        "cold cache": ["--jobs", "2"],
        "warm cache": ["--jobs", "2"],
        "warm cache, one process": ["--jobs", "1"],
    }.items():
        code, out, _ = run(capsys, *base, *extra)
        assert code == 1  # the corpus holds invalid plans
        outputs[label] = out
    for label, out in outputs.items():
        assert out == expected, label


def test_english_and_options_are_part_of_the_cache_key(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(tmp_path / "cache"))
    plans = str(corpus / "plans")
    for args in (
        ["--lang", "en"],
        ["--select", "DL", "--ignore", "DL003"],
        ["--fail-on", "info"],
        ["--as-of", "2024-04-01"],
    ):
        cmd = ["check", plans, "--as-of", AS_OF, "-f", "json", *args]
        _, first, _ = run(capsys, *cmd)
        _, cached, _ = run(capsys, *cmd)
        _, fresh, _ = run(capsys, *cmd, "--no-cache")
        assert first == cached == fresh, args
    _, ja, _ = run(capsys, "check", plans, "--as-of", AS_OF)
    _, en, _ = run(capsys, "--lang", "en", "check", plans, "--as-of", AS_OF)
    assert ja != en and "plan(s)" in en


def count_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = batch.render_part

    def spy(name: str, data: bytes) -> str:
        calls.append(name)
        return real(name, data)

    monkeypatch.setattr(batch, "render_part", spy)
    return calls


def test_second_run_reads_the_cache_and_an_edit_rechecks_only_that_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "plans", plans)
    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(tmp_path / "cache"))
    calls = count_renders(monkeypatch)
    cmd = ["check", str(plans), "--as-of", AS_OF, "--jobs", "1"]
    code, first, _ = run(capsys, *cmd)
    assert len(calls) == 5
    calls.clear()
    assert run(capsys, *cmd) == (code, first, "")
    assert calls == []
    edited = plans / "042030-shiogama.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# 追記\n", encoding="utf-8")
    run(capsys, *cmd)
    assert calls == [str(edited)]
    calls.clear()
    _, _, _ = run(capsys, *cmd, "--no-cache")
    assert len(calls) == 5


def test_cache_folder_is_ignored_by_git_and_can_be_cleaned(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DXCHECK_CACHE_DIR")
    project = tmp_path / "project"
    shutil.copytree(ROOT / "plans", project / "plans")
    (project / "dxcheck.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run(capsys, "check", str(project / "plans"), "--as-of", AS_OF, "--no-cache")
    assert not (project / ".dxcheck_cache").exists()
    run(capsys, "check", str(project / "plans"), "--as-of", AS_OF)
    folder = project / ".dxcheck_cache"  # next to the configuration file
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(project)], check=True)
        status = subprocess.run(
            ["git", "-C", str(project), "status", "--porcelain", "--untracked-files=all"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert ".dxcheck_cache" not in status and "dxcheck.toml" in status
    code, out, _ = run(capsys, "cache", "clean", str(project / "plans"))
    assert code == 0 and str(folder) in out and not folder.exists()
    foreign = tmp_path / "not-a-cache"
    foreign.mkdir()
    with pytest.raises(ValueError):
        cache.clean(str(foreign))
    assert foreign.exists()


def entries(folder: Path) -> list[Path]:
    """The per-plan entries of `check`."""
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.parent != folder and ".tmp" not in p.name
    )


@pytest.mark.parametrize(
    "damage",
    [
        "truncate",
        "flip a byte",
        "empty",
        "foreign",
        "other plan",
        "bad json",
        "wrong shape",
        "binary",
        "too deep",
    ],
)
def test_broken_cache_files_are_ignored_and_rewritten(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "plans", plans)
    folder = tmp_path / "cache"
    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(folder))
    cmd = ["check", str(plans), "--as-of", AS_OF, "-f", "json", "--jobs", "1"]
    _, expected, _ = run(capsys, *cmd)
    files = entries(folder)
    assert len(files) == 5
    original = {path: path.read_bytes() for path in files}
    for number, path in enumerate(files):
        raw = path.read_bytes()
        if damage == "truncate":
            path.write_bytes(raw[: len(raw) // 2])
        elif damage == "flip a byte":
            path.write_bytes(raw[:-10] + bytes([raw[-10] ^ 0x01]) + raw[-9:])
        elif damage == "empty":
            path.write_bytes(b"")
        elif damage == "foreign":
            path.write_bytes(b'{"some": "other tool"}\n')
        elif damage == "other plan":  # a whole, valid entry, but of another file
            path.write_bytes(original[files[(number + 1) % len(files)]])
        elif damage == "bad json":  # right header and checksum, payload not a dxcheck part
            header = b"\n".join(raw.split(b"\n")[:4]) + b"\n"
            body = b'{"f": 1}'
            path.write_bytes(header + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        elif damage == "wrong shape":  # a part, but not of JSON output
            header = b"\n".join(raw.split(b"\n")[:4]) + b"\n"
            tally = dict.fromkeys(("valid", "error", "warning", "info"), 0)
            tally |= dict.fromkeys(("covered", "partial", "missing"), 0)
            part = {"f": [[1, 2]], "t": tally, "x": False, "c": "2.3"}
            body = json.dumps(part).encode()
            path.write_bytes(header + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        elif damage == "too deep":  # right header and checksum, JSON nested past the stack
            header = b"\n".join(raw.split(b"\n")[:4]) + b"\n"
            body = b"[" * 200_000 + b"]" * 200_000
            path.write_bytes(header + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        else:
            path.write_bytes(os.urandom(len(raw)))
    calls = count_renders(monkeypatch)
    _, out, _ = run(capsys, *cmd)
    assert out == expected
    assert len(calls) == 5  # nothing broken was trusted
    calls.clear()
    assert run(capsys, *cmd)[1] == expected
    assert calls == []  # and every entry was rewritten whole


def test_processes_sharing_one_cache_at_once_agree(corpus: Path, tmp_path: Path) -> None:
    env = {**os.environ, "DXCHECK_CACHE_DIR": str(tmp_path / "shared")}
    cmd = [sys.executable, "-m", "dxcheck", "check", str(corpus), "--as-of", AS_OF, "-f", "json"]
    reference = subprocess.run(
        [*cmd, "--no-cache"], capture_output=True, text=True, env=env, check=False
    ).stdout
    for _ in range(2):  # cold (all write at once), then warm (all read while one rewrites)
        procs = [
            subprocess.Popen(
                [*cmd, "--jobs", str(1 + i % 2)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for i in range(4)
        ]
        outs = [p.communicate(timeout=300)[0] for p in procs]
        assert all(out == reference for out in outs)
        assert json.loads(reference)["summary"]["plans"] == 47
    assert not [p for p in (tmp_path / "shared").rglob(".tmp-*")]


def test_fast_path_reads_what_typer_reads() -> None:
    assert fastpath.parse(["validate", "a.yaml", "-f", "json", "--max-depth=3"]) == (
        "validate",
        "ja",
        {"paths": ["a.yaml"], "fmt": "json", "max_depth": 3},
    )
    parsed = fastpath.parse(
        ["--lang", "en", "check", "a", "--select", "DL", "--select=COV", "-j", "2", "-", "-q"]
    )
    assert parsed == (
        "check",
        "en",
        {"paths": ["a", "-"], "select": ["DL", "COV"], "jobs": 2, "quiet": True},
    )
    # anything unusual goes to typer, which explains it
    for args in (
        ["validate"],
        ["validate", "-h"],
        ["validate", "a", "--max-depth", "1"],
        ["validate", "a", "--max-depth", "x"],
        ["check", "a", "-f", "xml"],
        ["check", "a", "--fail-on"],
        ["check", "a", "--unknown"],
        ["check", "a", "-fjson"],
        ["check", "a", "--quiet=yes"],
        ["report", "a"],
        ["--version"],
        [],
    ):
        assert fastpath.parse(args) is None, args


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "plans", "-f", "json"],
        ["validate", "tests/data/bad/broken.yaml"],
        ["check", "plans", "--as-of", AS_OF, "--select", "DL,GOV", "-f", "json"],
        ["check", "plans/042030-shiogama.yaml", "--as-of", "令和8年11月23日", "--fail-on", "info"],
        ["check", "plans", "--as-of", "2026-13-40"],
        ["check", "plans", "--as-of", AS_OF, "--catalog", "9.9"],
    ],
)
def test_fast_path_and_typer_give_the_same_result(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(ROOT)
    fast = run(capsys, *args)
    monkeypatch.setattr(fastpath, "dispatch", lambda argv: None)
    assert run(capsys, *args) == fast


def test_progress_only_for_a_person_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    opts = Options(["plans"])
    assert progress.show_progress(opts, "text", 100)
    assert progress.show_progress(opts, "report", 100)
    for fmt in ("json", "sarif", "junit", "github"):
        assert not progress.show_progress(opts, fmt, 100)
    assert not progress.show_progress(Options(["plans"], quiet=True), "text", 100)
    assert not progress.show_progress(opts, "text", 1)
    monkeypatch.setenv("CI", "true")
    assert not progress.show_progress(opts, "text", 100)
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not progress.show_progress(opts, "text", 100)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert not progress.show_progress(opts, "text", 100)


def test_progress_bar_draws_files_rate_and_time_left() -> None:
    from rich.console import Console

    from dxcheck.progress import Progress

    screen = io.StringIO()  # a terminal of our own
    terminal = Console(file=screen, force_terminal=True, force_interactive=True, width=100)
    bar = Progress(3, "en", console=terminal)
    with bar as advance:
        for _ in range(3):
            advance()
        bar._bar.refresh()
    drawn = screen.getvalue()
    assert "checking" in drawn and "3/3" in drawn and "files/s" in drawn


def test_check_draws_progress_on_a_terminal_and_not_in_a_pipe(corpus: Path, tmp_path: Path) -> None:
    """In a pipe (as here, and in CI) stderr stays free of any bar."""
    env = {**os.environ, "DXCHECK_CACHE_DIR": str(tmp_path / "c")}
    env.pop("CI", None)
    done = subprocess.run(
        [sys.executable, "-m", "dxcheck", "check", str(corpus), "--as-of", AS_OF],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "照合中" not in done.stderr and "\x1b" not in done.stderr


def test_folder_report_index_is_an_overview_by_prefecture(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "html"
    code, _, _ = run(capsys, "report", "-f", "html", "--as-of", AS_OF, "-o", str(out), str(corpus))
    assert code == 1  # invalid plans are listed, as before
    pages = sorted(p.name for p in out.glob("*.html"))
    prefectures = [p for p in pages if p.startswith("pref-")]
    assert len(prefectures) == 40  # the generated plans are the first 40 prefectures
    assert "index.html" in pages and len(pages) == 1 + 40 + 47  # invalid files get a page too
    index = (out / "index.html").read_text(encoding="utf-8")
    linked = index + "".join((out / p).read_text(encoding="utf-8") for p in prefectures)
    for page in pages:
        if page != "index.html":
            assert f'href="{page}"' in linked, page
    # no plan is inlined: the index has no plan sections, only links
    assert 'class="plan"' not in index and 'class="heat"' not in index
    groups = [index.index(f'href="pref-{key}.html"') for key in ("01", "02", "04", "40")]
    assert groups == sorted(groups)  # prefectures in code order
    assert "宮城県" in index and "<script" not in index
    again = tmp_path / "again"
    run(capsys, "report", "-f", "html", "--as-of", AS_OF, "-o", str(again), str(corpus), "-j", "1")
    for page in pages:
        assert (again / page).read_bytes() == (out / page).read_bytes(), page


def test_folder_report_in_markdown_has_the_matrix_first(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "md"
    run(capsys, "report", "--as-of", AS_OF, "-o", str(out), str(corpus / "plans"))
    index = (out / "index.md").read_text(encoding="utf-8")
    # one prefecture's folder: its municipalities right after the table of rates
    assert "](042030-shiogama.md)" in index and "## 宮城県: 団体ごとの一覧" in index
    assert index.index("| [宮城県](pref-04.md) |") < index.index("](042030-shiogama.md)")
