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

from dxcheck.draft.lexicon import (
    commitment_of,
    cues,
    external_heading,
    has_any,
    last_cue,
    normalise,
    others_subject,
)
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
    if any(external_heading(t) for t in titles):
        return "external"
    chain = [*section.ancestors(), section] if section.heading is not None else []
    kinds: tuple[tuple[Role, tuple[str, ...]], ...] = (
        ("own", c.measures),
        ("background", c.background),
    )
    for node in reversed(chain):
        if node.scheme == "word":
            return "own"  # 基本目標１ / 施策２ …: the label itself names the plan's structure
        role = last_cue(normalise(node.title), kinds)
        if role is not None:
            return role
    return "own"


def roles(root: Section) -> dict[int, Role]:
    """Every section's role, by ``id(section)``. A list of numbered headings that a page
    introduces as someone else's (「国の重点取組事項」 / ①… ②…) is external too."""
    out = {id(section): role_of(section) for section in root.walk()}
    for section in _introduced_as_external(root):
        for node in section.walk():
            if out[id(node)] == "own":
                out[id(node)] = "external"
    return out


def _introduced_as_external(root: Section) -> list[Section]:
    """The first run of numbered headings of one scheme right after text without a heading,
    when that text's last line introduces them as another body's (国の重点取組事項, 自治体DX推進
    計画では次の事項が示されています)."""
    if not root.units or not root.children:
        return []
    intro = root.units[-1].text
    if not (external_heading(intro) or others_subject(intro) or commitment_of(intro) == "context"):
        return []
    first = root.children[0].scheme
    run: list[Section] = []
    for child in root.children:
        if child.scheme != first:
            break
        run.append(child)
    return run
