"""The JSON contract of `dxcheck check --format json` (documented in docs/json.md; pinned by
tests/test_check_json.py). Deterministic: same input and as-of, same bytes."""

from __future__ import annotations

import datetime
import json
from typing import Any

from dxcheck.catalog.age import CatalogNotice
from dxcheck.engine.findings import Finding
from dxcheck.engine.runner import PlanCheck

CONTRACT_VERSION = 1


def finding_json(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "national_item": f.national_item,
        "message": f.message(lang),
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "yaml_path": f.yaml_path,
        "fingerprint": f.fingerprint,
        "basis": f.basis or None,
    }


def plan_json(check: PlanCheck, lang: str) -> dict[str, Any]:
    plan = check.plan
    period: dict[str, str | None] = {"start": None, "end": None}
    if plan is not None:
        p = plan.period
        period = {
            "start": p.start.start.isoformat() if p.start else None,
            "end": p.end.end.isoformat() if p.end else None,
        }
    return {
        "path": check.path,
        "valid": check.valid,
        "municipality": plan.municipality.name if plan else None,
        "code": plan.municipality.code if plan else None,
        "document": plan.document.title if plan else None,
        "period": period,
        "coverage": {item: cov.status for item, cov in check.coverage.items()},
        "findings": [finding_json(f, lang) for f in check.findings],
        "waived": check.waived,
    }


def summary(checks: list[PlanCheck]) -> dict[str, Any]:
    counts = {"error": 0, "warning": 0, "info": 0}
    coverage = {"covered": 0, "partial": 0, "missing": 0}
    for check in checks:
        for f in check.findings:
            counts[f.severity] += 1
        for cov in check.coverage.values():
            coverage[cov.status] += 1
    return {
        "plans": len(checks),
        "invalid": sum(1 for c in checks if not c.valid),
        "findings": counts,
        "coverage": coverage,
    }


def render(
    checks: list[PlanCheck],
    as_of: datetime.date,
    catalog: str,
    lang: str,
    notice: CatalogNotice | None = None,
) -> str:
    payload = {
        "version": CONTRACT_VERSION,
        "as_of": as_of.isoformat(),
        "catalog": catalog,
        "catalog_notice": notice.as_json() if notice else None,
        "plans": [plan_json(c, lang) for c in checks],
        "summary": summary(checks),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
