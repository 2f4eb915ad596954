"""``dxcheck draft INPUT [-o FILE] [--ocr]``: read the document, draft, write (never
overwrite)."""

from __future__ import annotations

import os
import sys

from dxcheck.console import Out
from dxcheck.draft.document import MAX_BYTES
from dxcheck.draft.errors import DraftError
from dxcheck.inputs import STDIN, NotRegularFile, display_name, read_input


def _read(path: str) -> bytes:
    name = display_name(path)
    if path != STDIN:
        try:
            if os.path.isdir(path):
                raise DraftError(
                    f"{name}: フォルダです。計画の文書ファイルを指定してください",
                    f"{name}: a folder; give the plan document file",
                )
            if os.path.getsize(path) > MAX_BYTES:
                raise DraftError(
                    f"{name}: ファイルが大きすぎます（上限 {MAX_BYTES:,} バイト）",
                    f"{name}: file too large (limit {MAX_BYTES:,} bytes)",
                )
        except OSError as exc:
            raise DraftError(
                f"{name}: 読めません（{exc.strerror}）", f"{name}: cannot read ({exc.strerror})"
            ) from None
    try:
        data = read_input(path, MAX_BYTES)
    except NotRegularFile:
        raise DraftError(
            f"{name}: 通常のファイルではありません（名前付きパイプ・デバイスなど）。読みません",
            f"{name}: not a regular file (a named pipe, a device …); not read",
        ) from None
    except OSError as exc:
        raise DraftError(
            f"{name}: 読めません（{exc.strerror}）", f"{name}: cannot read ({exc.strerror})"
        ) from None
    if len(data) > MAX_BYTES:
        raise DraftError(
            f"{name}: 入力が大きすぎます（上限 {MAX_BYTES:,} バイト）",
            f"{name}: input too large (limit {MAX_BYTES:,} bytes)",
        )
    return data


def run(document: str, out: str | None, lang: str, ocr: bool = False) -> int:
    from dxcheck.draft import draft_document
    from dxcheck.validate import validate_bytes

    err = Out(sys.stderr)
    en = lang == "en"
    name = display_name(document)
    shown_out = display_name(out) if out else None
    if out and os.path.exists(out):
        err.line(
            f"dxcheck: {shown_out}: "
            + ("already exists; not overwritten" if en else "既にあります。上書きしません"),
            "error",
        )
        return 2
    try:
        source = name if document == STDIN else os.path.basename(name)
        drafted = draft_document(_read(document), name, source, ocr=ocr)
    except DraftError as exc:
        err.line(f"dxcheck: {exc.message(lang)}", "error")
        return 2
    text = drafted.text
    if out is not None:
        text = _schema_header_for(out, text)
    result = validate_bytes(text.encode("utf-8"), shown_out or "<stdout>")
    if out is None:
        sys.stdout.write(text)
    else:
        from dxcheck.writer import write_new

        problem = write_new(out, text, "en" if en else "ja")
        if problem is not None:
            err.line(problem, "error")
            return 2
    for note in drafted.notes:
        err.line(f"dxcheck: {name}: {note.message(lang)}", "warning")
    entries = sum(1 for line in text.splitlines() if line.lstrip().startswith("draft: "))
    where = shown_out or ("standard output" if en else "標準出力")
    if en:
        err.line(
            f"{where}: draft written ({entries} entries to review). Check each cite against the "
            "document and delete its draft line; `dxcheck check` lists the rest as DRF001."
        )
    else:
        err.line(
            f"{where}: 下書きを書きました（確認する項目 {entries} 件）。各項目の cite を原文と照らし、"
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


def _schema_header_for(out: str, text: str) -> str:
    """The draft's ``$schema`` header pointing at the schema of the repository it is written
    into, as `dxcheck init` does (plans/x.yaml → ../schemas/plan.schema.json)."""
    from dxcheck.draft.emit import SCHEMA_HEADER
    from dxcheck.repopath import schema_location

    folder = os.path.dirname(os.path.abspath(out))
    schema, _ = schema_location(folder)
    relative = os.path.relpath(schema, folder).replace(os.sep, "/")
    header = f"# yaml-language-server: $schema={relative}"
    return text.replace(SCHEMA_HEADER, header, 1) if text.startswith(SCHEMA_HEADER) else text
