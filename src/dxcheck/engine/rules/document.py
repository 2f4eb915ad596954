"""Document rules (DOC): what kind of document was checked, when that matters to a reviewer."""

from __future__ import annotations

from collections.abc import Iterator

from dxcheck.engine.context import Context
from dxcheck.engine.findings import Draft
from dxcheck.engine.registry import Example, rule


@rule(
    id="DOC001",
    family="document",
    severity="warning",
    title=("策定された計画がない（策定提案）", "No adopted plan yet (a proposal)"),
    rationale=(
        "策定提案（本部会議への提案書など）は計画そのものではありません。国の項目を網羅していない"
        "ことは欠陥ではなく、まだ計画がないことが要点です。この指摘を見出しとし、次の計画で取り上げる"
        "べき国の項目は COV001・COV002 が「情報」として列挙します。",
        "A proposal to draft a plan is not a plan: what a reviewer needs to hear is that no "
        "adopted plan exists yet. The national items the coming plan must address are listed "
        "as info by COV001 and COV002.",
    ),
    examples=(
        Example("策定された計画", "{}", False),
        Example(
            "策定提案",
            "document: {title: DX推進方針の策定について（提案）, kind: proposal, status: proposal,"
            " adopted: 令和3年12月, source: {file: p.pdf}}\nperiod: {not_stated: true}",
            True,
            severity="warning",
        ),
    ),
)
def no_adopted_plan(ctx: Context) -> Iterator[Draft]:
    doc = ctx.plan.document
    if doc.kind != "proposal" and doc.status != "proposal":
        return
    todo = [c for c in ctx.coverage.values() if c.status != "covered"]
    yield Draft(
        ("document", "kind"),
        f"この文書は策定提案で、策定された計画はまだありません。次の計画で取り上げるべき国の項目が"
        f"{len(todo)}件あります（情報として列挙）",
        f"this document is a proposal; no adopted plan exists yet. {len(todo)} national items "
        "remain for the coming plan (listed as info)",
    )
