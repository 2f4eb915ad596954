"""Kana readings to ASCII file names: 044016 まつしままち → ``044016-matsushima``.

The bundled code table gives every government's reading in hiragana; plan files are named
``<code>-<romaji>.yaml`` (plans/042030-shiogama.yaml), readable in any shell and on any file
system. Modified Hepburn as road signs and municipal sites use it: long vowels written once
(とうきょう → tokyo, おおさか → osaka), っ doubling the next consonant, ん as n. The suffix
(市・町・村・区, 都・府・県) is left out when the name ends in it, as the bundled plans do.
"""

from __future__ import annotations

_BASE = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o",
    "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so",
    "た": "ta", "ち": "chi", "つ": "tsu", "て": "te", "と": "to",
    "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no",
    "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho",
    "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo",
    "や": "ya", "ゆ": "yu", "よ": "yo",
    "ら": "ra", "り": "ri", "る": "ru", "れ": "re", "ろ": "ro",
    "わ": "wa", "ゐ": "i", "ゑ": "e", "を": "o", "ん": "n",
    "が": "ga", "ぎ": "gi", "ぐ": "gu", "げ": "ge", "ご": "go",
    "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo",
    "だ": "da", "ぢ": "ji", "づ": "zu", "で": "de", "ど": "do",
    "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo",
    "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po",
    "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o", "ゔ": "vu",
}  # fmt: skip
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}
# readings of the suffixes, longest first (ちょう before まち is irrelevant: both are tried)
_SUFFIXES = {
    "市": ("し",),
    "町": ("ちょう", "まち"),
    "村": ("そん", "むら"),
    "区": ("く",),
    "都": ("と",),
    "府": ("ふ",),
    "県": ("けん",),
}


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def to_romaji(kana: str) -> str:
    """Modified Hepburn of a hiragana/katakana reading; other characters are dropped."""
    kana = _hiragana(kana)
    out: list[str] = []
    double = False
    i = 0
    while i < len(kana):
        char = kana[i]
        if char == "っ":
            double = True
            i += 1
            continue
        syllable = _BASE.get(char)
        nxt = kana[i + 1] if i + 1 < len(kana) else ""
        if (
            syllable is not None
            and nxt in _SMALL_Y
            and syllable.endswith("i")
            and len(syllable) > 1
        ):
            stem = syllable[:-1]  # き+ょ → kyo, し+ょ → sho, ち+ゃ → cha, じ+ゅ → ju
            stem = stem if stem in ("sh", "ch", "j") else stem + "y"
            syllable = stem + _SMALL_Y[nxt]
            i += 1
        i += 1
        if syllable is None:
            if char == "ー" and out:
                continue  # a long vowel mark: written once
            continue
        if double:
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
            double = False
        out.append(syllable)
    text = "".join(out)
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u")):
        text = text.replace(long, short)
    return text


def kana_stem(name: str, kana: str) -> str:
    """A government's reading in hiragana without the reading of its suffix: 鹿島市 かしまし →
    かしま (the form a plan's brand name may take: 「かしまデジタル変革戦略」)."""
    reading = _hiragana(kana)
    for suffix, readings in _SUFFIXES.items():
        if name.endswith(suffix):
            for ending in readings:
                if reading.endswith(ending) and len(reading) > len(ending):
                    return reading[: -len(ending)]
            break
    return reading


def slug(name: str, kana: str) -> str:
    """The file-name part for a government: its reading without the suffix, in romaji."""
    return to_romaji(kana_stem(name, kana)) or "plan"
