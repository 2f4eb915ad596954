"""The plan's title as written, its kind and its status, from the first lines of a document or
web page.

Candidates come from three places: a line of the cover (a heading, the page's first line),
cleaned of what web pages put around a title (a breadcrumb, 「総合トップ」, 【パブリックコメント】,
「…について」, 「…を策定しました」, 「…の見直し(令和6年度)」); a name in 「」 that ends with a
document word (計画, 方針, ビジョン, 戦略, 構想, プラン, ガイドライン, 指針); and a name that starts
with the body's own name (加西市DX推進計画を…策定しました). A sentence, a numbered section heading
(1 計画改定の趣旨), a fragment and the national plan's or a 総合計画's name are never titles.
Each candidate is scored (first line, adopted here 「…」を策定しました, the body's name in it,
how often it is repeated); a period written at the end of the title (…方針(令和7年度から令和9年度))
is the period's, not the title's. The words (page furniture, page phrases, other documents'
names) are data: draft/data/title_cues.yaml."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from dxcheck.draft.daterange import ranges
from dxcheck.draft.outline import heading_of

KIND_WORD = r"(?:計画|方針|ビジョン|戦略|構想|プラン|ガイドライン|指針)"
_TAIL = (
    r"(?:(?:[(（【\[〔][^()（）【】\[\]〔〕「」]{1,24}[)）】\]〕]|~[^~]{1,30}~|～[^～]{1,30}～"
    r"|改定版|改訂版|概要版|[0-9]{4}))*"
)
_NAMED = re.compile(rf"^(?P<name>.*?{KIND_WORD}{_TAIL}(?:の策定について)?{_TAIL})$")
_QUOTE = re.compile(r"[「『]([^「」『』]{3,60})[」』]")
_DATE_NOTE = (
    r"[(（]\s*(?:令和|平成|[0-9]{4})[0-9元\s]*(?:\([0-9]{4}\))?\s*年(?:度|[0-9\s]+月(?:[0-9\s]+日)?)?"
    r"\s*(?:策定|改定|更新|公表|発行|時点)?\s*[)）]"
)  # (令和6年3月策定) / (令和6年度) after a page heading: a date note, not the name
_PERIOD_TAIL = re.compile(
    r"\s*[(（](?:[^()（）:：]{0,8}[:：])?\s*(?:令和|平成|R|H|[0-9]{4})[^()（）]*"
    r"(?:年度|年|~|～|〜|から)[^()（）]*[)）]\s*$"
)


@dataclass(frozen=True, slots=True)
class _Words:
    prefixes: re.Pattern[str]
    suffixes: re.Pattern[str]
    others: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))


@cache
def _words() -> _Words:
    """The title vocabulary of draft/data/title_cues.yaml as patterns."""
    text = (resources.files("dxcheck.draft") / "data" / "title_cues.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    closed = _alternation(data["closed_notes"]["words"])
    prefixes = re.compile(
        rf"^(?:\s|{_alternation(data['page_prefixes']['words'])}|[■□●○◆◇▼▲・>]|【[^】]{{1,12}}】"
        rf"|[(（](?:{closed})[)）])+"
    )
    suffixes = re.compile(
        rf"(?:(?<!の策定)について|{_alternation(data['page_suffixes']['words'])}|の策定(?!に)"
        rf"|とは[!?！？]*|に係る.*|に関する意見.*|パブリック.*|{_DATE_NOTE})\s*$"
    )
    others = data["other_documents"]
    pattern = rf"^(?:{_alternation(others['starts'])})|{_alternation(others['contains'])}"
    return _Words(prefixes, suffixes, re.compile(pattern))


_SENTENCE = re.compile(r"[。、,]|(?:ます|ました|です|でした|する|した|ください)$")
_ADOPTED_AFTER = re.compile(
    r"^[\s」』]*(?:\([^)]{0,30}\))?\s*(?:を|は)?\s*(?:新たに|全面的に)?\s*(?:策定|改定|定め|作成)"
)
_EARLIER_BEFORE = re.compile(r"(?:これまで|前回|前の|第1期|第一期|従来|旧)[^。]{0,6}$")


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    unit_index: int  # the cover unit it came from
    score: int


# A title (with a breadcrumb or a site name around it) is never longer than MAX_TITLE; a cover
# line that names the plan in 「」 is a short paragraph at most. Longer lines are not read for a
# title: the cleaning regexes would be tried at every position of, say, 60,000 spaces.
MAX_TITLE = 300
MAX_LINE = 2_000


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def clean_line(text: str) -> str:
    """A cover line without what a web page puts around the title."""
    text = re.sub(r"\*\*|^#+\s*", "", text).strip()
    if re.fullmatch(r"(?:\S[ 　]+){3,}\S", text):  # 大 和 町 Ｄ Ｘ 推 進 計 画: letter-spaced
        text = re.sub(r"[ 　]+", "", text)
    # 〇〇市DX推進計画 - 〇〇市ホームページ / …｜〇〇町: the site's name after the page's
    text = re.sub(
        r"\s*[|｜]\s*[^|｜]*$|\s+[-－–]\s+[^-－–]*(?:ホームページ|公式|サイト)[^-－–]*$", "", text
    )
    parts = re.split(r"\s*[>＞›»]\s*", text)
    if len(parts) >= 3:  # a breadcrumb: トップ > 組織でさがす > … > the page
        text = parts[-1]
    previous = None
    while previous != text:
        previous = text
        text = _words().prefixes.sub("", text).strip()
        quoted = re.fullmatch(r"[「『]([^「」『』]+)[」』](.*)", text)
        if quoted and re.search(KIND_WORD, quoted.group(1)):
            text = quoted.group(1)
        text = _words().suffixes.sub("", text).strip()
    return text


def strip_period(title: str) -> str:
    """…方針(令和7年度から令和9年度) → …方針: the period belongs to the period field (a bracket
    that holds more than a period, such as (令和6年度改定版), stays)."""
    match = _PERIOD_TAIL.search(title)
    if match is None:
        return title
    inside = unicodedata.normalize("NFKC", match.group(0)).strip(" ()（）")
    found = ranges(inside)
    if not found:
        return title
    rest = inside[: found[0].start] + inside[found[0].end :]
    if len(re.sub(r"[\s:：]|(?:取組|計画|対象|推進|実施)?期間", "", rest)) > 2:
        return title
    return title[: match.start()].strip()


def plausible(name: str) -> bool:
    """A name a document could bear: ends with a document word (and a mark such as (案)), not a
    sentence, not a numbered section heading, not a fragment, not another body's plan."""
    subtitled = re.fullmatch(rf"[^~]+~[^~]*{KIND_WORD}[^~]*~", name)  # 愛称~〇〇市DX戦略~
    if not 4 <= len(name) <= 60 or not (_NAMED.match(name) or subtitled):
        return False
    if _SENTENCE.search(name) or _words().others.search(squash(name)):
        return False
    bare = re.sub(r"^[(（]仮称[)）]\s*", "", name)  # （仮称）〇〇市DX推進計画 is a name
    if bare[:1] in tuple("()（）」』、・") or bare.startswith(("本", "この", "当", "同")):
        return False
    if name.count("(") != name.count(")") or name.count("（") != name.count("）"):
        return False
    found = heading_of(name)
    return found is None or not found[1]  # not 1 計画改定の趣旨 / 第2章 …


