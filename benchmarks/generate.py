"""Generate 1,788 realistic synthetic plans (1,741 municipalities + 47 prefectures).

Deterministic (fixed seed): the same folder content on every run. Each plan starts from one of
the five real plans in plans/ (so sizes, comments and Japanese text are like the real ones) and
gets its own municipality, code (with a correct check digit), period, commitments and targets.
Municipal codes are synthetic and avoid 宮城県 (04), whose real codes dxcheck knows by name.

    python benchmarks/generate.py /tmp/plans1788          # writes 1,788 files
    python benchmarks/generate.py /tmp/plans200 --count 200
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dxcheck.codes import check_digit  # noqa: E402

MUNICIPALITIES, PREFECTURES = 1741, 47
# Synthetic prefecture names, except 宮城県 (04), whose code dxcheck knows by name.
PREFECTURE_NAMES = ["宮城県" if n == 4 else f"第{n}県" for n in range(1, 48)]
KANJI = "東西南北上下中山川田原野島松本井木村森林花岡沢宮城崎浜"
COMMITMENTS = ("implement", "implement", "implement", "continue", "consider")
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


def codes(count: int) -> list[tuple[str, str, bool]]:
    """(code, prefecture name, is_prefecture) for ``count`` bodies, prefectures first."""
    out: list[tuple[str, str, bool]] = []
    prefectures = [p for p in range(1, 48) if p != 4]
    for pref in range(1, 48):
        first = f"{pref:02d}000"
        out.append((first + str(check_digit(first)), PREFECTURE_NAMES[pref - 1], True))
    number = 0
    while len(out) < count:
        pref = prefectures[number % len(prefectures)]
        serial = 100 + (number // len(prefectures)) * 7 % 900
        first = f"{pref:02d}{serial:03d}"
        code = first + str(check_digit(first))
        if all(code != c for c, _, _ in out):
            out.append((code, PREFECTURE_NAMES[pref - 1], False))
        number += 1
    return out[:count]


def name_for(rng: random.Random, is_prefecture: bool, prefecture: str) -> str:
    if is_prefecture:
        return prefecture
    stem = "".join(rng.choice(KANJI) for _ in range(rng.randint(2, 3)))
    return stem + rng.choice(("市", "市", "町", "町", "村"))


def era_year(rng: random.Random, low: int, high: int, wide: bool) -> str:
    year = str(rng.randint(low, high))
    return year.translate(WIDE) if wide else year


def mutate(text: str, rng: random.Random, code: str, name: str, prefecture: str) -> str:
    text = re.sub(r'(?m)^  code: "\d{6}"$', f'  code: "{code}"', text, count=1)
    text = re.sub(r"(?m)^  name: .+$", f"  name: {name}", text, count=1)
    text = re.sub(r"(?m)^  prefecture: .+$", f"  prefecture: {prefecture}", text, count=1)
    text = re.sub(r"(?m)^  title: .+$", f"  title: {name}DX推進計画", text, count=1)
    wide = rng.random() < 0.3
    start = rng.randint(3, 7)
    text = re.sub(
        r"(?m)^  start: 令和\S+$", f"  start: 令和{era_year(rng, start, start, wide)}年度", text
    )
    end = start + rng.randint(2, 4)
    text = re.sub(r"(?m)^  end: 令和\S+$", f"  end: 令和{era_year(rng, end, end, wide)}年度", text)

    def commitment(match: re.Match[str]) -> str:
        if match.group(1) == "context":
            return match.group(0)
        return f"commitment: {rng.choice(COMMITMENTS)}"

    text = re.sub(r"commitment: (\w+)", commitment, text)

    def target(match: re.Match[str]) -> str:
        year = era_year(rng, 5, 9, rng.random() < 0.3)
        return f"{match.group(1)}target: 令和{year}年度{rng.choice(('末', '', ''))}"

    return re.sub(r"(?m)^(\s+)target: 令和\S+$", target, text)


def generate(folder: Path, count: int, seed: int = 20261125) -> list[Path]:
    rng = random.Random(seed)
    templates = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "plans").glob("*.yaml"))]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, (code, prefecture, is_pref) in enumerate(codes(count)):
        name = name_for(rng, is_pref, prefecture)
        text = mutate(templates[index % len(templates)], rng, code, name, prefecture)
        path = folder / f"{code}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=MUNICIPALITIES + PREFECTURES)
    args = parser.parse_args()
    paths = generate(args.folder, args.count)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} plans, {size / 1e6:.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
