"""Reading a plan as it is at a git revision (`REV:path`), for --diff-base and `dxcheck diff`."""

from __future__ import annotations

import os
import subprocess


class GitError(Exception):
    """git is missing, the folder is not a repository, or the revision is unknown."""


def show(rev: str, path: str) -> bytes | None:
    """The bytes of ``path`` at ``rev``; None when the file did not exist there."""
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    try:
        verify = subprocess.run(
            ["git", "-C", folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise GitError(f"git を実行できません / cannot run git: {exc.strerror}") from None
    if verify.returncode != 0:
        raise GitError(
            f"{rev} はgitのリビジョンとして見つかりません（{folder}） / unknown revision {rev}"
        )
    proc = subprocess.run(
        ["git", "-C", folder, "show", f"{rev}:./{name}"], capture_output=True, check=False
    )
    if proc.returncode != 0:
        return None
    return proc.stdout


def split_rev_path(spec: str) -> tuple[str | None, str]:
    """`REV:path` → (REV, path); a plain existing path → (None, path)."""
    if os.path.exists(spec) or ":" not in spec:
        return None, spec
    rev, path = spec.split(":", 1)
    return rev, path
