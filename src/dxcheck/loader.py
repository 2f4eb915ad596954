"""Bytes → text → YAML events → plain data with positions. Nothing else in dxcheck parses YAML.

Why an event-driven constructor instead of ``yaml.safe_load``:

* every value keeps its line and column, so any later error maps back to ``file:line:col``;
* duplicate keys are errors (PyYAML silently keeps the last one);
* nesting depth and alias expansion are bounded while reading, so a "billion laughs" file or a
  10,000-deep document fails fast instead of exhausting memory or the C stack;
* only the standard safe tags are accepted; ``!!python/*`` and custom tags are errors.

The events come from libyaml (``yaml.CParser``) when PyYAML was built with it, else from the
pure-Python parser: both report the same marks.
"""

from __future__ import annotations

import codecs
import datetime
import os
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode, SequenceNode
from yaml.resolver import Resolver

from dxcheck.diagnostics import Diagnostic
from dxcheck.limits import DEFAULT_LIMITS, Limits

# libyaml's parser and composer when PyYAML was built with it (about ten times faster), else
# the pure-Python ones. (``yaml.CParser`` is not exported; it lives in yaml._yaml.)
_BaseParser: Any
try:
    from yaml._yaml import CParser as _BaseParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _BaseParser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, text: str) -> None:
            Reader.__init__(self, text)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


Path = tuple[str | int, ...]


class Mark(NamedTuple):
    """A position in the source (a tuple: one is made for every value of every plan)."""

    line: int  # 1-based
    column: int  # 1-based, in characters


@dataclass(frozen=True, slots=True)
class Scalar:
    """How a scalar was written: its text and whether it was quoted (for coercion messages)."""

    text: str
    plain: bool
    tag: str


@dataclass(slots=True)
class Document:
    """A loaded YAML file: the data, and where each value and key stands in the source."""

    path: str
    text: str
    data: Any
    encoding: str
    positions: dict[Path, Mark] = field(default_factory=dict)
    key_positions: dict[Path, Mark] = field(default_factory=dict)
    scalars: dict[Path, Scalar] = field(default_factory=dict)
    notes: list[Diagnostic] = field(default_factory=list)

    def mark_of(self, loc: Path, *, key: bool = False) -> Mark:
        """The position of ``loc``, or of its nearest ancestor that has one (aliases, missing
        keys)."""
        table = self.key_positions if key else self.positions
        probe = tuple(loc)
        while probe:
            found = table.get(probe) or self.positions.get(probe)
            if found is not None:
                return found
            probe = probe[:-1]
        return self.positions.get((), Mark(1, 1))

    def release_positions(self) -> None:
        """Forget the plain data and the per-value positions once the plan is validated and its
        findings have their lines; keep the text for showing source lines. Checking 1,788 plans
        would otherwise hold all of them at once."""
        self.data = None
        self.positions = {}
        self.key_positions = {}
        self.scalars = {}

    def keep_lines(self, numbers: set[int]) -> None:
        """Blank every source line but ``numbers`` (line numbering stays as it was)."""
        self.text = "\n".join(
            line if index in numbers else ""
            for index, line in enumerate(self.text.splitlines(), start=1)
        )


