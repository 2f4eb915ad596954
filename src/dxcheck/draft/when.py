"""Single dates in running text (和暦・西暦、年度), turned into the forms dxcheck.dates reads
(date ranges: draft/daterange.py)."""

from __future__ import annotations

import re
import unicodedata

from dxcheck import dates

_Y = r"(?:(?:令和|平成|R)\s*(?:[0-9]{1,2}|元)\s*(?:\(\s*[0-9]{4}\s*\))?|[0-9]{4})"
_ONE = rf"{_Y}\s*(?:年度末|年度|年)(?:\s*[0-9]{{1,2}}\s*月(?:\s*[0-9]{{1,2}}\s*日)?)?"
DATE = re.compile(_ONE)


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
