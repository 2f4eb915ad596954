"""A second real client: Neovim's built-in LSP client, headless, attached to `dxcheck server`
(skipped where Neovim is not installed; .ci/run installs Debian's package)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed")

DATA = Path(__file__).resolve().parent / "data"

SCRIPT = """
local root = vim.fn.getcwd()
local id = vim.lsp.start_client({
  cmd = { %(python)s, "-m", "dxcheck", "server" },
  root_dir = root,
  init_options = { asOf = "2026-11-23", debounceMs = 10 },
})
vim.cmd("edit " .. root .. "/plans/test.yaml")
vim.lsp.buf_attach_client(0, id)
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(found, { line = d.lnum, col = d.col, code = code, message = d.message })
end
local hover = vim.lsp.buf_request_sync(0, "textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  position = { line = %(hover_line)d, character = %(hover_col)d },
}, 10000)
local text = ""
for _, reply in pairs(hover or {}) do
  if reply.result then text = reply.result.contents.value end
end
local f = io.open(root .. "/out.json", "w")
f:write(vim.fn.json_encode({ ok = ok, diagnostics = found, hover = text }))
f:close()
vim.lsp.stop_client(id)
vim.cmd("qa!")
"""


def test_neovim_shows_the_findings_and_the_hover(tmp_path: Path) -> None:
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("  end: 令和8年3月", "  end: 令和8年13月")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "test.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    hover_line = next(i for i, t in enumerate(lines) if "[standardization]" in t)
    script = SCRIPT % {
        "python": json.dumps(sys.executable),
        "hover_line": hover_line,
        "hover_col": lines[hover_line].index("standardization") + 2,
    }
    (tmp_path / "client.lua").write_text(script, encoding="utf-8")
    assert NVIM is not None
    subprocess.run(
        [NVIM, "--headless", "--clean", "-c", "luafile client.lua"],
        cwd=tmp_path,
        timeout=120,
        check=True,
        capture_output=True,
    )
    result = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert result["ok"]
    [date] = [d for d in result["diagnostics"] if d["code"] == "DX207"]
    assert date["line"] == next(i for i, t in enumerate(lines) if "令和8年13月" in t)
    assert "13月はありません" in date["message"]
    assert "自治体の情報システムの標準化・共通化" in result["hover"]
