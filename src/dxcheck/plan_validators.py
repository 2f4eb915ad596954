"""The functions the plan schema calls while it validates, free of pydantic's model machinery.

:mod:`dxcheck.models` declares the plan classes; the checks a type annotation cannot say (a
和暦 date, a code's check digit, a known item id, "give start/end or not_stated") live here.
They import only :mod:`pydantic_core` (for its error type) and dxcheck's own light modules,
and the shipped core schema (:mod:`dxcheck.core_schemas`) names them, so validation at run
time never imports pydantic.
"""

from __future__ import annotations

import datetime
from typing import Any

from pydantic_core import PydanticCustomError
from pydantic_core.core_schema import ValidationInfo

from dxcheck import dates
from dxcheck.codes import check_digit, check_digit_ok


def parse_date(value: Any) -> dates.Span:
    """A date as plans write it (和暦, 年度, 西暦, ranges; full-width digits) → Span."""
    if isinstance(value, dates.Span):
        return value
    if isinstance(value, bool) or not isinstance(value, str | datetime.date):
        raise PydanticCustomError(
            "jp_date_type",
            "日付は文字列で書いてください（例: 令和7年度末, 令和5年4月1日, 2023-04-01）",
            {"en": "a date must be text (e.g. 令和7年度末, 令和5年4月1日, 2023-04-01)"},
        )
    try:
        return dates.parse(value)
    except dates.DateParseError as exc:
        raise PydanticCustomError(
            "jp_date",
            "日付として読めません: {ja}",
            {"ja": str(exc), "en": f"not a valid date: {exc.message_en}"},
        ) from None


def date_text(span: dates.Span) -> str:
    """A date is written back as the plan wrote it."""
    return span.text


def municipality_code(value: Any) -> str:
    """全国地方公共団体コード: text of six digits whose check digit is right."""
    import re

    if not isinstance(value, str):
        raise PydanticCustomError(
            "string_type", "文字列で書いてください", {"en": "Input should be a valid string"}
        )
    if not re.fullmatch(r"[0-9]{6}", value):
        raise PydanticCustomError(
            "municipality_code_format",
            '全国地方公共団体コードは6桁の数字です（例: "044016"）',
            {"en": 'a local government code is 6 digits (e.g. "044016")'},
        )
    if not check_digit_ok(value):
        raise PydanticCustomError(
            "municipality_code",
            "全国地方公共団体コード {code} の検査数字が合いません（6桁目は {expected} のはず）",
            {
                "code": value,
                "expected": str(check_digit(value[:5])),
                "en": f"check digit of local government code {value} is wrong",
            },
        )
    return value


ITEM_IDS_CONTEXT = "item_ids"
"""The key of pydantic's validation context that holds the national item ids known besides
the bundled catalogs' (those of a catalog file given with ``--catalog``), a frozenset."""


def known_item(value: str, info: ValidationInfo) -> str:
    """An id of a national item of some catalog version (with "did you mean"): a bundled
    catalog's, or one of the ids in the validation context (:data:`ITEM_IDS_CONTEXT`)."""
    from dxcheck.vocabulary import ITEM_IDS

    if value in ITEM_IDS:
        return value
    context = info.context
    extra: frozenset[str] = context.get(ITEM_IDS_CONTEXT, frozenset()) if context else frozenset()
    if value in extra:
        return value
    import difflib

    near = difflib.get_close_matches(value, sorted(ITEM_IDS | extra), n=1, cutoff=0.6)
    raise PydanticCustomError(
        "unknown_item",
        "不明な国の項目ID `{value}` です{hint}（dxcheck catalog で一覧）",
        {
            "value": value,
            "hint": f"。`{near[0]}` のことですか？" if near else "",
            "en": f"unknown national item id '{value}'"
            + (f"; did you mean '{near[0]}'?" if near else "")
            + " (see dxcheck catalog)",
        },
    )


# -- checks of a whole mapping (pydantic "after" model validators) -------------------------


def source_file_or_url(self: Any) -> Any:
    """The source document is named by its file name or its URL."""
    if not self.file and not self.url:
        raise PydanticCustomError(
            "source_missing",
            "出典のファイル名（file）かURL（url）のどちらかを書いてください",
            {"en": "give the source document's file name (file) or URL (url)"},
        )
    return self


def period_stated_or_not(self: Any) -> Any:
    """A period gives start/end with a citation, or says not_stated; it does not end before
    it starts."""
    start: dates.Span | None = self.start
    end: dates.Span | None = self.end
    if self.not_stated:
        if start is not None or end is not None:
            raise PydanticCustomError(
                "period_conflict",
                "not_stated: true と start/end は同時に書けません",
                {"en": "not_stated: true conflicts with start/end"},
            )
    elif start is None and end is None:
        raise PydanticCustomError(
            "period_missing",
            "計画期間の start/end を書くか、記載がなければ not_stated: true と書いてください",
            {"en": "give start/end, or not_stated: true when the document states no period"},
        )
    elif self.cite is None:
        raise PydanticCustomError(
            "cite_missing",
            "計画期間の出典（cite）を書いてください",
            {"en": "cite where the document states its period"},
        )
    if start is not None and end is not None and end.end < start.start:
        raise PydanticCustomError(
            "period_order",
            "計画期間の終わり（{end}）が始まり（{start}）より前です",
            {"start": start.text, "end": end.text, "en": "period ends before start"},
        )
    return self


def _stated(self: Any, **fields: object) -> None:
    """A fact gives its fields and a citation, or says not_stated."""
    if self.not_stated:
        return
    cite = self.cite
    missing = [name for name, value in fields.items() if not value]
    if missing or cite is None:
        names = ", ".join([*missing, *([] if cite else ["cite"])])
        raise PydanticCustomError(
            "stated_missing",
            "{names} を書くか、記載がなければ not_stated: true と書いてください",
            {"names": names, "en": f"give {names}, or not_stated: true"},
        )


def role_stated(self: Any) -> Any:
    """A post (CIO, CIO補佐官) names its holder, or says not_stated."""
    _stated(self, holder=self.holder)
    return self


def body_stated(self: Any) -> Any:
    """A body (推進本部, a working group) gives its name, or says not_stated."""
    _stated(self, name=self.name)
    return self
