"""Hover: a national item id (anywhere, e.g. a `national_items` entry) or a rule code.

An item shows its title, number, summary, each national target with its deadline and kind
(deadline / goal / outcome) and the sources behind it (official or secondary, with URL) — the
data of `dxcheck catalog --sources`; a rule shows what `dxcheck explain` says.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dxcheck.catalog.models import SOURCE_KIND_EN, SOURCE_KIND_JA
from dxcheck.server.ruledoc import rule_markdown

if TYPE_CHECKING:
    from dxcheck.catalog.models import Catalog, CatalogCitation, CatalogItem

RULE_CODE = re.compile(r"^[A-Z]{2,3}[0-9]{3}$")
TARGET_KIND = {
    "ja": {"deadline": "期限", "goal": "目標（国が目指す時期）", "outcome": "国全体の到達目標"},
    "en": {"deadline": "deadline", "goal": "goal", "outcome": "outcome (nationwide)"},
}


def hover_text(word: str, catalog: Catalog, lang: str) -> str | None:
    """Markdown for the word under the cursor, or None when it names nothing dxcheck knows."""
    if RULE_CODE.match(word):
        from dxcheck.engine.rules import get_rule

        rule = get_rule(word)
        return rule_markdown(rule, lang) if rule is not None else None
    for item in catalog.items:
        if item.id == word:
            return item_markdown(item, catalog, lang)
    return None


def _sources(citation: CatalogCitation, lang: str) -> list[str]:
    en = lang == "en"
    kinds = SOURCE_KIND_EN if en else SOURCE_KIND_JA
    lines = [f"{citation.document} {citation.version} {citation.section}".strip()]
    for source in citation.sources:
        title = f"{source.title} " if source.title else ""
        lines.append(f"  - {kinds[source.kind]}: {title}<{source.url}> ({source.locator})")
    if not citation.sources:
        lines.append("  - " + ("no source" if en else "出典なし"))
    return lines


def item_markdown(item: CatalogItem, catalog: Catalog, lang: str) -> str:
    en = lang == "en"
    title = item.title_en if en else item.title_ja
    parts = [
        f"**{title}** (`{item.id}`) — {item.number}",
        "",
        item.summary_en if en else item.summary_ja,
        "",
    ]
    if item.targets:
        parts.append("**National targets**" if en else "**国の期限・目標**")
        for target in item.targets:
            when = target.deadline_text or ""
            if target.deadline is not None:
                when = f"{when} ({target.deadline.isoformat()})".strip()
            kind = TARGET_KIND[lang][target.kind]
            description = target.description_en if en else target.description_ja
            parts.append(f"- {when or '—'} [{kind}]: {description}")
            parts += ["  " + line for line in _sources(target.citation, lang)]
        parts.append("")
    else:
        parts += ["No national deadline." if en else "国の期限はありません。", ""]
    parts.append(
        f"**Sources** (catalog {catalog.version})"
        if en
        else f"**出典**（カタログ 第{catalog.version}版）"
    )
    parts += [
        "- " + line if index == 0 else line
        for index, line in enumerate(_sources(item.citation, lang))
    ]
    return "\n".join(parts)
