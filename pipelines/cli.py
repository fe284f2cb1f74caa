"""`tsr`: the command line of the package. Thin: every command calls a library function.

Each command's docstring ends with an example; errors are printed as `[code] file: key: problem`
lines and the command exits non-zero.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pipelines.errors import TsrError
from pipelines.paths import REPO_ROOT, Layout


def _repaired_root(ctx: click.Context, param: click.Parameter, root: Path) -> Path:
    """Before any command reads the package, finish a publish that a crash interrupted, and say so."""
    from pipelines.publish.journal import repair

    try:
        done = repair(root)
    except TsrError as exc:
        _fail(exc)
    if done:
        click.echo(done, err=True)
    return root


root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=REPO_ROOT, show_default=True,
    callback=_repaired_root, help="Package root (the folder holding datapackage.json).")


def _fail(exc: TsrError) -> None:
    for problem in exc.problems:
        click.echo(str(problem), err=True)
    raise SystemExit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Türkiye–Syria trade, returns and reconstruction statistics."""


@cli.command()
@root_option
@click.option("--force", is_flag=True, help="Rebuild even if no input changed.")
def build(root: Path, force: bool) -> None:
    """Build and publish the whole package: tables, DuckDB, CSV, Parquet, datapackage.json, charts, page.

    Example: tsr build
    """
    from pipelines.build import build_package

    try:
        report = build_package(Layout(root), force=force)
    except TsrError as exc:
        outcome = "the package is half-swapped" if "publish-half-swapped" in exc.codes else "nothing was published"
        click.echo(f"build failed: {len(exc.problems)} problem(s); {outcome}", err=True)
        _fail(exc)
    click.echo(report)


@cli.command()
@root_option
@click.argument("query", required=False)
@click.option("--file", "-f", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a .sql file (e.g. one of queries/*.sql).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def sql(root: Path, query: str | None, query_file: Path | None, fmt: str) -> None:
    """Run a read-only SQL query against data/turkey_syria.duckdb; writes are refused.

    Example: tsr sql "SELECT indicator, value, qualifier FROM facts WHERE category = 'returns'"

    Example: tsr sql --file queries/01_returns_hatay_share.sql --format csv
    """
    from pipelines.query.sql import ReadOnlyError, format_result, run_query

    if (query is None) == (query_file is None):
        raise click.UsageError("give either QUERY or --file")
    text = query if query is not None else query_file.read_text(encoding="utf-8")
    try:
        click.echo(format_result(run_query(Layout(root).database, text), fmt), nl=False)
    except ReadOnlyError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["en", "tr"]), default="en", show_default=True)
@click.option("--reference-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Resolve relative dates and year-less dates against this day.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
def mentions(files: tuple[Path, ...], lang: str, reference_date, fmt: str) -> None:
    """Print every number and date mention in FILES, one JSON object per line.

    Example: tsr mentions data/sources/003_6dc9c966a4e88e09.txt --format table
    """
    import dataclasses
    import json

    from pipelines.extract import extract_mentions
    from pipelines.sources.registry import decode_text

    ref = reference_date.date() if reference_date else None
    rows = []
    for path in files:
        try:
            text = decode_text(path.read_bytes(), str(path))
        except TsrError as exc:
            _fail(exc)
        for mention in extract_mentions(text, lang=lang, reference_date=ref):
            rows.append({"source": str(path), **dataclasses.asdict(mention)})
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    columns = ["source", "start", "end", "kind", "text", "value", "unit", "date", "date_precision", "approx", "qualifier", "lower", "upper"]
    widths = {c: max([len(c)] + [len(str(r[c] if r[c] is not None else "")) for r in rows]) for c in columns}
    click.echo("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        click.echo("  ".join(str(row[c] if row[c] is not None else "").ljust(widths[c]) for c in columns))


@cli.command("add-source")
@root_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", required=True, help="The document's own title (its headline).")
@click.option("--publisher", default=None, help="Publisher or outlet.")
@click.option("--url", default=None, help="Address the document was taken from.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Publication day, YYYY-MM-DD.")
@click.option("--published-between", nargs=2, type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="EARLIEST LATEST", help="Bounds of an unknown publication day.")
@click.option("--language", type=click.Choice(["en", "tr"]), default="en", show_default=True)
@click.option("--basis", default=None, help="What the publication date rests on.")
def add_source_command(root: Path, file: Path, title: str, publisher, url, published, published_between, language: str,
                       basis) -> None:
    """Register FILE as a new source (vendored unchanged, with metadata) and print its id.

    Example: tsr add-source report.txt --title "Returns pass one million" --published 2025-06-01 --language tr
    """
    from pipelines.sources.add import add_source

    try:
        source_id = add_source(
            Layout(root), file, title=title, publisher=publisher, url=url,
            published=published.date() if published else None,
            published_between=tuple(d.date() for d in published_between) if published_between else None,
            language=language, basis=basis)
    except TsrError as exc:
        _fail(exc)
    click.echo(source_id)


@cli.command()
@root_option
@click.argument("source_id")
@click.option("--force", is_flag=True, help="Overwrite an existing coding file (its coding is lost).")
def stub(root: Path, source_id: str, force: bool) -> None:
    """Write data/coding/SOURCE_ID.yaml with one todo per number and date mention, ready to code.

    Example: tsr stub 004_1a2b3c4d5e6f7a8b
    """
    from pipelines.coding.stub import write_stub

    layout = Layout(root)
    try:
        path = write_stub(layout, source_id, force=force)
    except TsrError as exc:
        _fail(exc)
    click.echo(layout.rel(path))


@cli.command()
@root_option
@click.argument("source_id", required=False)
def coverage(root: Path, source_id: str | None) -> None:
    """Count each source's mentions coded as facts, events, both, dismissed, and still todo or unaccounted.

    Exits non-zero while any mention is todo or unaccounted.
    Example: tsr coverage 003_6dc9c966a4e88e09
    """
    from pipelines.coding.coverage import complete, coverage as coverage_table, format_coverage

    try:
        table = coverage_table(Layout(root), source_id)
    except TsrError as exc:
        _fail(exc)
    click.echo(format_coverage(table))
    if not complete(table):
        raise SystemExit(1)


def main() -> None:
    cli(prog_name="tsr")


if __name__ == "__main__":
    sys.exit(main())
