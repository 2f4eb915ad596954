"""How the plan and catalog classes declare their schema without importing pydantic.

The classes are plain frozen, slotted dataclasses (:func:`model`); what pydantic needs to
generate their schema rides along as data that costs nothing at run time:

* :func:`field` keeps pydantic's ``Field`` arguments (description, pattern, ge, …) in the
  dataclass field's metadata, which pydantic reads;
* :class:`Pydantic` is ``Annotated`` metadata that hands pydantic its own metadata
  (``PlainValidator``, ``WithJsonSchema``, ``Field``, …), made only when pydantic generates a
  schema (``scripts/core_schemas.py``, ``dxcheck schema``).

At run time validation uses the core schema shipped with the package
(:mod:`dxcheck.core_schemas`), so commands import neither pydantic nor these markers' payload.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, cast, dataclass_transform

T = TypeVar("T")
CONFIG: dict[str, Any] = {"extra": "forbid"}  # pydantic's ConfigDict, as a plain dict


def field(
    default: Any = dataclasses.MISSING,
    *,
    default_factory: Any = dataclasses.MISSING,
    **pydantic: Any,
) -> Any:
    """A dataclass field; ``pydantic`` holds ``Field`` arguments (description=, ge=, …)."""
    return dataclasses.field(default=default, default_factory=default_factory, metadata=pydantic)


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def model(cls: type[T]) -> type[T]:
    """A schema class: a frozen, slotted, keyword-only dataclass that forbids unknown keys
    (``__pydantic_config__``, unless the class sets its own).

    Its methods (``__init__``, ``__eq__``, ``__hash__``, ``__repr__``, the frozen
    ``__setattr__``…) are the shared ones below rather than ones ``dataclasses`` writes and
    compiles for each class: a plan has 25 classes, and compiling theirs cost more at start-up
    than validating a plan. They behave as a frozen dataclass's do; pydantic-core fills the
    slots directly."""
    if "__pydantic_config__" not in cls.__dict__:
        cls.__pydantic_config__ = CONFIG  # type: ignore[attr-defined]
    for name, method in _METHODS.items():
        if name not in cls.__dict__:
            setattr(cls, name, method)
    made = dataclasses.dataclass(init=False, repr=False, eq=False, slots=True, kw_only=True)(cls)
    # the fields proper (``__dataclass_fields__`` also lists ClassVars such as the config)
    names = tuple(f.name for f in dataclasses.fields(cast(Any, made)))
    made.__field_names__ = names  # type: ignore[attr-defined]
    return made


_MISSING = dataclasses.MISSING


def _init(self: Any, **values: Any) -> None:
    specs = self.__dataclass_fields__
    for name in self.__field_names__:
        spec = specs[name]
        if name in values:
            value = values.pop(name)
        elif spec.default is not _MISSING:
            value = spec.default
        elif spec.default_factory is not _MISSING:
            value = spec.default_factory()
        else:
            raise TypeError(f"{type(self).__name__}() missing keyword argument: '{name}'")
        object.__setattr__(self, name, value)
    if values:
        raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument: {values}")
    post_init = getattr(self, "__post_init__", None)
    if post_init is not None:
        post_init()


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in self.__field_names__)


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return bool(_values(self) == _values(other))


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__field_names__)
    return f"{type(self).__qualname__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> tuple[Any, ...]:
    return _values(self)


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    for name, value in zip(self.__field_names__, state, strict=True):
        object.__setattr__(self, name, value)


_METHODS: dict[str, Any] = {
    "__init__": _init,
    "__eq__": _eq,
    "__hash__": _hash,
    "__repr__": _repr,
    "__setattr__": _setattr,
    "__delattr__": _delattr,
    "__getstate__": _getstate,
    "__setstate__": _setstate,
}


class Pydantic:
    """``Annotated`` metadata standing for pydantic metadata, made on demand: ``make`` gets the
    ``pydantic`` module and returns the metadata (e.g. ``(p.Field(min_length=1),)``)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[Any], tuple[Any, ...]]) -> None:
        self.make = make

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        import pydantic

        return handler.generate_schema(Annotated[(source, *self.make(pydantic))])


from typing import Annotated  # noqa: E402  (used at schema generation only)
