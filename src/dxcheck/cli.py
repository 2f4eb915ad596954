"""The command line: parse arguments, call the steps, choose the exit code. Nothing else.

Exit codes (all commands): 0 nothing at or above the threshold; 1 findings at or above it, or
an invalid plan; 2 usage error or unreadable input. Heavy modules are imported inside the
command that needs them, so ``dxcheck validate`` never imports jinja2 or rich, and plain
`validate` / `check` command lines do not even build the typer app (dxcheck.fastpath).
"""

import contextlib
import gc
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from dxcheck import __version__
from dxcheck.exits import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from dxcheck.i18n import detect_lang, hoist_lang, t
from dxcheck.limits import MAX_BYTES, MAX_DEPTH
from dxcheck.option_table import option

if TYPE_CHECKING:
    import typer


# The choices of --format and --fail-on; tests/test_check_cli.py checks that they are the
# option table's (dxcheck.option_table), which the fast path reads.
class OutFormat(StrEnum):
    text = "text"
    json = "json"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    xlsx = "xlsx"  # issue 21: dxcheck.commands.spreadsheet
    csv = "csv"


class SortKey(StrEnum):
    code = "code"
    gaps = "gaps"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Lang(StrEnum):
    ja = "ja"
    en = "en"


def _localised(base: type[Any], text: str) -> type[Any]:
    """``base`` (a typer command or group class) whose -h/--help option is described in the
    user's language (typer hard-codes "Show this message and exit.")."""

    class Localised(base):  # type: ignore[misc]
        def get_help_option(self, ctx: Any) -> Any:
            option = super().get_help_option(ctx)
            if option is not None:
                option.help = text
            return option

        def get_params(self, ctx: Any) -> Any:
            params = super().get_params(ctx)
            for param in params:
                _plain_help(param)
            return params

        def get_short_help_str(self, limit: int = 45) -> str:
            """The command's line in the list of commands: its first sentence, whole. click
            cuts at 45 characters (「計画の文書（PDF・Word...」), which is a few words in
            Japanese."""
            first = (self.short_help or self.help or "").strip().split("\n\n", 1)[0]
            first = " ".join(first.split())
            for end in ("。", ". "):
                if end in first:
                    first = first.split(end, 1)[0] + end.strip()
                    break
            return first

    return Localised


