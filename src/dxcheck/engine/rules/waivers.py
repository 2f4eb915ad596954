"""Waiver rules (WVR): a waiver is a dated promise, and an expired one is itself a finding."""

from __future__ import annotations

from collections.abc import Iterator

from dxcheck.engine.context import Context
from dxcheck.engine.findings import Draft
from dxcheck.engine.registry import Example, rule


@rule(
    id="WVR001",
    family="waivers",
    severity="warning",
    title=("期限切れの適用除外", "Expired waiver"),
    rationale=(
        "適用除外（waiver）は理由と期限付きの一時的な例外です。期限を過ぎたら、対応するか"
        "理由を付けて更新してください。",
        "A waiver is a temporary, reasoned exception; once expired, fix the finding or renew "
        "the waiver with a reason.",
    ),
    examples=(
        Example(
            "有効な除外",
            "waivers: [{rule: GOV002, reason: 令和7年度に任用予定, expires: 令和9年3月}]",
            False,
        ),
        Example(
            "期限切れの除外",
            "waivers: [{rule: GOV002, reason: 令和7年度に任用予定, expires: 令和6年3月}]",
            True,
        ),
    ),
)
def expired(ctx: Context) -> Iterator[Draft]:
    for index, waiver in enumerate(ctx.plan.waivers):
        if waiver.expires.end < ctx.as_of:
            yield Draft(
                ("waivers", index, "expires"),
                f"{waiver.rule} の適用除外は{waiver.expires.text}で期限切れです（理由: {waiver.reason}）",
                f"the waiver of {waiver.rule} expired on {waiver.expires.end.isoformat()}",
                waiver.item,
            )
    for waiver in ctx.config_waivers:
        if waiver.expires.end < ctx.as_of:
            # not in the plan file: reported at its first line, naming the configuration
            yield Draft(
                (),
                f"設定ファイルの {waiver.rule} の適用除外は{waiver.expires.text}で期限切れです"
                f"（理由: {waiver.reason}）",
                f"the configured waiver of {waiver.rule} expired on "
                f"{waiver.expires.end.isoformat()}",
                waiver.item,
            )
