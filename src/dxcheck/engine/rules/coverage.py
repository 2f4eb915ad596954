"""Coverage rules (COV): is each national item in the plan, and in full scope?"""

from __future__ import annotations

from collections.abc import Iterator

from dxcheck.engine.context import Context
from dxcheck.engine.coverage import missing_core_business, online_shortfall, unmatched_business
from dxcheck.engine.findings import Draft
from dxcheck.engine.registry import Example, rule

_CATEGORY_JA = {
    "priority": "重点取組事項",
    "structure": "推進体制",
    "related": "あわせて取り組むべき事項",
    "other": "その他の取組",
}


def _missing(ctx: Context, categories: set[str]) -> Iterator[Draft]:
    kind = ctx.plan.document.kind
    for item in ctx.catalog.items:
        cov = ctx.coverage[item.id]
        if item.category not in categories or cov.status != "missing":
            continue
        postdates = ctx.item_postdates_plan(item.id)
        note_ja = note_en = ""
        if postdates:
            note_ja = f"（策定時の国の計画 第{ctx.version_at_adoption}版 にはない項目）"
            note_en = f" (not in version {ctx.version_at_adoption} in force at adoption)"
        if cov.evidence:  # named only as background
            note_ja += f"。{cov.reason_ja}で、自らの取組になっていません"
            note_en += f"; {cov.reason_en}, not an initiative of the municipality"
        category = _CATEGORY_JA[item.category]
        loc: tuple[str | int, ...] = cov.evidence[0].loc if cov.evidence else ("initiatives",)
        if kind == "proposal":
            ja = f"次の計画で取り上げるべき国の{category}: 「{item.title_ja}」{note_ja}"
            en = f"the coming plan should address the national item '{item.title_en}'{note_en}"
        elif kind == "summary":
            full = ctx.plan.document.full_document
            where_ja = f"本編「{full.title}」" if full else "本編"
            where_en = f"the full plan '{full.title}'" if full else "the full plan"
            ja = (
                f"概要版には国の{category}「{item.title_ja}」の記載がありません{note_ja}。"
                f"{where_ja}で確認してください"
            )
            en = (
                f"the summary does not mention the national item '{item.title_en}'{note_en}; "
                f"check {where_en}"
            )
        else:
            ja = f"国の{category}「{item.title_ja}」が計画にありません{note_ja}"
            en = f"the national item '{item.title_en}' is not in the plan{note_en}"
        yield Draft(loc, ja, en, item.id, "info" if postdates else None)


@rule(
    id="COV001",
    family="coverage",
    severity="error",
    title=("重点取組事項の欠落", "Priority item missing"),
    rationale=(
        "自治体DX推進計画は重点取組事項をすべての自治体が計画的に取り組むべきものとしています。"
        "計画に取組がなければ、国の支援策や期限に対応できているかを説明できません。",
        "The national plan expects every municipality to act on each priority item; a plan "
        "without it cannot show how the national targets and deadlines are met.",
    ),
    examples=(
        Example(
            "重点取組事項すべてに実施の取組がある",
            "initiatives: [{id: all, title: 重点取組, national_items: [frontyard,"
            " online_procedures, standardization, public_payment_eltax, mynumber_card,"
            " security, ai_rpa, telework], commitment: implement, cite: {section: s}}]",
            False,
        ),
        Example(
            "標準化の取組がない",
            "initiatives: [{id: x, title: 窓口, national_items: [bpr], commitment: implement,"
            " cite: {section: s}}]\nfacts: {}",
            True,
            severity="error",
        ),
        Example(
            "標準化が国の動向（背景）にしか出てこない: × として欠落",
            "initiatives: [{id: x, title: 国の動向, national_items: [standardization],"
            " commitment: context, cite: {section: 国の動向}}]\nfacts: {}",
            True,
            severity="error",
        ),
        Example(
            "概要版で標準化の記載がない: 本編を確認するよう警告",
            "document: {title: テスト町DX推進計画【概要版】, kind: summary, status: adopted, adopted: 令和4年3月, source: {file: s.pdf}, full_document: {title: テスト町DX推進計画}}\ninitiatives: []\nfacts: {}",
            True,
            severity="warning",
        ),
        Example(
            "策定提案で標準化の記載がない: 次の計画で取り上げる項目として情報",
            "document: {title: DX推進方針の策定について（提案）, kind: proposal, status: proposal, adopted: 令和3年12月, source: {file: p.pdf}}\nperiod: {not_stated: true}\ninitiatives: []\nfacts: {}",
            True,
            severity="info",
        ),
    ),
    by_kind={"summary": "warning", "proposal": "info"},
)
def priority_missing(ctx: Context) -> Iterator[Draft]:
    yield from _missing(ctx, {"priority"})


