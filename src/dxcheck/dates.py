"""Japanese plan dates: 和暦, 年度 and Western dates, single or as ranges, parsed to day spans.

Every date a plan writes is kept as written (``Span.text``) and as an inclusive span of days
(``Span.start`` … ``Span.end``): ``令和5年度`` is 2023-04-01 … 2024-03-31, ``令和8年3月`` is
2026-03-01 … 2026-03-31, ``令和7年度末`` is the single day 2026-03-31. Rules compare spans, so
"by 令和7年度" means ``span.end`` and "from 令和5年度" means ``span.start``.

Accepted forms (digits may be full-width; NFKC normalisation is applied first):

* eras: 令和 / 平成 / 昭和, abbreviated R / H / S, year as digits or 元;
  ``令和５（２０２３）年度`` (the Western year in brackets must agree);
* Western: ``2023年度``, ``2023年``, ``2023年4月1日``, ``2023-04-01``, ``2023/4/1``, ``2023.4.1``;
* units: 年度 (optionally 末, 当初, 初め, 中, 内, 上半期, 下半期), 年, 年M月 (optionally 末, 上旬,
  中旬, 下旬, 頃), 年M月D日; a bare era year such as ``R5`` is read as a 年度, as plan tables do;
* ranges joined by 〜, ～, ~, から … (まで) or a spaced hyphen, with the era, the unit and the year
  carried over from the other side: ``令和5〜7年度``, ``R6～R7``, ``令和5年4月〜9月``.

Era years past the era's end that real documents still use (``平成32年`` written before the
change of era) are read as the Western year with a warning; impossible dates (``令和0年``,
``13月``, ``2月30日``) are errors.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

ERAS: dict[str, tuple[str, datetime.date, datetime.date | None]] = {
    # name: (canonical name, first day, last day)
    "令和": ("令和", datetime.date(2019, 5, 1), None),
    "平成": ("平成", datetime.date(1989, 1, 8), datetime.date(2019, 4, 30)),
    "昭和": ("昭和", datetime.date(1926, 12, 25), datetime.date(1989, 1, 7)),
}
_ERA_ALIASES = {"R": "令和", "H": "平成", "S": "昭和", "r": "令和", "h": "平成", "s": "昭和"}
MIN_YEAR, MAX_YEAR = 1900, 2100
_UNDETERMINED = frozenset({"未定", "未記載", "記載なし", "不明", "なし", "-", "―", "—", "TBD"})


@dataclass(frozen=True)
class DateWarning:
    """Something a date says that is readable but suspicious (e.g. 平成32年)."""

    ja: str
    en: str


@dataclass(frozen=True)
class Span:
    """An inclusive span of days, with the text the plan wrote."""

    start: datetime.date
    end: datetime.date
    text: str
    warnings: tuple[DateWarning, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return self.text


class DateParseError(ValueError):
    """A text that is not a date dxcheck can read; ``str()`` is Japanese."""

    def __init__(self, message_ja: str, message_en: str) -> None:
        super().__init__(message_ja)
        self.message_en = message_en


def fiscal_year_span(year: int) -> tuple[datetime.date, datetime.date]:
    """年度 ``year`` runs from April 1 of ``year`` to March 31 of ``year + 1``."""
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)


def era_to_year(era: str, year: int) -> int:
    """Western year of an era year (``era_to_year("令和", 7) == 2025``); no range check."""
    name = _ERA_ALIASES.get(era, era)
    if name not in ERAS:
        raise DateParseError(f"元号「{era}」は使えません", f"unknown era '{era}'")
    return ERAS[name][1].year + year - 1


# --------------------------------------------------------------------------- single dates

_YEAR = r"(?:(?P<era>令和|平成|昭和|[RHSrhs])(?P<ey>元|\d{1,2})(?:\((?P<wy>\d{4})\))?|(?P<y>\d{4}))"
_SINGLE = re.compile(
    _YEAR
    + r"(?:"
    + r"(?P<fy>年度)(?P<fysuf>末|当初|初め|中|内|上半期|下半期)?"
    + r"|年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日|(?P<msuf>末|初め|上旬|中旬|下旬|頃|中))?)?"
    + r"|[-/.](?P<m2>\d{1,2})(?:[-/.](?P<d2>\d{1,2}))?"
    + r")?$"
)
_HALF = {
    "上半期": ((4, 1), (9, 30)),
    "下半期": ((10, 1), (3, 31)),
}
_TEN_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31)}


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


def _year_of(match: re.Match[str], text: str) -> tuple[int, list[DateWarning], bool]:
    """Western year of a match; ``True`` when an era was written."""
    warnings: list[DateWarning] = []
    if match["y"]:
        return int(match["y"]), warnings, False
    era = _ERA_ALIASES.get(match["era"], match["era"])
    number = 1 if match["ey"] == "元" else int(match["ey"])
    if number == 0:
        raise DateParseError(
            f"「{text}」: {era}0年はありません（元年が最初の年です）",
            f"'{text}': there is no year 0 of {era} (the first year is 元年)",
        )
    year = era_to_year(era, number)
    if match["wy"] and int(match["wy"]) != year:
        raise DateParseError(
            f"「{text}」: {era}{number}年は{year}年で、括弧内の{match['wy']}年と合いません",
            f"'{text}': {era} {number} is {year}, not {match['wy']} as written in brackets",
        )
    last = ERAS[era][2]
    # 平成31年度 (April 2019 … March 2020) is a real, common name; only later years are odd.
    if last is not None and year > last.year:
        following = "令和" if era == "平成" else "平成"
        warnings.append(
            DateWarning(
                f"{era}{number}年は実在しない元号年です（{year}年＝{following}"
                f"{year - ERAS[following][1].year + 1}年として読みました）",
                f"{era} {number} does not exist; read as {year}",
            )
        )
    return year, warnings, True


def _day(year: int, month: int, day: int, text: str) -> datetime.date:
    if not 1 <= month <= 12:
        raise DateParseError(
            f"「{text}」: {month}月はありません", f"'{text}': there is no month {month}"
        )
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise DateParseError(
            f"「{text}」: {year}年{month}月{day}日は存在しない日付です",
            f"'{text}': {year}-{month:02d}-{day:02d} is not a real date",
        ) from None


def _month_end(year: int, month: int, text: str) -> datetime.date:
    _day(year, month, 1, text)
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _single(text: str, original: str) -> tuple[datetime.date, datetime.date, list[DateWarning]]:
    match = _SINGLE.match(text)
    if match is None or not (match["era"] or match["y"]):
        raise DateParseError(
            f"「{original}」は日付として読めません（例: 令和7年度末, 令和5年度, R5, 令和8年3月, "
            "2023-04-01, 令和4年4月〜令和8年3月）",
            f"'{original}' is not a date dxcheck understands (e.g. 令和7年度末, 令和5年度, R5, "
            "令和8年3月, 2023-04-01, 令和4年4月〜令和8年3月)",
        )
    year, warnings, has_era = _year_of(match, original)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateParseError(
            f"「{original}」: {year}年は計画の日付としてありえません",
            f"'{original}': the year {year} is not plausible for a plan",
        )
    month_text, day_text = match["m"] or match["m2"], match["d"] or match["d2"]
    if match["fy"] or (has_era and not month_text and not match.group(0).endswith("年")):
        start, end = fiscal_year_span(year)
        suffix = match["fysuf"]
        if suffix == "末":
            start = end
        elif suffix in ("当初", "初め"):
            end = start
        elif suffix in _HALF:
            (m1, d1), (m2, d2) = _HALF[suffix]
            start = datetime.date(year + (m1 < 4), m1, d1)
            end = datetime.date(year + (m2 < 4), m2, d2)
        return start, end, warnings
    if month_text is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), warnings
    month = int(month_text)
    if day_text is not None:
        day = _day(year, month, int(day_text), original)
        start = end = day
    else:
        start, end = _day(year, month, 1, original), _month_end(year, month, original)
        suffix = match["msuf"]
        if suffix == "末":
            start = end
        elif suffix == "初め":
            end = start
        elif suffix in _TEN_DAYS:
            first, last = _TEN_DAYS[suffix]
            start = start.replace(day=first)
            end = end.replace(day=min(last, end.day))
    if has_era:
        era = _ERA_ALIASES.get(match["era"], match["era"])
        if end < ERAS[era][1]:
            warnings.append(
                DateWarning(
                    f"「{original}」は{era}の始まり（{ERAS[era][1].isoformat()}）より前の日付です",
                    f"'{original}' is before the start of {era} ({ERAS[era][1].isoformat()})",
                )
            )
    return start, end, warnings


# --------------------------------------------------------------------------------- ranges

_RANGE_SEPARATORS = re.compile(r"〜|~|～|から|\s[-‐―—]\s")
_ERA_PREFIX = re.compile(r"^(令和|平成|昭和|[RHSrhs])")
_HEAD_YEAR = re.compile(r"^(令和|平成|昭和|[RHSrhs])?(元|\d{4}|\d{1,2})(?:\(\d{4}\))?")
_BARE_ERA_YEAR = re.compile(r"^(?:令和|平成|昭和|[RHSrhs])(?:元|\d{1,2})(?:\(\d{4}\))?$")
_YEAR_PART = re.compile(r"^(.*?年)(?!度)")
_MONTH_ONLY = re.compile(r"^(\d{1,2})月")


def _complete(left: str, right: str) -> tuple[str, str, bool]:
    """Carry era, unit and year between the two sides; ``True`` if the year may wrap."""
    era = _ERA_PREFIX.match(left)
    if era and re.match(r"^(元|\d{1,2})(年|\(|$)", right):
        right = era.group(1) + right
    if _BARE_ERA_YEAR.match(left) or re.fullmatch(r"\d{4}", left):
        if "年度" in right:
            left += "年度"
        elif re.search(r"年(?!度)", right) and not re.search(r"月", right):
            left += "年"
    wraps = False
    if _MONTH_ONLY.match(right):
        year_part = _YEAR_PART.match(left)
        if year_part and "月" in left:
            right = year_part.group(1) + right
            wraps = True
    return left, right, wraps


def parse(value: str | datetime.date) -> Span:
    """Parse one plan date or range; raises :class:`DateParseError` with a Japanese message."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return Span(value, value, value.isoformat())
    if not isinstance(value, str):
        raise DateParseError(
            "日付は文字列で書いてください", f"a date must be text, not {type(value).__name__}"
        )
    return _parse_text(value)


