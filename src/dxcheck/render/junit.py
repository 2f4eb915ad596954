"""JUnit XML: one test suite per plan, one test case per plan × rule (failed when the rule
reported something at or above the threshold)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from dxcheck.catalog.age import CatalogNotice
from dxcheck.diagnostics import SEVERITY_RANK
from dxcheck.engine.registry import all_rules
from dxcheck.engine.runner import PlanCheck


def render(
    checks: list[PlanCheck], lang: str, fail_on: str, notice: CatalogNotice | None = None
) -> str:
    root = ET.Element("testsuites", name="dxcheck")
    if notice is not None:
        props = ET.SubElement(root, "properties")
        ET.SubElement(props, "property", name="catalog_notice", value=notice.message(lang))
    limit = SEVERITY_RANK[fail_on]
    total_failures = total_tests = 0
    rule_ids = [rule.id for rule in all_rules()]
    for check in checks:
        suite = ET.SubElement(root, "testsuite", name=check.path)
        ids = list(rule_ids)
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
                    f"{f.path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {f.message(lang)}"
                    for f in findings
                )
            elif findings:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(
                    f"{f.path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {f.message(lang)}"
                    for f in findings
                )
        suite.set("tests", str(len(ids)))
        suite.set("failures", str(failures))
        total_tests += len(ids)
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
