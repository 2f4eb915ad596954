"""The rule documentation the diagnostics link to (docs/rules.md): one section per rule, as
`dxcheck explain` says it, and the hover text of a rule code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dxcheck.engine.registry import Rule

SEVERITY_JA = {"error": "エラー", "warning": "警告", "info": "情報"}


def rule_markdown(rule: Rule, lang: str, *, heading: str = "**") -> str:
    """A rule's title, default severity, national item and rationale as Markdown."""
    en = lang == "en"
    if heading == "**":
        head = f"**{rule.id}: {rule.title(lang)}**"
    else:
        head = f"{heading} {rule.id}: {rule.title(lang)}"
    severity = rule.severity if en else SEVERITY_JA[rule.severity]
    item = rule.national_item or ("each catalog item" if en else "カタログの各項目")
    lines = [
        head,
        "",
        f"- {'severity' if en else '既定の重大度'}: {severity}",
        f"- {'national item' if en else '国の項目'}: {item}",
        "",
        rule.rationale(lang),
    ]
    return "\n".join(lines)


def document() -> str:
    """docs/rules.md: every rule in Japanese, then in English."""
    from dxcheck.engine.rules import all_rules

    rules = all_rules()
    parts = [
        "# ルール一覧 / Rules",
        "",
        "`dxcheck rules` と `dxcheck explain CODE` と同じ内容です（scripts/rules_doc.py が"
        " ルールの登録から書きます。手で編集しないでください）。エディタの診断（`dxcheck server`）"
        "はここの各節にリンクします。",
        "",
    ]
    for rule in rules:
        parts += [f'<a id="{rule.id.lower()}"></a>', "", rule_markdown(rule, "ja", heading="##")]
        parts += ["", "*" + rule.title("en") + "*: " + rule.rationale("en"), ""]
    return "\n".join(parts).rstrip("\n") + "\n"
