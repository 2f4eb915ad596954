"""Governance rules (GOV): CIO, CIO補佐官 or outside expertise, and a 推進本部."""

from __future__ import annotations

from collections.abc import Iterator

from dxcheck.engine.context import Context
from dxcheck.engine.findings import Draft
from dxcheck.engine.registry import Example, rule


@rule(
    id="GOV001",
    family="governance",
    severity="warning",
    national_item="org_structure",
    title=("CIOの記載なし", "No CIO"),
    rationale=(
        "国の計画は、首長のリーダーシップの下でCIO（副市町村長など）を任命し、全庁的に推進する"
        "体制を求めています。",
        "The national plan asks for a CIO (e.g. the deputy mayor) leading DX across the "
        "organisation under the mayor.",
    ),
    examples=(
        Example("CIOあり", "{}", False),
        Example(
            "CIOの記載なし",
            "governance: {cio: {not_stated: true}, cio_deputy: {not_stated: true},"
            " headquarters: {name: 本部, cite: {section: s}}}",
            True,
        ),
    ),
    by_kind={"proposal": "info"},
)
def no_cio(ctx: Context) -> Iterator[Draft]:
    if ctx.plan.governance.cio.not_stated:
        yield Draft(
            ("governance", "cio"),
            "CIO（最高情報責任者）が記載されていません" + ctx.summary_note[0],
            "no CIO (chief information officer) is named" + ctx.summary_note[1],
            "org_structure",
        )


@rule(
    id="GOV002",
    family="governance",
    severity="warning",
    national_item="org_structure",
    title=("CIO補佐官・外部人材の記載なし", "No CIO deputy or outside expertise"),
    rationale=(
        "国の計画はCIO補佐官等として外部人材の任用や、地域情報化アドバイザー等の活用を"
        "求めています。",
        "The national plan asks for a CIO deputy, typically outside talent, or the use of "
        "external advisers.",
    ),
    examples=(
        Example("補佐官の記載なし", "{}", True),
        Example(
            "外部アドバイザーを活用",
            "governance: {cio: {holder: 副町長, cite: {section: s}}, cio_deputy: {not_stated:"
            " true}, headquarters: {name: 本部, cite: {section: s}}, external_expertise:"
            " [{role: DXアドバイザー, cite: {section: s}}]}",
            False,
        ),
    ),
    by_kind={"proposal": "info"},
)
def no_expertise(ctx: Context) -> Iterator[Draft]:
    gov = ctx.plan.governance
    if gov.cio_deputy.not_stated and not gov.external_expertise:
        yield Draft(
            ("governance", "cio_deputy"),
            "CIO補佐官も外部人材・アドバイザーの活用も記載されていません" + ctx.summary_note[0],
            "neither a CIO deputy nor outside expertise is named" + ctx.summary_note[1],
            "org_structure",
        )


@rule(
    id="GOV003",
    family="governance",
    severity="warning",
    national_item="org_structure",
    title=("推進本部の記載なし", "No DX headquarters"),
    rationale=(
        "全庁的・横断的な推進のため、首長をトップとする推進本部などの体制が求められています。",
        "Cross-departmental DX needs a headquarters (推進本部), typically chaired by the mayor.",
    ),
    examples=(
        Example("本部あり", "{}", False),
        Example(
            "本部の記載なし",
            "governance: {cio: {holder: 副町長, cite: {section: s}}, cio_deputy: {not_stated:"
            " true}, headquarters: {not_stated: true}}",
            True,
        ),
    ),
    by_kind={"proposal": "info"},
)
def no_headquarters(ctx: Context) -> Iterator[Draft]:
    if ctx.plan.governance.headquarters.not_stated:
        yield Draft(
            ("governance", "headquarters"),
            "全庁的な推進本部が記載されていません" + ctx.summary_note[0],
            "no cross-departmental DX headquarters is named" + ctx.summary_note[1],
            "org_structure",
        )
