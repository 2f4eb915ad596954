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
    severity="info",
    title=("この版のカタログにない国の項目ID", "National item id not in this catalog version"),
    rationale=(
        "national_items の項目IDは validate が全カタログ版の一覧と照合します（不明なIDはエラー）。"
        "照合に使う版にその項目がなければ（例: 第1.0版にはフロントヤード改革がない）、その取組は"
        "この版の充足には数えられません。",
        "validate checks item ids against every catalog version (unknown ids are errors). An "
        "item the version checked against does not have (第1.0版 has no front-yard reform) "
        "counts for nothing in that version's coverage.",
    ),
    examples=(
        Example("最新版にある項目", "{}", False),
        Example(
            "第1.0版にない項目（フロントヤード改革）",
            "initiatives: [{id: fy, title: 書かない窓口, national_items: [frontyard],"
            " commitment: implement, cite: {section: s}}]",
            True,
            severity="info",
            catalog="1.0",
        ),
    ),
)
def item_not_in_version(ctx: Context) -> Iterator[Draft]:
    for index, initiative in enumerate(ctx.plan.initiatives):
        for position, item_id in enumerate(initiative.national_items):
            if item_id in ctx.items:
                continue
            yield Draft(
                ("initiatives", index, "national_items", position),
                f"項目ID `{item_id}` はカタログ第{ctx.catalog.version}版にはありません"
                "（この版の充足には数えません）",
                f"item id '{item_id}' is not in catalog version {ctx.catalog.version} "
                "(it counts for nothing in this version)",
            )
