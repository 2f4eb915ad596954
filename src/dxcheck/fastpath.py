"""Start `validate` and `check` without building the typer application.

Building the typer app (importing typer and its click core, declaring eleven commands with
localised help) costs more than validating a plan; pre-commit and editors call `dxcheck
validate plan.yaml` once per save. For the plain forms of these two commands this module reads
the arguments itself and calls the same functions as the typer commands. Anything else (help,
an unknown or malformed option, a value out of range, a missing argument) returns None and the
typer application handles it exactly as before, with its messages and exit codes.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from dxcheck.i18n import LANGS
from dxcheck.limits import MAX_BYTES, MAX_DEPTH
from dxcheck.option_table import COMMANDS, Opt

# option -> its entry in the table
_FLAGS: dict[str, dict[str, Opt]] = {
    command: {flag: opt for opt in options for flag in opt.flags}
    for command, options in COMMANDS.items()
}


def parse(args: list[str]) -> tuple[str, str, dict[str, object]] | None:
    """(command, lang, values) for a plain `validate` or `check` command line, else None."""
    lang_env = os.environ.get("DXCHECK_LANG")
    if lang_env is not None and lang_env not in LANGS:
        return None  # let typer report the bad value
    lang = lang_env or "ja"
    rest = list(args)
    if rest[:1] == ["--lang"]:
        if len(rest) < 2 or rest[1] not in LANGS:
            return None
        lang, rest = rest[1], rest[2:]
    if not rest or rest[0] not in _FLAGS:
        return None
    command, tokens = rest[0], rest[1:]
    spec = _FLAGS[command]
    values: dict[str, object] = {"paths": []}
    paths: list[str] = []
    index = 0
    only_paths = False
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if only_paths or token == "-" or not token.startswith("-"):
            paths.append(token)
            continue
        if token == "--":
            only_paths = True
            continue
        name, eq, attached = token.partition("=")
        if name not in spec or (eq and not name.startswith("--")):
            return None
        opt = spec[name]
        dest, kind = opt.dest, opt.kind
        if kind == "flag":
            if eq:
                return None
            values[dest] = True
            continue
        if eq:
            value = attached
        elif index < len(tokens):
            value = tokens[index]
            index += 1
        else:
            return None
        if kind == "choice":
            if value not in opt.choices:
                return None
            values[dest] = value
        elif kind == "list":
            listed = values.setdefault(dest, [])
            assert isinstance(listed, list)
            listed.append(value)
        elif kind == "int":
            minimum = opt.minimum or 0
            if not value.isascii() or not value.isdigit() or int(value) < minimum:
                return None
            values[dest] = int(value)
        else:
            values[dest] = value
    if not paths:
        return None
    values["paths"] = paths
    return command, lang, values


def dispatch(args: list[str]) -> int | None:
    """Run a plain `validate` / `check` command line; None when typer should handle it."""
    parsed = parse(args)
    if parsed is None:
        return None
    command, lang, values = parsed
    runner: Callable[[], int]
    if command == "validate":
        from dxcheck.commands.validate import run as run_validate

        def runner() -> int:
            return run_validate(
                _strs(values["paths"]),
                str(values.get("fmt", "text")),
                lang,
                max_bytes=_int(values.get("max_bytes"), MAX_BYTES),
                max_depth=_int(values.get("max_depth"), MAX_DEPTH),
            )

    else:
        from dxcheck.options import Options

        opts = Options(
            _strs(values["paths"]),
            as_of=_opt(values.get("as_of")),
            catalog=_opt(values.get("catalog")),
            select=_strs(values["select"]) if "select" in values else None,
            ignore=_strs(values["ignore"]) if "ignore" in values else None,
            fail_on=_opt(values.get("fail_on")),
            config=_opt(values.get("config")),
            lang=lang,
            baseline=_opt(values.get("baseline")),
            diff_base=_opt(values.get("diff_base")),
            jobs=_maybe_int(values.get("jobs")),
            cache=not values.get("no_cache", False),
            quiet=bool(values.get("quiet", False)),
            min_severity=_opt(values.get("min_severity")),
        )
        fmt = str(values.get("fmt", "text"))

        def runner() -> int:
            from dxcheck import batch

            if batch.usable(opts):
                return batch.run(opts, fmt)
            from dxcheck.commands.check import run as run_check

            return run_check(opts, fmt)

    return runner()


def _strs(value: object) -> list[str]:
    assert isinstance(value, list)
    return [str(v) for v in value]


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) else default


def _maybe_int(value: object) -> int | None:
    return value if isinstance(value, int) else None
