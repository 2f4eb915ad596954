"""The exported JSON Schema that editors use: committed, in sync, and agreeing with validate."""

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import DATA, PLANS, ROOT
from dxcheck.loader import load_path
from dxcheck.schema import schema_text

SCHEMA_FILE = ROOT / "schemas" / "plan.schema.json"


def test_committed_schema_is_what_dxcheck_schema_prints(capsys: pytest.CaptureFixture[str]) -> None:
    from dxcheck.cli import main

    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == schema_text()
    assert SCHEMA_FILE.read_text(encoding="utf-8") == printed, (
        "schemas/plan.schema.json is stale: run `dxcheck schema > schemas/plan.schema.json`"
    )


def _schema() -> dict[str, object]:
    schema: dict[str, object] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(_schema())


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_plans_satisfy_the_editor_schema(path: Path) -> None:
    document = load_path(str(path))
    jsonschema.validate(document.data, _schema(), cls=jsonschema.Draft202012Validator)
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/plan.schema.json"
    )


def test_editor_schema_rejects_unknown_keys_like_validate_does() -> None:
    document = load_path(str(DATA / "minimal.yaml"))
    data = dict(document.data)
    data["municipalty"] = data["municipality"]
    with pytest.raises(jsonschema.ValidationError, match="municipalty"):
        jsonschema.validate(data, _schema(), cls=jsonschema.Draft202012Validator)


def test_committed_catalog_schema_is_current_and_accepts_the_bundled_catalogs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import jsonschema
    import yaml

    from dxcheck.cli import main

    assert main(["schema", "--catalog-file"]) == 0
    printed = capsys.readouterr().out
    committed = SCHEMA_FILE.parent / "catalog.schema.json"
    assert committed.read_text(encoding="utf-8") == printed, (
        "schemas/catalog.schema.json is stale: run `dxcheck schema --catalog-file`"
    )
    schema = json.loads(printed)
    data_dir = SCHEMA_FILE.parents[1] / "src" / "dxcheck" / "catalog" / "data"
    for version in ("1.0", "2.0", "2.3"):
        data = yaml.load((data_dir / f"{version}.yaml").read_text("utf-8"), Loader=yaml.BaseLoader)
        jsonschema.validate(data, schema)


def test_the_label_table_names_exactly_the_schemas_kinds_of_document() -> None:
    import typing

    from dxcheck.document_kinds import DOCUMENT_KINDS, label
    from dxcheck.models import DocumentKind

    assert typing.get_args(DocumentKind) == tuple(DOCUMENT_KINDS)
    assert label("summary", "ja") == "概要版" and label("summary", "en") == "summary"
