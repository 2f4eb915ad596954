"""Governance: CIO, CIO補佐官 and outside expertise, the 推進本部 and its head, working groups.
Read from the plan's own and background text (never from a description of the national plan)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from dxcheck.draft.classify import Role
from dxcheck.draft.evidence import Evidence, evidence, pieces
from dxcheck.draft.lexicon import drop_wide_spaces, normalise
from dxcheck.draft.outline import Section, Unit

_POST = re.compile(r"副?(?:市|町|村|区)長|副知事|知事|[一-龥ァ-ヶA-Za-z]{1,8}(?:部長|局長|監|課長)")
_CIO = re.compile(r"(?<![A-Za-z])CIO(?!補佐)|最高情報(?:統括)?責任者")
_DEPUTY = re.compile(r"CIO補佐官|CIO補佐|最高情報(?:統括)?責任者補佐官")
_EXPERT = re.compile(
    r"地域情報化アドバイザー|DXアドバイザー|デジタルアドバイザー|外部専門人材|外部人材|専門人材|アドバイザー"
)
_EXPERT_VERB = re.compile(r"活用|任用|登用|招へい|招聘|委嘱|配置|派遣|確保")
_HQ = re.compile(r"推進本部")
_WG = re.compile(
    r"ワーキンググループ|ワーキング・グループ|プロジェクトチーム|検討委員会|推進委員会|作業部会|専門部会|推進チーム|推進会議|(?<![A-Za-z])WG(?![A-Za-z])"
)
_NAME_STOP = re.compile(r"[\s、。,，:：「」『』<>＜＞#■□●○◆◇▲△▼▽☆★※\u3041-\u3093]")
_ORDINAL = re.compile(r"^(?:(?:令和|平成)?[0-9元]{1,4}年度?|第[0-9]{1,3}回)+")
_HEAD = re.compile(r"本部長|トップ|リーダー|議長|委員長")


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
        for m in _POST.finditer(text)
        if not m.group(0).endswith("本部長")
    ]
    return min(posts)[1] if posts else None


def find_governance(root: Section, roles: dict[int, Role]) -> GovernanceFound:
    found = GovernanceFound()
    texts = _texts(root, roles)
    for section, unit, piece in texts:
        flat = normalise(piece).upper().replace("ＣＩＯ", "CIO")
        text = _flat(piece)
        deputy = _DEPUTY.search(text)
        if deputy and found.deputy is None:
            holder = "外部人材" if "外部" in text else deputy.group(0)
            cue = f"keyword {deputy.group(0)}"
            found.deputy = Post(holder, evidence(section, unit, piece, cue))
        cio = _CIO.search(text)
        if cio and found.cio is None and "CIO" in flat.replace("CIO補佐", ""):
            post = _nearest_post(text, cio.start())
            if post:
                cue = f"keyword {cio.group(0)} + 職名 {post}"
                found.cio = Post(post, evidence(section, unit, piece, cue))
        expert = _EXPERT.search(text)
        if expert and _EXPERT_VERB.search(text):
            role = expert.group(0)
            if all(e.holder != role for e in found.experts):
                cue = f"keyword {role}"
                found.experts.append(Post(role, evidence(section, unit, piece, cue)))
        hq = _HQ.search(text)
        if hq and found.headquarters is None and _name_before(text, hq.end()):
            name = _name_before(text, hq.end())
            head = _head_of(text)
            found.headquarters = Body(name, head, evidence(section, unit, piece, f"名称 {name}"))
        elif (
            found.headquarters is not None
            and found.headquarters.head is None
            and found.headquarters.name in text
            and _HEAD.search(text)
        ):
            found.headquarters.head = _head_of(text)
        for wg in _WG.finditer(text):
            name = _name_before(text, wg.end())
            if len(name) >= 4 and all(name not in g.name for g in found.groups):
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
    match = _HEAD.search(text)
    return _nearest_post(text, match.start()) if match else None


def _flat(text: str) -> str:
    """NFKC without the spaces PDFs put next to Japanese characters."""
    return drop_wide_spaces(unicodedata.normalize("NFKC", text))
