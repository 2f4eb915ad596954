"""`dxcheck check`: validate, run the rules, render, choose the exit code."""

from __future__ import annotations

import dataclasses
import datetime
import sys
from dataclasses import dataclass

from dxcheck import checkrun
from dxcheck.catalog import load_catalog
from dxcheck.checkrun import Settings, check_result, resolve
from dxcheck.commands.validate import format_line, iter_results
from dxcheck.console import Out
from dxcheck.diagnostics import Diagnostic, Severity
from dxcheck.engine.runner import PlanCheck, at_or_above, check_plan
from dxcheck.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from dxcheck.models import Facts
from dxcheck.options import Options, UsageError, parse_as_of, split_codes
from dxcheck.paths import show_path

__all__ = ["Options", "UsageError", "parse_as_of", "prepare", "run", "split_codes"]


@dataclass(slots=True)
class Prepared:
    checks: list[PlanCheck]
    unreadable: int
    as_of: datetime.date
    catalog: str
    fail_on: Severity


def prepare(opts: Options, err: Out, *, summary_only: bool = False) -> Prepared:
    """Everything `check`, `report` and the CI formats share: config, catalog, checks.

    ``summary_only``: the output needs of each plan only its name, title and period, and the
    source lines its findings point at (every format but the report); the rest is dropped as
    soon as the plan is checked, so memory does not grow with the plans' size."""
    settings = resolve(opts)
    as_of, catalog, limits = settings.as_of, settings.catalog, settings.limits
    unreadable: list[Diagnostic] = []
    checks: list[PlanCheck] = []
    # One file at a time: validate, check, then drop what only checking needed.
    results = iter_results(opts.paths, limits, unreadable, item_ids=settings.item_ids)
    for result in results:
        check = check_result(result, settings)
        if result.plan is None or result.document is None:
            checks.append(check)
            continue
        result.document.release_positions()
        if summary_only:
            result.document.keep_lines({f.line for f in check.findings})
            plan = result.plan
            check.plan = dataclasses.replace(plan, initiatives=[], facts=Facts(), waivers=[])
        checks.append(check)
    for d in unreadable:
        err.line(format_line(d, opts.lang), "error")
    if opts.baseline is not None:
        _drop_known(checks, _baseline_fingerprints(opts.baseline))
    if opts.diff_base is not None:
        for check in checks:
            old = _fingerprints_at(opts.diff_base, check, settings)
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


def _fingerprints_at(rev: str, check: PlanCheck, settings: Settings) -> set[str]:
    """The fingerprints of the findings the plan had at git revision ``rev``."""
    from dxcheck.gitrev import GitError, show

    if check.path == "<stdin>":
        raise UsageError("--diff-base は標準入力には使えません / not with standard input")
    try:
        data = show(rev, check.path)
    except GitError as exc:
        raise UsageError(f"--diff-base: {exc}") from None
    if data is None:
        return set()
    old = checkrun.validate(data, check.path, settings)
    if old.plan is None or old.document is None:
        return set()
    before = check_plan(
        old.plan,
        old.document,
        settings.catalog,
        settings.as_of,
        settings.selection,
        settings.config.waivers_for(check.path),
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
    from dxcheck.render.formats import FORMATS, Whole
    from dxcheck.render.json_out import tally

    used = load_catalog(prepared.catalog)
    notice = catalog_notice(used.version, used.period_end, prepared.as_of)
    chosen = FORMATS[fmt]
    parts = [chosen.part(check, prepared.catalog, lang, prepared.fail_on) for check in checks]
    tallies = [tally(check) for check in checks]
    chosen.write(
        parts, Whole(tallies, prepared.as_of, prepared.catalog, lang, notice, opts.min_severity)
    )
    if len(checks) > 1:
        from dxcheck.engine.duplicates import note_lines, same_municipality

        entries = [
            (c.path, c.plan.municipality.code, c.plan.municipality.name)
            for c in checks
            if c.plan is not None
        ]
        for line in note_lines(same_municipality(entries), lang):
            err.line(line)
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
