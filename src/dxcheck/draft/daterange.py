"""A grammar of the date ranges plans write, in two steps: tokenise the dates of a text, then
combine neighbouring tokens into ranges. Built on :mod:`dxcheck.dates` (eras, 年度 spans).

Dates (one token each; digits may be full-width, spaces may stand inside):

* a year: 和暦 (令和4, R4, 平成28, H28, 元) or 西暦 (2022), the other calendar in brackets on
  either side of the unit: 令和4(2022)年度, 2023(令和5)年度, 令和3年度(2021 年), 2023年(令和5年)度;
* a unit: 年度 (年度末), 年, 年M月, 年M月D日 (a weekday in brackets after it is skipped);
* a bare year (6 in 令和4年から6年度, 33 in 2024年度から33年度, 2032 in 2027~2032), read only
  as the second end of a range, with the first end's era or century.

Combinations: ``A (から|より|~|〜|－|—) B (まで|までの)?``; ``A から …, B まで`` in one
sentence; an open end ``A~`` / ``Aから`` (nothing dated follows); an end only ``B まで`` (not
``までに``, a deadline); a length ``N年間`` / ``Nか年`` before or after, which checks a range or
completes one that has only a start. 年度 starts on April 1 and ends on March 31 of the next
year; 年M月 ends on the last day of the month; a bare year range (2027~2032) is read as 年度.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass

from dxcheck import dates

_ERA = r"(?:令和|平成|(?<![A-Za-z])[RH](?=\s*[0-9元]))"
_PAREN_YEAR = (
    r"\(\s*(?:西暦)?\s*(?:(?P<{p}e>{era})\s*(?P<{p}en>元|[0-9]{{1,2}})|(?P<{p}w>[0-9]{{4}}))"
    r"\s*(?:年\s*)?(?:度\s*)?\)"
)
_TOKEN = re.compile(
    rf"(?:(?P<era>{_ERA})\s*(?P<en>元|[0-9]{{1,2}})|(?<![0-9])(?P<w>[0-9]{{4}})"
    rf"|(?<![0-9.,])(?P<bare>[0-9]{{1,2}}))(?![0-9])"
    rf"\s*(?:{_PAREN_YEAR.format(p='a', era=_ERA)})?"
    r"\s*(?:(?P<nen>年)(?!間|計画|ごと|目|前|後|以内|程度|後半|前半)\s*"
    rf"(?:{_PAREN_YEAR.format(p='b', era=_ERA)})?"
    r"\s*(?:(?P<do>度)(?P<sue>末)?|(?P<m>[0-9]{1,2})\s*月(?:\s*(?P<d>[0-9]{1,2})\s*日)?)?)?"
    rf"(?:\s*{_PAREN_YEAR.format(p='c', era=_ERA)})?"
    r"(?:\s*\(\s*[月火水木金土日](?:曜日?)?\s*\))?"
)
_SEP = re.compile(r"\s*(から|より|~|〜|～|-|－|‐|―|—|–|ー)\s*")
_UNTIL = re.compile(r"\s*まで(?!に)(?:の|と|で|\b)?")
_OPEN = re.compile(r"\s*(?:~|〜|～|から|より|以降)\s*(?:[、,。)」\s]|$|を|の|と)")
LOOKAHEAD = 6  # dates to look at for the end of 「A から、…、B まで」 (bounded time)
SENTENCE = 200  # characters: a sentence longer than this is not read as one range
_START = re.compile(r"\s*(を初年度|を始期|を起点|を開始年度|を計画初年度)")


@dataclass(frozen=True, slots=True)
class Point:
    """One dated end: a year (Western), its unit and how the document named the era."""

    year: int
    unit: str  # "fy" 年度, "fy_end" 年度末, "y" 年, "m" 年M月, "d" 年M月D日, "" none written
    month: int = 0
    day: int = 0
    era: str = ""  # 令和 / 平成 when written in 和暦

    def first(self) -> datetime.date:
        if self.unit in ("fy", ""):
            return dates.fiscal_year_span(self.year)[0]
        if self.unit == "fy_end":
            return dates.fiscal_year_span(self.year)[1]
        if self.unit == "y":
            return datetime.date(self.year, 1, 1)
        return datetime.date(self.year, self.month, self.day or 1)

    def last(self) -> datetime.date:
        if self.unit in ("fy", "fy_end", ""):
            return dates.fiscal_year_span(self.year)[1]
        if self.unit == "y":
            return datetime.date(self.year, 12, 31)
        if self.unit == "m":
            return datetime.date(
                self.year, self.month, calendar.monthrange(self.year, self.month)[1]
            )
        return datetime.date(self.year, self.month, self.day)

    def text(self) -> str:
        """The end as dxcheck.dates reads it (令和4年度, 2022年12月)."""
        if self.era:
            number = self.year - dates.ERAS[self.era][1].year + 1
            head = f"{self.era}{'元' if number == 1 else number}"
        else:
            head = str(self.year)
        if self.unit in ("fy", ""):
            return f"{head}年度"
        if self.unit == "fy_end":
            return f"{head}年度末"
        if self.unit == "y":
            return f"{head}年"
        if self.unit == "m":
            return f"{head}年{self.month}月"
        return f"{head}年{self.month}月{self.day}日"


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    year: int | None  # None for a bare number
    number: int  # the digits as written (the era year, the Western year or the bare number)
    era: str
    unit: str
    month: int = 0
    day: int = 0


@dataclass(frozen=True, slots=True)
class Range:
    """A period read from a text: ``begin`` / ``until`` (None when that end is not written),
    the span of the text it covers, and a length the text states (N年間), if any."""

    begin: Point | None
    until: Point | None
    start: int
    end: int
    years: int | None = None
    length_agrees: bool | None = None  # None: no length stated

    @property
    def first(self) -> datetime.date | None:
        return self.begin.first() if self.begin else None

    @property
    def last(self) -> datetime.date | None:
        return self.until.last() if self.until else None


def flat(text: str) -> tuple[str, list[int]]:
    """NFKC text, and for each of its characters the index of the character it came from."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        norm = unicodedata.normalize("NFKC", char)
        out.append(norm)
        where.extend([index] * len(norm))
    return "".join(out), where


