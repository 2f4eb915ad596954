"""SARIF 2.1.0 output for code-scanning services (validated against the OASIS schema in tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dxcheck import __version__
from dxcheck.render.json_out import HOLE, dump, splice
from dxcheck.repopath import repo_relative

if TYPE_CHECKING:
    from dxcheck.engine.runner import PlanCheck
    from dxcheck.notice import CatalogNotice

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    """The repository-relative path (a code host attaches results to its diff by it)."""
    return repo_relative(path)


def _rule_index() -> dict[str, int]:
    from dxcheck.engine.rules import all_rules

    return {rule.id: i for i, rule in enumerate(all_rules())}


def plan_items(check: PlanCheck, lang: str, index: dict[str, int] | None = None) -> list[str]:
    """One plan's results, finished (``index``: rule id → position in the rules list)."""
    index = _rule_index() if index is None else index
    items: list[str] = []
    for f in check.findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _LEVEL[f.severity],
            "message": {"text": f.full_message(lang)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.path)},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    },
                    "logicalLocations": [{"fullyQualifiedName": f.yaml_path or "/"}],
                }
            ],
            "partialFingerprints": {"dxcheck/v1": f.fingerprint or f"{f.rule}:{f.yaml_path}"},
            "properties": {
                "national_item": f.national_item,
                "catalog_version": f.catalog_version,
            },
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        items.append(dump(result))
    return items


def assemble(items: list[str], catalog: str, lang: str, notice: CatalogNotice | None = None) -> str:
    from dxcheck.engine.rules import all_rules

    rules = all_rules()
    descriptors: list[dict[str, Any]] = [
        {
            "id": rule.id,
            "name": rule.title_en.replace(" ", ""),
            "shortDescription": {"text": rule.title(lang)},
            "fullDescription": {"text": rule.rationale(lang)},
            "help": {
                "text": f"{rule.rationale(lang)}\n\n`dxcheck explain {rule.id}`",
                "markdown": f"**{rule.title(lang)}**\n\n{rule.rationale(lang)}\n\n"
                f"`dxcheck explain {rule.id}`",
            },
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "properties": {
                "family": rule.family,
                "national_item": rule.national_item,
                "catalog_versions": list(rule.versions),
                "tags": [rule.family, *([rule.national_item] if rule.national_item else [])],
            },
        }
        for rule in rules
    ]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dxcheck",
                        "version": __version__,
                        "rules": descriptors,
                        "properties": {"catalog": catalog},
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [HOLE],
                "properties": {
                    "catalog": catalog,
                    "catalog_notice": notice.message(lang) if notice else None,
                },
            }
        ],
    }
    return splice(log, items)


def render(
    checks: list[PlanCheck], catalog: str, lang: str, notice: CatalogNotice | None = None
) -> str:
    index = _rule_index()
    items = [item for check in checks for item in plan_items(check, lang, index)]
    return assemble(items, catalog, lang, notice)
