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
from typing import Any, TypeVar, dataclass_transform

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
    (``__pydantic_config__``, unless the class sets its own)."""
    if "__pydantic_config__" not in cls.__dict__:
        cls.__pydantic_config__ = CONFIG  # type: ignore[attr-defined]
    return dataclasses.dataclass(frozen=True, slots=True, kw_only=True)(cls)


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
