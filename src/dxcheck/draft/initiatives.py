"""Initiatives: the municipality's own measures, one per heading or table row that names a
national item, with the commitment its wording gives; items named only in background or in
someone else's plan become ``context`` entries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from dxcheck.draft.classify import Role
from dxcheck.draft.evidence import Evidence, evidence, pieces, quotable
from dxcheck.draft.lexicon import (
    clause_commitment,
    commitment_of,
    cues,
    find_items,
    find_spans,
    normalise,
    others_subject,
    predicate_commitment,
)
from dxcheck.draft.outline import Section, Unit, heading_of
from dxcheck.draft.sentences import (
    BULLET,
    CELL,
    introduces_measures,
    lead_line,
    lead_text,
    list_item,
    measure_title,
    plain_line,
    sentence_commitment,
    short,
    split_uses,
)
from dxcheck.draft.tables import KpiFound, StepFound, Tables, read_tables
from dxcheck.draft.when import find_date

_NUMBERED = re.compile(
    r"^[\s#・\-－]*(?:[①-⑳]|[(（]?[0-9０-９]{1,2}[)）.．]?|[ア-ト][\s.．、)）]|[ⅰ-ⅹi]{1,3}[\s.)])\s*"
)
_RANK = {"implement": 3, "continue": 2, "consider": 1}


@dataclass(slots=True)
class Drafted:
    title: str
    items: list[str]
    commitment: str
    evidence: Evidence
    target: str | None = None
    kpis: list[KpiFound] = field(default_factory=list)
    steps: list[StepFound] = field(default_factory=list)
    row: int | None = None  # id() of the table row it came from
    uses: list[str] = field(default_factory=list)  # items used inside this measure


def find_initiatives(
    root: Section, roles: dict[int, Role], author: str | None = None
) -> list[Drafted]:
    """The plan's initiatives; ``author`` (the body the cover names) tells a prefecture's own
    「県では…」 from another body's."""
    own: list[Drafted] = []
    mentions: dict[str, Evidence] = {}
    headings = {_key(s.title) for s in root.walk() if s.heading is not None}
    detailed = {_key(s.title) for s in root.walk() if s.heading is not None and s.units}
    c = cues()
    detailing = any(  # the document has measure-level sections (施策・取組 …) of its own
        s.heading is not None
        and any(w in normalise(f"{s.number} {s.title}") for w in c.measure_units)
        for s in root.walk()
    )
    for section in root.walk():
        role = roles[id(section)]
        if role == "ignore":
            continue
        if (
            section.heading is not None
            and not section.units
            and not section.children
            and _key(section.title) in detailed
        ):
            continue  # an overview's entry; the section with the text decides
        if section.heading is None and role == "own":
            own.extend(
                _root(section, mentions, author)
            )  # a page without headings: sentence by sentence
            continue
        if (
            role != "own"
            or section.heading is None
            or _bare_vision(section, detailing)
            or _vision_statement(section)
        ):
            _mentions(section, mentions)
            continue
        tables = read_tables(section)
        drafted = _own(section, mentions, tables, headings - {_key(section.title)}, author)
        if own and drafted and _repeats(own[-1], drafted[0], section):
            drafted.pop(0)
        own.extend(drafted)
        _attach(tables, drafted, own)
    covered = {item for d in own for item in (*d.items, *d.uses)}
    context = [
        Drafted(f"{short(ev.quote, 40)}（背景としての言及）", [item], "context", ev)
        for item, ev in mentions.items()
        if item not in covered
    ]
    return own + context


def _bare_vision(section: Section, detailing: bool) -> bool:
    """A direction or goal heading with nothing under it (基本方針３ 地域社会のデジタル化, the
    list of a plan's 基本方針): a vision, not a measure. The heading's own label counts; a
    bare heading under a chapter titled 基本方針 counts only when the document details its
    measures in sections of their own (施策・取組 …), so that a plan whose measures are bare
    headings under 基本方針 keeps them (and a bare (1) under 基本方針３ stays a measure)."""
    if section.units or section.children:
        return False
    c = cues()
    label = normalise(f"{section.number} {section.title}")
    own_label = normalise(section.number) or normalise(section.title)
    parent = section.parent
    parent_label = normalise(parent.title) if parent is not None and parent.heading else ""
    if any(w in label for w in c.measure_units):
        return False
    return (detailing and any(w in own_label for w in c.vision)) or (
        detailing and any(parent_label.endswith(w) for w in c.vision)
    )


