"""``dxcheck draft INPUT [-o FILE]``: read the document, draft, write (never overwrite)."""

from __future__ import annotations

import os
import sys

from dxcheck.console import Out
from dxcheck.draft.errors import DraftError
from dxcheck.draft.extract import MAX_BYTES


def _read(path: str) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        try:
            if os.path.isdir(path):
                raise DraftError(
                    f"{path}: フォルダです。計画の文書ファイルを指定してください",
                    f"{path}: a folder; give the plan document file",
                )
            if os.path.getsize(path) > MAX_BYTES:
                raise DraftError(
                    f"{path}: ファイルが大きすぎます（上限 {MAX_BYTES:,} バイト）",
                    f"{path}: file too large (limit {MAX_BYTES:,} bytes)",
                )
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise DraftError(
                f"{path}: 読めません（{exc.strerror}）", f"{path}: cannot read ({exc.strerror})"
            ) from None
    if len(data) > MAX_BYTES:
        raise DraftError(
            f"{path}: 入力が大きすぎます（上限 {MAX_BYTES:,} バイト）",
            f"{path}: input too large (limit {MAX_BYTES:,} bytes)",
        )
    return data


def run(document: str, out: str | None, lang: str) -> int:
    from dxcheck.draft import draft_text
    from dxcheck.validate import validate_bytes

    err = Out(sys.stderr)
    en = lang == "en"
    name = "<stdin>" if document == "-" else document
    if out and os.path.exists(out):
        err.line(
            f"dxcheck: {out}: "
            + ("already exists; not overwritten" if en else "既にあります。上書きしません"),
            "error",
        )
        return 2
    try:
        text = draft_text(_read(document), name, os.path.basename(name))
    except DraftError as exc:
        err.line(f"dxcheck: {exc.message(lang)}", "error")
        return 2
    result = validate_bytes(text.encode("utf-8"), out or "<stdout>")
    if out is None:
        sys.stdout.write(text)
    else:
        from dxcheck.writer import write_new

        problem = write_new(out, text, "en" if en else "ja")
        if problem is not None:
            err.line(problem, "error")
            return 2
    drafted = sum(1 for line in text.splitlines() if line.lstrip().startswith("draft: "))
    where = out or ("standard output" if en else "標準出力")
    if en:
        err.line(
            f"{where}: draft written ({drafted} entries to review). Check each cite against the "
            "document and delete its draft line; `dxcheck check` lists the rest as DRF001."
        )
    else:
        err.line(
            f"{where}: 下書きを書きました（確認する項目 {drafted} 件）。各項目の cite を原文と照らし、"
            "正しければ draft 行を削除してください。残りは dxcheck check が DRF001 として示します。"
        )
    if not result.valid:
        first = next((d for d in result.diagnostics if d.severity == "error"), None)
        message = first.message(lang) if first else ""
        err.line(
            ("the draft does not validate yet: " if en else "下書きはまだ検証を通りません: ")
            + message,
            "warning",
        )
    return 0
