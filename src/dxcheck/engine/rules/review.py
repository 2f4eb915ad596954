"""Review rules (DRF): entries written by ``dxcheck draft`` that nobody has confirmed yet.

``dxcheck draft`` marks every entry it extracts with ``cite.draft`` (the cue that produced it).
A person compares the entry with the quoted sentence, corrects it, and deletes the ``draft``
line; until then each entry is reported here at info level, at its own line.
"""

from __future__ import annotations

from collections.abc import Iterator

from dxcheck.engine.context import Context
from dxcheck.engine.findings import Draft
from dxcheck.engine.registry import Example, rule
from dxcheck.models import Citation, walk

Loc = tuple[str | int, ...]


def drafted_citations(plan: object) -> Iterator[tuple[Loc, Citation]]:
    """Every citation in a plan that still carries a ``draft`` cue, with the location of that
    cue."""
    for loc, value in walk(plan):
        if isinstance(value, Citation) and value.draft is not None:
            yield (*loc, "draft"), value


@rule(
    id="DRF001",
    family="review",
    severity="info",
    title=("未確認の下書き項目", "Unreviewed drafted entry"),
    rationale=(
        "dxcheck draft が文書から抜き出した項目は、人が原文（cite の quote とページ）と照らして"
        "確認するまで下書きです。確認・修正したら cite の draft 行を削除してください。",
        "Entries extracted by dxcheck draft stay drafts until a person has compared them with "
        "the quoted sentence and page; after confirming or correcting one, delete its "
        "cite.draft line.",
    ),
    examples=(
        Example("確認済み（draft 行なし）", "{}", False),
        Example(
            "未確認の取組",
            "initiatives: [{id: a, title: 標準化, national_items: [standardization],"
            " commitment: implement, cite: {section: 第3章, page: 9, quote: 標準化を進めます,"
            " draft: keyword 標準化 in 第3章 p.9}}]",
            True,
        ),
    ),
)
def unreviewed(ctx: Context) -> Iterator[Draft]:
    for loc, cite in drafted_citations(ctx.plan):
        yield Draft(
            loc,
            f"未確認の下書きです（{cite.draft}）。原文と照らして確認したら draft 行を削除してください",
            f"unreviewed draft ({cite.draft}); delete the draft line once confirmed",
        )
