"""Facts the rules need: the 基幹業務 a plan lists for standardisation, and the number of
procedures it puts online."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace

from dxcheck.catalog import load_catalog
from dxcheck.draft.classify import Role
from dxcheck.draft.evidence import Evidence, evidence, pieces
from dxcheck.draft.lexicon import alternation, fact_words, normalise
from dxcheck.draft.outline import Section, Unit

MIN_LISTED = 8  # fewer names than this is a mention, not the list
_COUNT = re.compile(r"([0-9]{1,3})\s*(?:の)?業務")
_PROCEDURES = re.compile(r"([0-9]{1,3})\s*(?:の)?手続")


@cache
def _words() -> SimpleNamespace:
    """The facts' words from cues.yaml ``facts`` (counting and listing is code)."""
    f = fact_words()
    return SimpleNamespace(
        online=re.compile(alternation(f.online)),
        procedure=re.compile(alternation(f.procedure_words)),
        cloud=tuple(normalise(w) for w in f.cloud),
        specific=normalise(f.specific[0]),
        mynaportal=normalise(f.mynaportal[0]),
    )


@dataclass(frozen=True, slots=True)
class Systems:
    names: list[str]
    count: int | None
    cloud: bool
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Specific:
    """特定移行支援システム: the 基幹業務 named with it and the migration target."""

    systems: list[str]
    target: str | None
    evidence: Evidence


def find_specific(root: Section, roles: dict[int, Role]) -> list[Specific]:
    """Sentences of the plan (not of the national plan's description) naming 特定移行支援
    システム: the 基幹業務 named in the sentence (else in the sentence before it) and the
    date after the mention (else the sentence's first date)."""
    from dxcheck.draft.when import find_date

    variants = _variants()
    order = list(load_catalog().core_business)
    out: list[Specific] = []
    for section in root.walk():
        if not _usable(section, roles):
            continue
        for unit in section.units:
            parts = pieces(unit)
            for index, piece in enumerate(parts):
                norm = normalise(piece)
                at = norm.find(_words().specific)
                if at < 0:
                    continue
                named = _named(norm, variants)
                if not named and index > 0:
                    named = _named(normalise(parts[index - 1]), variants)
                if not named:
                    continue
                target = find_date(norm[at:]) or find_date(norm)
                names = sorted(named, key=order.index)
                cue = f"特定移行支援システム {'・'.join(names)}"
                out.append(Specific(names, target, evidence(section, unit, piece, cue)))
    return out


def _named(norm: str, variants: dict[str, str]) -> set[str]:
    named = {name for form, name in variants.items() if form in norm}
    if "戸籍の附票" not in norm:
        named.discard("戸籍の附票")
    if "児童扶養手当" in norm and norm.replace("児童扶養手当", "").find("児童手当") < 0:
        named.discard("児童手当")
    return named


@dataclass(frozen=True, slots=True)
class Procedures:
    count: int | None
    mynaportal: bool
    evidence: Evidence
    names: tuple[str, ...] = ()


def _usable(section: Section, roles: dict[int, Role]) -> bool:
    return roles[id(section)] in ("own", "background")


def _variants() -> dict[str, str]:
    """Written forms of each 基幹業務 (normalised) → the catalog's name (synonyms.yaml)."""
    from dxcheck.draft.lexicon import core_business_aliases

    out: dict[str, str] = {}
    for name in load_catalog().core_business:
        for form in {name, name.replace("・", "")}:
            out[normalise(form)] = name
    for alias, name in core_business_aliases().items():
        out[normalise(alias)] = name
    return out


def find_systems(root: Section, roles: dict[int, Role]) -> Systems | None:
    variants = _variants()
    cloud = False
    best: Systems | None = None
    for section in root.walk():
        if not _usable(section, roles):
            continue
        text = normalise(" ".join(u.text for u in section.units))
        cloud = cloud or any(w in text for w in _words().cloud)
        named = {name for form, name in variants.items() if form in text}
        if "戸籍の附票" not in text:
            named.discard("戸籍の附票")
        if len(named) < MIN_LISTED or (best is not None and len(named) <= len(best.names)):
            continue
        unit = next(u for u in section.units if any(f in normalise(u.text) for f in variants))
        count = next(
            (int(m.group(1)) for u in section.units for m in _COUNT.finditer(normalise(u.text))),
            None,
        )
        if section.heading is not None and count is None:
            match = _COUNT.search(normalise(section.heading.text))
            count = int(match.group(1)) if match else None
        order = list(load_catalog().core_business)
        names = sorted(named, key=order.index)
        piece = pieces(unit)[0]
        cue = f"基幹業務 {len(names)} 件の列挙"
        best = Systems(names, count, cloud, evidence(section, unit, piece, cue))
    if best is not None and cloud and not best.cloud:
        best = Systems(best.names, best.count, True, best.evidence)
    return best


MIN_PROCEDURES = 10  # fewer matching names than this is a mention, not the list


def _procedure_key(text: str) -> str:
    return normalise(text).replace("手続き", "手続").replace("(", "").replace(")", "")


def find_procedure_list(root: Section, roles: dict[int, Role]) -> tuple[list[str], Evidence] | None:
    """The national online procedures a section prints as a list (as the document spells them)."""
    from difflib import SequenceMatcher

    national = [_procedure_key(p.name) for p in load_catalog().online_procedures]
    for section in root.walk():
        if not _usable(section, roles):
            continue
        names: list[str] = []
        first: tuple[Unit, str] | None = None
        matched: set[int] = set()
        for unit in section.units:
            for piece in pieces(unit):
                text = piece.strip(" ・-●")
                if not 4 <= len(text) <= 60 or not _words().procedure.search(text):
                    continue
                key = _procedure_key(text)
                for index, name in enumerate(national):
                    if index in matched:
                        continue
                    matcher = SequenceMatcher(None, key, name)
                    if matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
                        matched.add(index)
                        names.append(text)
                        first = first or (unit, piece)
                        break
        if len(names) >= MIN_PROCEDURES and first is not None:
            cue = f"国の手続名 {len(names)} 件の列挙"
            return names, evidence(section, first[0], first[1], cue)
    return None


def find_procedures(root: Section, roles: dict[int, Role]) -> Procedures | None:
    listed = find_procedure_list(root, roles)
    counted = _procedure_count(root, roles)
    if listed is None:
        return counted
    names, ev = listed
    if counted is not None:
        c = counted.evidence
        both = Evidence(c.section, c.page, c.quote, f"{c.cue}・{ev.cue}（{ev.section}）")
        return Procedures(counted.count, counted.mynaportal, both, tuple(names))
    return Procedures(None, False, ev, tuple(names))


def _procedure_count(root: Section, roles: dict[int, Role]) -> Procedures | None:
    for section in root.walk():
        if not _usable(section, roles):
            continue
        for unit in section.units:
            for piece in pieces(unit):
                norm = normalise(piece)
                counts = [int(m.group(1)) for m in _PROCEDURES.finditer(norm)]
                counts = [n for n in counts if 0 < n < 500]
                if counts and _words().online.search(norm):
                    cue = f"手続数 {max(counts)}"
                    return Procedures(
                        max(counts),
                        _words().mynaportal in norm,
                        evidence(section, unit, piece, cue),
                    )
    return None
