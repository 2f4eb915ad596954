"""The rule modules; importing this package registers every rule."""

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
    "consistency",
    "coverage",
    "deadlines",
    "document",
    "governance",
    "review",
    "waivers",
]
