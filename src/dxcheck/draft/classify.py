"""Step 3: what each section is — the plan's own measures, background, or someone else's plan.

own         the municipality's measures: a national item there is an initiative
background  the document's introduction (趣旨, 背景, 現状と課題 …): items there are context,
            but the plan's period and governance may be stated there
external    a description of the national or prefectural plan (国の動向 …): items there are
            context, and periods or bodies there are not this plan's
ignore      glossary, interviews, member lists: nothing is read from there
"""

from __future__ import annotations

from typing import Literal

from dxcheck.draft.lexicon import cues, has_any, normalise
from dxcheck.draft.outline import Section

Role = Literal["own", "background", "external", "ignore"]


def role_of(section: Section) -> Role:
    """The role from the section's heading and its ancestors' headings, nearest first: a
    heading that names measures (取組, 施策 …) makes a section own even under a background
    chapter; an external or ignored ancestor always wins."""
    c = cues()
    titles = section.titles()
    if any(has_any(t, c.ignore) for t in titles):
        return "ignore"
    if any(has_any(t, c.external) for t in titles):
        return "external"
    chain = [*section.ancestors(), section] if section.heading is not None else []
    for node in reversed(chain):
        if node.scheme == "word":
            return "own"  # 基本目標１ / 施策２ …: the label itself names the plan's structure
        role = _last_cue(node.title, (("own", c.measures), ("background", c.background)))
        if role is not None:
            return role
    return "own"


def _last_cue(title: str, kinds: tuple[tuple[Role, tuple[str, ...]], ...]) -> Role | None:
    """The kind of the cue that ends last in the title: a Japanese heading's head noun comes
    last (課題と取組事項 is about measures, 基本方針策定の背景 is background)."""
    norm = normalise(title)
    best: tuple[int, int, Role] | None = None
    for role, words in kinds:
        for word in words:
            at = norm.rfind(word)
            if at >= 0:
                key = (at + len(word), len(word), role)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def roles(root: Section) -> dict[int, Role]:
    """Every section's role, by ``id(section)``."""
    return {id(section): role_of(section) for section in root.walk()}