def _vision_statement(section: Section) -> bool:
    """A section titled only by a direction label (基本方針, 基本理念, 目指す姿): its text states
    the pillars of the plan, not a measure; the measures are in its subsections."""
    title = normalise(section.title).strip("()（）「」")
    return any(
        title == w or (title.endswith(w) and len(title) <= len(w) + 4) for w in cues().vision_titles
    )


def _repeats(before: Drafted, now: Drafted, section: Section) -> bool:
    """The heading of a section that repeats its parent's heading (第５章 推進体制 / １ 推進体制):
    one initiative, not two."""
    parent = section.parent
    return (
        parent is not None
        and parent.heading is not None
        and _key(parent.title) == _key(section.title)
        and now.evidence.quote == quotable(section.heading.text if section.heading else "")
        and before.items == now.items
        and before.commitment == now.commitment
        and before.evidence.section == parent.path
    )


def _mentions(section: Section, mentions: dict[str, Evidence]) -> None:
    units = ([section.heading] if section.heading is not None else []) + section.units
    for unit in units:
        for piece in pieces(unit):
            for item, phrase in find_items(piece).items():
                if item not in mentions:
                    mentions[item] = evidence(section, unit, piece, f"keyword {phrase}（背景）")


def _attach(tables: Tables, here: list[Drafted], everywhere: list[Drafted]) -> None:
    """A KPI or a schedule row goes to the initiative drafted from its own table row, else to
    the initiative of its section that names the same item, else to any initiative naming its
    item, else (a KPI) to the section's first initiative (a KPI line in the text: the
    nearest initiative before it)."""
    rows: list[KpiFound | StepFound] = [*tables.kpis, *tables.steps]
    for found in rows:
        text = found.name if isinstance(found, KpiFound) else found.activity
        items = set(find_items(text))
        kpi = isinstance(found, KpiFound)
        same_row = found.row if isinstance(found, KpiFound) else None
        target = (
            next((d for d in here if same_row is not None and d.row == same_row), None)
            or next((d for d in here if items & set(d.items)), None)
            or next((d for d in everywhere if items & set(d.items)), None)
            or (here[0] if here and kpi else None)
            or (
                everywhere[-1]
                if everywhere and isinstance(found, KpiFound) and found.inline
                else None
            )
        )
        if target is None:
            continue
        if isinstance(found, KpiFound):
            target.kpis.append(found)
        else:
            target.steps.append(found)


def _key(text: str) -> str:
    """A heading or list line without its number, for telling a summary list from its sections."""
    found = heading_of(text.replace("\t", " "))
    return normalise(found[2] if found else text)


def _summarises(text: str, elsewhere: set[str]) -> bool:
    first = next((c for c in text.split("\t") if len(c.strip()) > 3), "")
    if not _NUMBERED.match(first) or len(first) > 80:
        return False  # only numbered list lines and rows (①…, (1)…) summarise sections
    key = _key(_NUMBERED.sub("", first))
    if len(key) < 4:
        return False
    if key in elsewhere:
        return True
    for heading in elsewhere:
        if len(heading) < 4 or abs(len(key) - len(heading)) > len(heading) * 0.2:
            continue
        matcher = SequenceMatcher(None, key, heading)
        if (
            matcher.real_quick_ratio() >= 0.85
            and matcher.quick_ratio() >= 0.85
            and matcher.ratio() >= 0.85
        ):
            return True
    return False


