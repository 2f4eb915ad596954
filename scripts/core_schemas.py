"""Write (or print the names of stale) core schemas and bundled catalog JSON shipped in
src/dxcheck/data/core/ (see dxcheck.core_schemas).

    python scripts/core_schemas.py --write    # after changing dxcheck/models.py, the catalog
                                              # models or a catalog file
    python scripts/core_schemas.py            # list the files that differ (exit 1 if any)

tests/test_schema.py fails when a shipped file differs from what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def expected() -> dict[str, str]:
    """Every shipped file's name and text, generated from the classes and the YAML files."""
    import yaml
    from pydantic_core import SchemaValidator

    from dxcheck import core_schemas
    from dxcheck.catalog import DATA, bundled_versions

    files = {f"{name}.json": core_schemas.generate(name) for name in core_schemas.SCHEMAS}

    def validated(schema: str, path: Path) -> object:
        import json

        payload = json.loads(files[f"{schema}.json"])
        check = SchemaValidator(
            core_schemas._decode(payload["schema"]), core_schemas._decode(payload["config"])
        )
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return check.validate_python(yaml.load(path.read_text("utf-8"), Loader=loader))

    for version in bundled_versions():
        value = validated("catalog", DATA / f"{version}.yaml")
        files[f"catalog-{version}.data.json"] = core_schemas.generate_data(value, "catalog")
    variants = validated("business_variants", DATA / "core_business_variants.yaml")
    files["core_business_variants.data.json"] = core_schemas.generate_data(
        variants, "business_variants"
    )
    return files


def main() -> int:
    from dxcheck.core_schemas import DATA

    stale = []
    for name, text in expected().items():
        path = DATA / name
        if not path.exists() or path.read_text("utf-8") != text:
            stale.append(name)
            if "--write" in sys.argv[1:]:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, "utf-8")
    for name in stale:
        print(("wrote " if "--write" in sys.argv[1:] else "stale: ") + name)
    return 1 if stale and "--write" not in sys.argv[1:] else 0


if __name__ == "__main__":
    sys.exit(main())