def _plain_help(param: Any) -> None:
    """--help in the words of the command line, not of Python: `PATHS...` (not `{paths}...
    <list[str]>`), `--as-of DATE` (not `<str>`); a choice still lists its values."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or getattr(param, "_plain", False):
        return
    param._plain = True
    if not descriptor.is_choice:
        param.display_type = lambda ctx: ""
    if getattr(param, "param_type_name", "") == "argument":
        name = param.metavar or param.name.upper()
        usage = name if param.nargs == 1 else f"{name}..."
        param._usage_display_name = lambda: usage
        param._rich_display_name = lambda: usage


def build_app(lang: str) -> "typer.Typer":
    """The typer application with its help texts in ``lang``."""
    import typer
    from typer.core import TyperCommand, TyperGroup

    command_cls = _localised(TyperCommand, t("help_opt", lang))
    app = typer.Typer(
        cls=_localised(TyperGroup, t("help_opt", lang)),
        help=t("app", lang),
        add_completion=False,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def _version(value: bool) -> None:
        if value:
            typer.echo(f"dxcheck {__version__}")
            raise typer.Exit(EXIT_OK)

    @app.callback()
    def root(
        lang_opt: Annotated[
            Lang, typer.Option("--lang", help=t("lang", lang), envvar="DXCHECK_LANG")
        ] = Lang.ja,
        version: Annotated[
            bool,
            typer.Option("--version", help=t("version", lang), callback=_version, is_eager=True),
        ] = False,
    ) -> None:
        del lang_opt, version  # read before typer starts (detect_lang), kept for --help

    def opt(command: str, dest: str) -> Any:
        """The typer option of ``command`` for ``dest``, from the option table."""
        entry = option(command, dest)
        extra: dict[str, Any] = {} if entry.minimum is None else {"min": entry.minimum}
        if entry.metavar is not None:
            extra["metavar"] = entry.metavar
        return typer.Option(*entry.flags, help=t(entry.help, lang), **extra)

    @app.command(help=t("validate", lang), cls=command_cls)
    def validate(
        paths: Annotated[list[str], typer.Argument(metavar="PATHS", help=t("paths", lang))],
        fmt: Annotated[OutFormat, opt("validate", "fmt")] = OutFormat.text,
        max_bytes: Annotated[int, opt("validate", "max_bytes")] = MAX_BYTES,
        max_depth: Annotated[int, opt("validate", "max_depth")] = MAX_DEPTH,
    ) -> None:
        from dxcheck.commands.validate import run

        raise typer.Exit(run(paths, fmt.value, lang, max_bytes=max_bytes, max_depth=max_depth))

    @app.command(help=t("check", lang), cls=command_cls)
    def check(
        paths: Annotated[list[str], typer.Argument(metavar="PATHS", help=t("paths", lang))],
        fmt: Annotated[CheckFormat, opt("check", "fmt")] = CheckFormat.text,
        as_of: Annotated[str | None, opt("check", "as_of")] = None,
        catalog: Annotated[str | None, opt("check", "catalog")] = None,
        select: Annotated[list[str] | None, opt("check", "select")] = None,
        ignore: Annotated[list[str] | None, opt("check", "ignore")] = None,
        fail_on: Annotated[FailOn | None, opt("check", "fail_on")] = None,
        min_severity: Annotated[FailOn | None, opt("check", "min_severity")] = None,
        config: Annotated[str | None, opt("check", "config")] = None,
        baseline: Annotated[str | None, opt("check", "baseline")] = None,
        diff_base: Annotated[str | None, opt("check", "diff_base")] = None,
        jobs: Annotated[int | None, opt("check", "jobs")] = None,
        no_cache: Annotated[bool, opt("check", "no_cache")] = False,
        quiet: Annotated[bool, opt("check", "quiet")] = False,
    ) -> None:
        from dxcheck.commands.check import Options, run

        opts = Options(
            paths,
            as_of=as_of,
            catalog=catalog,
            select=select,
            ignore=ignore,
            fail_on=fail_on.value if fail_on else None,
            config=config,
            lang=lang,
            baseline=baseline,
            diff_base=diff_base,
            jobs=jobs,
            cache=not no_cache,
            quiet=quiet,
            min_severity=min_severity.value if min_severity else None,
        )
        raise typer.Exit(run(opts, fmt.value))

    @app.command("baseline", help=t("baseline_cmd", lang), cls=command_cls)
    def baseline_cmd(
        paths: Annotated[list[str], typer.Argument(metavar="PATHS", help=t("paths", lang))],
        out: Annotated[
            str, typer.Option("--out", "-o", metavar="FILE", help=t("baseline_out", lang))
        ] = ("dxcheck-baseline.json"),
        as_of: Annotated[
            str | None, typer.Option("--as-of", metavar="DATE", help=t("as_of", lang))
        ] = None,
        catalog: Annotated[
            str | None,
            typer.Option("--catalog", metavar="VERSION|FILE", help=t("catalog_opt", lang)),
        ] = None,
        config: Annotated[
            str | None, typer.Option("--config", metavar="FILE", help=t("config", lang))
        ] = None,
    ) -> None:
        from dxcheck.commands.check import Options, write_baseline

        opts = Options(paths, as_of=as_of, catalog=catalog, config=config, lang=lang)
        raise typer.Exit(write_baseline(opts, out))

    @app.command("diff", help=t("diff_cmd", lang), cls=command_cls)
    def diff_cmd(
        old: Annotated[str, typer.Argument(metavar="OLD", help=t("diff_old", lang))],
        new: Annotated[str, typer.Argument(metavar="NEW", help=t("diff_new", lang))],
        fmt: Annotated[
            OutFormat, typer.Option("--format", "-f", help=t("format", lang))
        ] = OutFormat.text,
        as_of: Annotated[
            str | None, typer.Option("--as-of", metavar="DATE", help=t("as_of", lang))
        ] = None,
        catalog: Annotated[
            str | None,
            typer.Option("--catalog", metavar="VERSION|FILE", help=t("catalog_opt", lang)),
        ] = None,
    ) -> None:
        from dxcheck.commands.diff import run as run_diff

        raise typer.Exit(run_diff(old, new, fmt.value, as_of, catalog, lang))

    @app.command(help=t("report", lang), cls=command_cls)
    def report(
        paths: Annotated[list[str], typer.Argument(metavar="PATHS", help=t("paths", lang))],
        fmt: Annotated[
            ReportFormat, typer.Option("--format", "-f", help=t("format", lang))
        ] = ReportFormat.md,
        out: Annotated[
            str | None, typer.Option("--out", "-o", metavar="PATH", help=t("report_out", lang))
        ] = None,
        as_of: Annotated[
            str | None, typer.Option("--as-of", metavar="DATE", help=t("as_of", lang))
        ] = None,
        catalog: Annotated[
            str | None,
            typer.Option("--catalog", metavar="VERSION|FILE", help=t("catalog_opt", lang)),
        ] = None,
        sort: Annotated[SortKey, typer.Option("--sort", help=t("sort", lang))] = SortKey.code,
        template_dir: Annotated[
            str | None, typer.Option("--template-dir", metavar="DIR", help=t("template_dir", lang))
        ] = None,
        config: Annotated[
            str | None, typer.Option("--config", metavar="FILE", help=t("config", lang))
        ] = None,
        jobs: Annotated[
            int | None, typer.Option("--jobs", "-j", metavar="N", min=1, help=t("jobs", lang))
        ] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("quiet", lang))] = False,
    ) -> None:
        from dxcheck.commands.check import Options
        from dxcheck.commands.report import run

        opts = Options(
            paths, as_of=as_of, catalog=catalog, config=config, lang=lang, jobs=jobs, quiet=quiet
        )
        raise typer.Exit(run(opts, fmt.value, out, template_dir, sort.value))

    @app.command("catalog", help=t("catalog_cmd", lang), cls=command_cls)
    def catalog_cmd(
        version: Annotated[
            str | None,
            typer.Option("--catalog", metavar="VERSION|FILE", help=t("catalog_opt", lang)),
        ] = None,
        fmt: Annotated[
            OutFormat, typer.Option("--format", "-f", help=t("format", lang))
        ] = OutFormat.text,
        sources: Annotated[bool, typer.Option("--sources", help=t("sources_opt", lang))] = False,
        export: Annotated[bool, typer.Option("--export", help=t("export_opt", lang))] = False,
    ) -> None:
        from dxcheck.commands.info import export_catalog, show_catalog, show_catalog_sources

        if export:
            raise typer.Exit(export_catalog(version))
        if sources:
            raise typer.Exit(show_catalog_sources(version, fmt.value, lang))
        raise typer.Exit(show_catalog(version, fmt.value, lang))

    @app.command(help=t("rules", lang), cls=command_cls)
    def rules(
        fmt: Annotated[
            OutFormat, typer.Option("--format", "-f", help=t("format", lang))
        ] = OutFormat.text,
    ) -> None:
        from dxcheck.commands.info import show_rules

        raise typer.Exit(show_rules(fmt.value, lang))

    @app.command(help=t("explain", lang), cls=command_cls)
    def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE")]) -> None:
        from dxcheck.commands.info import explain_rule

        raise typer.Exit(explain_rule(rule_id, lang))

    @app.command(help=t("init", lang), cls=command_cls)
    def init(
        municipality: Annotated[
            str | None,
            typer.Option("--municipality", "-m", metavar="NAME", help=t("init_name", lang)),
        ] = None,
        code: Annotated[
            str | None, typer.Option("--code", metavar="CODE", help=t("init_code", lang))
        ] = None,
        out: Annotated[
            str | None, typer.Option("--out", "-o", metavar="FILE", help=t("init_out", lang))
        ] = None,
        prefecture: Annotated[
            str | None,
            typer.Option("--prefecture", "-p", metavar="NAME", help=t("init_prefecture", lang)),
        ] = None,
    ) -> None:
        from dxcheck.commands.init import run as run_init

        raise typer.Exit(run_init(municipality, code, out, lang, prefecture))

    @app.command(help=t("draft", lang), cls=command_cls)
    def draft(
        document: Annotated[str, typer.Argument(metavar="INPUT", help=t("draft_input", lang))],
        out: Annotated[
            str | None, typer.Option("--out", "-o", metavar="FILE", help=t("draft_out", lang))
        ] = None,
        ocr: Annotated[bool, typer.Option("--ocr", help=t("draft_ocr", lang))] = False,
    ) -> None:
        from dxcheck.draft.command import run as run_draft

        raise typer.Exit(run_draft(document, out, lang, ocr))

    @app.command(help=t("schema", lang), cls=command_cls)
    def schema(
        out: Annotated[
            str | None, typer.Option("--out", "-o", metavar="FILE", help=t("out", lang))
        ] = None,
        catalog_file: Annotated[
            bool, typer.Option("--catalog-file", help=t("schema_catalog", lang))
        ] = False,
    ) -> None:
        from dxcheck.schema import catalog_schema_text, schema_text
        from dxcheck.writer import write_atomic

        text = catalog_schema_text() if catalog_file else schema_text()
        if out:
            write_atomic(out, text)
        else:
            sys.stdout.write(text)

    @app.command("server", help=t("server_cmd", lang), cls=command_cls)
    def server_cmd() -> None:  # issue 21: the language server (dxcheck.server)
        from dxcheck.commands.server import run as run_server

        raise typer.Exit(run_server(lang))

    _add_cache_commands(app, lang, command_cls)
    return app


def _add_cache_commands(app: "typer.Typer", lang: str, command_cls: type[Any]) -> None:
    """`dxcheck cache clean`: remove the cache folder of `check` (see dxcheck.cache)."""
    import typer
    from typer.core import TyperGroup

    cache_app = typer.Typer(
        cls=_localised(TyperGroup, t("help_opt", lang)),
        help=t("cache_cmd", lang),
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    app.add_typer(cache_app, name="cache")

    @cache_app.command("clean", help=t("cache_clean", lang), cls=command_cls)
    def clean(
        path: Annotated[str, typer.Argument(help=t("cache_path", lang))] = ".",
    ) -> None:
        from dxcheck.commands.info import clean_cache

        raise typer.Exit(clean_cache(path, lang))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``dxcheck`` console script and ``python -m dxcheck``."""
    args = list(sys.argv[1:] if argv is None else argv)
    # dxcheck builds many small trees that live until the output is written and holds no
    # reference cycles worth collecting; the cyclic GC rescanning them cost more than parsing
    # (3.5 s of 7 s on 1,788 plans). Reference counting still frees everything else.
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = _run(args)
        # stdout may be closed already (a language server's client went away)
        with contextlib.suppress(ValueError):
            sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _closed_pipe()
    finally:
        if collecting:
            gc.enable()


