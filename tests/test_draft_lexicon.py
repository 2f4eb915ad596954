"""dxcheck.draft.lexicon and classify: national items from the catalog's keywords and the
synonyms data, commitment from the wording, and section roles from the heading cues."""

from __future__ import annotations

import pytest
import yaml

from dxcheck.catalog import available_versions, load_catalog
from dxcheck.draft.classify import role_of
from dxcheck.draft.extract import Line
from dxcheck.draft.lexicon import commitment_of, find_items
from dxcheck.draft.outline import build


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("書かない窓口を導入する", "frontyard"),
        ("ガバメントクラウドへ移行する", "standardization"),
        ("個人番号カードの交付を促進する", "mynumber_card"),
        ("リモートワークの環境を整える", "telework"),
        ("ＡＩ－ＯＣＲを活用する", "ai_rpa"),  # full-width, NFKC
        ("デジタル・デバイド対策", "digital_divide"),
        ("ｅＬＴＡＸによる公金収納", "public_payment_eltax"),
    ],
)
def test_synonyms_plans_use_name_the_national_item(text: str, item: str) -> None:
    assert item in find_items(text)


def test_ascii_keywords_must_stand_as_words() -> None:
    assert "ai_rpa" not in find_items("MAILで連絡する")
    assert "ai_rpa" in find_items("AIを活用する")


def test_too_general_catalog_keywords_do_not_name_an_item() -> None:
    assert find_items("研修を行う") == {}
    assert "mynumber_card" not in find_items("証明書を交付する")


def test_every_synonym_names_a_catalog_item() -> None:
    from importlib import resources

    data = yaml.safe_load(
        (resources.files("dxcheck.catalog") / "data" / "synonyms.yaml").read_text("utf-8")
    )
    ids = {item.id for item in load_catalog().items}
    assert set(data["synonyms"]) <= ids
    assert set(data["generic"]) <= ids


def test_the_synonyms_file_is_not_taken_for_a_catalog_version() -> None:
    assert "synonyms" not in available_versions()


@pytest.mark.parametrize(
    ("sentence", "commitment"),
    [
        ("標準準拠システムへ移行する。", "implement"),
        ("AIの積極的な導入を検討する。", "consider"),
        ("三層の対策の見直しの検討、国の対策に応じた適切な対策を実施する。", "implement"),
        ("公開手法について検討を進めていく。", "consider"),
        ("スマホ教室を引き続き開催します。", "continue"),
        ("スマホ教室を継続します。", "continue"),
        ("テレワークが広がった。", None),
    ],
)
def test_commitment_comes_from_the_predicate(sentence: str, commitment: str | None) -> None:
    assert commitment_of(sentence) == commitment


@pytest.mark.parametrize(
    ("headings", "role"),
    [
        (["第1章 計画策定の趣旨", "1 計画期間"], "background"),
        (["第2章 DXをめぐる国の動向", "1 重点取組事項"], "external"),
        (["第4章 課題と取組事項", "3 取組事項"], "own"),
        (["第4章 課題と取組事項", "1 本町の課題"], "background"),
        (["2 基本方針策定の背景"], "background"),
        (["第3章 取組", "1. 書かない窓口"], "own"),
        (["第5章 資料", "用語解説"], "ignore"),
        (["第2章 本市を取り巻く環境", "3 社会環境の変化"], "background"),
        (["第2章 デジタル化の課題と対応"], "own"),
        (["第2章 総務省「自治体DX推進計画」の概要"], "external"),
    ],
)
def test_section_roles_follow_the_heading_cues(headings: list[str], role: str) -> None:
    root = build([Line(h) for h in headings])
    leaf = root.walk()[-1]
    assert role_of(leaf) == role


def test_every_item_with_synonyms_says_why() -> None:
    """The synonyms are data a reviewer can question: each item's phrases come with the reason
    they name that item."""
    from importlib import resources

    import yaml

    text = (resources.files("dxcheck.catalog") / "data" / "synonyms.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert set(data["synonyms"]) <= set(data["reasons"])
    assert all(len(data["reasons"][item]) > 10 for item in data["synonyms"])
