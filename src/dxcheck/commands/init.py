"""`dxcheck init`: a new plan skeleton that validates, with a commented placeholder per
national item of the latest catalog. It never overwrites a file."""

from __future__ import annotations

import os
import sys

from dxcheck.catalog import load_catalog
from dxcheck.codes import LocalGov, by_name, table
from dxcheck.console import Out

_CATEGORY = {
    "priority": "重点取組事項",
    "structure": "推進体制",
    "related": "あわせて取り組むべき事項",
    "other": "その他",
}


def skeleton(gov: LocalGov, schema_ref: str) -> str:
    catalog = load_catalog()
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# {gov.name}のDX推進計画（dxcheck init で作成）。",
        "# 文書に書かれていることだけを書き、各事実には出典（cite: 節・ページ）を付けます。",
        "# 記載がない項目は not_stated: true と書きます（空欄にしない）。",
        "municipality:",
        f"  name: {gov.name}",
        f'  code: "{gov.code}"',
        f"  prefecture: {gov.prefecture}",
        "document:",
        f"  title: {gov.name}DX推進計画",
        "  kind: plan  # plan=計画, policy=方針, vision=ビジョン, summary=概要版, proposal=策定提案",
        "  status: draft  # adopted=策定済, draft=案, proposal=提案段階",
        "  # adopted: 令和8年3月",
        "  source:",
        "    file: （原本のファイル名）",
        "period:",
        "  not_stated: true  # 期間を決めたら start: 令和8年度 / end: 令和10年度 と cite を書く",
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
        deadline = next((t.deadline_text for t in item.targets if t.deadline_text), None)
        lines += [
            f"#  # {_CATEGORY[item.category]}: {item.title_ja}"
            + (f"（国の期限: {deadline}）" if deadline else ""),
            f"#  - id: {item.id.replace('_', '-')}",
            f"#    title: {item.title_ja}",
            f"#    national_items: [{item.id}]",
            "#    commitment: implement  # implement=実施, consider=検討, continue=継続, context=言及のみ",
            f"#    target: {deadline or '令和8年度'}",
            "#    cite: {section: 第3章}",
        ]
    return "\n".join(lines) + "\n"


def run(municipality: str | None, code: str | None, out: str | None, lang: str) -> int:
    err = Out(sys.stderr)
    en = lang == "en"
    gov: LocalGov | None = None
    if code is not None:
        gov = table().get(code)
    elif municipality is not None:
        found = by_name(municipality)
        gov = found[0] if len(found) == 1 else None
    else:
        err.line(
            "dxcheck: --municipality か --code を指定してください / give --municipality or --code",
            "error",
        )
        return 2
    if gov is None:
        err.line(
            f"dxcheck: {municipality or code}: "
            + (
                "unknown municipality (the bundled table covers 宮城県)"
                if en
                else "団体が見つかりません（同梱の団体コード表は宮城県分です）"
            ),
            "error",
        )
        return 2
    path = out or f"{gov.code}.yaml"
    folder = os.path.dirname(os.path.abspath(path))
    schema_file = _schema_path()
    schema = os.path.relpath(schema_file, folder) if schema_file else "plan.schema.json"
    text = skeleton(gov, schema.replace(os.sep, "/"))
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:  # never overwrite
            handle.write(text)
    except FileExistsError:
        err.line(
            f"dxcheck: {path}: "
            + ("already exists; not overwritten" if en else "既にあります。上書きしません"),
            "error",
        )
        return 2
    except OSError as exc:
        err.line(f"dxcheck: {path}: {exc.strerror}", "error")
        return 2
    Out().line(f"{path}: {gov.name}（{gov.code}）" + (" written" if en else " を作成しました"))
    return 0


def _schema_path() -> str | None:
    from pathlib import Path

    here = Path(__file__).resolve()
    for candidate in (
        here.parents[1] / "schemas" / "plan.schema.json",
        here.parents[3] / "schemas" / "plan.schema.json",
    ):
        if candidate.is_file():
            return str(candidate)
    return None
