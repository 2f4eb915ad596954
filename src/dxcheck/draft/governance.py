"""Governance: CIO, CIO補佐官 and outside expertise, the 推進本部 and its head, working groups.
Read from the plan's own and background text (never from a description of the national plan)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace

from dxcheck.draft.classify import Role
from dxcheck.draft.evidence import Evidence, evidence, pieces
from dxcheck.draft.lexicon import alternation, drop_wide_spaces, governance_words, normalise
from dxcheck.draft.outline import Section, Unit


@cache
def _words() -> SimpleNamespace:
    """The governance regexes, built from the words in cues.yaml ``governance`` (the grammar —
    a post next to 長/トップ, a name back to the nearest particle — is here)."""
    g = governance_words()
    posts = alternation(g.posts)
    heads = alternation(g.heads)
    return SimpleNamespace(
        post=re.compile(rf"{posts}|[一-龥ァ-ヶA-Za-z]{{1,8}}(?:部長|局長|監|課長)"),
        cio=re.compile(rf"(?<![A-Za-z])(?:{alternation(g.cio)})(?!補佐)"),
        deputy=re.compile(alternation(g.deputy)),
        expert=re.compile(alternation(g.experts)),
        expert_verb=re.compile(alternation(g.expert_verbs)),
        hq=re.compile(alternation(g.headquarters)),
        wg=re.compile(
            "|".join(
                rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])" if w.isascii() else re.escape(w)
                for w in sorted(g.groups, key=len, reverse=True)
            )
        ),
        head=re.compile(heads),
        # 副市長を委員長とする「行政DX推進委員会」, 知事を本部長とした「DX推進本部」
        chief=re.compile(
            rf"(?P<post>{posts})を(?:{heads}|長)と(?:する|した|し)[、,]?"
            rf"(?P<name>「[^」]{{2,40}}」|[^、。「」\s]{{2,40}}?(?:{alternation(g.chief_bodies)}))"
        ),
    )


_NAME_STOP = re.compile(r"[\s、。,，:：「」『』<>＜＞#■□●○◆◇▲△▼▽☆★※\u3041-\u3093]")
_ORDINAL = re.compile(r"^(?:(?:令和|平成)?[0-9元]{1,4}年度?|第[0-9]{1,3}回)+")


@dataclass(slots=True)
class Post:
    holder: str
    evidence: Evidence


@dataclass(slots=True)
class Body:
    name: str
    head: str | None
    evidence: Evidence


@dataclass(slots=True)
class GovernanceFound:
    cio: Post | None = None
    deputy: Post | None = None
    experts: list[Post] = field(default_factory=list)
    headquarters: Body | None = None
    groups: list[Body] = field(default_factory=list)


def _texts(root: Section, roles: dict[int, Role]) -> list[tuple[Section, Unit, str]]:
    out: list[tuple[Section, Unit, str]] = []
    for section in root.walk():
        if section is not root and roles[id(section)] not in ("own", "background"):
            continue
        for unit in section.units:
            out.extend((section, unit, piece) for piece in pieces(unit))
    return out


def _nearest_post(text: str, at: int) -> str | None:
    posts = [
        (abs(m.start() - at), m.group(0))
        for m in _words().post.finditer(text)
        if not m.group(0).endswith("本部長")
    ]
    return min(posts)[1] if posts else None


def find_governance(root: Section, roles: dict[int, Role]) -> GovernanceFound:
    found = GovernanceFound()
    texts = _texts(root, roles)
    w = _words()
    for section, unit, piece in texts:
        flat = normalise(piece).upper().replace("ＣＩＯ", "CIO")
        text = _flat(piece)
        deputy = w.deputy.search(text)
        if deputy and found.deputy is None:
            holder = "外部人材" if "外部" in text else deputy.group(0)
            cue = f"keyword {deputy.group(0)}"
            found.deputy = Post(holder, evidence(section, unit, piece, cue))
        cio = w.cio.search(text)
        if cio and found.cio is None and "CIO" in flat.replace("CIO補佐", ""):
            post = _nearest_post(text, cio.start())
            if post:
                cue = f"keyword {cio.group(0)} + 職名 {post}"
                found.cio = Post(post, evidence(section, unit, piece, cue))
        expert = w.expert.search(text)
        if expert and w.expert_verb.search(text):
            role = expert.group(0)
            if all(e.holder != role for e in found.experts):
                cue = f"keyword {role}"
                found.experts.append(Post(role, evidence(section, unit, piece, cue)))
        hq = w.hq.search(text)
        chief = w.chief.search(text)
        if hq and found.headquarters is None and _name_before(text, hq.end()):
            name = _name_before(text, hq.end())
            head = _head_of(text)
            found.headquarters = Body(name, head, evidence(section, unit, piece, f"名称 {name}"))
        elif chief and found.headquarters is None:
            # a body headed by the chief is the headquarters under its own name
            name = _ORDINAL.sub("", chief.group("name").strip("「」"))
            cue = f"{chief.group('post')}を長とする {name}"
            found.headquarters = Body(
                name, chief.group("post"), evidence(section, unit, piece, cue)
            )
        elif (
            found.headquarters is not None
            and found.headquarters.head is None
            and found.headquarters.name in text
            and w.head.search(text)
        ):
            found.headquarters.head = _head_of(text)
        for wg in w.wg.finditer(text):
            name = _name_before(text, wg.end())
            hq_name = found.headquarters.name if found.headquarters else ""
            if len(name) >= 4 and name != hq_name and all(name not in g.name for g in found.groups):
                found.groups = [g for g in found.groups if g.name not in name]
                found.groups.append(
                    Body(name, None, evidence(section, unit, piece, f"名称 {name}"))
                )
    return found


def _name_before(text: str, end: int) -> str:
    """The proper name ending at ``end``: back to the nearest particle, punctuation or space
    (松島町デジタル・トランスフォーメーション(DX)推進本部), at most 40 characters."""
    start = end
    while start > 0 and end - start < 40 and not _NAME_STOP.match(text[start - 1]):
        start -= 1
    name = text[start:end].strip("・()（）")
    # 令和3年度第2回石巻市情報化推進本部 → 石巻市情報化推進本部
    return _ORDINAL.sub("", name)


def _head_of(text: str) -> str | None:
    match = _words().head.search(text)
    return _nearest_post(text, match.start()) if match else None


def _flat(text: str) -> str:
    """NFKC without the spaces PDFs put next to Japanese characters."""
    return drop_wide_spaces(unicodedata.normalize("NFKC", text))