@rule(
    id="COV002",
    family="coverage",
    severity="warning",
    title=("推進体制・関連項目の欠落", "Structure or related item missing"),
    rationale=(
        "推進体制（組織・人材）とあわせて取り組むべき事項（デジタルデバイド対策など）は、"
        "重点取組事項を進める前提として国の計画に挙げられています。",
        "The national plan lists the structure (organisation, talent) and related items "
        "(digital divide, regulation review …) as preconditions for the priority items.",
    ),
    examples=(
        Example(
            "推進体制・関連項目すべてに実施の取組がある",
            "initiatives: [{id: rel, title: 関連, national_items: [org_structure, digital_talent,"
            " regional_digital, digital_divide, regulation_review, bpr, open_data],"
            " commitment: implement, cite: {section: s}}]",
            False,
        ),
        Example("デジタルデバイド対策がない", "{}", True, severity="warning"),
        Example(
            "策定提案でデジタルデバイド対策がない: 情報",
            "document: {title: DX推進方針の策定について（提案）, kind: proposal, status: proposal, adopted: 令和3年12月, source: {file: p.pdf}}\nperiod: {not_stated: true}",
            True,
            severity="info",
        ),
    ),
    by_kind={"proposal": "info"},
)
def other_missing(ctx: Context) -> Iterator[Draft]:
    yield from _missing(ctx, {"structure", "related", "other"})


@rule(
    id="COV003",
    family="coverage",
    severity="warning",
    title=("検討・言及のみの項目", "Item only considered or mentioned"),
    rationale=(
        "「検討する」や背景としての言及だけでは、国の項目に取り組む計画とはいえません。"
        "実施時期と内容を決めた取組にすると進捗を確認できます。",
        "An item that is only 'to be considered' or mentioned as background is not a "
        "commitment; a dated initiative makes progress checkable.",
    ),
    examples=(
        Example("オンライン化が検討のみ", "{}", True),
        Example(
            "オンライン化を実施",
            "initiatives: [{id: online, title: オンライン化, national_items: [online_procedures],"
            " commitment: implement, cite: {section: s}}, {id: std, title: 標準化,"
            " national_items: [standardization], commitment: implement, cite: {section: s}}]\n"
            "facts: {}",
            False,
        ),
    ),
    by_kind={"proposal": "info"},
)
def partial(ctx: Context) -> Iterator[Draft]:
    for item in ctx.catalog.items:
        cov = ctx.coverage[item.id]
        if cov.status != "partial" or not cov.reason_ja.startswith("検討"):
            continue
        loc = cov.evidence[0].loc if cov.evidence else ("initiatives",)
        yield Draft(
            loc,
            f"「{item.title_ja}」は{cov.reason_ja}で、実施する取組になっていません",
            f"'{item.title_en}' is {cov.reason_en}, not a committed initiative",
            item.id,
        )


