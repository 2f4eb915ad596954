"""The options of `check`, `baseline` and `report` (light: a cached run imports only this)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dxcheck.limits import MAX_BYTES, MAX_DEPTH


class UsageError(Exception):
    pass


@dataclass(slots=True)
class Options:
    paths: list[str]
    as_of: str | None = None
    catalog: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    config: str | None = None
    lang: str = "ja"
    max_bytes: int = MAX_BYTES
    max_depth: int = MAX_DEPTH
    baseline: str | None = None
    diff_base: str | None = None
    jobs: int | None = None  # worker processes; None: the cores available
    cache: bool = True
    quiet: bool = False  # no progress bar
    min_severity: str | None = None  # text and github: findings below it are not shown


def parse_as_of(text: str | None) -> datetime.date:
    """The reference date: any form dxcheck.dates reads (its last day); default today."""
    from dxcheck import dates

    if text is None:
        return dates.today_in_japan()

    try:
        return dates.parse(text).end
    except dates.DateParseError as exc:
        raise UsageError(f"--as-of: 日付として読めません / not a date: {exc}") from None


def split_codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]
