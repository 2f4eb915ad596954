"""One class tree: validation returns the plan and catalog classes themselves, from core
schemas shipped with the package (dxcheck.core_schemas), and the shipped files are current.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dxcheck.catalog import load_catalog
from dxcheck.catalog.models import Catalog, CatalogCitation
from dxcheck.models import Citation, Facts, Plan, walk
from dxcheck.validate import validate_bytes

ROOT = Path(__file__).resolve().parents[1]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))


def _script() -> ModuleType:
    path = ROOT / "scripts" / "core_schemas.py"
    spec = importlib.util.spec_from_file_location("core_schemas_script", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_core_schemas_and_catalogs_are_what_pydantic_generates_now() -> None:
    """Edit a class or a catalog file without `python scripts/core_schemas.py --write` and
    this fails (the validator would not be the one the classes declare)."""
    from dxcheck.core_schemas import DATA

    expected = _script().expected()
    shipped = {p.name: p.read_text("utf-8") for p in DATA.glob("*.json")}
    assert sorted(shipped) == sorted(expected)
    stale = [name for name, text in expected.items() if shipped[name] != text]
    assert not stale, f"run python scripts/core_schemas.py --write: {stale}"


def test_validation_returns_the_plan_classes_themselves() -> None:
    result = validate_bytes(PLANS[0].read_bytes(), PLANS[0].name)
    plan = result.plan
    assert isinstance(plan, Plan) and isinstance(plan.facts, Facts)
    citations = [value for _, value in walk(plan) if isinstance(value, Citation)]
    assert citations and all(type(c) is Citation for c in citations)
    shorter = dataclasses.replace(plan, initiatives=[])
    assert shorter.initiatives == [] and shorter.municipality == plan.municipality
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.municipality.name = "x"  # type: ignore[misc]
    again = validate_bytes(PLANS[0].read_bytes(), PLANS[0].name).plan
    assert again == plan


def test_bundled_catalogs_are_the_catalog_classes_with_their_methods() -> None:
    catalog = load_catalog("2.3")
    assert isinstance(catalog, Catalog)
    assert isinstance(catalog.citation, CatalogCitation)
    assert catalog.citation.strength in ("official", "secondary", "none")  # a property
    assert all(item.citation.secondary_only in (True, False) for item in catalog.items)


def test_a_rule_of_the_class_holds_when_the_class_is_built_in_python() -> None:
    """The checks a type cannot say (here: give start/end or not_stated) are the class's own,
    so code and tests that build a plan part by hand get them too."""
    from pydantic_core import PydanticCustomError

    from dxcheck.models import Period

    with pytest.raises(PydanticCustomError):
        Period(not_stated=False)
    assert Period(not_stated=True).not_stated


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["validate", str(PLANS[0])], 0),
        (["check", "--no-cache", "--as-of", "2026-11-23", str(PLANS[2])], 0),
        (["check", "--no-cache", "-f", "sarif", "--as-of", "2026-11-23", str(PLANS[4])], 1),
    ],
)
def test_one_file_commands_never_import_pydantic(
    args: list[str], code: int, tmp_path: Path
) -> None:
    """The one-file path imports pydantic-core only, on the very first run as on every other
    (nothing is prepared per install), and writes nothing outside the project."""
    env = {**os.environ, "DXCHECK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    script = (
        "import sys\n"
        "from dxcheck.cli import main\n"
        f"code = main({args!r})\n"
        "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'), code)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert run.stdout.rpartition("LOADED")[2].strip() == f"[] {code}", run.stdout + run.stderr
    assert not (tmp_path / "cache").exists()


def test_the_classes_behave_as_frozen_dataclasses_do() -> None:
    """Their methods are shared ones (dxcheck.schema_marks.model), not generated per class:
    they must still compare, hash, copy, pickle and refuse changes as a frozen dataclass."""
    import copy
    import pickle

    plan = validate_bytes(PLANS[1].read_bytes(), PLANS[1].name).plan
    assert plan is not None
    assert [f.name for f in dataclasses.fields(plan)][:2] == ["schema_version", "municipality"]
    assert "__pydantic_config__" not in {f.name for f in dataclasses.fields(plan)}
    assert pickle.loads(pickle.dumps(plan)) == plan
    assert copy.deepcopy(plan) == plan
    assert hash(plan.municipality) == hash(copy.copy(plan.municipality))
    assert plan.municipality != dataclasses.replace(plan.municipality, name="別の町")
    assert repr(Citation(section="第1章")).startswith("Citation(section='第1章', page=None")
    with pytest.raises(TypeError):
        Citation()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Citation(section="x", chapter="y")  # type: ignore[call-arg]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del plan.facts
