"""Deadline rules (DL): national deadlines, the plan's own targets and its period."""

from __future__ import annotations

from collections.abc import Iterator

from dxcheck.dates import format_ja
from dxcheck.engine.context import Context
from dxcheck.engine.findings import Draft
from dxcheck.engine.registry import Example, rule
from dxcheck.models import Initiative


def _done(initiative: Initiative) -> bool:
    return any(p.status in ("done", "cancelled") for p in initiative.progress)


@rule(
    id="DL001",
    family="deadlines",
    severity="error",
    title=("国の期限より遅い目標", "Target later than the national deadline"),
    rationale=(
        "国の計画は項目ごとに期限を定めています（例: 標準準拠システムへの移行は令和7年度末）。"
        "それより遅い目標は国の期限に間に合わないことを意味します。",
        "The national plan sets deadlines per item (e.g. standard systems by 令和7年度末, "
        "2026-03-31); a later target means the national deadline will be missed.",
    ),
    examples=(
        Example("標準化の目標が令和7年度末", "{}", False),
        Example(
            "標準化の目標が令和8年度",
            "initiatives: [{id: std, title: 標準化, national_items: [standardization],"
            " commitment: implement, target: 令和8年度, cite: {section: s}}]",
            True,
        ),
        Example(
            "カードの普及促進を国の到達目標（令和4年度末）の後も続ける",
            "initiatives: [{id: card, title: カード普及, national_items: [mynumber_card],"
            " commitment: implement, target: 令和7年度末, cite: {section: s}}]",
            False,
        ),
    ),
)
def later_than_national(ctx: Context) -> Iterator[Draft]:
    for index, initiative in enumerate(ctx.plan.initiatives):
        if initiative.target is None or initiative.commitment == "context":
            continue
        for item_id in initiative.national_items:
            deadline = ctx.deadline(item_id, goals=False)
            if deadline is not None and initiative.target.start > deadline:
                yield Draft(
                    ("initiatives", index, "target"),
                    f"目標「{initiative.target.text}」が国の期限（{format_ja(deadline)}）より後です",
                    f"target '{initiative.target.text}' is after the national deadline "
                    f"{deadline.isoformat()}",
                    item_id,
                )
    facts = ctx.plan.facts.standardization
    deadline = ctx.deadline("standardization")
    if (
        facts is not None
        and facts.target is not None
        and deadline is not None
        and facts.target.start > deadline
    ):
        yield Draft(
            ("facts", "standardization", "target"),
            f"標準化の目標「{facts.target.text}」が国の期限（{format_ja(deadline)}）より後です",
            f"standardisation target '{facts.target.text}' is after {deadline.isoformat()}",
            "standardization",
        )


@rule(
    id="DL002",
    family="deadlines",
    severity="warning",
    title=("国の期限を過ぎて実績の記録なし", "National deadline passed with no recorded result"),
    rationale=(
        "基準日に国の期限を過ぎた項目は、達成したかどうかを計画（または進捗管理）に記録すべきです。"
        "記録がなければ、遅れているのか完了したのかが分かりません。",
        "Once a national deadline has passed, the plan (or its progress record) should say "
        "whether it was met; otherwise nobody can tell done from late.",
    ),
    examples=(
        Example("期限前", "{}", False, as_of="2023-01-01"),
        Example("標準化の期限後に実績なし", "{}", True, as_of="2026-11-23"),
    ),
)
def passed_without_result(ctx: Context) -> Iterator[Draft]:
    for index, initiative in enumerate(ctx.plan.initiatives):
        if initiative.commitment == "context" or _done(initiative):
            continue
        for item_id in initiative.national_items:
            deadline = ctx.deadline(item_id)
            if deadline is not None and deadline < ctx.as_of:
                # an outcome goal (card coverage) is a 目標, not a 期限 of the municipality
                goal = ctx.deadline(item_id, goals=False) != deadline
                kind_ja, kind_en = ("目標", "goal") if goal else ("期限", "deadline")
                yield Draft(
                    ("initiatives", index),
                    f"国の{kind_ja}（{format_ja(deadline)}）を過ぎていますが、「{initiative.title}」の"
                    "実績（progress）が記録されていません",
                    f"the national {kind_en} {deadline.isoformat()} has passed but no result of "
                    f"'{initiative.title}' is recorded",
                    item_id,
                )


@rule(
    id="DL003",
    family="deadlines",
    severity="warning",
    title=("計画期間の終了", "Plan period has ended"),
    rationale=(
        "計画期間が終わった計画は、次期計画の策定か期間の延長が必要です。国の計画も改定されています。",
        "A plan whose period has ended needs a successor or an extension; the national plan "
        "has been revised meanwhile.",
    ),
    examples=(
        Example("期間中", "{}", False, as_of="2025-06-01"),
        Example("期間終了後", "{}", True, as_of="2026-11-23"),
    ),
)
def period_ended(ctx: Context) -> Iterator[Draft]:
    end = ctx.plan.period.end
    if end is not None and end.end < ctx.as_of:
        yield Draft(
            ("period", "end"),
            f"計画期間は{format_ja(end.end)}（{end.text}）に終了しています。次期計画の策定が必要です",
            f"the plan period ended on {end.end.isoformat()} ({end.text}); a successor is due",
        )


@rule(
    id="DL004",
    family="deadlines",
    severity="warning",
    title=("計画期間の記載なし", "Plan period not stated"),
    rationale=(
        "期間のない計画は、いつ見直すか、いつまでに何をするかを示せません。",
        "Without a period a plan cannot say when it is reviewed or by when it delivers.",
    ),
    examples=(
        Example("期間あり", "{}", False),
        Example("期間の記載なし", "period: {not_stated: true}", True),
    ),
)
def period_not_stated(ctx: Context) -> Iterator[Draft]:
    period = ctx.plan.period
    if period.not_stated:
        yield Draft(
            ("period",),
            "計画期間が記載されていません",
            "the plan states no period",
        )
    elif period.end is None:
        yield Draft(
            ("period",), "計画期間の終わりが記載されていません", "the plan period has no end"
        )


@rule(
    id="DL005",
    family="deadlines",
    severity="info",
    title=("自らの目標時期を過ぎて実績の記録なし", "Own target passed with no recorded result"),
    rationale=(
        "計画自身が定めた目標時期を過ぎた取組は、結果を記録すると次の計画に活かせます。",
        "Recording the result of an initiative whose own target has passed feeds the next plan.",
    ),
    examples=(
        Example("目標前", "{}", False, as_of="2025-06-01"),
        Example("目標後", "{}", True, as_of="2026-11-23"),
    ),
)
def own_target_passed(ctx: Context) -> Iterator[Draft]:
    for index, initiative in enumerate(ctx.plan.initiatives):
        if initiative.commitment == "context" or initiative.target is None or _done(initiative):
            continue
        if initiative.target.end < ctx.as_of:
            yield Draft(
                ("initiatives", index, "target"),
                f"「{initiative.title}」の目標時期（{initiative.target.text}）を過ぎていますが、"
                "実績が記録されていません",
                f"the target '{initiative.target.text}' of '{initiative.title}' has passed with "
                "no recorded result",
                initiative.national_items[0] if initiative.national_items else None,
            )
