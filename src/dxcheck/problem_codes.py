"""The DX codes of `dxcheck validate`: one code for one problem, each explainable.

Rule findings (COV001, DL001 …) are explained from their rule (:mod:`dxcheck.engine.registry`);
the problems a file has before any rule can run — it cannot be read, it is not YAML, it does not
fit the plan schema — carry the DX codes listed here. ``dxcheck explain DX213`` prints an entry.
The schema's own error kinds (pydantic's and the ones :mod:`dxcheck.plan_validators` raises) are
mapped to their code by :data:`CODE_OF_KIND`; a kind not listed there is DX209, "another schema
error", so a new validator that forgets to add its kind still gets a code, and the test that
walks every kind tells the author to give it its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProblemCode:
    id: str
    title_ja: str
    title_en: str
    fix_ja: str
    fix_en: str
    example: str = ""  # a line of a plan (or a file) that has the problem

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ja

    def fix(self, lang: str) -> str:
        return self.fix_en if lang == "en" else self.fix_ja


_CODES = (
    # -- reading the file
    ProblemCode(
        "DX100",
        "ファイルを開けない",
        "File cannot be opened",
        "パスを確かめてください。フォルダを渡したときは、その中に *.yaml / *.yml が必要です。",
        "Check the path; a folder must contain *.yaml / *.yml files.",
        "dxcheck validate plans/missing.yaml",
    ),
    ProblemCode(
        "DX101",
        "テキストとして読めない（バイナリ・文字コード）",
        "Not readable as text (binary or unknown encoding)",
        "計画ファイルは UTF-8 のテキストで保存してください（Shift_JIS も読めますが推奨しません）。"
        "PDF や Word の文書は dxcheck draft で下書きにします。",
        "Save plan files as UTF-8 text (Shift_JIS is read, not recommended). Turn a PDF or Word "
        "document into a draft with dxcheck draft.",
    ),
    ProblemCode(
        "DX102",
        "Shift_JIS として読んだ",
        "Read as Shift_JIS",
        "そのままでも検査できますが、UTF-8 で保存し直すと他のツールでも文字化けしません。",
        "The file was checked; saving it as UTF-8 keeps other tools from garbling it.",
    ),
    ProblemCode(
        "DX103",
        "同じキーが二度ある",
        "Duplicate key",
        "後の値が前の値を黙って上書きしてしまうため、どちらか一方にまとめてください。",
        "A later value would silently replace the earlier one: keep one of them.",
        "title: DX推進計画\ntitle: DX推進計画（改定版）",
    ),
    ProblemCode(
        "DX104",
        "使えないタグ",
        "Tag not allowed",
        "!!python/object などのタグは安全のため読みません。普通の値として書いてください。",
        "Tags such as !!python/object are refused for safety: write plain values.",
        "title: !!python/object:os.system x",
    ),
    ProblemCode(
        "DX105",
        "上限を超えた入力（大きさ・入れ子・値の数）",
        "Input over a limit (size, nesting, number of values)",
        "計画ファイルとしては大きすぎるか、入れ子が深すぎます。本当に必要なら --max-bytes で上限を"
        "変えられます。エイリアスの展開で値が爆発的に増えるファイルは読みません。",
        "The file is too large or too deeply nested for a plan; --max-bytes raises the size "
        "limit. Files whose aliases expand explosively are refused.",
    ),
    ProblemCode(
        "DX106",
        "一つのファイルに計画が一つではない（空・複数文書）",
        "Not exactly one plan in the file (empty, or several documents)",
        "一つのファイルには計画を一つだけ書きます。`---` で始まる二つ目の文書は別のファイルに"
        "分けてください。",
        "One plan per file: move a second document (after `---`) to a file of its own.",
    ),
    ProblemCode(
        "DX110",
        "YAML の構文エラー",
        "YAML syntax error",
        "字下げ（スペースで、タブは不可）、`キー: 値` のコロンの後の空白、引用符の閉じ忘れを"
        "確かめてください。全角のコロン「：」は区切りになりません。",
        "Check indentation (spaces, not tabs), the space after `key:`, and unclosed quotes; a "
        "full-width colon '：' does not separate a key from its value.",
        "commitment：consider",
    ),
    ProblemCode(
        "DX111",
        "使えないキーの形",
        "Key of a form not allowed",
        "キーは普通の文字列にしてください（リストやマッピングをキーにしない）。`<<` にはマッピングを"
        "渡します。",
        "Keys must be plain strings; the merge key `<<` takes a mapping.",
    ),
    ProblemCode(
        "DX112",
        "タグの付いた値が読めない",
        "Tagged value cannot be read",
        "`!!int` などのタグと値が合っていません。タグを外して普通の値として書いてください。",
        "The value does not fit its tag (such as `!!int`): drop the tag.",
    ),
    # -- the plan schema
    ProblemCode(
        "DX201",
        "最上位がマッピングでない",
        "Top level is not a mapping",
        "計画ファイルは municipality:、document:、period: … のキーで始まるマッピングです。"
        "dxcheck init で雛形を作れます。",
        "A plan file is a mapping of municipality:, document:, period: …; dxcheck init writes "
        "a template.",
        "- municipality: 松島町",
    ),
    ProblemCode(
        "DX202",
        "不明なキー",
        "Unknown key",
        "つづりを確かめてください（候補が示されます）。スキーマにない情報は note に書けます。",
        "Check the spelling (a suggestion is shown); other information can go into a note.",
        "titel: DX推進計画",
    ),
    ProblemCode(
        "DX203",
        "必須のキーがない",
        "Required key missing",
        "示されたキーを書いてください。文書に記載がない事実は not_stated: true と書けます。",
        "Add the key; a fact the document does not state can say not_stated: true.",
    ),
    ProblemCode(
        "DX204",
        "値の型が違う",
        "Value of the wrong type",
        "文字列・リスト・マッピングなど、示された型で書いてください。",
        "Write the value as the type shown (text, list, mapping …).",
        "national_items: security",
    ),
    ProblemCode(
        "DX205",
        "YAML が文字列以外として読む値",
        "Value YAML reads as something other than text",
        "yes/no・on/off・数字・日付のような値は YAML が真偽値や数値として読みます。文字列なら引用符で"
        '囲んでください（例: code: "044016"）。',
        "YAML reads yes/no, on/off, numbers and dates as booleans or numbers: quote text "
        '(code: "044016").',
        "code: 044016",
    ),
    ProblemCode(
        "DX206",
        "決められた値のどれでもない",
        "Not one of the allowed values",
        "示された選択肢のどれかを書いてください（近いものが示されます）。",
        "Use one of the values listed (the closest is suggested).",
        "commitment: implements",
    ),
    ProblemCode(
        "DX207",
        "日付として読めない",
        "Not a date dxcheck can read",
        "和暦（令和7年度末、令和5年4月1日）、年度、西暦（2026-03-31）で書いてください。"
        "全角数字も読めます。",
        "Write a 和暦 date (令和7年度末, 令和5年4月1日), a 年度, or a Western date (2026-03-31); "
        "full-width digits are read.",
        "target: 令和7年13月",
    ),
    ProblemCode(
        "DX208",
        "全国地方公共団体コードの形・検査数字が違う",
        "Local government code malformed or with a wrong check digit",
        "6桁の数字を引用符で囲んで書きます。6桁目は検査数字です（メッセージが正しい数字を示します）。",
        "Six digits, quoted; the sixth is a check digit (the message gives the right one).",
        'code: "044017"',
    ),
    ProblemCode(
        "DX209",
        "その他のスキーマ違反",
        "Other schema error",
        "メッセージの指示に従ってください。この番号が出るのは、専用の番号がまだない種類の誤りです"
        "（報告してください）。",
        "Follow the message; this code is for kinds of error that have no code of their own yet "
        "(please report it).",
    ),
    ProblemCode(
        "DX210",
        "取組IDの重複",
        "Duplicate initiative id",
        "取組の id は計画の中で一意にします。",
        "Each initiative's id must be unique within the plan.",
    ),
    ProblemCode(
        "DX211",
        "団体名とコードが合わない",
        "Name and code disagree",
        "全国地方公共団体コードの表に合わせて、名前かコードを直してください（正しい方が示されます）。",
        "Correct the name or the code to match the national code table (the message says which).",
    ),
    ProblemCode(
        "DX212",
        "あり得るが疑わしい日付",
        "Date that reads but looks wrong",
        "改元後の旧元号（平成32年）や遠すぎる年など。文書の表記どおりなら、そのままで構いません。",
        "An old era after its end (平成32年) or a far-off year: fine if the document says so.",
        "adopted: 平成32年4月1日",
    ),
    ProblemCode(
        "DX213",
        "不明な国の項目ID",
        "Unknown national item id",
        "dxcheck catalog で項目IDの一覧を見られます（近いIDが示されます）。",
        "dxcheck catalog lists the item ids (the closest is suggested).",
        "national_items: [standardisation]",
    ),
    ProblemCode(
        "DX214",
        "計画期間の終わりが始まりより前",
        "Plan period ends before it starts",
        "start と end が入れ替わっていないか、元号や年度を確かめてください。",
        "Check whether start and end are swapped, and the era and year.",
        "period: {start: 令和8年度, end: 令和5年度, cite: {section: 1}}",
    ),
    ProblemCode(
        "DX215",
        "計画期間の記載も not_stated もない",
        "Period neither given nor marked not_stated",
        "計画期間の start/end を書くか、文書に記載がなければ not_stated: true と書きます。",
        "Give start/end, or not_stated: true when the document states no period.",
        "period: {}",
    ),
    ProblemCode(
        "DX216",
        "not_stated と値が同時にある",
        "not_stated together with values",
        "記載があるなら not_stated を消し、ないなら値を消してください。",
        "Remove not_stated if the document states the fact, or the values if it does not.",
        "period: {not_stated: true, start: 令和5年度}",
    ),
    ProblemCode(
        "DX217",
        "出典（cite）がない",
        "Citation (cite) missing",
        "文書のどの節・ページに書かれているかを cite: {section: …, page: …} で示します。",
        "Say where the document states it: cite: {section: …, page: …}.",
    ),
    ProblemCode(
        "DX218",
        "事実の値も not_stated もない",
        "Fact neither given nor marked not_stated",
        "CIO の担当者や推進本部の名前などを書くか、記載がなければ not_stated: true と書きます。",
        "Give the holder or name (CIO, 推進本部 …), or not_stated: true when the document is "
        "silent.",
        "cio: {}",
    ),
    ProblemCode(
        "DX219",
        "出典文書のファイル名もURLもない",
        "Source document has neither file name nor URL",
        "document.source に file（ファイル名）か url を書きます。",
        "Give document.source a file name (file) or a url.",
    ),
    ProblemCode(
        "DX220",
        "表にない全国地方公共団体コード",
        "Code not in the national table",
        "検査数字は合っていますが、どの団体のコードでもありません。名前から分かれば正しいコードが"
        "示されます。",
        "The check digit is right but no government has this code; the right one is given when "
        "the name tells it.",
    ),
    ProblemCode(
        "DX221",
        "都道府県が違う",
        "Wrong prefecture",
        "団体の属する都道府県を書いてください（メッセージが示します）。",
        "Write the government's own prefecture (the message gives it).",
    ),
    ProblemCode(
        "DX222",
        "表と違う表記の団体名",
        "Name spelt differently from the table",
        "計画は有効です。表の表記（塩竈市、七ヶ浜町 など）に合わせると集計で一致します。",
        "The plan is valid; the table's spelling (塩竈市 …) makes it match in summaries.",
        "name: 塩釜市",
    ),
    ProblemCode(
        "DX223",
        "北方領土の村",
        "Village of the Northern Territories",
        "コードはありますが行政は機能していません。意図したものか確かめてください。",
        "The code exists but no government functions there: check it is meant.",
    ),
    ProblemCode(
        "DX224",
        "空の値",
        "Empty value",
        "値を書いてください。文書に記載がない事実は、その項目の not_stated: true で表します。",
        "Write a value; a fact the document does not state is marked not_stated: true.",
        "title:",
    ),
    ProblemCode(
        "DX225",
        "値の形が違う",
        "Value of the wrong form",
        "示された形（英小文字・数字・_ の ID など）で書いてください。",
        "Write the value in the form shown (an id of lower-case letters, digits and _ …).",
        "id: 取組1",
    ),
    ProblemCode(
        "DX226",
        "範囲外の数",
        "Number out of range",
        "示された範囲の数を書いてください。",
        "Write a number within the range shown.",
    ),
    # -- user catalogs (--catalog FILE)
    ProblemCode(
        "DX301",
        "カタログファイルを読めない",
        "Catalog file cannot be read",
        "--catalog に渡したファイルのパスと読み取り権限を確かめてください。",
        "Check the path and permissions of the file given to --catalog.",
    ),
    ProblemCode(
        "DX302",
        "カタログファイルがカタログの形でない",
        "Catalog file does not fit the catalog schema",
        "dxcheck catalog --export で同梱の版を書き出し、それを元に書き直してください（docs/catalog.md）。",
        "Start from a bundled version (dxcheck catalog --export) and see docs/catalog.md.",
    ),
)

CODES: dict[str, ProblemCode] = {code.id: code for code in _CODES}

# The schema's error kinds and their codes; any other kind is DX209.
CODE_OF_KIND: dict[str, str] = {
    "jp_date": "DX207",
    "jp_date_type": "DX207",
    "municipality_code": "DX208",
    "municipality_code_format": "DX208",
    "unknown_item": "DX213",
    "period_order": "DX214",
    "period_missing": "DX215",
    "period_conflict": "DX216",
    "cite_missing": "DX217",
    "stated_missing": "DX218",
    "source_missing": "DX219",
    "string_too_short": "DX224",
    "too_short": "DX224",
    "string_pattern_mismatch": "DX225",
    "greater_than_equal": "DX226",
    "greater_than": "DX226",
    "less_than_equal": "DX226",
    "less_than": "DX226",
}


def get(code: str) -> ProblemCode | None:
    return CODES.get(code.upper())
