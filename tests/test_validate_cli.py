"""`dxcheck validate`: every bad input gets file:line:col, the right code and exit status,
and no traceback; valid inputs exit 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli as run

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"


# file, expected "line:col: error[CODE]" fragment
BAD_CASES = [
    ("broken.yaml", "2:1: error[DX110]"),
    ("tabs.yaml", "2:1: error[DX110]"),
    ("duplicate_key.yaml", "3:3: error[DX103]"),
    ("sjis_broken.yaml", "2:1: error[DX110]"),
    ("binary.yaml", "1:90: error[DX101]"),
    ("empty.yaml", "1:1: error[DX106]"),
    ("alias_bomb.yaml", "6:4: error[DX105]"),  # the sequence whose aliases overflow
    ("deep.yaml", "1:67: error[DX105]"),
    ("python_tag.yaml", "1:4: error[DX104]"),
    ("not_mapping.yaml", "1:1: error[DX201]"),
    ("unknown_key.yaml", "8:3: error[DX202]"),
    ("yaml11_bool.yaml", "21:13: error[DX205]"),
    ("code_unquoted.yaml", "5:9: error[DX205]"),
    ("wrong_check_digit.yaml", "5:9: error[DX208]"),
    ("impossible_date.yaml", "36:13: error[DX207]"),
    ("era_zero.yaml", "11:12: error[DX207]"),
    ("feb30.yaml", "11:12: error[DX207]"),
    ("wrong_type.yaml", "34:21: error[DX204]"),
    ("bad_enum.yaml", "42:17: error[DX206]"),
    ("missing_key.yaml", "3:1: error[DX203]"),
    ("period_empty.yaml", "15:3: error[DX215]"),
    ("duplicate_id.yaml", "39:9: error[DX210]"),
]


@pytest.mark.parametrize(("name", "expected"), BAD_CASES)
def test_bad_inputs(capsys: pytest.CaptureFixture[str], name: str, expected: str) -> None:
    path = BAD / name
    before = path.read_bytes()
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    assert f"{path}:{expected}" in out
    assert "Traceback" not in out + err
    assert path.read_bytes() == before  # never a changed input


def test_every_bad_file_is_covered() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(name for name, _ in BAD_CASES)


def test_messages_are_specific(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "validate", str(BAD / "unknown_key.yaml"))
    assert "`title` のことですか？" in out
    _, out, _ = run(capsys, "validate", str(BAD / "yaml11_bool.yaml"))
    assert '"no"' in out and "真偽値" in out
    _, out, _ = run(capsys, "validate", str(BAD / "code_unquoted.yaml"))
    assert '"044016"' in out
    _, out, _ = run(capsys, "validate", str(BAD / "wrong_check_digit.yaml"))
    assert "6桁目は 6 のはず" in out
    _, out, _ = run(capsys, "--lang", "en", "validate", str(BAD / "unknown_key.yaml"))
    assert "did you mean 'title'?" in out


@pytest.mark.parametrize("name", ["minimal.yaml", "utf16_ok.yaml", "sjis_ok.yaml", "bom_ok.yaml"])
def test_valid_files(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = run(capsys, "validate", str(DATA / name))
    assert code == 0, out
    assert "無効 0" in out


def test_all_problems_of_all_files_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(BAD))
    assert code == 1
    reported = {line.split(":")[0] for line in out.splitlines() if ": error[" in line}
    assert len(reported) == len(BAD_CASES)


def test_missing_path_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "error[DX100]" in err


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "validate", "--format", "xml", str(DATA / "minimal.yaml"))
    assert code == 2


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--format", "json", str(BAD / "unknown_key.yaml"))
    payload = json.loads(out)
    assert code == 1
    (diag,) = payload["files"][0]["diagnostics"]
    assert diag["code"] == "DX202"
    assert (diag["line"], diag["column"], diag["yaml_path"]) == (8, 3, "document.titel")
    assert payload["summary"] == {"files": 1, "valid": 0, "invalid": 1, "unreadable": 0}


def test_stdin_and_no_traceback_in_subprocess() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "dxcheck", "validate", "-"],
        input=b"a: [1, 2\n",
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1
    assert b"<stdin>:2:1: error[DX110]" in proc.stdout
    assert b"Traceback" not in proc.stderr


def test_max_depth_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 10 + "]" * 10 + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--max-depth", "5", str(path))
    assert "error[DX105]" in out and code == 1


def test_version_and_help_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("dxcheck ")
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "計画ファイル" in out
    code, out, _ = run(capsys, "--lang", "en", "--help")
    assert code == 0 and "Validate plan files" in out
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0 and "このヘルプを表示して終了" in out and "Show this message" not in out
    # --lang also works after the subcommand, as the examples write it
    code, out, _ = run(capsys, "validate", str(BAD / "unknown_key.yaml"), "--lang", "en")
    assert code == 1 and "did you mean 'title'" in out


def test_validate_does_not_import_report_or_colour_libraries() -> None:
    """The editor loop stays fast: jinja2 and rich load only when output needs them."""
    plan = Path(__file__).resolve().parents[1] / "plans" / "042030-shiogama.yaml"
    code = (
        "import sys\n"
        "from dxcheck.cli import main\n"
        f"main(['validate', {str(plan)!r}])\n"
        "print(sorted(m for m in ('jinja2', 'rich') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr


def _in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run dxcheck with a pseudo-terminal as its standard output; what it printed."""
    import pty

    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dxcheck", *args], stdout=child_fd, stderr=child_fd, env=env
    )
    os.close(child_fd)
    chunks = []
    while True:
        try:
            data = os.read(main_fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main_fd)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    bad = str(BAD / "unknown_key.yaml")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert "\x1b[" in _in_terminal(["validate", bad], env)
    assert "\x1b[" not in _in_terminal(["validate", bad], {**env, "NO_COLOR": "1"})


def test_pure_python_parser_gives_the_same_answers() -> None:
    """Without libyaml (PyYAML built without it), every bad input gets the same message at the
    same place."""
    script = (
        "import sys\n"
        "{hide}"
        "from dxcheck.cli import main\n"
        f"sys.exit(main(['validate', {str(BAD)!r}, {str(DATA / 'sjis_ok.yaml')!r}]))\n"
    )
    outputs = []
    for hide in ("", "sys.modules['yaml._yaml'] = None\n"):
        done = subprocess.run(
            [sys.executable, "-c", script.format(hide=hide)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert done.returncode == 1
        outputs.append(done.stdout + done.stderr)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("error[") >= len(BAD_CASES)


def test_an_unknown_national_item_id_is_an_error_at_its_line_with_a_suggestion(
    capsys: pytest.CaptureFixture[str], plan_copy: Any, minimal_text: str
) -> None:
    text = minimal_text.replace(
        "national_items: [standardization]", "national_items: [standardisation]"
    )
    path = plan_copy(text)
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    line = text.splitlines().index("    national_items: [standardisation]") + 1
    assert f"{path}:{line}:22: error" in out
    assert "`standardization` のことですか" in out


def test_the_json_schema_enumerates_the_national_item_ids() -> None:
    from dxcheck.schema import plan_schema
    from dxcheck.vocabulary import ITEM_IDS

    item_ids = plan_schema()["$defs"]["Initiative"]["properties"]["national_items"]["items"]
    assert set(item_ids["enum"]) == ITEM_IDS
