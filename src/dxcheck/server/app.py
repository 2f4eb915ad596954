"""The pygls server: documents in, diagnostics, hover, completion and code actions out.

Diagnostics are published on open and save at once, and after a change once the user pauses
(``debounceMs``, default 50 ms: each new change restarts the wait). Settings the editor may
pass as ``initializationOptions``::

    {"globs": ["plans/**/*.yaml"], "config": "dxcheck.toml", "catalog": "2.3",
     "asOf": "2026-04-01", "debounceMs": 50, "lang": "en"}

The language: ``--lang`` or ``DXCHECK_LANG`` when given, else the client's locale (``en…``
gives English), else Japanese.
"""

from __future__ import annotations

import asyncio
import datetime
import os
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from dxcheck import __version__
from dxcheck.server import actions as code_actions
from dxcheck.server import completion, diagnostics, documents, hover
from dxcheck.server.analysis import Analyzer

DEBOUNCE_MS = 50.0


class PlanServer(LanguageServer):
    """State of one editor session: settings, pending checks, the plans among open files."""

    def __init__(self, lang: str | None) -> None:
        super().__init__("dxcheck", __version__)
        self.fixed_lang = lang  # from --lang / DXCHECK_LANG; None: the client's locale
        self.lang = lang or "ja"
        self.analyzer = Analyzer(self.lang)
        self.globs: tuple[str, ...] = documents.DEFAULT_GLOBS
        self.debounce = DEBOUNCE_MS / 1000
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.published: dict[str, list[types.Diagnostic]] = {}

    # --- helpers ------------------------------------------------------------------------

    def roots(self) -> tuple[str, ...]:
        folders = [documents.path_of(f.uri) for f in self.workspace.folders.values()]
        root = self.workspace.root_path
        return tuple(folders or ([root] if root else []))

    def plan_text(self, uri: str) -> tuple[str, str] | None:
        """(path, text) of an open plan; None for other files."""
        doc = self.workspace.get_text_document(uri)
        path = documents.path_of(uri)
        if not documents.is_plan(path, doc.source, self.globs, self.roots()):
            return None
        return path, doc.source

    def today(self) -> datetime.date:
        from dxcheck.options import parse_as_of

        return parse_as_of(self.analyzer.as_of)

    def publish(self, uri: str) -> None:
        found = self.plan_text(uri)
        if found is None:
            return
        path, text = found
        analysis = self.analyzer.analyze(path, text)
        if analysis.problem is not None:
            result = [diagnostics.problem(analysis.problem)]
        else:
            result = diagnostics.to_lsp(analysis.findings, text.splitlines(), self.lang)
            # code points (Python's columns) → the client's units (UTF-16 unless negotiated)
            doc = self.workspace.get_text_document(uri)
            for diag in result:
                diag.range = doc.range_to_client_units(diag.range)  # type: ignore[arg-type]
        self.published[uri] = result
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=result)
        )

    def schedule(self, uri: str) -> None:
        """Check ``uri`` once no change has come for ``debounce`` seconds."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()

        async def later() -> None:
            await asyncio.sleep(self.debounce)
            self.pending.pop(uri, None)
            self.publish(uri)

        self.pending[uri] = asyncio.ensure_future(later())

    def catalog_for(self, uri: str) -> Any:
        path = documents.path_of(uri)
        try:
            return self.analyzer.settings_for(path).catalog
        except Exception:  # a broken configuration: the latest bundled catalog
            from dxcheck.catalog import latest_version, load_catalog

            return load_catalog(latest_version())


def configure(server: PlanServer, params: types.InitializeParams) -> None:
    options = params.initialization_options or {}
    if not isinstance(options, dict):
        options = {}
    if server.fixed_lang is None:
        lang = options.get("lang") or ("en" if (params.locale or "").startswith("en") else "ja")
        server.lang = lang if lang in ("ja", "en") else "ja"
    server.analyzer = Analyzer(
        server.lang,
        config=options.get("config"),
        catalog=options.get("catalog"),
        as_of=options.get("asOf"),
    )
    globs = options.get("globs")
    if isinstance(globs, list) and all(isinstance(g, str) for g in globs):
        server.globs = tuple(globs)
    debounce = options.get("debounceMs")
    if isinstance(debounce, int | float) and debounce >= 0:
        server.debounce = debounce / 1000


def build(lang: str | None = None) -> PlanServer:
    server = PlanServer(lang)

    @server.feature(types.INITIALIZE)
    def initialize(ls: PlanServer, params: types.InitializeParams) -> None:
        configure(ls, params)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
        pending = ls.pending.pop(params.text_document.uri, None)
        if pending is not None:
            pending.cancel()
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        if ls.published.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: PlanServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        if ls.plan_text(uri) is None:
            return None
        doc = ls.workspace.get_text_document(uri)
        pos = doc.position_from_client_units(params.position)
        lines = doc.lines
        line = lines[pos.line] if pos.line < len(lines) else ""
        word = documents.word_at(line, pos.character)
        text = hover.hover_text(word, ls.catalog_for(uri), ls.lang) if word else None
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=[" ", ":", "-", "["]),
    )
    def on_completion(ls: PlanServer, params: types.CompletionParams) -> types.CompletionList:
        uri = params.text_document.uri
        if ls.plan_text(uri) is None:
            return types.CompletionList(is_incomplete=False, items=[])
        doc = ls.workspace.get_text_document(uri)
        lines = [line.rstrip("\r\n") for line in doc.lines]
        pos = doc.position_from_client_units(params.position)
        where = documents.place(lines, pos.line, pos.character)
        kinds = {
            "item": types.CompletionItemKind.EnumMember,
            "business": types.CompletionItemKind.Value,
            "date": types.CompletionItemKind.Constant,
            "value": types.CompletionItemKind.EnumMember,
        }
        found = completion.choices(where, ls.catalog_for(uri), ls.lang, ls.today())
        items = [
            types.CompletionItem(
                label=c.label,
                detail=c.detail or None,
                documentation=c.documentation or None,
                kind=kinds[c.kind],
                sort_text=f"{index:04d}",
            )
            for index, c in enumerate(found)
        ]
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def on_code_action(
        ls: PlanServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        if ls.plan_text(uri) is None:
            return None
        doc = ls.workspace.get_text_document(uri)
        lines = [line.rstrip("\r\n") for line in doc.lines]
        today = ls.today()
        out: list[types.CodeAction] = []
        for diag in params.context.diagnostics:
            data = diag.data if isinstance(diag.data, dict) else {}
            if diag.source != diagnostics.SOURCE or not isinstance(diag.code, str):
                continue
            for action in code_actions.actions_for(
                lines,
                diag.code,
                data.get("item"),
                data.get("yaml_path", ""),
                data.get("message_en", ""),
                diag.range.start.line,
                doc.position_from_client_units(diag.range.start).character,
                ls.lang,
                today,
            ):
                edits = [
                    types.TextEdit(
                        range=types.Range(
                            start=types.Position(line=e.start[0], character=e.start[1]),
                            end=types.Position(line=e.end[0], character=e.end[1]),
                        ),
                        new_text=e.text,
                    )
                    for e in action.edits
                ]
                out.append(
                    types.CodeAction(
                        title=action.title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        is_preferred=action.preferred or None,
                        edit=types.WorkspaceEdit(changes={uri: edits}),
                    )
                )
        return out

    return server


def serve(lang: str | None) -> int:
    """Run the server on standard input and output until the editor stops it."""
    build(lang).start_io()
    return 0


def explicit_lang(args: list[str]) -> str | None:
    """The language the user chose on the command line or in DXCHECK_LANG (None: not chosen)."""
    if any(a == "--lang" or a.startswith("--lang=") for a in args) or os.environ.get(
        "DXCHECK_LANG"
    ):
        from dxcheck.i18n import detect_lang

        return detect_lang(args)
    return None
