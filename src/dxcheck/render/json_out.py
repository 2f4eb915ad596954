"""The JSON contract of `dxcheck check --format json` (documented in the README「JSON 出力」;
pinned by tests/test_check_cli.py::test_json_contract). Deterministic: same input and as-of,
same bytes."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dxcheck.engine.findings import Finding
    from dxcheck.engine.runner import PlanCheck
    from dxcheck.notice import CatalogNotice

CONTRACT_VERSION = 1


def finding_json(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "national_item": f.national_item,
        "message": f.full_message(lang),
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


# What the end of a run needs of one plan (see :func:`tally`), in this order.
TALLY = ("valid", "error", "warning", "info", "covered", "partial", "missing")


def tally(check: PlanCheck) -> dict[str, int]:
    """The counts of one plan that :func:`summary` adds up (small, kept per plan)."""
    counts = {key: 0 for key in TALLY}
    counts["valid"] = int(check.valid)
    for f in check.findings:
        counts[f.severity] += 1
    for cov in check.coverage.values():
        counts[cov.status] += 1
    return counts


def summary_of(tallies: Iterable[dict[str, int]]) -> dict[str, Any]:
    plans = invalid = 0
    counts = {"error": 0, "warning": 0, "info": 0}
    coverage = {"covered": 0, "partial": 0, "missing": 0}
    for t in tallies:
        plans += 1
        invalid += 1 - t["valid"]
        for key in counts:
            counts[key] += t[key]
        for key in coverage:
            coverage[key] += t[key]
    return {"plans": plans, "invalid": invalid, "findings": counts, "coverage": coverage}


def summary(checks: list[PlanCheck]) -> dict[str, Any]:
    return summary_of(tally(c) for c in checks)


def dump(value: Any) -> str:
    """``value`` as it appears inside an indented document, before re-indenting."""
    return json.dumps(value, ensure_ascii=False, indent=2)


_HOLE = "\x00dxcheck-fragments\x00"


def splice(payload: dict[str, Any], items: list[str]) -> str:
    """``payload`` as indented JSON, where the one list holding the placeholder ``HOLE`` gets
    ``items`` (elements already dumped by :func:`dump`), re-indented to their depth: the same
    bytes as dumping the whole document at once, from parts made elsewhere (workers, cache)."""
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    hole = json.dumps(_HOLE)
    at = text.index(hole)
    line_start = text.rindex("\n", 0, at) + 1
    indent = text[line_start:at]
    if not items:  # the same text json.dumps gives an empty list
        open_at = text.rindex("[", 0, line_start)
        close_at = text.index("]", at)
        return text[:open_at] + "[]" + text[close_at + 1 :]
    body = ",\n".join(indent + item.replace("\n", "\n" + indent) for item in items)
    return text[:line_start] + body + text[at + len(hole) :]


HOLE = _HOLE


def plan_items(check: PlanCheck, lang: str) -> list[str]:
    """One plan's part of the JSON output, finished."""
    return [dump(plan_json(check, lang))]


def assemble(
    items: list[str],
    tallies: list[dict[str, int]],
    as_of: datetime.date,
    catalog: str,
    notice: CatalogNotice | None = None,
) -> str:
    payload = {
        "version": CONTRACT_VERSION,
        "as_of": as_of.isoformat(),
        "catalog": catalog,
        "catalog_notice": notice.as_json() if notice else None,
        "plans": [HOLE],
        "summary": summary_of(tallies),
    }
    return splice(payload, items)


def render(
    checks: list[PlanCheck],
    as_of: datetime.date,
    catalog: str,
    lang: str,
    notice: CatalogNotice | None = None,
) -> str:
    items = [item for c in checks for item in plan_items(c, lang)]
    return assemble(items, [tally(c) for c in checks], as_of, catalog, notice)
