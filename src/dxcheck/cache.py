"""The per-file cache of `dxcheck check` (the ruff / pre-commit habit).

One entry per plan file and run settings: its name is a hash of the settings key (dxcheck's
version and code, the catalog data, the configuration file, the as-of date, the format, the
language and every option that changes output; see :func:`dxcheck.batch.settings_key`) and the
file's path; inside is the hash of the file's bytes and that plan's finished part of the
output. Editing a plan replaces its entry; anything else that changes makes a new settings key.

The folder is ``.dxcheck_cache/`` next to the configuration file (else in the current folder),
or ``$DXCHECK_CACHE_DIR``; it holds a ``.gitignore`` with ``*`` so git never sees it. Remove it
with ``dxcheck cache clean`` (or simply delete the folder).

Entries are written to a temporary file and renamed into place, so a reader sees a whole entry
or none, also with several dxcheck processes at once (pre-commit runs hooks in parallel). An
entry is used only if its magic line, settings key, path, file hash and payload checksum all
match and its payload decodes as a dxcheck part; anything else (truncated, corrupted, foreign, from another
version) is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache

FORMAT_VERSION = 1
FOLDER_NAME = ".dxcheck_cache"
MAGIC = f"dxcheck-cache/{FORMAT_VERSION}"
ENV = "DXCHECK_CACHE_DIR"
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def folder_for(config_path: str | None) -> str:
    """Where the cache lives for a run that uses ``config_path`` (None: no configuration)."""
    explicit = os.environ.get(ENV)
    if explicit:
        return explicit
    base = os.path.dirname(os.path.abspath(config_path)) if config_path else os.getcwd()
    return os.path.join(base, FOLDER_NAME)


def file_digest(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


@cache
def code_fingerprint() -> str:
    """dxcheck's version, the size and time of each of its files (code, templates, catalog
    data), Python's version and where and when pydantic, pydantic-core and PyYAML were
    installed: an edited checkout, a reinstall or an upgrade never reuses old results."""
    from dxcheck import __version__

    digest = hashlib.sha256(__version__.encode())
    roots = [_PACKAGE, os.path.join(os.path.dirname(os.path.dirname(_PACKAGE)), "templates")]
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                if name.endswith((".pyc", ".pyo")):
                    continue
                try:
                    st = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                rel = os.path.relpath(os.path.join(folder, name), root)
                digest.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    # the libraries whose behaviour shows in the output (schema messages, YAML parsing), by
    # where they are installed and when, without importing them
    import importlib.util

    digest.update(sys.version.encode())
    for library in ("pydantic", "pydantic_core", "yaml"):
        spec = importlib.util.find_spec(library)
        origin = spec.origin if spec is not None else None
        try:
            stamp = os.stat(origin).st_mtime_ns if origin else None
        except OSError:
            stamp = None
        digest.update(f"{library}\0{origin}\0{stamp}\n".encode())
    return digest.hexdigest()


def catalog_fingerprint(choice: str | None) -> str:
    """The content of the catalog data a run may use: every bundled version's file and, when
    ``--catalog`` names a file, that file's bytes (not just a version name)."""
    digest = hashlib.sha256()
    data = os.path.join(_PACKAGE, "catalog", "data")
    try:
        names = sorted(os.listdir(data))
    except OSError:
        names = []
    for name in names:
        digest.update(
            name.encode() + b"\0" + (file_digest(os.path.join(data, name)) or "").encode()
        )
    if choice and os.path.isfile(choice):
        digest.update(b"file\0" + (file_digest(choice) or "").encode())
    return digest.hexdigest()


class Cache:
    """Entries of one settings key in ``folder`` (created on first write)."""

    def __init__(self, folder: str, key: str) -> None:
        self.folder = folder
        self.key = key
        self.writable = True

    def _entry(self, name: str) -> str:
        ident = hashlib.sha256(f"{self.key}\0{name}".encode("utf-8", "surrogateescape"))
        hexname = ident.hexdigest()
        return os.path.join(self.folder, hexname[:2], hexname[2:])

    def _header(self, name: str, digest: str) -> str:
        return f"{MAGIC}\n{self.key}\n{name.encode('utf-8', 'surrogateescape').hex()}\n{digest}\n"

    def get(self, name: str, digest: str) -> str | None:
        """The payload stored for ``name`` with bytes hashing to ``digest``, if intact (the
        caller still decodes it and treats a payload it cannot decode as missing)."""
        try:
            with open(self._entry(name), "rb") as handle:
                raw = handle.read()
        except OSError:
            return None
        header = self._header(name, digest).encode()
        if not raw.startswith(header):
            return None
        rest = raw[len(header) :]
        check, sep, payload = rest.partition(b"\n")
        if not sep or hashlib.sha256(payload).hexdigest().encode() != check:
            return None
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def put(self, name: str, digest: str, payload: str) -> None:
        """Store atomically (write a temporary file, rename); silently skip if not writable."""
        if not self.writable:
            return
        path = self._entry(name)
        body = payload.encode("utf-8")
        data = self._header(name, digest).encode() + hashlib.sha256(body).hexdigest().encode()
        data += b"\n" + body
        import tempfile

        try:
            ensure_folder(self.folder)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, path)
            except BaseException:
                remove_quietly(tmp)
                raise
        except OSError:
            self.writable = False  # read-only checkout, full disk: run without caching


def ensure_folder(folder: str) -> None:
    """The cache folder with its .gitignore (``*``) and CACHEDIR.TAG."""
    if os.path.isdir(folder) and os.path.exists(os.path.join(folder, ".gitignore")):
        return
    import tempfile

    os.makedirs(folder, exist_ok=True)
    extras = {
        ".gitignore": "# Created by dxcheck automatically.\n*\n",
        "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by dxcheck.\n",
    }
    for name, text in extras.items():
        target = os.path.join(folder, name)
        if not os.path.exists(target):
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, target)


def remove_quietly(path: str) -> None:
    """Remove a file if it is there (another process may have removed it first)."""
    try:  # noqa: SIM105 - contextlib is not worth importing here
        os.unlink(path)
    except OSError:
        pass


def clean(folder: str) -> bool:
    """Remove the cache folder; False if there was none. Refuses a folder that is not a
    dxcheck cache (no CACHEDIR.TAG written by dxcheck)."""
    if not os.path.isdir(folder):
        return False
    tag = os.path.join(folder, "CACHEDIR.TAG")
    try:
        with open(tag, encoding="utf-8") as handle:
            ours = "dxcheck" in handle.read()
    except OSError:
        ours = False
    if not ours:
        raise ValueError(f"{folder}: not a dxcheck cache folder (no CACHEDIR.TAG by dxcheck)")
    import shutil

    shutil.rmtree(folder)
    return True
