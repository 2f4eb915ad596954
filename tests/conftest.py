from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
PLANS = ROOT / "plans"


@pytest.fixture(autouse=True)
def _no_user_catalogs():  # type: ignore[no-untyped-def]
    """A catalog registered with --catalog FILE lives for one run: not across tests."""
    yield
    from dxcheck.catalog import forget_user_catalogs

    forget_user_catalogs()


@pytest.fixture
def minimal_text() -> str:
    return (DATA / "minimal.yaml").read_text(encoding="utf-8")


@pytest.fixture
def plan_copy(tmp_path: Path, minimal_text: str):
    """Write a variant of the minimal plan and return its path."""

    def make(text: str | None = None, name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(minimal_text if text is None else text, encoding="utf-8")
        return path

    return make


@pytest.fixture
def plans_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled plans (tests must never touch plans/)."""
    target = tmp_path / "plans"
    shutil.copytree(PLANS, target)
    return target


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `dxcheck ARGS…` in-process: (exit code, stdout, stderr)."""
    from dxcheck.cli import main

    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """The cache of `check` in a folder of the test session, never in the repository."""
    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "dxcheck-cache"))
