"""Consistency rules (CON): initiatives that cannot be followed up, and unknown item ids."""

from __future__ import annotations

from collections.abc import Iterator

from dxcheck.engine.context import Context
from dxcheck.engine.findings import Draft
from dxcheck.engine.registry import Example, rule


@rule(
    id="CON001",
    family="consistency",
    severity="info",
    title=("KPIも目標時期もない取組", "Initiative without KPI or target date"),
    rationale=(
        "KPIも目標時期もない取組は、進捗を確認できません（背景としての言及は除く）。",
        "An initiative with neither a KPI nor a target date cannot be followed up "
        "(background mentions excepted).",
    ),
    examples=(
        Example(
            "目標時期あり",
            "initiatives: [{id: std, title: 標準化, national_items: [standardization],"
            " commitment: implement, target: 令和7年度末, cite: {section: s}}]",
            False,
        ),
        Example("目標時期なし（オンライン化）", "{}", True),
    ),
    by_kind={"vision": "info", "summary": "info", "proposal": "info"},
)
def no_kpi_or_target(ctx: Context) -> Iterator[Draft]:
    for index, initiative in enumerate(ctx.plan.initiatives):
        if initiative.commitment == "context" or initiative.kpis or initiative.target:
            continue
        if any(s for s in initiative.schedule):
            continue  # a 年度 schedule dates the initiative
        yield Draft(
            ("initiatives", index),
            f"取組「{initiative.title}」にKPIも目標時期もありません",
            f"initiative '{initiative.title}' has neither a KPI nor a target date",
            initiative.national_items[0] if initiative.national_items else None,
        )


@rule(
    id="CON002",
    family="consistency",
    severity="warning",
    title=("計画期間外の目標", "Target outside the plan period"),
    rationale=(
        "計画期間の外にある目標は、この計画では達成を確認できません。期間か目標の見直しが必要です。",
        "A target outside the plan period cannot be checked by this plan; revise one of them.",
    ),
    examples=(
        Example("期間内の目標", "{}", False),
        Example(
            "期間後の目標",
            "initiatives: [{id: std, title: 標準化, national_items: [standardization],"
            " commitment: implement, target: 令和9年度, cite: {section: s}}]",
            True,
        ),
    ),
)
def target_outside_period(ctx: Context) -> Iterator[Draft]:
    period = ctx.plan.period
    start = period.start.start if period.start else None
    end = period.end.end if period.end else None
    if start is None and end is None:
        return
    for index, initiative in enumerate(ctx.plan.initiatives):
        target = initiative.target
        if target is None or initiative.commitment == "context":
            continue
        if (end is not None and target.start > end) or (start is not None and target.end < start):
            yield Draft(
                ("initiatives", index, "target"),
                f"目標「{target.text}」が計画期間（{_period_text(ctx)}）の外にあります",
                f"target '{target.text}' is outside the plan period ({_period_text(ctx)})",
                initiative.national_items[0] if initiative.national_items else None,
            )


def _period_text(ctx: Context) -> str:
    period = ctx.plan.period
    return f"{period.start.text if period.start else ''}〜{period.end.text if period.end else ''}"


@rule(
    id="CON003",
    family="consistency",
    severity="error",
    title=("不明な国の項目ID", "Unknown national item id"),
    rationale=(
        "national_items にはカタログの項目IDを書きます（dxcheck catalog で一覧）。"
        "綴りの誤りがあると、その取組は国の項目の充足に数えられません。",
        "national_items takes catalog item ids (see dxcheck catalog); a misspelt id means the "
        "initiative counts for no national item.",
    ),
    examples=(
        Example("正しいID", "{}", False),
        Example(
            "綴りの誤り",
            "initiatives: [{id: std, title: 標準化, national_items: [standardisation],"
            " commitment: implement, cite: {section: s}}]",
            True,
        ),
    ),
)
def unknown_item(ctx: Context) -> Iterator[Draft]:
    import difflib

    known = sorted(ctx.items)
    from dxcheck.catalog import available_versions, load_catalog

    ever = {item.id for v in available_versions() for item in load_catalog(v).items}
    for index, initiative in enumerate(ctx.plan.initiatives):
        for position, item_id in enumerate(initiative.national_items):
            if item_id in ctx.items:
                continue
            loc = ("initiatives", index, "national_items", position)
            if item_id in ever:
                yield Draft(
                    loc,
                    f"項目ID `{item_id}` はカタログ第{ctx.catalog.version}版にはありません",
                    f"item id '{item_id}' is not in catalog version {ctx.catalog.version}",
                    None,
                    "info",
                )
                continue
            near = difflib.get_close_matches(item_id, known, n=1, cutoff=0.6)
            hint_ja = f"。`{near[0]}` のことですか？" if near else ""
            hint_en = f"; did you mean '{near[0]}'?" if near else ""
            yield Draft(
                loc,
                f"不明な国の項目ID `{item_id}` です{hint_ja}",
                f"unknown national item id '{item_id}'{hint_en}",
            )
