"""The overview of a folder of plans (`report -o FOLDER`) as a prefecture or national officer
reads it: what each document is, each municipality once, the prefecture × item table of rates,
the map and a page per prefecture; and `check`'s note on two files of one municipality."""

from __future__ import annotations

import json
import re
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from conftest import run_cli as run

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-23"


def heat_row(html: str, name: str) -> str:
    """The heat-map row of the municipality ``name`` (its <tr>…</tr>)."""
    rows = [r for r in html.split("<tr") if f">{name}</a>" in r and 'class="s ' in r]
    assert len(rows) == 1, f"{name}: {len(rows)} rows"
    return rows[0]


def md_rows(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(f"| [{name}](")]


def test_the_index_says_what_each_document_is_and_whose_period_has_ended(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "html"
    code, _, err = run(capsys, "report", "-f", "html", "--as-of", AS_OF, "-o", str(out), "plans")
    assert code == 0, err
    index = (out / "index.html").read_text(encoding="utf-8")
    for head in ("種別・状態", "策定日", "計画期間", "基準日時点"):
        assert f">{head}</th>" in index
    ishinomaki = heat_row(index, "石巻市")  # a 2021 proposal, not an adopted plan
    assert 'class="flag"' in ishinomaki and "策定提案・提案段階" in ishinomaki
    assert "2021-12-06" in ishinomaki
    shiogama = heat_row(index, "塩竈市")  # 令和5年度〜令和7年度: ended on 2026-03-31
    assert 'class="ended">終了<' in shiogama and "令和5年度 〜 令和7年度" in shiogama
    kurihara = heat_row(index, "栗原市")  # 令和5年度〜令和8年度: still running
    assert ">期間中<" in kurihara and "終了" not in kurihara
    # the same in Markdown
    md = tmp_path / "md"
    run(capsys, "report", "--as-of", AS_OF, "-o", str(md), "plans")
    text = (md / "index.md").read_text(encoding="utf-8")
    (row,) = md_rows(text, "石巻市")
    assert "**策定提案・提案段階**" in row
    (row,) = md_rows(text, "塩竈市")
    assert "| **終了** |" in row
    (row,) = md_rows(text, "栗原市")
    assert "| 期間中 |" in row
    # and on the plan's own page
    page = (out / "042030-shiogama.html").read_text(encoding="utf-8")
    assert ">策定日</th><td>2023-03-01<" in page


def _prefecture_folder(tmp_path: Path) -> Path:
    """The five plans, an older version of 塩竈市's vision, and 東松島市's full plan beside its
    概要版 (written here from 栗原市's text with 東松島市's name, code and title)."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for plan in (ROOT / "plans").glob("*.yaml"):
        (folder / plan.name).write_bytes(plan.read_bytes())
    shiogama = (ROOT / "plans" / "042030-shiogama.yaml").read_text(encoding="utf-8")
    old = shiogama.replace("  adopted: 令和5年3月", "  adopted: 令和元年5月", 1)
    assert old != shiogama
    (folder / "042030-shiogama-2019.yaml").write_text(old, encoding="utf-8")
    kurihara = (ROOT / "plans" / "042137-kurihara.yaml").read_text(encoding="utf-8")
    full = (
        kurihara.replace("  name: 栗原市", "  name: 東松島市", 1)
        .replace('  code: "042137"', '  code: "042145"', 1)
        .replace(
            "  title: 栗原市デジタル・トランスフォーメーション(DX)推進計画",
            "  title: 東松島市DX推進計画",
            1,
        )
    )
    assert full.count("東松島市") == 2
    (folder / "042145-higashimatsushima-full.yaml").write_text(full, encoding="utf-8")
    return folder


def test_a_municipality_with_several_files_is_counted_once_and_the_others_are_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _prefecture_folder(tmp_path)
    out = tmp_path / "md"
    code, _, err = run(capsys, "report", "--as-of", AS_OF, "-o", str(out), str(folder))
    assert code == 0, err
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "- 計画数: 5（計画ファイル 7）" in index  # municipalities, not files
    (national,) = [line for line in index.splitlines() if line.startswith("| [宮城県](")]
    assert national.split(" | ")[2] == "5"
    # one row each; the newest adopted version and the full plan are the ones counted
    (shiogama,) = md_rows(index, "塩竈市")
    assert "](042030-shiogama.md)" in shiogama and "ほか 1 件" in shiogama
    (higashi,) = md_rows(index, "東松島市")
    assert "](042145-higashimatsushima-full.md)" in higashi and "計画・策定済" in higashi
    # the others are listed with their files; the 概要版 links to its full plan
    others = index[index.index("### 同じ団体のほかの文書") :]
    assert "042030-shiogama-2019.yaml" in others and "2019-05-01" in others
    summary = next(line for line in others.splitlines() if "042145-higashimatsushima.yaml" in line)
    assert "概要版。本編: [東松島市DX推進計画](042145-higashimatsushima-full.md)" in summary
    # every file still has its own page
    assert (out / "042030-shiogama-2019.md").exists() and (
        out / "042145-higashimatsushima.md"
    ).exists()

    html = tmp_path / "html"
    run(capsys, "report", "-f", "html", "--as-of", AS_OF, "-o", str(html), str(folder))
    page = (html / "pref-04.html").read_text(encoding="utf-8")
    assert 'id="dup-042030"' in page and 'href="pref-04.html#dup-042030"' in page
    heat_row(page, "塩竈市")  # exactly one row


def test_check_notes_two_files_of_one_municipality_without_changing_its_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _prefecture_folder(tmp_path)
    _, out, err = run(capsys, "check", "-f", "json", "--as-of", AS_OF, str(folder))
    assert len(json.loads(out)["plans"]) == 7  # stdout stays valid JSON
    notes = [line for line in err.splitlines() if "同じ団体" in line]
    assert len(notes) == 2
    (shiogama,) = [n for n in notes if "塩竈市（042030）" in n]
    assert "042030-shiogama-2019.yaml" in shiogama and "042030-shiogama.yaml" in shiogama
    # the one-process path (here: with a baseline) says the same
    baseline = tmp_path / "baseline.json"
    run(capsys, "baseline", "-o", str(baseline), "--as-of", AS_OF, str(folder))
    _, _, err2 = run(capsys, "check", "--baseline", str(baseline), "--as-of", AS_OF, str(folder))
    assert [line for line in err2.splitlines() if "同じ団体" in line] == notes
    # one file alone, or different municipalities: no note
    _, _, alone = run(capsys, "check", "--as-of", AS_OF, str(folder / "042030-shiogama.yaml"))
    _, _, five = run(capsys, "check", "--as-of", AS_OF, "plans")
    assert "同じ団体" not in alone + five


def _half_up(part: int, whole: int) -> int:
    return int(Fraction(100 * part, whole) + Fraction(1, 2))


def test_the_national_table_gives_each_prefectures_rates_and_its_missing_plans(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """60 generated plans (the 47 prefectures and 13 municipalities of 北海道): every
    prefecture's row matches what `check` says of its plans, counted independently here."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    from dxcheck import codes

    plans = tmp_path / "plans"
    generate(plans, 60)
    _, out, _ = run(capsys, "check", "-f", "json", "--as-of", AS_OF, str(plans))
    checked = [p for p in json.loads(out)["plans"] if p["valid"]]
    items = list(checked[0]["coverage"])
    md = tmp_path / "md"
    run(capsys, "report", "--as-of", AS_OF, "-o", str(md), str(plans))
    index = (md / "index.md").read_text(encoding="utf-8")
    rows = {
        m.group(1): line.split(" | ")
        for line in index.splitlines()
        if (m := re.match(r"\| \[(\S+?)\]\(pref-\d\d\.md\)", line))
    }
    assert len(rows) == 47
    governments = [g for g in codes.table().values() if g.kind in ("prefecture", "city")]
    for pref in codes.prefectures():
        mine = [p for p in checked if p["code"][:2] == pref.code[:2]]
        cells = rows[pref.name]
        expected = [g for g in governments if g.code[:2] == pref.code[:2]]
        ended = sum(1 for p in mine if p["period"]["end"] and p["period"]["end"] < AS_OF)
        assert cells[1:5] == [
            str(len(expected)),
            str(len(mine)),
            str(len(expected) - len(mine)),
            str(ended),
        ], pref.name
        for column, item in enumerate(items, start=7):
            statuses = [p["coverage"][item] for p in mine]
            c, p_, m = (statuses.count(s) for s in ("covered", "partial", "missing"))
            n = len(mine)
            want = f"○{_half_up(c, n)} △{_half_up(p_, n)} ×{_half_up(m, n)}"
            assert cells[column].strip(" |") == want, (pref.name, item)
    # a page per prefecture, linked from the index and from the map (HTML)
    html = tmp_path / "html"
    run(capsys, "report", "-f", "html", "--as-of", AS_OF, "-o", str(html), str(plans))
    index_html = (html / "index.html").read_text(encoding="utf-8")
    for pref in codes.prefectures():
        page = html / f"pref-{pref.code[:2]}.html"
        assert page.exists(), page.name
        assert index_html.count(f'href="{page.name}"') == 2  # the table and the map
    hokkaido = (html / "pref-01.html").read_text(encoding="utf-8")
    assert hokkaido.count('<tr><th scope="row"><a href="01') == 14  # its 14 plans
    assert "計画のない団体（" in hokkaido and 'href="index.html"' in hokkaido


def test_report_says_where_it_wrote_its_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "out\x1b[31m"
    code, stdout, err = run(capsys, "report", "--as-of", AS_OF, "-o", str(out), "plans")
    assert code == 0 and stdout == ""
    lines = err.splitlines()
    assert lines[0].startswith("dxcheck: 概要: ") and lines[0].endswith("index.md")
    assert "pref-04.md" in lines[1] and "5 件" in lines[2]
    assert "\x1b" not in err and "\\x1b[31m" in err  # a path is escaped, never interpreted
    one = tmp_path / "one.html"
    _, _, err = run(capsys, "report", "-f", "html", "-o", str(one), "plans/042030-shiogama.yaml")
    assert err.strip() == f"dxcheck: レポート: {one}"


def test_the_map_has_every_prefecture_and_ships_its_licence() -> None:
    from dxcheck import codes
    from dxcheck.render.japan_map import DATA, outlines

    shapes = outlines()
    assert [(s.key, s.name) for s in shapes] == [(p.code[:2], p.name) for p in codes.prefectures()]
    assert all(re.fullmatch(r"M\d+ \d+(L\d+ \d+){10,}Z", s.path) for s in shapes)
    folder = Path(DATA).parent
    assert "Apache License" in (folder / "LICENSE.txt").read_text(encoding="utf-8")
    assert "japanmap" in (folder / "PROVENANCE.md").read_text(encoding="utf-8")
