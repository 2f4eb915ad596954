"""The map of Japan on the overview page: the 47 prefectures as inline SVG paths.

The outlines are data (data/japanmap/prefectures.tsv, built by scripts/build_japan_map.py
from the japanmap package's boundary data, Apache License 2.0; see PROVENANCE.md there). This
module only reads them; the overview template colours them with CSS classes, one per item and
rate band, so that a reader can choose the item without any script.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

DATA = os.path.join(
    os.path.dirname(os.path.dirname(__file__)), "data", "japanmap", "prefectures.tsv"
)
# five bands of a share (0–100 %): 0–19, 20–39, 40–59, 60–79, 80–100
BANDS = 5


@dataclass(frozen=True, slots=True)
class Outline:
    key: str  # the first two digits of the prefecture's local government code: "04"
    name: str
    path: str  # SVG path data in a 1000 × 1000 box


@functools.cache
def outlines() -> tuple[Outline, ...]:
    """The 47 prefectures in code order (北海道 … 沖縄県)."""
    with open(DATA, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    rows = [line.split("\t") for line in lines[2:] if line]  # after a comment and the header
    return tuple(Outline(key, name, path) for key, name, path in rows)


def band(share: float | None) -> int | None:
    """The colour band (0–4) of a share in per cent; None when there is nothing to share."""
    if share is None:
        return None
    return min(BANDS - 1, int(share // (100 / BANDS)))
