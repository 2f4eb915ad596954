"""`dxcheck check` over many plans: every core, a per-file cache, finished output per plan.

Each plan is validated, checked and rendered in the requested format in one go, by a worker
process or in this one; what comes back is that plan's *finished* part of the output (text
lines, JSON elements, a JUnit suite…) and the few counts the end of the output and the exit
code need (:data:`dxcheck.render.json_out.TALLY`), as one JSON text. That text is also what the
cache keeps, so a run over unchanged plans only reads files, hashes them and writes the parts
it finds, without importing pydantic, the rules or the catalog.

Output is assembled in the order of the files, so it is byte-identical whatever the number of
workers and whichever parts came from the cache.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dxcheck import cache as cache_mod
from dxcheck.console import Out
from dxcheck.diagnostics import Diagnostic, format_line
from dxcheck.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from dxcheck.inputs import STDIN, expand, read_each
from dxcheck.notice import CatalogNotice, catalog_notice
from dxcheck.parallel import pool_map
from dxcheck.progress import progress_for
from dxcheck.render.formats import FORMATS, Whole
from dxcheck.render.json_out import TALLY

if TYPE_CHECKING:
    from dxcheck.checkrun import Settings
    from dxcheck.options import Options


@dataclass(slots=True)
class Part:
    """One plan's finished output and its counts, decoded from the JSON a worker made."""

    fragment: Any  # text: [[line, style], …]; json/sarif: [element, …]; github: str; junit: [suite, tests, failures]
    tally: dict[str, int]
    fail: bool  # a finding at or above the threshold, or an invalid plan
    catalog: str
    period_end: str  # the catalog's 対象期間 end (ISO), for the catalog-age notice
    municipality: tuple[str, str] | None = None  # (code, name) of a valid plan


def encode(
    fragment: Any,
    tally: dict[str, int],
    fail: bool,
    catalog: str,
    period_end: str,
    municipality: tuple[str, str] | None = None,
) -> str:
    return json.dumps(
        {"f": fragment, "t": tally, "x": fail, "c": catalog, "e": period_end, "m": municipality},
        ensure_ascii=False,
        indent=None,
    )


def decode(text: str, fmt: str) -> Part:
    """A part from its JSON text; ValueError if it is not a part of ``fmt`` output (the cache
    is read through this: what does not decode is never trusted)."""
    try:
        raw = json.loads(text)
    except RecursionError:  # nested past the stack: a crafted or corrupted entry
        raise ValueError("not a dxcheck part") from None
    if not isinstance(raw, dict) or set(raw) != {"f", "t", "x", "c", "e", "m"}:
        raise ValueError("not a dxcheck part")
    municipality = raw["m"]
    if municipality is not None and not (
        isinstance(municipality, list)
        and len(municipality) == 2
        and all(isinstance(v, str) for v in municipality)
    ):
        raise ValueError("bad municipality")
    fragment, tally, fail, catalog = raw["f"], raw["t"], raw["x"], raw["c"]
    period_end = raw["e"]
    if not isinstance(period_end, str):
        raise ValueError("bad period end")
    datetime.date.fromisoformat(period_end)  # ValueError if it is not a date
    if not isinstance(tally, dict) or set(tally) != set(TALLY):
        raise ValueError("bad tally")
    if not all(type(v) is int for v in tally.values()):
        raise ValueError("bad tally")
    if not isinstance(fail, bool) or not isinstance(catalog, str):
        raise ValueError("bad part")
    if fmt not in FORMATS or not FORMATS[fmt].fragment_ok(fragment):
        raise ValueError(f"not a {fmt} fragment")
    return Part(
        fragment, tally, fail, catalog, period_end, tuple(municipality) if municipality else None
    )


# --- the worker side: validate, check, render one plan ------------------------------------

_SETTINGS: Settings | None = None
_FMT = "text"
_LANG = "ja"


def _init(opts: Options, fmt: str, settings: Settings | None = None) -> None:
    """Set up a worker (inherited over fork, else resolved again from the options)."""
    global _SETTINGS, _FMT, _LANG
    import gc

    gc.disable()  # as in cli.main: no cycles worth collecting, and much faster
    if settings is None:
        from dxcheck.checkrun import resolve

        settings = resolve(opts)
    _SETTINGS, _FMT, _LANG = settings, fmt, opts.lang


def render_part(name: str, data: bytes) -> str:
    """Validate, check and render one plan: its part of the output, as JSON text."""
    from dxcheck.checkrun import check_bytes
    from dxcheck.diagnostics import SEVERITY_RANK
    from dxcheck.render import json_out

    settings, fmt, lang = _SETTINGS, _FMT, _LANG
    assert settings is not None, "worker not initialised"
    _, check = check_bytes(data, name, settings)
    catalog = settings.catalog.version
    fragment = FORMATS[fmt].part(check, catalog, lang, settings.fail_on)
    limit = SEVERITY_RANK[settings.fail_on]
    fail = not check.valid or any(SEVERITY_RANK[f.severity] >= limit for f in check.findings)
    period_end = settings.catalog.period_end.isoformat()
    plan = check.plan
    municipality = (plan.municipality.code, plan.municipality.name) if plan is not None else None
    return encode(fragment, json_out.tally(check), fail, catalog, period_end, municipality)


