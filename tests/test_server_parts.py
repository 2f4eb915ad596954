"""The parts of `dxcheck server` that need no editor: which files are plans, where the cursor
is in a plan, and the rule documentation the diagnostics link to."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxcheck.server.documents import is_plan, place
from dxcheck.server.ruledoc import document

ROOT = Path(__file__).resolve().parents[1]
GLOBS = ("plans/**/*.yaml", "plans/**/*.yml")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/w/plans/a.yaml", True),
        ("/w/plans/miyagi/a.yml", True),
        ("/w/plans/a.json", False),
        ("/w/ci/a.yaml", False),
        ("/w/myplans/a.yaml", False),
    ],
)
def test_plans_are_known_by_the_configured_globs(path: str, expected: bool) -> None:
    assert is_plan(path, "municipality:\n", GLOBS, ("/w",)) is expected


def test_a_plan_anywhere_is_known_by_its_schema_header() -> None:
    text = "# yaml-language-server: $schema=../schemas/plan.schema.json\nmunicipality:\n"
    assert is_plan("/w/ci/a.yaml", text, GLOBS, ("/w",))
    assert not is_plan("/w/ci/a.yaml", "# $schema=other.json\n", GLOBS, ("/w",))


def test_the_place_of_the_cursor_follows_indentation_and_list_items() -> None:
    lines = [
        "initiatives:",
        "  - id: a",
        "    national_items:",
        "      - standardization",
        "      - ",
        "    commitment: ",
        "waivers:",
        "  - rule: GOV002",
        "    item: ",
    ]
    assert place(lines, 4, 8).keys == ("initiatives", "national_items")
    assert place(lines, 5, 16).keys == ("initiatives", "commitment")
    assert place(lines, 8, 10).keys == ("waivers", "item")
    assert place(lines, 3, 10).word == "standardization"


def test_docs_rules_md_is_what_the_rule_registry_says() -> None:
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == document(), "run: python scripts/rules_doc.py"
    from dxcheck.engine.rules import all_rules

    for rule in all_rules():  # every diagnostic's link has its anchor
        assert f'<a id="{rule.id.lower()}"></a>' in written


def test_without_the_server_extra_the_command_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from conftest import run_cli

    monkeypatch.setitem(sys.modules, "pygls", None)  # as if not installed
    code, out, err = run_cli(capsys, "server")
    assert code == 2
    assert out == ""
    assert err.strip() == (
        "dxcheck: この機能には追加のパッケージ pygls が必要です: pip install 'dxcheck[server]'"
    )
