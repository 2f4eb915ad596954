"""Tables in the plan's text (tab-separated rows): KPI tables (指標・現状値・目標値) and 年度
schedules (rows of activities under 年度 columns)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace

from dxcheck.draft.evidence import Evidence, evidence
from dxcheck.draft.lexicon import alternation, table_words
from dxcheck.draft.outline import Section, Unit
from dxcheck.draft.when import clean, find_date

_YEAR_CELL = re.compile(
    r"^\s*(?:(?:令和|平成)\s*[0-9０-９元]{1,2}|[RＲ]\s*[0-9０-９]{1,2}|[0-9０-９]{4})"
    r"\s*(?:年度)?\s*(?:[（(][0-9０-９]{4}[)）])?\s*$"
)
_ARROWS = re.compile(r"[→⇒⇨➡―—\-－ー・…●○◎◯\s]+")
_NUMBER = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9]{0,6})\s*$")


@cache
def _words() -> SimpleNamespace:
    """The table regexes, built from the words in cues.yaml ``tables`` (the grammar — numbers,
    units, 年度 cells, where a label stands on a line — is here)."""
    t = table_words()
    value_word = f"(?:{alternation(t.value_words)})"
    return SimpleNamespace(
        kpi_head=re.compile(alternation(t.kpi_heads)),
        base=re.compile(alternation(t.baseline_heads)),
        goal=re.compile(alternation(t.target_heads)),
        base_value=re.compile(alternation(t.baseline_values)),
        goal_value=re.compile(alternation(t.target_values)),
        measure_head=re.compile(alternation(t.measure_heads)),
        # An inline KPI: a line that starts with its label (ＫＰＩ　…、成果指標：…、【指標】…) and
        # gives values after 現状値・基準値・目標値 (on the same line or the next one), each with
        # its unit and an optional （令和５年度）.
        inline_label=re.compile(
            rf"^[\s・●○■□◆◇※]*[【\[(<]?\s*(?:{alternation(t.inline_labels)})"
            r"\s*[】\])>]?\s*[:：]?\s*",
            re.IGNORECASE,
        ),
        value_word=value_word,
        value_line=re.compile(rf"^[\s・]*{value_word}"),
        inline_value=re.compile(
            rf"({value_word})\s*(?:\(([^()]{{1,20}})\))?\s*[:：]?\s*"
            r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9()→⇒～〜、。,]{0,6})\s*(?:\(([^()]{1,20})\))?"
        ),
    )


@dataclass(slots=True)
class KpiFound:
    name: str
    unit: str | None
    baseline: tuple[float | str, str | None] | None
    target: tuple[float | str, str | None] | None
    evidence: Evidence
    row: int | None = None  # id() of the table row it came from
    inline: bool = False  # a KPI line in the text (not a table)


@dataclass(slots=True)
class StepFound:
    fiscal_year: str
    activity: str
    evidence: Evidence


@dataclass(slots=True)
class Tables:
    kpis: list[KpiFound] = field(default_factory=list)
    steps: list[StepFound] = field(default_factory=list)
    rows: set[int] = field(default_factory=set)  # id() of KPI table units (not measures)
    # id() of a KPI table row → the text of its measure cells (施策・主な取組 columns)
    measures: dict[int, str] = field(default_factory=dict)


def read_tables(section: Section) -> Tables:
    out = Tables()
    header: list[str] | None = None
    kind: str | None = None
    pending: tuple[Unit, list[str]] | None = None  # a KPI row that may go on on the next line

    def flush() -> None:
        nonlocal pending
        if pending is not None and header is not None:
            unit, cells = pending
            row = _kpi(section, unit, header, cells)
            if row:
                out.kpis.append(row)
            measure = _measure_cells(header, cells)
            if measure:
                out.measures[id(unit)] = measure
        pending = None

    units = section.units
    heading = section.heading
    if heading is not None and units and _bare_label(heading.text):
        # 【成果指標】 as its own heading, the name and the values under it.
        block = _inline(section, heading, units[:3])
        if block is not None:
            out.kpis.append(block[0])
            out.rows.update(block[1])
    for index, unit in enumerate(units):
        if "\t" not in unit.text:
            after = units[index + 1] if index + 1 < len(units) else None
            if (
                kind
                and after is not None
                and "\t" in after.text
                and _kind(after.text.split("\t")) is None
                and _interjected(unit.text)
            ):
                continue  # a running header or a page label inside a table that goes on
            flush()
            header, kind = None, None
            if id(unit) not in out.rows:
                inline = _inline(section, unit, units[index + 1 : index + 4])
                if inline is not None:
                    out.kpis.append(inline[0])
                    out.rows.update(inline[1])
            continue
        cells = unit.text.split("\t")
        if header is None or kind is None:
            kind = _kind(cells)
            header = cells if kind else None
            if kind:
                out.rows.add(id(unit))  # a header row is no measure
            continue
        if kind == "kpi":
            out.rows.add(id(unit))
            if _continues(header, pending, cells):
                # Cells wrapped inside the table (PDF): 「マイナンバーカ / ードの利活用」.
                if pending is None:
                    header = _glue(header, cells, right=True)
                else:
                    pending = (pending[0], _glue(pending[1], cells, right=False))
                continue
            flush()
            pending = (unit, cells)
        else:
            out.steps.extend(_step(section, unit, header, cells))
    flush()
    return out


def _bare_label(text: str) -> bool:
    norm = unicodedata.normalize("NFKC", text)
    label = _words().inline_label.match(norm)
    return label is not None and not norm[label.end() :].strip(" :：・】]")


def _interjected(text: str) -> bool:
    return (
        len(text) <= 40
        and not re.search(r"[。:：]", text)
        and _words().inline_label.match(text) is None
    )


def _continues(header: list[str], pending: tuple[Unit, list[str]] | None, cells: list[str]) -> bool:
    """A row of a KPI table that carries on the row above: fewer cells than the row above and
    no number in them (values are short and do not wrap)."""
    above = pending[1] if pending is not None else header
    filled = [c for c in cells if c.strip()]
    if not filled or len(cells) >= len(above):
        return False
    if pending is None:
        return all(len(c.strip()) <= 12 and not _NUMBER.match(c) for c in filled) and any(
            find_date(c) is None and re.search(r"年度|[)）]", c) for c in filled
        )
    return not any(_NUMBER.match(c) for c in filled)


def _glue(row: list[str], more: list[str], *, right: bool) -> list[str]:
    """The row with the next line's cells appended, cell by cell (a wrapped header's tails
    belong to its last columns, a wrapped row's to its first)."""
    out = list(row)
    offset = len(row) - len(more) if right else 0
    for i, cell in enumerate(more):
        out[offset + i] = out[offset + i].rstrip() + cell.strip()
    return out


