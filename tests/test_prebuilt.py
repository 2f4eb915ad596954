"""The prebuilt validators and catalogs (dxcheck.prebuilt) give exactly what pydantic gives.

A one-file `dxcheck validate` validates with the core schema pydantic generated on an earlier
run, into plain records, without importing pydantic's model machinery. These tests hold it to
the plain pydantic path on the five plans and on a few hundred mutated plans (every kind of
schema error: missing and unknown keys, wrong types, bad dates and codes, model-level rules),
and check that damaged or hostile prebuilt files are never trusted.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from dxcheck import prebuilt
from dxcheck.catalog import _load_bundled, available_versions, business_variants
from dxcheck.diagnostics import Diagnostic
from dxcheck.models import Plan
from dxcheck.validate import validate_bytes

pytestmark = pytest.mark.slow  # pytest -m "not slow" leaves it out (README)

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
ODD_VALUES: list[Any] = [12345, "", True, None, [], {}, "令和99年13月1日", "x", 1.5, ["a"]]


def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the validators this process already holds (as a new process would)."""
    monkeypatch.setattr(prebuilt, "_validators", {})
    monkeypatch.setattr(prebuilt, "_record_validators", {})


def _pydantic_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reference: the validator pydantic builds from the model, no prebuilt file."""

    def built_by_pydantic(model: Any) -> Any:
        model.model_rebuild()
        return model.__pydantic_validator__

    monkeypatch.setattr(prebuilt, "validator", built_by_pydantic)
    monkeypatch.setattr(prebuilt, "record_validator", lambda module, qualname: None)


def _seen(diagnostics: list[Diagnostic]) -> list[tuple[Any, ...]]:
    return [
        (d.code, d.severity, d.line, d.column, d.message("ja"), d.message("en"), d.yaml_path)
        for d in diagnostics
    ]


def _mutations(data: Any, rng: random.Random, count: int) -> list[Any]:
    """``count`` variants of a plan, each with one change somewhere in it."""
    places: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                places.append((node, key))
                walk(value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                places.append((node, index))
                walk(value)

    walk(data)
    out = []
    for _ in range(count):
        copy = json.loads(json.dumps(data, default=str))
        copy_places: list[tuple[Any, Any]] = []
        places.clear()
        walk(copy)
        copy_places = list(places)
        parent, key = rng.choice(copy_places)
        action = rng.randrange(3)
        if action == 0 and isinstance(parent, dict):
            del parent[key]
        elif action == 1 and isinstance(parent, dict):
            parent[f"{key}_x"] = "unexpected"
        else:
            parent[key] = rng.choice(ODD_VALUES)
        out.append(copy)
    return out


_TARGETED: list[Any] = [  # each model-level rule and semantic check, at least once
    lambda d: d["period"].update(not_stated=True),  # period_conflict
    lambda d: d.update(period={"not_stated": False}),  # period_missing
    lambda d: d["period"].pop("cite", None),  # cite_missing
    lambda d: d["period"].update(start="令和9年4月", end="令和5年3月"),  # period_order
    lambda d: d["governance"].update(cio={"not_stated": False}),  # stated_missing (holder)
    lambda d: d["governance"].update(headquarters={"note": "x"}),  # stated_missing (name)
    lambda d: d["document"].update(source={"note": "no file or url"}),  # source_missing
    lambda d: d.pop("facts", None),  # Facts() default
    lambda d: d["initiatives"].append(dict(d["initiatives"][0])),  # DX210
    lambda d: d["municipality"].update(name="塩釜市", code="042030"),  # DX222
    lambda d: d["municipality"].update(code="042137"),  # DX211 (栗原市's code)
    lambda d: d["municipality"].update(code="044017"),  # check digit
    lambda d: d["document"].update(adopted="平成32年4月1日"),  # DX212 warning
    lambda d: d["initiatives"][0].update(national_items=["standardisation"]),  # unknown item
]


def _documents() -> list[tuple[str, bytes]]:
    rng = random.Random(12)
    docs: list[tuple[str, bytes]] = []
    for path in PLANS:
        raw = path.read_bytes()
        docs.append((path.name, raw))
        data = yaml.safe_load(raw)
        for n, variant in enumerate(_mutations(data, rng, 60)):
            text = yaml.safe_dump(variant, allow_unicode=True, sort_keys=False)
            docs.append((f"{path.stem}-{n}.yaml", text.encode("utf-8")))
    base = yaml.safe_load(PLANS[0].read_bytes())
    for change in _TARGETED:
        variant = json.loads(json.dumps(base, default=str))
        change(variant)
        text = yaml.safe_dump(variant, allow_unicode=True, sort_keys=False)
        docs.append((f"targeted-{len(docs)}.yaml", text.encode("utf-8")))
    for bad in sorted((ROOT / "tests" / "data" / "bad").glob("*.yaml")):
        docs.append((bad.name, bad.read_bytes()))
    return docs


DOCUMENTS = _documents()


def test_prebuilt_and_record_validation_match_pydantic_on_plans_and_mutations(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(tmp_path / "cache"))
    with monkeypatch.context() as patch:
        _pydantic_only(patch)
        reference = [validate_bytes(data, name) for name, data in DOCUMENTS]
    # the first run writes the prebuilt schema; a new process reads it back
    _fresh(monkeypatch)
    prebuilt.validator(Plan)
    assert list((tmp_path / "cache" / "prebuilt").glob("schema-dxcheck.models.Plan-*.json"))
    _fresh(monkeypatch)
    assert prebuilt.validator(Plan) is not Plan.__pydantic_validator__  # read from the file
    models = [validate_bytes(data, name) for name, data in DOCUMENTS]
    records = [validate_bytes(data, name, keep="none") for name, data in DOCUMENTS]

    kinds = set()
    for ref, model, record in zip(reference, models, records, strict=True):
        assert _seen(model.diagnostics) == _seen(ref.diagnostics), ref.path
        assert _seen(record.diagnostics) == _seen(ref.diagnostics), ref.path
        assert model.valid == record.valid == ref.valid, ref.path
        assert model.plan == ref.plan, ref.path
        assert record.plan is None  # the verdict only
        kinds.update(d.code for d in ref.diagnostics)
    valid = sum(r.valid for r in reference)
    # the corpus exercises both outcomes and the schema's kinds of error
    assert valid >= len(PLANS) and len(reference) - valid > 200
    assert {"DX202", "DX203", "DX204", "DX206", "DX207", "DX208", "DX209", "DX210"} <= kinds
    assert {"DX211", "DX212", "DX222"} <= kinds


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["validate", str(PLANS[0])], 0),
        (["check", "--no-cache", "--as-of", "2026-11-23", str(PLANS[2])], 0),
        (["check", "--no-cache", "-f", "sarif", "--as-of", "2026-11-23", str(PLANS[4])], 1),
    ],
)
def test_one_file_commands_skip_pydantic_models_once_prebuilt(
    args: list[str], code: int, tmp_path: Path
) -> None:
    """The one-file path imports pydantic-core only (not pydantic's model machinery, not the
    model classes), and prints the same as the first run, which lets pydantic build."""
    env = {**os.environ, "DXCHECK_CACHE_DIR": str(tmp_path / "cache")}
    script = (
        "import sys\n"
        "from dxcheck.cli import main\n"
        f"code = main({args!r})\n"
        "loaded = [m for m in ('pydantic.main', 'dxcheck.models', 'dxcheck.catalog.models')"
        " if m in sys.modules]\n"
        "print('LOADED', loaded, code)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    first, second = (run.stdout.rpartition("LOADED") for run in runs)
    assert "pydantic.main" in first[2]  # the first run: pydantic builds, then it is written
    assert second[2].strip() == f"[] {code}", runs[1].stdout + runs[1].stderr
    assert first[0] == second[0]  # the same output


def _plan_file(tmp_path: Path) -> Path:
    files = list((tmp_path / "cache" / "prebuilt").glob("schema-dxcheck.models.Plan-*.json"))
    assert len(files) == 1
    return files[0]


@pytest.mark.parametrize(
    "damage",
    ["truncate", "garbage", "foreign_key", "hostile_ref", "wrong_model", "empty", "list", "deep"],
)
def test_damaged_or_hostile_prebuilt_file_is_ignored_and_rewritten(
    damage: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(tmp_path / "cache"))
    _fresh(monkeypatch)
    prebuilt.record_validator("dxcheck.models", "Plan")
    path = _plan_file(tmp_path)
    good = path.read_text(encoding="utf-8")
    payload = json.loads(good)
    if damage == "truncate":
        path.write_text(good[: len(good) // 2], encoding="utf-8")
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff" * 100)
    elif damage == "foreign_key":
        payload["key"] = "0" * 64
        path.write_text(json.dumps(payload), encoding="utf-8")
    elif damage == "hostile_ref":
        marker = tmp_path / "pwned"
        payload["schema"] = {
            "type": "function-plain",
            "function": {"type": "no-info", "function": {"__dxcheck_ref__": "os:system"}},
        }
        payload["models"] = {}
        path.write_text(json.dumps(payload), encoding="utf-8")
        monkeypatch.setattr(os, "system", lambda *a: marker.write_text("ran"))
    elif damage == "wrong_model":
        payload["model"] = "dxcheck.models.Citation"
        path.write_text(json.dumps(payload), encoding="utf-8")
    elif damage == "empty":
        path.write_text("", encoding="utf-8")
    elif damage == "deep":
        path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    else:
        path.write_text("[1, 2]", encoding="utf-8")

    _fresh(monkeypatch)
    result = validate_bytes(PLANS[0].read_bytes(), PLANS[0].name, keep="none")
    assert result.valid and not result.diagnostics
    broken = validate_bytes(b"municipality: {name: x}\n", "x.yaml", keep="none")
    assert not broken.valid and any(d.code == "DX203" for d in broken.diagnostics)
    assert not (tmp_path / "pwned").exists()
    rewritten = json.loads(_plan_file(tmp_path).read_text(encoding="utf-8"))
    assert rewritten["schema"] == json.loads(good)["schema"]
    assert rewritten["key"] == json.loads(good)["key"]


def test_without_a_home_folder_nothing_is_written_and_all_still_works(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DXCHECK_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # HOME unknown: "~" stays
    _fresh(monkeypatch)
    assert prebuilt.folder() is None
    assert validate_bytes(PLANS[0].read_bytes(), PLANS[0].name, keep="record").valid
    assert list(tmp_path.iterdir()) == []  # no "~" folder where dxcheck ran


def test_old_prebuilt_files_are_pruned_to_the_newest_few(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An edited checkout or each upgrade writes files under a new key; old ones go."""
    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "prebuilt"
    folder.mkdir(parents=True)
    stale = [folder / f"schema-dxcheck.models.Plan-{n:016x}.json" for n in range(6)]
    for age, path in enumerate(stale):
        path.write_text("{}", encoding="utf-8")
        os.utime(path, ns=(age * 10**9, age * 10**9))
    other = folder / "schema-dxcheck.models.Waiver-0000000000000000.json"
    other.write_text("{}", encoding="utf-8")
    _fresh(monkeypatch)
    prebuilt.record_validator("dxcheck.models", "Plan")
    plans = sorted(folder.glob("schema-dxcheck.models.Plan-*.json"))
    assert len(plans) == prebuilt.KEEP
    assert _plan_file_current(folder) in plans
    assert stale[-1] in plans and stale[0] not in plans  # the newest stay, the oldest go
    assert other.exists()  # another model's file is not touched


