"""Language choice and the CLI's own texts (Japanese first, English on request).

Diagnostics carry both languages themselves (:class:`dxcheck.diagnostics.Diagnostic`); this
module holds only the texts of the command-line interface.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

LANGS = ("ja", "en")


def detect_lang(argv: Sequence[str]) -> str:
    """``--lang X`` or ``--lang=X`` on the command line, else ``DXCHECK_LANG``, else ja."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1] if argv[index + 1] in LANGS else "ja"
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGS else "ja"
    env = os.environ.get("DXCHECK_LANG", "").strip().lower()
    return env if env in LANGS else "ja"


def hoist_lang(argv: Sequence[str]) -> list[str]:
    """Move ``--lang X`` / ``--lang=X`` given after a subcommand (``dxcheck report … --lang en``)
    to the front, where the global option is parsed. Arguments after ``--`` are left alone."""
    rest: list[str] = []
    found: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest.extend(argv[index:])
            break
        if arg == "--lang" and index + 1 < len(argv):
            found = ["--lang", argv[index + 1]]
            index += 2
            continue
        if arg.startswith("--lang="):
            found = ["--lang", arg.split("=", 1)[1]]
        else:
            rest.append(arg)
        index += 1
    return [*found, *rest]


TEXTS: dict[str, tuple[str, str]] = {
    "app": (
        "dxcheck: 自治体DX推進計画への準拠チェッカー。計画のYAMLを検証し、国の計画との差分を示します。",
        "dxcheck: plan-compliance checker for Japanese municipal DX plans.",
    ),
    "lang": ("表示言語（ja / en）。既定は環境変数 DXCHECK_LANG、なければ ja", "Output language"),
    "version": ("バージョンを表示して終了", "Show the version and exit"),
    "validate": (
        "計画ファイル（YAML）をスキーマで検証し、問題を 行:列 付きで示す",
        "Validate plan files (YAML) against the schema, with line:column for every problem",
    ),
    "paths": (
        "ファイル、フォルダ（*.yaml / *.yml を再帰的に）、または - （標準入力）",
        "Files, folders (recursively *.yaml / *.yml), or - for standard input",
    ),
    "format": ("出力形式", "Output format"),
    "max_bytes": ("1ファイルの最大バイト数", "Largest file size in bytes"),
    "max_depth": ("入れ子の最大の深さ", "Deepest nesting allowed"),
    "schema": (
        "計画ファイルのJSON Schemaを出力する",
        "Print the JSON Schema of plan files",
    ),
    "export_opt": (
        "同梱の版のYAMLをそのまま出力する（自分のカタログファイルの出発点に）",
        "Print a bundled version's YAML as it ships (to start a catalog file of your own)",
    ),
    "schema_catalog": (
        "計画ではなくカタログファイル（--catalog FILE）のJSON Schemaを出力する",
        "Print the JSON Schema of catalog files (--catalog FILE) instead of plans",
    ),
    "out": ("出力先ファイル（省略時は標準出力）", "Output file (standard output if omitted)"),
    "help_opt": ("このヘルプを表示して終了", "Show this message and exit"),
    "baseline_out": ("ベースラインの出力先ファイル", "Baseline file to write"),
    "catalog_cmd": (
        "国の自治体DX推進計画のカタログ（版と項目）を表示する",
        "List the national plan catalog versions and items",
    ),
    "catalog_opt": (
        "使うカタログの版（2.3 など）か、カタログファイル（FILE.yaml）。既定: 最新の版",
        "Catalog version (such as 2.3) or a catalog file (FILE.yaml); default: the latest",
    ),
    "min_severity": (
        "表示する最低の重大度（text と github。既定: text は info、github の注釈は warning）。"
        "集計と終了コードはすべての指摘で",
        "Lowest severity shown (text and github; default: info for text, warning for github "
        "annotations); the summary and the exit code count every finding",
    ),
    "sources_opt": (
        "各事実（版・対象期間・項目・国の目標）の出典（種別・URL・場所・引用）を表示する",
        "List every fact (version, period, items, national targets) with its sources",
    ),
    "rules": ("ルールの一覧を表示する", "List the rules"),
    "explain": (
        "ルール（COV001 など）か validate の DX コード（DX213 など）の説明を表示する",
        "Explain a rule (such as COV001) or a DX code of validate (such as DX213)",
    ),
    "check": (
        "計画を国の自治体DX推進計画と照合し、不足・期限切れなどを示す",
        "Check plans against the national plan: gaps, passed deadlines, inconsistencies",
    ),
    "as_of": (
        "基準日（例: 2026-11-23, 令和8年11月23日）。既定は今日",
        "Reference date (any form dxcheck reads). Default: today",
    ),
    "select": ("有効にするルールID（接頭辞可、カンマ区切り）", "Rule IDs or prefixes to enable"),
    "ignore": ("無効にするルールID（接頭辞可、カンマ区切り）", "Rule IDs or prefixes to disable"),
    "fail_on": (
        "この重大度以上の指摘があれば終了コード1",
        "Exit 1 when a finding is at or above this severity",
    ),
    "config": ("設定ファイル（dxcheck.toml または pyproject.toml）", "Configuration file"),
    "report": (
        "ギャップレポート（Markdown / HTML / Excel ブック / CSV）を作成する",
        "Render gap reports (Markdown / HTML / Excel workbook / CSV)",
    ),
    "server_cmd": (
        "エディタ用の言語サーバ（LSP、標準入出力）を起動する: 入力中の診断・ホバー・補完・クイックフィックス",
        "Run the language server for editors (LSP over stdio): diagnostics, hover, completion, quick fixes",
    ),
    "report_out": (
        "出力先（ファイル、または計画ごとのファイルと index を書くフォルダ）。省略時は標準出力",
        "Output file, or a folder for one file per plan plus an index; default: standard output",
    ),
    "sort": (
        "一覧の並び順（code: 団体コード順, gaps: 不足の多い順）",
        "Matrix order: code or gaps",
    ),
    "template_dir": (
        "テンプレートのフォルダ（report.md.j2 / report.html.j2 を上書き）",
        "Folder with templates overriding report.md.j2 / report.html.j2",
    ),
    "baseline_cmd": (
        "現在の指摘をベースライン（JSON）に記録する（--baseline で新しい指摘だけを報告）",
        "Record the current findings as a baseline (use with check --baseline)",
    ),
    "diff_cmd": (
        "計画の2つの版を比べる（充足の増減と指摘の解消・発生）。充足が悪化したら終了コード1",
        "Compare two versions of a plan: coverage gained/lost, findings fixed/introduced",
    ),
    "diff_old": ("古い版（ファイル、または REV:パス）", "Old version (file or REV:path)"),
    "diff_new": ("新しい版（ファイル、または REV:パス）", "New version (file or REV:path)"),
    "init": (
        "新しい計画ファイルのひな形を作る（既存のファイルは上書きしない）",
        "Write a new plan skeleton (never overwrites a file)",
    ),
    "init_name": (
        "団体名（例: 札幌市、東京都府中市、仙台市青葉区、宮城県）",
        "Name of the local government (e.g. 札幌市, 東京都府中市, 仙台市青葉区, 宮城県)",
    ),
    "init_prefecture": (
        "都道府県（同じ名前の団体が複数あるとき。例: 東京都）",
        "Prefecture, when several local governments share the name (e.g. 東京都)",
    ),
    "init_code": ("全国地方公共団体コード（例: 044016）", "Local government code (e.g. 044016)"),
    "init_out": ("出力ファイル（既定: <コード>.yaml）", "Output file (default: <code>.yaml)"),
    "draft": (
        "計画の文書（PDF・Word .docx・ウェブページ .html・テキスト）から、出典付きの計画ファイル（YAML）の下書きを作る。"
        "既存のファイルは上書きしない。\n\n"
        "確認の手順: 下書きの各項目には cite（節・ページ・原文の引用）と draft（抜き出した手がかり）が"
        "付いています。原文と照らして正しければ draft 行を削除し、誤りは直し、足りない取組は書き足します。"
        "見つからなかった値は not_stated: true です（推測はしません）。dxcheck validate で検証し、"
        "dxcheck check は draft 行の残る項目を DRF001（情報）として示します。",
        "Draft a cited plan file (YAML) from a plan document (PDF, Word .docx, web page .html "
        "or text); never "
        "overwrites a file.\n\n"
        "Review: every drafted entry has a cite (section, page, quote of the document) and a "
        "draft line (the cue that found it). Check each against the document: delete the draft "
        "line when it is right, correct it when it is not, add what is missing. Values not "
        "found are not_stated: true (never guessed). dxcheck validate checks the file; dxcheck "
        "check lists entries whose draft line remains as DRF001 (info).",
    ),
    "draft_input": (
        "計画の文書（PDF・.docx・.html・.txt/.md）、または - （標準入力）",
        "The plan document (PDF, .docx, .html, .txt/.md), or - for standard input",
    ),
    "draft_ocr": (
        "テキスト層の無い（スキャンした）PDF のページを Tesseract の OCR で読む（要 tesseract-ocr-jpn）",
        "Read PDF pages without a text layer (scans) with Tesseract OCR (needs tesseract-ocr-jpn)",
    ),
    "draft_out": (
        "書き出す計画ファイル（例: plans/044016-matsushima.yaml）。省略時は標準出力",
        "Plan file to write (e.g. plans/044016-matsushima.yaml); standard output if omitted",
    ),
    "baseline_opt": (
        "このベースラインにない新しい指摘だけを報告する",
        "Report only findings not in this baseline file",
    ),
    "diff_base": (
        "このgitリビジョンの計画と比べて新しい指摘だけを報告する",
        "Report only findings new since the plan at this git revision",
    ),
    # issue 12: speed and scale
    "jobs": (
        "同時に使うプロセス数（既定: 使えるコア数。1 で 1 プロセス）",
        "Worker processes (default: the cores available; 1: one process)",
    ),
    "no_cache": (
        "キャッシュ（.dxcheck_cache/）を読まず書かない",
        "Neither read nor write the cache (.dxcheck_cache/)",
    ),
    "quiet": ("進捗バーを出さない", "Show no progress bar"),
    "cache_cmd": ("check のキャッシュを管理する", "Manage the cache of check"),
    "cache_clean": (
        "キャッシュのフォルダ（.dxcheck_cache/）を削除する",
        "Remove the cache folder (.dxcheck_cache/)",
    ),
    "cache_path": (
        "このフォルダ（の設定ファイル）が使うキャッシュを削除する（既定: カレント）",
        "Remove the cache used for this folder (default: the current one)",
    ),
}


def t(key: str, lang: str) -> str:
    ja, en = TEXTS[key]
    return en if lang == "en" else ja
