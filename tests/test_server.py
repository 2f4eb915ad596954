"""`dxcheck server` driven end to end by a real LSP client (pytest-lsp), as an editor would:
the server runs as `python -m dxcheck server` over stdio, the client opens and edits plans and
asks for hover, completion and code actions, and applies the edits it gets back."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
AS_OF = "2026-11-23"
ENV = {k: v for k, v in os.environ.items() if k != "DXCHECK_LANG"}
SERVER = [sys.executable, "-m", "dxcheck", "server"]


def line_of(text: str, needle: str) -> int:
    """0-based number of the first line containing ``needle``."""
    return next(i for i, line in enumerate(text.splitlines()) if needle in line)


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """The text after the editor applies ``edits`` (from the last to the first)."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def at(pos: types.Position) -> int:
        return offsets[min(pos.line, len(lines))] + pos.character

    for edit in sorted(edits, key=lambda e: at(e.range.start), reverse=True):
        text = text[: at(edit.range.start)] + edit.new_text + text[at(edit.range.end) :]
        offsets = [0]
        lines = text.splitlines(keepends=True)
        for line in lines:
            offsets.append(offsets[-1] + len(line))
    return text


class Editor:
    """The client and a workspace folder with a plans/ folder, as an editor has them."""

    def __init__(self, client: LanguageClient, root: Path) -> None:
        self.client, self.root = client, root
        self.versions: dict[str, int] = {}

    def uri(self, name: str) -> str:
        return (self.root / name).as_uri()

    async def open(self, name: str, text: str) -> list[types.Diagnostic]:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="yaml", version=1, text=text
                )
            )
        )
        return await self.diagnostics(uri)

    async def change(self, name: str, text: str) -> list[types.Diagnostic]:
        uri = self.uri(name)
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return await self.diagnostics(uri)

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        while True:
            await self.client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if uri in self.client.diagnostics:
                return list(self.client.diagnostics.pop(uri))

    async def hover(self, name: str, line: int, character: int) -> str | None:
        result = await self.client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=self.uri(name)),
                position=types.Position(line=line, character=character),
            )
        )
        if result is None:
            return None
        assert isinstance(result.contents, types.MarkupContent)
        return result.contents.value

    async def complete(self, name: str, line: int, character: int) -> list[types.CompletionItem]:
        result = await self.client.text_document_completion_async(
            types.CompletionParams(
                text_document=types.TextDocumentIdentifier(uri=self.uri(name)),
                position=types.Position(line=line, character=character),
            )
        )
        assert isinstance(result, types.CompletionList)
        return list(result.items)

    async def actions(self, name: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        result = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=self.uri(name)),
                range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic]),
            )
        )
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    def edits(self, name: str, action: types.CodeAction) -> list[types.TextEdit]:
        assert action.edit is not None and action.edit.changes is not None
        assert list(action.edit.changes) == [self.uri(name)]  # only the open plan
        return list(action.edit.changes[self.uri(name)])


