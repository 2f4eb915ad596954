"""Two or more plan files of one municipality in the same run (an old and a new version, a 概要版
beside its full plan, a 策定提案 beside the adopted plan).

This is a note about the set of files, not a finding about one of them: a finding belongs to
one file and line, has a fingerprint for baselines, is cached per file and can fail a CI gate;
the same file would get a finding when checked with its folder and none when checked alone,
and the normal state of a prefecture's folder would fail. So ``check`` prints one line per
municipality after its output, on stderr (JSON, SARIF and the other formats on stdout stay as
they are, and the exit code does not change), and the overview of ``report`` counts the
municipality once (render/overview.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from dxcheck.paths import show_path


def same_municipality(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, list[str]]]:
    """``(code, name, paths)`` for every code that more than one of ``entries`` — ``(path,
    code, name)`` of each valid plan — has, in code order, paths in the order given."""
    by_code: dict[str, tuple[str, list[str]]] = {}
    for path, code, name in entries:
        by_code.setdefault(code, (name, []))[1].append(path)
    return [
        (code, name, paths) for code, (name, paths) in sorted(by_code.items()) if len(paths) > 1
    ]


def note_lines(groups: list[tuple[str, str, list[str]]], lang: str) -> list[str]:
    """One line per municipality with more than one file, naming the files."""
    lines = []
    for code, name, paths in groups:
        files = ", ".join(show_path(p) for p in paths)
        name = show_path(name)
        if lang == "en":
            lines.append(
                f"dxcheck: note: {len(paths)} files describe the same government {name} ({code}): "
                f"{files} (reports count it once)"
            )
        else:
            lines.append(
                f"dxcheck: 注記: 同じ団体 {name}（{code}）の計画ファイルが {len(paths)} 件あります: "
                f"{files}（レポートの概要では 1 団体として数えます）"
            )
    return lines
