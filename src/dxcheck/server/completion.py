"""Completion: what may be written at the cursor, from the catalog and the plan schema.

- `national_items` / `uses` entries and a waiver's `item`: the catalog's item ids, with titles
- `systems` (standardization facts, 特定移行支援システム, progress): the 基幹業務 names
- `commitment`, `kind`, `status`: the values the schema allows, with their meaning
- dates (`start`, `end`, `target`, `adopted`, `expires`, …): the 和暦 forms dxcheck reads
  (令和7年度, 令和7年度末, 令和8年3月, 令和8年3月31日) around the current fiscal year
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dxcheck.server.documents import Place

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog

DATE_KEYS = frozenset(
    {"start", "end", "target", "adopted", "published", "expires", "as_of", "fiscal_year", "date"}
)
ITEM_LISTS = frozenset({"national_items", "uses"})


@dataclass(frozen=True, slots=True)
class Choice:
    """One completion: the text to insert, a short detail, a longer documentation."""

    label: str
    detail: str = ""
    documentation: str = ""
    kind: str = "value"  # value | item | date | business


def _described(description: str | None) -> dict[str, str]:
    """``implement=実施, consider=検討`` (a schema field's description) as a dict."""
    pairs = re.findall(r"([a-z_]+)=([^,]+)", description or "")
    return {key: text.strip() for key, text in pairs}


def _literal_choices(model: str, field: str, labels: dict[str, str] | None = None) -> list[Choice]:
    import dataclasses
    import typing

    from dxcheck import models

    cls = getattr(models, model)
    info = next(f for f in dataclasses.fields(cls) if f.name == field)
    meaning = labels or _described(info.metadata.get("description"))
    annotation = typing.get_type_hints(cls)[field]
    values = _literals(annotation)
    return [Choice(str(v), meaning.get(str(v), "")) for v in values]


def _literals(tp: object) -> list[object]:
    """The values of a Literal (inside an Optional too)."""
    import typing

    if typing.get_origin(tp) is typing.Literal:
        return list(typing.get_args(tp))
    return [v for arg in typing.get_args(tp) for v in _literals(arg)]


def wareki_dates(today: datetime.date) -> list[Choice]:
    """和暦 forms for the fiscal years around ``today`` (年度 starts on 1 April)."""
    fiscal = today.year if today.month >= 4 else today.year - 1
    out: list[Choice] = []
    for year in range(fiscal - 1, fiscal + 6):
        reiwa = year - 2018  # 令和元年度 = FY2019
        era = f"令和{reiwa}" if reiwa > 1 else "令和元"
        end = datetime.date(year + 1, 3, 31)
        next_era = f"令和{reiwa + 1}"
        out += [
            Choice(f"{era}年度", f"{year}-04-01 – {end.isoformat()}", kind="date"),
            Choice(f"{era}年度末", end.isoformat(), kind="date"),
            Choice(f"{next_era}年3月", f"{end.isoformat()}", kind="date"),
            Choice(f"{next_era}年3月31日", end.isoformat(), kind="date"),
        ]
    return out


def choices(place: Place, catalog: Catalog, lang: str, today: datetime.date) -> list[Choice]:
    """The completions at ``place`` (an empty list where dxcheck has nothing to offer)."""
    en = lang == "en"
    keys = place.keys
    last = keys[-1] if keys else ""
    parent = keys[-2] if len(keys) > 1 else ""
    if last in ITEM_LISTS or (last == "item" and "waivers" in keys):
        return [
            Choice(
                item.id,
                item.title_en if en else item.title_ja,
                item.summary_en if en else item.summary_ja,
                kind="item",
            )
            for item in catalog.items
        ]
    if last == "systems":
        return [Choice(name, "基幹業務", kind="business") for name in catalog.core_business]
    if last == "commitment":
        return _literal_choices("Initiative", "commitment")
    if last == "kind" and parent == "document":
        from dxcheck.document_kinds import DOCUMENT_KINDS

        labels = {kind: label[1 if lang == "en" else 0] for kind, label in DOCUMENT_KINDS.items()}
        return _literal_choices("DocumentInfo", "kind", labels)
    if last == "status" and parent == "document":
        from dxcheck.render.report_model import STATUS

        return _literal_choices("DocumentInfo", "status", STATUS[lang])
    if last == "status" and parent == "progress":
        return _literal_choices("Progress", "status")
    if last in DATE_KEYS and not (last == "target" and parent == "kpis"):  # a KPI's is a value
        return wareki_dates(today)
    return []