def _plan_file_current(folder: Path) -> Path:
    key = prebuilt._key("dxcheck.models.Plan")
    return folder / f"schema-dxcheck.models.Plan-{key[:16]}.json"


def test_unwritable_cache_folder_still_validates(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(blocker))
    _fresh(monkeypatch)
    ok = validate_bytes(PLANS[0].read_bytes(), PLANS[0].name, keep="none")
    assert ok.valid
    bad = validate_bytes(b"municipality: 1\n", "x.yaml", keep="none")
    assert not bad.valid
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_prebuilt_catalogs_equal_the_bundled_yaml(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dxcheck.catalog import DATA
    from dxcheck.catalog.models import Catalog

    monkeypatch.setenv("DXCHECK_CACHE_DIR", str(tmp_path / "cache"))
    for version in available_versions():
        text = (DATA / f"{version}.yaml").read_text("utf-8")
        from_yaml = Catalog.model_validate(yaml.load(text, Loader=yaml.CSafeLoader))
        for _ in range(2):  # written on the first call, read back on the second
            _fresh(monkeypatch)
            _load_bundled.cache_clear()
            loaded = _load_bundled(version)
            assert type(loaded).__name__ == "Catalog" and not isinstance(loaded, Catalog)
            assert prebuilt.to_json(loaded) == from_yaml.model_dump(mode="json")
        assert list((tmp_path / "cache" / "prebuilt").glob(f"data-catalog-{version}-*.json"))
    business_variants.cache_clear()
    first = business_variants()
    business_variants.cache_clear()
    assert business_variants() == first
    _load_bundled.cache_clear()
    business_variants.cache_clear()


def test_cache_clean_removes_the_prebuilt_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import run_cli

    home = tmp_path / "xdg"
    monkeypatch.delenv("DXCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.chdir(tmp_path)
    _fresh(monkeypatch)
    prebuilt.record_validator("dxcheck.models", "Plan")
    assert (home / "dxcheck" / "prebuilt").is_dir()
    assert (home / "dxcheck" / "CACHEDIR.TAG").is_file()
    code, out, _ = run_cli(capsys, "cache", "clean", str(tmp_path))
    assert code == 0 and "prebuilt" in out
    assert not (home / "dxcheck" / "prebuilt").exists()
