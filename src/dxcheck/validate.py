"""Validate a loaded document against the plan schema, with every problem at file:line:column.

The schema's own errors become diagnostics in :mod:`dxcheck.schema_errors`; the checks that
need the whole plan (duplicate ids, the municipality table, date warnings) are here.

The national item ids a plan may name are the bundled catalogs' (:data:`dxcheck.vocabulary.
ITEM_IDS`) plus, in a run with ``--catalog FILE``, that file's: the caller passes the latter
as ``item_ids`` and they reach the schema's validator in pydantic's validation context
(:func:`dxcheck.plan_validators.known_item`), not through a process-global set.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic_core import ValidationError

from dxcheck import codes, core_schemas, dates
from dxcheck.diagnostics import Diagnostic, Severity, format_yaml_path
from dxcheck.limits import DEFAULT_LIMITS, Limits
from dxcheck.loader import Document, LoadError, Path, load_bytes
from dxcheck.models import walk
from dxcheck.plan_validators import ITEM_IDS_CONTEXT

if TYPE_CHECKING:
    from dxcheck.models import Plan


@dataclass(slots=True)
class Result:
    """The outcome of validating one file (``plan`` is None when it is invalid, or when the
    caller asked for the verdict only)."""

    path: str
    plan: Plan | None
    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    schema_ok: bool = False  # the document is a plan (it may still have errors of its own)

    @property
    def valid(self) -> bool:
        return self.schema_ok and not any(d.severity == "error" for d in self.diagnostics)


def validate_bytes(
    data: bytes,
    path: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    keep_plan: bool = True,
    item_ids: frozenset[str] = frozenset(),
) -> Result:
    """Load and validate one file. ``keep_plan``: False to keep only the verdict and the
    diagnostics (``dxcheck validate``); ``item_ids``: national item ids known besides the
    bundled catalogs' (a user's catalog file)."""
    try:
        doc = load_bytes(data, path, limits)
    except LoadError as exc:
        return Result(path, None, None, sorted(exc.diagnostics, key=lambda d: d.sort_key))
    return validate_document(doc, keep_plan=keep_plan, item_ids=item_ids)


def _validate_plan(data: Any, item_ids: frozenset[str]) -> Plan:
    context = {ITEM_IDS_CONTEXT: item_ids} if item_ids else None
    plan: Plan = core_schemas.validator("plan").validate_python(data, context=context)
    return plan


def validate_document(
    doc: Document, *, keep_plan: bool = True, item_ids: frozenset[str] = frozenset()
) -> Result:
    diagnostics = list(doc.notes)
    if not isinstance(doc.data, dict):
        mark = doc.mark_of(())
        diagnostics.append(
            Diagnostic(
                "DX201",
                "error",
                "計画ファイルの最上位はマッピング（municipality: など）でなければなりません",
                "the top level of a plan must be a mapping (municipality: …)",
                doc.path,
                mark.line,
                mark.column,
            )
        )
        return Result(doc.path, None, doc, diagnostics)
    try:
        plan = _validate_plan(doc.data, item_ids)
    except ValidationError as exc:
        from dxcheck.schema_errors import plan_diagnostics

        diagnostics.extend(plan_diagnostics(doc, exc))
        diagnostics.sort(key=lambda d: d.sort_key)
        return Result(doc.path, None, doc, diagnostics)
    diagnostics.extend(_semantic_checks(doc, plan))
    diagnostics.sort(key=lambda d: d.sort_key)
    kept = plan if keep_plan and not _has_error(diagnostics) else None
    return Result(doc.path, kept, doc, diagnostics, schema_ok=True)


def _has_error(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


# -- checks that need the whole plan -------------------------------------------------------


def _semantic_checks(doc: Document, plan: Plan) -> Iterator[Diagnostic]:
    seen: dict[str, int] = {}
    for index, initiative in enumerate(plan.initiatives):
        loc: Path = ("initiatives", index, "id")
        if initiative.id in seen:
            mark = doc.mark_of(loc)
            first = doc.mark_of(("initiatives", seen[initiative.id], "id"))
            yield Diagnostic(
                "DX210",
                "error",
                f"取組ID `{initiative.id}` が重複しています（最初は {first.line} 行目）",
                f"duplicate initiative id '{initiative.id}' (first on line {first.line})",
                doc.path,
                mark.line,
                mark.column,
                format_yaml_path(loc),
            )
        else:
            seen[initiative.id] = index
    yield from _municipality_checks(doc, plan)
    for loc, span in iter_spans(plan):
        for warning in span.warnings:
            mark = doc.mark_of(loc)
            yield Diagnostic(
                "DX212",
                "warning",
                f"日付「{span.text}」: {warning.ja}",
                f"date '{span.text}': {warning.en}",
                doc.path,
                mark.line,
                mark.column,
                format_yaml_path(loc),
            )


def _municipality_checks(doc: Document, plan: Plan) -> Iterator[Diagnostic]:
    """Name, code and prefecture must agree with the bundled 全国地方公共団体コード table.

    - A code the table lacks (its check digit is right): DX220, with the code of the name if known.
    - A name that is not the code's: DX211 at the code when the name is a real government's
      (the code is then the odd one out; its code is given), else at the name.
    - The table's name written differently (塩釜市 for 塩竈市, 七ケ浜町, 宮城県松島町): DX222 warning
      with the table's spelling. Names are never matched loosely without saying so.
    - A prefecture that is not the code's: DX221 at the prefecture.
    - A 北方領土 village: DX223 warning (the code exists; there is no functioning government).
    A ward of a 政令指定都市 may be written 青葉区 or 仙台市青葉区; a prefecture writes its own name
    (宮城県, 040002, prefecture 宮城県).
    """
    muni = plan.municipality
    gov = codes.get(muni.code)

    def at(field: str, code: str, severity: Severity, ja: str, en: str) -> Diagnostic:
        loc: Path = ("municipality", field)
        mark = doc.mark_of(loc)
        return Diagnostic(
            code, severity, ja, en, doc.path, mark.line, mark.column, format_yaml_path(loc)
        )

    def northern(gov: codes.LocalGov) -> Iterator[Diagnostic]:
        if gov.kind == "northern_territories":
            yield at(
                "code",
                "DX223",
                "warning",
                f"{gov.label}（{gov.code}）は北方領土の村です。団体コードはありますが、"
                "村の行政は機能していません",
                f"{gov.label} ({gov.code}) is a village on the Northern Territories: it has a "
                "code but no functioning government",
            )

    if gov is not None and muni.name in gov.names() and muni.prefecture == gov.prefecture:
        yield from northern(gov)
        return  # the common case: no name index needed
    # Governments of the written name (in the written prefecture if it has one there).
    named = codes.find(muni.name, muni.prefecture) or codes.find(muni.name)
    hint_ja = "".join(f"。{g.label}のコードは {g.code} です" for g in named[:3])
    hint_en = "".join(f"; {g.label} is {g.code}" for g in named[:3])
    if gov is None:
        yield at(
            "code",
            "DX220",
            "error",
            f"団体コード {muni.code} は全国地方公共団体コードの表（{codes.AS_OF_JA}時点）に"
            f"ありません。検査数字は合っているので、誤記か、その後に新設・変更されたコードです{hint_ja}",
            f"code {muni.code} is not in the table of local government codes (as of "
            f"{codes.AS_OF}); its check digit is right, so it is a typo or a newer code{hint_en}",
        )
        return
    written = muni.name
    if written not in gov.names():
        prefix, bare = codes.split_prefecture(written)
        variant = (prefix in (None, gov.prefecture)) and any(
            codes.loose_key(bare) == codes.loose_key(form) for form in gov.names()
        )
        if variant:
            moved = prefix is not None
            yield at(
                "name",
                "DX222",
                "warning",
                f"団体名は全国地方公共団体コードの表の表記で「{gov.full_name}」と書いてください"
                f"（「{written}」）" + ("。都道府県は prefecture に書きます" if moved else ""),
                f"write the name as the table of local government codes does: {gov.full_name} "
                f"(not {written})" + ("; the prefecture goes in prefecture:" if moved else ""),
            )
        else:
            near = [] if named else codes.suggest(written, muni.prefecture)
            near_ja = "".join(f"。「{g.full_name}」のことですか？" for g in near[:1])
            near_en = "".join(f" (did you mean {g.full_name}?)" for g in near[:1])
            yield at(
                "code" if named else "name",
                "DX211",
                "error",
                f"団体コード {gov.code} は{gov.label}のコードで、「{written}」ではありません"
                + near_ja
                + hint_ja,
                f"code {gov.code} belongs to {gov.label}, not {written}{near_en}" + hint_en,
            )
            return
    if muni.prefecture != gov.prefecture:
        other = [g for g in named if g.prefecture == muni.prefecture and g.code != gov.code]
        yield at(
            "prefecture",
            "DX221",
            "error",
            f"{gov.full_name}（{gov.code}）は{gov.prefecture}の団体です（「{muni.prefecture}」"
            "ではありません）" + "".join(f"。{g.label}のコードは {g.code} です" for g in other[:1]),
            f"{gov.full_name} ({gov.code}) is in {gov.prefecture}, not {muni.prefecture}"
            + "".join(f"; {g.label} is {g.code}" for g in other[:1]),
        )
    yield from northern(gov)


def iter_spans(plan: Plan) -> Iterator[tuple[Path, dates.Span]]:
    """Every parsed date in a validated plan, with its path."""
    return ((loc, value) for loc, value in walk(plan) if isinstance(value, dates.Span))