async def start(client: LanguageClient, root: Path, locale: str | None = None) -> Editor:
    await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="plans")],
            locale=locale,
            initialization_options={"asOf": AS_OF, "debounceMs": 10},
        )
    )
    return Editor(client, root)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client_en(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    await start(lsp_client, tmp_path, locale="en-US")
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, server_env={**ENV, "DXCHECK_LANG": "ja"})
)
async def client_ja(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
    await start(lsp_client, tmp_path, locale="en-US")
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def editor(client: LanguageClient, tmp_path: Path) -> Editor:
    return Editor(client, tmp_path)


@pytest.fixture
def english(client_en: LanguageClient, tmp_path: Path) -> Editor:
    return Editor(client_en, tmp_path)


@pytest.fixture
def chosen_ja(client_ja: LanguageClient, tmp_path: Path) -> Editor:
    return Editor(client_ja, tmp_path)


def by_code(diagnostics: list[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == code]


# --- diagnostics -------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_broken_date_is_reported_at_its_line(editor: Editor) -> None:
    text = MINIMAL.replace("  end: 令和8年3月", "  end: 令和8年13月")
    found = await editor.open("plans/test.yaml", text)
    [date] = by_code(found, "DX207")
    assert date.range.start.line == line_of(text, "令和8年13月")
    assert date.range.start.character == text.splitlines()[date.range.start.line].index("令和")
    assert date.severity == types.DiagnosticSeverity.Error
    assert "13月はありません" in date.message
    assert date.source == "dxcheck"
    assert date.code_description is None  # a schema problem: the message says it all


@pytest.mark.asyncio
async def test_an_unknown_item_id_is_reported_at_its_line(editor: Editor) -> None:
    text = MINIMAL.replace("[online_procedures]", "[online_procedure]")
    found = await editor.open("plans/test.yaml", text)
    at_line = [d for d in found if d.range.start.line == line_of(text, "[online_procedure]")]
    assert at_line, found
    assert any("online_procedure" in d.message for d in at_line)
    assert all(d.severity == types.DiagnosticSeverity.Error for d in at_line)


@pytest.mark.asyncio
async def test_a_missing_national_item_is_reported_with_its_rule_link(editor: Editor) -> None:
    found = await editor.open("plans/test.yaml", MINIMAL)
    missing = [d for d in by_code(found, "COV001") if "security" in d.message]
    assert missing, [d.message for d in found]
    assert missing[0].range.start.line == line_of(MINIMAL, "initiatives:")
    assert missing[0].code_description is not None
    assert missing[0].code_description.href.endswith("docs/rules.md#cov001")
    # the same findings as `dxcheck check` (its JSON output): codes and lines
    from dxcheck.cli import main

    path = editor.root / "plans" / "test.yaml"
    import contextlib
    import io
    import json

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "-f", "json", "--no-cache", "--as-of", AS_OF, str(path)])
    expected = sorted(
        (f["rule"], f["line"] - 1) for f in json.loads(out.getvalue())["plans"][0]["findings"]
    )
    assert sorted((str(d.code), d.range.start.line) for d in found) == expected


@pytest.mark.asyncio
async def test_ranges_count_utf16_units_as_the_protocol_says(editor: Editor) -> None:
    # 𠮷 lies outside the Basic Multilingual Plane: one character, two UTF-16 units
    text = MINIMAL.replace("  name: 松島町", "  name: 𠮷松島町")
    found = await editor.open("plans/test.yaml", text)
    line = line_of(text, "𠮷")
    [name] = [d for d in found if d.range.start.line == line]
    assert name.range.start.character == len("  name: ")
    assert name.range.end.character == len("  name: 𠮷松島町") + 1


@pytest.mark.asyncio
async def test_diagnostics_follow_the_edits(editor: Editor) -> None:
    broken = MINIMAL.replace("  end: 令和8年3月", "  end: 令和8年13月")
    assert by_code(await editor.open("plans/test.yaml", broken), "DX207")
    fixed = await editor.change("plans/test.yaml", MINIMAL)
    assert not by_code(fixed, "DX207")
    assert by_code(fixed, "COV001")


@pytest.mark.asyncio
async def test_only_plan_files_are_checked(editor: Editor) -> None:
    other = "name: not a plan\n"
    editor.client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=editor.uri("ci/config.yaml"), language_id="yaml", version=1, text=other
            )
        )
    )
    # a plan outside plans/ is known by its schema header
    text = "# yaml-language-server: $schema=../schemas/plan.schema.json\n" + MINIMAL
    assert await editor.open("elsewhere/plan.yaml", text)
    assert editor.uri("ci/config.yaml") not in editor.client.diagnostics


@pytest.mark.asyncio
async def test_a_broken_configuration_is_shown_at_the_top_of_the_plan(editor: Editor) -> None:
    (editor.root / "dxcheck.toml").write_text("select = [\n", encoding="utf-8")
    [problem] = await editor.open("plans/test.yaml", MINIMAL)
    assert problem.range.start.line == 0
    assert "dxcheck.toml" in problem.message and "TOML" in problem.message
    # fixed on disk: the next check reads it again
    (editor.root / "dxcheck.toml").write_text('ignore = ["COV"]\n', encoding="utf-8")
    found = await editor.change("plans/test.yaml", MINIMAL)
    assert found and not [d for d in found if str(d.code).startswith("COV")]


