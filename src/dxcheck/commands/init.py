"""`dxcheck init`: a new plan skeleton that validates, with a commented placeholder per
national item of the latest catalog. It never overwrites a file."""

from __future__ import annotations

import datetime
import difflib
import os
import sys

from dxcheck import codes, document_kinds
from dxcheck.catalog import load_catalog
from dxcheck.codes import LocalGov
from dxcheck.console import Out
from dxcheck.exits import EXIT_OK, EXIT_USAGE

_CATEGORY = {
    "priority": "重点取組事項",
    "structure": "推進体制",
    "related": "あわせて取り組むべき事項",
    "other": "その他",
}


def _reiwa(fiscal_year: int) -> str:
    return f"令和{fiscal_year - 2018}年度"


def skeleton(gov: LocalGov, schema_ref: str, today: datetime.date | None = None) -> str:
    catalog = load_catalog()
    name = gov.full_name  # 仙台市青葉区 for a ward: 青葉区 alone is ambiguous
    today = today or datetime.date.today()
    # examples a planner may copy: a new plan starts in the next 年度 and runs three years
    this_year = today.year if today.month >= 4 else today.year - 1
    start, end = _reiwa(this_year + 1), _reiwa(this_year + 3)
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# {name}のDX推進計画（dxcheck init で作成）。",
        "# 文書に書かれていることだけを書き、各事実には出典（cite: 節・ページ）を付けます。",
        "# 記載がない項目は not_stated: true と書きます（空欄にしない）。",
        "municipality:",
        f"  name: {name}",
        f'  code: "{gov.code}"',
        f"  prefecture: {gov.prefecture}",
        "document:",
        f"  title: {name}DX推進計画",
        f"  kind: plan  # {document_kinds.template_comment()}",
        "  status: draft  # adopted=策定済, draft=案, proposal=提案段階",
        f"  # adopted: 令和{this_year + 1 - 2018}年3月",
        "  source:",
        "    file: （原本のファイル名）",
        "period:",
        f"  not_stated: true  # 期間を決めたら start: {start} / end: {end} と cite を書く",
        "governance:",
        "  cio:",
        "    not_stated: true  # 例: holder: 副市長 と cite",
        "  cio_deputy:",
        "    not_stated: true  # CIO補佐官（外部人材など）",
        "  headquarters:",
        "    not_stated: true  # 例: name: ○○市DX推進本部, head: 市長",
        "initiatives: []",
        f"# 国の自治体DX推進計画（第{catalog.version}版）の項目ごとの取組の例。"
        "該当するものを initiatives に書きます:",
    ]
    for item in catalog.items:
        national = next((t for t in item.targets if t.deadline_text), None)
        deadline = national.deadline_text if national else None
        passed = (
            national is not None and national.deadline is not None and national.deadline < today
        )
        note = f"（国の期限: {deadline}{'、経過' if passed else ''}）" if deadline else ""
        lines += [
            f"#  # {_CATEGORY[item.category]}: {item.title_ja}{note}",
            f"#  - id: {item.id.replace('_', '-')}",
            f"#    title: {item.title_ja}",
            f"#    national_items: [{item.id}]",
            "#    commitment: implement  # implement=実施, consider=検討, continue=継続, context=言及のみ",
            f"#    target: {deadline if deadline and not passed else end}",
            "#    cite: {section: 第3章}",
        ]
    return "\n".join(lines) + "\n"