def _own(
    section: Section,
    mentions: dict[str, Evidence],
    tables: Tables,
    elsewhere: set[str],
    author: str | None = None,
) -> list[Drafted]:
    assert section.heading is not None
    out: list[Drafted] = []
    title = quotable(section.heading.text)
    title_items = find_items(section.title)
    body: list[tuple[Unit, str]] = []
    for unit in section.units:
        if id(unit) in tables.measures:
            row = _row(section, unit, tables.measures[id(unit)])
            if row is not None:
                out.append(row)
            continue
        if id(unit) in tables.rows:
            continue
        if not unit.text.endswith("。") and _summarises(unit.text, elsewhere):
            # A line of a summary list (or a schedule row) that names a section detailed
            # elsewhere: that section decides the commitment (②行政事務の効率化（…AI・RPAの
            # 利用推進） → the section ② 行政事務の効率化…, whose text says 導入を検討する).
            continue
        if "\t" in unit.text:
            row = _row(section, unit)
            if row is not None:
                out.append(row)
            continue
        body.extend((unit, piece) for piece in pieces(unit))
    target = next((t for t in (find_date(p, until=True) for _, p in body) if t), None)
    heading_drafted: list[Drafted] = []
    if title_items:
        # Each item the heading names takes the commitment of the body sentences that name it
        # (見出し「AI・RPAの利用推進」, 本文「…導入を検討する」 → consider); implement when the body
        # does not come back to it. One initiative per commitment.
        grouped: dict[str, list[str]] = {}
        for item in title_items:
            said = [commitment_of(p) for _, p in body if item in find_items(p)]
            kept = [c for c in said if c and c != "context"]
            grouped.setdefault(_combine(kept) or "implement", []).append(item)
        for heading_commitment, heading_items in grouped.items():
            words = dict.fromkeys(title_items[i] for i in heading_items)
            ev = evidence(section, section.heading, title, "見出しの keyword " + "・".join(words))
            national, used = split_uses(section.title, heading_items, set())
            heading_drafted.append(
                Drafted(
                    short(section.title, 60), national, heading_commitment, ev, target, uses=used
                )
            )
        out.extend(heading_drafted)
    # Items the heading does not name: one initiative per sentence that names them with a
    # commitment (its quote supports every item it lists); an item already drafted from this
    # section with the same commitment is not repeated.
    seen = {(item, d.commitment) for d in out for item in (*d.items, *d.uses)}
    # a section titled as the plan's measures (主な取組, 施策の内容): its short lines name them
    listing = any(w in normalise(section.title) for w in cues().measure_lists)
    lead: tuple[int, str] | None = None
    for index, (unit, piece) in enumerate(body):
        if lead_line(unit.text):
            lead = (index, lead_text(unit.text))
        items = {k: v for k, v in find_items(piece).items() if k not in title_items}
        items = _mention_background(section, unit, piece, items, mentions)
        if not items:
            continue
        national, used = split_uses(piece, list(items), set(title_items))
        before = body[index - 1][0].text if index else ""
        commitment = sentence_commitment(unit, piece, author, before, listing)
        if commitment is None and used and not national and heading_drafted:
            # 「マイナンバーカードを読み取る」 in the text of 「書かない窓口」: the heading's
            # measure uses it.
            heading_drafted[0].uses.extend(i for i in used if i not in heading_drafted[0].uses)
            seen.update((i, heading_drafted[0].commitment) for i in used)
            continue
        if commitment is None:
            for item in items:
                mentions.setdefault(item, evidence(section, unit, piece, f"keyword {items[item]}"))
            continue
        sentence = Sentence(section, unit, piece, items, lead, index)
        drafted = _from_sentence(sentence, national, used, commitment, seen, section.title)
        if drafted is not None:
            out.append(drafted)
    return out


def _root(
    section: Section, mentions: dict[str, Evidence], author: str | None = None
) -> list[Drafted]:
    """Text outside any heading (a web page, a plan's cover): an item is the municipality's
    measure only when its own sentence commits to it — the predicate ends the sentence
    (…を推進しています, …の推進) and no other body is its subject; otherwise a mention."""
    out: list[Drafted] = []
    seen: set[tuple[str, str]] = set()
    lead: tuple[int, str] | None = None
    body = [
        (unit, piece) for unit in section.units if "\t" not in unit.text for piece in pieces(unit)
    ]
    listing = False  # the list lines that follow introduce the plan's measures
    for index, (unit, piece) in enumerate(body):
        if lead_line(unit.text):
            lead = (index, lead_text(unit.text))
            if introduces_measures(piece):
                listing = True  # ■重点的な取組
            elif not find_items(piece) and plain_line(lead[1]):
                listing = False  # ■このページに関するお問い合わせ
        elif CELL.search(unit.text.strip()):
            listing = listing or introduces_measures(piece)  # a header cell: 取組 |
        elif not BULLET.match(unit.text) and not (listing and _in_list(unit.text, piece)):
            listing = introduces_measures(piece)
        items = _mention_background(section, unit, piece, find_items(piece), mentions)
        if not items:
            continue
        other = others_subject(piece, author)
        commitment = None if other else predicate_commitment(piece)
        if commitment is None and not other:
            spans = find_spans(piece)
            said = [clause_commitment(piece, spans[i][1]) for i in items if i in spans]
            commitment = next((c for c in said if c is not None), None)
        before = body[index - 1][0].text if index else ""
        listed = list_item(unit.text, before) or plain_line(unit.text)
        if commitment is None and listing and listed:
            commitment = "implement"  # 実施項目 / ・利用機会の格差是正（デジタルデバイド対策）
        if commitment in (None, "context"):
            for item in items:
                mentions.setdefault(item, evidence(section, unit, piece, f"keyword {items[item]}"))
            continue
        assert commitment is not None
        national, used = split_uses(piece, list(items), set())
        sentence = Sentence(section, unit, piece, items, lead, index)
        drafted = _from_sentence(sentence, national, used, commitment, seen, "")
        if drafted is not None:
            out.append(drafted)
    return out


