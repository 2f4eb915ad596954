"""Coverage-guided fuzzing of the loader and the validator (run on demand, not in CI).

    pip install atheris
    python fuzz/fuzz_loader.py -max_total_time=300 fuzz/corpus/loader
    python fuzz/fuzz_loader.py -runs=200000          # a fixed number of inputs

The seed corpus is the bundled plans and tests/data (copied on first run). Each input that
loads is validated as the commands do. Any exception other than the loader's documented
``LoadError`` is a crash: libFuzzer writes the input to
``crash-<sha1>``; copy it to tests/data/regressions/ (tests/test_regressions.py runs every file
there through `dxcheck validate` and `dxcheck check`) and fix the bug.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]

with atheris.instrument_imports():
    from dxcheck.limits import Limits
    from dxcheck.loader import LoadError, load_bytes
    from dxcheck.validate import validate_document

LIMITS = Limits(max_bytes=200_000, max_depth=64, max_nodes=20_000)


def one_input(data: bytes) -> None:
    try:
        document = load_bytes(data, "fuzz.yaml", LIMITS)
    except LoadError as exc:
        assert exc.diagnostics, "a LoadError must carry at least one diagnostic"
        for d in exc.diagnostics:
            assert d.line >= 1 and d.column >= 1, d
        return
    result = validate_document(document)
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1, d


def seed(corpus: Path) -> None:
    if corpus.exists() and any(corpus.iterdir()):
        return
    corpus.mkdir(parents=True, exist_ok=True)
    for path in [*ROOT.glob("plans/*.yaml"), *ROOT.glob("tests/data/**/*.yaml")]:
        shutil.copyfile(path, corpus / path.name)


if __name__ == "__main__":
    args = sys.argv[1:]
    corpora = [Path(a) for a in args if not a.startswith("-")]
    for corpus in corpora:
        seed(corpus)
    atheris.Setup([sys.argv[0], *args], one_input)
    atheris.Fuzz()
