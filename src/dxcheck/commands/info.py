"""`dxcheck catalog`, `dxcheck rules`, `dxcheck explain`: the data behind the checks."""

from __future__ import annotations

import dataclasses
import datetime
import json
import sys
import unicodedata
from typing import Any

from dxcheck.catalog import (
    Fact,
    available_versions,
    catalog_facts,
    latest_version,
    load_catalog,
    secondary_only,
)
from dxcheck.catalog import strength as catalog_strength
from dxcheck.catalog.models import SOURCE_KIND_EN, SOURCE_KIND_JA, Catalog
from dxcheck.console import Out
from dxcheck.document_kinds import DOCUMENT_KINDS
from dxcheck.engine.registry import Rule
from dxcheck.engine.rules import all_rules, get_rule
from dxcheck.exits import EXIT_OK, EXIT_USAGE
from dxcheck.problem_codes import ProblemCode

_CATEGORY = {
    "priority": ("重点取組事項", "priority"),
    "structure": ("推進体制", "structure"),
    "related": ("あわせて取り組むべき事項", "related"),
    "other": ("その他", "other"),
}


def _load(value: str | None, lang: str) -> Catalog | None:
    """A bundled version or a catalog file, resolved as `check` does (problems at
    file:line:col on stderr; None then)."""
    from dxcheck.checkrun import resolve_catalog
    from dxcheck.options import UsageError

    try:
        return resolve_catalog(value, None, lang)
    except UsageError as exc:
        Out(sys.stderr).line(f"dxcheck: {exc}", "error")
        return None


def export_catalog(version: str | None) -> int:
    """`dxcheck catalog --export`: a bundled version's YAML as it ships, to start a catalog
    file of your own from (docs/catalog.md)."""
    from importlib import resources

    from dxcheck.catalog import bundled_versions

    name = version or bundled_versions()[-1]
    if name not in bundled_versions():
        known = ", ".join(bundled_versions())
        Out(sys.stderr).line(f"dxcheck: --catalog: {name} ({known})", "error")
        return EXIT_USAGE
    data = resources.files("dxcheck.catalog") / "data" / f"{name}.yaml"
    sys.stdout.write(data.read_text("utf-8"))
    return EXIT_OK