@pytest.mark.asyncio
async def test_messages_follow_the_client_locale(english: Editor) -> None:
    found = await english.open("plans/test.yaml", MINIMAL)
    assert any("security" in d.message and d.message.isascii() for d in by_code(found, "COV001"))


@pytest.mark.asyncio
async def test_dxcheck_lang_wins_over_the_client_locale(chosen_ja: Editor) -> None:
    found = await chosen_ja.open("plans/test.yaml", MINIMAL)
    assert all(not d.message.isascii() for d in by_code(found, "COV001"))


# --- hover ---------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_hover_on_a_national_items_entry(editor: Editor) -> None:
    await editor.open("plans/test.yaml", MINIMAL)
    line = line_of(MINIMAL, "[standardization]")
    text = await editor.hover(
        "plans/test.yaml", line, MINIMAL.splitlines()[line].index("standardization") + 3
    )
    assert text is not None
    assert "自治体の情報システムの標準化・共通化" in text
    assert "令和7年度末" in text and "2026-03-31" in text and "[期限]" in text
    assert "公式" in text and "https://" in text


@pytest.mark.asyncio
async def test_hover_on_a_rule_code(editor: Editor) -> None:
    text = MINIMAL + "waivers:\n  - rule: GOV002\n    reason: 任用予定\n    expires: 令和9年3月\n"
    await editor.open("plans/test.yaml", text)
    line = line_of(text, "GOV002")
    shown = await editor.hover("plans/test.yaml", line, text.splitlines()[line].index("GOV"))
    assert shown is not None and "GOV002" in shown and "CIO補佐官" in shown
    assert await editor.hover("plans/test.yaml", line_of(text, "reason"), 6) is None


# --- completion ---------------------------------------------------------------------------


def labels(items: list[types.CompletionItem]) -> list[str]:
    return [i.label for i in items]


@pytest.mark.asyncio
async def test_completion_of_item_ids_with_titles(editor: Editor) -> None:
    text = MINIMAL.replace("national_items: [online_procedures]", "national_items: [")
    await editor.open("plans/test.yaml", text)
    line = line_of(text, "national_items: [")
    items = await editor.complete("plans/test.yaml", line, len(text.splitlines()[line]))
    by_label = {i.label: i for i in items}
    assert "security" in by_label and "standardization" in by_label
    assert by_label["security"].detail == "セキュリティ対策の徹底"


@pytest.mark.asyncio
async def test_completion_of_values_dates_and_core_business(editor: Editor) -> None:
    text = MINIMAL.replace("    commitment: consider", "    commitment: ")
    text = text.replace("    systems: [住民基本台帳, 固定資産税]", "    systems:\n      - ")
    await editor.open("plans/test.yaml", text)
    lines = text.splitlines()
    line = next(i for i, t in enumerate(lines) if t == "    commitment: ")
    commitments = await editor.complete("plans/test.yaml", line, len(lines[line]))
    assert labels(commitments) == ["implement", "consider", "continue", "context"]
    assert commitments[1].detail == "検討"
    line = line_of(text, "target: 令和7年度末")
    dates = labels(await editor.complete("plans/test.yaml", line, len("    target: ")))
    assert "令和7年度末" in dates and "令和8年3月31日" in dates
    from dxcheck import dates as jp

    assert jp.parse("令和7年度末").end.isoformat() == "2026-03-31"
    for label in dates:
        jp.parse(label)  # every form offered is one dxcheck reads
    line = lines.index("      - ")
    business = labels(await editor.complete("plans/test.yaml", line, 8))
    assert "住民基本台帳" in business and "子ども・子育て支援" in business
    kinds = labels(await editor.complete("plans/test.yaml", line_of(text, "kind: plan"), 8))
    assert kinds == ["plan", "policy", "vision", "summary", "proposal", "other"]


