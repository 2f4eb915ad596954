"""`dxcheck diff OLD NEW`: what an edit changed, for a review gate (exit 1 when coverage got
worse)."""

from __future__ import annotations

import json
import sys

from dxcheck.catalog import UnknownCatalogVersion, latest_version, load_catalog
from dxcheck.commands.validate import format_line
from dxcheck.console import Out
from dxcheck.engine.runner import PlanCheck, check_plan
from dxcheck.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from dxcheck.gitrev import GitError, show, split_rev_path
from dxcheck.limits import DEFAULT_LIMITS
from dxcheck.options import UsageError, parse_as_of
from dxcheck.validate import Result, validate_bytes

RANK = {"missing": 0, "partial": 1, "covered": 2}


def _load(spec: str) -> Result:
    rev, path = split_rev_path(spec)
    try:
        if rev is None:
            with open(path, "rb") as handle:
                data: bytes | None = handle.read(DEFAULT_LIMITS.max_bytes + 1)
        else:
            data = show(rev, path)
    except OSError as exc:
        raise UsageError(f"{spec}: 読めません / cannot read ({exc.strerror})") from None
    except GitError as exc:
        raise UsageError(str(exc)) from None
    if data is None:
        raise UsageError(f"{spec}: そのリビジョンにファイルがありません / not in that revision")
    return validate_bytes(data, spec)


def run(
    old: str, new: str, fmt: str, as_of_text: str | None, version: str | None, lang: str
) -> int:
    err = Out(sys.stderr)
    try:
        as_of = parse_as_of(as_of_text)
        catalog = load_catalog(version or latest_version())
        before, after = _load(old), _load(new)
    except (UsageError, UnknownCatalogVersion) as exc:
        err.line(f"dxcheck: {exc}", "error")
        return EXIT_USAGE
    invalid = [r for r in (before, after) if r.plan is None or r.document is None]
    if invalid:
        for result in invalid:
            for d in result.diagnostics:
                err.line(format_line(d, lang), d.severity)
        return EXIT_FINDINGS
    assert before.plan and before.document and after.plan and after.document
    a = check_plan(before.plan, before.document, catalog, as_of)
    b = check_plan(after.plan, after.document, catalog, as_of)
    changes = _coverage_changes(a, b)
    old_fp = {f.fingerprint for f in a.findings}
    new_fp = {f.fingerprint for f in b.findings}
    fixed = [f for f in a.findings if f.fingerprint not in new_fp]
    introduced = [f for f in b.findings if f.fingerprint not in old_fp]
    worse = any(RANK[c["after"]] < RANK[c["before"]] for c in changes)
    en = lang == "en"
    if fmt == "json":
        payload = {
            "old": old,
            "new": new,
            "as_of": as_of.isoformat(),
            "catalog": catalog.version,
            "coverage_changes": changes,
            "fixed": [
                {"rule": f.rule, "national_item": f.national_item, "message": f.full_message(lang)}
                for f in fixed
            ],
            "introduced": [
                {
                    "rule": f.rule,
                    "national_item": f.national_item,
                    "message": f.full_message(lang),
                    "line": f.line,
                    "column": f.column,
                }
                for f in introduced
            ],
            "coverage_worse": worse,
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out = Out()
        out.line(f"{old} → {new}", "path")
        out.line("coverage:" if en else "充足状況の変化:")
        if not changes:
            out.line("  (no change)" if en else "  変化なし", "dim")
        for c in changes:
            style = "error" if RANK[c["after"]] < RANK[c["before"]] else "info"
            out.line(f"  {c['item']}: {c['before']} → {c['after']}", style)
        out.line(f"{'fixed' if en else '解消した指摘'}: {len(fixed)}")
        for f in fixed:
            out.line(f"  - [{f.rule}] {f.full_message(lang)}", "dim")
        out.line(f"{'introduced' if en else '新たな指摘'}: {len(introduced)}")
        for f in introduced:
            out.line(
                f"  + {f.path}:{f.line}:{f.column}: [{f.rule}] {f.full_message(lang)}", f.severity
            )
    return EXIT_FINDINGS if worse else EXIT_OK


def _coverage_changes(a: PlanCheck, b: PlanCheck) -> list[dict[str, str]]:
    out = []
    for item, cov in b.coverage.items():
        before = a.coverage[item].status if item in a.coverage else "missing"
        if before != cov.status:
            out.append({"item": item, "before": before, "after": cov.status})
    return out
