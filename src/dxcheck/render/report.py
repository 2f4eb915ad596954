"""Markdown and HTML gap reports through Jinja2 templates (templates/ in the repository,
packaged as dxcheck/templates in the wheel; `--template-dir` overrides them)."""

from __future__ import annotations

import datetime
import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dxcheck.engine.runner import PlanCheck
from dxcheck.render.report_model import LABELS, PlanView, matrix, plan_view

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog
    from dxcheck.render.overview import IndexRow

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(value: object) -> str:
    """Text safe inside a Markdown table cell or paragraph: no markup, no raw HTML, one line."""
    text = str(value)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.split())


def template_dirs(override: str | None) -> list[str]:
    dirs = [override] if override else []
    packaged = Path(__file__).resolve().parents[1] / "templates"
    source_tree = Path(__file__).resolve().parents[3] / "templates"
    dirs.extend(str(d) for d in (packaged, source_tree) if d.is_dir())
    return dirs


@functools.cache
def _environment(fmt: str, template_dir: str | None):  # type: ignore[no-untyped-def]
    """One Jinja2 environment per format and template folder (templates compile once)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dirs(template_dir)),
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters["md"] = md_escape
    return env


def render_document(
    views: list[PlanView],
    catalog: Catalog,
    as_of: datetime.date,
    fmt: str,
    lang: str,
    *,
    with_matrix: bool,
    sort: str = "code",
    template_dir: str | None = None,
) -> str:
    return _render(
        "report",
        fmt,
        lang,
        catalog,
        as_of,
        template_dir,
        plans=views,
        matrix=matrix(views, catalog, lang, sort) if with_matrix else None,
    )


def _render(
    name: str,
    fmt: str,
    lang: str,
    catalog: Catalog,
    as_of: datetime.date,
    template_dir: str | None,
    **context: Any,
) -> str:
    """One template (report / index) with what every page shows: date, catalog, notice."""
    env = _environment(fmt, template_dir)
    template = env.get_template(f"{name}.{'md' if fmt == 'md' else 'html'}.j2")
    text = template.render(
        L=LABELS[lang],
        lang=lang,
        as_of=as_of.isoformat(),
        catalog=catalog.version if lang == "en" else f"第{catalog.version}版",
        catalog_title=catalog.title,
        notice=_notice(catalog, as_of, lang),
        **context,
    )
    return re.sub(r"\n{3,}", "\n\n", text) if fmt == "md" else text


def _notice(catalog: Catalog, as_of: datetime.date, lang: str) -> str | None:
    from dxcheck.notice import catalog_notice

    found = catalog_notice(catalog.version, catalog.period_end, as_of)
    # a report is read by a 推進本部, not by whoever runs dxcheck: no command-line advice
    if found is None:
        return None
    text = _COMMAND_ADVICE.sub("", found.message(lang))
    return text if text.endswith(("。", ".")) else text + ("." if lang == "en" else "。")


_COMMAND_ADVICE = re.compile(r"\s*[（(][^（()）]*--[a-z][^（()）]*[）)]")


def views_for(
    checks: list[PlanCheck], catalog: Catalog, as_of: datetime.date, lang: str, sort: str
) -> list[PlanView]:
    views = [plan_view(c, catalog, as_of, lang) for c in checks]
    if sort == "gaps":
        views.sort(
            key=lambda v: (-(v.counts.get("missing", 0) * 2 + v.counts.get("partial", 0)), v.code)
        )
    else:
        views.sort(key=lambda v: (v.code, v.path))
    return views


def output_plan(out: str, count: int, fmt: str) -> tuple[str, bool]:
    """('file', …) for one combined document, ('dir', …) for one file per plan + index."""
    suffix = ".md" if fmt == "md" else ".html"
    if os.path.isdir(out) or (count > 1 and not out.endswith(suffix)):
        return "dir", True
    return "file", count > 1


def render_index(
    rows: list[IndexRow],
    catalog: Catalog,
    as_of: datetime.date,
    fmt: str,
    lang: str,
    *,
    sort: str = "code",
    template_dir: str | None = None,
) -> dict[str, str]:
    """The overview pages of a folder report from the plans' rows: ``index`` and one page per
    prefecture with plans (``pref-04`` …), by name without the suffix."""
    from dxcheck.render.overview import LABELS as OVERVIEW
    from dxcheck.render.overview import overview

    index = overview(rows, catalog, lang, sort)
    pages = {
        "index": _render(
            "index", fmt, lang, catalog, as_of, template_dir, index=index, O=OVERVIEW[lang]
        )
    }
    for group in index["groups"]:
        pages[group["page"]] = _render(
            "prefecture",
            fmt,
            lang,
            catalog,
            as_of,
            template_dir,
            index=index,
            g=group,
            O=OVERVIEW[lang],
        )
    return pages
