"""Gap reports (Markdown / HTML) as prefecture staff read them.

Golden files live in tests/golden/; after an intended change, regenerate them with
``DXCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_report.py`` and review the diff by eye
before committing.
"""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import run_cli as run

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
PLAN = "plans/042030-shiogama.yaml"
AS_OF = "2026-11-23"


def compare_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("DXCHECK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


PLANS = sorted(p.name for p in (ROOT / "plans").glob("*.yaml"))


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("plan", PLANS)
def test_report_matches_reviewed_golden(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    plan: str,
    fmt: str,
    lang: str,
) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run(
        capsys, "--lang", lang, "report", "-f", fmt, "--as-of", AS_OF, f"plans/{plan}"
    )
    assert code == 0, err
    compare_golden(f"{plan.removesuffix('.yaml')}.{lang}.{fmt}", out)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_matrix_of_the_five_plans_matches_reviewed_golden(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "report", "-f", fmt, "--as-of", AS_OF, "--sort", "gaps", "plans")
    assert code == 0, err
    compare_golden(f"all-plans.ja.{fmt}", out)


class _Checker(HTMLParser):
    """Collects start tags and text, and fails on tags that are never closed."""

    VOID = frozenset({"meta", "br", "link", "img", "hr", "input", "col"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_what_a_plan_says(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hostile = tmp_path / "plan.yaml"
    text = (ROOT / PLAN).read_text(encoding="utf-8")
    text = text.replace(
        "title: 塩竈市DX推進ビジョン", 'title: "<script>alert(1)</script>ビジョン"', 1
    )
    assert "<script>" in text
    hostile.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "report", "-f", "html", "--as-of", AS_OF, str(hostile))
    assert code == 0, err
    checker = _Checker()
    checker.feed(out)
    assert checker.stack == []
    assert checker.scripts == 0
    assert "<script>alert(1)</script>ビジョン" in "".join(checker.text)


def test_folder_output_has_one_file_per_plan_and_an_index_with_a_matrix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for code in ("042030", "042031"):
        text = (ROOT / PLAN).read_text(encoding="utf-8")
        (plans / f"{code}.yaml").write_text(text, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "report", "--as-of", AS_OF, "-o", str(out_dir), str(plans))
    assert code == 0, err
    names = sorted(p.name for p in out_dir.iterdir())
    assert "index.md" in names and "pref-04.md" in names  # the overview and 宮城県's page
    assert len([n for n in names if n not in ("index.md", "pref-04.md")]) == 2
    assert not [n for n in names if n.startswith(".dxcheck-")]  # no temporary files left
    index = (out_dir / "index.md").read_text(encoding="utf-8")
    assert "塩竈市" in index and "○" in index


def test_report_never_replaces_a_file_with_half_a_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    code, _, err = run(capsys, "report", "--as-of", AS_OF, "-o", str(target), str(ROOT / PLAN))
    assert code == 2
    assert "No space left on device" in err or "書き込めません" in err
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_custom_templates_override_the_bundled_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copyfile(ROOT / "templates" / "report.md.j2", templates / "report.md.j2")
    with (templates / "report.md.j2").open("a", encoding="utf-8") as handle:
        handle.write("\n<!-- 県の様式 -->\n")
    code, out, err = run(
        capsys, "report", "--as-of", AS_OF, "--template-dir", str(templates), str(ROOT / PLAN)
    )
    assert code == 0, err
    assert out.rstrip().endswith("<!-- 県の様式 -->")


def test_timeline_places_dates_and_the_as_of_day_in_order() -> None:
    import datetime

    from dxcheck.render.report_model import timeline

    rows = [{"date": "2023-03-31"}, {"date": "2026-03-31"}]
    tl = timeline(rows, datetime.date(2026, 11, 23))
    xs = [p["x"] for p in tl["points"]]
    assert 0 <= xs[0] < xs[1] < tl["as_of"] <= 1
    assert [t["ja"] for t in tl["ticks"]] == ["R5", "R6", "R7", "R8"]
    assert timeline([], datetime.date(2026, 11, 23)) == {}


def test_a_page_for_the_promotion_board_reads_as_plain_japanese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 19: next steps near the top, no command-line wording, no PDF footnote markup, passed
    dates marked apart from ○ (which means 充足)."""
    code, page, _ = run(
        capsys, "report", "-f", "html", "--as-of", AS_OF, "plans/042137-kurihara.yaml"
    )
    assert code == 0
    assert page.index("次の一歩（不足している項目）") < page.index("国の項目の充足状況")
    for developer in ("--catalog", "--sources", "--sort", "plans/042137-kurihara.yaml:", "^{"):
        assert developer not in page, developer
    assert "計画ファイル 164 行目・DL002" in page  # where, in words, for whoever edits the file
    assert "<circle" not in page and "■ 経過" in page and "◆ 今後" in page
    assert "基準日 2026-11-23</text>" in page  # the as-of label, whole
    assert "<details>" in page  # info findings folded
    _, md, _ = run(capsys, "report", "--as-of", AS_OF, "plans/042137-kurihara.yaml")
    assert md.index("### 次の一歩") < md.index("### 国の項目の充足状況")
    assert "--sources" not in md and "^{" not in md and "CIO（副市長）" in md
