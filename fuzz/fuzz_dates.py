"""Coverage-guided fuzzing of the Japanese date parser (run on demand, not in CI).

    pip install atheris
    python fuzz/fuzz_dates.py -max_total_time=120

``dxcheck.dates.parse`` must either return a span whose start is not after its end, or raise
``DateParseError`` with Japanese and English messages. Anything else is a crash: add the input
to tests/test_dates.py and fix the parser.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from dxcheck.dates import DateParseError, parse

SEEDS = [
    "令和7年度末",
    "令和５（２０２３）年度",
    "R5〜R7",
    "令和4年4月から令和8年3月まで",
    "平成32年度",
]


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(64)
    if provider.ConsumeBool():
        text = SEEDS[provider.ConsumeIntInRange(0, len(SEEDS) - 1)] + text
    try:
        span = parse(text)
    except DateParseError as exc:
        assert str(exc) and exc.message_en
        return
    assert span.start <= span.end, (text, span)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
