"""Rules as small registered functions with their metadata (the yamllint / ruff pattern).

This module is below the rule modules: they import :func:`rule` from it, it imports none of
them; :mod:`dxcheck.engine.rules` imports them all and owns :func:`~dxcheck.engine.rules.all_rules`.

A rule reads a :class:`~dxcheck.engine.context.Context` and yields findings through it; it never
prints, never reads files and never knows about output formats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dxcheck.diagnostics import Severity
from dxcheck.engine.context import Context
from dxcheck.engine.findings import Draft

RuleFunc = Callable[[Context], Iterator[Draft]]


@dataclass(frozen=True, slots=True)
class Example:
    """A plan fragment (merged into the test plan) and whether the rule should fire on it."""

    description: str
    patch: str  # YAML mapping; its top-level keys replace those of tests/data/minimal.yaml
    fires: bool
    as_of: str = "2025-06-01"
    severity: Severity | None = None  # when it fires: the severity it must have (None: any)
    catalog: str | None = None  # the catalog version to check against (None: the latest)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    family: str  # coverage | deadlines | governance | consistency | waivers | review
    severity: Severity
    national_item: str | None  # None: the rule applies to every item (the finding names it)
    versions: tuple[str, ...]  # catalog versions the rule applies to; () = all
    title_ja: str
    title_en: str
    rationale_ja: str
    rationale_en: str
    examples: tuple[Example, ...]
    func: RuleFunc
    # The severity for a kind of document (plan/policy/vision/summary/proposal/other) where it
    # differs from ``severity``: a 概要版 or a 策定提案 is not judged like an adopted plan.
    by_kind: tuple[tuple[str, Severity], ...] = ()

    def severity_for_kind(self, kind: str) -> Severity | None:
        return dict(self.by_kind).get(kind)

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ja

    def rationale(self, lang: str) -> str:
        return self.rationale_en if lang == "en" else self.rationale_ja

    def applies_to(self, version: str) -> bool:
        return not self.versions or version in self.versions


_RULES: dict[str, Rule] = {}


def rule(
    *,
    id: str,
    family: str,
    severity: Severity,
    title: tuple[str, str],
    rationale: tuple[str, str],
    examples: tuple[Example, ...],
    national_item: str | None = None,
    versions: tuple[str, ...] = (),
    by_kind: dict[str, Severity] | None = None,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under a stable ID."""

    def register(func: RuleFunc) -> RuleFunc:
        if id in _RULES:
            raise ValueError(f"duplicate rule id {id}")
        _RULES[id] = Rule(
            id,
            family,
            severity,
            national_item,
            versions,
            title[0],
            title[1],
            rationale[0],
            rationale[1],
            examples,
            func,
            tuple(sorted((by_kind or {}).items())),
        )
        return func

    return register


def registered() -> dict[str, Rule]:
    """The rules registered so far, by ID (:func:`dxcheck.engine.rules.all_rules` imports the
    rule modules first, so that every rule is there)."""
    return _RULES


def matches(rule_id: str, patterns: list[str]) -> bool:
    """ruff-style selection: a pattern is a rule ID or a prefix of one (COV, COV00, ALL)."""
    return any(p.upper() == "ALL" or rule_id.startswith(p.upper()) for p in patterns)