@lru_cache(maxsize=4096)
def _parse_text(value: str) -> Span:
    """The text case of :func:`parse`, cached: plans repeat the same few hundred dates (1,788
    plans hold 90,000 dates but about 800 distinct ones) and a Span is immutable."""
    original = value.strip()
    if not original:
        raise DateParseError("日付が空です", "the date is empty")
    if original in _UNDETERMINED:
        raise DateParseError(
            f"「{original}」は日付ではありません。時期が書かれていないなら、この項目を省くか "
            "not_stated: true と note で表してください",
            f"'{original}' is not a date; if the document states no date, leave the field out "
            "or use not_stated: true with a note",
        )
    spaced = unicodedata.normalize("NFKC", original)
    spaced = re.sub(r"まで$", "", spaced.strip())
    parts = _RANGE_SEPARATORS.split(spaced)
    if len(parts) == 1:
        start, end, warnings = _single(_normalise(spaced), original)
        return Span(start, end, original, tuple(warnings))
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        raise DateParseError(
            f"「{original}」: 期間は「開始〜終了」の形で書いてください",
            f"'{original}': write a range as 'start〜end'",
        )
    left, right, wraps = _complete(_normalise(parts[0]), _normalise(parts[1]))
    first_start, _, warnings_left = _single(left, original)
    second_start, second_end, warnings_right = _single(right, original)
    if wraps and second_start < first_start:
        # 令和5年10月〜3月: the end month is in the following year.
        second_start, second_end, _ = _single(_shift_year(right), original)
    if second_end < first_start:
        raise DateParseError(
            f"「{original}」: 終わりが始まりより前です",
            f"'{original}': the end is before the start",
        )
    return Span(first_start, second_end, original, (*warnings_left, *warnings_right))


def _shift_year(text: str) -> str:
    match = _HEAD_YEAR.match(text)
    if match is None:  # pragma: no cover - _complete only wraps texts that start with a year
        return text
    era, number = match.group(1) or "", match.group(2)
    year = 1 if number == "元" else int(number)
    return f"{era}{year + 1}{text[match.end() :]}"


def format_ja(day: datetime.date) -> str:
    """A day as 和暦 for messages: 令和8年3月31日."""
    for name, (_, first, last) in ERAS.items():
        if first <= day and (last is None or day <= last):
            number = day.year - first.year + 1
            year = "元" if number == 1 else str(number)
            return f"{name}{year}年{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


JST = datetime.timezone(datetime.timedelta(hours=9), "JST")


def today_in_japan(now: datetime.datetime | None = None) -> datetime.date:
    """Today in Japan (UTC+9, no daylight saving), whatever the machine's timezone: national
    deadlines are dates in Japan, and CI runners use UTC."""
    moment = now if now is not None else datetime.datetime.now(datetime.UTC)
    return moment.astimezone(JST).date()
