"""Baselines: the fingerprints of accepted findings, so CI reports only what an edit adds."""

from __future__ import annotations

import json
from typing import Any

from dxcheck.engine.findings import Finding
from dxcheck.paths import show_path

BASELINE_VERSION = 1


class BaselineError(Exception):
    pass


def dump(findings: list[Finding]) -> str:
    entries = sorted(
        (
            {"fingerprint": f.fingerprint, "rule": f.rule, "path": f.path, "message": f.message_ja}
            for f in findings
            if f.fingerprint
        ),
        key=lambda e: (e["path"], e["rule"], e["fingerprint"]),
    )
    payload = {"version": BASELINE_VERSION, "findings": entries}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def load(path: str) -> set[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            data: Any = json.load(handle)
    except OSError as exc:
        raise BaselineError(
            f"{show_path(path)}: ベースラインを読めません / cannot read ({exc.strerror})"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(
            f"{show_path(path)}: ベースラインのJSONが壊れています / invalid JSON: {exc}"
        ) from None
    except RecursionError:
        raise BaselineError(
            f"{show_path(path)}: ベースラインのJSONの入れ子が深すぎます / JSON nested too deeply"
        ) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise BaselineError(
            f"{show_path(path)}: dxcheck のベースラインではありません / not a dxcheck baseline"
        )
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(f"{show_path(path)}: findings がありません / no findings list")
    return {e["fingerprint"] for e in findings if isinstance(e, dict) and "fingerprint" in e}
