"""`dxcheck server`: time from `didChange` to `publishDiagnostics`, as an editor sees it.

    python benchmarks/server_latency.py                 # the largest bundled plan, 40 edits
    python benchmarks/server_latency.py --edits 100 --plan /tmp/plans1788/012025.yaml

The server runs as `dxcheck server` over stdio and a pygls client sends the edits. Each edit
changes one value of the plan (the period's end, alternating between two dates), so every
check runs on a new text, and the client waits for the diagnostics of that version. Measured
twice: with the server's default debounce (what an editor gets) and with none (the cost of
checking alone). Target (issue 21): under 150 ms with the default debounce.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]


def largest_bundled_plan() -> Path:
    return max((ROOT / "plans").glob("*.yaml"), key=lambda p: p.stat().st_size)


async def measure(plan: Path, edits: int, debounce: float | None) -> list[float]:
    client = LanguageClient("latency", "1")
    arrived: dict[str, asyncio.Event] = {}
    uri = plan.resolve().as_uri()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        event = arrived.get(params.uri)
        if event is not None:
            event.set()

    dxcheck = str(Path(sys.executable).with_name("dxcheck"))
    await client.start_io(dxcheck, "server")
    options: dict[str, object] = {"globs": ["**/*.yaml"]}
    if debounce is not None:
        options["debounceMs"] = debounce
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=plan.parent.resolve().as_uri(),
            initialization_options=options,
        )
    )
    client.initialized(types.InitializedParams())
    text = plan.read_text(encoding="utf-8")
    arrived[uri] = asyncio.Event()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    await arrived[uri].wait()  # the first check also resolves settings and loads the catalog
    lines = text.splitlines(keepends=True)
    target = next(i for i, line in enumerate(lines) if line.startswith("  end:"))
    times: list[float] = []
    for version in range(2, edits + 2):
        value = "令和8年3月" if version % 2 else "令和9年3月"
        changed = [*lines]
        changed[target] = f"  end: {value}\n"
        arrived[uri] = asyncio.Event()
        start = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangeWholeDocument(text="".join(changed))
                ],
            )
        )
        await arrived[uri].wait()
        times.append((time.perf_counter() - start) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def line(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return (
        f"  {label:<34} median {statistics.median(times):6.1f} ms   p90 {p90:6.1f} ms"
        f"   max {max(times):6.1f} ms   ({len(times)} edits)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--plan", type=Path, default=None, help="default: largest bundled plan")
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()
    plan = args.plan or largest_bundled_plan()
    lines = len(plan.read_text(encoding="utf-8").splitlines())
    print(
        f"plan: {plan.name} ({plan.stat().st_size / 1024:.0f} KB, {lines} lines); "
        f"cores {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}"
    )
    print("didChange → publishDiagnostics (target: under 150 ms with the default debounce)")
    print(line("default debounce (50 ms)", asyncio.run(measure(plan, args.edits, None))))
    print(line("no debounce (checking only)", asyncio.run(measure(plan, args.edits, 0))))


if __name__ == "__main__":
    main()