def _kind(cells: list[str]) -> str | None:
    """kpi: a header naming 指標/KPI, or 現状値・基準値 with 目標値 (a table of measures whose
    header says 現状・目標 in words is not a KPI table); schedule: two or more 年度 columns."""
    text = " ".join(cells)
    if _words().kpi_head.search(text) or (
        _words().base_value.search(text) and _words().goal_value.search(text)
    ):
        return "kpi"
    if sum(1 for c in cells if _YEAR_CELL.match(c) and _year(c)) >= 2:
        return "schedule"
    return None


def _year(cell: str) -> str | None:
    text = re.sub(r"[（(][0-9０-９]{4}[)）]", "", cell).strip()
    text = re.sub(r"^[RＲ]\s*", "令和", text)
    if not text.endswith("年度"):
        text += "年度"
    return clean(text)


def _value(cell: str) -> tuple[float | str, str | None] | None:
    cell = cell.strip()
    if not cell or cell in ("-", "－", "―", "—"):
        return None
    match = _NUMBER.match(cell.replace("，", ","))
    if match:
        return float(match.group(1).replace(",", "")), match.group(2) or None
    return cell, None


def _name_col(header: list[str]) -> int:
    """The column naming the indicator: the one headed 指標/KPI, else the first."""
    return next(
        (
            i
            for i, h in enumerate(header)
            if _words().kpi_head.search(h) and not _words().base.search(h)
        ),
        0,
    )


def _measure_cells(header: list[str], cells: list[str]) -> str:
    """A KPI table that also lists the measures (施策・主な取組・指標・現状値・目標値): the
    row's measure cells, before the indicator column, tab-separated."""
    name_col = _name_col(header)
    cols = [
        i
        for i, h in enumerate(header[:name_col])
        if _words().measure_head.search(h) and not _words().kpi_head.search(h)
    ]
    return "\t".join(cells[i].strip() for i in cols if i < len(cells) and cells[i].strip())