def _render_task(task: tuple[str, bytes]) -> str:
    return render_part(*task)


# --- the parent side ------------------------------------------------------------------------


def settings_key(opts: Options, fmt: str, config_path: str | None, as_of: datetime.date) -> str:
    """Everything besides a file's bytes that changes its part of the output."""
    digest = hashlib.sha256()

    def add(value: object) -> None:
        digest.update(repr(value).encode("utf-8", "surrogateescape") + b"\x1f")

    add(cache_mod.FORMAT_VERSION)
    add(cache_mod.code_fingerprint())
    add(cache_mod.catalog_fingerprint(opts.catalog))
    add(config_path)
    add(cache_mod.file_digest(config_path) if config_path else None)
    for value in (
        fmt,
        opts.lang,
        as_of.isoformat(),
        opts.catalog,
        opts.select,
        opts.ignore,
        opts.fail_on,
        opts.max_bytes,
        opts.max_depth,
    ):
        add(value)
    return digest.hexdigest()


def usable(opts: Options) -> bool:
    """Whether :func:`run` handles these options (else the one-process path in
    :mod:`dxcheck.commands.check`)."""
    return opts.baseline is None and opts.diff_base is None and STDIN not in opts.paths


def run(opts: Options, fmt: str) -> int:
    """`dxcheck check` with finished parts per plan (workers and cache)."""
    from dxcheck.config_files import find_config
    from dxcheck.options import UsageError, parse_as_of

    err = Out(sys.stderr)
    try:
        as_of = parse_as_of(opts.as_of)
    except UsageError as exc:
        err.line(f"dxcheck: {exc}", "error")
        return EXIT_USAGE
    config_path = opts.config
    if config_path is None:
        config_path = find_config(next(iter(opts.paths), "."))
    expanded = expand(opts.paths)
    unreadable: list[Diagnostic] = list(expanded.errors)
    store: cache_mod.Cache | None = None
    if opts.cache and expanded.files:
        folder = cache_mod.folder_for(config_path)
        store = cache_mod.Cache(folder, settings_key(opts, fmt, config_path, as_of))

    parts: list[Part | None] = []
    names: list[str] = []
    todo: list[tuple[int, str, bytes, str]] = []  # index, name, bytes, digest
    for name, data in read_each(expanded.files, opts.max_bytes, unreadable):
        names.append(name)
        digest = ""
        if store is not None:
            digest = hashlib.sha256(data).hexdigest()
            text = store.get(name, digest)
            if text is not None:
                try:
                    parts.append(decode(text, fmt))
                    continue
                except (ValueError, TypeError, KeyError):  # not a part: never trusted
                    pass
        todo.append((len(parts), name, data, digest))
        parts.append(None)

    if todo or not parts:
        from dxcheck.checkrun import resolve

        try:
            settings = resolve(opts)
        except UsageError as exc:
            err.line(f"dxcheck: {exc}", "error")
            return EXIT_USAGE
        catalog = settings.catalog.version
        period_end = settings.catalog.period_end
        with progress_for(opts, fmt, len(todo)) as advance:
            for (index, name, _, digest), text in zip(
                todo, _render_all(opts, fmt, settings, todo, advance), strict=True
            ):
                parts[index] = decode(text, fmt)
                if store is not None:
                    store.put(name, digest, text)
    else:
        first = parts[0]
        assert first is not None
        catalog = first.catalog
        period_end = datetime.date.fromisoformat(first.period_end)

    for d in unreadable:
        err.line(format_line(d, opts.lang), "error")
    done = [p for p in parts if p is not None]
    notice = catalog_notice(catalog, period_end, as_of)
    write_output(done, fmt, opts.lang, as_of, catalog, notice, opts.min_severity)
    if len(done) > 1:
        from dxcheck.engine.duplicates import note_lines, same_municipality

        entries = [
            (n, *p.municipality) for n, p in zip(names, parts, strict=True) if p and p.municipality
        ]
        for line in note_lines(same_municipality(entries), opts.lang):
            err.line(line)
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(p.fail for p in done) else EXIT_OK


def _render_all(
    opts: Options,
    fmt: str,
    settings: Settings,
    todo: list[tuple[int, str, bytes, str]],
    advance: Callable[[], None],
) -> Iterator[str]:
    """The parts of ``todo`` in order, from a pool of workers when there are enough files."""
    tasks = [(name, data) for _, name, data, _ in todo]
    return pool_map(_render_task, tasks, _init, (opts, fmt, settings), opts.jobs, advance)


def write_output(
    parts: list[Part],
    fmt: str,
    lang: str,
    as_of: datetime.date,
    catalog: str,
    notice: CatalogNotice | None = None,
    min_severity: str | None = None,
) -> None:
    """The whole output from the finished parts, exactly as the one-process path writes it."""
    run = Whole([p.tally for p in parts], as_of, catalog, lang, notice, min_severity)
    FORMATS[fmt].write([p.fragment for p in parts], run)
