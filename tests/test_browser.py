"""The HTML reports opened in a real headless browser (Debian's Chromium): they render with no
console errors and load nothing from outside the file. Skipped when Chromium is not installed
(`.ci/run` installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dxcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
    pytest.mark.slow,  # pytest -m "not slow" leaves it out (README)
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--window-size=1280,1600",
]
CONSOLE = re.compile(r":CONSOLE[:(\d]")


def open_in_chromium(page: Path, tmp_path: Path) -> tuple[list[str], bytes]:
    """Console messages and a PNG screenshot of ``page``."""
    assert CHROMIUM is not None
    shot = tmp_path / f"{page.stem}.png"
    done = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    console = [line for line in done.stderr.splitlines() if CONSOLE.search(line)]
    return console, shot.read_bytes() if shot.exists() else b""


@pytest.fixture(scope="module")
def html_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    code = main(
        ["report", "-f", "html", "--as-of", "2026-11-23", "-o", str(out), str(ROOT / "plans")]
    )
    assert code == 0
    return out


def test_the_probe_sees_console_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><p>x</p><script>missing_function();</script>", "utf-8")
    console, _ = open_in_chromium(broken, tmp_path)
    assert any("missing_function" in line for line in console)


def test_reports_render_without_console_errors(html_reports: Path, tmp_path: Path) -> None:
    pages = sorted(html_reports.glob("*.html"))
    assert any(p.name == "index.html" for p in pages) and len(pages) >= 2
    for page in pages:
        console, png = open_in_chromium(page, tmp_path)
        assert console == [], f"{page.name}: {console}"
        assert png.startswith(b"\x89PNG") and len(png) > 10_000, page.name


def test_reports_are_self_contained(html_reports: Path) -> None:
    for page in html_reports.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text), page.name
        assert "<link" not in text and "@import" not in text and "<script" not in text


def test_index_of_hundreds_of_plans_loads_without_console_errors(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """The folder report's overview at scale (issue 12): 300 generated plans."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    plans = tmp_path_factory.mktemp("plans300")
    generate(plans, 300)
    out = tmp_path_factory.mktemp("html300")
    code = main(["report", "-f", "html", "--as-of", "2026-11-23", "-o", str(out), str(plans)])
    assert code in (0, 1)
    index = out / "index.html"
    assert index.stat().st_size < 300 * 1024  # compact: about 0.4 KB a plan
    console, png = open_in_chromium(index, tmp_path)
    assert console == [], console
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    # the map and a prefecture's page, which the map and the table link to
    assert index.read_text(encoding="utf-8").count("<path ") == 47
    hokkaido = out / "pref-01.html"
    console, png = open_in_chromium(hokkaido, tmp_path)
    assert console == [], console
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