def generic(name: str) -> bool:
    """DX推進計画 with no body's or plan's own name: a title only when nothing better is written."""
    return bool(
        re.fullmatch(rf"(?:DX|ICT|デジタル|情報化)?(?:推進)?(?:基本)?{KIND_WORD}", squash(name))
    )


def candidates(lines: list[str], own_names: list[str]) -> list[Title]:
    """Every plausible title in the cover lines, scored."""
    joined = squash("\n".join(lines))
    out: dict[str, Title] = {}

    def add(name: str, index: int, points: int) -> None:
        name = strip_period(_words().suffixes.sub("", name.strip()).strip())
        if not plausible(name):
            return
        key = squash(name)
        points += min(3, joined.count(key) - 1) if joined.count(key) > 1 else 0
        if any(n in key for n in own_names):
            points += 2
        if generic(name):
            points -= 4  # DX推進計画 alone: only when nothing else names the plan
        if key.startswith(("第2", "第3", "第二", "第三")) or "改定版" in key:
            points += 1  # the newer edition named in full
        old = out.get(key)
        if old is None or old.score < points:
            out[key] = Title(name, index if old is None else min(index, old.unit_index), points)

    for index, line in enumerate(lines):
        if len(line) > MAX_LINE:
            continue  # a paragraph or a hostile run of one character, not a cover line
        cleaned = clean_line(line) if len(line) <= MAX_TITLE else ""
        if cleaned and not _SENTENCE.search(cleaned):
            add(cleaned, index, 4 if index == 0 else 3 if index <= 2 else 1)
        for match in _QUOTE.finditer(line):
            before = line[: match.start()]
            after = unicodedata.normalize("NFKC", line[match.end() :])
            if re.search(r"(?:国|政府|総務省|県)(?:は|が|の|において)?[^。]{0,4}$", before):
                continue
            points = 1
            if _ADOPTED_AFTER.match(after):
                points += 3
                if re.search(r"(?:改定し|新たな|新たに|新しい|新規に)[^。]{0,4}$", before):
                    points += 1  # the new plan that replaces an earlier one
            if _EARLIER_BEFORE.search(before) or re.match(
                r"^[」』]?\s*(?:が|は)[^。]{0,20}終了", after
            ):
                points -= 3
            add(match.group(1), index, points)
        for own in own_names:
            pattern = (
                rf"(?:第[0-9一二三四五]+[期次])?{re.escape(own)}[^\s、。「」『』]{{0,40}}?"
                rf"{KIND_WORD}{_TAIL}"
            )
            for match in re.finditer(pattern, unicodedata.normalize("NFKC", line)):
                add(match.group(0), index, 1)
    ranked = sorted(out.values(), key=lambda t: (-t.score, t.unit_index))
    # The more specific name wins over a name it contains: the page's heading 「…計画【概要版】」,
    # 「…計画(案)」, 「…策定方針」, 「第2次…計画改定版」 over the bare 「…計画」 the text repeats.
    best = ranked[0] if ranked else None
    for other in ranked[1:]:
        assert best is not None
        inner, outer = squash(best.text), squash(other.text)
        drafted = bool(
            re.search(r"[(（【](?:素案|原案|案)[)）】]|素案|原案", outer)
        ) and not re.search(r"[(（【](?:素案|原案|案)[)）】]|素案|原案", inner)
        if (
            inner != outer
            and inner in outer
            and (other.unit_index <= 2 or (other.score >= 3 and not drafted))
        ):
            best = other
    return [best, *[t for t in ranked if t is not best]] if best else []


