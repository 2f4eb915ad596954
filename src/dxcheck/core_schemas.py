"""The validators of plans, catalogs and the 基幹業務 table, from core schemas shipped with the
package (``src/dxcheck/data/core/``), and the bundled catalogs as validated JSON beside them.

pydantic generates a validator's *core schema* from the classes' annotations
(``TypeAdapter(Plan).core_schema``); that takes most of a one-file ``dxcheck validate``'s time
and importing pydantic's model machinery costs as much as running yamllint. Neither changes
until the classes do, so ``python scripts/core_schemas.py --write`` generates the schemas once
and writes them as JSON (a function or class by its name, looked up only in dxcheck's own
modules), as ``schemas/*.json`` and ``vocabulary.py`` are written; tests/test_schema.py fails
when a shipped file is stale. At run time :func:`validator` gives the JSON to pydantic-core,
whose ``SchemaValidator`` returns the real classes of :mod:`dxcheck.models` and
:mod:`dxcheck.catalog.models` (frozen dataclasses: ``isinstance``, ``dataclasses.replace`` and
methods work) and reports every error as pydantic would.

Two adjustments are made to what pydantic generates: names of definitions lose pydantic's
per-process numbers (so the files are the same on every run), and for plans every class
validates its fields strictly while accepting a mapping (a strict dataclass schema accepts only
instances).
"""

from __future__ import annotations

import builtins
import importlib
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic_core import SchemaValidator

DATA = Path(__file__).resolve().parent / "data" / "core"
FORMAT = 1
_REF = "__dxcheck_ref__"
_TUPLE = "__dxcheck_tuple__"
_BUILTINS = frozenset({"list", "dict", "set", "frozenset", "tuple", "str", "int", "float", "bool"})

# name → (module, class, strict)
SCHEMAS: dict[str, tuple[str, str, bool]] = {
    "plan": ("dxcheck.models", "Plan", True),
    "catalog": ("dxcheck.catalog.models", "Catalog", False),
    "business_variants": ("dxcheck.catalog.models", "BusinessVariants", False),
    "config": ("dxcheck.config_schema", "ConfigFile", False),
    "waiver": ("dxcheck.models", "Waiver", True),
}


@cache
def validator(name: str) -> SchemaValidator:
    """The validator of schema ``name`` (a key of :data:`SCHEMAS`)."""
    from pydantic_core import SchemaValidator

    data = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    return SchemaValidator(_decode(data["schema"]), _decode(data["config"]))


def bundled_json(name: str) -> str:
    """A bundled data file as the JSON of its validated value (``catalog-2.3``, …)."""
    return (DATA / f"{name}.data.json").read_text("utf-8")


# -- names instead of objects ------------------------------------------------------------


def _resolve(module: str, qualname: str) -> Any:
    """A function or class by name, only from dxcheck's modules or a few builtins."""
    if module == "builtins":
        if qualname not in _BUILTINS:
            raise ValueError(qualname)
        return getattr(builtins, qualname)
    if module != "dxcheck" and not module.startswith("dxcheck."):
        raise ValueError(module)
    target: Any = importlib.import_module(module)
    for part in qualname.split("."):
        target = getattr(target, part)
    if not callable(target):
        raise ValueError(qualname)
    return target


def _decode(node: Any) -> Any:
    if isinstance(node, dict):
        if _REF in node:
            module, _, qualname = str(node[_REF]).partition(":")
            return _resolve(module, qualname)
        if _TUPLE in node:
            return tuple(_decode(v) for v in node[_TUPLE])
        return {k: _decode(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_decode(v) for v in node]
    return node


def _encode(node: Any) -> Any:
    if isinstance(node, dict):
        schema_node = isinstance(node.get("type"), str)
        out = {}
        for k, v in node.items():
            if not isinstance(k, str) or k in (_REF, _TUPLE):
                raise ValueError(repr(k))
            if schema_node and k in ("metadata", "serialization"):
                continue  # JSON-Schema hints and serializers: validation never reads them
            out[k] = _encode(v)
        return out
    if isinstance(node, list):
        return [_encode(v) for v in node]
    if isinstance(node, tuple):
        return {_TUPLE: [_encode(v) for v in node]}
    if node is None or isinstance(node, str | bool | int | float):
        return node
    module = getattr(node, "__module__", None)
    qualname = getattr(node, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(qualname, str) or "<" in qualname:
        raise ValueError(f"cannot be written by name: {node!r}")
    if _resolve(module, qualname) is not node:
        raise ValueError(f"not found by its name: {node!r}")
    return {_REF: f"{module}:{qualname}"}


_NUMBERED = re.compile(r"^(.*):[0-9]+$")


def _adjust(node: Any, strict: bool) -> Any:
    """Definition names without pydantic's numbers; for ``strict``, strict fields in every
    class that still takes a mapping."""
    if isinstance(node, dict):
        out = {k: _adjust(v, strict) for k, v in node.items()}
        for key in ("ref", "schema_ref"):
            if isinstance(out.get(key), str) and (match := _NUMBERED.match(out[key])):
                out[key] = match.group(1)
        if strict and out.get("type") == "dataclass":
            out["strict"] = False
            out["config"] = {**out.get("config", {}), "strict": True}
        return out
    if isinstance(node, list):
        return [_adjust(v, strict) for v in node]
    return node


def generate(name: str) -> str:
    """The shipped file of schema ``name``, generated by pydantic (needs pydantic)."""
    from pydantic import TypeAdapter

    module, qualname, strict = SCHEMAS[name]
    adapter: TypeAdapter[Any] = TypeAdapter(_resolve(module, qualname))
    schema = _adjust(adapter.core_schema, strict)
    payload = {
        "format": FORMAT,
        "class": f"{module}:{qualname}",
        "config": {"strict": True} if strict else {},
        "schema": _encode(schema),
    }
    return json.dumps(payload, ensure_ascii=False, indent=None, separators=(",", ":")) + "\n"


def generate_data(value: Any, schema: str) -> str:
    """The shipped JSON of a bundled data file validated as ``schema`` (needs pydantic)."""
    from pydantic import TypeAdapter

    module, qualname, _ = SCHEMAS[schema]
    adapter: TypeAdapter[Any] = TypeAdapter(_resolve(module, qualname))
    return adapter.dump_json(value).decode("utf-8") + "\n"
