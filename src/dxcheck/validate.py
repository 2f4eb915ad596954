"""Validate a loaded document against the plan schema, with every problem at file:line:column.

pydantic reports errors by ``loc`` (a path of keys and indices); the loader kept a position for
every path, so each error becomes a :class:`~dxcheck.diagnostics.Diagnostic` at its line. Error
texts are given in Japanese and English here, once, for the whole tool.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, cast

from pydantic_core import ValidationError

from dxcheck import codes, dates, prebuilt
from dxcheck.diagnostics import Diagnostic, Severity, format_yaml_path
from dxcheck.loader import DEFAULT_LIMITS, Document, Limits, LoadError, Path, load_bytes

if TYPE_CHECKING:
    from pydantic import BaseModel

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


Keep = Literal["model", "record", "none"]
"""What a validated plan becomes: ``model`` a :class:`~dxcheck.models.Plan`; ``record`` the same
tree as :class:`dxcheck.prebuilt.Record` objects, validated by the prebuilt schema without
importing pydantic's model machinery (``check``, ``report``); ``none`` the verdict and
diagnostics only (``validate``)."""


def validate_bytes(
    data: bytes, path: str, limits: Limits = DEFAULT_LIMITS, *, keep: Keep = "model"
) -> Result:
    """Load and validate one file; every ``keep`` gives the same diagnostics."""
    try:
        doc = load_bytes(data, path, limits)
    except LoadError as exc:
        return Result(path, None, None, sorted(exc.diagnostics, key=lambda d: d.sort_key))
    return validate_document(doc, keep=keep)


def _validate_plan(data: Any, keep: Keep) -> Any:
    if keep != "model":
        return prebuilt.runtime_validator("dxcheck.models", "Plan").validate_python(data)
    from dxcheck.models import Plan

    return prebuilt.validator(Plan).validate_python(data)


def validate_document(doc: Document, *, keep: Keep = "model") -> Result:
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
        plan = _validate_plan(doc.data, keep)
    except ValidationError as exc:
        diagnostics.extend(_map_errors(doc, exc))
        diagnostics.sort(key=lambda d: d.sort_key)
        return Result(doc.path, None, doc, diagnostics)
    # records and models have the same fields, read by attribute
    diagnostics.extend(_semantic_checks(doc, cast("Plan", plan)))
    diagnostics.sort(key=lambda d: d.sort_key)
    kept = plan if keep != "none" and not _has_error(diagnostics) else None
    return Result(doc.path, kept, doc, diagnostics, schema_ok=True)


def _has_error(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


# -- pydantic errors → diagnostics ---------------------------------------------------------


def normalise_loc(data: Any, loc: tuple[Any, ...], missing: bool) -> Path:
    """Drop pydantic's union-member names from a loc, keeping the path into the data."""
    out: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        if (isinstance(current, dict) and isinstance(part, str) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            out.append(part)
            container: Any = current
            current = container[part]
        elif missing and index == len(loc) - 1 and isinstance(part, str):
            out.append(part)
        # anything else is a union tag such as 'float' or 'function-plain[...]'
    return tuple(out)


def _model_at(loc: Path) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (for key suggestions)."""
    from pydantic import BaseModel

    from dxcheck.models import Plan

    current: Any = Plan
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else None
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(tp: Any) -> Any:
    """Optional[X] → X."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) == 1:
            return members[0]
    return tp


_TYPE_NAMES: dict[str, tuple[str, str]] = {
    "string_type": ("文字列", "a string"),
    "int_type": ("整数", "an integer"),
    "float_type": ("数値", "a number"),
    "bool_type": ("真偽値（true/false）", "a boolean (true/false)"),
    "list_type": ("リスト（- 項目）", "a list (- item)"),
    "model_type": ("マッピング（キー: 値）", "a mapping (key: value)"),
    "dict_type": ("マッピング（キー: 値）", "a mapping (key: value)"),
    "model_attributes_type": ("マッピング（キー: 値）", "a mapping (key: value)"),
}

_NULL_TAG = "tag:yaml.org,2002:null"
_YAML11_NAMES = {
    "tag:yaml.org,2002:bool": ("真偽値", "a boolean"),
    "tag:yaml.org,2002:int": ("数値", "a number"),
    "tag:yaml.org,2002:float": ("数値", "a number"),
    "tag:yaml.org,2002:null": ("空（null）", "null"),
    "tag:yaml.org,2002:timestamp": ("日付", "a date"),
}


def _map_errors(doc: Document, exc: ValidationError) -> Iterator[Diagnostic]:
    errors = [
        (error, normalise_loc(doc.data, error["loc"], error["type"] == "missing"))
        for error in exc.errors(include_url=False)
    ]
    # A misspelt key (`titel`) also makes the real one (`title`) missing: the "did you mean"
    # of the unknown key already says so, so the second message is left out.
    suggested = {
        (*loc[:-1], near)
        for error, loc in errors
        if error["type"] == "extra_forbidden" and (near := _near_key(loc)) is not None
    }
    seen: set[tuple[Path, str]] = set()
    for error, loc in errors:
        kind = error["type"]
        if kind == "missing" and loc in suggested:
            continue
        group = "type" if kind in _TYPE_NAMES or kind.endswith("_type") else kind
        if (loc, group) in seen:
            continue  # one message per place (unions report each member)
        seen.add((loc, group))
        yield _diagnostic(doc, loc, kind, error)


def _allowed_keys(parent: Path) -> list[str]:
    model = _model_at(parent)
    return sorted(model.model_fields) if model else []


def _near_key(loc: Path) -> str | None:
    if not loc:
        return None
    near = difflib.get_close_matches(str(loc[-1]), _allowed_keys(loc[:-1]), n=1, cutoff=0.6)
    return near[0] if near else None


def _diagnostic(doc: Document, loc: Path, kind: str, error: Any) -> Diagnostic:
    ctx: dict[str, Any] = error.get("ctx") or {}
    from dxcheck.problem_codes import CODE_OF_KIND

    code, ja, en = CODE_OF_KIND.get(kind, "DX209"), str(error["msg"]), str(error["msg"])
    at_key = False
    name = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        code, at_key = "DX202", True
        allowed = _allowed_keys(loc[:-1])
        near = _near_key(loc)
        ja = f"不明なキー `{name}` です"
        en = f"unknown key '{name}'"
        if near:
            ja += f"。`{near}` のことですか？"
            en += f"; did you mean '{near}'?"
        elif allowed:
            ja += f"（使えるキー: {', '.join(allowed)}）"
            en += f" (allowed: {', '.join(allowed)})"
    elif kind == "missing":
        code = "DX203"
        parent = format_yaml_path(loc[:-1]) or "最上位"
        ja = f"必須のキー `{name}` がありません（{parent}）"
        en = f"missing required key '{name}' in {format_yaml_path(loc[:-1]) or 'the top level'}"
        loc = loc[:-1]
    elif kind in _TYPE_NAMES or kind.endswith("_type"):
        code = "DX204"
        want_ja, want_en = _TYPE_NAMES.get(kind, ("正しい型", "the right type"))
        scalar = doc.scalars.get(loc)
        if scalar is not None and scalar.plain and scalar.tag == _NULL_TAG:
            # `title:` with nothing after it: a value left out, not a value to quote
            code = "DX224"
            ja = f"`{name}` の値が空です。{want_ja}を書いてください"
            en = f"'{name}' is empty; write {want_en}"
        elif scalar is not None and scalar.plain and scalar.tag in _YAML11_NAMES:
            got_ja, got_en = _YAML11_NAMES[scalar.tag]
            code = "DX205"
            ja = (
                f"`{scalar.text}` はYAMLでは{got_ja}として読まれますが、ここには{want_ja}が必要です。"
                f'文字列なら引用符で囲んでください: "{scalar.text}"'
            )
            en = (
                f"'{scalar.text}' is read by YAML as {got_en}, but {want_en} is expected here; "
                f'quote it if you mean text: "{scalar.text}"'
            )
        else:
            ja = f"ここには{want_ja}が必要です"
            en = f"expected {want_en} here"
    elif kind == "literal_error":
        code = "DX206"
        expected = str(ctx.get("expected", ""))
        choices = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        got = str(error.get("input"))
        close = difflib.get_close_matches(got, choices, n=1, cutoff=0.5)
        ja = f"`{got}` は使えません。次のいずれかを書いてください: {', '.join(choices)}"
        en = f"'{got}' is not allowed; use one of: {', '.join(choices)}"
        if close:
            ja += f"（`{close[0]}` のことですか？）"
            en += f" (did you mean '{close[0]}'?)"
    elif kind in ("jp_date", "jp_date_type"):
        code = "DX207"
        ja = str(error["msg"])
        en = str(ctx.get("en", ja))
    elif kind in ("municipality_code", "municipality_code_format"):
        code = "DX208"
        ja = str(error["msg"])
        en = str(ctx.get("en", ja))
    elif "en" in ctx:  # our own PydanticCustomError
        ja, en = str(error["msg"]), str(ctx["en"])
    elif kind == "string_too_short":
        ja, en = f"`{name}` の値が空です", f"'{name}' must not be empty"
    elif kind == "string_pattern_mismatch":
        ja = f"形式が正しくありません（パターン {ctx.get('pattern')}）"
        en = f"does not match the pattern {ctx.get('pattern')}"
    elif kind in ("greater_than_equal", "greater_than"):
        ja = f"{ctx.get('ge', ctx.get('gt'))} 以上の値を書いてください"
        en = str(error["msg"])
    mark = doc.mark_of(loc, key=at_key)
    return Diagnostic(
        code, "error", ja, en, doc.path, mark.line, mark.column, format_yaml_path(loc)
    )


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


def iter_spans(plan: Any) -> Iterator[tuple[Path, dates.Span]]:
    """Every parsed date in a validated plan (models or records), with its path."""
    return ((loc, value) for loc, value in prebuilt.walk(plan) if isinstance(value, dates.Span))