def _inline(
    section: Section, unit: Unit, following: list[Unit]
) -> tuple[KpiFound, list[int]] | None:
    """A KPI written in the text: 「ＫＰＩ　交付率　現状値（令和５年度）７２％　目標値…」, or a
    short block: the label (and the name) on one line, the name on the next when the label
    stands alone, and the values on the lines after (one per line or together)."""
    text = unicodedata.normalize("NFKC", unit.text)
    label = _words().inline_label.match(text)
    if label is None or len(text) > 200:
        return None
    rest = text[label.end() :]
    used = [id(unit)]
    values = list(_words().inline_value.finditer(rest))
    name_end = values[0].start() if values else len(rest)
    if not values:
        for after in following[:3]:
            line = unicodedata.normalize("NFKC", after.text)
            if "\t" in line or len(line) > 120:
                break
            if _words().value_line.match(line):
                more = list(_words().inline_value.finditer(line))
                if not more:
                    break
                values.extend(more)
                used.append(id(after))
            elif not rest.strip(" :：・") and len(used) == 1 and not re.search(r"[。]", line):
                rest = line  # 【成果指標】 / カード交付率 / 現状値… / 目標値…
                name_end = len(rest)
                used.append(id(after))
            else:
                break
    if not values:
        return _arrow(section, unit, rest, used)
    name = rest[:name_end].strip(" :：・、,()")
    if len(name) < 2:
        return None
    base: tuple[float | str, str | None] | None = None
    goal: tuple[float | str, str | None] | None = None
    unit_name: str | None = None
    for match in values:
        number = float(match.group(3).replace(",", ""))
        date = find_date(match.group(2) or "") or find_date(match.group(5) or "")
        if match.group(4):
            unit_name = match.group(4)
        if match.group(1).startswith("目標"):
            goal = goal or (number, date)
        else:
            base = base or (number, date)
    cue = f"本文の指標 {name}"
    found = KpiFound(
        name, unit_name, base, goal, evidence(section, unit, unit.text, cue), inline=True
    )
    return found, used


_ARROW_VALUES = re.compile(
    r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9()→⇒～〜、。,]{0,6})\s*(?:\(([^()]{1,20})\))?\s*[→⇒]\s*"
    r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9()→⇒～〜、。,]{0,6})\s*(?:\(([^()]{1,20})\))?"
)


def _arrow(
    section: Section, unit: Unit, rest: str, used: list[int]
) -> tuple[KpiFound, list[int]] | None:
    """「【KPI】カード保有率：72%（令和5年度）→90%（令和9年度）」: baseline → target."""
    match = _ARROW_VALUES.search(rest)
    if match is None:
        return None
    name = rest[: match.start()].strip(" :：・、,()")
    if len(name) < 2:
        return None
    base = (float(match.group(1).replace(",", "")), find_date(match.group(3) or ""))
    goal = (float(match.group(4).replace(",", "")), find_date(match.group(6) or ""))
    unit_name = match.group(5) or match.group(2) or None
    ev = evidence(section, unit, unit.text, f"本文の指標 {name}")
    return KpiFound(name, unit_name, base, goal, ev, inline=True), used[:1]


def _kpi(section: Section, unit: Unit, header: list[str], cells: list[str]) -> KpiFound | None:
    name_col = _name_col(header)
    name = cells[name_col].strip() if name_col < len(cells) else ""
    if len(name) < 2 or name.isdigit() or "<" in unit.text:
        return None
    base_col = next((i for i, h in enumerate(header) if i and _words().base.search(h)), None)
    goal_col = next((i for i, h in enumerate(header) if i and _words().goal.search(h)), None)
    unit_name: str | None = None
    values: list[tuple[float | str, str | None] | None] = []
    for col in (base_col, goal_col):
        value = _value(cells[col]) if col is not None and col < len(cells) else None
        if value is not None and value[1]:
            unit_name = value[1]
        date = find_date(header[col]) if col is not None else None
        values.append((value[0], date) if value is not None else None)
    if values[0] is None and values[1] is None:
        return None
    cue = f"表の指標 {name}"
    quote = name if name in unit.text else next(c for c in unit.text.split("\t") if c.strip())
    ev = evidence(section, unit, quote, cue)
    return KpiFound(name, unit_name, values[0], values[1], ev, row=id(unit))


def _step(section: Section, unit: Unit, header: list[str], cells: list[str]) -> list[StepFound]:
    """One entry per 年度 cell with text (an arrow-only row: its first 年度)."""
    years = {i: _year(h) for i, h in enumerate(header) if _YEAR_CELL.match(h)}
    names = [
        c.strip()
        for i, c in enumerate(cells)
        if i not in years and c.strip() and not c.strip().rstrip(".").isdigit()
    ]
    filled = [i for i in sorted(years) if i < len(cells) and cells[i].strip()]
    if not names or not filled:
        return []
    name = " ".join(names)[:80]
    cue_cell = names[0]
    worded = [i for i in filled if not _ARROWS.fullmatch(cells[i].strip())]
    out: list[StepFound] = []
    for index in worded or filled[:1]:
        year = years[index]
        if year is None:
            continue
        cell = cells[index].strip()
        activity = name if _ARROWS.fullmatch(cell) else f"{name}（{cell}）"
        out.append(StepFound(year, activity, evidence(section, unit, cue_cell, f"年度の表 {year}")))
    return out
