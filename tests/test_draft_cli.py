"""`dxcheck draft` end to end: the seed documents as text, PDF and Word become plan files that
validate, cite exact quotes, carry draft cues (DRF001), and are never written over."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from draft_docs import make_docx, make_pdf, seeds_dir
from dxcheck.draft import document_text, draft_text
from dxcheck.draft.evidence import findable
from dxcheck.validate import validate_bytes

SEEDS = sorted(seeds_dir().glob("*.txt"))
needs_seeds = pytest.mark.skipif(not SEEDS, reason="../shared/seeds/ is not available")
DATA = Path(__file__).parent / "data" / "draft"


def as_format(text: str, fmt: str) -> bytes:
    if fmt == "pdf":
        return make_pdf(text, "計画")
    if fmt == "docx":
        return make_docx(text)
    return text.encode("utf-8")


def quotes(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["quote"]] if isinstance(node.get("quote"), str) else []
        return found + [q for value in node.values() for q in quotes(value)]
    if isinstance(node, list):
        return [q for value in node for q in quotes(value)]
    return []


@needs_seeds
@pytest.mark.parametrize("fmt", ["txt", "pdf", "docx"])
@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_seed_documents_draft_to_valid_cited_plans(seed: Path, fmt: str) -> None:
    data = as_format(seed.read_text("utf-8"), fmt)
    text = draft_text(data, f"{seed.stem}.{fmt}")
    assert text.startswith("# yaml-language-server: $schema=../schemas/plan.schema.json\n")
    result = validate_bytes(text.encode("utf-8"), "draft.yaml")
    assert result.valid, [d.message_ja for d in result.diagnostics]
    plan = yaml.safe_load(text)
    source = document_text(data, seed.name)
    for quote in quotes(plan):
        assert findable(quote, source), quote
    for initiative in plan["initiatives"]:
        assert initiative["cite"]["draft"]
    assert plan["municipality"]["prefecture"] == "宮城県"


def test_draft_writes_the_file_and_never_overwrites_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "plans" / "044067-rifu.yaml"
    out.parent.mkdir()
    code, _, err = run_cli(capsys, "draft", str(DATA / "rifu-chapters.txt"), "-o", str(out))
    assert code == 0 and "下書きを書きました" in err
    written = out.read_text("utf-8")
    assert validate_bytes(written.encode(), str(out)).valid
    out.write_text("# edited by a person\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "draft", str(DATA / "rifu-chapters.txt"), "-o", str(out))
    assert code == 2 and "上書きしません" in err
    assert out.read_text("utf-8") == "# edited by a person\n"


def test_draft_reads_standard_input_and_writes_standard_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (DATA / "shichigahama-roman.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, _ = run_cli(capsys, "draft", "-")
    assert code == 0
    plan = yaml.safe_load(out)
    assert plan["municipality"]["code"] == "044041"
    assert plan["period"]["end"] == "令和9年3月"


def test_drafted_entries_are_reported_by_check_as_unreviewed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "draft.yaml"
    run_cli(capsys, "draft", str(DATA / "rifu-chapters.txt"), "-o", str(out))
    _, text, _ = run_cli(capsys, "check", str(out), "--select", "DRF", "-f", "json")
    findings = json.loads(text)["plans"][0]["findings"]
    lines = out.read_text("utf-8").splitlines()
    assert findings and all(f["rule"] == "DRF001" for f in findings)
    assert all(lines[f["line"] - 1].strip().startswith("draft:") for f in findings)
    drafted = sum(1 for line in lines if line.strip().startswith("draft:"))
    assert len(findings) == drafted
    # Once a person has confirmed them (the draft lines deleted), nothing is reported.
    out.write_text(
        "\n".join(line for line in lines if not line.strip().startswith("draft:")) + "\n",
        encoding="utf-8",
    )
    _, text, _ = run_cli(capsys, "check", str(out), "--select", "DRF", "-f", "json")
    assert '"DRF001"' not in text


def test_an_unknown_municipality_leaves_a_placeholder_the_validator_flags(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("架空村DX推進計画\n令和6年3月\n1 取組\n書かない窓口を導入する。\n", "utf-8")
    out = tmp_path / "draft.yaml"
    code, _, err = run_cli(capsys, "draft", str(source), "-o", str(out))
    assert code == 0 and "検証を通りません" in err
    text = out.read_text("utf-8")
    assert "要確認: 団体を特定できませんでした" in text
    assert not validate_bytes(text.encode(), str(out)).valid


@pytest.mark.parametrize(
    ("content", "message_ja", "message_en"),
    [
        (b"", "空のファイル", "empty"),
        (b"\x00\x01\x02binary\x00", "バイナリ", "binary"),
        (b"%PDF-1.4 broken", "PDF として読めません", "cannot read the PDF"),
    ],
)
def test_unreadable_inputs_exit_2_with_a_message_in_either_language(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: bytes,
    message_ja: str,
    message_en: str,
) -> None:
    path = tmp_path / "input.pdf"
    path.write_bytes(content)
    code, _, err = run_cli(capsys, "draft", str(path), "-o", str(tmp_path / "x.yaml"))
    assert code == 2 and message_ja in err and "Traceback" not in err
    assert not (tmp_path / "x.yaml").exists()
    code, _, err = run_cli(capsys, "--lang", "en", "draft", str(path))
    assert code == 2 and message_en in err


def test_missing_input_and_folder_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "draft", str(tmp_path / "none.pdf"))
    assert code == 2 and "読めません" in err
    code, _, err = run_cli(capsys, "draft", str(tmp_path))
    assert code == 2 and "フォルダです" in err


@pytest.mark.parametrize(("lang", "words"), [("ja", "確認の手順"), ("en", "Review")])
def test_help_explains_the_review_workflow(
    capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    code, out, _ = run_cli(capsys, "--lang", lang, "draft", "--help")
    assert code == 0 and words in out and "DRF001" in out


def test_other_commands_do_not_import_the_pdf_library() -> None:
    import subprocess

    code = (
        "import sys; from dxcheck.cli import main; main(['validate', 'plans/']);"
        "print('pypdfium2' in sys.modules, 'dxcheck.draft' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert done.stdout.strip().splitlines()[-1] == "False False"


_PIECES = [
    "第1章 ",
    "1 ",
    "(1) ",
    "① ",
    "ア ",
    "基本方針1 ",
    "計画期間",
    "国の動向",
    "背景",
    "令和5年度から令和7年度まで",
    "令和7年度末までに",
    "書かない窓口",
    "ガバメントクラウド",
    "マイナンバーカード",
    "を推進する。",
    "を検討する。",
    "副市長をCIOとし、",
    "市長を本部長とする○○市DX推進本部",
    "\t",
    "\n",
    "\f",
    "- 3 -\n",
    "目次\n",
    "松島町",
    "AI",
    "。",
    "＃",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), max_size=60))
def test_any_text_drafts_to_loadable_yaml_or_a_clear_error(parts: list[str]) -> None:
    from dxcheck.draft import DraftError

    data = ("計画\n" + "".join(parts)).encode("utf-8", errors="replace")
    try:
        text = draft_text(data, "random.txt")
    except DraftError as exc:
        assert exc.ja and exc.en
        return
    result = validate_bytes(text.encode("utf-8"), "random.yaml")
    errors = [d for d in result.diagnostics if d.severity == "error"]
    # The only error a draft may carry is the placeholder code of an unknown municipality.
    assert all(d.yaml_path == "municipality.code" for d in errors), [
        (d.yaml_path, d.message_ja) for d in errors
    ]
