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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from dxcheck.diagnostics import Diagnostic

# libyaml's event parser when PyYAML was built with it (about ten times faster), else None and
# the pure-Python parser is used. (``yaml.CParser`` is not exported; it lives in yaml.cyaml.)
_Parser: Any
try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = None

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one file may cost. Defaults fit real plans (the largest seed is 41 KB)
    with two orders of magnitude to spare."""

    max_bytes: int = 10 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 200_000  # values after alias expansion


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Mark:
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

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""


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
    for needle, msg_ja, msg_en in _YAML_MESSAGES:
        if needle in problem or needle in context:
            ja, en = f"YAMLの構文エラー: {msg_ja}", f"YAML syntax error: {msg_en}"
            break
    return Diagnostic("DX110", "error", ja, en, path, line, column)


# -- events → data ----------------------------------------------------------------------------

_resolver = Resolver()
_constructor = SafeConstructor()
_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_KEY = "<<"


_STR_TAG = "tag:yaml.org,2002:str"
# The YAML 1.1 implicit resolvers by first character (what Resolver.resolve looks up); most plan
# scalars are Japanese text whose first character has none, so they are strings at once.
_IMPLICIT: dict[str, list[tuple[str, Any]]] = _resolver.yaml_implicit_resolvers


def _scalar_value(event: ev.ScalarEvent) -> tuple[Any, str]:
    tag = event.tag
    value = event.value
    if tag is None or tag == "!":
        if event.style or not event.implicit[0]:
            return value, _STR_TAG  # quoted or block scalars are always strings
        tag = _STR_TAG
        for candidate, regexp in _IMPLICIT.get(value[:1], ()):
            if regexp.match(value):
                # `<<` and `=` resolve to merge/value tags; outside a key they are just text
                # (found by fuzz/fuzz_loader.py: `a: [<<`).
                tag = candidate if candidate in _SAFE_SCALAR_TAGS else _STR_TAG
                break
    if tag == _STR_TAG:
        return value, tag
    marks: tuple[Any, Any] = (event.start_mark, event.end_mark)
    node = ScalarNode(tag, event.value, marks[0], marks[1], event.style)
    if tag == "tag:yaml.org,2002:null":
        return None, tag
    if tag == "tag:yaml.org,2002:bool":
        return _constructor.construct_yaml_bool(node), tag
    if tag == "tag:yaml.org,2002:int":
        return _constructor.construct_yaml_int(node), tag
    if tag == "tag:yaml.org,2002:float":
        return _constructor.construct_yaml_float(node), tag
    if tag == "tag:yaml.org,2002:timestamp":
        day: datetime.date = _constructor.construct_yaml_timestamp(node)
        return day, tag
    raise AssertionError(tag)  # pragma: no cover - filtered by _SAFE_SCALAR_TAGS


@dataclass(slots=True)
class _Frame:
    kind: str  # "map" | "seq"
    value: Any
    loc: Path
    anchor: str | None
    nodes: int = 1
    pending_key: str | None = None
    pending_key_mark: Mark | None = None
    merged: set[str] = field(default_factory=set)


class _Builder:
    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.positions: dict[Path, Mark] = {}
        self.key_positions: dict[Path, Mark] = {}
        self.scalars: dict[Path, Scalar] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.total_nodes = 0
        self.errors: list[Diagnostic] = []
        self.root: Any = None
        self.have_root = False

    def error(self, code: str, ja: str, en: str, mark: Mark, loc: Path = ()) -> Diagnostic:
        from dxcheck.diagnostics import format_yaml_path

        return Diagnostic(
            code, "error", ja, en, self.path, mark.line, mark.column, format_yaml_path(loc)
        )

    def fatal(self, code: str, ja: str, en: str, mark: Mark, loc: Path = ()) -> LoadError:
        return LoadError([*self.errors, self.error(code, ja, en, mark, loc)])

    def count(self, n: int, mark: Mark) -> None:
        self.total_nodes += n
        if self.total_nodes > self.limits.max_nodes:
            raise self.fatal(
                "DX105",
                f"値の数が上限 {self.limits.max_nodes:,} を超えました（エイリアスの展開を含む）。"
                "エイリアス爆弾の可能性があります",
                f"more than {self.limits.max_nodes:,} values after alias expansion "
                "(possible alias bomb)",
                mark,
            )

    def child_loc(self, mark: Mark) -> Path | None:
        """Where the next value goes; None when it is a mapping key."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.kind == "seq":
            return (*top.loc, len(top.value))
        if top.pending_key is None:
            return None
        return (*top.loc, top.pending_key)

    def add(self, value: Any, mark: Mark, nodes: int, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, nodes)
        if not self.stack:
            self.root, self.have_root = value, True
            return
        top = self.stack[-1]
        top.nodes += nodes
        if top.kind == "seq":
            top.value.append(value)
            return
        key = top.pending_key
        assert key is not None
        top.pending_key = None
        if key == _MERGE_KEY:
            self.merge(top, value, mark)
            return
        top.value[key] = value

    def merge(self, top: _Frame, value: Any, mark: Mark) -> None:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                self.errors.append(
                    self.error(
                        "DX111",
                        "マージキー `<<` にはマッピングかそのリストを指定してください",
                        "the merge key '<<' takes a mapping or a list of mappings",
                        mark,
                        top.loc,
                    )
                )
                return
            for key, item in source.items():
                if key not in top.value:
                    top.value[key] = item
                    top.merged.add(key)

    def key(self, event: ev.Event, mark: Mark) -> None:
        top = self.stack[-1]
        if not isinstance(event, ev.ScalarEvent):
            raise self.fatal(
                "DX111",
                "マッピングのキーには単純な文字列を使ってください",
                "mapping keys must be plain strings",
                mark,
                top.loc,
            )
        key = event.value
        loc = (*top.loc, key)
        if key in top.value and key not in top.merged and key != _MERGE_KEY:
            first = self.key_positions.get(loc, mark)
            self.errors.append(
                self.error(
                    "DX103",
                    f"キー `{key}` が重複しています（最初は {first.line} 行目）",
                    f"duplicate key '{key}' (first defined on line {first.line})",
                    mark,
                    loc,
                )
            )
        else:
            top.merged.discard(key)
            self.key_positions[loc] = mark
        top.pending_key = key
        top.pending_key_mark = mark


