"""Paths as a code host knows them: relative to the repository's root.

GitHub attaches an annotation or a SARIF result to a pull request's diff only when its path is
the file's path inside the repository (``plans/042030-shiogama.yaml``), whatever folder dxcheck
ran in and however the path was given (``../plans/x.yaml``, an absolute path). The root is
``$GITHUB_WORKSPACE`` when the file lies inside it (the checkout on a runner), else the nearest
folder above the file that holds ``.git``; a file outside any repository keeps its path as given.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache


def ancestors(folder: str) -> Iterator[str]:
    """``folder`` (made absolute) and each folder above it, up to the file system's root: where
    dxcheck looks for a repository, a configuration file or a schema."""
    current = os.path.abspath(folder)
    while True:
        yield current
        parent = os.path.dirname(current)
        if parent == current:
            return
        current = parent


@lru_cache(maxsize=256)
def _root_of(folder: str) -> str | None:
    return next((f for f in ancestors(folder) if os.path.exists(os.path.join(f, ".git"))), None)


def repo_relative(path: str) -> str:
    """``path`` relative to its repository's root, with forward slashes."""
    if path == "-":
        return path
    absolute = os.path.abspath(path)
    workspace = os.environ.get("GITHUB_WORKSPACE")
    root: str | None = None
    if workspace:
        workspace = os.path.abspath(workspace)
        if absolute.startswith(workspace.rstrip(os.sep) + os.sep):
            root = workspace
    if root is None:
        root = _root_of(os.path.dirname(absolute))
    if root is None:
        return path.replace("\\", "/").removeprefix("./")
    return os.path.relpath(absolute, root).replace(os.sep, "/")


def schema_location(folder: str) -> tuple[str, bool]:
    """Where the plan's ``$schema`` header should point: the nearest schemas/plan.schema.json
    of the plan's own repository (from the plan's folder up to the folder holding .git), and
    whether it exists. Never the installed package: a path into one user's virtualenv breaks
    for every colleague. Without one, the repository root's schemas/plan.schema.json (the
    user is told to write it there with `dxcheck schema`)."""
    top = os.path.abspath(folder)
    for current in ancestors(folder):
        candidate = os.path.join(current, "schemas", "plan.schema.json")
        if os.path.isfile(candidate):
            return candidate, True
        if os.path.isdir(os.path.join(current, ".git")):
            top = current
            break
    if top == os.path.abspath(folder) and os.path.basename(top) == "plans":
        top = os.path.dirname(top)  # a plans/ folder outside git: its parent is the project
    return os.path.join(top, "schemas", "plan.schema.json"), False