@rule(
    id="COV004",
    family="coverage",
    severity="warning",
    national_item="standardization",
    title=("標準化対象の基幹業務の不足", "Core systems missing from standardisation"),
    rationale=(
        "標準化の対象は20の基幹業務です（当初の17業務に戸籍・戸籍の附票・印鑑登録が追加）。"
        "一覧が足りない計画は古い前提のままか、対象を取りこぼしています。",
        "Standardisation covers 20 core systems (the first list had 17; 戸籍, 戸籍の附票 and "
        "印鑑登録 were added). A shorter list is out of date or misses systems.",
    ),
    examples=(
        Example("2業務だけを列挙", "{}", True),
        Example(
            "業務を列挙していない",
            "facts: {standardization: {systems: [], cite: {section: s}}}",
            False,
        ),
    ),
    by_kind={"summary": "info", "proposal": "info"},
)
def core_business(ctx: Context) -> Iterator[Draft]:
    missing = missing_core_business(ctx.plan, ctx.catalog)
    if not missing:
        return
    total = len(ctx.catalog.core_business)
    yield Draft(
        ("facts", "standardization", "systems"),
        f"標準化の対象業務が{total}業務中{total - len(missing)}業務しかありません"
        f"（不足: {'、'.join(missing)}）",
        f"{total - len(missing)} of the {total} core systems are listed "
        f"(missing: {', '.join(missing)})",
        "standardization",
    )


@rule(
    id="COV005",
    family="coverage",
    severity="warning",
    national_item="online_procedures",
    title=("オンライン化手続の不足", "Fewer online procedures than the national list"),
    rationale=(
        "国は住民の利便性向上に特に資する手続をマイナポータルからオンライン化するよう求めています。"
        "計画の手続がその一覧より少なければ、残りの手続の方針を示す必要があります。",
        "The national plan lists procedures to put online via マイナポータル; a plan with "
        "fewer should say what happens to the rest.",
    ),
    examples=(
        Example(
            "手続を3件だけ列挙",
            "facts: {online_procedures: {procedures: [a, b, c], cite: {section: s}}}",
            True,
        ),
        Example("手続の記載なし", "{}", False),
    ),
    by_kind={"summary": "info", "proposal": "info"},
)
def online_short(ctx: Context) -> Iterator[Draft]:
    short = online_shortfall(ctx.plan, ctx.catalog)
    if short is None:
        return
    yield Draft(
        ("facts", "online_procedures"),
        f"オンライン化する手続が{short[0]}件で、国の一覧（{short[1]}件）より少なくなっています",
        f"{short[0]} procedures planned online; the national list has {short[1]}",
        "online_procedures",
    )


@rule(
    id="COV006",
    family="coverage",
    severity="info",
    national_item="standardization",
    title=("どの基幹業務にも当たらない業務名", "Core-system name that matches no national 業務"),
    rationale=(
        "facts.standardization.systems の名前は、表記ゆれの表（カタログのデータ "
        "core_business_variants.yaml）を通して国の20業務と照合します。どれにも当たらない名前は黙って"
        "無視せず知らせます: 誤記か、表にない言い方か、標準化の対象外の業務です。",
        "The names in facts.standardization.systems are matched to the 20 national 業務 through "
        "the variant table (catalog data core_business_variants.yaml). A name matching none is "
        "reported rather than silently ignored: a typo, a wording the table lacks, or a system "
        "outside standardisation.",
    ),
    examples=(
        Example(
            "実際の計画の書き方（住民記録・戸籍附票・市町村民税）",
            "facts: {standardization: {systems: [住民記録, 戸籍附票, 市町村民税],"
            " cite: {section: s}}}",
            False,
        ),
        Example(
            "どれにも当たらない名前",
            "facts: {standardization: {systems: [住民基本台帳, 図書館システム],"
            " cite: {section: s}}}",
            True,
            severity="info",
        ),
    ),
)
def unknown_business(ctx: Context) -> Iterator[Draft]:
    facts = ctx.plan.facts.standardization
    if facts is None:
        return
    unmatched = set(unmatched_business(facts.systems))
    for index, name in enumerate(facts.systems):
        if name in unmatched:
            unmatched.discard(name)
            yield Draft(
                ("facts", "standardization", "systems", index),
                f"業務名「{name}」は標準化の対象の20業務のどれにも当たりません（誤記、表にない言い方、"
                "または対象外の業務）。表記ゆれなら catalog/data/core_business_variants.yaml に追加できます",
                f"'{name}' matches none of the 20 core 業務 (a typo, a wording the variant table "
                "lacks, or a system outside standardisation)",
                "standardization",
            )
