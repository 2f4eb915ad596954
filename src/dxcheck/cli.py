"""The command line: parse arguments, call the steps, choose the exit code. Nothing else.

Exit codes (all commands): 0 nothing at or above the threshold; 1 findings at or above it, or
an invalid plan; 2 usage error or unreadable input. Heavy modules are imported inside the
command that needs them, so ``dxcheck validate`` never imports jinja2 or rich, and plain
`validate` / `check` command lines do not even build the typer app (dxcheck.fastpath).
"""

import gc
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from dxcheck import __version__
from dxcheck.i18n import detect_lang, hoist_lang, t

if TYPE_CHECKING:
    import typer

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


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

    return Localised


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

    @app.command(help=t("validate", lang), cls=command_cls)
    def validate(
        paths: Annotated[list[str], typer.Argument(help=t("paths", lang))],
        fmt: Annotated[
            OutFormat, typer.Option("--format", "-f", help=t("format", lang))
        ] = OutFormat.text,
        max_bytes: Annotated[
            int, typer.Option("--max-bytes", min=1, help=t("max_bytes", lang))
        ] = 10 * 1024 * 1024,
        max_depth: Annotated[
            int, typer.Option("--max-depth", min=2, help=t("max_depth", lang))
        ] = 64,
    ) -> None:
        from dxcheck.commands.validate import run

        raise typer.Exit(run(paths, fmt.value, lang, max_bytes=max_bytes, max_depth=max_depth))

    @app.command(help=t("check", lang), cls=command_cls)
    def check(
        paths: Annotated[list[str], typer.Argument(help=t("paths", lang))],
        fmt: Annotated[
            CheckFormat, typer.Option("--format", "-f", help=t("format", lang))
        ] = CheckFormat.text,
        as_of: Annotated[str | None, typer.Option("--as-of", help=t("as_of", lang))] = None,
        catalog: Annotated[
            str | None, typer.Option("--catalog", help=t("catalog_opt", lang))
        ] = None,
        select: Annotated[
            list[str] | None, typer.Option("--select", help=t("select", lang))
        ] = None,
        ignore: Annotated[
            list[str] | None, typer.Option("--ignore", help=t("ignore", lang))
        ] = None,
        fail_on: Annotated[
            FailOn | None, typer.Option("--fail-on", help=t("fail_on", lang))
        ] = None,
        config: Annotated[str | None, typer.Option("--config", help=t("config", lang))] = None,
        baseline: Annotated[
            str | None, typer.Option("--baseline", help=t("baseline_opt", lang))
        ] = None,
        diff_base: Annotated[
            str | None, typer.Option("--diff-base", help=t("diff_base", lang))
        ] = None,
        jobs: Annotated[
            int | None, typer.Option("--jobs", "-j", min=1, help=t("jobs", lang))
        ] = None,
        no_cache: Annotated[bool, typer.Option("--no-cache", help=t("no_cache", lang))] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help=t("quiet", lang))] = False,
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
        )
        raise typer.Exit(run(opts, fmt.value))

    @app.command("baseline", help=t("baseline_cmd", lang), cls=command_cls)
    def baseline_cmd(
        paths: Annotated[list[str], typer.Argument(help=t("paths", lang))],
        out: Annotated[str, typer.Option("--out", "-o", help=t("baseline_out", lang))] = (
            "dxcheck-baseline.json"
        ),
        as_of: Annotated[str | None, typer.Option("--as-of", help=t("as_of", lang))] = None,
        catalog: Annotated[
            str | None, typer.Option("--catalog", help=t("catalog_opt", lang))
        ] = None,
        config: Annotated[str | None, typer.Option("--config", help=t("config", lang))] = None,
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
        as_of: Annotated[str | None, typer.Option("--as-of", help=t("as_of", lang))] = None,
        catalog: Annotated[
            str | None, typer.Option("--catalog", help=t("catalog_opt", lang))
        ] = None,
    ) -> None:
        from dxcheck.commands.diff import run as run_diff

        raise typer.Exit(run_diff(old, new, fmt.value, as_of, catalog, lang))

    @app.command(help=t("report", lang), cls=command_cls)
    def report(
        paths: Annotated[list[str], typer.Argument(help=t("paths", lang))],
        fmt: Annotated[
            ReportFormat, typer.Option("--format", "-f", help=t("format", lang))
        ] = ReportFormat.md,
        out: Annotated[str | None, typer.Option("--out", "-o", help=t("report_out", lang))] = None,
        as_of: Annotated[str | None, typer.Option("--as-of", help=t("as_of", lang))] = None,
        catalog: Annotated[
            str | None, typer.Option("--catalog", help=t("catalog_opt", lang))
        ] = None,
        sort: Annotated[SortKey, typer.Option("--sort", help=t("sort", lang))] = SortKey.code,
        template_dir: Annotated[
            str | None, typer.Option("--template-dir", help=t("template_dir", lang))
        ] = None,
        config: Annotated[str | None, typer.Option("--config", help=t("config", lang))] = None,
        jobs: Annotated[
            int | None, typer.Option("--jobs", "-j", min=1, help=t("jobs", lang))
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
            str | None, typer.Option("--catalog", help=t("catalog_opt", lang))
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
            str | None, typer.Option("--municipality", "-m", help=t("init_name", lang))
        ] = None,
        code: Annotated[str | None, typer.Option("--code", help=t("init_code", lang))] = None,
        out: Annotated[str | None, typer.Option("--out", "-o", help=t("init_out", lang))] = None,
        prefecture: Annotated[
            str | None, typer.Option("--prefecture", "-p", help=t("init_prefecture", lang))
        ] = None,
    ) -> None:
        from dxcheck.commands.init import run as run_init

        raise typer.Exit(run_init(municipality, code, out, lang, prefecture))

    @app.command(help=t("draft", lang), cls=command_cls)
    def draft(
        document: Annotated[str, typer.Argument(metavar="INPUT", help=t("draft_input", lang))],
        out: Annotated[str | None, typer.Option("--out", "-o", help=t("draft_out", lang))] = None,
        ocr: Annotated[bool, typer.Option("--ocr", help=t("draft_ocr", lang))] = False,
    ) -> None:
        from dxcheck.draft.command import run as run_draft

        raise typer.Exit(run_draft(document, out, lang, ocr))

    @app.command(help=t("schema", lang), cls=command_cls)
    def schema(
        out: Annotated[str | None, typer.Option("--out", "-o", help=t("out", lang))] = None,
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


def _skip_pydantic_plugins() -> None:
    """dxcheck uses no pydantic plugins, but pydantic looks for them (importing
    importlib.metadata and scanning every installed package's entry points) when it builds the
    first model: a quarter of a one-file `validate`. In the command-line process only (never
    when dxcheck is imported as a library), answer "no plugins" without the scan, unless the
    user configured PYDANTIC_DISABLE_PLUGINS otherwise or pydantic is already loaded."""
    import os

    if "pydantic" in sys.modules or os.environ.get("PYDANTIC_DISABLE_PLUGINS", "__all__") not in (
        "__all__",
        "1",
        "true",
    ):
        return
    import types

    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # () : no plugins
    sys.modules.setdefault("pydantic.plugin._loader", loader)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``dxcheck`` console script and ``python -m dxcheck``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None:  # the console script, not a caller in the same process
        _skip_pydantic_plugins()
    # dxcheck builds many small trees that live until the output is written and holds no
    # reference cycles worth collecting; the cyclic GC rescanning them cost more than parsing
    # (3.5 s of 7 s on 1,788 plans). Reference counting still frees everything else.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(args)
    finally:
        if collecting:
            gc.enable()


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
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into Exit(130), silently
            sys.stderr.write("中断しました / interrupted\n")
        return code if isinstance(code, int) else (0 if code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        sys.stderr.write("中断しました / interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as exc:  # never a traceback for the user
        sys.stderr.write(
            f"dxcheck: 内部エラー / internal error: {type(exc).__name__}: {exc}\n"
            "この問題を報告してください / please report this problem\n"
        )
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
