"""The JSON Schema of plan files, exported from the pydantic models (schemas/plan.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from dxcheck.models import Plan


def plan_schema() -> dict[str, Any]:
    schema = Plan.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def catalog_schema() -> dict[str, Any]:
    """The schema of a catalog file (``--catalog FILE``): schemas/catalog.schema.json."""
    from dxcheck.catalog.models import Catalog

    schema = Catalog.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "dxcheck catalog (自治体DX推進計画の版)"
    return schema


def catalog_schema_text() -> str:
    return json.dumps(catalog_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
