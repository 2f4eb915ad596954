"""National items in the municipality's own words (draft/data/wordings.yaml), the commitment
read from the municipality's own sentence, initiatives titled by the measure's own words,
``uses`` for an item used inside another measure, and quotes cut at sentence or clause
boundaries without footnote marks. Every text here is written for the test."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from dxcheck.catalog import load_catalog
from dxcheck.draft import draft_text
from dxcheck.draft.classify import role_of, roles
from dxcheck.draft.evidence import MAX_QUOTE, evidence, findable
from dxcheck.draft.extract import Line
from dxcheck.draft.governance import find_governance
from dxcheck.draft.initiatives import Drafted, find_initiatives
from dxcheck.draft.lexicon import commitment_of, find_items, others_subject, wordings
from dxcheck.draft.outline import Section, Unit, build
from dxcheck.engine.coverage import compute
from dxcheck.validate import validate_bytes


def draft_of(*lines: str) -> list[Drafted]:
    root = build([Line(text) for text in lines])
    return find_initiatives(root, roles(root))


def kinds(drafted: list[Drafted]) -> set[str]:
    return {d.commitment for d in drafted}


def commitments(drafted: list[Drafted]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d in drafted:
        for item in d.items:
            out.setdefault(item, set()).add(d.commitment)
        for item in d.uses:
            out.setdefault(item, set()).add("uses")
    return out


def coverage_of(text: str) -> dict[str, str]:
    """○/△/× per item of a drafted page, as `dxcheck check` computes it."""
    drafted = draft_text(text.encode("utf-8"), "page.txt")
    result = validate_bytes(drafted.encode("utf-8"), "page.yaml")
    assert result.plan is not None, [d.message_ja for d in result.diagnostics]
    return {k: v.status for k, v in compute(result.plan, load_catalog()).items()}


# --- the data file ---------------------------------------------------------------------


def test_every_wording_compiles_names_a_catalog_item_and_says_why() -> None:
    data = yaml.safe_load(
        (resources.files("dxcheck.draft") / "data" / "wordings.yaml").read_text("utf-8")
    )
    ids = {item.id for item in load_catalog().items}
    entries = [(item, e) for item, es in data["items"].items() for e in es]
    assert entries
    for item, entry in entries:
        assert item in ids, item
        assert len(str(entry["why"])) >= 8, entry  # a reason a reviewer can judge
    assert {w.item for w in wordings().items} <= ids
    assert set(data["uses"]["own_work"]) <= ids and set(data["uses"]["community"]) <= ids


@pytest.mark.parametrize("key", ["governance", "tables", "facts"])
def test_the_vocabulary_of_governance_tables_and_facts_is_data(key: str) -> None:
    data = yaml.safe_load(
        (resources.files("dxcheck.draft") / "data" / "cues.yaml").read_text("utf-8")
    )
    assert data[key] and all(
        isinstance(words, list) and words and all(isinstance(w, str) and w for w in words)
        for words in data[key].values()
    )


# --- verb forms, local names, current terms ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("転入届の手続をオンライン化し、来庁を不要にします", "online_procedures"),
        ("各種補助金の申請を電子申請化する", "online_procedures"),
        ("市営施設の予約をウェブ上で受け付ける", "online_procedures"),
        ("体育館の利用申込をインターネットで行えるようにします", "online_procedures"),
        ("オンラインでの各種申請を拡げます", "online_procedures"),
        ("生成ＡＩを文書作成に使う", "ai_rpa"),
        ("対話型AIの試行", "ai_rpa"),
        ("住民記録システムを標準準拠システムへ移行する", "standardization"),
        ("国の標準仕様に準拠したシステムに切り替える", "standardization"),
        ("窓口での手数料のキャッシュレス決済を始める", "frontyard"),
        ("書かない・待たない窓口を開設する", "frontyard"),
        ("デジタルの利用機会の格差是正を進める", "digital_divide"),
        ("デジタルに不慣れな方へのスマホ講座を開く", "digital_divide"),
        ("町長を本部長とする推進本部を置く", "org_structure"),
        ("副市長を委員長とする行政改革推進委員会", "org_structure"),
        ("副知事をトップとした「デジタル戦略推進会議」", "org_structure"),
        ("情報政策係を「DX推進係」に改める", "org_structure"),
        ("申請書類の押印等の見直しを行う", "regulation_review"),
        ("住民票のコンビニ交付を始める", "mynumber_card"),
        ("地方税統一QRコードによる納付", "public_payment_eltax"),
        ("各課にDX推進リーダーを置く", "digital_talent"),
        ("職員のデジタルスキルの向上", "digital_talent"),
        ("行政手続のデジタル化", "online_procedures"),
        ("全庁の業務の棚卸しを行う", "bpr"),
        ("おくやみ窓口を開設する", "frontyard"),
        ("支所にリモート窓口を置く", "frontyard"),
        ("副市長をCDOに任命する", "org_structure"),
        ("地域のデジタル化を進める", "regional_digital"),
        ("書面・対面等の規制を見直す", "regulation_review"),
        ("公金の電子納付を始める", "public_payment_eltax"),
        ("公的個人認証による本人確認", "mynumber_card"),
    ],
)
def test_items_said_in_the_municipalitys_own_words(text: str, item: str) -> None:
    assert item in find_items(text)


def test_a_wording_is_named_in_the_cue_as_the_document_writes_it() -> None:
    assert find_items("広報・DX推進係へ改める") == {"org_structure": "DX推進係"}
    assert find_items("出願手続をＷＥＢ 上で行う") == {"online_procedures": "手続をWEB上で"}


@pytest.mark.parametrize(
    "text",
    [
        "デジタル課題の整理",  # 課題 is not a デジタル課
        "キャッシュレス決済が広がった",  # cashless in society, not at the counter
        "申請書を窓口に提出する",  # a procedure, nothing online
        "市長が委員を委嘱する",  # a post without a body it heads
        "CDプレーヤーの更新",  # not CDO
    ],
)
def test_near_misses_name_no_item(text: str) -> None:
    named = find_items(text)
    assert "org_structure" not in named
    assert "frontyard" not in named
    assert "online_procedures" not in named


# --- whose sentence, which commitment -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "commitment"),
    [
        ("電子申請の対象を広げることが求められています。", "context"),
        ("自治体の取組事項として標準化が示されたところです。", "context"),
        ("標準化は令和7年度末までに完了するものとされています。", "context"),
        ("これまでRPAの導入を推進してきました。", "context"),
        ("重点取組事項として、ＡＩ・ＲＰＡの利用推進が掲げられています。", "context"),
        ("全国でテレワークが推進されています。", "context"),
        ("窓口の手続がオンラインで完結できていない状況が明らかになりました。", "context"),
        ("電子申請の対象手続を拡大します。", "implement"),
        ("テレワークの本格導入を検討しています。", "consider"),
        ("書かない窓口の導入に向けて検討を進めています。", "consider"),
        ("RPAの対象業務の拡大を行っています。", "implement"),
        ("令和5年4月にDX推進課を新設しました。", "implement"),
    ],
)
def test_commitment_is_read_from_the_predicate(sentence: str, commitment: str) -> None:
    assert commitment_of(sentence) == commitment


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        ("国は、ガバメントクラウドへの移行を求めています。", True),
        ("このような中、総務省からは推進計画が示されました。", True),
        ("国も生成AIの活用を加速させています。", True),
        ("長野県では、行政手続のオンライン化を推進しています。", True),
        ("高知県においても、デジタル人材の育成が進められています。", True),
        ("本県は、電子申請を拡げます。", False),
        ("本市は、国の方針を踏まえて標準化を進めます。", False),
        ("全国の自治体で標準化が進みます。", False),
        ("「自治体DX推進計画」では、標準化を重点取組事項としています。", True),
        ("先進自治体では、書かない窓口を導入しています。", True),
    ],
)
def test_another_body_as_the_subject(sentence: str, other: bool) -> None:
    assert others_subject(sentence) is other


def test_a_prefectures_own_plan_says_kende_of_itself() -> None:
    sentence = "県では、市町村のシステムの標準化を支援します。"
    assert others_subject(sentence, "前橋市")
    assert not others_subject(sentence, "群馬県")
    assert not others_subject("群馬県では電子申請を拡げます。", "群馬県")
    assert others_subject("長野県では電子申請を拡げます。", "群馬県")


def test_what_the_plan_contains_is_a_commitment_of_the_plan() -> None:
    drafted = commitments(
        draft_of("計画案では、行政手続のオンライン化やスマホ講座の開催を盛り込んでいます。")
    )
    assert drafted == {"online_procedures": {"implement"}, "digital_divide": {"implement"}}


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("(2) 北海道のデジタル化の動向", "external"),
        ("2 鳥取県の取組", "external"),
        ("(1) 国のデジタル政策の概要", "external"),
        ("3 本県の取組", "own"),
        ("4 全国の状況と本町の取組", "own"),
    ],
)
def test_another_bodys_heading_is_external(heading: str, role: str) -> None:
    root = build([Line(heading), Line("電子申請を拡げます。")])
    assert role_of(root.children[0]) == role


def test_a_numbered_list_introduced_as_the_national_plans_is_context() -> None:
    drafted = draft_of(
        "本町のDX推進計画を策定しました。",
        "国の重点取組事項",
        "① 書かない窓口の推進",
        "② 行政手続のオンライン化",
    )
    assert kinds(drafted) == {"context"}


def test_a_numbered_list_introduced_as_the_plans_own_is_a_measure() -> None:
    drafted = commitments(
        draft_of(
            "本町では次の取組を進めます。",
            "① 書かない窓口の推進",
            "② 行政手続のオンライン化",
        )
    )
    assert drafted["frontyard"] == drafted["online_procedures"] == {"implement"}


def test_background_mentions_on_a_page_without_headings_stay_context() -> None:
    drafted = draft_of(
        "国は、自治体に行政手続のオンライン化とマイナンバーカードの普及を求めています。",
        "また、静岡県においても、ＡＩ・ＲＰＡの導入が推進されています。",
        "社会全体でテレワークやキャッシュレス決済が浸透しました。",
        "これまで本町では、電子申請の導入を進めてきました。",
    )
    assert kinds(drafted) == {"context"}


def test_own_sentences_on_a_page_without_headings_commit() -> None:
    drafted = commitments(
        draft_of(
            "本町では、令和6年度から転入届などの手続をオンライン化し、来庁しなくても済むようにします。",
            "町長を本部長とする推進本部のもとで、全庁で取組を進めています。",
            "生成ＡＩの業務への導入を検討します。",
            "主な取組は次のとおりです。",
            "・デジタルに不慣れな方への支援",
            "・書かない窓口",
        )
    )
    assert drafted["online_procedures"] == {"implement"}
    assert drafted["org_structure"] == {"implement"}
    assert drafted["ai_rpa"] == {"consider"}
    assert drafted["digital_divide"] == {"implement"}
    assert drafted["frontyard"] == {"implement"}


def test_a_web_table_of_measures_cell_by_cell() -> None:
    drafted = commitments(
        draft_of(
            "取組 |",
            "目標 |",
            "行政手続のオンライン化 |",
            "令和8年度までに50手続 |",
            "デジタルデバイド対策 |",
            "スマホ講座を年10回 |",
        )
    )
    assert drafted["online_procedures"] == drafted["digital_divide"] == {"implement"}


def test_a_web_table_of_the_national_items_stays_context() -> None:
    drafted = draft_of(
        "国の重点取組事項 |",
        "期限 |",
        "行政手続のオンライン化 |",
        "令和7年度末 |",
    )
    assert kinds(drafted) == {"context"}


def test_short_lines_after_a_list_of_measures_are_measures() -> None:
    drafted = commitments(
        draft_of(
            "本町のDX推進計画を策定しました。",
            "主な取組",
            "書かない窓口",
            "デジタルデバイド対策",
            "計画期間は令和6年度から令和9年度までです。",
            "テレワーク",
        )
    )
    assert drafted["frontyard"] == drafted["digital_divide"] == {"implement"}
    assert drafted["telework"] == {"context"}  # after the list has ended


def test_short_lines_in_a_section_of_measures_are_measures() -> None:
    drafted = commitments(draft_of("3 主な取組", "書かない窓口", "5 計画の考え方", "テレワーク"))
    assert drafted["frontyard"] == {"implement"}
    assert drafted["telework"] == {"context"}


def test_a_list_under_a_marked_header_goes_on_past_its_descriptions() -> None:
    drafted = commitments(
        draft_of(
            "■重点的な取組",
            "◆行政手続のオンライン化",
            "住民がスマートフォンから手続できるよう、オンライン申請を拡充します。",
            "◆窓口のデジタル化",
            "■このページに関するお問い合わせ",
            "◆テレワーク",
        )
    )
    assert drafted["online_procedures"] == drafted["frontyard"] == {"implement"}
    assert drafted["telework"] == {"context"}


def test_what_an_earlier_plan_did_is_background() -> None:
    drafted = commitments(
        draft_of(
            "第1次計画（平成30年度～令和4年度）では、RPAの導入や電子申請システムの構築に"
            "取り組みました。",
            "第2次計画では、マイナンバーカードを活用した行政サービスの拡充に重点的に取り組みます。",
        )
    )
    assert drafted["ai_rpa"] == drafted["online_procedures"] == {"context"}
    assert drafted["mynumber_card"] == {"implement"}


def test_a_pages_title_does_not_open_a_list() -> None:
    drafted = draft_of("西和賀町デジタル人材育成基本方針について", "行政DXとスマートシティについて")
    assert kinds(drafted) == {"context"}


def test_a_list_of_changes_is_not_a_list_of_measures() -> None:
    drafted = draft_of(
        "この間、庁内では次のような変化が見られました。",
        "・電子決裁とテレワーク",
        "・RPAの利便性の認知",
    )
    assert kinds(drafted) == {"context"}


def test_a_listed_measure_without_a_verb_is_a_measure_of_its_section() -> None:
    drafted = commitments(
        draft_of(
            "1 住民の利便性の向上",
            "- 利用機会の格差是正（デジタルデバイド対策）",
            "- 電子申請受付の拡大",
        )
    )
    assert drafted["digital_divide"] == {"implement"}
    assert drafted["online_procedures"] == {"implement"}


def test_items_named_only_in_what_the_sentence_follows_are_context() -> None:
    drafted = commitments(
        draft_of(
            "本計画は、国の計画に掲げられた重点取組事項（マイナンバーカードの普及促進、テレワークの"
            "推進等）を踏まえつつ、本市独自の取組として、書かない窓口の導入に取り組むものです。"
        )
    )
    assert drafted["mynumber_card"] == drafted["telework"] == {"context"}
    assert drafted["frontyard"] == {"implement"}


def test_a_narrow_table_column_wrapped_line_by_line_is_not_a_list() -> None:
    drafted = draft_of(
        "1 資料",
        "の徹底",
        "、AI",
        "・RPA",
        "の利用",
    )
    assert "implement" not in kinds(drafted)


def test_a_page_is_scored_present_and_background_apart() -> None:
    page = "\n".join(
        [
            "西和賀町DX推進計画について",
            "計画策定の背景",
            "国は、自治体DX推進計画において、情報システムの標準化やマイナンバーカードの普及を"
            "自治体に求めています。",
            "本町では、副町長を本部長とする「西和賀町DX推進本部」を設置し、全庁で取り組みます。",
            "各種申請を電子申請化し、窓口に来なくても手続ができるようにします。",
            "また、高齢者等のデジタルに不慣れな方に向けたスマホ講座を開催します。",
        ]
    )
    status = coverage_of(page)
    assert status["online_procedures"] != "missing"
    assert status["digital_divide"] != "missing"
    assert status["org_structure"] != "missing"
    assert status["standardization"] == "missing"
    assert status["mynumber_card"] == "missing"


# --- governance: a body headed by the chief -------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name", "head"),
    [
        ("副市長を委員長とする行政DX推進委員会で審議しました。", "行政DX推進委員会", "副市長"),
        ("知事をトップとする「県デジタル改革会議」を置きます。", "県デジタル改革会議", "知事"),
        (
            "町長を本部長とした西和賀町情報化推進本部で決定します。",
            "西和賀町情報化推進本部",
            "町長",
        ),
    ],
)
def test_a_body_headed_by_the_chief_is_the_headquarters(
    sentence: str, name: str, head: str
) -> None:
    root = build([Line("5 推進体制"), Line(sentence)])
    found = find_governance(root, roles(root)).headquarters
    assert found is not None
    assert (found.name, found.head) == (name, head)


def test_outside_advice_counts_as_external_expertise() -> None:
    root = build([Line("5 推進体制"), Line("外部有識者から助言を得て取組を進めます。")])
    assert [e.holder for e in find_governance(root, roles(root)).experts] == ["外部有識者"]


# --- initiatives titled by the measure's own words -------------------------------------------


def test_initiatives_take_the_measures_own_words_not_the_section_heading() -> None:
    drafted = draft_of(
        "第3章 施策",
        "2 行政のデジタル化",
        "- 基幹系システムの移行",
        "ガバメントクラウドへ令和7年度末までに移行します。",
        "- 定型業務の自動化",
        "RPAを使って入力作業を減らし、業務の効率化を図ります。",
        "また、職員の働き方の見直しとして、在宅勤務の試行を検討します。",
    )
    titles = {d.items[0]: d.title for d in drafted if d.items}
    assert titles["standardization"] == "基幹系システムの移行"
    assert titles["ai_rpa"] == "定型業務の自動化"
    assert titles["telework"] == "在宅勤務の試行を検討します"
    assert "行政のデジタル化" not in titles.values()


def test_a_basic_policy_section_is_not_an_initiative() -> None:
    drafted = draft_of(
        "第2章 計画の考え方",
        "(2) 基本方針",
        "「行政手続のオンライン化」と「デジタルを活用したまちづくり」の2つを柱として推進します。",
        "1. デジタルを活用したまちづくり",
        "スマート農業の実証を支援します。",
    )
    own = [d for d in drafted if d.commitment != "context"]
    assert all(d.title != "基本方針" for d in own)
    assert commitments(drafted).get("online_procedures") == {"context"}
    assert "regional_digital" in {i for d in own for i in d.items}


def test_a_page_that_only_lists_its_policies_commits_to_them() -> None:
    drafted = commitments(
        draft_of(
            "基本方針1 行政手続のオンライン化",
            "基本方針2 デジタルデバイド対策",
        )
    )
    assert drafted == {"online_procedures": {"implement"}, "digital_divide": {"implement"}}


def test_policies_detailed_by_measures_leave_the_measures_to_decide() -> None:
    drafted = commitments(
        draft_of(
            "第2章 基本方針",
            "基本方針1 行政手続のオンライン化",
            "第3章 施策",
            "施策1 窓口の改革",
            "書かない窓口の導入を検討します。",
        )
    )
    assert drafted["online_procedures"] == {"context"}
    assert drafted["frontyard"] == {"consider"}


# --- uses: an item inside another measure ---------------------------------------------------


def test_the_card_read_at_a_counter_is_used_not_the_measure() -> None:
    drafted = commitments(
        draft_of(
            "1 窓口の改革",
            "マイナンバーカードを活用した書かない窓口を導入します。",
        )
    )
    assert drafted["frontyard"] == {"implement"}
    assert drafted["mynumber_card"] == {"uses"}


def test_the_card_under_its_own_measure_stays_the_national_item() -> None:
    drafted = commitments(draft_of("1 カードの普及", "マイナンバーカードの交付を促進します。"))
    assert drafted["mynumber_card"] == {"implement"}


def test_the_card_in_the_text_of_a_counter_heading_is_used_by_it() -> None:
    drafted = draft_of(
        "① 書かない窓口",
        "タブレットでマイナンバーカードを読み取り、申請書を印字して渡す窓口とします。",
    )
    counter = next(d for d in drafted if "frontyard" in d.items)
    assert counter.uses == ["mynumber_card"]


def test_ai_for_residents_services_is_used_not_the_national_item() -> None:
    drafted = commitments(
        draft_of(
            "3 地域のデジタル化",
            "AI技術を活用した観光案内を始めます。",
            "4 事務の効率化",
            "AIを活用した会議録の作成で業務の効率化を図ります。",
        )
    )
    assert drafted["ai_rpa"] == {"uses", "implement"}


def test_ai_for_residents_alone_is_used_partial_coverage() -> None:
    page = "\n".join(
        [
            "西和賀町DX推進計画",
            "【新たに実施する施策】",
            "1 AI等を活用した災害時の避難情報の発信",
        ]
    )
    assert coverage_of(page)["ai_rpa"] == "partial"


# --- quotes --------------------------------------------------------------------------------


def unit_of(text: str) -> tuple[Section, Unit]:
    root = build([Line("1 取組"), Line(text)])
    section = root.children[0]
    return section, section.units[0]


def test_footnote_marks_are_removed_and_the_cleaning_is_recorded() -> None:
    text = "共通のクラウド基盤^{※3}「ガバメントクラウド^{※4}」に移行します。"
    section, unit = unit_of(text)
    ev = evidence(section, unit, text, "本文の keyword ガバメントクラウド")
    assert ev.quote == "共通のクラウド基盤「ガバメントクラウド」に移行します。"
    assert "^{※3}" in ev.cite()["draft"] and "脚注" in ev.cite()["draft"]
    assert findable(ev.quote, text) and ev.quote not in text


def test_inline_footnote_numbers_are_removed_too() -> None:
    text = "行政手続のオンライン化※7を進めます。"
    section, unit = unit_of(text)
    assert (
        evidence(section, unit, text, "keyword 電子申請").quote
        == "行政手続のオンライン化を進めます。"
    )


def test_a_long_sentence_is_quoted_by_whole_clauses_around_the_cue() -> None:
    text = (
        "本町では、人口減少と高齢化が進む中で、行政サービスの質を保ちながら職員の負担を減らすために、"
        "これまで紙で受け付けてきた各種の届出や申請について、住民の皆さまの声を聞きながら順に見直し、"
        "情報セキュリティポリシーを改めたうえで、外部の専門家の助言を受けながら、"
        "令和8年度までに必要な環境を整えることとします。"
    )
    section, unit = unit_of(text)
    ev = evidence(section, unit, text, "本文の keyword 情報セキュリティポリシー")
    assert len(text) > MAX_QUOTE >= len(ev.quote)
    assert "情報セキュリティポリシー" in ev.quote
    assert ev.quote in text
    start = text.index(ev.quote)
    assert start == 0 or text[start - 1] == "、"  # begins after a clause
    assert ev.quote.endswith(("、", "。"))  # ends with one
    assert "一部" in ev.cite()["draft"]


def test_every_quote_of_a_drafted_page_is_findable() -> None:
    page = "\n".join(
        [
            "第1章 取組",
            "1 窓口",
            "マイナンバーカード^{※1}を活用した書かない窓口^{※2}を導入します。",
            "2 人材",
            "デジタル人材※3の育成を進めます。",
        ]
    )
    drafted = yaml.safe_load(draft_text(page.encode("utf-8"), "page.txt"))
    quotes = [i["cite"]["quote"] for i in drafted["initiatives"]]
    assert quotes and all(findable(q, page) for q in quotes)
    assert not any("※" in q for q in quotes)
