"""How severe a finding is: the rule's default, the kind of document, the national fact's
strength, and the project's own configuration, in that order.

1. The rule's default severity, or the lower one a rule asks for on a finding (an item the
   national plan added after the plan was adopted is "info").
2. The kind of document: a 概要版 (summary) or 策定提案 (proposal) is not an adopted plan, and a
   ビジョン (vision) often has no KPI or date; each rule declares its severity per kind
   (``by_kind``, shown by ``dxcheck explain``). The lower of 1 and 2 applies.
3. The strength of the national fact: a fact whose sources are all secondary (articles,
   vendors) never produces an error; the finding is capped at warning and says so.
4. ``[tool.dxcheck.severity]`` (or ``severity`` in dxcheck.toml) raises or lowers a rule's
   severity for the project, by rule ID or prefix; the longest match wins (ruff's habit).
"""

from __future__ import annotations

from dxcheck.diagnostics import SEVERITY_RANK, Severity


def lower(a: Severity, b: Severity) -> Severity:
    return a if SEVERITY_RANK[a] <= SEVERITY_RANK[b] else b


def decide(
    default: Severity,
    by_kind: Severity | None,
    secondary_only: bool,
    overrides: tuple[tuple[str, Severity], ...],
    rule_id: str,
) -> Severity:
    """The severity of one finding."""
    severity = default if by_kind is None else lower(default, by_kind)
    if secondary_only and severity == "error":
        severity = "warning"
    return override(rule_id, overrides) or severity


def override(rule_id: str, overrides: tuple[tuple[str, Severity], ...]) -> Severity | None:
    best: tuple[int, Severity] | None = None
    for pattern, severity in overrides:
        key = pattern.upper()
        if (key == "ALL" or rule_id.startswith(key)) and (best is None or len(key) > best[0]):
            best = (0 if key == "ALL" else len(key), severity)
    return best[1] if best else None
