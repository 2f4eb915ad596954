"""The overview of many plans (``report -o FOLDER``): what the index page and the prefecture
pages say, decided here from one small row per plan file; the templates only lay it out.

- Each municipality counts once. When several files describe the same municipality (an old and
  a new version, a 概要版 beside its full plan, a 策定提案 beside the adopted plan), the overview
  uses one of them (:func:`choose`: an adopted document before a draft or a proposal, a full
  plan before a 概要版 before a 策定提案, the newest adoption date first) and lists the others,
  a 概要版 linked to the full plan it summarises.
- The national table: per prefecture, the municipalities of the bundled code table, those with
  a plan and those without, plans whose period has ended at the as-of date, and per national
  item the shares of ○ / △ / × among the prefecture's plans.
- The map colours each prefecture by the share of ○ of one item (chosen on the page) or of all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from dxcheck.render.japan_map import BANDS, band, outlines

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog
    from dxcheck.render.report_model import PlanView


class IndexRow(TypedDict):
    """What the overview keeps of one plan file (:func:`overview_row`), sent back by a worker."""

    slug: str
    page: str
    path: str
    valid: bool
    name: str
    code: str
    prefecture: str
    title: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    adopted: str
    period: str
    period_end: str
    period_state: str
    source_file: str
    full_title: str
    full_file: str
    cells: str  # one letter per catalog item: c(overed), p(artial), m(issing)
    missing: int
    partial: int
    # set by the overview: the full plan a 概要版 summarises; the municipality's other files
    summarises: NotRequired[IndexRow | None]
    others: NotRequired[list[IndexRow]]


_LETTER = {"covered": "c", "partial": "p", "missing": "m"}
STATUS_OF = {letter: status for status, letter in _LETTER.items()}
# a full document before its 概要版, before a proposal to adopt one
KIND_RANK = {"plan": 0, "policy": 0, "vision": 0, "other": 0, "summary": 1, "proposal": 2}

LABELS: dict[str, dict[str, str]] = {
    "ja": {
        "national": "都道府県 × 国の項目",
        "national_note": "各項目の数字は、その都道府県の計画のうち ○ 充足・△ 一部・× 記載なしの割合（%）です。"
        "色は ○ の割合。計画のない団体は、同梱の全国地方公共団体コード表の団体（都道府県と市区町村）のうち"
        "計画ファイルのないものです。",
        "bodies": "団体数",
        "with_plan": "計画数",
        "without_plan": "計画なし",
        "ended_count": "期間終了",
        "not_adopted": "策定済の計画以外",
        "mean": "全項目の平均",
        "total": "全国",
        "map": "充足状況の地図",
        "map_note": "項目を選ぶと、その項目を ○ 充足とする計画の割合で色分けします。都道府県を選ぶとその都道府県のページを開きます。",
        "share": "○ 充足の割合",
        "no_plan": "計画なし",
        "pref_page": "団体ごとの一覧",
        "back": "全国の概要へ",
        "files": "計画ファイル",
        "without_list": "計画のない団体",
        "others": "同じ団体のほかの文書",
        "others_note": "同じ団体の文書が複数あるときは、策定済 → 案 → 提案段階、本編 → 概要版 → 策定提案、策定日の新しい順で 1 件を集計に使い、ほかはここに挙げます。",
        "used": "集計に使った文書",
        "not_used": "集計に使っていない文書",
        "more": "ほか {n} 件",
        "summary_of": "概要版。本編:",
        "older": "より古い版",
        "period_state_ended": "終了",
        "period_state_in": "期間中",
        "period_state_before": "開始前",
        "period_state_": "記載なし",
        "item_counts": "項目別の集計（計画数）",
        "heat_note": "策定済の計画（本編）でない文書（策定提案・案・概要版）と、基準日に計画期間が終わっている計画（終了）は、その欄を色付きの太字で示します。",
    },
    "en": {
        "national": "Prefectures × national items",
        "national_note": "Per item: the shares (%) of the prefecture's plans that cover it (○), partly (△) or not (×); "
        "the colour is the share of ○. Municipalities without a plan are those of the bundled table of local "
        "government codes (the prefecture and its municipalities) with no plan file.",
        "bodies": "Governments",
        "with_plan": "Plans",
        "without_plan": "No plan",
        "ended_count": "Period ended",
        "not_adopted": "Not an adopted plan",
        "mean": "All items (mean)",
        "total": "Japan",
        "map": "Coverage map",
        "map_note": "Choose an item to colour the prefectures by the share of plans that cover it; choose a prefecture to open its page.",
        "share": "share of ○ covered",
        "no_plan": "no plan",
        "pref_page": "Municipalities",
        "back": "Back to the national overview",
        "files": "Plan files",
        "without_list": "Governments without a plan",
        "others": "Other documents of the same government",
        "others_note": "When a government has several documents, one is counted (adopted before draft before proposal; full plan before summary before proposal; newest adoption first); the others are listed here.",
        "used": "Counted",
        "not_used": "Not counted",
        "more": "{n} more",
        "summary_of": "Summary of:",
        "older": "older version",
        "period_state_ended": "ended",
        "period_state_in": "in period",
        "period_state_before": "not started",
        "period_state_": "not stated",
        "item_counts": "Counts per item (plans)",
        "heat_note": "Documents that are not an adopted full plan (proposals, drafts, summaries) and plans whose period has ended are shown in coloured bold.",
    },
}


def overview_row(view: PlanView, page: str) -> IndexRow:
    """What the overview keeps of one plan file (a few hundred bytes, sent back by a worker):
    what the document is, its period, and its statuses as one letter per catalog item."""
    full = view.full_document or {}
    return {
        "slug": view.slug,
        "page": page,
        "path": view.path,
        "valid": view.valid,
        "name": view.name,
        "code": view.code,
        "prefecture": view.prefecture,
        "title": view.title,
        "kind": view.kind_id,
        "kind_label": view.kind,
        "status": view.status_id,
        "status_label": view.status,
        "adopted": view.adopted,
        "period": view.period_short,
        "period_end": view.period_end,
        "period_state": view.period_state,
        "source_file": view.source_file,
        "full_title": full.get("title", ""),
        "full_file": full.get("file", ""),
        "cells": "".join(_LETTER[row["status"]] for row in view.coverage),
        "missing": view.counts.get("missing", 0),
        "partial": view.counts.get("partial", 0),
    }


def rank(row: IndexRow) -> tuple[bool, int, int, str]:
    """Sort key of the documents of one municipality: the one to count comes first (no
    adoption date sorts after every date)."""
    adopted = row["adopted"]
    newest_first = -datetime.date.fromisoformat(adopted).toordinal() if adopted else 1
    return (row["status"] != "adopted", KIND_RANK.get(row["kind"], 0), newest_first, row["path"])


def choose(rows: list[IndexRow]) -> tuple[IndexRow, list[IndexRow]]:
    """The document the overview counts for one municipality, and the others (each with a
    ``note``: the full plan a 概要版 summarises, or why it was not counted)."""
    ordered = sorted(rows, key=rank)
    used, others = ordered[0], ordered[1:]
    for other in others:
        other["summarises"] = _full_plan_of(other, ordered)
    return used, others


def _full_plan_of(summary: IndexRow, rows: list[IndexRow]) -> IndexRow | None:
    """The file among ``rows`` that a 概要版 names as its full document (by file or title)."""
    if summary["kind"] != "summary" or not (summary["full_file"] or summary["full_title"]):
        return None
    for row in rows:
        if row is summary:
            continue
        if summary["full_file"] and row["source_file"] == summary["full_file"]:
            return row
        if summary["full_title"] and row["title"] == summary["full_title"]:
            return row
    return None


@dataclass(slots=True)
class _Prefecture:
    key: str
    name: str
    expected: set[str] = field(default_factory=set)  # codes of the table's governments
    names: dict[str, str] = field(default_factory=dict)
    rows: list[IndexRow] = field(default_factory=list)  # one per municipality


def _table() -> dict[str, _Prefecture]:
    """The 47 prefectures of the bundled code table with their governments (the prefecture
    and its 市区町村; not the wards of a 政令指定都市, not the 北方領土 villages)."""
    from dxcheck import codes

    out: dict[str, _Prefecture] = {}
    for gov in codes.table().values():
        if gov.kind == "prefecture":
            out[gov.code[:2]] = _Prefecture(gov.code[:2], gov.name)
    for gov in codes.table().values():
        if gov.kind in ("prefecture", "city"):
            out[gov.code[:2]].expected.add(gov.code)
            out[gov.code[:2]].names[gov.code] = gov.name
    return out


def _percent(part: int, whole: int) -> int:
    return (part * 200 + whole) // (2 * whole)  # rounded half up, in whole per cent


def _rates(rows: list[IndexRow], count: int) -> dict[str, Any]:
    """Per item the shares of ○ △ × among ``rows`` (None without rows), and the mean ○ share."""
    n = len(rows)
    items: list[dict[str, Any]] = []
    for index in range(count):
        col = [row["cells"][index] for row in rows]
        if n:
            c, p, m = col.count("c"), col.count("p"), col.count("m")
            share = {"c": _percent(c, n), "p": _percent(p, n), "m": _percent(m, n)}
            # the band of the share as shown, so that the colour matches the legend
            items.append(share | {"band": band(share["c"]), "count": {"c": c, "p": p, "m": m}})
        else:
            items.append({"c": None, "p": None, "m": None, "band": None, "count": None})
    covered = sum(row["cells"].count("c") for row in rows)
    mean = _percent(covered, n * count) if n and count else None
    return {"items": items, "mean": mean, "mean_band": band(mean)}


def overview(rows: list[IndexRow], catalog: Catalog, lang: str, sort: str) -> dict[str, Any]:
    """The index of many plans and the pages of each prefecture."""
    en = lang == "en"
    items = [
        {
            "id": item.id,
            "title": item.title_en if en else item.title_ja,
            "short": (item.short_en or item.title_en) if en else (item.short_ja or item.title_ja),
        }
        for item in catalog.items
    ]
    valid = [r for r in rows if r["valid"]]
    by_code: dict[str, list[IndexRow]] = {}
    for row in valid:
        by_code.setdefault(row["code"], []).append(row)
    table = _table()
    for code, documents in by_code.items():
        used, others = choose(documents)
        used["others"] = others
        key = code[:2]
        pref = table.get(key)
        if pref is None:  # a code outside the table (validate warns): keep it, under its own name
            pref = table[key] = _Prefecture(key, used["prefecture"])
        pref.rows.append(used)
    groups = []
    for key in sorted(table):
        pref = table[key]
        if sort == "gaps":
            pref.rows.sort(key=lambda r: (-(r["missing"] * 2 + r["partial"]), r["code"]))
        else:
            pref.rows.sort(key=lambda r: r["code"])
        have = {r["code"] for r in pref.rows}
        without = sorted(pref.expected - have)
        groups.append(
            {
                "key": key,
                "name": pref.name,
                "page": f"pref-{key}",
                "rows": pref.rows,
                "bodies": len(pref.expected),
                "plans": len(pref.rows),
                "files": sum(1 + len(r["others"]) for r in pref.rows),
                "without": [{"code": c, "name": pref.names[c]} for c in without],
                "ended": sum(r["period_state"] == "ended" for r in pref.rows),
                "not_adopted": sum(
                    r["status"] != "adopted" or KIND_RANK.get(r["kind"], 0) > 0 for r in pref.rows
                ),
                "duplicates": [r for r in pref.rows if r["others"]],
                **_rates(pref.rows, len(items)),
            }
        )
    present = [g for g in groups if g["plans"]]
    # one prefecture's folder: its table only; more than one: every prefecture, so that the
    # prefectures without any plan show too
    shown = present if len(present) <= 1 else groups
    used_rows = [r for g in present for r in g["rows"]]
    total = {
        "bodies": sum(g["bodies"] for g in shown),
        "plans": len(used_rows),
        "files": len(valid),
        "without": sum(len(g["without"]) for g in shown),
        "ended": sum(g["ended"] for g in shown),
        "not_adopted": sum(g["not_adopted"] for g in shown),
        **_rates(used_rows, len(items)),
    }
    invalid = sorted((r for r in rows if not r["valid"]), key=lambda r: r["path"])
    return {
        "items": items,
        "groups": present,
        "national": shown,
        "total": total,
        "invalid": invalid,
        "plans": len(used_rows),
        "files": len(rows),
        "map": _map(groups, len(items)),
        "bands": BANDS,
    }


def _map(groups: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """Each prefecture's outline with the CSS classes that colour it: ``a<band>`` for the mean
    of all items, ``i<item>b<band>`` per item (``none`` where it has no plan)."""
    by_key = {g["key"]: g for g in groups}
    shapes = []
    for outline in outlines():
        group = by_key.get(outline.key)
        if group is None or not group["plans"]:
            classes = "none"
        else:
            classes = " ".join(
                [f"a{group['mean_band']}"]
                + [f"i{i}b{group['items'][i]['band']}" for i in range(count)]
            )
        shapes.append(
            {
                "key": outline.key,
                "name": outline.name,
                "path": outline.path,
                "classes": classes,
                "page": group["page"] if group is not None and group["plans"] else "",
                "plans": group["plans"] if group is not None else 0,
                "bodies": group["bodies"] if group is not None else 0,
                "mean": group["mean"] if group is not None else None,
            }
        )
    return shapes
