"""Code actions: edits of the open plan that the editor applies (and can undo); nothing is
written behind the editor's back.

- DRF001 (unreviewed drafted entry): delete its ``cite.draft`` line: the reviewer confirms it.
- DX203 for a missing governance field (``cio``, ``cio_deputy``, ``headquarters``): add it
  as ``not_stated: true`` with a note; GOV001–GOV003 on a field already ``not_stated`` without
  a note: add the note (who checked, and that the document says nothing).
- Any rule's finding: add a waiver with a reason to fill in and an expiry at the end of the next
  fiscal year, to the plan's own ``waivers:`` list. The plan, not the configuration file: the
  waiver is then in the file being edited (one undo, seen before saving), travels with the plan
  to CI and to the prefecture's report, and applies to this plan only; a ``[[waivers]]`` entry
  in dxcheck.toml needs a glob to aim at one plan and a file that may not exist yet.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from dxcheck.server.documents import key_of

GOVERNANCE = ("cio", "cio_deputy", "headquarters")
GOV_RULES = {"GOV001": "cio", "GOV002": "cio_deputy", "GOV003": "headquarters"}
NOT_WAIVABLE = ("DX", "WVR")  # schema problems are fixed, not waived; a waiver of waivers, no


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text between two 0-based (line, character) positions."""

    start: tuple[int, int]
    end: tuple[int, int]
    text: str


@dataclass(frozen=True, slots=True)
class Action:
    title: str
    rule: str
    edits: tuple[Edit, ...]
    preferred: bool = False


def _note(lang: str, today: datetime.date) -> str:
    if lang == "en":
        return f"The document does not state this (checked {today.isoformat()})"
    return f"文書に記載なし（{today.isoformat()} 確認）"


def _block_end(lines: list[str], line: int) -> int:
    """The line after the block that starts at ``line`` (its more-indented lines)."""
    indent, _, dash = key_of(lines[line])
    if dash:
        indent = len(lines[line]) - len(lines[line].lstrip())
    end = line + 1
    while end < len(lines):
        text = lines[end]
        comment = text.lstrip().startswith("#")
        if text.strip() and not comment and len(text) - len(text.lstrip()) <= indent:
            break
        end += 1
    while end > line + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def mark_reviewed(lines: list[str], line: int, lang: str) -> Action | None:
    """Delete the ``draft:`` line at ``line`` (0-based)."""
    if line >= len(lines) or key_of(lines[line])[1] != "draft":
        return None
    title = (
        "Mark reviewed (delete the draft line)"
        if lang == "en"
        else "確認済みにする（draft 行を削除）"
    )
    return Action(title, "DRF001", (Edit((line, 0), (line + 1, 0), ""),), preferred=True)


def add_not_stated(
    lines: list[str], line: int, column: int, key: str, lang: str, today: datetime.date
) -> Action:
    """Insert ``key: {not_stated: true, note: …}`` before ``line`` at ``column`` (0-based)."""
    pad = " " * column
    text = f"{pad}{key}:\n{pad}  not_stated: true\n{pad}  note: {_note(lang, today)}\n"
    title = (
        f"Add {key} as not_stated with a note"
        if lang == "en"
        else f"{key} を not_stated: true（注記付き）で追加"
    )
    return Action(title, "DX203", (Edit((line, 0), (line, 0), text),), preferred=True)


def add_note(
    lines: list[str], line: int, lang: str, today: datetime.date, rule: str
) -> Action | None:
    """Add a ``note`` to the governance field starting at ``line`` when it has none."""
    end = _block_end(lines, line)
    body = lines[line + 1 : end]
    if any(key_of(text)[1] == "note" for text in body):
        return None
    if not any(key_of(text)[1] == "not_stated" for text in body):
        return None
    indent = next((len(t) - len(t.lstrip()) for t in body if t.strip()), key_of(lines[line])[0] + 2)
    text = f"{' ' * indent}note: {_note(lang, today)}\n"
    title = (
        "Add a note (not stated in the document)"
        if lang == "en"
        else "注記を追加（文書に記載なし）"
    )
    return Action(title, rule, (Edit((end, 0), (end, 0), text),))


def _next_fiscal_year_end(today: datetime.date) -> str:
    fiscal = today.year if today.month >= 4 else today.year - 1
    return f"令和{fiscal + 1 - 2018}年度末"


def add_waiver(
    lines: list[str], rule: str, item: str | None, lang: str, today: datetime.date
) -> Action | None:
    """Append a waiver of ``rule`` (and ``item``) to the plan's top-level ``waivers:`` list, or
    start the list at the end of the file."""
    if rule.startswith(NOT_WAIVABLE):
        return None
    reason = "TODO write the reason" if lang == "en" else "TODO 理由を書いてください"
    entry = [f"  - rule: {rule}"]
    if item:
        entry.append(f"    item: {item}")
    entry += [f"    reason: {reason}", f"    expires: {_next_fiscal_year_end(today)}"]
    start = next((i for i, t in enumerate(lines) if re.match(r"waivers\s*:\s*(#.*)?$", t)), None)
    if start is not None:
        at = _block_end(lines, start)
        text = "\n".join(entry) + "\n"
    else:
        at = len(lines)
        needs_break = bool(lines) and lines[-1].strip() != ""
        text = ("\n" if needs_break else "") + "waivers:\n" + "\n".join(entry) + "\n"
    title = (
        f"Waive {rule}{' for ' + item if item else ''} until {_next_fiscal_year_end(today)} (in this plan)"
        if lang == "en"
        else f"{rule}{'（' + item + '）' if item else ''} を{_next_fiscal_year_end(today)}まで適用除外にする（この計画の waivers）"
    )
    return Action(title, rule, (Edit((at, 0), (at, 0), text),))


def actions_for(
    lines: list[str],
    rule: str,
    item: str | None,
    yaml_path: str,
    message_en: str,
    line: int,
    column: int,
    lang: str,
    today: datetime.date,
) -> list[Action]:
    """The actions for one diagnostic (0-based line and column of its start)."""
    found: list[Action | None] = []
    if rule == "DRF001":
        found.append(mark_reviewed(lines, line, lang))
    if rule == "DX203" and yaml_path == "governance":
        missing = re.search(r"'([a-z_]+)'", message_en)
        if missing and missing.group(1) in GOVERNANCE:
            found.append(add_not_stated(lines, line, column, missing.group(1), lang, today))
    if rule in GOV_RULES and line < len(lines) and key_of(lines[line])[1] == GOV_RULES[rule]:
        found.append(add_note(lines, line, lang, today, rule))
    found.append(add_waiver(lines, rule, item, lang, today))
    return [a for a in found if a is not None]
