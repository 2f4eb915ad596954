"""Japanese dates as planners write them: 和暦, 年度, full-width digits, ranges."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxcheck.dates import DateParseError, era_to_year, fiscal_year_span, format_ja, parse

D = datetime.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("令和7年度末", D(2026, 3, 31), D(2026, 3, 31)),
        ("令和５年度", D(2023, 4, 1), D(2024, 3, 31)),
        ("令和元年度", D(2019, 4, 1), D(2020, 3, 31)),
        ("R5", D(2023, 4, 1), D(2024, 3, 31)),
        ("平成31年4月", D(2019, 4, 1), D(2019, 4, 30)),
        ("令和8年3月", D(2026, 3, 1), D(2026, 3, 31)),
        ("令和6年2月末", D(2024, 2, 29), D(2024, 2, 29)),
        ("令和5年4月1日", D(2023, 4, 1), D(2023, 4, 1)),
        ("令和５（２０２３）年度", D(2023, 4, 1), D(2024, 3, 31)),
        ("2023-04-01", D(2023, 4, 1), D(2023, 4, 1)),
        ("2023/4/1", D(2023, 4, 1), D(2023, 4, 1)),
        ("2025年度", D(2025, 4, 1), D(2026, 3, 31)),
        ("令和7年度上半期", D(2025, 4, 1), D(2025, 9, 30)),
        ("令和7年度下半期", D(2025, 10, 1), D(2026, 3, 31)),
        ("令和5年10月下旬", D(2023, 10, 21), D(2023, 10, 31)),
        ("令和5〜7年度", D(2023, 4, 1), D(2026, 3, 31)),
        ("令和5年度～令和8年度", D(2023, 4, 1), D(2027, 3, 31)),
        ("R6～R7", D(2024, 4, 1), D(2026, 3, 31)),
        ("令和4年4月から令和8年3月まで", D(2022, 4, 1), D(2026, 3, 31)),
        ("令和5年10月〜3月", D(2023, 10, 1), D(2024, 3, 31)),
        ("令和5年4月〜9月", D(2023, 4, 1), D(2023, 9, 30)),
    ],
)
def test_plan_dates_become_day_spans(text: str, start: datetime.date, end: datetime.date) -> None:
    span = parse(text)
    assert (span.start, span.end) == (start, end)
    assert span.text == text
    assert not span.warnings


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("令和0年度", "元年"),
        ("令和5年13月", "13"),
        ("令和5年2月30日", "2月30日"),
        ("令和8年度〜令和5年度", "終わりが始まりより前"),
        ("未定", "not_stated"),
        ("来年度", "来年度"),
        ("令和５（２０２４）年度", "2024"),
    ],
)
def test_impossible_or_unreadable_dates_are_errors(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    assert fragment in str(caught.value)
    assert caught.value.message_en  # an English message exists for --lang en


def test_heisei_after_the_change_of_era_is_read_with_a_warning() -> None:
    span = parse("平成32年度")
    assert span.start == D(2020, 4, 1)
    assert span.warnings and "令和" in span.warnings[0].ja


def test_date_objects_from_yaml_are_accepted() -> None:
    assert parse(D(2024, 3, 31)).end == D(2024, 3, 31)


def test_format_ja_uses_the_era_in_force() -> None:
    assert format_ja(D(2026, 3, 31)) == "令和8年3月31日"
    assert format_ja(D(2019, 5, 1)) == "令和元年5月1日"
    assert format_ja(D(2019, 4, 30)) == "平成31年4月30日"


@given(st.integers(min_value=1, max_value=80), st.booleans())
def test_any_reiwa_fiscal_year_matches_its_western_year(year: int, wide: bool) -> None:
    digits = str(year)
    if wide:
        digits = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    western = era_to_year("令和", year)
    span = parse(f"令和{digits}年度")
    assert (span.start, span.end) == fiscal_year_span(western)
    assert parse(f"{western}年度") == span.__class__(span.start, span.end, f"{western}年度")
    assert parse(f"令和{digits}年度末").start == D(western + 1, 3, 31)


@given(st.dates(min_value=D(2019, 5, 1), max_value=D(2099, 12, 31)))
def test_format_ja_round_trips_through_parse(day: datetime.date) -> None:
    span = parse(format_ja(day))
    assert span.start == span.end == day


@given(
    st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31)),
    st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 12, 31)),
)
def test_iso_ranges_keep_their_order_or_are_refused(a: datetime.date, b: datetime.date) -> None:
    text = f"{a.isoformat()} 〜 {b.isoformat()}"
    if b < a:
        with pytest.raises(DateParseError):
            parse(text)
    else:
        span = parse(text)
        assert (span.start, span.end) == (a, b)


@given(st.text(max_size=30))
def test_arbitrary_text_never_crashes(text: str) -> None:
    try:
        span = parse(text)
    except DateParseError:
        return
    assert span.start <= span.end
