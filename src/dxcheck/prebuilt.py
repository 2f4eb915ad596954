"""Validators and bundled data prepared once per install, like Python's ``__pycache__``.

On every start pydantic rebuilds a model's validator from its annotations (for the plan models
that is most of what a one-file ``dxcheck validate`` costs), and every ``check`` parsed and
validated the bundled catalog YAML again. Neither changes until dxcheck, its data, pydantic or
Python changes. So the first run keeps:

* for a model: the core schema pydantic generated for it (the input of pydantic-core's
  ``SchemaValidator``; what ``Model.__pydantic_core_schema__`` holds, minus the JSON-Schema
  metadata), and later runs give it to pydantic-core directly. The validator is the same one
  pydantic would build, so results and error messages are identical (tested);
* for a bundled data file (a catalog version): the JSON of the validated model, read back
  through that validator.

Files live in the user's cache folder (``$DXCHECK_CACHE_DIR`` if set, else
``$XDG_CACHE_HOME/dxcheck`` or ``~/.cache/dxcheck``; ``%LOCALAPPDATA%\\dxcheck`` on Windows), never
in a project's folder and never in the installed package. They are JSON, not pickle: a function
or class in a schema is written by name and read back only from dxcheck's own modules (or a few
builtins). A file is used only if its key matches this install exactly (dxcheck's version and
the size and time of each of its files, Python's version, where and when pydantic, pydantic-core
and PyYAML were installed: :func:`dxcheck.cache.code_fingerprint`); anything else (truncated,
foreign, from another install, a name outside dxcheck) is ignored and rewritten. When the folder
cannot be written, everything is built as before. ``dxcheck cache clean`` removes it too.
"""

from __future__ import annotations

import builtins
import hashlib
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, cast

from dxcheck.cache import ENV, code_fingerprint, ensure_folder, remove_quietly

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import CoreConfig, SchemaValidator

FORMAT = 1
SUBFOLDER = "prebuilt"
_MAX_BYTES = 8 * 1024 * 1024
_REF = "__dxcheck_ref__"
_TUPLE = "__dxcheck_tuple__"
_BUILTINS = frozenset({"list", "dict", "set", "frozenset", "tuple", "str", "int", "float", "bool"})

_validators: dict[type[Any], SchemaValidator] = {}
_record_validators: dict[str, SchemaValidator] = {}


class _NotPortable(Exception):
    """A schema holds something that cannot be written by name (built normally instead)."""


def folder() -> str | None:
    """Where prebuilt files live (see the module docstring); None without a home folder (then
    nothing is prebuilt)."""
    explicit = os.environ.get(ENV)
    if explicit:
        return os.path.join(explicit, SUBFOLDER)
    home = os.path.expanduser("~")
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        base = os.environ.get("LOCALAPPDATA") or home
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    if not os.path.isabs(base):  # no HOME: never a folder relative to where dxcheck runs
        return None
    return os.path.join(base, "dxcheck", SUBFOLDER)


def _key(name: str) -> str:
    return hashlib.sha256(f"{FORMAT}\0{name}\0{code_fingerprint()}".encode()).hexdigest()


def _path(kind: str, name: str, key: str) -> str | None:
    where = folder()
    return os.path.join(where, f"{kind}-{name}-{key[:16]}.json") if where else None


def _read(path: str | None, key: str) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_MAX_BYTES + 1)
        if len(raw) > _MAX_BYTES:
            return None
        data = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        return None
    return data


def _write(path: str | None, payload: dict[str, Any] | None) -> None:
    """Write atomically (a reader sees a whole file or none); silently skip when there is
    nothing to write or the folder cannot be written (a read-only home, a full disk)."""
    if path is None or payload is None:
        return
    import tempfile

    directory = os.path.dirname(path)
    tmp = None
    try:
        ensure_folder(os.path.dirname(directory))  # .gitignore and CACHEDIR.TAG
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
        tmp = None
        _prune(path)
    except OSError:
        pass
    finally:
        if tmp is not None:
            remove_quietly(tmp)