def kind_of(title: str, cover: str, line: str = "") -> str:
    """plan / policy / vision / summary / proposal / other from the title's last document word
    and, for a proposal, the page around it (a plan still being drafted, a public comment)."""
    if re.search(r"概要版|【概要】|\(概要\)|（概要）", title):
        return "summary"
    if is_proposal(title, cover, line):
        return "proposal"
    if re.search(r"の?策定(?:の)?経過|の?策定状況", squash(line)):
        return "other"  # a page on how the plan was drafted (会議の日付), not the plan
    words = re.findall(KIND_WORD, title)
    last = words[-1] if words else ""
    if last in ("ビジョン", "構想"):
        return "vision"
    if last in ("方針", "ガイドライン", "指針"):
        return "policy"
    if last in ("計画", "戦略", "プラン"):
        return "plan"
    return "other"


def is_proposal(title: str, cover: str, line: str = "") -> bool:
    """策定方針 (how a plan will be drafted), 提案, or a page about a plan still being drafted: a
    public comment on its 案, or a heading (``line``) that says 「…を策定します」."""
    norm = squash(title)
    if re.search(r"を策定します$|策定に向けて$|を策定する$", squash(line)):
        return True
    if re.search(r"策定方針|提案|策定予定|骨子|の策定について$", norm):
        return True
    text = squash(cover)
    if "提案" in text and not re.search(KIND_WORD, norm.replace("提案", "")):
        return True
    drafted = bool(re.search(r"[(（【](?:素案|原案|案)[)）】]|素案|原案", norm))
    consulted = r"パブリック・?コメント|意見募集|意見公募|ご意見|意見を募集|意見の募集|意見を求め"
    return drafted and bool(re.search(consulted, text))


def status_of(title: str, kind: str) -> str:
    if re.search(r"[(（【]\s*(?:素)?案\s*[)）】]|素案|原案", title):
        return "draft"
    return "proposal" if kind == "proposal" else "adopted"
