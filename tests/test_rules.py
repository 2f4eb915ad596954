"""Every rule has a passing and a failing example; each must behave as documented."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from dxcheck.catalog import load_catalog
from dxcheck.diagnostics import SEVERITY_RANK
from dxcheck.engine.registry import Example, Rule
from dxcheck.engine.rules import all_rules
from dxcheck.engine.runner import Selection, check_plan
from dxcheck.loader import load_text
from dxcheck.validate import validate_document

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")

CASES = [
    pytest.param(rule, example, id=f"{rule.id}-{'fires' if example.fires else 'passes'}-{i}")
    for rule in all_rules()
    for i, example in enumerate(rule.examples)
]


def apply_patch(example: Example) -> str:
    base = yaml.safe_load(MINIMAL)
    patch = yaml.safe_load(example.patch) or {}
    base.update(patch)
    return yaml.safe_dump(base, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_examples(rule: Rule, example: Example) -> None:
    text = apply_patch(example)
    result = validate_document(load_text(text, "example.yaml"))
    assert result.plan is not None, [d.message_en for d in result.diagnostics]
    assert result.document is not None
    as_of = datetime.date.fromisoformat(example.as_of)
    catalog = load_catalog(example.catalog)
    check = check_plan(result.plan, result.document, catalog, as_of, Selection((rule.id,)))
    fired = [f for f in check.findings if f.rule == rule.id]
    assert bool(fired) == example.fires, [f.message_ja for f in fired]
    for finding in fired:
        assert finding.line >= 1 and finding.column >= 1
        assert finding.catalog_version == catalog.version
    if fired and example.severity is not None:
        # the example's severity is that of its most severe finding
        worst = max(fired, key=lambda f: SEVERITY_RANK[f.severity])
        assert worst.severity == example.severity, worst.message_ja


def test_every_rule_has_a_passing_and_a_failing_example() -> None:
    for rule in all_rules():
        kinds = {example.fires for example in rule.examples}
        assert kinds == {True, False}, rule.id


def test_rule_metadata_is_complete() -> None:
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(set(ids))
    families = {
        "coverage",
        "deadlines",
        "governance",
        "consistency",
        "waivers",
        "document",
        "review",
    }
    item_ids = {item.id for item in load_catalog().items}
    for rule in all_rules():
        assert rule.family in families
        assert rule.severity in ("error", "warning", "info")
        assert rule.title_ja and rule.title_en and rule.rationale_ja and rule.rationale_en
        assert rule.national_item is None or rule.national_item in item_ids


def _dl001_messages(target: str) -> list[str]:
    text = apply_patch(
        Example(
            "",
            "initiatives: [{id: sec, title: セキュリティポリシー, national_items: [security],"
            f" commitment: implement, target: {target}, cite: {{section: s}}}}]",
            True,
        )
    )
    result = validate_document(load_text(text, "example.yaml"))
    assert result.plan is not None and result.document is not None
    check = check_plan(
        result.plan,
        result.document,
        load_catalog(),
        datetime.date(2026, 11, 23),
        Selection(("DL001",)),
    )
    return [f.message_ja for f in check.findings]


def test_a_fiscal_year_target_is_judged_by_its_last_day() -> None:
    """「令和8年度」 is met only by 2027-03-31: later than the 2026-04-01 duty, like 「令和8年5月」."""
    by_year, by_month = _dl001_messages("令和8年度"), _dl001_messages("令和8年5月")
    assert len(by_year) == 1 and len(by_month) == 1
    assert "令和9年3月31日まで" in by_year[0]
    assert _dl001_messages("令和8年3月") == []


def test_dl001_names_the_national_date_once() -> None:
    (message,) = _dl001_messages("令和8年度")
    national = message.split("国の期限（", 1)[1].split("）", 1)[0]
    parts = national.split("、")
    assert len(parts) == len(set(parts)), message