def _click_saw_closed_pipe() -> bool:
    """click (vendored by typer as typer._click) answers a closed pipe itself: exit 1, with
    stdout wrapped in its PacifyFlushWrapper so the exit flush is quiet. Exit 1 means "findings"
    to dxcheck's users, so tell the two apart by that wrapper."""
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def _closed_pipe() -> int:
    """The reader of our output went away (`dxcheck check plans/ | head -1`): normal use, not an
    error. Say nothing, point stdout at /dev/null so the interpreter's own flush at exit cannot
    complain, and exit as a program ended by SIGPIPE does (128 + 13), like `yes | head`."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def _run(args: list[str]) -> int:
    args = hoist_lang(args)
    lang = detect_lang(args)
    try:
        from dxcheck.fastpath import dispatch

        fast = dispatch(args)
        if fast is not None:
            return fast
        build_app(lang)(args=args, prog_name="dxcheck", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        if _click_saw_closed_pipe():
            return _closed_pipe()
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into Exit(130), silently
            sys.stderr.write("中断しました / interrupted\n")
        return code if isinstance(code, int) else (0 if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        sys.stderr.write("中断しました / interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _closed_pipe()
    except Exception as exc:  # never a traceback for the user
        sys.stderr.write(
            f"dxcheck: 内部エラー / internal error: {type(exc).__name__}: {exc}\n"
            "この問題を報告してください / please report this problem\n"
        )
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
