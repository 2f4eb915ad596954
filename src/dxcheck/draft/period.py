"""The plan's own period: a 計画期間 / 取組期間 / 対象期間 section or sentence (never one that
describes the national or prefectural plan)."""

from __future__ import annotations

from dataclasses import dataclass

from dxcheck.draft.classify import Role
from dxcheck.draft.evidence import Evidence, evidence, pieces, quotable
from dxcheck.draft.lexicon import cues, has_any
from dxcheck.draft.outline import Section
from dxcheck.draft.when import find_range


@dataclass(frozen=True, slots=True)
class Found:
    start: str
    end: str
    evidence: Evidence


def find_period(root: Section, roles: dict[int, Role]) -> Found | None:
    words = cues().period
    sections = [
        s for s in root.walk() if s.heading is not None and roles[id(s)] in ("own", "background")
    ]
    titled = [s for s in sections if has_any(s.title, words)]
    # 1. a section headed 計画期間 (or a heading that states the period itself)
    for section in titled:
        assert section.heading is not None
        for unit in [section.heading, *section.units[:12]]:
            for piece in pieces(unit) if unit is not section.heading else [quotable(unit.text)]:
                span = find_range(piece)
                if span:
                    cue = f"期間 {span[0]}〜{span[1]}"
                    return Found(*span, evidence(section, unit, piece, cue))
    # 2. a sentence that names the period anywhere in the plan's own text
    for section in [root, *sections]:
        if section is not root and roles[id(section)] not in ("own", "background"):
            continue
        for unit in section.units:
            row = "\t" in unit.text and has_any(unit.text, words)  # 計画期間\t令和6年度～…
            for piece in pieces(unit):
                if row or has_any(piece, words):
                    span = find_range(piece)
                    if span:
                        cue = f"期間 {span[0]}〜{span[1]}"
                        return Found(*span, evidence(section, unit, piece, cue))
    return None
