"""The schema of a configuration file (``dxcheck.toml`` or ``[tool.dxcheck]``; read by
:mod:`dxcheck.config`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ConfigWaiver(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    rule: str
    item: str | None = None
    reason: str = Field(min_length=1)
    expires: str
    plans: list[str] = Field(default_factory=list)


class ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: Literal["error", "warning", "info"] | None = Field(default=None, alias="fail-on")
    catalog: str | None = None
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    waivers: list[ConfigWaiver] = Field(default_factory=list)
