"""全国地方公共団体コード: the check digit, and the bundled table of every local government.

The check digit (総務省「全国地方公共団体コード」仕様): weights 6,5,4,3,2 on the first five
digits, r = sum mod 11, check digit = last digit of (11 − r).

The table (data/municipalities/municipalities.tsv, built by scripts/build_municipalities.py; see
PROVENANCE.md and LICENSE.txt there) holds the 47 prefectures, the 1,741 市区町村 (Tokyo's 23 特別区
included), the 6 北方領土 villages and the 171 wards of the 政令指定都市. It is read on first use,
never at import: :func:`get` (what `validate` needs) splits the file into rows by code (about 1 ms)
and parses only the rows asked for; :func:`table` and the name lookups parse all of it (a few ms).

Names are not unique across Japan (府中市 is in 東京都 and 広島県, 北区 is a 特別区 and a ward of
eleven cities), so every lookup by name returns a list; give the prefecture to narrow it. Names are
matched exactly as the table writes them (塩竈市, 七ヶ浜町, 龍ケ崎市); :func:`loose_key` folds the
usual variant spellings only to *suggest* the canonical one, never to accept a variant silently.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from typing import Literal

Kind = Literal["prefecture", "city", "ward", "northern_territories"]

# The date of the 総務省 list the table was built from (upstream's refresh of 2025-11-08).
AS_OF, AS_OF_JA = "2025-11", "2025年11月"
DATA = os.path.join(os.path.dirname(__file__), "data", "municipalities", "municipalities.tsv")


def check_digit(first_five: str) -> int:
    """The check digit of a code's first five digits."""
    total = sum(int(d) * w for d, w in zip(first_five, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def check_digit_ok(code: str) -> bool:
    return (
        len(code) == 6
        and code.isascii()
        and code.isdigit()
        and (check_digit(code[:5]) == int(code[5]))
    )


@dataclass(frozen=True, slots=True)
class LocalGov:
    """One local government of the table.

    ``name`` is the name without the prefecture (松島町, 千代田区, 宮城県 for a prefecture) and,
    for a ward, without its city (青葉区); ``parent_code`` and ``parent_name`` are a ward's
    政令指定都市 (041009, 仙台市).
    ``kind``: ``prefecture``; ``city`` (市町村 and Tokyo's 特別区); ``ward`` (区 of a 政令指定都市);
    ``northern_territories`` (the 6 villages on the 北方領土, which have codes but no functioning
    government).
    """

    code: str
    name: str
    prefecture: str
    kind: Kind = "city"
    kana: str = ""
    parent_code: str | None = None
    parent_name: str | None = None

    @property
    def full_name(self) -> str:
        """The name as a plan writes it when unambiguous in its prefecture: 仙台市青葉区 for a
        ward, else ``name``."""
        return f"{self.parent_name}{self.name}" if self.parent_name else self.name

    @property
    def label(self) -> str:
        """The name with its prefecture, for messages: 東京都千代田区, 宮城県仙台市青葉区, 宮城県."""
        return self.name if self.kind == "prefecture" else self.prefecture + self.full_name

    def names(self) -> tuple[str, ...]:
        """Every form a plan may write as ``municipality.name``: 青葉区 and 仙台市青葉区 for a
        ward, the name itself otherwise."""
        return (self.name, self.full_name) if self.parent_name else (self.name,)


@cache
def _rows() -> dict[str, str]:
    """The table's lines by code, unparsed (about 1 ms: `validate` needs one row per plan)."""
    with open(DATA, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    return {line[:6]: line for line in lines[2:]}  # after a comment and the column names


_KINDS: dict[str, Kind] = {
    "prefecture": "prefecture",
    "city": "city",
    "ward": "ward",
    "northern_territories": "northern_territories",
}


@cache
def _parse(code: str) -> LocalGov:
    rows = _rows()
    _, kind, name, kana, parent = rows[code].split("\t")
    prefecture = rows[prefecture_code(code)].split("\t", 3)[2]
    parent_name = rows[parent].split("\t", 3)[2] if parent else None
    return LocalGov(code, name, prefecture, _KINDS[kind], kana, parent or None, parent_name)


def prefecture_code(code: str) -> str:
    """The code of the prefecture a code belongs to: 131016 → 130001."""
    return f"{code[:2]}000{check_digit(code[:2] + '000')}"


def get(code: str) -> LocalGov | None:
    """The government with this code, if the table has it."""
    return _parse(code) if code in _rows() else None


@cache
def table() -> dict[str, LocalGov]:
    """Every local government by code: the prefectures, then the 市区町村 (the 北方領土 villages
    among them, in code order), then the wards."""
    names: dict[str, str] = {}  # prefectures and 政令指定都市 come before their wards
    out: dict[str, LocalGov] = {}
    for code, line in _rows().items():
        _, kind, name, kana, parent = line.split("\t")
        names[code] = name
        if kind == "prefecture":
            names[code[:2]] = name
        prefecture = names[code[:2]]
        if parent:
            out[code] = LocalGov(code, name, prefecture, "ward", kana, parent, names[parent])
        else:
            out[code] = LocalGov(code, name, prefecture, _KINDS[kind], kana)
    return out


@cache
def prefectures() -> tuple[LocalGov, ...]:
    """The 47 prefectures in code order (北海道 … 沖縄県)."""
    return tuple(gov for gov in table().values() if gov.kind == "prefecture")


@cache
def _by_name() -> dict[str, tuple[LocalGov, ...]]:
    index: dict[str, list[LocalGov]] = {}
    for gov in table().values():
        for form in gov.names():
            index.setdefault(form, []).append(gov)
    return {name: tuple(sorted(govs, key=lambda g: g.code)) for name, govs in index.items()}


def by_name(name: str, prefecture: str | None = None) -> list[LocalGov]:
    """The governments called ``name`` (a ward also by 仙台市青葉区), in code order; only those in
    ``prefecture`` when it is given. Exact match: see :func:`suggest` for near names."""
    found = _by_name().get(name, ())
    return [gov for gov in found if prefecture is None or gov.prefecture == prefecture]


def split_prefecture(text: str) -> tuple[str | None, str]:
    """``東京都府中市`` → (東京都, 府中市); a name without a prefecture prefix → (None, name). A
    prefecture's own name stays whole (宮城県 → (None, 宮城県))."""
    for pref in prefectures():
        if text.startswith(pref.name) and len(text) > len(pref.name):
            return pref.name, text[len(pref.name) :]
    return None, text


def find(text: str, prefecture: str | None = None) -> list[LocalGov]:
    """Governments for what a user types: 札幌市, 東京都府中市, 仙台市青葉区, 宮城県; narrowed to
    ``prefecture`` if given (a prefix in ``text`` must then agree with it)."""
    prefix, name = split_prefecture(text.strip())
    if prefix is not None and prefecture is not None and prefix != prefecture:
        return []
    return by_name(name, prefix or prefecture)


# Variant spellings folded by loose_key (only to suggest the table's spelling): the small ヶ and
# its look-alikes, and 旧字体 / 異体字 that place names are often written with.
_VARIANTS = str.maketrans(
    {
        "ケ": "ヶ",
        "ヵ": "ヶ",
        "が": "ヶ",
        "竈": "釜",
        "鰺": "鯵",
        "檜": "桧",
        "龍": "竜",
        "澤": "沢",
        "濱": "浜",
        "嶋": "島",
        "﨑": "崎",
        "髙": "高",
        "邊": "辺",
        "邉": "辺",
        "德": "徳",
        "廣": "広",
        "國": "国",
        "齋": "斎",
        "齊": "斉",
    }
)


def loose_key(name: str) -> str:
    """A key under which variant spellings of one name meet: NFKC, no spaces (full-width ones
    included), ヶ/ケ/ヵ/が and common 旧字体 folded. For suggestions only."""
    import unicodedata

    text = unicodedata.normalize("NFKC", name)
    return "".join(text.split()).translate(_VARIANTS)


@cache
def _by_loose_key() -> dict[str, tuple[str, ...]]:
    index: dict[str, set[str]] = {}
    for form in _by_name():
        index.setdefault(loose_key(form), set()).add(form)
    return {key: tuple(sorted(forms)) for key, forms in index.items()}


def suggest(text: str, prefecture: str | None = None, n: int = 3) -> list[LocalGov]:
    """Governments whose name is a variant spelling of ``text`` (塩釜市 → 塩竈市), or failing that,
    close to it; narrowed to ``prefecture`` when that leaves any."""
    import difflib
    import unicodedata

    prefix, name = split_prefecture("".join(unicodedata.normalize("NFKC", text).split()))
    prefecture = prefix or prefecture
    forms = list(_by_loose_key().get(loose_key(name), ()))
    if not forms and len(name) <= 40:  # no name is longer; difflib on a huge string is slow
        forms = difflib.get_close_matches(name, list(_by_name()), n=n, cutoff=0.6)
    found = [gov for form in forms for gov in by_name(form)]
    narrowed = [gov for gov in found if gov.prefecture == prefecture]
    return narrowed or found
