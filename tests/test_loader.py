"""The loader: encodings, positions, duplicate keys, safety limits."""

from __future__ import annotations

import datetime

import pytest

from dxcheck.limits import Limits
from dxcheck.loader import LoadError, load_bytes


def codes(exc: LoadError) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in exc.diagnostics]


def test_positions_of_values_and_keys() -> None:
    doc = load_bytes("a: 1\nb:\n  - x\n  - c: 日本語\n".encode(), "f.yaml")
    assert doc.data == {"a": 1, "b": ["x", {"c": "日本語"}]}
    assert (doc.positions[("a",)].line, doc.positions[("a",)].column) == (1, 4)
    assert (doc.positions[("b", 1, "c")].line, doc.positions[("b", 1, "c")].column) == (4, 8)
    assert doc.key_positions[("b", 1, "c")].column == 5
    # a path that does not exist falls back to its nearest ancestor
    assert doc.mark_of(("b", 1, "missing")).line == 4


def test_duplicate_keys_name_both_lines() -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(b"a: 1\nb: 2\na: 3\n", "f.yaml")
    (diag,) = info.value.diagnostics
    assert (diag.code, diag.line, diag.column) == ("DX103", 3, 1)
    assert "1 行目" in diag.message_ja and "line 1" in diag.message_en


def test_all_duplicate_keys_are_reported() -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(b"a: 1\na: 2\nb:\n  c: 1\n  c: 2\n", "f.yaml")
    assert codes(info.value) == [("DX103", 2, 1), ("DX103", 5, 3)]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("a: あ\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "a: あ\n".encode(), "utf-8"),
        ("a: あ\n".encode("utf-16"), "utf-16"),
        ("a: あ\n".encode("cp932"), "cp932"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    doc = load_bytes(data, "f.yaml")
    assert doc.data == {"a": "あ"}
    assert doc.encoding == encoding


def test_shift_jis_is_noted() -> None:
    doc = load_bytes("計画: 松島町\n".encode("cp932"), "f.yaml")
    assert [n.code for n in doc.notes] == ["DX102"]


def test_undecodable_names_the_byte_offset() -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(b"a: ok\nb: \xff\xfe\xfd\n", "f.yaml")
    (diag,) = info.value.diagnostics
    assert diag.code == "DX101"
    assert "バイト位置 9 " in diag.message_ja  # byte offset of 0xff
    assert (diag.line, diag.column) == (2, 4)


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(b"a: 1\n\x00\x01", "f.yaml")
    assert codes(info.value) == [("DX101", 2, 1)]


def test_yaml_1_1_scalars_keep_their_source_text() -> None:
    doc = load_bytes(b"a: no\nb: 0123\nc: 'no'\nd: 2023-04-01\n", "f.yaml")
    assert doc.data == {"a": False, "b": 83, "c": "no", "d": datetime.date(2023, 4, 1)}
    assert doc.scalars[("a",)].text == "no" and doc.scalars[("a",)].plain
    assert not doc.scalars[("c",)].plain


def test_python_tags_are_refused() -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(b"a: !!python/object/apply:os.system ['true']\n", "f.yaml")
    assert codes(info.value) == [("DX104", 1, 4)]


def test_alias_bomb_fails_fast() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(LoadError) as info:
        load_bytes(("\n".join(lines) + "\n").encode(), "f.yaml")
    assert info.value.diagnostics[0].code == "DX105"


def test_aliases_within_limits_are_expanded() -> None:
    doc = load_bytes(b"x: &c {section: s}\ny: *c\nz:\n  <<: *c\n  page: 2\n", "f.yaml")
    assert doc.data["y"] == {"section": "s"}
    assert doc.data["z"] == {"section": "s", "page": 2}


def test_depth_limit() -> None:
    text = "a: " + "[" * 100 + "]" * 100 + "\n"
    with pytest.raises(LoadError) as info:
        load_bytes(text.encode(), "f.yaml")
    assert info.value.diagnostics[0].code == "DX105"
    assert load_bytes(text.encode(), "f.yaml", Limits(max_depth=200)).data


def test_size_limit() -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(b"a: " + b"x" * 100 + b"\n", "f.yaml", Limits(max_bytes=50))
    assert info.value.diagnostics[0].code == "DX105"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: [1, 2\n", (2, 1)),
        ("a:\n\tb: 1\n", (2, 1)),
        ("a: b: c\n", (1, 5)),
        ('a: "open\n', (2, 1)),
    ],
)
def test_syntax_errors_have_positions(text: str, where: tuple[int, int]) -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(text.encode(), "f.yaml")
    diag = info.value.diagnostics[0]
    assert diag.code == "DX110"
    assert (diag.line, diag.column) == where
    assert diag.message_ja.startswith("YAMLの構文エラー")


def test_second_document_is_an_error() -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(b"a: 1\n---\nb: 2\n", "f.yaml")
    assert codes(info.value) == [("DX106", 2, 1)]


def test_empty_file() -> None:
    for data in (b"", b"# only a comment\n", b"~\n"):
        with pytest.raises(LoadError) as info:
            load_bytes(data, "f.yaml")
        assert info.value.diagnostics[0].code == "DX106"


def test_merge_and_value_indicators_as_values_are_text() -> None:
    # found by fuzz/fuzz_loader.py: `<<` outside a key crashed the loader
    doc = load_bytes(b"a: <<\nb: =\nc: [<<]\n", "f.yaml")
    assert doc.data == {"a": "<<", "b": "=", "c": ["<<"]}