class LoadError(Exception):
    """The file cannot be turned into data. Carries one or more diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(diagnostics[0].message_en if diagnostics else "load error")
        self.diagnostics = diagnostics


# -- bytes → text ---------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _byte_mark(data: bytes, offset: int) -> Mark:
    """Line and column of a byte offset, counting columns in (decodable) characters."""
    head = data[:offset]
    line = head.count(b"\n") + 1
    last = head[head.rfind(b"\n") + 1 :]
    return Mark(line, len(last.decode("utf-8", errors="replace")) + 1)


def decode(data: bytes, path: str) -> tuple[str, str, list[Diagnostic]]:
    """Decode a plan file. UTF-8 (with or without BOM), UTF-16/32 with BOM, and CP932
    (Shift_JIS as Windows writes it) are read; anything else is an error naming the byte."""
    notes: list[Diagnostic] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :] if enc != "utf-8-sig" else data
            try:
                text = body.decode(enc) if enc != "utf-8-sig" else body.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise LoadError([_encoding_error(path, data, exc.start + len(bom), enc)]) from None
            return text, enc.removesuffix("-sig").removesuffix("-le").removesuffix("-be"), notes
    if b"\x00" in data:
        offset = data.index(b"\x00")
        mark = _byte_mark(data, offset)
        raise LoadError(
            [
                Diagnostic(
                    "DX101",
                    "error",
                    f"NULバイトを含むバイナリファイルです（バイト位置 {offset}）。"
                    "YAMLのテキストファイルを指定してください",
                    f"binary file: NUL byte at byte offset {offset}; expected a YAML text file",
                    path,
                    mark.line,
                    mark.column,
                )
            ]
        )
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("cp932")
        except UnicodeDecodeError:
            raise LoadError([_encoding_error(path, data, utf8_error.start, "utf-8")]) from None
        if not any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text):
            raise LoadError([_encoding_error(path, data, utf8_error.start, "utf-8")]) from None
        notes.append(
            Diagnostic(
                "DX102",
                "info",
                "Shift_JIS（CP932）として読み込みました。UTF-8での保存を推奨します",
                "read as Shift_JIS (CP932); saving as UTF-8 is recommended",
                path,
            )
        )
        return text, "cp932", notes


def _encoding_error(path: str, data: bytes, offset: int, enc: str) -> Diagnostic:
    mark = _byte_mark(data, offset)
    byte = data[offset : offset + 1].hex() if offset < len(data) else ""
    return Diagnostic(
        "DX101",
        "error",
        f"文字コードを判別できません: バイト位置 {offset} の 0x{byte} は {enc} としても"
        "Shift_JIS（CP932）としても読めません。UTF-8で保存してください",
        f"cannot decode the file: byte 0x{byte} at offset {offset} is neither valid {enc} "
        "nor Shift_JIS (CP932); save the file as UTF-8",
        path,
        mark.line,
        mark.column,
    )


# -- YAML errors in Japanese ------------------------------------------------------------------

_YAML_MESSAGES: tuple[tuple[str, str, str], ...] = (
    (
        "expected node content",
        "ここに値が必要です（値が欠けているか、記号の使い方が誤っています）",
        "a value is expected here (missing, or a misplaced symbol)",
    ),
    (
        "expected the node content",
        "ここに値が必要です（値が欠けているか、記号の使い方が誤っています）",
        "a value is expected here (missing, or a misplaced symbol)",
    ),
    (
        "cannot start any token",
        "この位置の文字でYAMLの値を始めることはできません（タブや `@`, `` ` `` は引用符で囲む）",
        "this character cannot start a YAML token (quote values starting with @ or `)",
    ),
    (
        "mapping values are not allowed",
        "ここに「キー: 値」は書けません。値に `: ` を含むなら引用符で囲んでください",
        "a mapping value is not allowed here; quote values that contain ': '",
    ),
    (
        "could not find expected ':'",
        "キーの後に `:` が見つかりません",
        "expected ':' after a key",
    ),
    (
        "did not find expected key",
        "インデントが揃っていません（キーが見つかりません）",
        "inconsistent indentation: expected a key",
    ),
    (
        "did not find expected '-' indicator",
        "インデントが揃っていません（リスト項目 `-` が見つかりません）",
        "inconsistent indentation: expected a '-' list item",
    ),
    (
        "expected ',' or ']'",
        "フローシーケンス `[...]` が閉じていません（`,` か `]` が必要です）",
        "unclosed flow sequence: expected ',' or ']'",
    ),
    (
        "expected ',' or '}'",
        "フローマッピング `{...}` が閉じていません（`,` か `}` が必要です）",
        "unclosed flow mapping: expected ',' or '}'",
    ),
    (
        "found unexpected end of stream",
        "引用符かブラケットが閉じないままファイルが終わっています",
        "unexpected end of file: a quote or bracket is not closed",
    ),
    (
        "found undefined alias",
        "未定義のエイリアス（`*名前`）を参照しています",
        "reference to an undefined alias",
    ),
    (
        "control characters are not allowed",
        "YAMLで使えない制御文字が含まれています",
        "the file contains control characters that YAML does not allow",
    ),
    (
        "unacceptable character",
        "YAMLで使えない文字が含まれています",
        "the file contains a character that YAML does not allow",
    ),
)


def _flow_too_deep(text: str, max_depth: int) -> tuple[int, int] | None:
    """Line and column of the first ``[``/``{`` nested deeper than ``max_depth`` (libyaml
    reads a deep flow collection to its end before it yields any event, so the loader's own
    depth count cannot see it)."""
    body = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    # A block mapping or sequence at the root is one level, as in the loader's own count.
    depth = 0 if body and body[0][0] in "[{" else 1
    line, column, quote = 1, 0, ""
    for char in text:
        column += 1
        if char == "\n":
            line, column = line + 1, 0
        elif quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                return line, column
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


def _yaml_error(
    path: str, exc: yaml.YAMLError, text: str = "", limits: Limits | None = None
) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = 1, 1
    problem = str(getattr(exc, "problem", None) or exc).strip()
    context = str(getattr(exc, "context", None) or "").strip()
    ja, en = f"YAMLの構文エラー: {problem}", f"YAML syntax error: {problem}"
    max_depth = (limits or DEFAULT_LIMITS).max_depth
    if "maximum nesting depth" in problem:
        line, column = _flow_too_deep(text, max_depth) or (line, column)
        return Diagnostic(
            "DX105",
            "error",
            f"入れ子が深すぎます（上限 {max_depth} 段）",
            f"nesting deeper than {max_depth} levels",
            path,
            line,
            column,
        )
    lines = text.splitlines()
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if current[column - 1 : column] == "\t":
        if current[: column - 1].strip():
            ja = (
                "YAMLの構文エラー: ここにタブ文字は書けません。値を引用符で囲むか"
                '（"…\\t…"）、空白に置き換えてください'
            )
            en = "YAML syntax error: a tab is not allowed here; quote the value or use spaces"
        else:
            ja = (
                "YAMLの構文エラー: タブ文字はYAMLのインデントに使えません。空白に置き換えてください"
            )
            en = "YAML syntax error: tab characters cannot be used for indentation; use spaces"
        return Diagnostic("DX110", "error", ja, en, path, line, column)
    slip = _full_width_colon(lines, line)
    if slip is not None:  # the commonest IME slip: `commitment：consider`
        ja = (
            "YAMLの構文エラー: 全角のコロン「：」はキーと値の区切りになりません。"
            "半角の `: `（コロンと空白）にしてください"
        )
        en = (
            "YAML syntax error: the full-width colon '：' does not separate a key from its "
            "value; write ': ' (an ASCII colon and a space)"
        )
        return Diagnostic("DX110", "error", ja, en, path, *slip)
    for needle, msg_ja, msg_en in _YAML_MESSAGES:
        if needle in problem or needle in context:
            ja, en = f"YAMLの構文エラー: {msg_ja}", f"YAML syntax error: {msg_en}"
            break
    return Diagnostic("DX110", "error", ja, en, path, line, column)


_KEY_WITH_WIDE_COLON = re.compile(r"^\s*(?:-\s+)?[^\s:#'\"{}\[\]][^:#'\"]*?(：)")


def _full_width_colon(lines: list[str], line: int) -> tuple[int, int] | None:
    """Where a key is followed by a full-width colon instead of ': ', on the line of a syntax
    error or the two before it (the parser notices only on the next line): (line, column)."""
    for number in range(line, max(0, line - 3), -1):
        text = lines[number - 1] if 0 < number <= len(lines) else ""
        if ": " in text or text.rstrip().endswith(":"):
            continue  # a real key: value line (a ： inside its value is text)
        match = _KEY_WITH_WIDE_COLON.match(text)
        if match is not None:
            return number, match.start(1) + 1
    return None


# -- nodes → data ------------------------------------------------------------------------------
#
# libyaml composes the node graph in C (aliases are shared nodes, never expanded); the walk below
# turns it into plain data while recording every value's position, rejecting duplicate keys and
# unsafe tags, and counting values as if aliases were expanded (the alias-bomb bound) without
# expanding them.

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_SAFE_SCALAR_TAGS = {
    _STR_TAG,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_constructor = SafeConstructor()
_IMPLICIT: dict[str, list[tuple[str, Any]]] = Resolver.yaml_implicit_resolvers


class _Composer(_BaseParser, Resolver):  # type: ignore[misc]
    """libyaml's parser and composer (pure Python when PyYAML lacks libyaml) with the YAML 1.1
    tag resolution that every PyYAML loader uses."""

    def __init__(self, text: str) -> None:
        _BaseParser.__init__(self, text)
        Resolver.__init__(self)

    # Resolver.resolve, without the path resolvers PyYAML supports and dxcheck never registers
    # (it is called for every node; this is about three times faster).
    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR_TAG
        return _SEQ_TAG if kind is SequenceNode else _MAP_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def _mark(m: Any) -> Mark:
    return Mark(m.line + 1, m.column + 1)


def _scalar_value(node: ScalarNode) -> tuple[Any, str]:
    tag = node.tag
    if tag == _MERGE_TAG or tag == "tag:yaml.org,2002:value":
        # `<<` and `=` outside a key are just text (found by fuzz/fuzz_loader.py: `a: [<<`).
        return node.value, _STR_TAG
    if tag == _STR_TAG:
        return node.value, tag
    if tag == "tag:yaml.org,2002:null":
        return None, tag
    if tag == "tag:yaml.org,2002:bool":
        return _constructor.construct_yaml_bool(node), tag
    if tag == "tag:yaml.org,2002:int":
        return _constructor.construct_yaml_int(node), tag
    if tag == "tag:yaml.org,2002:float":
        return _constructor.construct_yaml_float(node), tag
    day: datetime.date = _constructor.construct_yaml_timestamp(node)
    return day, tag


class _Walker:
    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.positions: dict[Path, Mark] = {}
        self.key_positions: dict[Path, Mark] = {}
        self.scalars: dict[Path, Scalar] = {}
        self.done: dict[int, tuple[Any, int]] = {}  # id(node) → (value, values inside)
        self.total = 0
        self.errors: list[Diagnostic] = []

    def error(self, code: str, ja: str, en: str, mark: Mark, loc: Path = ()) -> Diagnostic:
        from dxcheck.diagnostics import format_yaml_path

        return Diagnostic(
            code, "error", ja, en, self.path, mark.line, mark.column, format_yaml_path(loc)
        )

    def fatal(self, code: str, ja: str, en: str, mark: Mark, loc: Path = ()) -> LoadError:
        return LoadError([*self.errors, self.error(code, ja, en, mark, loc)])

    def count(self, n: int, mark: Mark) -> None:
        self.total += n
        if self.total > self.limits.max_nodes:
            raise self.fatal(
                "DX105",
                f"値の数が上限 {self.limits.max_nodes:,} を超えました（エイリアスの展開を含む）。"
                "エイリアス爆弾の可能性があります",
                f"more than {self.limits.max_nodes:,} values after alias expansion "
                "(possible alias bomb)",
                mark,
            )

    def value(self, node: Any, loc: Path, depth: int, where: Mark | None = None) -> Any:
        """The plain value of ``node`` at ``loc``; ``where`` is the position of the reference
        when ``node`` is reached through an alias."""
        seen = self.done.get(id(node))
        if seen is not None:  # an alias: shared, counted as if expanded
            mark = where or _mark(node.start_mark)
            self.count(seen[1], mark)
            self.positions.setdefault(loc, mark)
            return seen[0]
        mark = _mark(node.start_mark)
        self.positions[loc] = mark
        before = self.total
        self.count(1, mark)
        if isinstance(node, ScalarNode):
            tag = node.tag
            if tag not in _SAFE_SCALAR_TAGS and tag not in (_MERGE_TAG, "tag:yaml.org,2002:value"):
                raise self.fatal(*_tag_error(tag), mark, loc)
            try:
                value, tag = _scalar_value(node)
            except (ValueError, yaml.YAMLError, OverflowError):
                raise self.fatal(
                    "DX112",
                    f"`{node.value}` は {node.tag} として読めません",
                    f"'{node.value}' is not a valid {node.tag}",
                    mark,
                    loc,
                ) from None
            self.scalars[loc] = Scalar(node.value, not node.style, tag)
        else:
            if depth >= self.limits.max_depth:
                raise self.fatal(
                    "DX105",
                    f"入れ子が深すぎます（上限 {self.limits.max_depth} 段）",
                    f"nesting deeper than {self.limits.max_depth} levels",
                    mark,
                    loc,
                )
            if isinstance(node, SequenceNode):
                if node.tag != _SEQ_TAG:
                    raise self.fatal(*_tag_error(node.tag), mark, loc)
                value = []
                self.done[id(node)] = (value, 0)  # a node that contains itself
                for index, item in enumerate(node.value):
                    value.append(self.value(item, (*loc, index), depth + 1, mark))
            else:
                if node.tag != _MAP_TAG:
                    raise self.fatal(*_tag_error(node.tag), mark, loc)
                value = {}
                self.done[id(node)] = (value, 0)
                self.mapping(node, value, loc, depth)
        self.done[id(node)] = (value, self.total - before)
        return value

    def mapping(self, node: Any, out: dict[str, Any], loc: Path, depth: int) -> None:
        merged: set[str] = set()
        for key_node, value_node in node.value:
            mark = _mark(key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                raise self.fatal(
                    "DX111",
                    "マッピングのキーには単純な文字列を使ってください",
                    "mapping keys must be plain strings",
                    mark,
                    loc,
                )
            if key_node.tag == _MERGE_TAG:
                self.merge(out, merged, self.value(value_node, loc, depth + 1, mark), mark, loc)
                continue
            key = key_node.value
            child = (*loc, key)
            if key in out and key not in merged:
                first = self.key_positions.get(child, mark)
                self.errors.append(
                    self.error(
                        "DX103",
                        f"キー `{key}` が重複しています（最初は {first.line} 行目）",
                        f"duplicate key '{key}' (first defined on line {first.line})",
                        mark,
                        child,
                    )
                )
                self.value(value_node, (*loc, f"{key} (2)"), depth + 1, mark)
                continue
            merged.discard(key)
            self.key_positions[child] = mark
            out[key] = self.value(value_node, child, depth + 1, mark)

    def merge(
        self, out: dict[str, Any], merged: set[str], value: Any, mark: Mark, loc: Path
    ) -> None:
        for source in value if isinstance(value, list) else [value]:
            if not isinstance(source, dict):
                self.errors.append(
                    self.error(
                        "DX111",
                        "マージキー `<<` にはマッピングかそのリストを指定してください",
                        "the merge key '<<' takes a mapping or a list of mappings",
                        mark,
                        loc,
                    )
                )
                return
            for key, item in source.items():
                if key not in out:
                    out[key] = item
                    merged.add(key)


def load_text(text: str, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse YAML text into a :class:`Document`; raise :class:`LoadError` on any problem."""
    walker = _Walker(path, limits)
    composer = _Composer(text)
    try:
        root_node = composer.get_single_node()
        root = None if root_node is None else walker.value(root_node, (), 0)
    except yaml.composer.ComposerError as exc:
        if "single document" not in str(exc.context or "") or exc.problem_mark is None:
            raise LoadError([*walker.errors, _yaml_error(path, exc, text, limits)]) from None
        raise walker.fatal(
            "DX106",
            "1つのファイルに書ける計画は1つです（`---` で2つ目の文書が始まっています）",
            "one plan per file: a second YAML document starts here",
            _mark(exc.problem_mark),
        ) from None
    except yaml.YAMLError as exc:
        raise LoadError([*walker.errors, _yaml_error(path, exc, text, limits)]) from None
    except RecursionError:  # pragma: no cover - only PyYAML's pure-Python composer recurses
        line, column = _flow_too_deep(text, limits.max_depth) or (1, 1)
        raise walker.fatal(
            "DX105",
            f"入れ子が深すぎます（上限 {limits.max_depth} 段）",
            f"nesting deeper than {limits.max_depth} levels",
            Mark(line, column),
        ) from None
    finally:
        composer.dispose()
    if walker.errors:
        raise LoadError(walker.errors)
    if root is None:
        raise LoadError(
            [
                Diagnostic(
                    "DX106",
                    "error",
                    "ファイルが空です（計画の内容がありません）",
                    "the file is empty: no plan in it",
                    path,
                )
            ]
        )
    walker.positions.setdefault((), Mark(1, 1))
    return Document(
        path, text, root, "utf-8", walker.positions, walker.key_positions, walker.scalars
    )


def _tag_error(tag: str | None) -> tuple[str, str, str]:
    return (
        "DX104",
        f"タグ `{tag}` は使えません（安全なYAMLの標準タグのみ使用できます）",
        f"tag '{tag}' is not allowed: only the standard safe YAML tags are accepted",
    )


def load_bytes(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    if len(data) > limits.max_bytes:
        raise LoadError([_too_large(path, len(data), limits)])
    text, encoding, notes = decode(data, path)
    doc = load_text(text, path, limits)
    doc.encoding = encoding
    doc.notes.extend(notes)
    return doc


def _too_large(path: str, size: int, limits: Limits) -> Diagnostic:
    return Diagnostic(
        "DX105",
        "error",
        f"ファイルが大きすぎます（上限 {limits.max_bytes:,} バイトを超えています。"
        "変更は validate --max-bytes で）",
        f"file too large: over the limit of {limits.max_bytes:,} bytes (see --max-bytes)",
        path,
    )


def read_file(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read at most ``limits.max_bytes + 1`` bytes, so a 100 MB file costs nothing.

    Raises OSError for unreadable paths (the CLI turns those into exit code 2)."""
    with open(path, "rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        size = max(len(data), os.path.getsize(path))
        raise LoadError([_too_large(path, size, limits)])
    return data


def load_path(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    return load_bytes(read_file(path, limits), path, limits)
