"""Deadline rules (DL): national deadlines, the plan's own targets and its period."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from dxcheck.dates import Span, format_ja
from dxcheck.engine.context import Context
from dxcheck.engine.findings import Draft
from dxcheck.engine.registry import Example, rule

if TYPE_CHECKING:
    from dxcheck.models import Initiative


def _migration_recorded(ctx: Context) -> bool:
    facts = ctx.plan.facts.standardization
    return facts is not None and bool(facts.progress)


def _done(initiative: Initiative) -> bool:
    """A result is on record: done, cancelled, or how far it got (一部完了・実施中・未着手 …)."""
    return bool(initiative.progress)


_STD_SM = (
    "facts: {standardization: {systems: [住民基本台帳], target: 令和7年度末,"
    " specific_migration: [{systems: [児童手当], target: %s, cite: {section: s}}],"
    " cite: {section: s}}}"
)


@rule(
    id="DL001",
    family="deadlines",
    severity="error",
    title=("国の期限・目標より遅い目標", "Target later than the national deadline or goal"),
    rationale=(
        "国の計画は項目ごとに期限（「までに」「期限」）や目標時期（「目指す」）を示しています（例: "
        "標準準拠システムへの移行は原則令和7年度末、特定移行支援システムは概ね令和12年度末）。"
        "それより遅い自らの目標は国の期限に間に合わないことを意味します。期限（公式の出典あり）"
        "より遅ければエラー、目標（目指す）より遅ければ警告です。国全体の到達目標（カードの普及など）"
        "は自治体の取組の期限ではないので対象外です。",
        "The national plan sets deadlines (までに, 期限) and goals (目指す) per item (e.g. "
        "standard systems in principle by 令和7年度末, 特定移行支援システム by about 令和12年度末). "
        "A later target of the plan means the national date will be missed: an error against a "
        "deadline with an official source, a warning against a goal. National outcomes (card "
        "coverage) are not deadlines of municipal measures and are not checked.",
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
        Example(
            "セキュリティ方針の目標が令和8年度（年度末は国の期限 2026-04-01 より後）",
            "initiatives: [{id: sec, title: セキュリティポリシー, national_items: [security],"
            " commitment: implement, target: 令和8年度, cite: {section: s}}]",
            True,
        ),
        Example(
            "セキュリティ方針の目標が令和7年度（年度末が国の期限の前日）",
            "initiatives: [{id: sec, title: セキュリティポリシー, national_items: [security],"
            " commitment: implement, target: 令和7年度, cite: {section: s}}]",
            False,
        ),
        Example("特定移行支援システムの移行目標が令和10年度", _STD_SM % "令和10年度", False),
        Example("特定移行支援システムの移行目標が令和14年度", _STD_SM % "令和14年度", True),
    ),
)
def later_than_national(ctx: Context) -> Iterator[Draft]:
    for index, initiative in enumerate(ctx.plan.initiatives):
        if initiative.target is None or initiative.commitment == "context":
            continue
        for item_id in initiative.national_items:
            # A 標準化 initiative of a plan that declares 特定移行支援システム may run to their
            # national date; without such systems it is held to the date for all.
            scope = (
                "specific_migration"
                if item_id == "standardization" and ctx.has_specific_migration
                else "all"
            )
            draft = _later(ctx, item_id, scope, initiative.target, ("initiatives", index, "target"))
            if draft is not None:
                yield draft
    facts = ctx.plan.facts.standardization
    if facts is None:
        return
    if facts.target is not None:
        draft = _later(
            ctx, "standardization", "all", facts.target, ("facts", "standardization", "target")
        )
        if draft is not None:
            yield draft
    for index, group in enumerate(facts.specific_migration):
        if group.target is None:
            continue
        loc = ("facts", "standardization", "specific_migration", index, "target")
        draft = _later(ctx, "standardization", "specific_migration", group.target, loc)
        if draft is not None:
            yield draft


def _later(
    ctx: Context, item_id: str, scope: str, target: Span, loc: tuple[str | int, ...]
) -> Draft | None:
    """A finding when ``target`` may end after a national deadline or goal of the item (the
    strongest such: deadlines before goals, then the earliest). A target is a span the plan
    promises to finish *within*: 「令和8年度」 means by 2027-03-31 at the latest, so it misses a
    deadline of 2026-04-01 as surely as 「令和8年5月」 does."""
    missed = [
        t
        for t in ctx.targets(item_id, scope)
        if t.kind in ("deadline", "goal") and t.deadline is not None and target.end > t.deadline
    ]
    if not missed:
        return None
    national = min(missed, key=lambda t: (t.kind != "deadline", t.deadline))
    assert national.deadline is not None
    # the catalog's own words for the date, then the date itself when they say something else
    # (「令和7年度末、令和8年3月31日」), never the same date twice
    when = format_ja(national.deadline)
    if national.deadline_text and national.deadline_text != when:
        when = f"{national.deadline_text}、{when}"
    # a target of a year or a month is met only by its last day: say which day that is
    by_ja = f"（{format_ja(target.end)}まで）" if target.start != target.end else ""
    by_en = f" (by {target.end.isoformat()})" if target.start != target.end else ""
    subject_ja = "特定移行支援システムの" if scope == "specific_migration" else ""
    subject_en = "specific-migration " if scope == "specific_migration" else ""
    if national.kind == "deadline":
        return Draft(
            loc,
            f"{subject_ja}目標「{target.text}」{by_ja}が国の期限（{when}）より後です: {national.description_ja}",
            f"{subject_en}target '{target.text}'{by_en} is after the national deadline "
            f"{national.deadline.isoformat()}: {national.description_en}",
            item_id,
            basis=national.citation,
        )
    return Draft(
        loc,
        f"{subject_ja}目標「{target.text}」{by_ja}が国の目標時期（{when}）より後です"
        f"（期限ではなく目標）: {national.description_ja}",
        f"{subject_en}target '{target.text}'{by_en} is after the national goal "
        f"{national.deadline.isoformat()} ({national.description_en}; a goal, not a deadline)",
        item_id,
        "warning",
        basis=national.citation,
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
            if item_id == "standardization" and _migration_recorded(ctx):
                continue  # facts.standardization.progress says where the migration stands
            passed = [
                t for t in ctx.targets(item_id) if t.deadline is not None and t.deadline < ctx.as_of
            ]
            if passed:
                national = min(passed, key=lambda t: (t.deadline, t.kind != "deadline"))
                deadline = national.deadline
                assert deadline is not None
                # a goal (目指す) or a national outcome (card coverage) is a 目標, not a 期限
                goal = national.kind != "deadline"
                kind_ja, kind_en = ("目標", "goal") if goal else ("期限", "deadline")
                yield Draft(
                    ("initiatives", index),
                    f"国の{kind_ja}（{format_ja(deadline)}: {national.description_ja}）を過ぎていますが、"
                    f"「{initiative.title}」の実績（progress）が記録されていません",
                    f"the national {kind_en} {deadline.isoformat()} ({national.description_en}) "
                    f"has passed but no result of '{initiative.title}' is recorded",
                    item_id,
                    basis=national.citation,
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
        Example("期間の記載なし", "period: {not_stated: true}", True, severity="warning"),
        Example(
            "ビジョンに期間の記載なし: 情報",
            "period: {not_stated: true}\ndocument: {title: DXビジョン, kind: vision,"
            " status: adopted, adopted: 令和5年3月, source: {file: v.pdf}}",
            True,
            severity="info",
        ),
    ),
    by_kind={"vision": "info", "proposal": "info"},
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
