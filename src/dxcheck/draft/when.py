"""Dates in running text (和暦・西暦、年度、期間), turned into the forms dxcheck.dates reads."""

from __future__ import annotations

import re
import unicodedata

from dxcheck import dates

_Y = r"(?:(?:令和|平成|R)\s*(?:[0-9]{1,2}|元)\s*(?:\(\s*[0-9]{4}\s*\))?|[0-9]{4})"
_ONE = rf"{_Y}\s*(?:年度末|年度|年)(?:\s*[0-9]{{1,2}}\s*月(?:\s*[0-9]{{1,2}}\s*日)?)?"
DATE = re.compile(_ONE)
RANGE = re.compile(
    rf"({_ONE})\s*(?:から|より|～|〜|~|－|-|―|‐|—|ー)\s*({_ONE}|(?:[0-9]{{1,2}})\s*年度末?)"
)
_UNTIL = re.compile(r"\s*まで")
_START = re.compile(r"\s*(?:から|より|を初年度|を始期|を起点)")
_YEARS = re.compile(r"([0-9]{1,2})\s*(?:か年|カ年|ヵ年|ヶ年|箇年|年間)")
_SHORT_RANGE = re.compile(
    r"((?:令和|平成|R)\s*[0-9]{1,2})\s*(?:年度)?\s*(?:から|～|〜|~|－|-)\s*"
    r"((?:令和|平成|R)?\s*[0-9]{1,2})\s*年度"
)


def flat(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def clean(text: str) -> str | None:
    """A date as dxcheck.dates reads it, or None if it does not parse."""
    value = re.sub(r"\s+", "", flat(text))
    try:
        dates.parse(value)
    except dates.DateParseError:
        return None
    return value


def find_range(text: str) -> tuple[str, str] | None:
    """(start, end) of the first period written in ``text``."""
    norm = flat(text)
    match = RANGE.search(norm)
    if match:
        left, right = clean(match.group(1)), match.group(2)
        if re.fullmatch(r"[0-9]{1,2}\s*年度末?", right.strip()):
            era = re.match(r"(令和|平成|R)", left or "")
            right = f"{era.group(1)}{right.strip()}" if era else right
        end = clean(right)
        if left and end:
            return left, end
    # 令和5年度から、…に合わせ、令和8年度までとし: a start and an end apart in one sentence
    starts = [m for m in DATE.finditer(norm) if _START.match(norm, m.end())]
    if starts:
        ends = [m for m in DATE.finditer(norm, starts[0].end()) if _UNTIL.match(norm, m.end())]
        left = clean(starts[0].group(0))
        end = clean(ends[0].group(0)) if ends else None
        if left and end:
            return left, end
        years = _YEARS.search(norm, starts[0].end())
        if left and years and left.endswith("年度"):
            # 令和6年度から3年間: the end the document states by its length
            first = dates.parse(left).start.year
            return left, f"{first + int(years.group(1)) - 1}年度"
    match = _SHORT_RANGE.search(norm)
    if match:
        era = re.match(r"令和|平成|R", match.group(1))
        right = (
            match.group(2)
            if re.match(r"令和|平成|R", match.group(2))
            else ((era.group(0) if era else "") + match.group(2))
        )
        left, end = clean(match.group(1) + "年度"), clean(right + "年度")
        if left and end:
            return left, end
    return None


def find_date(text: str, *, until: bool = False) -> str | None:
    """The first date in ``text`` (with ``until``: only one followed by まで, a target)."""
    norm = flat(text)
    for match in DATE.finditer(norm):
        if until and not norm[match.end() : match.end() + 4].lstrip().startswith("まで"):
            continue
        value = clean(match.group(0))
        if value:
            return value
    return None
