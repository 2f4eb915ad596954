"""Run the rules over plans: selection, waivers, severities, positions and fingerprints."""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dxcheck.catalog import secondary_only
from dxcheck.diagnostics import SEVERITY_RANK, Diagnostic, Severity, format_yaml_path
from dxcheck.engine.context import Context
from dxcheck.engine.coverage import ItemCoverage
from dxcheck.engine.findings import Draft, Finding
from dxcheck.engine.registry import Rule, matches
from dxcheck.engine.severity import decide
from dxcheck.loader import Document

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog
    from dxcheck.models import Plan, Waiver


@dataclass(frozen=True, slots=True)
class Selection:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    # the project's severities by rule ID or prefix ([tool.dxcheck.severity])
    severity: tuple[tuple[str, Severity], ...] = ()

    def wants(self, rule_id: str) -> bool:
        return matches(rule_id, list(self.select)) and not matches(rule_id, list(self.ignore))


@dataclass(slots=True)
class PlanCheck:
    """Everything renderers need about one checked plan."""

    path: str
    plan: Plan | None
    document: Document | None
    catalog_version: str
    findings: list[Finding] = field(default_factory=list)
    coverage: dict[str, ItemCoverage] = field(default_factory=dict)
    waived: int = 0

    @property
    def valid(self) -> bool:
        return self.plan is not None


def check_plan(
    plan: Plan,
    doc: Document,
    catalog: Catalog,
    as_of: datetime.date,
    selection: Selection = Selection(),
    extra_waivers: tuple[Waiver, ...] = (),
) -> PlanCheck:
    from dxcheck.engine.rules import all_rules  # the rule modules, when a plan is checked

    ctx = Context(plan, doc, catalog, as_of, extra_waivers)
    waivers = [w for w in (*plan.waivers, *extra_waivers) if w.expires.end >= as_of]
    result = PlanCheck(doc.path, plan, doc, catalog.version, coverage=ctx.coverage)
    for rule in all_rules():
        if not rule.applies_to(catalog.version) or not selection.wants(rule.id):
            continue
        for draft in rule.func(ctx):
            if any(_waives(w, rule.id, draft.national_item) for w in waivers):
                result.waived += 1
                continue
            result.findings.append(_finding(rule, draft, ctx, selection.severity))
    result.findings.sort(key=lambda f: f.sort_key)
    return result


def _waives(waiver: Waiver, rule_id: str, item: str | None) -> bool:
    if not rule_id.startswith(waiver.rule.upper()) or rule_id.startswith("WVR"):
        return False
    return waiver.item is None or waiver.item == item


_ITEM_FAMILIES = ("coverage", "governance")


def _finding(
    rule: Rule, draft: Draft, ctx: Context, overrides: tuple[tuple[str, Severity], ...] = ()
) -> Finding:
    doc = ctx.document
    # A finding about a whole section (a missing item → "initiatives") points at its key line.
    section = isinstance(_value_at(draft.loc, doc.data), (list, dict))
    mark = doc.mark_of(draft.loc, key=section)
    item = draft.national_item or rule.national_item
    catalog_item = ctx.items.get(item) if item else None
    citation = ""
    guidance_ja = guidance_en = ""
    # The national fact a finding rests on: a target (set by the rule), or for coverage and
    # governance findings the item itself. Findings about the plan's own content (no KPI,
    # its own period) rest on no national fact.
    basis = draft.basis
    if catalog_item is not None:
        guidance_ja, guidance_en = catalog_item.guidance_ja, catalog_item.guidance_en
        if basis is None and rule.family in _ITEM_FAMILIES:
            basis = catalog_item.citation
    shown = basis or (catalog_item.citation if catalog_item is not None else None)
    if shown is not None:
        citation = f"{shown.document} 第{shown.version}版 {shown.section}"
        if shown.document != ctx.catalog.citation.document:
            citation = f"{shown.document} {shown.section}"
    secondary = basis is not None and secondary_only(basis)
    severity = decide(
        draft.severity or rule.severity,
        rule.severity_for_kind(ctx.plan.document.kind),
        secondary,
        overrides,
        rule.id,
    )
    message_ja, message_en = draft.message_ja, draft.message_en
    return Finding(
        rule=rule.id,
        severity=severity,
        national_item=item,
        catalog_version=ctx.catalog.version,
        message_ja=message_ja,
        message_en=message_en,
        path=doc.path,
        line=mark.line,
        column=mark.column,
        yaml_path=format_yaml_path(draft.loc),
        fingerprint=fingerprint(rule.id, item, draft.loc, doc.data, ctx.plan.municipality.code),
        citation=citation,
        guidance_ja=guidance_ja,
        guidance_en=guidance_en,
        basis="" if basis is None else ("secondary" if secondary else "official"),
    )


def stable_path(loc: tuple[str | int, ...], data: Any) -> str:
    """A YAML path in which initiatives are named by their id, not their position, so that
    reordering or inserting initiatives does not change it."""
    parts: list[str] = []
    current = data
    for part in loc:
        if isinstance(part, int) and isinstance(current, list) and 0 <= part < len(current):
            element = current[part]
            ident = element.get("id") if isinstance(element, dict) else None
            parts.append(f"[id={ident}]" if isinstance(ident, str) else f"[{part}]")
            current = element
        else:
            parts.append(f".{part}")
            current = current.get(part) if isinstance(current, dict) else None
    return "".join(parts)


def _value_at(loc: tuple[str | int, ...], data: Any) -> Any:
    current = data
    for part in loc:
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and part < len(current)
        ):
            container: Any = current
            current = container[part]
        else:
            return None
    return current


def fingerprint(
    rule_id: str, item: str | None, loc: tuple[str | int, ...], data: Any, code: str
) -> str:
    """Identity of a finding across edits: rule, item, stable path and the normalised value it
    points at (whole sections such as `initiatives` contribute no content)."""
    value = _value_at(loc, data) if len(loc) > 1 else None
    content = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    raw = "\x1f".join((code, rule_id, item or "", stable_path(loc, data), content))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def diagnostics_as_findings(diagnostics: list[Diagnostic], version: str) -> list[Finding]:
    """Schema problems of an invalid plan, in the findings list of `check` output."""
    return [
        Finding(
            rule=d.code,
            severity=d.severity,
            national_item=None,
            catalog_version=version,
            message_ja=d.message_ja,
            message_en=d.message_en,
            path=d.path,
            line=d.line,
            column=d.column,
            yaml_path=d.yaml_path,
        )
        for d in diagnostics
    ]


def at_or_above(findings: list[Finding], threshold: Severity) -> bool:
    limit = SEVERITY_RANK[threshold]
    return any(SEVERITY_RANK[f.severity] >= limit for f in findings)
