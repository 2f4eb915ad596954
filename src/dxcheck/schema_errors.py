"""pydantic's validation errors → diagnostics at file:line:column, for plans and catalogs.

pydantic reports an error by ``loc`` (a path of keys and indices, with union-member names in
between); the loader kept a position for every path, so each error becomes a
:class:`~dxcheck.diagnostics.Diagnostic` at its line. The texts are given in Japanese and
English here, once, for plans (:func:`plan_diagnostics`, DX202–DX226: :mod:`dxcheck.problem_codes`) and for catalog files
(:func:`catalog_diagnostics`, DX302).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic_core import ValidationError

from dxcheck.diagnostics import Diagnostic, format_yaml_path
from dxcheck.loader import Document, Path


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


def _class_at(loc: Path) -> type[Any] | None:
    """The plan class that validates the mapping at ``loc`` (for key suggestions)."""
    from dxcheck.models import Plan

    current: Any = Plan
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif _is_class(current):
            current = _hints(current).get(part)
        else:
            return None
    current = _unwrap(current)
    return current if _is_class(current) else None


def _is_class(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


@functools.cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    """A plan class's fields and their types (``Annotated`` metadata dropped)."""
    fields = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in typing.get_type_hints(cls).items() if k in fields}


def _as_model(error: Any) -> Any:
    """An error of a dataclass in the words pydantic uses for a model (what these classes
    were, and what the messages were written for): an unknown key is ``extra_forbidden``,
    a value that is not a mapping ``model_type``."""
    kind = error["type"]
    if kind == "unexpected_keyword_argument":
        return {**error, "type": "extra_forbidden", "msg": "Extra inputs are not permitted"}
    if kind == "dataclass_type":
        name = (error.get("ctx") or {}).get("class_name", "")
        return {
            **error,
            "type": "model_type",
            "msg": f"Input should be a valid dictionary or instance of {name}",
        }
    return error


def pydantic_message(error: Any) -> str:
    """pydantic's own message for one error, worded as for a model (configuration files)."""
    return str(_as_model(error)["msg"])


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


def plan_diagnostics(doc: Document, exc: ValidationError) -> Iterator[Diagnostic]:
    """The errors of a plan's validation, one per place, in Japanese and English."""
    errors = [
        (error, normalise_loc(doc.data, error["loc"], error["type"] == "missing"))
        for error in map(_as_model, exc.errors(include_url=False))
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
    cls = _class_at(parent)
    return sorted(f.name for f in dataclasses.fields(cls)) if cls else []


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


def catalog_diagnostics(doc: Document, exc: ValidationError) -> list[Diagnostic]:
    """The errors of a catalog file's validation (DX302), sorted by position."""
    out: list[Diagnostic] = []
    for error in map(_as_model, exc.errors(include_url=False)):
        loc = normalise_loc(doc.data, error["loc"], error["type"] == "missing")
        mark = doc.mark_of(loc, key=error["type"] in ("missing", "extra_forbidden"))
        where = format_yaml_path(loc) or "(top)"
        if error["type"] == "missing":
            ja = f"`{error['loc'][-1]}` がありません"
            en = f"'{error['loc'][-1]}' is missing"
        elif error["type"] == "extra_forbidden":
            ja = f"不明なキー `{error['loc'][-1]}` です"
            en = f"unknown key '{error['loc'][-1]}'"
        elif error["type"] == "string_pattern_mismatch":
            pattern = (error.get("ctx") or {}).get("pattern", "")
            ja = f"形式が正しくありません（パターン {pattern}）"
            en = f"does not match the pattern {pattern}"
        elif error["type"] == "string_too_long":
            limit = (error.get("ctx") or {}).get("max_length", "")
            ja = f"長すぎます（{limit}字まで）"
            en = f"too long (at most {limit} characters)"
        else:
            en = str(error["msg"])
            ja = f"値が正しくありません（{en}）"
        out.append(Diagnostic("DX302", "error", ja, en, doc.path, mark.line, mark.column, where))
    return sorted(out, key=lambda d: d.sort_key)
