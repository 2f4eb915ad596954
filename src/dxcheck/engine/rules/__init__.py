"""The rules: importing this package registers every rule module, and it owns the list of
them (:func:`all_rules`), as yamllint's ``rules/__init__`` does. The rule modules import
:mod:`dxcheck.engine.registry` (the :class:`~dxcheck.engine.registry.Rule` type and the
``@rule`` decorator), never this package, so there is no import circle."""

from dxcheck.engine.registry import Rule, registered
from dxcheck.engine.rules import (
    consistency,
    coverage,
    deadlines,
    document,
    governance,
    review,
    waivers,
)

__all__ = [
    "all_rules",
    "consistency",
    "coverage",
    "deadlines",
    "document",
    "get_rule",
    "governance",
    "review",
    "waivers",
]


def all_rules() -> list[Rule]:
    """Every rule, in ID order."""
    rules = registered()
    return [rules[key] for key in sorted(rules)]


def get_rule(rule_id: str) -> Rule | None:
    return registered().get(rule_id.upper())
