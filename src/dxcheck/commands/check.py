"""`dxcheck check`: validate, run the rules, render, choose the exit code."""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dxcheck import prebuilt
from dxcheck.catalog import UnknownCatalogVersion, latest_version, load_catalog
from dxcheck.commands.validate import format_line, iter_results
from dxcheck.config import Config, ConfigError, find_config, load_config
from dxcheck.console import Out
from dxcheck.diagnostics import Diagnostic, Severity
from dxcheck.engine.runner import (
    PlanCheck,
    Selection,
    at_or_above,
    check_plan,
    diagnostics_as_findings,
)
from dxcheck.inputs import STDIN
from dxcheck.loader import Limits
from dxcheck.options import Options, UsageError, parse_as_of, split_codes
from dxcheck.paths import show_path
from dxcheck.validate import Result

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
__all__ = ["Options", "UsageError", "parse_as_of", "prepare", "resolve", "run", "split_codes"]


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
class Prepared:
    checks: list[PlanCheck]
    unreadable: int
    as_of: datetime.date
    catalog: str
    fail_on: Severity


@dataclass(slots=True)
class Settings:
    """What checking one plan needs besides the plan: resolved once per run (and per worker)."""

    as_of: datetime.date
    config: Config
    catalog: Catalog
    selection: Selection
    fail_on: Severity
    limits: Limits


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
    return Settings(as_of, config, catalog, selection, fail_on, limits)  # type: ignore[arg-type]


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


def prepare(opts: Options, err: Out, *, summary_only: bool = False) -> Prepared:
    """Everything `check`, `report` and the CI formats share: config, catalog, checks.

    ``summary_only``: the output needs of each plan only its name, title and period, and the
    source lines its findings point at (every format but the report); the rest is dropped as
    soon as the plan is checked, so memory does not grow with the plans' size."""
    settings = resolve(opts)
    as_of, catalog, selection = settings.as_of, settings.catalog, settings.selection
    config, limits = settings.config, settings.limits
    unreadable: list[Diagnostic] = []
    checks: list[PlanCheck] = []
    # One file at a time: validate, check, then drop what only checking needed.
    for result in iter_results(opts.paths, limits, unreadable, keep="record"):
        check = check_result(result, settings)
        if result.plan is None or result.document is None:
            checks.append(check)
            continue
        result.document.release_positions()
        if summary_only:
            result.document.keep_lines({f.line for f in check.findings})
            plan = result.plan
            check.plan = prebuilt.replace(
                plan, initiatives=[], facts=type(plan.facts)(), waivers=[]
            )
        checks.append(check)
    for d in unreadable:
        err.line(format_line(d, opts.lang), "error")
    if opts.baseline is not None:
        _drop_known(checks, _baseline_fingerprints(opts.baseline))
    if opts.diff_base is not None:
        for check in checks:
            old = _fingerprints_at(opts.diff_base, check, catalog, as_of, selection, config, limits)
            _drop_known([check], old)
    return Prepared(checks, len(unreadable), as_of, catalog.version, settings.fail_on)


def prepare_or_explain(opts: Options, err: Out, *, summary_only: bool = False) -> Prepared | None:
    """:func:`prepare`, with a usage error printed to ``err`` (then None)."""
    try:
        return prepare(opts, err, summary_only=summary_only)
    except UsageError as exc:
        err.line(f"dxcheck: {exc}", "error")
        return None


def _baseline_fingerprints(path: str) -> set[str]:
    from dxcheck.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None


def _drop_known(checks: list[PlanCheck], known: set[str]) -> None:
    for check in checks:
        kept = [f for f in check.findings if not f.fingerprint or f.fingerprint not in known]
        check.waived += len(check.findings) - len(kept)
        check.findings = kept


def _fingerprints_at(
    rev: str,
    check: PlanCheck,
    catalog: Catalog,
    as_of: datetime.date,
    selection: Selection,
    config: Config,
    limits: Limits,
) -> set[str]:
    """The fingerprints of the findings the plan had at git revision ``rev``."""
    from dxcheck.gitrev import GitError, show
    from dxcheck.validate import validate_bytes

    if check.path == "<stdin>":
        raise UsageError("--diff-base は標準入力には使えません / not with standard input")
    try:
        data = show(rev, check.path)
    except GitError as exc:
        raise UsageError(f"--diff-base: {exc}") from None
    if data is None:
        return set()
    old = validate_bytes(data, check.path, limits, keep="record")
    if old.plan is None or old.document is None:
        return set()
    before = check_plan(
        old.plan, old.document, catalog, as_of, selection, config.waivers_for(check.path)
    )
    return {f.fingerprint for f in before.findings}


def exit_code(prepared: Prepared) -> int:
    if prepared.unreadable:
        return EXIT_USAGE
    if any(not c.valid for c in prepared.checks):
        return EXIT_FINDINGS
    findings = [f for c in prepared.checks for f in c.findings]
    return EXIT_FINDINGS if at_or_above(findings, prepared.fail_on) else EXIT_OK


def run(opts: Options, fmt: str) -> int:
    from dxcheck import batch

    if batch.usable(opts):  # every core, the cache, finished output per plan
        return batch.run(opts, fmt)
    err = Out(sys.stderr)
    prepared = prepare_or_explain(opts, err, summary_only=True)
    if prepared is None:
        return EXIT_USAGE
    checks, lang = prepared.checks, opts.lang
    from dxcheck.notice import catalog_notice

    used = load_catalog(prepared.catalog)
    notice = catalog_notice(used.version, used.period_end, prepared.as_of)
    if fmt == "json":
        from dxcheck.render import json_out

        sys.stdout.write(json_out.render(checks, prepared.as_of, prepared.catalog, lang, notice))
    elif fmt == "sarif":
        from dxcheck.render import sarif

        sys.stdout.write(sarif.render(checks, prepared.catalog, lang, notice))
    elif fmt == "github":
        from dxcheck.render import github

        sys.stdout.write(github.render(checks, lang, notice))
    elif fmt == "junit":
        from dxcheck.render import junit

        sys.stdout.write(junit.render(checks, lang, prepared.fail_on, notice))
    else:
        from dxcheck.render import text

        text.render(prepared.checks, Out(), prepared.as_of, prepared.catalog, opts.lang, notice)
    return exit_code(prepared)


def write_baseline(opts: Options, out: str) -> int:
    """`dxcheck baseline`: record today's findings as accepted."""
    from dxcheck.baseline import dump
    from dxcheck.writer import write_atomic

    err = Out(sys.stderr)
    prepared = prepare_or_explain(opts, err, summary_only=True)
    if prepared is None:
        return EXIT_USAGE
    if prepared.unreadable:
        return EXIT_USAGE
    findings = [f for c in prepared.checks for f in c.findings]
    try:
        write_atomic(out, dump(findings))
    except OSError as exc:
        err.line(
            f"dxcheck: {show_path(out)}: 書き込めません / cannot write ({exc.strerror})", "error"
        )
        return EXIT_USAGE
    Out(sys.stderr).line(
        f"{len(findings)} 件の指摘をベースライン {show_path(out)} に記録しました"
        if opts.lang != "en"
        else f"recorded {len(findings)} finding(s) in the baseline {show_path(out)}"
    )
    return EXIT_OK
