"""`dxcheck report`: gap reports for planners (per plan) and prefectures (matrix)."""

from __future__ import annotations

import os
import sys

from dxcheck.catalog import load_catalog
from dxcheck.commands.check import EXIT_USAGE, Options, prepare_or_explain
from dxcheck.console import Out
from dxcheck.writer import write_atomic


def run(opts: Options, fmt: str, out: str | None, template_dir: str | None, sort: str) -> int:
    from dxcheck.render.report import output_plan, render_document, views_for

    err = Out(sys.stderr)
    prepared = prepare_or_explain(opts, err)
    if prepared is None:
        return EXIT_USAGE
    if template_dir is not None and not os.path.isdir(template_dir):
        err.line(f"dxcheck: --template-dir: {template_dir} がありません / not a folder", "error")
        return EXIT_USAGE
    if not prepared.checks:
        return EXIT_USAGE if prepared.unreadable else 0
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
    except OSError as exc:
        err.line(f"dxcheck: {out}: 書き込めません / cannot write ({exc.strerror})", "error")
        return EXIT_USAGE
    return 2 if prepared.unreadable else (1 if any(not c.valid for c in prepared.checks) else 0)
