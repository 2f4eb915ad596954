"""Coverage-guided fuzzing of `dxcheck draft` (run on demand, not in CI).

    pip install atheris
    python fuzz/fuzz_draft.py -max_total_time=300

``dxcheck.draft.draft_text`` must either return YAML that the plan loader reads, or raise
``DraftError`` with Japanese and English messages, for any bytes (text, PDF, zip, HTML).
Long runs of one character, deep nesting and high-ratio streams have their own cases in
benchmarks/hostile_inputs.py (with a time for each, and an audit of every regex). Anything
else is a crash: add the input to tests/test_draft_cli.py and fix the step that failed.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import yaml

    from dxcheck.draft import DraftError, draft_text

HEADS = [
    b"",
    b"%PDF-1.7\n",
    b"HTTP/1.1 200 OK\r\n\r\n%PDF-1.7\n",
    b"PK\x03\x04",
    "<!DOCTYPE html><meta charset=utf-8><h1>松島町DX推進計画</h1>".encode(),
    "松島町DX推進計画\n第1章 計画期間\n".encode(),
]


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    head = HEADS[provider.ConsumeIntInRange(0, len(HEADS) - 1)]
    body = provider.ConsumeBytes(4096)
    try:
        text = draft_text(head + body, "fuzz")
    except DraftError as exc:
        assert exc.ja and exc.en
        return
    assert isinstance(yaml.safe_load(text), dict)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
