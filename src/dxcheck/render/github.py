"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dxcheck.engine.runner import PlanCheck
    from dxcheck.notice import CatalogNotice

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def plan_text(check: PlanCheck, lang: str) -> str:
    """One plan's annotations, finished."""
    lines = []
    for f in check.findings:
        title = f"{f.rule}" + (f" [{f.national_item}]" if f.national_item else "")
        lines.append(
            f"::{_COMMAND[f.severity]} file={_escape_property(f.path)},line={f.line},"
            f"col={f.column},title={_escape_property(title)}::{_escape_data(f.message(lang))}"
        )
    return "".join(line + "\n" for line in lines)


def notice_text(notice: CatalogNotice | None, lang: str) -> str:
    """The catalog-age notice as one workflow command (nothing while the catalog is in force)."""
    if notice is None:
        return ""
    title = _escape_property(f"dxcheck catalog {notice.version}")
    return f"::notice title={title}::{_escape_data(notice.message(lang))}\n"


def render(checks: list[PlanCheck], lang: str, notice: CatalogNotice | None = None) -> str:
    return notice_text(notice, lang) + "".join(plan_text(check, lang) for check in checks)
