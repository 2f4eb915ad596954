"""The plan's own period: every date range of the document (draft/daterange.py), scored by the
words around it (draft/data/period_cues.yaml) — this plan's (計画期間, 本計画, the plan's own
title) or someone else's (the national plan and its deadlines, an earlier plan, a 総合計画, a
drafting schedule, a パブリックコメント window, an adoption date). The best range with an own cue
and a positive score is the period; when another reading also qualifies, the note says so.
A wrong period with a citation is worse than none, so nothing uncued is taken."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from dxcheck.draft.classify import Role
from dxcheck.draft.daterange import Range, flat, ranges
from dxcheck.draft.evidence import MAX_QUOTE, Evidence, pieces, quotable
from dxcheck.draft.lexicon import normalise
from dxcheck.draft.outline import Section, Unit

MAX_RANGES = 2000  # ranges scored in one document (bounded time on a document of dates)
WINDOW = 200  # characters either side of a range read as its sentence (bounded time)
LABEL_MAX = 24  # a line this short above the dates is a label (計画の期間 / 2.計画期間)
_PLAN_NAME = re.compile(
    r"([^\s「」『』()、。,:]{2,60}?(?:計画|方針|ビジョン|戦略|構想|プラン|ガイドライン|指針))"
    r"\s*\(\s*(?:[^()]{0,10}[:：]\s*)?$"
)
_TOPIC_END = re.compile(r"[、,]")
_ALIGNED = re.compile(
    r"(?:に合わせ|にあわせ|と合わせ|と整合|との整合|に準じ|を踏まえ|と同じく|と同様に|に倣い)"
    r"[^、,]{0,8}[、,]?"
)
_OWN_AFTER = re.compile(
    r"^[^、,。]{0,12}?(?:を|は|が)?\s*(本計画の期間|計画期間|推進期間|実施期間|対象期間|取組期間|本計画|本方針|本戦略)"
)


@dataclass(frozen=True, slots=True)
class Cue:
    word: str
    weight: int
    reason: str


@dataclass(frozen=True, slots=True)
class Found:
    start: str | None
    end: str | None
    evidence: Evidence
    note: str = ""


@dataclass(frozen=True, slots=True)
class _Candidate:
    range: Range
    score: int
    own: str  # the own cue that named it
    evidence: Evidence
    order: int


@cache
def period_cues() -> tuple[tuple[Cue, ...], tuple[Cue, ...]]:
    """(own, other) cues, longest first."""
    text = (resources.files("dxcheck.draft") / "data" / "period_cues.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)

    def load(key: str) -> tuple[Cue, ...]:
        cues = [
            Cue(normalise(str(c["word"])), int(c["weight"]), str(c["reason"])) for c in data[key]
        ]
        return tuple(sorted(cues, key=lambda c: -len(c.word)))

    return load("own"), load("other")


def _found(text: str, cues: tuple[Cue, ...]) -> list[Cue]:
    """The cues in ``text``; a cue inside a longer one found at the same place is not counted."""
    norm = normalise(text)
    taken: list[tuple[int, int]] = []
    out: list[Cue] = []
    for cue in cues:
        at = norm.find(cue.word)
        while at >= 0:
            end = at + len(cue.word)
            if not any(a <= at and end <= b for a, b in taken):
                taken.append((at, end))
                out.append(cue)
                break
            at = norm.find(cue.word, at + 1)
    return out


def find_period(root: Section, roles: dict[int, Role], title: str | None = None) -> Found | None:
    own_cues, other_cues = period_cues()
    candidates: list[_Candidate] = []
    previous = ""
    order = 0
    for section in root.walk():
        role = roles.get(id(section), "own")
        if role == "ignore":
            if section.heading is not None:
                previous = quotable(section.heading.text)
            continue
        # the heading itself (第2節 計画期間（令和6年度～令和10年度）), then the section's units
        units = [(-1, section.heading)] if section.heading is not None else []
        for index, unit in [*units, *enumerate(section.units)]:
            heading = section.title if section.heading is not None and 0 <= index < 3 else ""
            if len(candidates) >= MAX_RANGES:
                break  # a plan states its period early; a document of dates is bounded
            for found in _score_unit(
                section, unit, role, previous, heading, title, own_cues, other_cues
            ):
                candidates.append(
                    _Candidate(found[0], found[1], found[2], found[3], order := order + 1)
                )
            previous = quotable(unit.text) if index < 0 else unit.text
    good = [c for c in candidates if c.own and c.score > 0]
    if not good:
        return None
    good.sort(key=lambda c: (-c.score, c.order))
    best = good[0]
    rival = next((c for c in good[1:] if not _same(c.range, best.range)), None)
    note = ""
    if rival is not None:
        note = (
            f"dxcheck draft: 別の読みあり（{_text(rival.range)}、{rival.evidence.section}: "
            f"「{rival.evidence.quote[:40]}」）。どちらが本計画の期間か確認してください"
        )
    elif best.range.length_agrees is False:
        note = f"dxcheck draft: 期間と年数（{best.range.years}年間）が合いません（要確認）"
    elif best.range.begin is None:
        note = "dxcheck draft: 終わりだけが書かれています（開始は記載なし）"
    elif best.range.until is None:
        note = "dxcheck draft: 始まりだけが書かれています（終わりは記載なし）"
    r = best.range
    return Found(
        r.begin.text() if r.begin else None,
        r.until.text() if r.until else None,
        best.evidence,
        note,
    )


def _same(a: Range, b: Range) -> bool:
    return (a.first, a.last) == (b.first, b.last)


def _text(r: Range) -> str:
    return f"{r.begin.text() if r.begin else ''}〜{r.until.text() if r.until else ''}"


def _score_unit(
    section: Section,
    unit: Unit,
    role: Role,
    previous: str,
    heading: str,
    title: str | None,
    own_cues: tuple[Cue, ...],
    other_cues: tuple[Cue, ...],
) -> list[tuple[Range, int, str, Evidence]]:
    raw = unit.text
    norm, where = flat(raw)
    out: list[tuple[Range, int, str, Evidence]] = []
    # the line above is a label (計画の期間) when it is short and holds no dates itself
    label_above = len(previous) <= LABEL_MAX * 2 and len(normalise(previous)) <= LABEL_MAX
    label_above = label_above and not ranges(flat(previous)[0])
    spans: list[tuple[int, str]] | None = None
    for found in ranges(norm):
        lead = max(0, found.start - WINDOW)
        start = max(
            lead, norm.rfind("。", lead, found.start) + 1, norm.rfind("\n", lead, found.start) + 1
        )
        limit = min(len(norm), found.end + WINDOW)
        stop_at = [
            i
            for i in (norm.find("。", found.end, limit), norm.find("\n", found.end, limit))
            if i >= 0
        ]
        stop = min(stop_at) if stop_at else limit
        before, after = norm[start : found.start], norm[found.end : stop]
        # The clause of the range (after the sentence's topic 本方針の期間は、…) holds the
        # words that say whose it is; the sentence before it may name the period.
        clause_start = max((m.end() for m in _TOPIC_END.finditer(before)), default=0)
        lead_in = before[clause_start:]
        aligned = max(_ALIGNED.finditer(lead_in), key=lambda m: m.end(), default=None)
        if aligned is not None:
            # 国の計画に合わせて令和5年度から…: another plan named to align with, not the owner
            lead_in = lead_in[aligned.end() :]
        # the sentence's topic (国の計画の対象期間は、…) says whose it is as much as the clause
        topic = re.match(r"[^、,]*?(?:は|では|が)[、,]", before[:clause_start])
        clause = (
            lead_in
            + " "
            + re.split(r"[、,]", after, maxsplit=1)[0]
            + " "
            + (topic.group(0) if topic else "")
        )
        label_only = (
            len(normalise(before.replace("\t", ""))) <= 12
            and "\t" not in before
            and not re.search(r"[、,。]|[はが]$", before.strip())
        )
        # …を計画期間とします / …を本計画の期間とする: the cue after the range, in its sentence
        context = [before.replace("\t", " ") + " " + _own_after(after)]
        if label_only:
            if label_above:
                context.append(previous)
            if heading:
                context.append(heading)
        own = [
            c
            for text in context
            for c in _found(text, own_cues)
            if not _of_other(text, c, other_cues)
        ]
        bare = len(re.sub(r"[\s()（）\[\]【】:：]", "", before + after)) <= 2
        if title and bare and any(_names_title(text, title) for text in [before, *context[1:]]):
            own.append(Cue("題名", 3, "本計画の題名の直後の期間（表紙）"))
        labels = [before, *context[1:]] if label_only else []
        for text in labels:  # a label that is only 期間 (the whole line) names the period
            if re.fullmatch(r"[0-9.()■●◆・\s]*期間[:：\s]*", normalise(text)):
                own.append(Cue("期間", 3, "期間の見出し"))
        score = sum(c.weight for c in own)
        near = _found(clause, other_cues)
        far = [c for c in _found(before[:clause_start], other_cues) if c not in near]
        label_other = [c for text in context[1:] for c in _found(text, other_cues)]
        score -= sum(c.weight for c in near + label_other) + len(far)
        owner = _PLAN_NAME.search(before[-80:]) or _row_owner(before) or _named_owner(before)
        if owner is not None:
            name = _squash(owner.group(1))
            mine = title is not None and (
                _squash(title).startswith(name) or name.startswith(_squash(title))
            )
            if mine:
                own.append(Cue("題名", 4, "本計画の題名に付いた期間"))
                score += 4
            else:
                score -= 6  # another plan's period: 厚木市情報化推進計画(2021~2026)
        if role == "external":
            score -= 3
        if found.begin is None or found.until is None:
            score -= 1
        if found.length_agrees is True:
            score += 1
        elif found.length_agrees is False:
            score -= 2
        if (found.until and found.until.unit == "d") or (found.begin and found.begin.unit == "d"):
            score -= 2  # a day is an event's date (a comment window), rarely a plan's period
        cue = own[0].word if own else ""
        if spans is None:
            spans = _spans(unit)
        quote = _quote(unit, spans, where[found.start])
        dated = f"期間 {_text(found)}（{cue}）" if cue else f"期間 {_text(found)}"
        ev = Evidence(section.path, unit.cited_page, quote, dated)
        out.append((found, score, cue, ev))
    return out


_DOC = r"(?:計画|方針|ビジョン|戦略|構想|プラン|ガイドライン|指針|ポリシー|大綱)"
_NAMED_PERIOD = re.compile(
    rf"([^\s、。,「」『』()]{{2,40}}?{_DOC})(?:\(仮称\))?の(?:計画|対象|推進|実施|取組)?期間(?:は|が|:)?[、,\s]{{0,2}}$"
)
_ROW_NAME = re.compile(rf"^\s*([^\t]{{2,40}}?{_DOC}(?:\(仮称\))?)\s*$")


def _row_owner(before: str) -> re.Match[str] | None:
    """A table row whose cell names a document (DX推進アクションプラン(仮称)\t…【計画期間】…)."""
    if "\t" not in before:
        return None
    for cell in reversed(before.split("\t")[:-1]):
        match = _ROW_NAME.match(cell)
        if match:
            return match
    return None


def _named_owner(before: str) -> re.Match[str] | None:
    """A named document whose period it is (みやぎ情報化推進ポリシーの計画期間は…); 本計画 is not a name."""
    match = _NAMED_PERIOD.search(before[-60:])
    if match is None or re.match(r"^(?:本|この|当|同)", match.group(1)):
        return None
    generic = re.sub(
        r"^(?:第[0-9一二三四五六七八九十]+[期次]|新|次期|前|旧|現行)", "", match.group(1)
    )
    return None if re.fullmatch(_DOC, generic) else match  # 第2期計画の期間: no name


def _of_other(text: str, cue: Cue, other_cues: tuple[Cue, ...]) -> bool:
    """The own cue belongs to another plan named just before it (総合計画の計画期間)."""
    norm = normalise(text)
    return any(
        re.search(
            re.escape(o.word) + r"[^、。,]{0,6}?(?:の|における|に係る)" + re.escape(cue.word), norm
        )
        for o in other_cues
    )


def _names_title(text: str, title: str) -> bool:
    """``text`` is, or ends with, the plan's own title (a cover: 〇〇市DX推進計画⏎令和6年度～…)."""
    mine, written = _squash(title), _squash(text)
    return bool(mine) and len(mine) >= 4 and written.endswith(mine)