def _mark(m: Any) -> Mark:
    return Mark(m.line + 1, m.column + 1)


def _events(text: str) -> Iterator[ev.Event]:
    if _Parser is not None:
        parser = _Parser(text)
        try:
            while parser.check_event():
                yield parser.get_event()
        finally:
            parser.dispose()
    else:  # pragma: no cover
        yield from yaml.parse(text, Loader=yaml.SafeLoader)


def load_text(text: str, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse YAML text into a :class:`Document`; raise :class:`LoadError` on any problem."""
    b = _Builder(path, limits)
    documents = 0
    try:
        for event in _events(text):
            mark = _mark(event.start_mark)
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise b.fatal(
                        "DX106",
                        "1つのファイルに書ける計画は1つです（`---` で2つ目の文書が始まっています）",
                        "one plan per file: a second YAML document starts here",
                        mark,
                    )
                continue
            if isinstance(event, ev.StreamStartEvent | ev.StreamEndEvent | ev.DocumentEndEvent):
                continue
            if isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
                frame = b.stack.pop()
                b.add(frame.value, mark, frame.nodes, frame.anchor)
                continue
            loc = b.child_loc(mark)
            if loc is None:  # a mapping key
                b.key(event, mark)
                continue
            if isinstance(event, ev.AliasEvent):
                anchor = event.anchor
                if anchor not in b.anchors:
                    raise b.fatal(
                        "DX110",
                        f"未定義のエイリアス `*{anchor}` を参照しています",
                        f"undefined alias '*{anchor}'",
                        mark,
                        loc,
                    )
                value, nodes = b.anchors[anchor]
                b.count(nodes, mark)
                b.positions.setdefault(loc, mark)
                b.add(value, mark, nodes, None)
            elif isinstance(event, ev.ScalarEvent):
                if event.tag not in (None, "!") and event.tag not in _SAFE_SCALAR_TAGS:
                    raise b.fatal(*_tag_error(event.tag), mark, loc)
                try:
                    value, tag = _scalar_value(event)
                except (ValueError, yaml.YAMLError, OverflowError):
                    raise b.fatal(
                        "DX112",
                        f"`{event.value}` は {event.tag} として読めません",
                        f"'{event.value}' is not a valid {event.tag}",
                        mark,
                        loc,
                    ) from None
                b.count(1, mark)
                b.positions[loc] = mark
                b.scalars[loc] = Scalar(event.value, not event.style, tag)
                b.add(value, mark, 1, event.anchor)
            elif isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
                is_map = isinstance(event, ev.MappingStartEvent)
                expected = _MAP_TAG if is_map else _SEQ_TAG
                if event.tag not in (None, "!", expected):
                    raise b.fatal(*_tag_error(event.tag), mark, loc)
                if len(b.stack) >= limits.max_depth:
                    raise b.fatal(
                        "DX105",
                        f"入れ子が深すぎます（上限 {limits.max_depth} 段）",
                        f"nesting deeper than {limits.max_depth} levels",
                        mark,
                        loc,
                    )
                b.count(1, mark)
                b.positions[loc] = mark
                kind = "map" if is_map else "seq"
                b.stack.append(_Frame(kind, {} if is_map else [], loc, event.anchor))
    except yaml.YAMLError as exc:
        raise LoadError([*b.errors, _yaml_error(path, exc, text, limits)]) from None
    except RecursionError:  # pragma: no cover - defensive: depth is bounded above
        raise b.fatal("DX105", "入れ子が深すぎます", "nesting too deep", Mark(1, 1)) from None
    if b.errors:
        raise LoadError(b.errors)
    if not b.have_root or b.root is None:
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
    b.positions.setdefault((), Mark(1, 1))
    return Document(path, text, b.root, "utf-8", b.positions, b.key_positions, b.scalars)


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