def _era_year(era: str, number: str) -> tuple[int, str]:
    name = {"R": "令和", "H": "平成"}.get(era, era)
    return dates.era_to_year(name, 1 if number == "元" else int(number)), name


def _paren_year(match: re.Match[str], p: str) -> int | None:
    if match[f"{p}w"]:
        return int(match[f"{p}w"])
    if match[f"{p}e"]:
        return _era_year(match[f"{p}e"], match[f"{p}en"])[0]
    return None


def tokens(norm: str) -> list[Token]:
    """Every date written in ``norm`` (NFKC text), in order."""
    out: list[Token] = []
    for match in _TOKEN.finditer(norm):
        era = ""
        if match["era"]:
            if match["en"] != "元" and int(match["en"]) == 0:
                continue
            year: int | None
            year, era = _era_year(match["era"], match["en"])
            number = 1 if match["en"] == "元" else int(match["en"])
        elif match["w"]:
            year = number = int(match["w"])
            if not 1989 <= year <= 2100:
                continue
        else:
            year, number = None, int(match["bare"])
            if not match["nen"]:
                continue  # a bare number is a date only with its unit (6年度)
        others = [y for y in (_paren_year(match, p) for p in "abc") if y is not None]
        if year is not None and any(y != year for y in others):
            continue  # brackets that disagree: not a year written twice
        if year is not None and others and not era:
            # 2023(令和5)年度: keep the era the document wrote
            paren = next(match[f"{p}e"] for p in "abc" if match[f"{p}e"])
            era = {"R": "令和", "H": "平成"}.get(paren, paren) if paren else ""
        unit = ""
        month = day = 0
        if match["do"]:
            unit = "fy_end" if match["sue"] else "fy"
        elif match["m"]:
            month = int(match["m"])
            if not 1 <= month <= 12:
                continue
            unit = "m"
            if match["d"]:
                day = int(match["d"])
                unit = "d"
        elif match["nen"]:
            unit = "y"
        if unit == "d" and year is not None:
            try:
                datetime.date(year, month, day)
            except ValueError:
                continue
        out.append(Token(match.start(), match.end(), year, number, era, unit, month, day))
    return out


def _point(token: Token, other: Token | None, right: bool) -> Point | None:
    """A token as a dated end; a bare or unit-less one completed from the other end."""
    year, era, unit = token.year, token.era, token.unit
    if year is None:
        if other is None or other.year is None or token.number == 0:
            return None
        if other.era:
            year, era = dates.era_to_year(other.era, token.number), other.era
        else:
            year = other.year // 100 * 100 + token.number
            if year < other.year:
                year += 100
    if other is not None:
        if unit == "" and other.unit in ("fy", "fy_end", ""):
            unit = "fy"
        elif not right and unit == "y" and other.unit == "fy" and other.year is None:
            unit = "fy"  # 令和4年から6年度: the second era and the first 度 left out
        elif unit == "" and other.unit == "y":
            unit = "y"
    if not dates.MIN_YEAR <= year <= dates.MAX_YEAR - 1:
        return None  # 2100+13 (a century carried over a bare 13) is no plan's year
    if unit == "" and token.year is not None and not token.era and other is None:
        return None  # a bare Western number alone (2030) is not a date
    try:
        point = Point(year, unit or "fy", token.month, token.day, era)
        point.first()
    except ValueError:
        return None
    return point


