"""The options of `validate` and `check`, as one table: the typer commands (:mod:`dxcheck.cli`)
and the fast path that starts these two commands without typer (:mod:`dxcheck.fastpath`) both
read it, so a flag, a default, a minimum or a choice is declared once.

Light on purpose (no typer, no pydantic): a plain `dxcheck validate plan.yaml` imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dxcheck.limits import MAX_BYTES, MAX_DEPTH

Kind = Literal["str", "list", "flag", "int", "choice"]

CHECK_FORMATS = ("text", "json", "sarif", "github", "junit")  # dxcheck.render.formats.FORMATS
VALIDATE_FORMATS = ("text", "json")
FAIL_ON = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Opt:
    """One option: its flags, where its value goes, what it takes, its help text (an i18n
    key), its default, and for numbers the smallest value, for choices the allowed values."""

    flags: tuple[str, ...]
    dest: str
    kind: Kind
    help: str
    default: object = None
    minimum: int | None = None
    choices: tuple[str, ...] = ()
    metavar: str | None = None  # what --help shows for the value (DATE, FILE …); choices show


VALIDATE: tuple[Opt, ...] = (
    Opt(("--format", "-f"), "fmt", "choice", "format", "text", choices=VALIDATE_FORMATS),
    Opt(("--max-bytes",), "max_bytes", "int", "max_bytes", MAX_BYTES, minimum=1, metavar="BYTES"),
    Opt(("--max-depth",), "max_depth", "int", "max_depth", MAX_DEPTH, minimum=2, metavar="N"),
)

CHECK: tuple[Opt, ...] = (
    Opt(("--format", "-f"), "fmt", "choice", "format", "text", choices=CHECK_FORMATS),
    Opt(("--as-of",), "as_of", "str", "as_of", metavar="DATE"),
    Opt(("--catalog",), "catalog", "str", "catalog_opt", metavar="VERSION|FILE"),
    Opt(("--select",), "select", "list", "select", metavar="RULES"),
    Opt(("--ignore",), "ignore", "list", "ignore", metavar="RULES"),
    Opt(("--fail-on",), "fail_on", "choice", "fail_on", choices=FAIL_ON),
    Opt(("--min-severity",), "min_severity", "choice", "min_severity", choices=FAIL_ON),
    Opt(("--config",), "config", "str", "config", metavar="FILE"),
    Opt(("--baseline",), "baseline", "str", "baseline_opt", metavar="FILE"),
    Opt(("--diff-base",), "diff_base", "str", "diff_base", metavar="REV"),
    Opt(("--jobs", "-j"), "jobs", "int", "jobs", minimum=1, metavar="N"),
    Opt(("--no-cache",), "no_cache", "flag", "no_cache", False),
    Opt(("--quiet", "-q"), "quiet", "flag", "quiet", False),
)

COMMANDS: dict[str, tuple[Opt, ...]] = {"validate": VALIDATE, "check": CHECK}


def option(command: str, dest: str) -> Opt:
    """The option of ``command`` whose value goes to ``dest``."""
    return next(opt for opt in COMMANDS[command] if opt.dest == dest)
