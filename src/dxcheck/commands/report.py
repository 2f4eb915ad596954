"""`dxcheck report`: gap reports for planners (per plan) and prefectures (matrix)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dxcheck.catalog import load_catalog
from dxcheck.commands.check import Options, prepare_or_explain
from dxcheck.console import Out
from dxcheck.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from dxcheck.paths import show_path
from dxcheck.writer import write_atomic

if TYPE_CHECKING:
    from dxcheck.render.overview import IndexRow


def run(opts: Options, fmt: str, out: str | None, template_dir: str | None, sort: str) -> int:
    from dxcheck.render.report import output_plan, render_document, views_for

    if fmt in ("xlsx", "csv"):  # spreadsheets (issue 21): one workbook, or CSV files in -o
        from dxcheck.commands import spreadsheet

        return spreadsheet.run(opts, fmt, out, sort)
    err = Out(sys.stderr)
    if out is not None and (template_dir is None or os.path.isdir(template_dir)):
        from dxcheck.inputs import STDIN, expand

        if STDIN not in opts.paths:
            count = len(expand(opts.paths).files)
            if count and output_plan(out, count, fmt)[0] == "dir":
                return run_folder(opts, fmt, out, template_dir, sort, err)
    prepared = prepare_or_explain(opts, err)
    if prepared is None:
        return EXIT_USAGE
    if template_dir is not None and not os.path.isdir(template_dir):
        err.line(f"dxcheck: --template-dir: {template_dir} がありません / not a folder", "error")
        return EXIT_USAGE
    if not prepared.checks:
        return EXIT_USAGE if prepared.unreadable else EXIT_OK
    catalog = load_catalog(prepared.catalog)
    views = views_for(prepared.checks, catalog, prepared.as_of, opts.lang, sort)
    suffix = ".md" if fmt == "md" else ".html"
    try:
        if out is None:
            sys.stdout.write(
                render_document(
                    views,
                    catalog,
                    prepared.as_of,
                    fmt,
                    opts.lang,
                    with_matrix=len(views) > 1,
                    sort=sort,
                    template_dir=template_dir,
                )
            )
        else:
            mode, with_matrix = output_plan(out, len(views), fmt)
            if mode == "file":
                text = render_document(
                    views,
                    catalog,
                    prepared.as_of,
                    fmt,
                    opts.lang,
                    with_matrix=with_matrix,
                    sort=sort,
                    template_dir=template_dir,
                )
                write_atomic(out, text)
                wrote(err, opts.lang, out, "report")
            else:
                rendered = {
                    f"{view.slug}{suffix}": render_document(
                        [view],
                        catalog,
                        prepared.as_of,
                        fmt,
                        opts.lang,
                        with_matrix=False,
                        template_dir=template_dir,
                    )
                    for view in views
                }
                rendered[f"index{suffix}"] = render_document(
                    views,
                    catalog,
                    prepared.as_of,
                    fmt,
                    opts.lang,
                    with_matrix=True,
                    sort=sort,
                    template_dir=template_dir,
                )
                for name, text in sorted(rendered.items()):
                    write_atomic(os.path.join(out, name), text)
                wrote(err, opts.lang, os.path.join(out, f"index{suffix}"), "index")
    except OSError as exc:
        err.line(
            f"dxcheck: {show_path(str(out))}: 書き込めません / cannot write ({exc.strerror})",
            "error",
        )
        return EXIT_USAGE
    if prepared.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(not c.valid for c in prepared.checks) else EXIT_OK


# --- folder output at national scale: one page per plan as soon as it is checked -------------

_FOLDER: dict[str, Any] = {}


def _init_folder(
    opts: Options, fmt: str, out: str, template_dir: str | None, settings: Any = None
) -> None:
    """Set up a worker of :func:`run_folder` (a forked one inherits ``settings``)."""
    import gc

    from dxcheck.checkrun import resolve

    gc.disable()
    _FOLDER.update(
        settings=settings if settings is not None else resolve(opts),
        fmt=fmt,
        out=out,
        template_dir=template_dir,
        lang=opts.lang,
    )


@dataclass(frozen=True, slots=True)
class _Page:
    """What a worker hands back of one plan: its row of the index, or why there is none."""

    row: IndexRow | None = None
    unreadable: str | None = None  # the file could not be read (a formatted diagnostic)
    write_error: str | None = None  # its page could not be written


def _page_task(path: str) -> _Page:
    """Validate, check and render one plan, write its page; what the index needs of it."""
    from dxcheck.checkrun import check_bytes
    from dxcheck.diagnostics import format_line
    from dxcheck.inputs import display_name, os_error, read_input
    from dxcheck.render.overview import overview_row
    from dxcheck.render.report import render_document
    from dxcheck.render.report_model import plan_view

    settings = _FOLDER["settings"]
    fmt, out, lang = _FOLDER["fmt"], _FOLDER["out"], _FOLDER["lang"]
    try:
        data = read_input(path, settings.limits.max_bytes)
    except OSError as exc:
        return _Page(unreadable=format_line(os_error(path, exc), lang))
    result, check = check_bytes(data, display_name(path), settings)
    if result.document is not None:
        result.document.release_positions()
    view = plan_view(check, settings.catalog, settings.as_of, lang)
    page = f"{view.slug}{'.md' if fmt == 'md' else '.html'}"
    text = render_document(
        [view],
        settings.catalog,
        settings.as_of,
        fmt,
        lang,
        with_matrix=False,
        template_dir=_FOLDER["template_dir"],
    )
    try:
        write_atomic(os.path.join(out, page), text)
    except OSError as exc:
        return _Page(write_error=exc.strerror or str(exc))
    return _Page(row=overview_row(view, page))


def run_folder(
    opts: Options, fmt: str, out: str, template_dir: str | None, sort: str, err: Out
) -> int:
    """`report -o FOLDER`: each plan's page is written by a worker as soon as the plan is
    checked; only a small row per plan (name, code, prefecture, one letter per item) comes
    back, and index.md / index.html is the overview drawn from those rows."""
    from dxcheck.checkrun import resolve
    from dxcheck.inputs import expand
    from dxcheck.options import UsageError
    from dxcheck.parallel import pool_map
    from dxcheck.progress import progress_for
    from dxcheck.render.report import render_index

    try:
        settings = resolve(opts)
    except UsageError as exc:
        err.line(f"dxcheck: {exc}", "error")
        return EXIT_USAGE
    expanded = expand(opts.paths)
    unreadable = [format_line_of(d, opts.lang) for d in expanded.errors]
    rows: list[IndexRow] = []
    failed: str | None = None
    initargs = (opts, fmt, out, template_dir, settings)
    with progress_for(opts, "report", len(expanded.files)) as advance:
        for page in pool_map(
            _page_task, expanded.files, _init_folder, initargs, opts.jobs, advance
        ):
            if page.unreadable is not None:
                unreadable.append(page.unreadable)
            elif page.write_error is not None:
                failed = failed or page.write_error
            elif page.row is not None:
                rows.append(page.row)
    for line in unreadable:
        err.line(line, "error")
    if failed is not None:
        err.line(f"dxcheck: {show_path(out)}: 書き込めません / cannot write ({failed})", "error")
        return EXIT_USAGE
    if not rows:
        return EXIT_USAGE if unreadable else EXIT_OK
    suffix = ".md" if fmt == "md" else ".html"
    try:
        pages = render_index(
            rows,
            settings.catalog,
            settings.as_of,
            fmt,
            opts.lang,
            sort=sort,
            template_dir=template_dir,
        )
        for name, text in pages.items():
            write_atomic(os.path.join(out, f"{name}{suffix}"), text)
    except OSError as exc:
        err.line(
            f"dxcheck: {show_path(out)}: 書き込めません / cannot write ({exc.strerror})", "error"
        )
        return EXIT_USAGE
    wrote(err, opts.lang, os.path.join(out, f"index{suffix}"), "index")
    prefectures = sorted(name for name in pages if name != "index")
    if prefectures:
        first = os.path.join(out, f"{prefectures[0]}{suffix}")
        many = len(prefectures) > 1
        wrote(err, opts.lang, first, "prefectures" if many else "prefecture", len(prefectures))
    wrote(err, opts.lang, os.path.join(out, ""), "plans", len(rows))
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(not r["valid"] for r in rows) else EXIT_OK


_WROTE = {
    "report": ("レポート: {path}", "report: {path}"),
    "index": ("概要: {path}", "overview: {path}"),
    "prefecture": ("都道府県のページ: {path}", "page of the prefecture: {path}"),
    "prefectures": (
        "都道府県ごとのページ: {path} ほか（{n} 件）",
        "pages per prefecture: {path} and others ({n})",
    ),
    "plans": ("計画ごとのページ {n} 件: {path}", "{n} page(s), one per plan: {path}"),
}


def wrote(err: Out, lang: str, path: str, what: str, count: int = 1) -> None:
    """Tell the user where an output went: one line per output, on stderr (stdout stays free
    for a report written there), the path with any control character escaped."""
    ja, en = _WROTE[what]
    text = (en if lang == "en" else ja).format(path=show_path(path), n=count)
    err.line(f"dxcheck: {text}")


def format_line_of(d: Any, lang: str) -> str:
    from dxcheck.diagnostics import format_line

    return format_line(d, lang)
