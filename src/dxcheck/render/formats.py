"""The output formats of `dxcheck check`, as one table: name → a plan's part, and the whole.

Every format renders each plan on its own (:attr:`Format.part`: a finished, JSON-able part of
the output that a worker process can hand back and the cache can keep) and assembles the parts
with the run's totals (:attr:`Format.write`). ``dxcheck check`` uses the table both in one
process (:mod:`dxcheck.commands.check`) and over many (:mod:`dxcheck.batch`), so the output is
byte-identical either way. The renderers are imported only when a format is used.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dxcheck.engine.runner import PlanCheck
    from dxcheck.notice import CatalogNotice

Part = Callable[["PlanCheck", str, str, str], Any]
"""(check, catalog version, lang, fail_on) → the plan's finished part of the output."""


@dataclass(frozen=True, slots=True)
class Whole:
    """What assembling the output needs besides the parts: each plan's tally (counts for the
    summary), the run's as-of date, catalog version, language and catalog-age notice, and
    ``min_severity`` (--min-severity), which the formats people read (text, github) apply; the
    machine formats keep every finding for their consumers to filter."""

    tallies: list[dict[str, int]]
    as_of: datetime.date
    catalog: str
    lang: str
    notice: CatalogNotice | None = None
    min_severity: str | None = None


Write = Callable[[list[Any], Whole], None]
"""(parts, the rest): write the whole output to stdout."""


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    part: Part
    fragment_ok: Callable[[Any], bool]  # a part read back from JSON (the cache) has this shape
    write: Write


def _json_part(check: PlanCheck, catalog: str, lang: str, fail_on: str) -> Any:
    from dxcheck.render import json_out

    return json_out.plan_items(check, lang)


def _json_write(parts: list[Any], run: Whole) -> None:
    from dxcheck.render import json_out

    items = [item for part in parts for item in part]
    sys.stdout.write(json_out.assemble(items, run.tallies, run.as_of, run.catalog, run.notice))


def _sarif_part(check: PlanCheck, catalog: str, lang: str, fail_on: str) -> Any:
    from dxcheck.render import sarif

    return sarif.plan_items(check, lang)


def _sarif_write(parts: list[Any], run: Whole) -> None:
    from dxcheck.render import sarif

    items = [item for part in parts for item in part]
    sys.stdout.write(sarif.assemble(items, run.catalog, run.lang, run.notice))


def _github_part(check: PlanCheck, catalog: str, lang: str, fail_on: str) -> Any:
    from dxcheck.render import github

    return github.plan_text(check, lang)


def _github_write(parts: list[Any], run: Whole) -> None:
    from dxcheck.render import github

    sys.stdout.write(github.assemble(parts, run.lang, run.notice, run.min_severity or "warning"))


def _junit_part(check: PlanCheck, catalog: str, lang: str, fail_on: str) -> Any:
    from dxcheck.render import junit

    return list(junit.plan_suite(check, lang, fail_on))


def _junit_write(parts: list[Any], run: Whole) -> None:
    from dxcheck.render import junit

    sys.stdout.write(
        junit.assemble(
            [part[0] for part in parts],
            sum(part[1] for part in parts),
            sum(part[2] for part in parts),
            run.notice.message(run.lang) if run.notice else None,
        )
    )


def _text_part(check: PlanCheck, catalog: str, lang: str, fail_on: str) -> Any:
    from dxcheck.render import text

    return text.plan_lines(check, catalog, lang)


def _text_write(parts: list[Any], run: Whole) -> None:
    from dxcheck.console import Out
    from dxcheck.render import json_out, text

    totals = json_out.summary_of(run.tallies)
    text.write_parts(
        parts,
        totals,
        Out(),
        run.as_of,
        run.catalog,
        run.lang,
        run.notice,
        run.min_severity or "info",
    )


def _strings(fragment: Any) -> bool:
    return isinstance(fragment, list) and all(isinstance(item, str) for item in fragment)


def _suite(fragment: Any) -> bool:
    return (
        isinstance(fragment, list)
        and len(fragment) == 3
        and isinstance(fragment[0], str)
        and all(type(n) is int for n in fragment[1:])
    )


def _lines(fragment: Any) -> bool:
    return isinstance(fragment, list) and all(
        isinstance(line, list)
        and len(line) == 2
        and isinstance(line[0], str)
        and (line[1] is None or isinstance(line[1], str))
        for line in fragment
    )


FORMATS: dict[str, Format] = {
    "text": Format("text", _text_part, _lines, _text_write),
    "json": Format("json", _json_part, _strings, _json_write),
    "sarif": Format("sarif", _sarif_part, _strings, _sarif_write),
    "github": Format("github", _github_part, lambda f: isinstance(f, str), _github_write),
    "junit": Format("junit", _junit_part, _suite, _junit_write),
}
"""Every format of `dxcheck check`, by the name ``--format`` takes (``text`` first: the default)."""
