"""Generate 1,788 realistic synthetic plans (1,741 municipalities + 47 prefectures).

Deterministic: each plan is built from its own ``random.Random(f"{seed}:{code}")``, so the same
seed gives byte-identical files on every machine and in any order. Standard library only; the
YAML is written as text (comments, folded blocks, flow lists, quoted codes) the way the real
plans in plans/ are written, not dumped from a dict.

What varies from plan to plan: the real 47 prefectures and 1,741 市区町村 with their
全国地方公共団体コード, names and prefectures (from dxcheck's bundled table, check digits verified
here independently; no 北方領土 villages, no wards), document kind and status, 和暦 / 年度 /
Western dates in the forms plans use (令和5年度, 令和7年度末, R6, 令和５（２０２３）年度, 令和5〜7年度, full-width
digits), which national items are covered and at what commitment level (or only as context, or
not at all), KPIs with numeric or textual values, 年度 schedules, recorded progress, governance,
facts and waivers. Every citation has a section, most a page and a quote. Plans are about
300-800 lines and 20 KB, like the real ones.

    python benchmarks/generate.py /tmp/plans1788           # 1,788 files
    python benchmarks/generate.py /tmp/plans200 --count 200
    python benchmarks/generate.py                          # into a new temporary folder
    python benchmarks/generate.py /tmp/plans1788 --validate  # then `dxcheck validate` them all
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SEED = 20261125
MUNICIPALITIES, PREFECTURES = 1741, 47
MARKER = ".dxcheck-synthetic-plans"
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")

# -- local government codes -------------------------------------------------------------------

# dxcheck's bundled table of 全国地方公共団体コード (read as text: this script imports nothing from
# dxcheck). The corpus uses its 47 prefectures and 1,741 市区町村 (Tokyo's 23 特別区 included; not the
# 6 北方領土 villages, not the wards of the 政令指定都市), each with its real name, code and
# prefecture, so that every plan passes `dxcheck validate`'s name/code/prefecture check.
TABLE = Path(__file__).resolve().parents[1] / "src/dxcheck/data/municipalities/municipalities.tsv"


def check_digit(first_five: str) -> int:
    """総務省's check digit: weights 6,5,4,3,2, r = sum mod 11, last digit of 11 - r."""
    total = sum(int(d) * w for d, w in zip(first_five, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


@dataclass(frozen=True, slots=True)
class Body:
    """One local government: code, name, prefecture and kind (都 for a prefecture; 市, 区, 町 or
    村 for a municipality, from the last character of its name)."""

    code: str
    name: str
    prefecture: str
    kind: str


def bodies(seed: int = SEED) -> list[Body]:
    """The 1,788 bodies, prefectures first, then municipalities in code order. (``seed`` is
    kept for the interface; the bodies are the real ones whatever the seed.)"""
    del seed
    prefectures: list[Body] = []
    municipalities: list[Body] = []
    names: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines()[2:]:
        code, kind, name, _kana, _parent = line.split("\t")
        if check_digit(code[:5]) != int(code[5]):  # an independent check of the table
            raise SystemExit(f"{TABLE}: {code} has a wrong check digit")
        if kind == "prefecture":
            names[code[:2]] = name
            prefectures.append(Body(code, name, name, "都"))
        elif kind == "city":
            municipalities.append(Body(code, name, names[code[:2]], name[-1]))
    if (len(prefectures), len(municipalities)) != (PREFECTURES, MUNICIPALITIES):
        raise SystemExit(f"{TABLE}: {len(prefectures)} prefectures, {len(municipalities)} 市区町村")
    return prefectures + sorted(municipalities, key=lambda b: b.code)


# -- dates as plans write them ----------------------------------------------------------------


def wide(text: str, rng: random.Random, p: float = 0.2) -> str:
    """Full-width digits, as some plans have them."""
    return text.translate(WIDE) if rng.random() < p else text


def reiwa(year: int) -> str:
    """令和 year of a Western year (令和元年 = 2019)."""
    return "元" if year == 2019 else str(year - 2018)


def fiscal_year(y: int, rng: random.Random) -> str:
    """年度 ``y`` in one of the forms plans use."""
    r = reiwa(y)
    form = rng.random()
    if form < 0.6 or r == "元":
        return wide(f"令和{r}年度", rng)
    if form < 0.7:
        return f"R{r}"
    if form < 0.8:
        return f"R{r}年度"
    if form < 0.9:
        return wide(f"令和{r}（{y}）年度", rng, 0.5)
    return f"{y}年度"


def fiscal_year_end(y: int, rng: random.Random) -> str:
    """The last day of 年度 ``y`` (or the 年度 itself, as plans often write it)."""
    form = rng.random()
    if form < 0.55:
        return wide(f"令和{reiwa(y)}年度末", rng)
    if form < 0.7:
        return wide(f"令和{reiwa(y + 1)}年3月", rng)
    if form < 0.8:
        return wide(f"令和{reiwa(y + 1)}年3月31日", rng)
    if form < 0.9:
        return f"{y}年度末"
    return fiscal_year(y, rng)


def month(y: int, m: int, rng: random.Random, day: int | None = None) -> str:
    """A calendar month, or a day of it (``day=-1``: its last day), 和暦 or Western."""
    if day == -1:
        day = calendar.monthrange(y, m)[1]
    d = f"{day}日" if day else ""
    form = rng.random()
    if form < 0.75:
        return wide(f"令和{reiwa(y)}年{m}月{d}", rng)
    if form < 0.9 or not day:
        return f"{y}年{m}月{d}"
    return f'"{y}-{m:02d}-{day:02d}"'


def fiscal_range(a: int, b: int, rng: random.Random) -> str:
    """年度 ``a`` to ``b``."""
    if a == b:
        return fiscal_year(a, rng)
    form = rng.random()
    if form < 0.5:
        return wide(f"令和{reiwa(a)}年度〜令和{reiwa(b)}年度", rng)
    if form < 0.8:
        return wide(f"令和{reiwa(a)}〜{reiwa(b)}年度", rng)
    if form < 0.9:
        return f"R{reiwa(a)}～R{reiwa(b)}"
    return f"{a}年度〜{b}年度"


# -- YAML text --------------------------------------------------------------------------------

_NOT_STR = re.compile(
    r"^(?:[-+]?[0-9][0-9_.,:eE+-]*|\.[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null"
    r"|NULL|y|Y|n|N|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|<<|=)$"
)


def q(value: str | int | float | bool) -> str:
    """A scalar as YAML text: plain when YAML reads it back as the same string, else
    double-quoted (JSON string syntax is valid YAML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    plain = (
        value != ""
        and value[0] not in "-?:,[]{}#&*!|>'\"%@` "
        and ": " not in value
        and " #" not in value
        and not value.endswith((":", " "))
        and "\t" not in value
        and "\n" not in value
        and not _NOT_STR.match(value)
    )
    return value if plain else json.dumps(value, ensure_ascii=False)


def wrap(text: str, width: int) -> Iterator[str]:
    """Japanese text in lines of about ``width`` characters (no spaces to break at); a short
    tail stays on the last line."""
    starts = list(range(0, len(text), width))
    if len(starts) > 1 and len(text) - starts[-1] < 6:
        starts.pop()
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        yield text[start:end].strip() or "…"


class Yaml:
    """Lines of a YAML document, written the way people write plans."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def blank(self) -> None:
        self.lines.append("")

    def comment(self, indent: int, text: str, width: int = 46) -> None:
        for chunk in wrap(text, width):
            self.lines.append(f"{' ' * indent}# {chunk}")

    def key(self, indent: int, key: str, dash: bool = False) -> None:
        self.lines.append(f"{self._lead(indent, dash)}{key}:")

    def kv(self, indent: int, key: str, value: str | float | bool, dash: bool = False) -> None:
        self.lines.append(f"{self._lead(indent, dash)}{key}: {q(value)}")

    def raw(self, indent: int, key: str, value: str, dash: bool = False) -> None:
        """A value already written as YAML (dates that carry their own quotes, flow lists)."""
        self.lines.append(f"{self._lead(indent, dash)}{key}: {value}")

    def folded(self, indent: int, key: str, text: str, dash: bool = False) -> None:
        """Long text: plain when it fits on the line, else a ``>-`` block."""
        if len(text) <= 44:
            self.kv(indent, key, text, dash)
            return
        self.lines.append(f"{self._lead(indent, dash)}{key}: >-")
        inner = indent + 2 + (2 if dash else 0)
        for chunk in wrap(text, 48):
            self.lines.append(" " * inner + chunk)

    def item(self, indent: int, value: str) -> None:
        self.lines.append(f"{' ' * indent}- {q(value)}")

    @staticmethod
    def _lead(indent: int, dash: bool) -> str:
        return f"{' ' * indent}- " if dash else " " * indent


# -- what plans say, by national item ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """Phrases for one national item: titles, sentences, schedule steps, KPIs and measures."""

    id: str
    weight: float  # how often a plan covers it
    titles: tuple[str, ...]
    sentences: tuple[str, ...]
    steps: tuple[str, ...]
    kpis: tuple[tuple[str, str, float, float], ...]  # name, unit, baseline, target
    measures: tuple[str, ...]
    policy: int  # 基本方針 1 住民サービス, 2 行政の効率化, 3 地域社会, 4 推進体制


ITEMS: tuple[Item, ...] = (
    Item(
        "standardization",
        0.95,
        ("情報システムの標準化・共通化", "基幹業務システムの標準化", "標準準拠システムへの移行"),
        (
            "地方公共団体情報システムの標準化に関する法律に基づき、基幹業務システムを"
            "標準準拠システムへ移行する",
            "ガバメントクラウドの活用を前提に、移行計画を作成し、Fit＆Gap分析を行う",
            "移行に合わせて業務の見直しを行い、システムの運用経費の削減を図る",
            "県及び近隣団体と情報共有を行い、共同での調達も視野に入れて検討する",
        ),
        (
            "現行業務の調査・Fit＆Gap分析",
            "移行計画の作成",
            "事業者選定・契約",
            "標準準拠システムへの移行",
            "並行稼働・本番移行",
        ),
        (
            ("標準準拠システムへ移行した基幹業務数", "業務", 0, 20),
            ("ガバメントクラウドへ移行したシステム数", "システム", 0, 17),
        ),
        (
            "基幹業務システムの標準準拠システムへの移行",
            "ガバメントクラウドの利用",
            "移行計画の策定と進捗管理",
        ),
        2,
    ),
    Item(
        "online_procedures",
        0.9,
        ("行政手続のオンライン化", "オンライン申請の拡充", "スマート申請の推進"),
        (
            "マイナポータルのぴったりサービスを活用し、子育て・介護関係の手続をオンライン化する",
            "スマートフォンからいつでもどこでも申請できる環境を整え、来庁せずに済む手続を増やす",
            "電子申請システムを導入し、押印を廃止した手続から順次オンライン化する",
            "オンライン決済の導入についても合わせて検討する",
        ),
        (
            "対象手続の選定",
            "電子申請システムの導入",
            "子育て・介護関係手続のオンライン化",
            "オンライン化手続の拡大",
            "利用状況の検証",
        ),
        (("オンライン化した手続数", "手続", 12, 100), ("オンライン申請の利用率", "%", 8.5, 30)),
        (
            "ぴったりサービスによる子育て・介護関係手続の受付",
            "電子申請システムの導入",
            "オンライン決済の導入",
        ),
        1,
    ),
    Item(
        "mynumber_card",
        0.85,
        (
            "マイナンバーカードの普及促進",
            "マイナンバーカードの利活用",
            "マイナンバーカードの取得促進と利活用",
        ),
        (
            "出張申請受付や休日窓口の開設により、マイナンバーカードの取得を促進する",
            "コンビニ交付サービスなど、カードを活用した住民サービスを拡大する",
            "健康保険証としての利用など、国の動向を踏まえてカードの利活用を進める",
        ),
        (
            "休日窓口・出張申請受付の実施",
            "コンビニ交付サービスの開始",
            "カード利活用サービスの検討",
        ),
        (("マイナンバーカード交付率", "%", 35.2, 90), ("コンビニ交付の利用件数", "件", 1200, 8000)),
        ("出張申請受付・休日窓口", "コンビニ交付サービス", "図書館カード等としての利用"),
        1,
    ),
    Item(
        "ai_rpa",
        0.8,
        ("AI・RPAの利用推進", "AI-OCR・RPAによる業務効率化", "業務効率化ツールの導入"),
        (
            "定型的な事務作業にRPAを導入し、職員が企画立案や相談業務に注力できるようにする",
            "AI-OCRによる紙帳票のデータ化と、生成AIの業務利用の検証を行う",
            "導入効果を検証し、効果の高い業務から全庁に展開する",
        ),
        ("対象業務の洗い出し", "AI-OCR・RPAの試行導入", "全庁への展開", "生成AIの利用検証"),
        (
            ("RPAを導入した業務数", "業務", 3, 30),
            ("RPA等による削減時間（年間）", "時間", 500, 5000),
        ),
        ("RPAによる定型業務の自動化", "AI-OCRによる帳票のデータ化", "生成AIの業務利用"),
        2,
    ),
    Item(
        "telework",
        0.6,
        ("テレワークの推進", "多様な働き方の推進", "テレワーク環境の整備"),
        (
            "庁外からも安全に業務ができるテレワーク環境を整備する",
            "モバイル端末とWeb会議の活用により、柔軟な働き方を推進する",
        ),
        ("テレワーク端末の配備", "運用ルールの整備", "テレワークの試行・本格実施"),
        (("テレワークを実施した職員数", "人", 10, 150),),
        ("テレワーク用端末の配備", "Web会議システムの活用", "在宅勤務制度の整備"),
        2,
    ),
    Item(
        "security",
        0.85,
        (
            "セキュリティ対策の徹底",
            "情報セキュリティ対策の強化",
            "情報セキュリティポリシーの見直し",
        ),
        (
            "国のガイドラインの改定に合わせて情報セキュリティポリシーを見直す",
            "全職員を対象とした情報セキュリティ研修と標的型攻撃メール訓練を実施する",
            "三層の対策の見直しを踏まえ、ネットワーク構成を検討する",
        ),
        ("情報セキュリティポリシーの改定", "職員研修・訓練の実施", "情報セキュリティ監査"),
        (("情報セキュリティ研修の受講率", "%", 70, 100),),
        ("情報セキュリティポリシーの見直し", "職員研修と標的型攻撃メール訓練", "外部監査の実施"),
        2,
    ),
    Item(
        "org_structure",
        0.7,
        ("推進体制の整備", "DX推進本部の設置", "CIO・CIO補佐官による推進体制"),
        (
            "首長をトップとするDX推進本部を設置し、全庁的に取組を推進する",
            "副首長をCIOとし、外部人材をCIO補佐官として任用する",
            "各課にDX推進員を置き、推進担当部署と連携して取組を進める",
        ),
        ("DX推進本部の設置", "CIO補佐官の任用", "DX推進員の配置"),
        (("DX推進本部会議の開催回数（年間）", "回", 0, 4),),
        ("DX推進本部の設置", "CIO補佐官の任用", "各課DX推進員の配置"),
        4,
    ),
    Item(
        "digital_talent",
        0.75,
        ("デジタル人材の確保・育成", "職員のデジタルリテラシー向上", "DX人材の育成"),
        (
            "階層別のDX研修を実施し、全職員のデジタルリテラシーの向上を図る",
            "外部の専門人材を活用し、庁内のDXリーダーを育成する",
        ),
        ("階層別研修の実施", "DXリーダーの育成", "外部人材の確保"),
        (("DX研修を受講した職員数", "人", 30, 300), ("DXリーダーの人数", "人", 0, 40)),
        ("階層別のDX研修", "DXリーダーの育成", "外部専門人材の活用"),
        4,
    ),
    Item(
        "digital_divide",
        0.75,
        ("デジタルデバイド対策", "誰一人取り残されないデジタル化", "高齢者等のデジタル活用支援"),
        (
            "高齢者等を対象としたスマートフォン教室を開催し、身近な場所で相談できる環境をつくる",
            "デジタル活用支援員を育成し、地域での支援体制を整える",
        ),
        ("スマートフォン教室の開催", "デジタル活用支援員の育成", "相談窓口の設置"),
        (
            ("スマートフォン教室の開催回数（年間）", "回", 4, 24),
            ("受講者数（累計）", "人", 50, 600),
        ),
        ("スマートフォン教室の開催", "デジタル活用支援員の育成", "公共施設での相談会"),
        1,
    ),
    Item(
        "regulation_review",
        0.3,
        ("デジタル原則に基づく条例等の点検・見直し", "例規の点検・見直し"),
        (
            "デジタル原則に照らし、書面・対面・押印を求める条例・規則を点検し、見直す",
            "アナログ規制の見直しに合わせて、関係する手続の様式を改める",
        ),
        ("例規の点検", "見直し方針の決定", "条例・規則の改正"),
        (("点検した例規数", "件", 0, 350),),
        ("書面・押印規定の点検", "アナログ規制の見直し"),
        2,
    ),
    Item(
        "bpr",
        0.55,
        ("BPRの取組の徹底", "業務プロセスの見直し", "書かない窓口の導入"),
        (
            "業務量調査を行い、業務プロセスを可視化した上で見直しを行う",
            "申請書を書かずに済む窓口を導入し、来庁者の負担を減らす",
        ),
        ("業務量調査", "業務フローの可視化", "見直し策の実施"),
        (("見直しを行った業務数", "業務", 0, 50),),
        ("業務量調査と業務フローの可視化", "書かない窓口の導入"),
        2,
    ),
    Item(
        "open_data",
        0.6,
        ("オープンデータの推進", "オープンデータの公開と利活用", "官民データ活用の推進"),
        (
            "推奨データセットに沿ってオープンデータを公開し、機械判読可能な形式で提供する",
            "公開したデータの利活用を促し、地域課題の解決につなげる",
        ),
        ("公開データの整理", "推奨データセットの公開", "利活用イベントの開催"),
        (("オープンデータの公開件数", "件", 5, 60),),
        ("推奨データセットの公開", "オープンデータカタログサイトの運用"),
        3,
    ),
    Item(
        "frontyard",
        0.35,
        ("自治体フロントヤード改革", "窓口サービスの改革", "行かない窓口の推進"),
        (
            "住民と行政の接点であるフロントヤードを見直し、窓口の待ち時間を短縮する",
            "オンライン相談やキャッシュレス決済を導入し、来庁しなくてもよい窓口を目指す",
        ),
        ("窓口業務の現状分析", "書かない窓口システムの導入", "オンライン相談の開始"),
        (("窓口での平均待ち時間", "分", 25, 10),),
        ("書かない窓口システム", "窓口のキャッシュレス決済", "オンライン相談"),
        1,
    ),
    Item(
        "public_payment_eltax",
        0.25,
        ("公金収納におけるeLTAXの活用", "eLTAXを活用した公金収納"),
        (
            "地方税統一QRコードを活用し、税以外の公金もeLTAXで収納できるようにする",
            "国の動向を踏まえ、対象となる公金の範囲を検討する",
        ),
        ("対象公金の整理", "システム改修", "eLTAXによる収納開始"),
        (("eLTAXで収納する公金の種類", "種類", 0, 5),),
        ("地方税統一QRコードの活用", "税以外の公金のeLTAX収納"),
        2,
    ),
    Item(
        "regional_digital",
        0.5,
        ("地域社会のデジタル化", "デジタル技術を活用した地域づくり", "スマートシティの推進"),
        (
            "デジタル田園都市国家構想交付金を活用し、地域の課題をデジタル技術で解決する",
            "防災情報の配信や地域ポイントアプリなど、住民生活の利便性を高める取組を進める",
            "観光・産業分野でのデータ活用を促進する",
        ),
        ("地域課題の把握", "実証事業の実施", "サービスの本格導入"),
        (("地域アプリの登録者数", "人", 0, 5000),),
        ("防災情報の配信", "地域ポイントアプリ", "観光データの活用"),
        3,
    ),
)
ITEM_BY_ID = {item.id: item for item in ITEMS}

OWN_INITIATIVES: tuple[tuple[str, str, str], ...] = (
    (
        "action-plan",
        "DX推進アクションプランの策定",
        "具体的な事業を年度ごとに定めたアクションプランを作成し、毎年度見直す",
    ),
    (
        "network",
        "庁内ネットワーク環境の整備",
        "無線LANの整備とモバイル端末の導入により、ペーパーレス会議を可能にする",
    ),
    (
        "paperless",
        "ペーパーレス化の推進",
        "会議資料の電子化と電子決裁の導入により、紙の使用量を削減する",
    ),
    (
        "website",
        "ホームページの再構築",
        "ウェブアクセシビリティに配慮し、必要な情報にたどり着きやすいホームページにする",
    ),
    (
        "cashless",
        "キャッシュレス決済の導入",
        "窓口や公共施設の使用料にキャッシュレス決済を導入する",
    ),
    ("school-dx", "教育分野のDX", "1人1台端末を活用した学習と、校務の情報化を進める"),
    (
        "health-dx",
        "健康・医療分野のデジタル化",
        "健診結果の電子化と、オンラインでの健康相談を実施する",
    ),
    (
        "disaster",
        "防災情報の高度化",
        "SNSや防災アプリによる情報発信と、避難所の混雑状況の可視化を行う",
    ),
)

POLICIES = {
    1: "基本方針1 住民サービスの向上",
    2: "基本方針2 行政運営の効率化",
    3: "基本方針3 地域社会のデジタル化",
    4: "推進体制",
}

RULES = ("COV001", "COV002", "COV004", "COV005", "CON001", "DL001", "DL002", "GOV002")
PROGRESS_NOTES = {
    "done": ("予定どおり完了", "前倒しで完了"),
    "in_progress": ("計画どおり進行中", "一部の手続で先行して実施"),
    "delayed": ("事業者選定に時間を要した", "国の仕様変更を待っている"),
    "not_started": ("次年度に着手予定", "予算化を検討中"),
    "cancelled": ("県の共同調達に切り替え", "国の方針変更により中止"),
}
CORE = (
    "住民基本台帳",
    "戸籍",
    "戸籍の附票",
    "印鑑登録",
    "選挙人名簿管理",
    "固定資産税",
    "個人住民税",
    "法人住民税",
    "軽自動車税",
    "国民健康保険",
    "国民年金",
    "障害者福祉",
    "後期高齢者医療",
    "介護保険",
    "生活保護",
    "健康管理",
    "就学",
    "児童手当",
    "児童扶養手当",
    "子ども・子育て支援",
)
ONLINE = (
    "児童手当の受給資格及び児童手当の額についての認定の請求",
    "児童手当等の現況届",
    "保育施設等の利用申込",
    "妊娠の届出",
    "要介護・要支援認定の申請",
    "要介護・要支援更新認定の申請",
    "被保険者証の再交付申請",
    "罹災証明書の発行申請",
    "転出届",
    "粗大ごみ収集の申込",
    "各種証明書の交付請求",
    "施設予約",
)


# -- one plan ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Ctx:
    """What one plan's parts share: the body, its words for its own posts, its dates."""

    body: Body
    rng: random.Random
    head: str  # 市長, 町長, 知事 …
    deputy: str  # 副市長 …
    adopted: int  # 年度 of adoption
    start: int
    end: int
    page: int  # where chapter 1 starts
    detail: float  # how much the plan spells out: 0.3 terse … 1.0 detailed


def posts(kind: str) -> tuple[str, str]:
    """The head and the deputy head of a body of this kind."""
    if kind == "都":
        return "知事", "副知事"
    return f"{kind}長", f"副{kind}長"


def page_of(ctx: Ctx, section: str) -> int:
    """The page of a section: chapters in order, two 施策 a page in chapter 3."""
    first = {"第1章": 0, "第2章": 3, "第3章": 7, "第4章": 22, "第5章": 25}.get(section[:3], 0)
    found = re.search(r"施策(\d+)", section)
    return ctx.page + first + (int(found.group(1)) // 2 if found else 0)


def cite(
    y: Yaml, indent: int, ctx: Ctx, section: str, quote: str | None, page: bool = True
) -> None:
    y.key(indent, "cite")
    y.kv(indent + 2, "section", section)
    if page and ctx.rng.random() < 0.85:
        y.kv(indent + 2, "page", page_of(ctx, section))
    if quote:
        if len(quote) > 24 and ctx.rng.random() < 0.07:
            quote = quote[:20] + "\t" + quote[20:]  # a table flattened to tab-separated text
        y.kv(indent + 2, "quote", quote)


def header(y: Yaml, ctx: Ctx, title: str, covered: list[str]) -> None:
    rng, body = ctx.rng, ctx.body
    y.lines.append("# yaml-language-server: $schema=../schemas/plan.schema.json")
    y.lines.append("#")
    y.lines.append(f"# Source: seeds/{body.code}_{rng.getrandbits(64):016x}.txt")
    y.lines.append(f"#   (text extracted from the PDF 「{title}」, {body.prefecture}{body.name};")
    y.lines.append("#   tables flattened to tab-separated lines, figures lost)")
    y.lines.append("#")
    names = "、".join(ITEM_BY_ID[i].titles[0] for i in covered[:6])
    y.comment(
        0,
        f"Summary: {body.name}は令和{reiwa(ctx.adopted)}年度に{title}を策定した。計画期間は"
        f"令和{reiwa(ctx.start)}年度から令和{reiwa(ctx.end)}年度まで。主な取組は{names}など。"
        "国の自治体DX推進計画の重点取組事項に沿って施策を体系化し、推進体制と年度別の工程を示している。",
        60,
    )
    notes = (
        "各施策の目標時期と指標は本文の表から転記した。",
        "ページ番号は目次による（本文のページには番号がない）。",
        "概要版のため、工程表の一部は本編から補った。",
        "「検討する」とある施策は commitment: consider とした。",
    )
    for note in rng.sample(notes, rng.randint(0, 3)):
        y.lines.append("#")
        y.comment(0, note, 60)
    y.blank()


def municipality(y: Yaml, ctx: Ctx) -> None:
    y.key(0, "municipality")
    y.kv(2, "name", ctx.body.name)
    y.raw(2, "code", f'"{ctx.body.code}"')
    y.kv(2, "prefecture", ctx.body.prefecture)
    y.blank()


def document(y: Yaml, ctx: Ctx, title: str, kind: str) -> None:
    rng = ctx.rng
    status = "proposal" if kind == "proposal" else rng.choice(("adopted",) * 9 + ("draft",))
    y.key(0, "document")
    y.kv(2, "title", title)
    y.kv(2, "kind", kind)
    y.kv(2, "status", status)
    if status != "draft" or rng.random() < 0.5:
        adopted = month(ctx.adopted + 1, rng.choice((2, 3, 3, 3)), rng, rng.choice((None, -1)))
        y.raw(2, "adopted", adopted)
    if kind == "summary" or rng.random() < 0.3:
        y.raw(2, "published", month(ctx.adopted + 1, 3, rng))
    revisions = rng.choice((0, 0, 0, 1, 1, 2, 3))
    if revisions:
        y.key(2, "revisions")
        for n in range(revisions):
            year = min(ctx.adopted + 1 + n, 2026)
            y.raw(4, "date", month(year, rng.randint(4, 12), rng, rng.choice((None, 1))), dash=True)
            note = rng.choice(
                (
                    "一部改定（国の計画の改定を反映）",
                    "取組の追加と目標時期の見直し",
                    "KPIの更新",
                    "推進体制の変更に伴う改定",
                )
            )
            y.kv(6, "note", note)
            if rng.random() < 0.5:
                cite(y, 6, ctx, "改定履歴", None, page=False)
    if rng.random() < 0.7:
        version = "1.0" if ctx.adopted < 2022 else ("2.0" if ctx.adopted < 2024 else "2.3")
        y.raw(2, "national_plan_version", f'"{version}"')
    else:
        y.comment(2, "national_plan_version omitted: the document names no version number.", 80)
    y.key(2, "source")
    has_file = rng.random() < 0.8
    if has_file:
        y.kv(4, "file", f"{ctx.body.code}_dx_plan.pdf")
    if not has_file or rng.random() < 0.5:
        y.kv(4, "url", f"https://www.example-lg.jp/{ctx.body.code}/dx/plan.pdf")
    if rng.random() < 0.6:
        place = f"{ctx.body.prefecture}{ctx.body.name}"
        text = f"PDFから抽出したテキスト（{title}、{place}）。図は失われ、表は1行ずつに平坦化されている。"
        y.folded(4, "note", text)
    cite(y, 2, ctx, "表紙", title, page=False)
    y.blank()


def period(y: Yaml, ctx: Ctx) -> None:
    rng = ctx.rng
    y.key(0, "period")
    if rng.random() < 0.05:
        y.comment(2, "The document states no plan period anywhere.", 80)
        y.kv(2, "not_stated", True)
        y.kv(2, "note", "計画期間の記載なし。国の計画の対象期間に合わせると読める。")
        y.blank()
        return
    y.raw(2, "start", fiscal_year(ctx.start, rng))
    end = fiscal_year(ctx.end, rng) if rng.random() < 0.7 else fiscal_year_end(ctx.end, rng)
    y.raw(2, "end", end)
    if rng.random() < 0.4:
        y.folded(
            2,
            "note",
            "国の自治体DX推進計画の対象期間に合わせて設定。社会情勢の変化に応じて必要な見直しを行う。",
        )
    quote = f"令和{reiwa(ctx.start)}年度から令和{reiwa(ctx.end)}年度まで"
    cite(y, 2, ctx, "第1章 3 計画期間", quote)
    y.blank()


def governance(y: Yaml, ctx: Ctx) -> None:
    rng, name = ctx.rng, ctx.body.name
    section = "第4章 推進体制"
    y.key(0, "governance")
    y.key(2, "cio")
    if rng.random() < 0.8:
        y.kv(4, "holder", ctx.deputy)
        cite(y, 4, ctx, section, f"{ctx.deputy}を最高情報統括責任者（CIO）とし")
    else:
        y.kv(4, "not_stated", True)
        y.kv(4, "note", "CIOについての記載はない。")
    y.key(2, "cio_deputy")
    if rng.random() < 0.55:
        y.kv(4, "holder", rng.choice(("外部人材", "外部人材（民間企業出身）", "情報政策課長")))
        cite(y, 4, ctx, section, "CIO補佐官を任用し")
    else:
        y.kv(4, "not_stated", True)
        y.folded(
            4,
            "note",
            "CIO補佐官の確保を検討するとあるが、誰を充てるか（外部人材か等）の記載はない。",
        )
    y.key(2, "headquarters")
    if rng.random() < 0.9:
        y.kv(4, "name", f"{name}DX推進本部")
        y.kv(4, "head", ctx.head)
        if rng.random() < 0.5:
            y.kv(4, "members", f"{ctx.deputy}、教育長及び各部長")
        cite(y, 4, ctx, section, f"{ctx.head}を本部長とする{name}DX推進本部を設置し")
    else:
        y.kv(4, "not_stated", True)
    experts = rng.choice((0, 0, 1, 1, 2))
    if experts:
        y.key(2, "external_expertise")
        for _ in range(experts):
            role = rng.choice(("DXアドバイザー", "CIO補佐官", "デジタル化専門官"))
            y.kv(4, "role", role, dash=True)
            if rng.random() < 0.7:
                source = rng.choice(
                    (
                        "地域情報化アドバイザー派遣制度",
                        "地域活性化起業人",
                        "デジタル人材確保支援事業",
                        "民間企業との連携協定",
                    )
                )
                y.kv(6, "source", source)
            cite(y, 6, ctx, section, "外部の専門人材の知見を活用する")
    else:
        y.raw(2, "external_expertise", "[]")
    groups = rng.choice((0, 1, 1, 2, 3))
    if groups:
        y.key(2, "working_groups")
        for label in ("DX推進ワーキンググループ", "DX推進リーダー会議", "業務改革部会")[:groups]:
            y.kv(4, "name", label, dash=True)
            if rng.random() < 0.6:
                y.kv(6, "members", "各課の係長級職員")
            cite(y, 6, ctx, section, f"{label}を設置する")
    if rng.random() < 0.85:
        y.key(2, "department")
        dept = rng.choice(("総務部情報政策課", "企画部DX推進課", "総務課情報係", "デジタル推進室"))
        y.kv(4, "name", dept)
        if rng.random() < 0.5:
            text = "推進本部の事務局として、各課と連携して全庁的・組織横断的に取り組む中心部署。"
            y.folded(4, "note", text)
        cite(y, 4, ctx, section, f"{dept}が中心となり")
    y.blank()


def kpis(y: Yaml, ctx: Ctx, item: Item, section: str) -> None:
    rng = ctx.rng
    y.key(4, "kpis")
    for name, unit, base, goal in rng.sample(item.kpis, rng.randint(1, len(item.kpis))):
        y.kv(6, "name", name, dash=True)
        y.kv(8, "unit", unit)
        if rng.random() < 0.8:
            y.key(8, "baseline")
            value: str | float = base
            if rng.random() < 0.1:
                value = rng.choice(("－", "実施検討中", "現状把握中"))
            elif isinstance(base, float):
                value = round(base * rng.uniform(0.6, 1.4), 1)
            y.kv(10, "value", value)
            y.raw(10, "date", month(ctx.adopted, rng.choice((4, 10)), rng, 1))
            if rng.random() < 0.3:
                y.kv(10, "note", "計画策定時点の実績")
        if rng.random() < 0.85:
            y.key(8, "target")
            y.kv(10, "value", goal if rng.random() < 0.9 else f"{goal:g}{unit}以上")
            y.raw(10, "date", fiscal_year(rng.randint(ctx.start + 1, ctx.end), rng))
        cite(y, 8, ctx, f"{section} 成果指標", f"{name}\t{base:g}\t{goal:g}")


def schedule(y: Yaml, ctx: Ctx, steps: tuple[str, ...]) -> None:
    rng = ctx.rng
    y.key(4, "schedule")
    if rng.random() < 0.35:  # one bar over the whole period
        y.raw(6, "fiscal_year", fiscal_range(ctx.start, ctx.end, rng), dash=True)
        y.kv(8, "activity", "、".join(rng.sample(steps, 2)))
        cite(y, 8, ctx, "第5章 年度別スケジュール", None)
        return
    first = ctx.start
    for step in steps[: rng.randint(2, max(2, round(len(steps) * ctx.detail)))]:
        last = min(ctx.end, first + rng.choice((0, 0, 1)))
        y.raw(6, "fiscal_year", fiscal_range(first, last, rng), dash=True)
        y.kv(8, "activity", step)
        if rng.random() < 0.8:
            cite(y, 8, ctx, "第5章 年度別スケジュール", None)
        first = min(ctx.end, last + 1)


def progress(y: Yaml, ctx: Ctx) -> None:
    rng = ctx.rng
    y.key(4, "progress")
    for year in range(ctx.adopted + 1, min(ctx.adopted + 1 + rng.randint(1, 3), 2026)):
        status = rng.choice(("done", "in_progress", "in_progress", "delayed", "not_started"))
        if rng.random() < 0.03:
            status = "cancelled"
        y.raw(6, "as_of", fiscal_year_end(year, rng), dash=True)
        y.kv(8, "status", status)
        if rng.random() < 0.6:
            y.kv(8, "note", rng.choice(PROGRESS_NOTES[status]))
        if rng.random() < 0.5:
            cite(y, 8, ctx, f"令和{reiwa(year + 1)}年度 進捗状況報告", None)
        if status in ("done", "cancelled"):
            break


def initiative(
    y: Yaml,
    ctx: Ctx,
    ident: str,
    subject: Item | tuple[str, str, str],
    commitment: str,
    extra: list[str],
    number: int,
    variant: int = 0,
) -> None:
    """One initiative about a national item (or the plan's own subject)."""
    rng = ctx.rng
    if isinstance(subject, Item):
        first = rng.randrange(len(subject.titles))
        title = subject.titles[(first + variant) % len(subject.titles)]
        description = "。".join(rng.sample(subject.sentences, rng.randint(1, 2))) + "。"
        items = [subject.id, *extra]
        section = f"第3章 {POLICIES[subject.policy]} 施策{number}：{title}"
        steps = subject.steps
    else:
        title, description, items = subject[1], subject[2] + "。", extra
        section = f"第3章 施策{number}：{title}"
        steps = ("検討", "実施", "効果検証", "本格実施")
    active = commitment != "context"
    if not active:
        section = "第2章 国の動向（自治体DX推進計画の概要）"
        description = (
            "国の自治体DX推進計画の取組として紹介されるのみで、本計画の施策には含まれない。"
        )
        if rng.random() < 0.5:
            y.comment(
                4, "Mentioned only in the national-plan background; no measure of its own.", 80
            )
    y.kv(2, "id", ident, dash=True)
    y.kv(4, "title", title)
    if rng.random() < 0.93:
        y.folded(4, "description", description)
    y.raw(4, "national_items", "[" + ", ".join(items) + "]")
    y.kv(4, "commitment", commitment)
    if active and rng.random() < 0.55:
        year = rng.randint(ctx.start, ctx.end + (1 if rng.random() < 0.1 else 0))
        target = fiscal_year_end(year, rng) if rng.random() < 0.6 else fiscal_year(year, rng)
        y.raw(4, "target", target)
    if active and isinstance(subject, Item) and rng.random() < 0.5 * ctx.detail:
        kpis(y, ctx, subject, section)
    if active and rng.random() < 0.5 + 0.4 * ctx.detail:
        schedule(y, ctx, steps)
    if active and ctx.adopted < 2025 and rng.random() < 0.3:
        progress(y, ctx)
    cite(y, 4, ctx, section, description.split("。")[0][:60])
    y.blank()


def initiatives(y: Yaml, ctx: Ctx, plan: dict[str, str]) -> None:
    rng = ctx.rng
    y.key(0, "initiatives")
    used: dict[str, int] = {}

    def ident(base: str) -> str:
        used[base] = used.get(base, 0) + 1
        return base if used[base] == 1 else f"{base}-{used[base]}"

    number = 0
    groups: dict[int, list[tuple[Item, str]]] = {}
    for item_id, commitment in plan.items():
        if commitment != "context":
            item = ITEM_BY_ID[item_id]
            groups.setdefault(item.policy, []).append((item, commitment))
    for policy, members in sorted(groups.items()):
        y.comment(2, f"--- {POLICIES[policy]} ---")
        for item, commitment in members:
            extra_count = (rng.random() < 0.35 * ctx.detail) + (rng.random() < 0.1 * ctx.detail)
            for n in range(1 + extra_count):
                number += 1
                extra = []
                if rng.random() < 0.2:
                    extra = [rng.choice([i.id for i in ITEMS if i.id != item.id])]
                level = commitment if n == 0 else rng.choice(("implement", "consider", "continue"))
                if rng.random() < 0.08:
                    y.comment(
                        4,
                        "Judgement call: the text says 「検討する」 for part of this measure; "
                        "encoded at the level of its main sentence.",
                        80,
                    )
                base = item.id.replace("_", "-")
                initiative(y, ctx, ident(base), item, level, extra, number, variant=n)
    y.comment(2, "--- 本計画独自の取組 ---")
    for own in rng.sample(OWN_INITIATIVES, rng.randint(1, 1 + round(3 * ctx.detail))):
        number += 1
        level = rng.choice(("implement", "implement", "consider", "continue"))
        initiative(y, ctx, ident(own[0]), own, level, [], number)
    context = [i for i, c in plan.items() if c == "context"]
    if context:
        y.comment(2, "--- National items mentioned only as background (国の動向) ---")
    for item_id in context:
        ident_ = ident(f"ctx-{item_id.replace('_', '-')}")
        initiative(y, ctx, ident_, ITEM_BY_ID[item_id], "context", [], 0)


def facts(y: Yaml, ctx: Ctx, plan: dict[str, str]) -> None:
    rng = ctx.rng
    covered = [i for i, c in plan.items() if c != "context"]
    y.key(0, "facts")
    if "standardization" in covered:
        y.key(2, "standardization")
        old = rng.random() < 0.25  # the first law-based list had 17
        systems = [s for s in CORE if not (old and s in ("戸籍", "戸籍の附票", "印鑑登録"))]
        if rng.random() < 0.7:
            y.key(4, "systems")
            for system in systems[: len(systems) - rng.choice((0, 0, 0, 2))]:
                y.item(6, system)
        else:
            y.comment(4, "No list of 基幹業務 in the document, only the count.", 80)
            y.raw(4, "systems", "[]")
        y.kv(4, "systems_count_stated", len(systems))
        y.raw(4, "target", fiscal_year_end(2025, rng))
        y.kv(4, "government_cloud", rng.random() < 0.85)
        cite(y, 4, ctx, "第3章 情報システムの標準化・共通化", "標準準拠システムへ移行する")
    if "online_procedures" in covered:
        y.key(2, "online_procedures")
        chosen = rng.sample(ONLINE, rng.randint(0, len(ONLINE)))
        if chosen:
            y.key(4, "procedures")
            for name in chosen:
                y.item(6, name)
        else:
            y.raw(4, "procedures", "[]")
        if rng.random() < 0.6:
            y.kv(4, "count", rng.choice((26, 27, 31, len(chosen) or 10)))
        y.kv(4, "via_mynaportal", rng.random() < 0.8)
        if rng.random() < 0.5:
            y.raw(4, "target", fiscal_year_end(rng.randint(2022, 2025), rng))
        cite(y, 4, ctx, "第3章 行政手続のオンライン化", "マイナポータルを活用し")
    for item_id in covered:
        if item_id in ("standardization", "online_procedures", "org_structure"):
            continue
        if rng.random() < 0.2:
            continue
        item = ITEM_BY_ID[item_id]
        y.key(2, item_id)
        y.key(4, "measures")
        for measure in rng.sample(item.measures, rng.randint(1, len(item.measures))):
            y.item(6, measure)
        if rng.random() < 0.3:
            y.raw(4, "target", fiscal_year_end(rng.randint(ctx.start, ctx.end), rng))
        cite(y, 4, ctx, f"第3章 {item.titles[0]}", item.measures[0])


def waivers(y: Yaml, ctx: Ctx, plan: dict[str, str]) -> None:
    rng = ctx.rng
    if rng.random() > 0.12:
        return
    y.blank()
    y.comment(0, "Deliberate exceptions agreed with the DX推進本部 (see minutes).", 80)
    y.key(0, "waivers")
    for _ in range(rng.randint(1, 2)):
        y.kv(2, "rule", rng.choice(RULES), dash=True)
        if rng.random() < 0.6:
            y.kv(4, "item", rng.choice(list(plan) or ["standardization"]))
        reason = rng.choice(
            (
                "次期計画で対応予定",
                "県の共同調達の方針を待っている",
                "国の仕様確定後に目標時期を定める",
            )
        )
        y.kv(4, "reason", reason)
        y.raw(4, "expires", fiscal_year_end(rng.randint(2025, 2028), rng))


TITLES = {
    "plan": "DX推進計画",
    "vision": "DX推進ビジョン",
    "policy": "DX推進方針",
    "summary": "DX推進計画（概要版）",
    "proposal": "DX推進計画（策定提案）",
    "other": "デジタル化推進指針",
}


def plan_text(body: Body, seed: int = SEED) -> str:
    """The YAML text of one synthetic plan."""
    rng = random.Random(f"{seed}:{body.code}")
    head, deputy = posts(body.kind)
    adopted = rng.choice((2020, 2021, 2021, 2022, 2022, 2022, 2023, 2023, 2024, 2025))
    start = adopted + rng.choice((0, 1, 1))
    end = start + rng.choice((2, 3, 3, 4, 4, 5))
    detail = rng.uniform(0.3, 1.0)
    ctx = Ctx(body, rng, head, deputy, adopted, start, end, rng.randint(2, 6), detail)
    kind = rng.choice(("plan",) * 6 + ("vision", "policy", "summary", "proposal", "other"))
    title = f"{'第2次' if rng.random() < 0.1 else ''}{body.name}{TITLES[kind]}"
    plan: dict[str, str] = {}
    for item in ITEMS:
        if rng.random() < item.weight:
            plan[item.id] = rng.choice(("implement",) * 6 + ("continue",) * 2 + ("consider",) * 2)
        elif rng.random() < 0.4:
            plan[item.id] = "context"
    y = Yaml()
    header(y, ctx, title, [i for i, c in plan.items() if c != "context"])
    municipality(y, ctx)
    document(y, ctx, title, kind)
    period(y, ctx)
    governance(y, ctx)
    initiatives(y, ctx, plan)
    facts(y, ctx, plan)
    waivers(y, ctx, plan)
    return y.text()


def generate(
    folder: Path, count: int = MUNICIPALITIES + PREFECTURES, seed: int = SEED
) -> list[Path]:
    """Write ``count`` plans (prefectures first) into ``folder``; returns their paths. Refuses a
    non-empty folder that this script did not make; replaces its own earlier plans."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / MARKER
    if any(p.name != MARKER for p in folder.iterdir()) and not marker.exists():
        raise SystemExit(f"{folder} is not empty and was not made by generate.py; not writing")
    for old in folder.glob("*.yaml"):
        if re.fullmatch(r"[0-9]{6}\.yaml", old.name):
            old.unlink()
    marker.write_text(f"seed {seed}, count {count}\n", encoding="utf-8")
    paths = []
    for body in bodies(seed)[:count]:
        path = folder / f"{body.code}.yaml"
        path.write_text(plan_text(body, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", help="default: a new temporary folder")
    parser.add_argument("--count", type=int, default=MUNICIPALITIES + PREFECTURES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--validate", action="store_true", help="run `dxcheck validate` on the folder afterwards"
    )
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="dxcheck-plans-"))
    paths = generate(folder, args.count, args.seed)
    lines = sorted(p.read_bytes().count(b"\n") for p in paths)
    size = sum(p.stat().st_size for p in paths)
    print(
        f"{len(paths)} plans, {size / 1e6:.1f} MB, lines min {lines[0]} / median "
        f"{lines[len(lines) // 2]} / max {lines[-1]}: {folder}"
    )
    if args.validate:
        dxcheck = Path(sys.executable).parent / "dxcheck"
        done = subprocess.run(
            [str(dxcheck), "validate", str(folder)], capture_output=True, text=True
        )
        summary = done.stdout.strip().splitlines()[-1:] or [done.stderr.strip()]
        print(f"dxcheck validate: exit {done.returncode}: {summary[0]}")
        sys.exit(done.returncode)


if __name__ == "__main__":
    main()
