"""Build dxcheck's bundled table of 全国地方公共団体コード from upstream's index.json.

    python scripts/build_municipalities.py                       # from ../shared/reference/municipalities
    python scripts/build_municipalities.py path/to/local-gov-code-jp --commit <40-hex commit>

Reads ``index.json`` and ``LICENSE.txt`` of https://github.com/nojimage/local-gov-code-jp (MIT)
and writes, under src/dxcheck/data/municipalities/:

- ``municipalities.tsv``: one row per government (47 prefectures, the 市区町村 incl. the 6 北方領土
  villages, the wards of the 政令指定都市), columns ``code kind name kana parent``. ``name`` and
  ``kana`` are without the prefecture (and, for wards, without the city): 青葉区 / あおばく;
  ``parent`` is the code of a ward's 政令指定都市. The prefecture of a row is the prefecture row
  with the same first two digits.
- ``LICENSE.txt``: upstream's MIT notice, byte for byte (its terms require it to ship with the data).
- ``PROVENANCE.md``: where the data comes from (repository, commit, sha256 of index.json) and the
  総務省 credit.

Every code's check digit and every row's consistency are verified first; the script refuses data
that does not look like upstream's format. Standard library only. Output is deterministic (same
input, same bytes), which tests/test_codes.py relies on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = "../shared/reference/municipalities"  # relative to the repository root
DEFAULT_COMMIT = "a14eb2b84eefb7e50ee76f83f5dbdb4f8a68e195"  # upstream master, v1.6.20240101
UPSTREAM = "https://github.com/nojimage/local-gov-code-jp"
OUT = ROOT / "src" / "dxcheck" / "data" / "municipalities"

# Villages on the 北方領土 (Northern Territories): they have codes but no functioning government.
NORTHERN_TERRITORIES = frozenset({"016951", "016969", "016977", "016985", "016993", "017001"})


def check_digit_ok(code: str) -> bool:
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(code[:5], (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10 == int(code[5])


def rows(index: list[dict[str, str]]) -> list[tuple[str, str, str, str, str]]:
    """(code, kind, name, kana, parent) per government, in upstream order, verified."""
    out: list[tuple[str, str, str, str, str]] = []
    seen: set[str] = set()
    for row in index:
        code, kind = row["code"], row["type"]
        problem = None
        if not check_digit_ok(code):
            problem = "bad check digit"
        elif code in seen:
            problem = "duplicate code"
        elif row["pref_code"][:2] != code[:2]:
            problem = "prefecture code does not match"
        if problem:
            raise SystemExit(f"{code}: {problem}")
        seen.add(code)
        if kind == "prefecture":
            name, kana, parent = row["pref_name"], row["pref_kana"], ""
        elif kind == "city":
            name, kana, parent = row["city_name"], row["city_kana"], ""
            if code in NORTHERN_TERRITORIES:
                kind = "northern_territories"
        elif kind == "ward":
            name, kana, parent = row["ward_name"], row["ward_kana"], row["city_code"]
            if parent not in seen:
                raise SystemExit(f"{code}: ward before its city {parent}")
        else:
            raise SystemExit(f"{code}: unknown type {kind!r}")
        full = row["pref_name"] + (row.get("city_name", "") if kind == "ward" else "") + name
        if kind != "prefecture" and full != row["name"]:
            raise SystemExit(f"{code}: {full} != {row['name']}")
        if any(c in "\t\n" for c in name + kana):
            raise SystemExit(f"{code}: tab or newline in a name")
        out.append((code, kind, name, kana, parent))
    return out


def provenance(
    source_sha: str, licence_sha: str, commit: str, counts: Counter[str], source: str
) -> str:
    municipalities = counts["city"] + counts["northern_territories"]
    return f"""\
# 全国地方公共団体コード (bundled table)

出典：総務省ウェブサイト（全国地方公共団体コード）
<https://www.soumu.go.jp/denshijiti/code.html>, as compiled by {UPSTREAM} (MIT licence,
"Copyright (c) 2018 ELASTIC Consultants Inc.", see LICENSE.txt next to this file).

| | |
| --- | --- |
| Upstream repository | {UPSTREAM} |
| Upstream commit | `{commit}` |
| Upstream file | `index.json` (sha256 `{source_sha}`) |
| Upstream licence | `LICENSE.txt`, copied byte for byte (sha256 `{licence_sha}`) |
| Copy used to build | `{source}` (relative to the repository root) |
| Built by | `scripts/build_municipalities.py` (do not edit `municipalities.tsv` by hand) |

Rows: {counts["prefecture"]} prefectures, {municipalities} 市区町村 ({counts["city"]} plus the
{counts["northern_territories"]} 北方領土 villages, kind `northern_territories`), {counts["ward"]} wards of the
政令指定都市 (kind `ward`, `parent` = the city's code). Tokyo's 23 特別区 are `city` rows.

Only the data and the licence text come from upstream; no code. Upstream builds its JSON from the
Excel file that 総務省 links from the page above (readings converted to hiragana). The 総務省 material is
published under the site's terms of use (believed to be 政府標準利用規約 2.0, compatible with CC BY 4.0),
which ask for the credit given on the first line.

To refresh: copy a newer upstream `index.json` and `LICENSE.txt` into a folder and run
`python scripts/build_municipalities.py FOLDER --commit <upstream commit>`, then review the diff of
`municipalities.tsv` (codes change when, e.g., a 町 becomes a 市) and run the tests.
"""


def build(source: Path, commit: str, out: Path = OUT, label: str = DEFAULT_SOURCE) -> Counter[str]:
    raw = (source / "index.json").read_bytes()
    licence = (source / "LICENSE.txt").read_bytes()
    table = rows(json.loads(raw.decode("utf-8")))
    counts = Counter(kind for _, kind, *_ in table)
    lines = [
        "# 全国地方公共団体コード. 出典：総務省ウェブサイト（全国地方公共団体コード）, via "
        f"{UPSTREAM} (MIT, see LICENSE.txt). Generated by scripts/build_municipalities.py; "
        "do not edit.",
        "code\tkind\tname\tkana\tparent",
        *("\t".join(row) for row in table),
    ]
    out.mkdir(parents=True, exist_ok=True)
    (out / "municipalities.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "LICENSE.txt").write_bytes(licence)
    text = provenance(
        hashlib.sha256(raw).hexdigest(), hashlib.sha256(licence).hexdigest(), commit, counts, label
    )
    (out / "PROVENANCE.md").write_text(text, encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("source", nargs="?", default=DEFAULT_SOURCE, help="folder of index.json")
    parser.add_argument("--commit", default=DEFAULT_COMMIT, help="upstream commit of that copy")
    args = parser.parse_args()
    source = Path(args.source)
    if not source.is_absolute():
        source = ROOT / source
    counts = build(source, args.commit, label=args.source)
    print(", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
