"""Tables in the plan's text (tab-separated rows): KPI tables (指標・現状値・目標値) and 年度
schedules (rows of activities under 年度 columns)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dxcheck.draft.evidence import Evidence, evidence
from dxcheck.draft.outline import Section, Unit
from dxcheck.draft.when import clean, find_date

_KPI_HEAD = re.compile(r"指標|KPI|ＫＰＩ")
_BASE = re.compile(r"現状|基準|現在|実績")
_GOAL = re.compile(r"目標")
_BASE_VALUE = re.compile(r"(?:現状|基準|実績)値")
_GOAL_VALUE = re.compile(r"目標値")
_YEAR_CELL = re.compile(
    r"^\s*(?:(?:令和|平成)\s*[0-9０-９元]{1,2}|[RＲ]\s*[0-9０-９]{1,2}|[0-9０-９]{4})"
    r"\s*(?:年度)?\s*(?:[（(][0-9０-９]{4}[)）])?\s*$"
)
_ARROWS = re.compile(r"[→⇒⇨➡―—\-－ー・…●○◎◯\s]+")
_NUMBER = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9]{0,6})\s*$")


@dataclass(slots=True)
class KpiFound:
    name: str
    unit: str | None
    baseline: tuple[float | str, str | None] | None
    target: tuple[float | str, str | None] | None
    evidence: Evidence


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


def read_tables(section: Section) -> Tables:
    out = Tables()
    header: list[str] | None = None
    kind: str | None = None
    for unit in section.units:
        if "\t" not in unit.text:
            header, kind = None, None
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
            found = _kpi(section, unit, header, cells)
            if found:
                out.kpis.append(found)
        else:
            out.steps.extend(_step(section, unit, header, cells))
    return out


def _kind(cells: list[str]) -> str | None:
    """kpi: a header naming 指標/KPI, or 現状値・基準値 with 目標値 (a table of measures whose
    header says 現状・目標 in words is not a KPI table); schedule: two or more 年度 columns."""
    text = " ".join(cells)
    if _KPI_HEAD.search(text) or (_BASE_VALUE.search(text) and _GOAL_VALUE.search(text)):
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


def _kpi(section: Section, unit: Unit, header: list[str], cells: list[str]) -> KpiFound | None:
    name = cells[0].strip()
    if len(name) < 2 or name.isdigit() or "<" in unit.text:
        return None
    base_col = next((i for i, h in enumerate(header) if i and _BASE.search(h)), None)
    goal_col = next((i for i, h in enumerate(header) if i and _GOAL.search(h)), None)
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
    return KpiFound(name, unit_name, values[0], values[1], evidence(section, unit, name, cue))


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