KEEP = 4  # files of one name kept (other installs sharing the folder, recent upgrades)


def _prune(path: str) -> None:
    """Remove the oldest files of the same model or data file beyond :data:`KEEP` (an edited
    checkout or each upgrade writes new ones; two installs sharing the folder keep theirs)."""
    directory, written = os.path.split(path)
    prefix = written[: -len(".json") - 16]  # "<kind>-<name>-"
    siblings = []
    for entry in os.scandir(directory):
        rest = entry.name[len(prefix) : -len(".json")]
        if entry.name.startswith(prefix) and entry.name.endswith(".json") and len(rest) == 16:
            siblings.append((entry.stat().st_mtime_ns, entry.path))
    for _, old in sorted(siblings, reverse=True)[KEEP:]:
        remove_quietly(old)


# -- core schemas, written and read by name ------------------------------------------------


def _encode(node: Any, models: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        schema_node = isinstance(node.get("type"), str)
        out = {}
        for k, v in node.items():
            if not isinstance(k, str) or k in (_REF, _TUPLE):
                raise _NotPortable(repr(k))
            if schema_node and k in ("metadata", "serialization"):
                continue  # JSON-Schema hints and serializers: validation never reads them
            out[k] = _encode(v, models)
        return out
    if isinstance(node, list):
        return [_encode(v, models) for v in node]
    if isinstance(node, tuple):
        return {_TUPLE: [_encode(v, models) for v in node]}
    if node is None or isinstance(node, str | bool | int):
        return node
    if isinstance(node, float) and node == node and node not in (float("inf"), float("-inf")):
        return node
    module = getattr(node, "__module__", None)
    qualname = getattr(node, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(qualname, str) or "<" in qualname:
        raise _NotPortable(repr(node))
    try:
        same = _resolve(module, qualname) is node
    except (ImportError, AttributeError):
        same = False
    if not same:
        raise _NotPortable(repr(node))
    ref = f"{module}:{qualname}"
    fields = getattr(node, "__pydantic_fields__", None)
    if isinstance(node, type) and isinstance(fields, dict) and ref not in models:
        models[ref] = None  # (a model may refer to itself)
        defaults: dict[str, Any] = {}
        for name, info in fields.items():
            if info.default_factory is not None:
                defaults[name] = {"factory": _encode(info.default_factory, models)}
            elif not info.is_required():
                defaults[name] = {"value": _encode(info.default, models)}
        models[ref] = defaults
    return {_REF: ref}


def _resolve(module: str, qualname: str) -> Any:
    """A function or class by name, only from dxcheck's modules or a few builtins."""
    if module == "builtins":
        if qualname not in _BUILTINS:
            raise _NotPortable(qualname)
        return getattr(builtins, qualname)
    if module != "dxcheck" and not module.startswith("dxcheck."):
        raise _NotPortable(module)
    target: Any = importlib.import_module(module)
    for part in qualname.split("."):
        target = getattr(target, part)
    if not callable(target):
        raise _NotPortable(qualname)
    return target


def _decode(node: Any, records: dict[str, type[Record]] | None = None) -> Any:
    """The schema back from JSON; with ``records``, model classes become those records."""
    if isinstance(node, dict):
        if _REF in node:
            ref = str(node[_REF])
            if records is not None and ref in records:
                return records[ref]
            module, _, qualname = ref.partition(":")
            return _resolve(module, qualname)
        if _TUPLE in node:
            return tuple(_decode(v, records) for v in node[_TUPLE])
        return {k: _decode(v, records) for k, v in node.items()}
    if isinstance(node, list):
        return [_decode(v, records) for v in node]
    return node


class Record:
    """A validated mapping read by attribute: what a prebuilt schema builds in place of a
    pydantic model at run time (``validate``, ``check``, ``report``). pydantic-core fills
    ``__dict__`` with the validated fields in schema order, exactly as for the model, so code
    typed against the model reads the same attributes; equality and hashing are by value, as
    for dxcheck's frozen models. The class is named after the model it stands for."""

    # pydantic-core sets these three beside the fields; as slots they stay out of __dict__,
    # which then holds the fields only (as a model's does)
    __slots__ = (
        "__dict__",
        "__pydantic_extra__",
        "__pydantic_fields_set__",
        "__pydantic_private__",
    )
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self) -> None:
        """An instance with every field at its default (a model used as a default factory)."""
        for name, default in self._defaults.items():
            setattr(self, name, default() if callable(default) else default)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return fields(self) == fields(other)

    def __hash__(self) -> int:
        return hash((type(self).__name__, *fields(self).values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in fields(self).items())
        return f"{type(self).__name__}({shown})"


def is_model(obj: object) -> bool:
    """A validated model or a record standing for one (not a date span or other value)."""
    return isinstance(obj, Record) or hasattr(type(obj), "__pydantic_fields__")


def fields(obj: object) -> dict[str, Any]:
    """The fields of a validated model or record, in schema order (the object's own
    ``__dict__``: read it, never change it)."""
    return vars(obj)


_SCALARS = frozenset({str, int, float, bool})


def walk(
    obj: object, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value below a validated model or record that is not a plain scalar (models,
    records, lists, dates, …), with its path, parents first; it descends into models, records
    and lists only."""
    items: Iterable[tuple[str | int, Any]]
    if isinstance(obj, list):
        items = enumerate(obj)
    elif is_model(obj):
        items = fields(obj).items()
    else:
        return
    for key, value in items:
        if value is not None and type(value) not in _SCALARS:
            yield (*loc, key), value
            yield from walk(value, (*loc, key))


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of a model or record with some fields replaced (like ``model_copy(update=)``)."""
    if hasattr(obj, "model_copy"):
        return obj.model_copy(update=changes)
    import copy

    new = copy.copy(obj)
    new.__dict__ = dict(obj.__dict__)
    for name, value in changes.items():
        setattr(new, name, value)
    return new


def to_json(obj: Any) -> Any:
    """A model or record as JSON data (as pydantic's ``model_dump(mode="json")``)."""
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if isinstance(obj, Record):
        return {k: to_json(v) for k, v in fields(obj).items()}
    if isinstance(obj, list | tuple):
        return [to_json(v) for v in obj]
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj


def _records(models: Any) -> dict[str, type[Record]]:
    if not isinstance(models, dict):
        raise ValueError("no model list")
    records: dict[str, type[Record]] = {
        ref: type(ref.rpartition(":")[2], (Record,), {"__module__": __name__}) for ref in models
    }
    for ref, spec in models.items():
        defaults: dict[str, Any] = {}
        for name, default in dict(spec or {}).items():
            if "factory" in default:
                defaults[name] = _decode(default["factory"], records)
            else:
                value = _decode(default["value"], records)
                if isinstance(value, list | dict | set):
                    raise ValueError("mutable default")  # pydantic copies these; not needed
                defaults[name] = value
        records[ref]._defaults = defaults
    return records


def _top_config(schema: dict[str, Any]) -> dict[str, Any] | None:
    model = schema.get("schema") if schema.get("type") == "definitions" else schema
    config = model.get("config") if isinstance(model, dict) else None
    return dict(config) if isinstance(config, dict) else None


def _name(model: type[Any]) -> str:
    return f"{model.__module__}.{model.__qualname__}"


def validator(model: type[BaseModel]) -> SchemaValidator:
    """The validator pydantic builds for ``model``, from this install's prebuilt core schema
    when there is one (built by pydantic and written otherwise)."""
    found = _validators.get(model)
    if found is not None:
        return found
    name = _name(model)
    key = _key(name)
    path = _path("schema", name, key)
    built = _from_payload(_read(path, key), name, records=False)
    if built is None:
        _write(path, _payload(model, key))
        built = cast("SchemaValidator", model.__pydantic_validator__)
    _validators[model] = built
    return built


def record_validator(module: str, qualname: str) -> SchemaValidator | None:
    """A validator of the model ``module:qualname`` that returns :class:`Record` trees instead
    of model instances, so the model's module (and pydantic's model machinery) need not be
    imported when the prebuilt schema exists. It validates exactly as the model does. None
    when the model's schema cannot be written by name (use the model then)."""
    name = f"{module}.{qualname}"
    found = _record_validators.get(name)
    if found is not None:
        return found
    key = _key(name)
    path = _path("schema", name, key)
    built = _from_payload(_read(path, key), name, records=True)
    if built is None:  # no usable file: let pydantic generate the schema, and keep it
        payload = _payload(_resolve(module, qualname), key)
        _write(path, payload)
        built = _from_payload(payload, name, records=True)
    if built is not None:
        _record_validators[name] = built
    return built


def _from_payload(
    data: dict[str, Any] | None, name: str, *, records: bool
) -> SchemaValidator | None:
    """The validator of a prebuilt schema, with the model classes or with records; None for
    no schema or a damaged one (never trusted)."""
    from pydantic_core import SchemaValidator

    if data is None or data.get("model") != name:
        return None
    try:
        classes = _records(data.get("models")) if records else None
        schema = _decode(data["schema"], classes)
        config = data.get("config")
        return SchemaValidator(
            schema, cast("CoreConfig", config) if isinstance(config, dict) else None
        )
    except Exception:
        return None


def _payload(model: type[BaseModel], key: str) -> dict[str, Any] | None:
    """The core schema pydantic generates for ``model``, written by name (None if it holds
    something that cannot be: a lambda, an object from outside dxcheck)."""
    model.model_rebuild(raise_errors=True)
    schema = model.__pydantic_core_schema__
    models: dict[str, Any] = {}
    try:
        encoded = _encode(schema, models)
    except _NotPortable:
        return None
    return {
        "format": FORMAT,
        "key": key,
        "model": _name(model),
        "config": _top_config(dict(schema)),
        "models": models,
        "schema": encoded,
    }


def runtime_validator(module: str, qualname: str) -> SchemaValidator:
    """The validator the commands use for the model ``module:qualname``: records from the
    prebuilt schema (:func:`record_validator`), or the model's own when nothing can be
    prebuilt."""
    found = record_validator(module, qualname)
    if found is not None:
        return found
    model: type[BaseModel] = _resolve(module, qualname)
    return validator(model)


# -- bundled data files -----------------------------------------------------------------------


def bundled(module: str, qualname: str, name: str, load: Callable[[], BaseModel]) -> Any:
    """The bundled data file ``name`` as :class:`Record` objects of the model
    ``module:qualname``: read back from this install's prebuilt JSON, or ``load()`` (parse and
    validate the file with the model) and write that JSON first. The model's own instance when
    nothing can be prebuilt (an unwritable cache folder)."""
    key = _key(f"{module}.{qualname}\0{name}")
    path = _path("data", name, key)
    data = _read(path, key)
    records = record_validator(module, qualname)
    if records is not None and data is not None and isinstance(data.get("json"), str):
        try:
            return records.validate_json(data["json"])
        except Exception:  # a damaged file is rebuilt, never trusted
            pass
    value = load()
    text = value.model_dump_json()
    _write(path, {"format": FORMAT, "key": key, "json": text})
    return records.validate_json(text) if records is not None else value


def clean() -> bool:
    """Remove the prebuilt folder; False if there was none."""
    path = folder()
    if path is None or not os.path.isdir(path):
        return False
    import shutil

    shutil.rmtree(path, ignore_errors=True)
    return True
