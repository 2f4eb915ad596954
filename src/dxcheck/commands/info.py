"""`dxcheck catalog`, `dxcheck rules`, `dxcheck explain`: the data behind the checks."""

from __future__ import annotations

import json
import sys
import unicodedata

from dxcheck.catalog import UnknownCatalogVersion, available_versions, latest_version, load_catalog
from dxcheck.console import Out
from dxcheck.engine.registry import all_rules, get_rule

_CATEGORY = {
    "priority": ("重点取組事項", "priority"),
    "structure": ("推進体制", "structure"),
    "related": ("あわせて取り組むべき事項", "related"),
    "other": ("その他", "other"),
}


def show_catalog(version: str | None, fmt: str, lang: str) -> int:
    out = Out()
    try:
        catalog = load_catalog(version)
    except UnknownCatalogVersion as exc:
        Out(sys.stderr).line(f"dxcheck: --catalog: {exc}", "error")
        return 2
    en = lang == "en"
    if fmt == "json":
        payload = {
            "versions": available_versions(),
            "latest": latest_version(),
            "catalog": json.loads(catalog.model_dump_json()),
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    versions = ", ".join(
        f"{v}{' (latest)' if en and v == latest_version() else ''}"
        f"{'（最新）' if not en and v == latest_version() else ''}"
        for v in available_versions()
    )
    out.line(("versions: " if en else "収録している版: ") + versions)
    out.line(
        f"{catalog.title} {'version' if en else '第'}{catalog.version}{'' if en else '版'}"
        f" ({catalog.published.isoformat()})",
        "path",
    )
    for item in catalog.items:
        cat = _CATEGORY[item.category][1 if en else 0]
        title = item.title_en if en else item.title_ja
        deadlines = ", ".join(
            t.deadline_text or (t.deadline.isoformat() if t.deadline else "")
            for t in item.targets
            if t.deadline is not None
        )
        out.line(
            f"  {item.id:<22} {_pad(cat, 26)} {title}" + (f"  [{deadlines}]" if deadlines else "")
        )
    return 0


def show_rules(fmt: str, lang: str) -> int:
    rules = all_rules()
    if fmt == "json":
        payload = [
            {
                "id": r.id,
                "family": r.family,
                "severity": r.severity,
                "national_item": r.national_item,
                "versions": list(r.versions) or available_versions(),
                "title": r.title(lang),
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    out = Out()
    for r in rules:
        item = r.national_item or ("(each item)" if lang == "en" else "（各項目）")
        out.line(f"{r.id:<8} {r.severity:<8} {r.family:<12} {_pad(item, 18)} {r.title(lang)}")
    return 0


def explain_rule(rule_id: str, lang: str) -> int:
    rule = get_rule(rule_id)
    out = Out()
    if rule is None:
        known = ", ".join(r.id for r in all_rules())
        Out(sys.stderr).line(
            f"dxcheck: {'unknown rule' if lang == 'en' else '不明なルール'} {rule_id} ({known})",
            "error",
        )
        return 2
    en = lang == "en"
    versions = ", ".join(rule.versions) if rule.versions else ("all" if en else "全版")
    out.line(f"{rule.id}: {rule.title(lang)}", "path")
    out.line(f"  {'severity' if en else '既定の重大度'}: {rule.severity}")
    out.line(f"  {'family' if en else '分類'}: {rule.family}")
    out.line(
        f"  {'national item' if en else '国の項目'}: "
        f"{rule.national_item or ('each catalog item' if en else 'カタログの各項目')}"
    )
    out.line(f"  {'catalog versions' if en else '対象のカタログ版'}: {versions}")
    out.line()
    out.line("Why" if en else "なぜ問題か", "path")
    out.line(f"  {rule.rationale(lang)}")
    out.line()
    out.line("Examples" if en else "例", "path")
    for example in rule.examples:
        verdict = (
            ("fires" if example.fires else "passes")
            if en
            else ("指摘あり" if example.fires else "指摘なし")
        )
        out.line(f"  - {example.description} → {verdict}")
        if example.patch.strip() == "{}":
            out.line(
                "      (the base test plan as it is: period 令和4年4月〜令和8年3月; CIO and "
                "推進本部, no adviser; 標準化 by 令和7年度末 listing 2 core systems; "
                "オンライン化 only considered, no target)"
                if en
                else "      （基準のテスト用計画のまま: 期間 令和4年4月〜令和8年3月、CIO・推進本部あり、"
                "補佐官なし、標準化は令和7年度末・基幹業務2つ、オンライン化は検討のみで目標なし）",
                "dim",
            )
            continue
        for line in example.patch.splitlines():
            out.line(f"      {line}", "dim")
    return 0


def _pad(text: str, width: int) -> str:
    """Left-justify in terminal columns (full-width characters take two)."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)


def clean_cache(path: str, lang: str) -> int:
    """`dxcheck cache clean [PATH]`: remove the cache folder a check of PATH would use."""
    import sys

    from dxcheck import cache
    from dxcheck.config_files import find_config

    folder = cache.folder_for(find_config(path))
    try:
        removed = cache.clean(folder)
    except ValueError as exc:
        sys.stderr.write(f"dxcheck: {exc}\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"dxcheck: {folder}: {exc.strerror}\n")
        return 2
    if lang == "en":
        sys.stdout.write(f"removed {folder}\n" if removed else f"no cache at {folder}\n")
    else:
        sys.stdout.write(f"{folder} を削除しました\n" if removed else f"{folder} はありません\n")
    return 0
