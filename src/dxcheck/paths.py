"""How a file's name is shown in every message, report and output (one function).

A name is bytes to the system and may be anything: control characters (an escape sequence, a
newline) that would act on the terminal or break a line-oriented output, or bytes that are
not UTF-8 (a Shift_JIS name unpacked from a Windows zip, which Python carries as lone
surrogates that cannot be written out). :func:`show_path` gives a printable string for both.
"""

from __future__ import annotations

import os
import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def show_path(path: str) -> str:
    """``path`` as printable text: undecodable bytes read as CP932 where they are Shift_JIS
    (else ``\\xNN``), control and format characters as escapes (``\\x1b``, ``\\n``,
    ``\\u202e``). Ordinary names come back unchanged."""
    if any("\udc80" <= ch <= "\udcff" for ch in path):
        raw = os.fsencode(path) if os.name != "nt" else path.encode("utf-8", "surrogateescape")
        try:
            path = raw.decode("cp932")
        except UnicodeDecodeError:
            path = raw.decode("utf-8", "backslashreplace")
        else:
            if any(unicodedata.category(ch) == "Co" for ch in path):  # not Shift_JIS after all
                path = raw.decode("utf-8", "backslashreplace")
    if path.isprintable():
        return path
    out: list[str] = []
    for ch in path:
        if ch.isprintable() or unicodedata.category(ch) == "Zs":
            out.append(ch)
        elif ch in _NAMED:
            out.append(_NAMED[ch])
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)
