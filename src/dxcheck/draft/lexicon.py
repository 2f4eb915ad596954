"""The drafting vocabulary, all of it data: the catalog's keywords with the synonyms plans use
(``catalog/data/synonyms.yaml``), the wordings plans use for the items (verb forms, local names
of bodies, ``draft/data/wordings.yaml``), and the section, commitment and governance cues
(``draft/data/cues.yaml``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml

_SPACES = re.compile(r"\s+")


def _next_to_wide(match: re.Match[str]) -> bool:
    text, start, end = match.string, match.start(), match.end()
    return (start > 0 and not text[start - 1].isascii()) or (
        end < len(text) and not text[end].isascii()
    )


def drop_wide_spaces(text: str) -> str:
    """Without the runs of spaces next to a non-ASCII character (PDFs put them between
    Japanese characters). One match per whole run, so the pass is linear however long the run
    (a lookahead after ``\\s+`` retries the run from each of its spaces: quadratic)."""
    return _SPACES.sub(lambda m: "" if _next_to_wide(m) else m.group(), text)


def normalise(text: str) -> str:
    """Text for matching: NFKC, ASCII lower-case, no spaces next to Japanese characters, other
    runs of spaces as one (quotes always keep the original text)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _SPACES.sub(lambda m: "" if _next_to_wide(m) else " ", text).strip()


@dataclass(frozen=True, slots=True)
class Phrase:
    item: str
    text: str  # as written in the data
    norm: str
    pattern: re.Pattern[str] | None  # for ASCII phrases that must stand as whole words


@dataclass(frozen=True, slots=True)
class Cues:
    external: tuple[str, ...]
    background: tuple[str, ...]
    ignore: tuple[str, ...]
    consider: tuple[str, ...]
    continue_: tuple[str, ...]
    implement: tuple[str, ...]
    measures: tuple[str, ...]
    period: tuple[str, ...]
    others: tuple[str, ...]
    vision: tuple[str, ...] = ()
    measure_units: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    vision_titles: tuple[str, ...] = ()
    background_clause: tuple[str, ...] = ()
    measure_lists: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GovernanceWords:
    """The words of 推進体制 (cues.yaml ``governance``), as alternations ready to compile."""

    posts: tuple[str, ...]
    cio: tuple[str, ...]
    deputy: tuple[str, ...]
    experts: tuple[str, ...]
    expert_verbs: tuple[str, ...]
    headquarters: tuple[str, ...]
    chief_bodies: tuple[str, ...]
    groups: tuple[str, ...]
    heads: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TableWords:
    """The words of KPI and measure tables (cues.yaml ``tables``)."""

    kpi_heads: tuple[str, ...]
    baseline_heads: tuple[str, ...]
    target_heads: tuple[str, ...]
    baseline_values: tuple[str, ...]
    target_values: tuple[str, ...]
    measure_heads: tuple[str, ...]
    inline_labels: tuple[str, ...]
    value_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FactWords:
    """The words of the facts (cues.yaml ``facts``)."""

    online: tuple[str, ...]
    procedure_words: tuple[str, ...]
    cloud: tuple[str, ...]
    specific: tuple[str, ...]
    mynaportal: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Wording:
    item: str
    pattern: re.Pattern[str]
    why: str


@dataclass(frozen=True, slots=True)
class Wordings:
    """wordings.yaml: the items' wordings, the grammar of ``uses`` and of other bodies."""

    items: tuple[Wording, ...]
    means: re.Pattern[str]
    own_work: dict[str, tuple[str, ...]]
    community: dict[str, tuple[str, ...]]
    others: re.Pattern[str]
    external: re.Pattern[str]


def _load(package: str, name: str) -> Any:
    text = (resources.files(package) / "data" / name).read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def cues() -> Cues:
    data = _load("dxcheck.draft", "cues.yaml")

    def words(*keys: str) -> tuple[str, ...]:
        node = data
        for key in keys:
            node = node[key]
        return tuple(normalise(str(w)) for w in node)

    return Cues(
        words("external"),
        words("background"),
        words("ignore"),
        words("commitment", "consider"),
        words("commitment", "continue"),
        words("commitment", "implement"),
        words("measures"),
        words("period"),
        words("others_subjects"),
        words("vision"),
        words("measure_units"),
        words("commitment", "context"),
        words("vision_titles"),
        tuple(str(w) for w in data["commitment"]["background_clause"]),
        words("measure_lists"),
    )


@cache
def governance_words() -> GovernanceWords:
    data = _load("dxcheck.draft", "cues.yaml")["governance"]
    return GovernanceWords(*(tuple(str(w) for w in data[f.name]) for f in fields(GovernanceWords)))


@cache
def table_words() -> TableWords:
    data = _load("dxcheck.draft", "cues.yaml")["tables"]
    return TableWords(*(tuple(str(w) for w in data[f.name]) for f in fields(TableWords)))


