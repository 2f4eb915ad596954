"""The drafting vocabulary, all of it data: the catalog's keywords with the synonyms plans use
(``catalog/data/synonyms.yaml``), and the section and commitment cues
(``draft/data/cues.yaml``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
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
    """National items named in ``text``: item id → the phrase (as in the data) that named it."""
    norm = normalise(text)
    found: dict[str, str] = {}
    for phrase in phrases():
        if phrase.item in found or phrase.norm not in norm:
            continue
        if phrase.pattern is None or phrase.pattern.search(norm):
            found[phrase.item] = phrase.text
    return found


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
    """implement / consider / continue from the wording, or None when no cue is present."""
    norm = normalise(text)
    c = cues()
    # The predicate comes last in a Japanese sentence: the cue that ends last decides.
    # 継続して・引き続き qualify the predicate: what is not only considered continues.
    found = last_cue(norm, (("consider", c.consider), ("implement", c.implement)))
    if found == "consider":
        return "consider"
    if any(w in norm for w in c.continue_):
        return "continue"
    return found


def has_any(text: str, words: tuple[str, ...]) -> bool:
    norm = normalise(text)
    return any(w in norm for w in words)


_LEAD = re.compile(r"^[\s　・●○■□◆◇※\-－―(（「『]*(?:また|さらに|なお|一方)?[、,]?")


def others_subject(sentence: str) -> bool:
    """True when the sentence's subject is another body (国は…, 県では…)."""
    head = _LEAD.sub("", normalise(sentence))
    return head.startswith(cues().others)
