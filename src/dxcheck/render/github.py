"""GitHub Actions workflow commands: annotations GitHub will actually show.

GitHub shows at most 10 error and 10 warning annotations per step and 50 per job, and drops the
rest silently (actions/toolkit, docs/problem-matchers.md, "Limitations"). So errors come first,
then warnings, each capped at 10; info findings are not annotations unless asked for
(``min_severity="info"``); everything left out is written to the log as plain lines and counted
in one closing notice, so nothing is lost and the important ones are never the ones dropped.
Paths are relative to the repository's root, so annotations attach to the pull request's diff.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dxcheck.diagnostics import SEVERITY_RANK
from dxcheck.repopath import repo_relative

if TYPE_CHECKING:
    from dxcheck.engine.runner import PlanCheck
    from dxcheck.notice import CatalogNotice

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
_ORDER = ("error", "warning", "info")
PER_STEP = 10  # GitHub's limit per severity and step


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def plan_text(check: PlanCheck, lang: str) -> str:
    """One plan's findings, one per line as ``severity<TAB>annotation<TAB>log line``; the
    assembly chooses which become annotations (a plan's part is made without the others)."""
    lines = []
    for f in check.findings:
        title = f"{f.rule}" + (f" [{f.national_item}]" if f.national_item else "")
        path = repo_relative(f.path)
        message = f.full_message(lang)
        annotation = (
            f"::{_COMMAND[f.severity]} file={_escape_property(path)},line={f.line},"
            f"col={f.column},title={_escape_property(title)}::{_escape_data(message)}"
        )
        item = f" [{f.national_item}]" if f.national_item else ""
        log = f"{path}:{f.line}:{f.column}: {f.severity}[{f.rule}] {message}{item}"
        log = " ".join(log.split("\n"))
        lines.append(f"{f.severity}\t{annotation}\t{log}")
    return "".join(line + "\n" for line in lines)


def notice_text(notice: CatalogNotice | None, lang: str) -> str:
    """The catalog-age notice as one workflow command (nothing while the catalog is in force)."""
    if notice is None:
        return ""
    title = _escape_property(f"dxcheck catalog {notice.version}")
    return f"::notice title={title}::{_escape_data(notice.message(lang))}\n"


def assemble(
    fragments: list[str],
    lang: str,
    notice: CatalogNotice | None = None,
    min_severity: str = "warning",
) -> str:
    """The output of a run: the capped annotations, then every other finding as a log line and
    one notice that counts them."""
    by_severity: dict[str, list[tuple[str, str]]] = {s: [] for s in _ORDER}
    for fragment in fragments:
        for line in fragment.splitlines():
            severity, annotation, log = line.split("\t", 2)
            by_severity[severity].append((annotation, log))
    shown: list[str] = []
    rest: list[str] = []
    left: dict[str, int] = {}
    for severity in _ORDER:
        found = by_severity[severity]
        cap = PER_STEP if SEVERITY_RANK[severity] >= SEVERITY_RANK[min_severity] else 0
        shown.extend(annotation for annotation, _ in found[:cap])
        rest.extend(log for _, log in found[cap:])
        if len(found) > cap:
            left[severity] = len(found) - cap
    out = notice_text(notice, lang) + "".join(line + "\n" for line in shown)
    if left:
        out += "".join(line + "\n" for line in rest)
        out += _summary(left, lang)
    return out


def _summary(left: dict[str, int], lang: str) -> str:
    names = {
        "error": ("エラー", "errors"),
        "warning": ("警告", "warnings"),
        "info": ("情報", "info"),
    }
    if lang == "en":
        counts = ", ".join(f"{n} {names[s][1]}" for s, n in left.items())
        text = (
            f"{counts} are not annotations (GitHub shows at most {PER_STEP} errors and "
            f"{PER_STEP} warnings per step"
            + ("; info findings only with --min-severity info" if "info" in left else "")
            + "): see the lines above in this log, or the SARIF upload"
        )
    else:
        counts = "、".join(f"{names[s][0]} {n} 件" for s, n in left.items())
        text = (
            f"{counts}は注釈にしていません（GitHub が 1 ステップに表示する注釈はエラー・警告それぞれ "
            f"{PER_STEP} 件まで"
            + ("。情報は --min-severity info で注釈に" if "info" in left else "")
            + "）。このログの上の行か SARIF で確認してください"
        )
    return f"::notice title=dxcheck::{_escape_data(text)}\n"


def render(
    checks: list[PlanCheck],
    lang: str,
    notice: CatalogNotice | None = None,
    min_severity: str = "warning",
) -> str:
    return assemble([plan_text(check, lang) for check in checks], lang, notice, min_severity)
