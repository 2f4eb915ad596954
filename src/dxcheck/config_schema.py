"""The schema of a configuration file (``dxcheck.toml`` or ``[tool.dxcheck]``; read by
:mod:`dxcheck.config` through the validator shipped in :mod:`dxcheck.core_schemas`)."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from dxcheck.schema_marks import field, model


@model
class ConfigWaiver:
    rule: str
    item: str | None = None
    reason: str = field(min_length=1)
    expires: str
    plans: list[str] = field(default_factory=list)


@model
class ConfigFile:
    __pydantic_config__: ClassVar[Any] = {"extra": "forbid", "populate_by_name": True}

    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: Literal["error", "warning", "info"] | None = field(default=None, alias="fail-on")
    catalog: str | None = None
    severity: dict[str, Literal["error", "warning", "info"]] = field(default_factory=dict)
    waivers: list[ConfigWaiver] = field(default_factory=list)
