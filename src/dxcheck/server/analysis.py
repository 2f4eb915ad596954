"""Check a plan's text as `dxcheck check` would check the file: the configuration found upwards
from the plan (or the one the editor names), its catalog, selection, severities and waivers,
and today's date (or the configured as-of date).

Settings are resolved once per configuration file and kept until that file changes, so a
keystroke costs one validation and one rule run (benchmarks/server_latency.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dxcheck.checkrun import Settings
    from dxcheck.engine.findings import Finding


@dataclass(slots=True)
class Analysis:
    """What checking one text gave: its findings (schema problems included), or the reason
    the settings could not be resolved (a broken configuration file)."""

    findings: list[Finding] = field(default_factory=list)
    settings: Settings | None = None
    problem: str | None = None


@dataclass(slots=True)
class Analyzer:
    """Resolves settings per configuration file and checks texts with them."""

    lang: str = "ja"
    config: str | None = None  # the editor's choice; None: found upwards from each plan
    catalog: str | None = None
    as_of: str | None = None
    _settings: dict[tuple[str | None, float], Settings] = field(default_factory=dict)

    def settings_for(self, path: str) -> Settings:
        """Settings for a plan at ``path`` (UsageError when the configuration is unusable)."""
        from dxcheck.checkrun import resolve
        from dxcheck.config import find_config
        from dxcheck.options import Options

        config = self.config or find_config(path)
        try:
            stamp = os.stat(config).st_mtime if config else 0.0
        except OSError:
            stamp = -1.0
        key = (config, stamp)
        found = self._settings.get(key)
        if found is None:
            opts = Options(
                [path], as_of=self.as_of, catalog=self.catalog, config=config, lang=self.lang
            )
            found = resolve(opts)
            self._settings = {key: found} | {
                k: v for k, v in self._settings.items() if k[0] != config
            }
        return found

    def analyze(self, path: str, text: str) -> Analysis:
        """Validate and check ``text`` as the plan at ``path``."""
        from dxcheck.checkrun import check_bytes
        from dxcheck.options import UsageError

        try:
            settings = self.settings_for(path)
        except UsageError as exc:
            return Analysis(problem=str(exc))
        _, check = check_bytes(text.encode("utf-8"), path, settings)
        return Analysis(check.findings, settings)