_KANJI = {c: n for n, c in enumerate("一二三四五六七八九十", 1)}
_NUMBER = r"([0-9]{1,2}|[一二三四五六七八九十])"
_YEARS = r"\s*(?:年間|か年|カ年|ヵ年|ヶ年|ケ年|箇年)"


def _number(text: str) -> int:
    return _KANJI[text] if text in _KANJI else int(text)


def _length(norm: str, start: int, end: int) -> tuple[int | None, int, int]:
    """A length (N年間, 五か年) just before the range (5年間(…)) or just after it (…までの5年間)."""
    lead = max(0, start - 10)
    before = re.search(rf"{_NUMBER}{_YEARS}\s*[(:]?\s*$", norm[lead:start])
    if before:
        return _number(before.group(1)), lead + before.start(), end
    after = re.match(
        rf"\s*\)?\s*(?:まで)?\s*(?:の|と|から|からの)?\s*{_NUMBER}{_YEARS}", norm[end : end + 20]
    )
    if after:
        return _number(after.group(1)), start, end + after.end()
    return None, start, end


def _agrees(years: int, begin: Point, until: Point) -> bool:
    """The range covers ``years`` years, give or take half a year (令和6年4月から令和11年3月まで
    is 5 years; 2022年1月~2026年3月 is read as 4)."""
    covered = ((until.last() - begin.first()).days + 1) / 365.25
    return abs(covered - years) < 0.5


def ranges(norm: str) -> list[Range]:
    """Every period written in ``norm`` (NFKC text), in order: full ranges, open ends, ends
    only (…まで), and starts completed by a stated length."""
    toks = tokens(norm)
    out: list[Range] = []
    used: set[int] = set()
    for index, left in enumerate(toks):
        if index in used:
            continue
        sep = _SEP.match(norm, left.end)
        right = toks[index + 1] if index + 1 < len(toks) else None
        if sep and sep.group(1) == "ー" and not norm[left.end - 1].isdigit():
            sep = None  # ー joins two dates only between digits (令和5ー令和8), not after 年度
        if sep and right is not None and right.start == sep.end():
            begin, until = _point(left, right, False), _point(right, left, True)
            if begin is not None and until is not None and until.last() >= begin.first():
                stop = right.end
                tail = _UNTIL.match(norm, stop)
                stop = tail.end() if tail else stop
                used.add(index + 1)
                out.append(_with_length(norm, begin, until, left.start, stop))
                continue
        if left.year is None:
            continue
        point = _point(left, None, False)
        if point is None:
            continue
        # A start with から (を初年度とし) and, later in the sentence, an end with まで.
        marked = _START.match(norm, left.end)
        if marked or (sep and sep.group(1) in ("から", "より")):
            after_start = marked.end() if marked else sep.end() if sep else left.end
            sentence_end = _sentence_end(norm, after_start)
            later = [
                (j, t)
                for j, t in enumerate(toks[index + 1 : index + 1 + LOOKAHEAD], index + 1)
                if t.end <= sentence_end and t.year is not None and _UNTIL.match(norm, t.end)
            ]
            if later:
                j, t = later[0]
                until = _point(t, left, True)
                if until is not None and until.last() >= point.first():
                    used.add(j)
                    closing = _UNTIL.match(norm, t.end)
                    assert closing is not None
                    out.append(_with_length(norm, point, until, left.start, closing.end()))
                    continue
        years, _, lend = _length(norm, left.start, left.end)
        if sep and sep.group(1) in ("から", "より", "~", "〜", "～") and years is None:
            years, _, lend = _length(norm, left.start, sep.end())
        if years is None and marked:
            years, _, lend = _length(norm, left.start, marked.end())
            sep = marked if years else sep
        if years and sep and point.unit in ("fy", "y") and point.year + years <= dates.MAX_YEAR:
            # 令和6年度から3年間 / 2023年度からの4年間: the end the length states
            until = Point(point.year + years - 1, point.unit, 0, 0, point.era)
            out.append(Range(point, until, left.start, max(lend, sep.end()), years, True))
            continue
        if _OPEN.match(norm, left.end) and sep and sep.group(1) != "ー":
            out.append(Range(point, None, left.start, sep.end()))
            continue
        tail = _UNTIL.match(norm, left.end)
        if tail:
            out.append(Range(None, point, left.start, tail.end()))
    return out


def _with_length(norm: str, begin: Point, until: Point, start: int, end: int) -> Range:
    years, lstart, lend = _length(norm, start, end)
    agrees = None if years is None else _agrees(years, begin, until)
    return Range(begin, until, min(start, lstart), max(end, lend), years, agrees)


def _sentence_end(norm: str, at: int) -> int:
    """Where the sentence that goes on at ``at`` ends (at most SENTENCE characters on)."""
    limit = min(len(norm), at + SENTENCE)
    stop = [i for i in (norm.find("。", at, limit), norm.find("\n", at, limit)) if i >= 0]
    return min(stop) if stop else limit
