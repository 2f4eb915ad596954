"""What one plan file may cost (``--max-bytes``, ``--max-depth``), in one place: the loader
enforces these, and the command-line options and their fast path take their defaults here."""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024  # 10 MiB
MAX_DEPTH = 64
MAX_NODES = 200_000  # values after alias expansion


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one file may cost. Defaults fit real plans (the largest seed is 41 KB)
    with two orders of magnitude to spare."""

    max_bytes: int = MAX_BYTES
    max_depth: int = MAX_DEPTH
    max_nodes: int = MAX_NODES


DEFAULT_LIMITS = Limits()
