"""Configuration: `[tool.dxcheck]` in pyproject.toml, or dxcheck.toml, found upwards.

Command-line options override the file. Keys (dxcheck.toml shown; in pyproject.toml put them
under `[tool.dxcheck]`)::

    select = ["COV", "DL"]      # rule IDs or prefixes
    ignore = ["CON001"]
    fail-on = "warning"         # error | warning | info
    catalog = "2.3"
    [[waivers]]
    rule = "GOV002"
    item = "org_structure"      # optional
    reason = "令和8年度に外部人材を任用予定"
    expires = "令和9年3月"
    plans = ["plans/044016-*.yaml"]   # optional glob(s); default: every plan
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic_core import ValidationError

from dxcheck.config_files import find_config
from dxcheck.core_schemas import validator
from dxcheck.paths import show_path
from dxcheck.schema_errors import pydantic_message as message

if TYPE_CHECKING:
    from dxcheck.config_schema import ConfigFile
    from dxcheck.models import Waiver

__all__ = ["Config", "ConfigError", "find_config", "load_config"]


class ConfigError(Exception):
    """A configuration file that cannot be used (exit code 2)."""


@dataclass(slots=True)
class Config:
    path: str | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    catalog: str | None = None
    waivers: list[tuple[Waiver, list[str]]] = field(default_factory=list)
    # the project's severities by rule ID or prefix: {"CON001": "info", "DL": "warning"}
    severity: dict[str, str] = field(default_factory=dict)

    def waivers_for(self, plan_path: str) -> tuple[Waiver, ...]:
        base = os.path.dirname(self.path) if self.path else "."
        out = []
        for waiver, globs in self.waivers:
            rel = os.path.relpath(os.path.abspath(plan_path), os.path.abspath(base))
            if not globs or any(
                fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(plan_path, g) for g in globs
            ):
                out.append(waiver)
        return tuple(out)


def load_config(path: str | None) -> Config:
    if path is None:
        return Config()
    try:
        with open(path, "rb") as handle:
            raw: Any = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(
            f"{show_path(path)}: 設定ファイルを読めません / cannot read ({exc.strerror})"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{show_path(path)}: TOMLの構文エラー / TOML syntax error: {exc}"
        ) from None
    except RecursionError:
        raise ConfigError(
            f"{show_path(path)}: TOMLの入れ子が深すぎます / TOML nested too deeply to read"
        ) from None
    if os.path.basename(path) == "pyproject.toml":
        raw = raw.get("tool", {}).get("dxcheck", {})
    try:
        parsed: ConfigFile = validator("config").validate_python(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {message(e)}" for e in exc.errors()
        )
        raise ConfigError(
            f"{show_path(path)}: 設定の誤り / invalid configuration: {problems}"
        ) from None
    waivers: list[tuple[Waiver, list[str]]] = []
    for index, w in enumerate(parsed.waivers):
        try:
            waiver: Waiver = validator("waiver").validate_python(
                {"rule": w.rule, "item": w.item, "reason": w.reason, "expires": w.expires}
            )
        except ValidationError as exc:
            raise ConfigError(
                f"{show_path(path)}: waivers[{index}]: {message(exc.errors()[0])}"
            ) from None
        waivers.append((waiver, w.plans))
    config = Config(path, parsed.select, parsed.ignore, parsed.fail_on, parsed.catalog, waivers)
    config.severity = dict(parsed.severity)
    return config