def _own_after(after: str) -> str:
    """The own cue that closes the sentence after a range (…までの5年間を計画期間とします)."""
    match = _OWN_AFTER.search(after)
    return match.group(1) if match else ""


def _squash(text: str) -> str:
    return re.sub(r"[「」『』\s]", "", normalise(text))


def _spans(unit: Unit) -> list[tuple[int, str]]:
    """The unit's sentences (or table cells) with where each starts in its text."""
    out: list[tuple[int, str]] = []
    offset = 0
    for piece in pieces(unit):
        at = unit.text.find(piece, offset)
        if at >= 0:
            out.append((at, piece))
            offset = at + len(piece)
    return out


def _quote(unit: Unit, spans: list[tuple[int, str]], start: int) -> str:
    """The sentence (or table cell) holding the range, clipped around it; a substring of the
    unit's text."""
    text = unit.text
    index = bisect.bisect_right([at for at, _ in spans], start) - 1
    if index >= 0:
        at, piece = spans[index]
        if start < at + len(piece):
            text, start = piece, start - at
    lead = len(text) - len(text.lstrip(" \t#*-・●○■□◆◇　"))
    text, start = text[lead:].rstrip(), start - lead
    if len(text) <= MAX_QUOTE:
        return text
    begin = max(0, min(start - MAX_QUOTE // 3, len(text) - MAX_QUOTE))
    return text[begin : begin + MAX_QUOTE]