# --- code actions -------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_mark_a_drafted_entry_reviewed(editor: Editor) -> None:
    text = MINIMAL.replace(
        "      section: 第3章 2\n",
        "      section: 第3章 2\n      draft: keyword オンライン in 第3章\n",
    )
    found = await editor.open("plans/test.yaml", text)
    [drafted] = by_code(found, "DRF001")
    assert drafted.range.start.line == line_of(text, "draft: keyword")
    [action] = [a for a in await editor.actions("plans/test.yaml", drafted) if "draft" in a.title]
    assert action.is_preferred
    after = apply(text, editor.edits("plans/test.yaml", action))
    assert after == MINIMAL
    assert not by_code(await editor.change("plans/test.yaml", after), "DRF001")
    # nothing was written to the file: the editor applies the edit
    assert (editor.root / "plans" / "test.yaml").read_text(encoding="utf-8") == text


@pytest.mark.asyncio
async def test_add_a_missing_governance_field_as_not_stated(editor: Editor) -> None:
    text = MINIMAL.replace(
        "  cio:\n    holder: 副町長\n    cite:\n      section: 第4章 推進体制\n", ""
    )
    found = await editor.open("plans/test.yaml", text)
    [missing] = by_code(found, "DX203")
    [action] = [a for a in await editor.actions("plans/test.yaml", missing) if "cio" in a.title]
    after = apply(text, editor.edits("plans/test.yaml", action))
    assert "  cio:\n    not_stated: true\n    note: 文書に記載なし" in after
    again = await editor.change("plans/test.yaml", after)
    assert not by_code(again, "DX203")
    [no_cio] = by_code(again, "GOV001")  # the plan is valid now; the rule says what lacks
    assert no_cio.range.start.line == line_of(after, "  cio:")
    # GOV001 on a field without a note offers to add one
    bare = after.replace("    note: " + after.split("    note: ")[1].split("\n")[0] + "\n", "")
    [no_cio] = by_code(await editor.change("plans/test.yaml", bare), "GOV001")
    [note] = [a for a in await editor.actions("plans/test.yaml", no_cio) if "注記" in a.title]
    assert "    not_stated: true\n    note: 文書に記載なし" in apply(
        bare, editor.edits("plans/test.yaml", note)
    )


@pytest.mark.asyncio
async def test_waive_a_finding_until_the_end_of_next_fiscal_year(editor: Editor) -> None:
    found = await editor.open("plans/test.yaml", MINIMAL)
    [security] = [d for d in by_code(found, "COV001") if "security" in d.message]
    [action] = [a for a in await editor.actions("plans/test.yaml", security) if "COV001" in a.title]
    after = apply(MINIMAL, editor.edits("plans/test.yaml", action))
    # as of 2026-11-23 (令和8年度) the waiver runs to the end of 令和9年度
    assert after.endswith(
        "waivers:\n  - rule: COV001\n    item: security\n"
        "    reason: TODO 理由を書いてください\n    expires: 令和9年度末\n"
    )
    again = await editor.change("plans/test.yaml", after)
    assert not [d for d in again if str(d.code).startswith("DX")]  # still a valid plan
    assert not [d for d in by_code(again, "COV001") if "security" in d.message]
    # only that item is waived: another missing item is still reported
    [other] = [d for d in by_code(again, "COV001") if "telework" in d.message]
    assert isinstance(other.data, dict)
    item = other.data["item"]
    # a second waiver joins the same list
    [more] = [a for a in await editor.actions("plans/test.yaml", other) if "COV001" in a.title]
    twice = apply(after, editor.edits("plans/test.yaml", more))
    assert twice.count("waivers:") == 1 and twice.count("- rule: COV001") == 2
    left = by_code(await editor.change("plans/test.yaml", twice), "COV001")
    assert not [d for d in left if f"[{item}]" in d.message]