@cache
def fact_words() -> FactWords:
    data = _load("dxcheck.draft", "cues.yaml")["facts"]
    return FactWords(*(tuple(str(w) for w in data[f.name]) for f in fields(FactWords)))


def alternation(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def wordings() -> Wordings:
    """wordings.yaml, compiled; a broken entry raises ValueError naming it."""
    from dxcheck.codes import prefectures

    data = _load("dxcheck.draft", "wordings.yaml")
    items: list[Wording] = []
    for item, entries in (data.get("items") or {}).items():
        for index, entry in enumerate(entries):
            try:
                pattern = re.compile(str(entry["re"]))
                why = str(entry["why"])
            except (KeyError, TypeError, re.error) as exc:
                raise ValueError(f"wordings.yaml: items.{item}[{index}]: {exc}") from exc
            items.append(Wording(str(item), pattern, why))
    uses = data["uses"]
    bodies = data["others_subject"]["bodies"]
    names = tuple(normalise(p.name) for p in prefectures())
    body = alternation((*names, *(normalise(str(b)) for b in bodies)))
    marks = alternation(tuple(str(m) for m in data["others_subject"]["marks"]))
    # the subject: after at most one leading clause (このような中、令和2年12月に、), not 本県・全国
    others = re.compile(
        rf"^(?:[^、。]{{0,20}}、)?[^、。]{{0,12}}?(?<![本当我全各中四])(?P<body>{body})」?"
        rf"(?:[(（][^()（）]{{0,30}}[)）])?(?:{marks})"
    )
    words = alternation(tuple(str(w) for w in data["external_heading"]["words"]))
    external = re.compile(rf"(?<![本当我全各中四])(?:{body})の[^。]{{0,12}}?(?:{words})")
    return Wordings(
        tuple(items),
        re.compile(str(uses["means"])),
        {k: tuple(normalise(str(w)) for w in v) for k, v in (uses.get("own_work") or {}).items()},
        {k: tuple(normalise(str(w)) for w in v) for k, v in (uses.get("community") or {}).items()},
        others,
        external,
    )


@cache
def phrases(version: str | None = None) -> tuple[Phrase, ...]:
    """Every phrase that names a national item: the catalog's keywords and the synonyms, less
    the catalog keywords listed as too general; longest first."""
    from dxcheck.catalog import load_catalog

    catalog = load_catalog(version)
    data = _load("dxcheck.catalog", "synonyms.yaml")
    synonyms: dict[str, list[str]] = data.get("synonyms") or {}
    generic: dict[str, list[str]] = data.get("generic") or {}
    out: dict[tuple[str, str], Phrase] = {}
    for item in catalog.items:
        skip = {normalise(w) for w in generic.get(item.id, [])}
        for word in (*item.keywords, *synonyms.get(item.id, [])):
            norm = normalise(str(word))
            if norm and norm not in skip:
                out[(item.id, norm)] = Phrase(item.id, str(word), norm, _compile(norm))
    return tuple(sorted(out.values(), key=lambda p: -len(p.norm)))


@cache
def core_business_aliases() -> dict[str, str]:
    """Other printed names of the 基幹業務 → the catalog's name."""
    data = _load("dxcheck.catalog", "synonyms.yaml")
    return {str(k): str(v) for k, v in (data.get("core_business_aliases") or {}).items()}


def _compile(norm: str) -> re.Pattern[str] | None:
    escaped = re.escape(norm)
    bounded = False
    if norm[:1].isascii() and norm[:1].isalnum():
        escaped, bounded = r"(?<![a-z0-9])" + escaped, True
    if norm[-1:].isascii() and norm[-1:].isalnum():
        escaped, bounded = escaped + r"(?![a-z0-9])", True
    return re.compile(escaped) if bounded else None


def find_items(text: str) -> dict[str, str]:
    """National items named in ``text``: item id → the phrase (as in the data) that named it,
    or the words a wording of wordings.yaml matched."""
    return {item: phrase for item, (phrase, _) in find_spans(text).items()}


def find_spans(text: str) -> dict[str, tuple[str, int]]:
    """Like :func:`find_items`, with where (in the normalised text) the phrase ends."""
    norm = normalise(text)
    found: dict[str, tuple[str, int]] = {}
    for phrase in phrases():
        if phrase.item in found or phrase.norm not in norm:
            continue
        if phrase.pattern is None:
            found[phrase.item] = (phrase.text, norm.find(phrase.norm) + len(phrase.norm))
        elif match := phrase.pattern.search(norm):
            found[phrase.item] = (phrase.text, match.end())
    for wording in wordings().items:
        if wording.item not in found and (match := wording.pattern.search(norm)):
            found[wording.item] = (_as_written(text, match.group(0)), match.end())
    return found


def _as_written(text: str, norm: str) -> str:
    """The words of ``text`` (NFKC) that normalise to ``norm``: 「DX推進係」 for dx推進係."""
    pattern = r"\s*".join(re.escape(ch) for ch in norm)
    found = re.search(pattern, unicodedata.normalize("NFKC", text), re.IGNORECASE)
    return _SPACES.sub("", found.group(0)) if found else norm  # one word in a cue line


K = TypeVar("K", bound=str)


def last_cue(text: str, kinds: tuple[tuple[K, tuple[str, ...]], ...]) -> K | None:
    """The kind of the cue that ends last in ``text`` (normalised); the longer cue, then the
    earlier kind, on a tie. The head of a Japanese phrase comes last: 課題と取組事項 is about
    measures, …導入を検討する is considered, …の検討、…を実施する is implemented."""
    best: tuple[int, int, K] | None = None
    for kind, words in kinds:
        for word in words:
            at = text.rfind(word)
            if at >= 0:
                key = (at + len(word), len(word), kind)
                if best is None or key[:2] > best[:2]:
                    best = key
    return best[2] if best else None


def commitment_of(text: str) -> str | None:
    """implement / consider / continue from the wording; context when the predicate reports
    (求められています, 示されました, 推進してきました); None when no cue is present."""
    norm = normalise(text)
    c = cues()
    # The predicate comes last in a Japanese sentence: the cue that ends last decides.
    # 継続して・引き続き qualify the predicate: what is not only considered continues.
    found = last_cue(
        norm, (("context", c.context), ("consider", c.consider), ("implement", c.implement))
    )
    if found in ("consider", "context"):
        return found
    if any(w in norm for w in c.continue_):
        return "continue"
    return found


# What may follow the predicate's cue at the end of a sentence: verb endings only
# (していきます, することとしています, しを行います), never another noun (…育成基本方針について).
_TAIL = re.compile(r"^[\u3041-\u309f行図]{0,12}$")
# What may follow the cue at the end of a clause that goes on: a joining verb form
# (…研修を実施しており、…), not a list (…の育成や、).
_CONJUNCTIVE = re.compile(r"^(?:し|して|しており|しつつ|しながら|するとともに|するほか|り|ており)$")


def _last_cue_end(norm: str, not_before: int = 0) -> int | None:
    """Where the commitment cue (any kind) that ends last in ``norm`` ends; only cues that end
    at ``not_before`` or later count."""
    c = cues()
    best: tuple[int, int] | None = None
    for words in (c.context, c.consider, c.implement):
        for word in words:
            at = norm.rfind(word)
            if at >= 0 and at + len(word) >= not_before:
                key = (at + len(word), len(word))
                best = key if best is None or key > best else best
    return best[0] if best else None


def clause_commitment(text: str, end: int) -> str | None:
    """The commitment of the clause that names an item ending at ``end`` (normalised text):
    the clause runs to the next 、 and must end in a verb that joins the next clause."""
    norm = normalise(text)
    stop = min((i for i in (norm.find("、", end), norm.find("。", end)) if i >= 0), default=-1)
    if stop < 0:
        return None
    clause = norm[:stop]
    cue_end = _last_cue_end(clause, end)
    if cue_end is None or not _CONJUNCTIVE.match(clause[cue_end:]):
        return None
    return commitment_of(clause)


def predicate_commitment(text: str) -> str | None:
    """The commitment of a sentence read from its predicate only: the cue that ends last must
    end the sentence (…を推進します, …の導入を検討しています, a list line …の推進), not stand in a
    clause before it (…が整備されていなかったことが明らかになりました → None)."""
    norm = normalise(text).rstrip("。．.、)）」』| ")
    cue_end = _last_cue_end(norm)
    if cue_end is None or not _TAIL.match(norm[cue_end:]):
        return None
    return commitment_of(text)


def has_any(text: str, words: tuple[str, ...]) -> bool:
    norm = normalise(text)
    return any(w in norm for w in words)


_LEAD = re.compile(r"^[\s　・●○■□◆◇※\-－―(（「『]*(?:また|さらに|なお|一方)?[、,]?")


def others_subject(sentence: str, author: str | None = None) -> bool:
    """True when the sentence's subject is another body (国は…, 県では…, このような中、総務省
    からは…, 国も…, 〇〇県では…, 「自治体DX推進計画」では…). For a prefecture's own plan
    (``author`` 群馬県), 県では and 群馬県では are the author, not another body."""
    head = _LEAD.sub("", normalise(sentence))
    own = _own_names(author)
    listed = next((w for w in cues().others if head.startswith(w)), None)
    if listed is not None and not (own and listed.startswith(own)):
        return True
    match = wordings().others.match(head)
    return match is not None and match.group("body") not in own


def _own_names(author: str | None) -> tuple[str, ...]:
    """The names by which a prefecture's plan calls itself (群馬県 → 群馬県, 県)."""
    if not author or not author.endswith(("都", "道", "府", "県")):
        return ()
    return (normalise(author), author[-1])


def external_heading(title: str) -> bool:
    """A heading about another body's plan or situation (cues.yaml ``external``, or a body's
    name + の + 動向・計画・取組 … as in wordings.yaml)."""
    norm = normalise(title)
    return any(w in norm for w in cues().external) or wordings().external.search(norm) is not None
