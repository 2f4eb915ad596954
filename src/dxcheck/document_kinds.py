"""The kinds of document a plan file can be (``document.kind``) and their labels, once.

The plan schema's description, ``dxcheck init``'s template comment, ``dxcheck explain``'s
severities per kind and the reports' labels all read this table; tests/test_schema.py checks
that it names exactly the schema's kinds. Light: it imports nothing.
"""

from __future__ import annotations

# kind → (Japanese label, English label), in the schema's order
DOCUMENT_KINDS: dict[str, tuple[str, str]] = {
    "plan": ("計画", "plan"),
    "policy": ("方針", "policy"),
    "vision": ("ビジョン", "vision"),
    "summary": ("概要版", "summary"),
    "proposal": ("策定提案", "proposal"),
    "other": ("その他", "other"),
}

# what the schema's description adds to a kind's label
_SCHEMA_NOTE = {"proposal": "（本部会議への提案書など）"}


def label(kind: str, lang: str) -> str:
    """The label of a kind of document in ``lang`` (ja or en)."""
    ja, en = DOCUMENT_KINDS[kind]
    return en if lang == "en" else ja


def schema_description() -> str:
    """``document.kind``'s description in the plan schema: plan=計画, policy=方針, …"""
    return ", ".join(f"{k}={ja}{_SCHEMA_NOTE.get(k, '')}" for k, (ja, _) in DOCUMENT_KINDS.items())


def template_comment() -> str:
    """The comment ``dxcheck init`` writes after ``kind: plan``: the kinds but ``other``."""
    return ", ".join(f"{k}={ja}" for k, (ja, _) in DOCUMENT_KINDS.items() if k != "other")
