"""Which body wrote the document: the names of the bundled 全国地方公共団体コード table found in
its first lines, the one the title and the text name most, and — for a name several bodies
share (美浜町 is in 福井県, 愛知県 and 和歌山県; 府中市, 伊達市, 金山町 …) — the one the text
places: a prefecture written before the name (福井県三方郡美浜町), a 〒 postcode, or a
prefecture named in the text that only one of them is in. Otherwise the name is kept and the
candidates are listed for the reviewer. A prefecture mentioned in passing (県の方針を踏まえ) is
not the author when a city or town is named."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from dxcheck.codes import LocalGov, by_name, prefectures, table

_PREFECTURE = re.compile(r"(?:都|道|府|県)$")
_POSTCODE = re.compile(r"〒\s*([0-9]{3})\s*[-‐－ー―]?\s*[0-9]{4}")


@dataclass(frozen=True, slots=True)
class Resolved:
    gov: LocalGov | None
    name: str | None  # the name as found, also when several bodies bear it
    note: str  # why it is not decided, or how it was decided (empty when plain)
    candidates: tuple[LocalGov, ...] = field(default=())


@cache
def _postcode_ranges() -> tuple[tuple[int, int, str], ...]:
    text = (resources.files("dxcheck.draft") / "data" / "postcode_prefectures.yaml").read_text(
        "utf-8"
    )
    data: dict[str, list[list[int]]] = yaml.safe_load(text)
    return tuple((low, high, pref) for pref, spans in data.items() for low, high in spans)


def postcode_prefecture(text: str) -> str | None:
    """The prefecture of the first 〒 postcode in ``text``."""
    match = _POSTCODE.search(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    head = int(match.group(1))
    return next((p for low, high, p in _postcode_ranges() if low <= head <= high), None)


def names_in(text: str) -> list[str]:
    """The table's names written in ``text``; a name inside a longer one (松島 in 東松島市) is not
    a separate name."""
    names = sorted({gov.name for gov in table().values() if gov.name in text}, key=len)
    return [n for n in names if not any(n != m and n in m for m in names)]


def resolve(text: str, title: str | None, whole: str = "") -> Resolved:
    """The author of a document whose first lines are ``text`` and whose title is ``title``
    (``whole``: the rest of the document, where a 〒 or a prefecture may be written)."""
    title = title or ""
    text = unicodedata.normalize("NFKC", title + "\n" + text)
    names = names_in(text)
    if not names:  # 大 和 町 Ｄ Ｘ 推 進 計 画: a cover set in spaced letters
        text = re.sub(r"\s+", "", text)
        names = names_in(text)
    if not names:
        office = _from_office(unicodedata.normalize("NFKC", whole))
        if office.gov is not None:
            return office
        return _from_reading(title, text + "\n" + unicodedata.normalize("NFKC", whole), office)
    local = [n for n in names if not _PREFECTURE.search(n)] or names
    leading = [n for n in names if _PREFECTURE.search(n) and title.startswith(n)]
    if leading and not any(n in title for n in local if n not in leading):
        local = leading  # a prefecture's own plan (岩手県DX推進計画) that names its cities
    if not local:
        return Resolved(None, None, "表紙・題名に団体名が見つかりません")
    local.sort(key=lambda n: (-title.count(n), -text.count(n), text.find(n)))
    name = local[0]
    found = by_name(name)
    if len(found) <= 1:
        return Resolved(found[0] if found else None, name, "")
    return _decide(name, found, text + "\n" + unicodedata.normalize("NFKC", whole))


def _from_office(whole: str) -> Resolved:
    """The body whose office the page names (お問い合わせ 〇〇市役所 / 〇〇町役場), when the
    cover names none; only when exactly one body is named so."""
    offices = {
        name
        for m in re.finditer(r"([^\s、。「」()]{1,12}?[市町村区])(?:役所|役場|区役所)", whole)
        for name in names_in(m.group(1))
        if m.group(1).endswith(name)
    }
    found = [g for n in sorted(offices) for g in by_name(n)]
    if len(found) == 1:
        return Resolved(
            found[0], found[0].name, f"表紙に団体名がなく、本文の「{found[0].name}役所・役場」から"
        )
    return Resolved(None, None, "表紙・題名に団体名が見つかりません")


_LEADING_KANA = re.compile(r"^[ぁ-ゖー]{2,}")
_SUFFIX = re.compile(r"[市町村区]$")


@cache
def _by_reading() -> dict[str, tuple[LocalGov, ...]]:
    """Cities, towns and villages by their reading without the suffix (かしま → 鹿島市, 鹿嶋市)."""
    from dxcheck.romaji import kana_stem

    out: dict[str, list[LocalGov]] = {}
    for gov in table().values():
        if gov.kind == "city" and gov.kana:
            out.setdefault(kana_stem(gov.name, gov.kana), []).append(gov)
    return {stem: tuple(govs) for stem, govs in out.items()}


def _from_reading(title: str, text: str, otherwise: Resolved) -> Resolved:
    """A title that starts with the body's name in hiragana (「かしまデジタル変革(DX)戦略」): the
    bodies read so, narrowed by the name without its suffix written in the text (鹿島 of
    「鹿島DX研究会」). Only a single body is taken; else ``otherwise``."""
    match = _LEADING_KANA.match(unicodedata.normalize("NFKC", title))
    if match is None:
        return otherwise
    run = match.group(0)
    found = _by_reading().get(run, ()) or _by_reading().get(run.removesuffix("の"), ())
    if len(found) > 1:
        found = tuple(g for g in found if _SUFFIX.sub("", g.name) in text)
    if len(found) != 1:
        return otherwise
    gov = found[0]
    return Resolved(
        gov,
        gov.name,
        f"題名の「{run}」（{gov.name}の読み）"
        + (f"と本文の「{_SUFFIX.sub('', gov.name)}」" if _SUFFIX.sub("", gov.name) in text else "")
        + "から選びました",
    )


def _decide(name: str, found: list[LocalGov], text: str) -> Resolved:
    prefs = {gov.prefecture for gov in found}
    # 福井県美浜町 / 福井県三方郡美浜町: the prefecture written as part of the body's address
    for pref in prefs:
        if re.search(rf"{pref}\s*(?:[^\s、。,]{{1,6}}郡)?\s*{re.escape(name)}", text):
            return _one(name, found, pref, f"「{pref}…{name}」の表記から")
    post = postcode_prefecture(text)
    if post in prefs:
        return _one(name, found, post, f"郵便番号（〒）から{post}")
    named = {p.name for p in prefectures() if p.name in text} & prefs
    if len(named) == 1:
        pref = named.pop()
        return _one(name, found, pref, f"本文に{pref}の名があることから")
    listed = "、".join(f"{g.prefecture}{g.name}（{g.code}）" for g in found)
    return Resolved(
        None,
        name,
        f"「{name}」は{len(found)}団体にあります（{listed}）。本文から都道府県を決められません",
        tuple(found),
    )


def _one(name: str, found: list[LocalGov], pref: str, how: str) -> Resolved:
    gov = next(g for g in found if g.prefecture == pref)
    return Resolved(gov, name, f"同名の団体から{how}選びました", tuple(found))
