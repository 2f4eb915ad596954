"""JUnit XML: one test suite per plan, one test case per plan × rule (failed when the rule
reported something at or above the threshold)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from dxcheck.diagnostics import SEVERITY_RANK

if TYPE_CHECKING:
    from dxcheck.engine.runner import PlanCheck
    from dxcheck.notice import CatalogNotice


def _rule_ids() -> list[str]:
    from dxcheck.engine.rules import all_rules

    return [rule.id for rule in all_rules()]


def plan_suite(
    check: PlanCheck, lang: str, fail_on: str, rule_ids: list[str] | None = None
) -> tuple[str, int, int]:
    """One plan's <testsuite>, finished and indented as inside <testsuites>, with its number
    of tests and failures."""
    limit = SEVERITY_RANK[fail_on]
    suite = ET.Element("testsuite", name=check.path)
    ids = list(_rule_ids() if rule_ids is None else rule_ids)
    ids += sorted({f.rule for f in check.findings} - set(ids))  # schema codes of invalid plans
    failures = 0
    for rule_id in ids:
        findings = [f for f in check.findings if f.rule == rule_id]
        case = ET.SubElement(suite, "testcase", classname=check.path, name=rule_id)
        failing = [f for f in findings if SEVERITY_RANK[f.severity] >= limit]
        if failing:
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=failing[0].message(lang),
                type=failing[0].severity,
            )
            failure.text = "\n".join(
                f"{f.path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {f.full_message(lang)}"
                for f in findings
            )
        elif findings:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(
                f"{f.path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {f.full_message(lang)}"
                for f in findings
            )
    suite.set("tests", str(len(ids)))
    suite.set("failures", str(failures))
    ET.indent(suite, level=1)
    return ET.tostring(suite, encoding="unicode"), len(ids), failures


def assemble(suites: list[str], tests: int, failures: int, notice: str | None = None) -> str:
    """The whole report; ``notice`` (the catalog-age message) becomes a property."""
    head = f'<testsuites name="dxcheck" tests="{tests}" failures="{failures}"'
    if notice is not None:
        prop = ET.Element("property", name="catalog_notice", value=notice)
        suites = [f"<properties>{ET.tostring(prop, encoding='unicode')}</properties>", *suites]
    body = f"{head}>\n  " + "\n  ".join(suites) + "\n</testsuites>" if suites else f"{head} />"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def render(
    checks: list[PlanCheck], lang: str, fail_on: str, notice: CatalogNotice | None = None
) -> str:
    rule_ids = _rule_ids()
    parts = [plan_suite(check, lang, fail_on, rule_ids) for check in checks]
    return assemble(
        [p[0] for p in parts],
        sum(p[1] for p in parts),
        sum(p[2] for p in parts),
        notice.message(lang) if notice else None,
    )
