"""One check run: its settings (configuration, catalog, selection, threshold, limits), resolved
once per run and per worker, and checking one plan with them.

``dxcheck check`` (one process or many, :mod:`dxcheck.batch`) and ``dxcheck report`` use this
module; it knows nothing of output formats or of running work in parallel.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dxcheck.catalog import UnknownCatalogVersion, latest_version, load_catalog, user_item_ids
from dxcheck.config import Config, ConfigError, find_config, load_config
from dxcheck.diagnostics import Severity, format_line
from dxcheck.engine.runner import PlanCheck, Selection, check_plan, diagnostics_as_findings
from dxcheck.inputs import STDIN
from dxcheck.limits import Limits
from dxcheck.options import Options, UsageError, parse_as_of, split_codes
from dxcheck.validate import Result, validate_bytes

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog


def resolve_catalog(value: str | None, config: Config | None, lang: str) -> Catalog:
    """``--catalog`` (a version or a file), else the configuration's, else the latest."""
    from dxcheck.catalog import use
    from dxcheck.catalog.userfile import CatalogFileError

    if value is None and config is not None and config.catalog is not None:
        value = config.catalog
        if config.path and not os.path.isabs(value) and value.endswith((".yaml", ".yml")):
            value = os.path.join(os.path.dirname(config.path), value)
    try:
        return load_catalog(use(value) if value else latest_version())
    except UnknownCatalogVersion as exc:
        raise UsageError(f"--catalog: {exc}") from None
    except CatalogFileError as exc:
        lines = "\n".join(format_line(d, lang) for d in exc.diagnostics)
        raise UsageError(
            (
                "--catalog: invalid catalog file\n"
                if lang == "en"
                else "--catalog: カタログファイルの誤り\n"
            )
            + lines
        ) from None


@dataclass(slots=True)
class Settings:
    """What checking one plan needs besides the plan: resolved once per run (and per worker)."""

    as_of: datetime.date
    config: Config
    catalog: Catalog
    selection: Selection
    fail_on: Severity
    limits: Limits
    item_ids: frozenset[str] = frozenset()  # national item ids of a --catalog FILE


def resolve(opts: Options) -> Settings:
    """Configuration, catalog, selection and threshold of a run (UsageError if unusable)."""
    as_of = parse_as_of(opts.as_of)
    config_path = opts.config
    if config_path is None:
        first = next((p for p in opts.paths if p != STDIN), ".")
        config_path = find_config(first)
    try:
        config: Config = load_config(config_path)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    catalog = resolve_catalog(opts.catalog, config, opts.lang)
    selection = Selection(
        tuple(split_codes(opts.select) or config.select or ["ALL"]),
        tuple(split_codes(opts.ignore) or config.ignore or []),
        tuple(sorted(config.severity.items())),  # type: ignore[arg-type]
    )
    fail_on = opts.fail_on or config.fail_on or "error"
    if fail_on not in ("error", "warning", "info"):
        raise UsageError(f"--fail-on: {fail_on}")
    limits = Limits(max_bytes=opts.max_bytes, max_depth=opts.max_depth)
    return Settings(
        as_of,
        config,
        catalog,
        selection,
        fail_on,  # type: ignore[arg-type]
        limits,
        user_item_ids(),
    )


def check_result(result: Result, settings: Settings) -> PlanCheck:
    """Run the rules over one validated file (an invalid one keeps its schema problems)."""
    catalog = settings.catalog
    notes = diagnostics_as_findings(result.diagnostics, catalog.version)
    if result.plan is None or result.document is None:
        return PlanCheck(result.path, None, result.document, catalog.version, notes)
    check = check_plan(
        result.plan,
        result.document,
        catalog,
        settings.as_of,
        settings.selection,
        settings.config.waivers_for(result.path),
    )
    check.findings = sorted([*notes, *check.findings], key=lambda f: f.sort_key)
    return check


def validate(data: bytes, name: str, settings: Settings) -> Result:
    """Validate one plan's bytes with the run's limits and known item ids."""
    return validate_bytes(data, name, settings.limits, item_ids=settings.item_ids)


def check_bytes(data: bytes, name: str, settings: Settings) -> tuple[Result, PlanCheck]:
    """Validate and check one plan: the validation result and the check."""
    result = validate(data, name, settings)
    return result, check_result(result, settings)
