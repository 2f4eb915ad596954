"""Which open files are plans, and where in a plan's YAML a position is (by indentation).

The editor sends text that is often half-typed and does not parse: the position helpers work
on lines, not on the YAML tree, so hover and completion work in a broken file too.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

DEFAULT_GLOBS = ("plans/**/*.yaml", "plans/**/*.yml")
SCHEMA_HEADER = re.compile(r"#\s*yaml-language-server:\s*\$schema=\S*plan\.schema\.json")
_KEY = re.compile(
    r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*:(?P<rest>.*)$"
)
_WORD = re.compile(r"[A-Za-z0-9_]+")


def path_of(uri: str) -> str:
    """The file system path of a file: URI (other URIs as they are)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return uri
    return unquote(parsed.path)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as editors write them: ``**/`` any folders (or none), ``*`` and ``?`` within
    one path segment, ``{a,b}`` alternatives."""
    out, index = "", 0
    while index < len(pattern):
        ch = pattern[index]
        if pattern.startswith("**/", index):
            out += "(?:.*/)?"
            index += 3
            continue
        if pattern.startswith("**", index):
            out += ".*"
            index += 2
            continue
        if ch == "*":
            out += "[^/]*"
        elif ch == "?":
            out += "[^/]"
        elif ch == "{":
            end = pattern.find("}", index)
            if end > index:
                out += (
                    "(?:"
                    + "|".join(re.escape(p) for p in pattern[index + 1 : end].split(","))
                    + ")"
                )
                index = end + 1
                continue
            out += re.escape(ch)
        else:
            out += re.escape(ch)
        index += 1
    return re.compile(out + r"\Z")


def is_plan(path: str, text: str, globs: tuple[str, ...], roots: tuple[str, ...]) -> bool:
    """A plan file: its header names the plan schema, or its path (relative to a workspace
    folder, or any tail of it when no folder is open) matches one of ``globs``."""
    if any(SCHEMA_HEADER.search(line) for line in text.splitlines()[:5]):
        return True
    if not path.endswith((".yaml", ".yml")):
        return False
    path = path.replace(os.sep, "/")
    candidates = [os.path.relpath(path, r).replace(os.sep, "/") for r in roots if r]
    candidates = [c for c in candidates if not c.startswith("../")]
    if not candidates:  # no workspace folder: try every tail of the path
        parts = path.strip("/").split("/")
        candidates = ["/".join(parts[i:]) for i in range(len(parts))]
    patterns = [glob_regex(g) for g in globs]
    return any(p.match(c) for p in patterns for c in candidates)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a position is: the keys from the top of the plan down to the current line's key
    (``("initiatives", "national_items")``), whether the line is a list item, the text of
    the line before the cursor, and the word under the cursor."""

    keys: tuple[str, ...]
    list_item: bool
    before: str
    word: str


def key_of(line: str) -> tuple[int, str | None, bool]:
    """(indent of the key, key or None, list item?) of one line."""
    match = _KEY.match(line)
    if match is None:
        stripped = line.lstrip()
        dash = stripped.startswith("- ") or stripped == "-"
        return len(line) - len(stripped), None, dash
    indent = len(match["indent"]) + (len(match["dash"]) if match["dash"] else 0)
    return indent, match["key"], bool(match["dash"])


def place(lines: list[str], line: int, character: int) -> Place:
    """The :class:`Place` of a 0-based position."""
    text = lines[line] if line < len(lines) else ""
    before = text[:character]
    indent, key, dash = key_of(text)
    chain: list[str] = []
    # the key on this line counts when the cursor is after its colon
    if key is not None and ":" in before:
        chain.append(key)
        limit = indent
    else:
        limit = len(text) - len(text.lstrip()) if text.strip() else len(before)
        if key is None and dash:
            limit = len(text) - len(text.lstrip())
    for previous in range(line - 1, -1, -1):
        other = lines[previous]
        if not other.strip() or other.lstrip().startswith("#"):
            continue
        other_indent, other_key, other_dash = key_of(other)
        dash_at = len(other) - len(other.lstrip())
        if other_dash and dash_at < limit and other_key is not None and other_indent >= limit:
            limit = dash_at  # a sibling key of the same list item
            continue
        if other_key is not None and other_indent < limit:
            chain.append(other_key)
            limit = dash_at if other_dash else other_indent
            if limit == 0:
                break
    return Place(tuple(reversed(chain)), dash, before, word_at(text, character))


def word_at(text: str, character: int) -> str:
    """The identifier-like word (letters, digits, _) touching ``character``."""
    for match in _WORD.finditer(text):
        if match.start() <= character <= match.end():
            return match.group()
    return ""
