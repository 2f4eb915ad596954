"""The catalog's own age: is the national plan checked against still in force on the as-of date?

The national plan's 対象期間 (第2.3版: to 令和7年度末, 2026-03-31) can end before a revised plan
reaches dxcheck. Checking after that date is still useful (its items and deadlines stay the
reference until a revision is added), but every output says so once, with the version used,
so that nobody mistakes it for the national plan in force. Light on purpose (standard library
and dxcheck.dates only): a run answered from the cache builds the notice without the catalog.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dxcheck.dates import format_ja


@dataclass(frozen=True, slots=True)
class CatalogNotice:
    version: str
    period_end: datetime.date
    message_ja: str
    message_en: str

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_ja

    def as_json(self) -> dict[str, str]:
        return {
            "version": self.version,
            "period_end": self.period_end.isoformat(),
            "message_ja": self.message_ja,
            "message_en": self.message_en,
        }


def catalog_notice(
    version: str, period_end: datetime.date, as_of: datetime.date
) -> CatalogNotice | None:
    """A notice when ``as_of`` lies after the catalog's 対象期間; None while it is in force."""
    if as_of <= period_end:
        return None
    end = period_end
    return CatalogNotice(
        version,
        end,
        f"国の計画 第{version}版 の対象期間は{format_ja(end)}（{end.isoformat()}）に"
        f"終了しています。基準日 {as_of.isoformat()} には改定された国の計画があるかもしれません。"
        f"この結果は第{version}版に照らしたものです（新しい版は --catalog FILE で追加できます: "
        "docs/catalog.md）",
        f"the national plan version {version} ended its period on {end.isoformat()}; "
        f"on {as_of.isoformat()} a revised national plan may exist. These results are against "
        f"version {version} (add a newer one with --catalog FILE: docs/catalog.md)",
    )
