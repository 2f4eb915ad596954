"""`dxcheck validate`: every problem of every file, one line each, and the exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from dxcheck.console import Out
from dxcheck.diagnostics import Diagnostic, format_line
from dxcheck.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from dxcheck.inputs import expand, read_each
from dxcheck.limits import Limits
from dxcheck.validate import Result, validate_bytes

__all__ = ["collect", "diagnostic_json", "format_line", "iter_results", "run"]


def iter_results(
    paths: list[str],
    limits: Limits,
    unreadable: list[Diagnostic],
    *,
    keep_plan: bool = True,
    item_ids: frozenset[str] = frozenset(),
) -> Iterator[Result]:
    """Validate the files named by ``paths`` one at a time (so a caller can finish with each
    before the next is loaded); unreadable paths are appended to ``unreadable``. ``keep``: what
    each valid plan is kept unless ``keep_plan`` is False; ``item_ids``: item ids known
    besides the bundled catalogs' (a --catalog FILE's)."""
    expanded = expand(paths)
    unreadable.extend(expanded.errors)
    for name, data in read_each(expanded.files, limits.max_bytes, unreadable):
        yield validate_bytes(data, name, limits, keep_plan=keep_plan, item_ids=item_ids)


def collect(paths: list[str], limits: Limits) -> tuple[list[Result], list[Diagnostic]]:
    """Validate every file named by ``paths``; unreadable paths come back separately."""
    unreadable: list[Diagnostic] = []
    results = list(iter_results(paths, limits, unreadable))
    return results, unreadable


def diagnostic_json(d: Diagnostic, lang: str) -> dict[str, object]:
    return {
        "code": d.code,
        "severity": d.severity,
        "message": d.message(lang),
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "yaml_path": d.yaml_path,
    }


@dataclass(slots=True)
class _Outcome:
    """What `validate` reports of a file, without the parsed plan (1,788 plans would otherwise
    all stay in memory until the summary)."""

    path: str
    valid: bool
    diagnostics: list[Diagnostic]


def run(paths: list[str], fmt: str, lang: str, *, max_bytes: int, max_depth: int) -> int:
    limits = Limits(max_bytes=max_bytes, max_depth=max_depth)
    unreadable: list[Diagnostic] = []
    out = Out()
    results: list[_Outcome] = []
    for result in iter_results(paths, limits, unreadable, keep_plan=False):
        results.append(_Outcome(result.path, result.valid, result.diagnostics))
        if fmt != "json":  # text: print each file's problems as soon as it is read
            for d in result.diagnostics:
                out.line(format_line(d, lang), d.severity)
    invalid = [r for r in results if not r.valid]
    if fmt == "json":
        payload = {
            "files": [
                {
                    "path": r.path,
                    "valid": r.valid,
                    "diagnostics": [diagnostic_json(d, lang) for d in r.diagnostics],
                }
                for r in results
            ],
            "errors": [diagnostic_json(d, lang) for d in unreadable],
            "summary": {
                "files": len(results),
                "valid": len(results) - len(invalid),
                "invalid": len(invalid),
                "unreadable": len(unreadable),
            },
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        err = Out(sys.stderr)
        for d in unreadable:
            err.line(format_line(d, lang), "error")
        out.line(_summary(results, invalid, unreadable, lang), "dim")
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if invalid else EXIT_OK


def _summary(
    results: list[_Outcome], invalid: list[_Outcome], unreadable: list[Diagnostic], lang: str
) -> str:
    errors = sum(1 for r in results for d in r.diagnostics if d.severity == "error")
    warnings = sum(1 for r in results for d in r.diagnostics if d.severity == "warning")
    if lang == "en":
        text = (
            f"{len(results)} file(s): {len(results) - len(invalid)} valid, {len(invalid)} invalid"
            f" ({errors} error(s), {warnings} warning(s))"
        )
        return text + (f"; {len(unreadable)} unreadable" if unreadable else "")
    text = (
        f"{len(results)} ファイル: 有効 {len(results) - len(invalid)}、無効 {len(invalid)}"
        f"（エラー {errors} 件、警告 {warnings} 件）"
    )
    return text + (f"、読めないパス {len(unreadable)} 件" if unreadable else "")