def _in_list(line: str, piece: str) -> bool:
    """A line that goes on with a list of measures: a short name, or a sentence that describes
    a measure (names an item and commits to it); anything else ends the list."""
    if plain_line(line):
        return True
    return bool(find_items(piece)) and predicate_commitment(piece) not in (None, "context")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or list line, or cell) of the plan that names national items."""

    section: Section
    unit: Unit
    text: str
    items: dict[str, str]  # item → the phrase that named it
    lead: tuple[int, str] | None  # the list line or bold lead above it (index, text)
    index: int


def _from_sentence(
    s: Sentence,
    national: list[str],
    used: list[str],
    commitment: str,
    seen: set[tuple[str, str]],
    fallback: str,
) -> Drafted | None:
    """One initiative for the items a sentence commits to that this section has not drafted
    with the same commitment yet; its quote supports every item it lists."""
    new = [i for i in national if (i, commitment) not in seen]
    new_uses = [i for i in used if (i, commitment) not in seen]
    if not new and not new_uses:
        return None
    seen.update((i, commitment) for i in (*new, *new_uses))
    cue = "本文の keyword " + "・".join(dict.fromkeys(s.items[i] for i in (*new, *new_uses)))
    ev = evidence(s.section, s.unit, s.text, cue)
    name = measure_title(s.text, [*new, *new_uses], s.lead, s.index, fallback)
    return Drafted(name, new, commitment, ev, find_date(s.text, until=True), uses=new_uses)


def _mention_background(
    section: Section, unit: Unit, piece: str, items: dict[str, str], mentions: dict[str, Evidence]
) -> dict[str, str]:
    """The items of a sentence less those it names only in a clause about what it follows
    (国の計画に掲げられた重点取組事項（…）を踏まえつつ、本市では…): those are mentions."""
    at = max((piece.rfind(w) for w in cues().background_clause), default=-1)
    if at < 0:
        return items
    after = find_items(piece[at:])
    for item, phrase in items.items():
        if item not in after:
            mentions.setdefault(item, evidence(section, unit, piece, f"keyword {phrase}（背景）"))
    return {k: v for k, v in items.items() if k in after}


def _row(section: Section, unit: Unit, text: str | None = None) -> Drafted | None:
    text = unit.text if text is None else text
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    items = find_items(text)
    if not items or not cells:
        return None
    commitment = commitment_of(text)
    if commitment in (None, "context"):
        commitment = "implement"
    cell = next((c for c in cells if find_items(c)), cells[0])
    if cell not in unit.text:  # cells glued from a wrapped table row: quote the first line
        cell = next(c for c in unit.text.split("\t") if c.strip())
    cue = "表の行の keyword " + "・".join(dict.fromkeys(items.values()))
    target = find_date(text, until=True)
    title = next((c for c in cells if len(c) >= 2 and not c.rstrip(".").isdigit()), cells[0])
    ev = evidence(section, unit, cell, cue)
    return Drafted(short(title, 60), list(items), commitment, ev, target, row=id(unit))


def _combine(commitments: list[str]) -> str | None:
    if not commitments:
        return None
    return max(commitments, key=lambda c: _RANK[c])