def find(
    municipality: str | None, code: str | None, prefecture: str | None, en: bool
) -> LocalGov | str:
    """The government asked for, or the message saying why there is none."""
    if prefecture is not None and not codes.by_name(prefecture, prefecture):
        near = difflib.get_close_matches(prefecture, [p.name for p in codes.prefectures()], 1, 0.3)
        hint = f"（{near[0]} のことですか？）" if near and not en else ""
        hint = f" (did you mean {near[0]}?)" if near and en else hint
        return (
            f"{prefecture}: not a prefecture{hint}"
            if en
            else f"{prefecture}: 都道府県名ではありません{hint}"
        )
    if code is not None:
        gov = codes.get(code)
        if gov is None:
            return (
                f"{code}: not in the table of local government codes"
                if en
                else f"{code}: 全国地方公共団体コードの表にありません"
            )
        if prefecture is not None and gov.prefecture != prefecture:
            return (
                f"{code}: {gov.label} is in {gov.prefecture}, not {prefecture}"
                if en
                else f"{code}: {gov.label}は{gov.prefecture}の団体です（{prefecture}ではありません）"
            )
        return gov
    assert municipality is not None
    found = codes.find(municipality, prefecture)
    working = [g for g in found if g.kind != "northern_territories"]
    if len(found) > 1 and len(working) == 1:
        found = working  # 泊村 is 014036; the 北方領土 village of that name needs --code 016969
    if len(found) == 1:
        return found[0]
    if found:
        listed = "、".join(f"{g.label}（{g.code}）" for g in found)
        if en:
            listed = ", ".join(f"{g.label} ({g.code})" for g in found)
        example = found[0]
        qualified = example.prefecture + example.full_name
        if example.kind == "ward" and example.full_name != municipality:
            qualified = example.full_name  # 仙台市青葉区
        several = len({g.prefecture for g in found}) > 1
        if en:
            option = f" or --prefecture {example.prefecture}" if several else ""
            return (
                f"{municipality}: {len(found)} local governments have this name: {listed}; "
                f"say which, e.g. -m {qualified}{option}, or give --code"
            )
        option = f" や --prefecture {example.prefecture}" if several else ""
        return (
            f"{municipality}: この名前の団体は {len(found)} つあります: {listed}。"
            f"-m {qualified}{option} のようにどれかを示すか、--code で指定してください"
        )
    close = codes.suggest(municipality, prefecture)[:5]
    where = f" in {prefecture}" if en and prefecture else ""
    if en:
        hint = f" (did you mean {', '.join(g.label for g in close)}?)" if close else ""
        return f"{municipality}: no such local government{where}{hint}"
    hint = f"（{'、'.join(g.label for g in close)} のことですか？）" if close else ""
    where = f"{prefecture}に" if prefecture else ""
    return f"{municipality}: {where}その名前の団体はありません{hint}"


def run(
    municipality: str | None,
    code: str | None,
    out: str | None,
    lang: str,
    prefecture: str | None = None,
) -> int:
    err = Out(sys.stderr)
    en = lang == "en"
    if code is None and municipality is None:
        err.line(
            "dxcheck: --municipality か --code を指定してください / give --municipality or --code",
            "error",
        )
        return EXIT_USAGE
    found = find(municipality, code, prefecture, en)
    if isinstance(found, str):
        err.line(f"dxcheck: {found}", "error")
        return EXIT_USAGE
    gov = found
    path = out or default_path(gov)
    folder = os.path.dirname(os.path.abspath(path))
    from dxcheck.repopath import schema_location

    schema_file, schema_exists = schema_location(folder)
    text = skeleton(gov, os.path.relpath(schema_file, folder).replace(os.sep, "/"))
    from dxcheck.writer import write_new

    problem = write_new(path, text, "en" if en else "ja")
    if problem is not None:
        err.line(problem, "error")
        return EXIT_USAGE
    if gov.kind == "northern_territories":
        err.line(
            f"dxcheck: {gov.label}: "
            + (
                "a village on the Northern Territories, with a code but no functioning government"
                if en
                else "北方領土の村です（団体コードはありますが、村の行政は機能していません）"
            ),
            "warning",
        )
    Out().line(f"{path}: {gov.label}（{gov.code}）" + (" written" if en else " を作成しました"))
    if not schema_exists:
        shown = os.path.relpath(schema_file)
        err.line(
            f"dxcheck: for completion in the editor, write the schema once: dxcheck schema > {shown}"
            if en
            else f"dxcheck: エディタの補完のため、スキーマを一度書き出してください: dxcheck schema > {shown}",
            "info",
        )
    return EXIT_OK


def default_path(gov: LocalGov) -> str:
    """``plans/<code>-<romaji>.yaml`` where a plans/ folder is at hand, else in the current
    folder: the name the bundled plans use (plans/044016-matsushima.yaml)."""
    from dxcheck.romaji import slug

    name = f"{gov.code}-{slug(gov.name, gov.kana)}.yaml"
    return os.path.join("plans", name) if os.path.isdir("plans") else name