def _json(value: Any) -> Any:
    """A catalog (or part of one) as JSON data: fields in order, dates as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def show_catalog(version: str | None, fmt: str, lang: str) -> int:
    out = Out()
    catalog = _load(version, lang)
    if catalog is None:
        return EXIT_USAGE
    en = lang == "en"
    if fmt == "json":
        payload = {
            "versions": available_versions(),
            "latest": latest_version(),
            "catalog": _json(catalog),
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
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
    return EXIT_OK


def show_catalog_sources(version: str | None, fmt: str, lang: str) -> int:
    """`dxcheck catalog --sources`: every fact of a version with its sources; facts that rest
    on secondary sources only are marked, and so is a fact without any source."""
    catalog = _load(version, lang)
    if catalog is None:
        return EXIT_USAGE
    en = lang == "en"
    facts = list(catalog_facts(catalog))
    if fmt == "json":
        payload = {
            "catalog": catalog.version,
            "published": catalog.published.isoformat(),
            "summary": _strength_counts(facts),
            "facts": [_fact_json(f, en) for f in facts],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    out = Out()
    counts = _strength_counts(facts)
    out.line(
        f"{catalog.title} {'version ' if en else '第'}{catalog.version}{'' if en else '版'}"
        f" ({catalog.published.isoformat()})" + (" — sources" if en else " — 出典"),
        "path",
    )
    out.line(
        f"{counts['facts']} facts: {counts['official']} with an official source, "
        f"{counts['secondary']} on secondary sources only, {counts['none']} without a source"
        if en
        else f"事実 {counts['facts']} 件: 公式の出典あり {counts['official']} 件、"
        f"二次資料のみ {counts['secondary']} 件、出典なし {counts['none']} 件"
    )
    kinds = SOURCE_KIND_EN if en else SOURCE_KIND_JA
    for fact in facts:
        out.line()
        c = fact.citation
        strength = catalog_strength(c)
        mark = {
            "official": "",
            "secondary": " [secondary sources only]" if en else " ［二次資料のみ］",
            "none": " [NO SOURCE]" if en else " ［出典なし］",
        }[strength]
        out.line(
            f"{fact.key}  {fact.label_en if en else fact.label_ja}{mark}",
            "warning" if strength != "official" else "path",
        )
        if c is None:
            continue
        out.line(f"  {c.document} {_version_label(c.version, en)} {c.section}", "dim")
        for source in c.sources:
            title = f" {source.title}" if source.title else ""
            out.line(f"  - {kinds[source.kind]}:{title}")
            out.line(f"    {source.url} ({source.locator})")
            out.line(f"    「{source.quote}」")
            if source.note:
                out.line(f"    {'note' if en else '注'}: {source.note}", "dim")
        if c.note:
            out.line(f"  {'note' if en else '注'}: {c.note}", "dim")
    return EXIT_OK


def _version_label(version: str, en: bool) -> str:
    if version.replace(".", "").isdigit():
        return f"version {version}" if en else f"第{version}版"
    return version  # another document's edition, e.g. 「令和6年12月改定」


def _strength_counts(facts: list[Fact]) -> dict[str, int]:
    counts = {"facts": len(facts), "official": 0, "secondary": 0, "none": 0}
    for fact in facts:
        counts[catalog_strength(fact.citation)] += 1
    return counts


def _fact_json(fact: Fact, en: bool) -> dict[str, Any]:
    c = fact.citation
    return {
        "fact": fact.key,
        "label": fact.label_en if en else fact.label_ja,
        "strength": catalog_strength(c),
        "secondary_only": secondary_only(c),
        "document": c.document if c is not None else None,
        "version": c.version if c is not None else None,
        "section": c.section if c is not None else None,
        "note": c.note if c is not None else None,
        "sources": [_json(s) for s in c.sources] if c is not None else [],
    }


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
        return EXIT_OK
    out = Out()
    for r in rules:
        item = r.national_item or ("(each item)" if lang == "en" else "（各項目）")
        out.line(f"{r.id:<8} {r.severity:<8} {r.family:<12} {_pad(item, 18)} {r.title(lang)}")
    from dxcheck.problem_codes import CODES

    out.line()
    out.line(
        "Problems validate reports before any rule runs (dxcheck explain CODE):"
        if lang == "en"
        else "ルールの前に validate が報告する問題（dxcheck explain コード で説明）:"
    )
    for problem in CODES.values():
        out.line(f"{problem.id:<8} {problem.title(lang)}")
    return EXIT_OK


def _explain_problem(out: Out, problem: ProblemCode, lang: str) -> int:
    """A DX code of validate: what the problem is, how to fix it, an example."""
    en = lang == "en"
    out.line(f"{problem.id}: {problem.title(lang)}", "path")
    out.line(f"  {'reported by' if en else '出すコマンド'}: dxcheck validate / check")
    out.line()
    out.line("How to fix" if en else "直し方", "path")
    out.line(f"  {problem.fix(lang)}")
    if problem.example:
        out.line()
        out.line("Example" if en else "例", "path")
        for line in problem.example.splitlines():
            out.line(f"  {line}")
    return EXIT_OK


def explain_rule(rule_id: str, lang: str) -> int:
    rule = get_rule(rule_id)
    out = Out()
    if rule is None:
        from dxcheck import problem_codes

        problem = problem_codes.get(rule_id)
        if problem is not None:
            return _explain_problem(out, problem, lang)
        rules = ", ".join(r.id for r in all_rules())
        Out(sys.stderr).line(
            f"dxcheck: unknown rule or code {rule_id} (rules: {rules}; validate's DX codes: "
            "dxcheck rules)"
            if lang == "en"
            else f"dxcheck: 不明なルール・コード {rule_id}（ルール: {rules}。validate の DX コードは "
            "dxcheck rules で一覧）",
            "error",
        )
        return EXIT_USAGE
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
    _explain_severity(out, rule, en)
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
    return EXIT_OK


def _explain_severity(out: Out, rule: Rule, en: bool) -> None:
    """How the severity is decided for this rule: per kind of document, and by the strength of
    the national fact it rests on (dxcheck.engine.severity)."""
    out.line("Severity" if en else "重大度の決まり方", "path")
    kinds = ", ".join(
        f"{DOCUMENT_KINDS[k][1 if en else 0]}: {rule.severity_for_kind(k) or rule.severity}"
        for k in DOCUMENT_KINDS
    )
    out.line(f"  {'by kind of document' if en else '文書の種別ごと'}: {kinds}")
    catalog = load_catalog()
    items = [i for i in catalog.items if rule.national_item in (None, i.id)]
    if rule.family in ("coverage", "governance", "deadlines") and items:
        weak = [i.id for i in items if secondary_only(i.citation)]
        weak += [
            f"{i.id} ({t.deadline_text or t.deadline})"
            for i in items
            for t in i.targets
            if secondary_only(t.citation) and rule.family == "deadlines"
        ]
        out.line(
            "  an error whose national fact rests on secondary sources only is lowered to "
            "warning, and the message says so"
            if en
            else "  国の根拠が二次資料だけの事実による指摘はエラーにせず警告にとどめ、メッセージに明記します"
        )
        label = "facts resting on secondary sources only" if en else "二次資料のみの事実"
        none = "none" if en else "なし"
        out.line(f"  {label} (catalog {catalog.version}): {', '.join(dict.fromkeys(weak)) or none}")
    out.line(
        "  the project's configuration ([tool.dxcheck.severity]) overrides all of this"
        if en
        else "  プロジェクトの設定（[tool.dxcheck.severity]）はこれらより優先します"
    )


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
        return EXIT_USAGE
    except OSError as exc:
        sys.stderr.write(f"dxcheck: {folder}: {exc.strerror}\n")
        return EXIT_USAGE
    if lang == "en":
        sys.stdout.write(f"removed {folder}\n" if removed else f"no cache at {folder}\n")
    else:
        sys.stdout.write(f"{folder} を削除しました\n" if removed else f"{folder} はありません\n")
    return EXIT_OK
