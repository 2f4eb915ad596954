"""Findings as LSP diagnostics: range, severity, code, the rule's documentation link, and the
data the code actions need (rule, item, YAML path)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lsprotocol import types

if TYPE_CHECKING:
    from dxcheck.engine.findings import Finding

SOURCE = "dxcheck"
# `dxcheck explain CODE` as a page: docs/rules.md, one heading per rule (written by
# scripts/rules_doc.py from the rule registry and kept equal to it by a test)
RULES_URL = "https://github.com/dxcheck/dxcheck/blob/main/docs/rules.md"

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def rule_url(code: str) -> str:
    return f"{RULES_URL}#{code.lower()}"


def line_range(lines: list[str], line: int, column: int) -> types.Range:
    """From the finding's 1-based line and column to the end of that line's text (trailing
    blanks and a comment left out); a position past the text is clamped to it."""
    index = min(max(line - 1, 0), max(len(lines) - 1, 0))
    text = lines[index] if lines else ""
    start = min(max(column - 1, 0), len(text))
    end = len(text.split(" #", 1)[0].rstrip())
    if end <= start:
        end = len(text.rstrip()) if len(text.rstrip()) > start else start
    return types.Range(
        start=types.Position(line=index, character=start),
        end=types.Position(line=index, character=end),
    )


def to_lsp(findings: list[Finding], lines: list[str], lang: str) -> list[types.Diagnostic]:
    from dxcheck.engine.rules import get_rule

    out = []
    for f in findings:
        data: dict[str, Any] = {
            "rule": f.rule,
            "item": f.national_item,
            "yaml_path": f.yaml_path,
            "message_en": f.message_en,
        }
        message = f.full_message(lang)
        if f.national_item:
            message += f" [{f.national_item}]"
        out.append(
            types.Diagnostic(
                range=line_range(lines, f.line, f.column),
                message=message,
                severity=_SEVERITY[f.severity],
                code=f.rule,
                # rules have a section in docs/rules.md; schema problems (DX…) explain
                # themselves in the message
                code_description=(
                    types.CodeDescription(href=rule_url(f.rule)) if get_rule(f.rule) else None
                ),
                source=SOURCE,
                data=data,
            )
        )
    return out


def problem(text: str) -> types.Diagnostic:
    """A configuration that cannot be used, shown at the top of the plan."""
    return types.Diagnostic(
        range=types.Range(
            start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)
        ),
        message=text,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
